# Guest side of tests/vm/park-cpus.sh, in slot 0 (alpha): take CPU 1
# down, enter a slot whose kernel runs on one CPU (maxcpus=1, so that it
# neither starts CPU 1 nor takes it down) and come back. The host reads CPU
# 1's registers now: it must still be where this kernel left it, halted in
# its text, not parked in INIT by the jump. Then bring it up again.
. /usr/share/kswitch/tests/lib/guest.sh

echo 0 >/sys/devices/system/cpu/cpu1/online || ks_fail "cannot take CPU 1 down"
kswitch load 1 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 64M \
	--name onecpu --append "console=ttyS0 maxcpus=1 ks.peer=visit ks.size=64M ks.nonce=$ks_nonce" ||
	ks_fail "kswitch load 1 failed"
kswitch 1 || ks_fail "kswitch 1 did not come back"
echo "PARK-CHECK $ks_nonce"
sleep 30
echo 1 >/sys/devices/system/cpu/cpu1/online || ks_fail "cannot bring CPU 1 up"
echo "CPU1-ONLINE $(cat /sys/devices/system/cpu/online)"
[ "$(cat /sys/devices/system/cpu/online)" = 0-1 ] ||
	ks_fail "CPUs online: $(cat /sys/devices/system/cpu/online)"
kswitch unload 1 || ks_fail "kswitch unload 1 failed"
exit $ks_fails
