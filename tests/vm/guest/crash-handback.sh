# Guest side of tests/vm/crash-handback.sh, in slot 0 (alpha): a slot
# kernel that crashes hands the machine back. crashy, in slot 3, crashes
# as it boots (peers/crash.sh); the visitor in slot 6
# (peers/crash-handback.sh) enters it, gets the machine back from it, not
# slot 0, reads its last console lines with kswitch log and comes back
# here. Then slot 3 is unloaded and used again by kernels that panic on
# CPU 1, in a swap slot and early in their boot, each of which hands the
# machine back here.
. /usr/share/kswitch/tests/lib/guest.sh

ks_start_net
kswitch load 3 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 64M \
	--name crashy --append "console=ttyS0 ks.peer=crash ks.nonce=$ks_nonce" ||
	ks_fail "kswitch load 3 (crashy) failed"
kswitch load 6 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 64M \
	--name visitor --append "console=ttyS0 ks.peer=crash-handback ks.nonce=$ks_nonce" ||
	ks_fail "kswitch load 6 (visitor) failed"
# The visitor enters crashy, whose first entry is its boot, which ends in a
# panic that hands the machine back to the visitor; it comes back here.
kswitch visitor || ks_fail "kswitch visitor did not come back"
kswitch list
kswitch list --json | grep -q '"name": "crashy", "state": "crashed"' ||
	ks_fail "slot 3 is not marked crashed"
kswitch log 3 >/tmp/crash.log || ks_fail "kswitch log 3 failed"
grep -q "slot 3 (crashy) hands the machine back to slot 6" /tmp/crash.log ||
	ks_fail "kswitch log 3 does not end with the hand-back"

# A crashed slot is unloaded like any other, and its slot can be used again:
# by a system that panics on CPU 1, not the boot CPU, whose kernel hands
# the machine back all the same; by a swap slot that panics; by one that
# panics in early boot; then by one that runs.
kswitch unload 3 || ks_fail "kswitch unload 3 (crashed) failed"
kswitch load 3 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 64M \
	--name crashy-cpu1 --append "console=ttyS0 ks.peer=crash ks.crash_cpu=1 ks.nonce=$ks_nonce" ||
	ks_fail "kswitch load 3 (crashy-cpu1) after the crash failed"
kswitch 3 || ks_fail "kswitch 3 (crashy-cpu1) did not come back"
kswitch list --json | grep -q '"name": "crashy-cpu1", "state": "crashed"' ||
	ks_fail "slot 3 is not marked crashed after its panic on CPU 1"
kswitch unload 3 || ks_fail "kswitch unload 3 (crashed on CPU 1) failed"
# A swap slot's region is this system's memory again after the hand-back:
# the crashed kernel stops its devices' DMA first.
kswitch load 3 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 64M --swap \
	--name crashy-swap --append "console=ttyS0 ks.peer=crash ks.nonce=$ks_nonce" ||
	ks_fail "kswitch load 3 (crashy-swap) failed"
kswitch 3 || ks_fail "kswitch 3 (crashy-swap) did not come back"
kswitch list --json | grep -q '"name": "crashy-swap", "state": "crashed"' ||
	ks_fail "slot 3 is not marked crashed after its panic in a swap slot"
# The crashed kernel turned bus mastering off; resuming, this one has
# turned it on again for its virtio-net card.
ks_check_net
echo "$ks_name: $ks_pings pings"
kswitch unload 3 || ks_fail "kswitch unload 3 (crashed swap slot) failed"
# A kernel that panics early in its boot, in its drivers' init (LKDTM's
# boot-time panic), before any user space runs, hands back as well.
kswitch load 3 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 64M \
	--name crashy-early --append "console=ttyS0 lkdtm.cpoint_name=DIRECT lkdtm.cpoint_type=PANIC" ||
	ks_fail "kswitch load 3 (crashy-early) failed"
ks_expect_crash
kswitch 3 || ks_fail "kswitch 3 (crashy-early) did not come back"
kswitch list --json | grep -q '"name": "crashy-early", "state": "crashed"' ||
	ks_fail "slot 3 is not marked crashed after its panic in early boot"
kswitch log 3 | grep -q "Kernel panic - not syncing: dumptest" ||
	ks_fail "the log of slot 3 has no panic from its early boot"
echo "$ks_name: slot 3's panic in early boot came back"
kswitch unload 3 || ks_fail "kswitch unload 3 (crashed in early boot) failed"
kswitch load 3 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 64M ||
	ks_fail "kswitch load 3 after the crashes failed"
kswitch list
exit $ks_fails
