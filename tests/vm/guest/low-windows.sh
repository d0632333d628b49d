# Guest side of tests/vm/low-windows.sh, in slot 0 (alpha), booted with
# 64 KiB at 128 KiB reserved (memmap=), where the firmware may keep its
# EBDA: every slot's low window lies in RAM below 1 MiB, outside that area
# and apart from the others', and the systems entered run in their own.
. /usr/share/kswitch/tests/lib/guest.sh

grep -q "memmap=64K\$0x20000" /proc/cmdline ||
	ks_fail "not booted with 128 KiB..192 KiB reserved"
for slot in 1 2 3 4; do
	kswitch load $slot /boot/bzImage --initrd /boot/echo.cpio.gz --mem 64M \
		--name "low$slot" --append "console=ttyS0 ks.peer=visit ks.size=64M ks.nonce=$ks_nonce" ||
		ks_fail "kswitch load $slot failed"
	low=$(ksagent ranges $slot | head -n 1 | cut -d' ' -f1)
	echo "alpha: slot $slot's low window is at 0x$low"
	[ $((0x$low)) -ge $((0x30000)) ] || [ $((0x$low + 0x10000)) -le $((0x20000)) ] ||
		ks_fail "slot $slot's low window 0x$low is in the reserved area"
	echo "$low" >>/tmp/windows
done
[ "$(sort -u /tmp/windows | wc -l)" = 4 ] || ks_fail "two slots share a low window"
for slot in 2 4; do
	kswitch $slot || ks_fail "kswitch $slot did not come back"
done
for slot in 1 2 3 4; do
	kswitch unload $slot || ks_fail "kswitch unload $slot failed"
done
exit $ks_fails
