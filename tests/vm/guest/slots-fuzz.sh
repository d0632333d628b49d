# Guest side of tests/vm/slots-fuzz.sh, in slot 0 (alpha): random requests
# to /dev/kexec_slots for ks.fuzz_secs= seconds (tests/agents/slots-fuzz.c),
# from the seed in ks.fuzz_seed= if given.
. /usr/share/kswitch/tests/lib/guest.sh

slots-fuzz "$(ks_arg ks.fuzz_secs)" $(ks_arg ks.fuzz_seed) ||
	ks_fail "slots-fuzz: a check failed"
exit $ks_fails
