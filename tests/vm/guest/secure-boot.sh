# Guest side of tests/vm/secure-boot.sh, in slot 0 (alpha), booted with
# Secure Boot on: check that it is on and the kernel locked down; have
# kswitch refuse three kernels whose signatures do not verify, each with
# its own line and exit code and no slot changed; load the signed kernel
# into a resident and a swap slot and go to each and back ks.rounds= times;
# save one (integrity lockdown allows it) and have its restore refused.
. /usr/share/kswitch/tests/lib/guest.sh
. /usr/share/kswitch/tests/lib/slots.sh
# Slot 0 to 1 and back, then to 2 and back.
TOUR="0 1 0 2"
TOUR_LEN=4
rounds=$(ks_arg ks.rounds)
kernels=/boot/secboot
small=256M medium=384M
args="ks.nonce=$ks_nonce ks.net=1 ks.desktop=1 ks.efi=1"

# lockdown_mode: the bracketed mode of /sys/kernel/security/lockdown.
lockdown_mode() {
	grep -q ' /sys/kernel/security ' /proc/mounts ||
		mount -t securityfs securityfs /sys/kernel/security
	sed -n 's/.*\(\[[a-z]*\]\).*/\1/p' /sys/kernel/security/lockdown
}

# refuse LABEL CODE ERRNO KERNEL: loading KERNEL fails with exit CODE, one
# line, and changes no slot. The kernel logs the refusal, with ERRNO; the
# console check lets that one line through (tools/check-console.sh).
refuse() {
	local label=$1 code=$2 errno=$3 kernel=$4 rc
	echo "KSWITCH-LINE-EXPECTED $ks_nonce kexec_file: Enforced kernel signature verification failed (-$errno)."
	# The marker reaches the console before the kernel's line does.
	sleep 0.5
	kswitch list --json >/tmp/before.json
	kswitch load 1 "$kernel" --initrd /boot/bravo.cpio.gz --mem $small \
		--name "$label" --append "console=ttyS0 panic=-1" 2>/tmp/err
	rc=$?
	kswitch list --json >/tmp/after.json
	[ "$rc" -eq "$code" ] ||
		ks_fail "$label: kswitch load exit $rc, wanted $code: $(cat /tmp/err)"
	[ "$(wc -l </tmp/err)" -eq 1 ] ||
		ks_fail "$label: not one line: $(cat /tmp/err)"
	if cmp -s /tmp/before.json /tmp/after.json; then
		echo "alpha: refused $label: exit $rc, slots unchanged: $(cat /tmp/err)"
	else
		ks_fail "$label: the slots changed"
		diff /tmp/before.json /tmp/after.json
	fi
}

# load_slot SLOT KIND SIZE PATTERN SYSTEM
load_slot() {
	local swap=
	[ "$2" = swap ] && swap=--swap
	kswitch load "$1" $kernels/signed.bzImage --initrd "/boot/$5.cpio.gz" \
		--mem "$3" --name "$5" $swap \
		--append "console=ttyS0 panic=-1 ks.peer=secure-boot ks.pattern=$4 ks.size=$3 $args" ||
		ks_fail "kswitch load $1 ($5) of the signed kernel failed"
}

ks_start_agents
# The SecureBoot variable: 4 bytes of attributes, then 1 if it is on.
sb=$(tail -c 1 \
	/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c |
	od -An -tu1 | tr -d ' ')
mode=$(lockdown_mode)
if [ "$sb" = 1 ] && [ -n "$mode" ] && [ "$mode" != "[none]" ]; then
	echo "alpha: Secure Boot on, lockdown $mode"
else
	ks_fail "Secure Boot ${sb:-?}, lockdown ${mode:-?}: wanted on and locked down"
fi

# ENODATA, ENOKEY, EKEYREJECTED
refuse unsigned 28 61 /boot/bzImage
refuse otherkey 29 126 $kernels/otherkey.bzImage
refuse tampered 30 129 $kernels/tampered.bzImage

load_slot 1 resident $small 32 bravo
load_slot 2 swap $medium 32 charlie
kswitch list
echo "alpha: slots verified: $(kswitch list --json | grep -c '"verified": true')"
# Secure Boot's IMA policy measures what kexec loads (func=KEXEC_KERNEL_CHECK),
# refused kernels too: "10 HASH ima-sig sha256:HASH PATH SIGNATURE".
echo "alpha: IMA measured the signed kernel: $(grep -c " $kernels/signed.bzImage" \
	/sys/kernel/security/ima/ascii_runtime_measurements)"

round=0
while [ "$(tour_step)" -lt $((rounds * TOUR_LEN)) ]; do
	tour_switch
	round=$((round + 1))
	ks_after_switch "$round"
done
kswitch list

# Integrity lockdown lets slot 0 read a slot's memory, as /proc/kcore;
# a restore would run a slot file's code, which nothing signed.
kswitch save 1 /tmp/bravo.slot || ks_fail "kswitch save 1 under lockdown failed"
kswitch list --json >/tmp/before.json
kswitch restore 1 /tmp/bravo.slot 2>/tmp/err
rc=$?
kswitch list --json >/tmp/after.json
if [ "$rc" -eq 17 ] && [ "$(wc -l </tmp/err)" -eq 1 ] &&
	cmp -s /tmp/before.json /tmp/after.json; then
	echo "alpha: restore refused: exit $rc, slots unchanged: $(cat /tmp/err)"
else
	ks_fail "kswitch restore under lockdown: exit $rc, wanted 17: $(cat /tmp/err)"
fi
rm -f /tmp/bravo.slot
kswitch unload 2 || ks_fail "kswitch unload 2 failed"
exit $ks_fails
