# Guest side of tests/vm/manager-errors.sh, in slot 0 (alpha): load the
# example profiles and a system that crashes, then make every bad request
# of kswitch. Each must exit with its own code, say what was wrong in one
# line, and leave every slot as it was ('kswitch list --json' before and
# after are identical).
. /usr/share/kswitch/tests/lib/guest.sh
. /usr/share/kswitch/tests/lib/tap.sh

# expect CODE PATTERN CMD...
expect() {
	local code=$1 pattern=$2 rc lines
	shift 2
	kswitch list --json >/tmp/before.json
	"$@" >/tmp/out 2>/tmp/err
	rc=$?
	kswitch list --json >/tmp/after.json
	lines=$(wc -l </tmp/err)
	tap_note "$*: exit $rc: $(cat /tmp/err)"
	if [ "$rc" -ne "$code" ]; then
		not_ok "$*: exit $rc, wanted $code"
		ks_fail "$*: exit $rc, wanted $code"
	elif [ "$lines" -ne 1 ] || ! grep -qE -e "$pattern" /tmp/err; then
		not_ok "$*: stderr is not one line matching '$pattern'"
		ks_fail "$*: stderr is not one line matching '$pattern'"
	elif ! cmp -s /tmp/before.json /tmp/after.json; then
		not_ok "$*: the slots changed"
		diff /tmp/before.json /tmp/after.json
		ks_fail "$*: the slots changed"
	else
		ok "$* -> exit $code, one line, no slot changed"
	fi
}

# One result for each expect below, and the hibernation's.
tap_plan 36

kswitch up || ks_fail "kswitch up failed"
# A slot that crashed, for the requests such a slot refuses: crashy
# crashes as it boots (peers/crash.sh) and hands the machine back here
# (tests/vm/crash-handback.sh checks how).
kswitch load 3 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 64M \
	--name crashy --append "console=ttyS0 ks.peer=crash ks.nonce=$ks_nonce" ||
	ks_fail "kswitch load 3 (crashy) failed"
kswitch crashy || ks_fail "kswitch crashy did not come back"
kswitch list
kswitch list --json | grep -q '"name": "crashy", "state": "crashed"' ||
	ks_fail "slot 3 is not marked crashed"

head -c 100000 /boot/bzImage >/tmp/truncated
# The same kernel as one built without memory slots would say it: bit 8 of
# xloadflags (offset 0x236), XLF_KEXEC_SLOTS, is bit 0 of the byte at 0x237.
cp /boot/bzImage /tmp/noslots
b=$(od -An -tu1 -j $((0x237)) -N1 /boot/bzImage)
[ $((b & 1)) -eq 1 ] || ks_fail "the built kernel does not set XLF_KEXEC_SLOTS"
printf "\\$(printf %o $((b & ~1)))" |
	dd of=/tmp/noslots bs=1 seek=$((0x237)) conv=notrunc 2>/dev/null
printf 'name = bad\nmemroy = 64M\nkernel = /boot/bzImage\n' \
	>/etc/kswitch/slots.d/bad.conf

expect 3 "there is no slot 'nosuch'" kswitch nosuch
expect 3 "there is no slot '9'" kswitch 9
expect 3 "there is no slot 'nosuch'" kswitch unload nosuch
expect 4 "in use; unload it first" \
	kswitch load 1 /boot/bzImage --initrd /boot/bravo.cpio.gz --mem 64M
expect 4 "'bravo' is loaded already" kswitch load bravo
expect 4 "the hotkey for 'slot4' is another slot's" \
	kswitch load 4 /boot/bzImage --mem 64M --hotkey 1
expect 5 "cannot read '/boot/missing': no such file" \
	kswitch load 4 /boot/missing
expect 5 "cannot read '/boot/missing.cpio.gz'" \
	kswitch load 4 /boot/bzImage --initrd /boot/missing.cpio.gz
expect 6 "not a 64-bit relocatable bzImage" kswitch load 4 /etc/profile
expect 7 "cut short \(truncated bzImage\)" kswitch load 4 /tmp/truncated
expect 23 "/tmp/noslots. has no memory slot support \(CONFIG_KEXEC_SLOTS\)" \
	kswitch load 4 /tmp/noslots --mem 64M
expect 8 "not enough free memory" kswitch load 4 /boot/bzImage --mem 64G
# Too little for the kernel's init_size, the initrd and room to run: the
# line says how much they need.
expect 8 "the 20 MiB asked for '[^']*' are too small for its kernel and initrd, which need [0-9]+ MiB at least" \
	kswitch load 4 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 20M
expect 9 "slot 5 is empty; load a system into it first" kswitch 5
expect 9 "slot 5 is empty already" kswitch unload 5
expect 10 "slot 0 is this system" kswitch 0
expect 10 "slot 0 is this system" kswitch alpha
expect 11 "slot 3 has crashed; unload it and load it again" kswitch 3
expect 11 "slot 3 has crashed" kswitch crashy
expect 12 "slot 0 is the system the machine booted" kswitch unload 0
expect 18 "slot 1 has not crashed" kswitch log 1
expect 18 "slot 0 has not crashed" kswitch log alpha
expect 3 "there is no slot 'nosuch'" kswitch log nosuch
expect 14 "needs CAP_SYSLOG" ksagent nocap kswitch log 3
expect 13 "bad.conf:2: unknown key 'memroy'" kswitch load bad
expect 13 "bad.conf:2: unknown key 'memroy'" kswitch up
expect 14 "needs CAP_SYS_BOOT" ksagent nocap kswitch 1
expect 14 "needs CAP_SYS_BOOT" ksagent nocap kswitch unload 1
expect 14 "needs CAP_SYS_BOOT" \
	ksagent nocap kswitch load 4 /boot/bzImage --mem 64M
expect 2 "--mem 'lots' is not a size" kswitch load 4 /boot/bzImage --mem lots
rm /etc/kswitch/slots.d/bad.conf

# Hibernation with slots loaded would leave their memory out of the image
# and power the machine off under them: the kernel refuses it, and says so.
if out=$(echo disk 2>&1 >/sys/power/state); then
	not_ok "hibernation with slots loaded went ahead"
	ks_fail "hibernation with slots loaded went ahead"
elif ! echo "$out" | grep -q "busy" ||
	! dmesg | grep -q "not hibernating: slot 1 (bravo) is loaded"; then
	tap_note "$out"
	not_ok "hibernation refused, but not as slots in use"
	ks_fail "hibernation refused, but not as slots in use"
else
	ok "hibernation with slots loaded is refused, saying why"
fi

# kernel.kexec_load_disabled, raised last but one, as nothing lowers it
# again: a load and a restore are refused as kexec_load() is, each with
# its line; switching and unloading go on.
kswitch dump 3 /tmp/crashy.core || ks_fail "kswitch dump 3 failed"
echo 1 >/proc/sys/kernel/kexec_load_disabled ||
	ks_fail "cannot set kernel.kexec_load_disabled"
expect 22 "kexec_load_disabled=1" kswitch load 4 /boot/bzImage --mem 64M
expect 22 "kexec_load_disabled=1" kswitch restore 7 /tmp/crashy.core
rm /tmp/crashy.core
kswitch unload 3 || ks_fail "kswitch unload 3 with loads disabled failed"

# Kernel lockdown, raised last, as nothing lowers it again: what would run
# code nothing verified is refused, as kexec_load() is, and kswitch says
# that it is the lockdown, not a missing capability. Slot 1 was loaded
# before, from a kernel nothing verified (this kernel has no
# CONFIG_KEXEC_SIG): slot 0 enters it no more, but may drop it. A load
# cannot be verified either, with UEFI or without.
grep -q ' /sys/kernel/security ' /proc/mounts ||
	mount -t securityfs securityfs /sys/kernel/security
echo integrity >/sys/kernel/security/lockdown ||
	ks_fail "cannot lock the kernel down"
expect 17 "slot 1 holds a kernel that was not verified, and the kernel is locked down \(integrity\)" kswitch 1
expect 17 "locked down \(integrity\) and loads only kernels it verifies, which it cannot do" \
	kswitch load 4 /boot/bzImage --mem 64M
expect 17 "asks for no UEFI" kswitch load 4 /boot/bzImage --mem 64M --noefi
kswitch unload 1 || ks_fail "kswitch unload 1 under lockdown failed"

tap_done "$ks_fails"
