# Guest side of the two-kernel jump scenarios, in system alpha: load bravo
# with the loader ks.loader= names (kswitch or kexec-tools) and make
# ks.rounds= round trips, checking this system and its virtio-blk disk after
# each one. bravo runs peers/kjump.sh.
. /usr/share/kswitch/tests/lib/guest.sh
. /usr/share/kswitch/tests/lib/disk.sh
loader=$(ks_arg ks.loader)
rounds=$(ks_arg ks.rounds)
peer_args="console=ttyS0 panic=-1 ks.peer=kjump ks.loader=$loader ks.nonce=$ks_nonce"

ks_start_agents
disk_init /dev/vda
case $loader in
kswitch)
	kswitch load /boot/bzImage --initrd /boot/bravo.cpio.gz --mem 192M \
		--append "$peer_args" ||
		{ ks_fail "kswitch load failed"; exit 1; }
	;;
kexec-tools)
	# kexec-tools gives the second kernel the whole e820 map even with
	# --load-preserve-context (docs/kexec-tools.md): restrict it by hand
	# to the RAM that --mem-min/--mem-max back up, and keep its KASLR
	# decompressor, which ignores memmap=, where kexec-tools loaded it.
	memmap="nokaslr $(kt_memmap 0x10000 0xbffffff)"
	echo "$ks_name: bravo gets $memmap"
	kexec -c --load-preserve-context /boot/bzImage \
		--initrd=/boot/bravo.cpio.gz --mem-min=0x10000 \
		--mem-max=0xbffffff --append="$peer_args $memmap" ||
		{ ks_fail "kexec --load-preserve-context failed"; exit 1; }
	;;
*)
	ks_fail "unknown ks.loader=$loader"; exit 1 ;;
esac

for round in $(seq "${rounds:-50}"); do
	sleep "$KS_STAY"
	disk_write_block "$round"
	ks_before_switch
	ks_jump "$loader" || ks_fail "round $round: the jump failed"
	ks_after_switch "$round"
	disk_check_block "$round"
done
exit $ks_fails
