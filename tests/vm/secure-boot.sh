#!/usr/bin/env bash
# machine: desktop (tests/run.sh: KS_MACHINES)
# Secure Boot: the desktop machine booted by OVMF with Secure Boot on
# (Debian's snakeoil build: PK, KEK and db hold the snakeoil key), running
# the distribution kernel signed with that key, which locks itself down
# (CONFIG_LOCK_DOWN_IN_EFI_SECURE_BOOT) and trusts the db's keys for kexec
# (the platform keyring). Slot 0 (alpha) checks both, then
#  - kswitch refuses an unsigned kernel, one signed with a key of our own
#    that nothing trusts, and a signed one with a byte changed in what the
#    signature covers, each with its own line and exit code, and
#    `kswitch list --json` is the same before and after;
#  - the signed kernel loads into a resident slot (bravo) and a swap slot
#    (charlie), both of which boot locked down too, and alpha goes to each
#    and back KS_ROUNDS (20) times, every system making the tour's checks
#    (counter, memory pattern, CPUs, disk, network, TPM, screen, UEFI
#    variables) each time it runs again;
#  - IMA measured the signed kernel (Secure Boot's IMA policy measures
#    what kexec loads, and the slot load reads it as kexec_file_load());
#  - `kswitch list --json` says both slots verified, a save of one is
#    allowed (integrity mode) and the restore of its file refused.
source "$(dirname "$0")/../lib/tap.sh"
rounds=${KS_ROUNDS:-20}
name=secure-boot
log=$build/logs/$name.log
work=$build/vm/$name
[ -f "$distro_bzimage" ] || tap_skip_all "no distribution kernel; run make kernel-distro"
tap_plan 12

rm -rf "$work"
mkdir -p "$work/root/boot/secboot"
# The snakeoil key's passphrase is "snakeoil" (ovmf's README.Debian).
snakeoil=/usr/share/ovmf/PkKek-1-snakeoil
KSWITCH_KEY_PASS=snakeoil "$top/tools/sign-kernel.sh" "$snakeoil.key" \
	"$snakeoil.pem" "$distro_bzimage" "$work/signed.bzImage"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -batch \
	-subj "/CN=kswitch test key nothing trusts/" \
	-keyout "$work/other.key" -out "$work/other.pem" 2>/dev/null
"$top/tools/sign-kernel.sh" "$work/other.key" "$work/other.pem" \
	"$distro_bzimage" "$work/root/boot/secboot/otherkey.bzImage"
cp "$work/signed.bzImage" "$work/root/boot/secboot/signed.bzImage"
# One byte of the kernel's code, well inside what the signature covers.
cp "$work/signed.bzImage" "$work/root/boot/secboot/tampered.bzImage"
size=$(stat -c %s "$work/signed.bzImage")
byte=$(od -An -tu1 -j $((size / 2)) -N1 "$work/signed.bzImage" | tr -d ' ')
printf "$(printf '\\%03o' $(((byte + 1) % 256)))" |
	dd of="$work/root/boot/secboot/tampered.bzImage" bs=1 \
		seek=$((size / 2)) conv=notrunc status=none
check "the kernel is signed, and its tampered copy fails sbverify" \
	bash -c "sbverify --cert '$snakeoil.pem' '$work/signed.bzImage' &&
		! sbverify --cert '$snakeoil.pem' \
			'$work/root/boot/secboot/tampered.bzImage'" >/dev/null 2>&1

# Slot 0's initramfs and, after it, the three kernels: the kernel unpacks
# archives one after another, each starting on a 4-byte boundary.
cp "$distro_guests/alpha.cpio.gz" "$work/initrd"
truncate -s $((($(stat -c %s "$work/initrd") + 3) / 4 * 4)) "$work/initrd"
(cd "$work/root" && find . -mindepth 1 | cpio -o -H newc --quiet) \
	>>"$work/initrd"

disk=$work/disk
truncate -s 4M "$disk" "$disk.nvme"
check "Secure Boot and lockdown, refusals, and $rounds round trips to a resident and a swap slot" \
	"$top/tools/qemu-run.sh" --name "$name" --scenario "$name" \
	--machine desktop --firmware uefi-sb --net \
	--kernel "$work/signed.bzImage" --initrd "$work/initrd" \
	--disk "$disk" --nvme "$disk.nvme" \
	--append "ks.rounds=$rounds ks.net=1 ks.disk=/dev/nvme0n1 ks.desktop=1 ks.efi=1" \
	--timeout $((900 + rounds * 40))

clean=$(tr -d '\r' <"$log")
check "slot 0 booted with Secure Boot on and locked down" \
	grep -qE "^alpha: Secure Boot on, lockdown \[(integrity|confidentiality)\]$" <<<"$clean"
check "an unsigned kernel: exit 28, its own line, no slot changed" \
	grep -q "^alpha: refused unsigned: exit 28, slots unchanged: kswitch: 'unsigned' is not signed" <<<"$clean"
check "a kernel signed with a key nothing trusts: exit 29, its own line, no slot changed" \
	grep -q "^alpha: refused otherkey: exit 29, slots unchanged: kswitch: 'otherkey' is signed with a key this kernel does not trust" <<<"$clean"
check "a signed kernel changed since: exit 30, its own line, no slot changed" \
	grep -q "^alpha: refused tampered: exit 30, slots unchanged: kswitch: the signature of 'tampered' does not match its contents" <<<"$clean"
check "both slots say they were verified (kswitch list --json)" \
	grep -q "^alpha: slots verified: 2$" <<<"$clean"
check "IMA measured the kernel the slots were loaded from" \
	grep -q "^alpha: IMA measured the signed kernel: [1-9]" <<<"$clean"
check "a save is allowed, and the restore of its file refused: exit 17, no slot changed" \
	grep -q "^alpha: restore refused: exit 17, slots unchanged: kswitch: the kernel is locked down (integrity): slot files are not signed" <<<"$clean"
check "both slot kernels booted locked down" \
	test "$(grep -cE "^(bravo|charlie): lockdown \[(integrity|confidentiality)\]$" <<<"$clean")" -eq 2
for peer in bravo charlie; do
	n=$(grep -c "^$peer: round [0-9]* ok (.*, tpm [0-9a-f]\{8\}.*[1-9][0-9]* efivars)" <<<"$clean")
	check "$peer ran again $n times (at least $((rounds - 1))), every tour check passing" \
		test "$n" -ge $((rounds - 1))
done
tap_done
