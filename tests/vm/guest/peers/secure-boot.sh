# The systems in slots 1 and 2 of tests/vm/secure-boot.sh: booted from the
# signed kernel, they are locked down as slot 0 is (the loader handed on
# Secure Boot's state); check their RAM, then follow slot 0's tour.
. /usr/share/kswitch/tests/lib/guest.sh
. /usr/share/kswitch/tests/lib/slots.sh
TOUR="0 1 0 2"
TOUR_LEN=4

grep -q ' /sys/kernel/security ' /proc/mounts ||
	mount -t securityfs securityfs /sys/kernel/security
echo "$ks_name: lockdown $(sed -n 's/.*\(\[[a-z]*\]\).*/\1/p' /sys/kernel/security/lockdown)"
ks_check_slot_ram
ks_start_agents
follow_tour
