# Guest side of the second kernel in the two-kernel jump scenarios, in
# system bravo: jump back each time this system has had its turn. With
# kexec-tools, first load the jump back helper for the entry point that the
# purgatory put on the command line; kswitch jump does that by itself.
. /usr/share/kswitch/tests/lib.sh
loader=$(ks_arg ks.loader)

entry=$(ks_arg kexec_jump_back_entry)
[ -n "$entry" ] || { ks_fail "no kexec_jump_back_entry= on the command line"; exit 1; }
ks_start_agents
if [ "$loader" = kexec-tools ]; then
	kexec -c --load-jump-back-helper --entry="$entry" ||
		{ ks_fail "kexec --load-jump-back-helper failed"; exit 1; }
fi

round=0
while true; do
	sleep "$KS_STAY"
	ks_before_switch
	ks_jump "$loader" || ks_fail "the jump back failed"
	round=$((round + 1))
	ks_after_switch "$round"
done
