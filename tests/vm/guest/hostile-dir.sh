# Guest side of tests/vm/hostile-dir.sh, in slot 0 (alpha): slot 1, booted
# with iomem=relaxed so that its root can write the slot directory through
# /dev/mem, spoils what slot 0 must not trust in it
# (peers/hostile-dir.sh) and comes back. Slot 0 acts on its own records:
# it runs on, keeps slot 1's memory as it lent it, takes slot 2, whose
# record is all garbage, as crashed, and unloads and loads both again.
. /usr/share/kswitch/tests/lib/guest.sh

kswitch load 2 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 64M \
	--name bystander || ks_fail "kswitch load 2 failed"
kswitch load 1 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 64M \
	--name scribbler --append "console=ttyS0 iomem=relaxed ks.peer=hostile-dir ks.nonce=$ks_nonce" ||
	ks_fail "kswitch load 1 failed"
ksagent ranges 1 >/tmp/ranges1.before
ksagent ranges 2 >/tmp/ranges2.before

kswitch 1 || ks_fail "kswitch 1 (the scribbler) did not come back"
kswitch list || ks_fail "kswitch list failed after the scribble"
kswitch list --json >/tmp/slots.json
ksagent ranges 1 | cmp -s - /tmp/ranges1.before ||
	ks_fail "slot 1's ranges are not those slot 0 lent it"
ksagent ranges 2 | cmp -s - /tmp/ranges2.before ||
	ks_fail "slot 2's ranges are not those slot 0 lent it"
grep -q '"slot": 1,.*"state": "suspended"' /tmp/slots.json ||
	ks_fail "slot 1 is not suspended"
grep -q '"slot": 2,.*"state": "crashed"' /tmp/slots.json ||
	ks_fail "slot 2, its record spoilt, is not taken as crashed"
kswitch 2
[ $? -eq 11 ] || ks_fail "kswitch 2 (spoilt) was not refused as crashed"
for slot in 1 2; do
	kswitch unload $slot || ks_fail "kswitch unload $slot failed"
done
kswitch load 2 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 64M \
	--name visitor --append "console=ttyS0 ks.peer=visit ks.size=64M ks.nonce=$ks_nonce" ||
	ks_fail "kswitch load 2 after the scribble failed"
kswitch 2 || ks_fail "kswitch 2 (a new system) did not come back"
kswitch unload 2 || ks_fail "kswitch unload 2 failed"
echo "alpha: slot 0 ran on after slot 1 spoilt the directory"
exit $ks_fails
