# Guest side of the systems in slots 1.. of tests/vm/slots-tour.sh: check
# that this system's RAM is what its slot was given, then follow the tour.
. /usr/share/kswitch/tests/lib/guest.sh
. /usr/share/kswitch/tests/lib/slots.sh

# Loaded by the kernel's file load, which kswitch prefers and which puts no
# jump-back placeholder on the command line, as kswitch's own loader does.
grep -q kexec_jump_back_entry= /proc/cmdline &&
	ks_fail "loaded by kswitch's own loader, not the kernel's file load"
ks_check_slot_ram
ks_start_agents
follow_tour
