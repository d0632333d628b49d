# Guest side of tests/vm/lockup.sh, in slot 0 (alpha): a slot kernel that
# locks up (peers/lockup.sh) panics on its lockup detector and hands the
# machine back, for a hard lockup on the boot CPU and on CPU 1 and a soft
# lockup; each slot is then marked crashed, its log says why, and it is
# unloaded.
. /usr/share/kswitch/tests/lib/guest.sh

# lockup WHAT CPU LOGLINE
lockup() {
	kswitch load 3 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 64M \
		--name "wedged" --append "console=ttyS0 ks.peer=lockup ks.lockup=$1 ks.lockup_cpu=$2 ks.nonce=$ks_nonce" ||
		{ ks_fail "kswitch load 3 ($1 on CPU $2) failed"; return; }
	kswitch 3 || ks_fail "kswitch 3 ($1 on CPU $2) did not come back"
	kswitch list --json | grep -q '"name": "wedged", "state": "crashed"' ||
		ks_fail "slot 3 is not marked crashed after $1 on CPU $2"
	kswitch log 3 >/tmp/lockup.log || ks_fail "kswitch log 3 failed"
	grep -q "$3" /tmp/lockup.log ||
		ks_fail "the log of $1 on CPU $2 does not say '$3'"
	grep -q "slot 3 (wedged) hands the machine back to slot 0" /tmp/lockup.log ||
		ks_fail "the log of $1 on CPU $2 has no hand-back"
	# Not the log's line itself: "BUG: soft lockup" would fail the console check.
	echo "alpha: $1 on CPU $2 came back, its log says '$3'"
	kswitch unload 3 || ks_fail "kswitch unload 3 after $1 on CPU $2 failed"
}

lockup HARDLOCKUP 1 "hard LOCKUP"
lockup HARDLOCKUP 0 "hard LOCKUP"
lockup SOFTLOCKUP 1 "soft lockup"
exit $ks_fails
