# Guest side of the systems in slots 1.. of tests/vm/slots-tour.sh: check
# that this system's RAM is what its slot was given, then follow the tour.
. /usr/share/kswitch/tests/lib.sh
. /usr/share/kswitch/tests/slots-lib.sh

ram=$(grep ' : System RAM$' /proc/iomem)
echo "$ram" | sed "s/^/$ks_name: RAM /"
echo "$ram" | head -n 1 | grep -q "^000$(slot_self)0000-000$(slot_self)ffff " ||
	ks_fail "no low window of its own below 1 MiB"
ks_start_agents
round=0
while true; do
	tour_switch
	round=$((round + 1))
	ks_after_switch "$round"
done
