# Guest side of the systems that tests/vm/snapshot.sh saves and restores:
# run the counter and memory pattern, go back to slot 0, and each time this
# system runs again check them, say which slot it is in, and go back.
. /usr/share/kswitch/tests/lib/guest.sh
. /usr/share/kswitch/tests/lib/slots.sh

ks_check_slot_ram
ks_start_agents
round=0
while true; do
	ks_before_switch
	kswitch 0 || ks_fail "kswitch 0 failed"
	round=$((round + 1))
	ks_after_switch "$round"
	echo "$ks_name: in slot $(slot_self) after round $round"
done
