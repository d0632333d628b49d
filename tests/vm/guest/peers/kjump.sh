# Guest side of the second kernel in the two-kernel jump scenarios, in
# system bravo: jump back each time this system has had its turn. With
# kexec-tools, first load the jump back helper for the entry point that the
# purgatory put on the command line; kswitch jump does that by itself.
. /usr/share/kswitch/tests/lib/guest.sh
loader=$(ks_arg ks.loader)

entry=$(ks_arg kexec_jump_back_entry)
[ -n "$entry" ] || { ks_fail "no kexec_jump_back_entry= on the command line"; exit 1; }
# This system's RAM is only what it was given: with kswitch, a 64 KiB low
# window and one 192 MiB region.
if [ "$loader" = kswitch ]; then
	ram=$(grep ' : System RAM$' /proc/iomem)
	echo "$ram" | sed "s/^/$ks_name: RAM /"
	[ "$(echo "$ram" | wc -l)" -eq 2 ] &&
		echo "$ram" | head -n 1 | grep -q '^00010000-0001ffff ' ||
		ks_fail "RAM is not the low window and one region"
	size=$(echo "$ram" | tail -n 1 | { IFS='- ' read -r s e rest
		echo $((0x$e + 1 - 0x$s)); })
	[ "$size" -eq $((192 << 20)) ] || ks_fail "main RAM is $size bytes, not 192 MiB"
fi
# ... and its kernel runs inside that RAM: KASLR's decompressor places the
# kernel before memmap= is read (docs/kexec-tools.md).
code=$(grep ' : Kernel code$' /proc/iomem | { IFS='- ' read -r s e rest
	echo $((0x$s)) $((0x$e)); })
grep ' : System RAM$' /proc/iomem | {
	inside=
	while IFS='- ' read -r s e rest; do
		[ "${code% *}" -ge $((0x$s)) ] && [ "${code#* }" -le $((0x$e)) ] &&
			inside=1
	done
	[ -n "$inside" ] || ks_fail "kernel code at $(printf 0x%x "${code% *}") lies outside this system's RAM"
}
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
