# Guest side of tests/vm/slots-tour.sh, in slot 0 (alpha): load bravo and
# charlie into resident slots 1 and 2, then tour: every system switches to
# the next one in TOUR, a cycle over every ordered pair of the three, until
# ks.switches= switches are done. Each system checks its counter, memory
# pattern and CPUs each time it runs again (lib.sh).
. /usr/share/kswitch/tests/lib.sh
. /usr/share/kswitch/tests/slots-lib.sh
switches=$(ks_arg ks.switches)

ks_start_agents
for slot in 1 2; do
	name=$(slot_name "$slot")
	kswitch load "$slot" /boot/bzImage --initrd "/boot/$name.cpio.gz" \
		--mem 160M --name "$name" \
		--append "console=ttyS0 panic=-1 ks.scenario=slots-peer ks.nonce=$ks_nonce" ||
		{ ks_fail "kswitch load $slot failed"; exit 1; }
done
kswitch list

round=0
while [ "$(tour_step)" -lt "${switches:-30}" ]; do
	tour_switch
	round=$((round + 1))
	ks_after_switch "$round"
done
kswitch list
exit $ks_fails
