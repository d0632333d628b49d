# A system loaded into a slot that another system had left: check its RAM,
# say it ran, and go back to slot 0.
. /usr/share/kswitch/tests/lib/guest.sh
. /usr/share/kswitch/tests/lib/slots.sh

ks_check_slot_ram
echo "$ks_name: visiting slot $(slot_self)"
kswitch 0 || ks_fail "kswitch 0 failed"
# Not entered again in the scenario; stay quiet if it is.
while true; do sleep 60; done
