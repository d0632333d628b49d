#!/usr/bin/env bash
# machine: desktop (tests/run.sh: KS_MACHINES)
# Crash hand-back on the desktop machine (UEFI, the distribution kernel, 4
# CPUs): a slot kernel that panics on the boot CPU, one that panics on CPU
# 3, and a swap slot's kernel that panics each hand the machine back to
# slot 0, which resets or stops its PCI functions before it resumes them,
# and whose devices all work after each (tests/vm/guest/desktop-crash.sh).
source "$(dirname "$0")/../lib/tap.sh"
[ -f "$distro_bzimage" ] || tap_skip_all "no distribution kernel; run make kernel-distro"
log=$build/logs/desktop-crash.log
# An NVMe controller: each slot kernel sets up its queues in the slot's
# memory, and slot 0 keeps writes in flight to it (ksagent disk).
nvme=$build/vm/desktop-crash.nvme
mkdir -p "${nvme%/*}"
rm -f "$nvme"
truncate -s 4M "$nvme"
tap_plan 5
check "three slot kernels panic and slot 0 runs on after each" \
	"$top/tools/qemu-run.sh" --name desktop-crash --scenario desktop-crash \
	--machine desktop --firmware uefi --net --nvme "$nvme" \
	--append "ks.net=1 ks.desktop=1 ks.efi=1 ks.disk=/dev/nvme0n1" \
	--timeout 600 \
	--kernel "$distro_bzimage" --initrd "$distro_guests/alpha.cpio.gz"
backs=$(tr -d '\r' <"$log" | grep -c "^alpha: back from crashy.*, tpm [0-9a-f]*, [1-9][0-9]* efivars, [1-9][0-9]* pings, [1-9][0-9]* records on disk)")
check "alpha's TPM, UEFI variables, network and NVMe answered after each crash ($backs of 3)" \
	test "$backs" = 3
# QEMU's NVMe controller has a function reset (FLR); virtio-net on q35's
# root bus has none, and its driver resets it as it resumes it.
resets=$(tr -d '\r' <"$log" | grep -c "kexec_slots: a slot crashed since this kernel last ran: PCI functions reset [1-9]")
check "slot 0 reset PCI functions before it resumed them after each crash ($resets of 3)" \
	test "$resets" = 3
check "the kernel that panicked on CPU 3 had the boot CPU hand back" \
	grep -q "panic on CPU 3: the boot CPU hands back" <(tr -d '\r' <"$log")
check "the swap slot's kernel stopped DMA before it handed back" \
	grep -q "kexec_slots: bus mastering off on [1-9][0-9]* PCI devices" \
	<(tr -d '\r' <"$log")
tap_done
