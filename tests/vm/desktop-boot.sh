#!/usr/bin/env bash
# machine: desktop (tests/run.sh: KS_MACHINES)
# The distribution kernel boots on the desktop machine, under UEFI and
# under SeaBIOS, and finds every device the machine has: 4 CPUs, memory
# above 4 GiB, the screen (bochs DRM, fbcon), PS/2 and USB keyboards and
# pointers, NVMe, virtio-blk, AHCI, virtio-net, the TPM, and under UEFI
# its runtime services and the runtime map a loaded kernel is given.
source "$(dirname "$0")/../lib/tap.sh"
[ -f "$distro_bzimage" ] || tap_skip_all "no distribution kernel; run make kernel-distro"
tap_plan 2
disk=$build/vm/desktop-boot.disk
mkdir -p "${disk%/*}"
truncate -s 4M "$disk" "$disk.nvme"
for fw in uefi bios; do
	efi=0
	[ $fw = uefi ] && efi=1
	check "the distribution kernel boots under $fw and finds the machine's devices" \
		"$top/tools/qemu-run.sh" --name "desktop-boot-$fw" \
		--scenario desktop-boot --machine desktop --firmware $fw \
		--disk "$disk" --nvme "$disk.nvme" --net --append "ks.efi=$efi" \
		--kernel "$distro_bzimage" --initrd "$distro_guests/alpha.cpio.gz" \
		--timeout 600
done
tap_done
