# Guest side of the systems in slots 1.. of tests/vm/slots-tour.sh: check
# that this system's RAM is what its slot was given, then follow the tour.
. /usr/share/kswitch/tests/lib/guest.sh
. /usr/share/kswitch/tests/lib/slots.sh

ks_check_slot_ram
ks_start_agents
round=0
while true; do
	tour_switch
	round=$((round + 1))
	ks_after_switch "$round"
done
