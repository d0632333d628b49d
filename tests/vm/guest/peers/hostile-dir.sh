# Guest side of tests/vm/hostile-dir.sh, in slot 1: spoil the slot
# directory through /dev/mem (this kernel has iomem=relaxed), then go back.
. /usr/share/kswitch/tests/lib/guest.sh

ksagent scribble-dir "$(ks_arg kexec_slots.dir)" 1 ||
	ks_fail "cannot write the slot directory"
kswitch 0 || ks_fail "kswitch 0 failed"
# Not entered again in the scenario.
while true; do sleep 60; done
