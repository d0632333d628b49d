# Guest side of make bench in the system alpha loads (bravo): stamp the
# arrival, then go straight back to whoever came, each time (ks.bench=):
#   bounce        a kswitch slot: back to slot 0 on every entry
#   kexec-bounce  the stock kexec-tools peer: ks.rounds= jumps back, then
#                 report when each came and went (bench/ksbench.c)
. /usr/share/kswitch/tests/lib/guest.sh
label=$(ks_arg ks.label)
ksbench stamp "$label-up"
# Its network card up, as slot 0's (ks.net=1): its driver's freeze and
# restore are part of every switch.
ks_start_net
[ "$ks_fails" -eq 0 ] || exit 1
case $(ks_arg ks.bench) in
bounce)
	exec ksbench bounce 0 ;;
kexec-bounce)
	kexec -c --load-jump-back-helper --entry="$(ks_arg kexec_jump_back_entry)" ||
		{ echo "bench: kexec --load-jump-back-helper failed"; exit 1; }
	ksbench kexec-bounce "$(ks_arg ks.rounds)" "$label"
	# Unreachable unless the last jump back failed.
	exit 1 ;;
esac
exit 1
