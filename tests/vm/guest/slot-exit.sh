# Guest side of tests/vm/slot-exit.sh, in slot 0 (alpha): a slot system's
# poweroff, halt and reboot end that system alone (peers/slot-exit.sh): the
# machine comes back here, the slot is marked exited and refused as such
# (exit 26), its log says how it ended, and the system in slot 1 (keeper)
# and this one run on. sysrq-b's emergency restart ends it as a crash.
. /usr/share/kswitch/tests/lib/guest.sh

kswitch load 1 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 64M --name keeper \
	--append "console=ttyS0 ks.peer=slot-exit-keeper ks.nonce=$ks_nonce" ||
	ks_fail "kswitch load 1 (keeper) failed"
kswitch keeper || ks_fail "kswitch keeper did not come back"

# ends HOW STATE CODE LOGLINE [INITRD MEM]
ends() {
	kswitch load 3 /boot/bzImage --initrd "${5:-/boot/echo.cpio.gz}" --mem "${6:-64M}" --name ender \
		--append "console=ttyS0 ks.peer=slot-exit ks.exit=$1 ks.nonce=$ks_nonce" ||
		{ ks_fail "kswitch load 3 ($1) failed"; return; }
	kswitch ender || ks_fail "kswitch ender ($1) did not come back"
	kswitch list --json | grep -q "\"name\": \"ender\", \"state\": \"$2\"" ||
		ks_fail "slot 3 is not marked $2 after its $1"
	out=$(kswitch ender 2>&1)
	rc=$?
	[ "$rc" = "$3" ] || ks_fail "kswitch to slot 3 after its $1: exit $rc, not $3 ($out)"
	kswitch log ender >/tmp/exit.log || ks_fail "kswitch log ender after its $1 failed"
	grep -q "$4" /tmp/exit.log || ks_fail "the log of slot 3 after its $1 has no '$4'"
	kswitch keeper || ks_fail "slot 1 (keeper) did not come back after slot 3's $1"
	echo "alpha: slot 3's $1 came back $2: $out"
	kswitch unload ender || ks_fail "kswitch unload ender after its $1 failed"
}

ends poweroff exited 26 "slot 3 (ender) powers off: hands the machine back to slot 0"
ends halt exited 26 "slot 3 (ender) halts: hands the machine back to slot 0"
ends reboot exited 26 "slot 3 (ender) reboots: hands the machine back to slot 0"
ends sysrq-b crashed 11 "Kernel panic - not syncing: emergency restart in slot 3"
# kexec -e would boot a kernel in the slot's memory that never switches
# back; it ends the slot as a reboot does. The kernel to load goes in as
# a first, uncompressed archive of its initrd, as early microcode goes.
mkdir -p /tmp/kexec/boot
cp /boot/bzImage /tmp/kexec/boot/
(cd /tmp/kexec && printf 'boot\nboot/bzImage\n' | cpio -o -H newc) >/tmp/kexec.cpio 2>/dev/null
cat /tmp/kexec.cpio /boot/echo.cpio.gz >/tmp/echo-kexec.cpio
ends kexec exited 26 "slot 3 (ender) kexecs: hands the machine back to slot 0" \
	/tmp/echo-kexec.cpio 128M

# kswitch down: keeper, which has run, is asked to shut down, and its
# kernel powers off and hands back exited; a slot that never ran is just
# unloaded; no slot is left.
kswitch load 3 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 64M --name never ||
	ks_fail "kswitch load 3 (never) failed"
out=$(kswitch down) || ks_fail "kswitch down failed: $out"
echo "$out" | sed 's/^/alpha: kswitch down: /'
for line in "shutting down slot 1 (keeper)" "unloaded slot 1 (keeper)" \
	"unloaded slot 3 (never)"; do
	echo "$out" | grep -qxF "$line" || ks_fail "kswitch down did not say '$line'"
done
[ "$(kswitch list --json | grep -c '"state": "empty"')" = 8 ] ||
	ks_fail "slots are left after kswitch down: $(kswitch list)"
exit $ks_fails
