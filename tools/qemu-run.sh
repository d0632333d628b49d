#!/usr/bin/env bash
# Boot a kernel and initramfs in QEMU, the one place that knows QEMU's
# arguments.
#
# Scenario mode (default): runs the guest scenario named by --scenario with a
# host-side timeout, logs the serial console to a file, and passes only if
# the guest printed the pass marker carrying this run's nonce and the console
# shows no WARN, BUG, Oops, panic, lockdep report or kexec error. A failure
# prints the reason, the last 40 console lines and the log's path.
#
# Host-driven mode (--host-driven): the same, but the scenario is driven
# from the host, through --serial2 and --qmp, and decides itself whether it
# passed; this fails only on a timeout, QEMU's failure or the console.
#
# Interactive mode (--interactive): serial console and QEMU monitor on the
# terminal, for make demo; the desktop machine's screen in a window too,
# where there is a display to open one on (DISPLAY).
#
# The machine boots --kernel and --initrd directly, or, with --boot-disk,
# the firmware boots the disk given (the desktop machine under UEFI: its
# EFI system partition). --disk adds a virtio disk; give it again for more.
# --serial2 PATH adds a second serial port (ttyS1) on the FIFOs PATH.in
# (to the guest) and PATH.out (from it), made by the caller, for a
# scenario to drive a shell on without the kernel's console in the way.
#
# Two machines:
#   small    (default) the i440FX PC with SeaBIOS, 2 CPUs, a serial console:
#            the fast scenarios' machine
#   desktop  what kswitch's users have (docs/machines.md): q35, UEFI (OVMF)
#            or SeaBIOS (--firmware), 4 CPUs, 8 GiB, a VGA screen for the
#            bochs DRM driver, PS/2 keyboard and mouse, a USB keyboard and
#            tablet on xhci, a TPM 2.0 (swtpm); --disk is virtio-blk and
#            --nvme a second disk on NVMe
# --firmware uefi-sb is OVMF with Secure Boot on: Debian's snakeoil build,
# whose PK, KEK and db hold the snakeoil key that ovmf ships with its
# private half (/usr/share/ovmf/PkKek-1-snakeoil.*), so that a test signs
# what it boots (tests/vm/secure-boot.sh). It needs SMM, which QEMU then
# emulates for the firmware alone.
# --qmp SOCK puts QEMU's machine protocol on a Unix socket, where a
# scenario presses keys and takes screendumps (tools/qmp.sh). On the
# desktop machine the USB keyboard is bound to the screen ("vga"): keys
# sent to that console go to it, all others to the PS/2 keyboard.
set -euo pipefail

usage() {
	cat <<USAGE
usage: qemu-run.sh {--kernel F --initrd F [--append S] | --boot-disk F}
                   {--scenario NAME | --host-driven --name NAME | --interactive}
                   [--smp N] [--mem SIZE] [--prealloc] [--disk F]... [--net]
                   [--timeout SEC] [--log F] [--name NAME]
                   [--machine small|desktop] [--firmware uefi|uefi-sb|bios]
                   [--nvme F] [--qmp SOCK] [--serial2 PATH]
USAGE
	exit 2
}

tools=$(cd "$(dirname "$0")" && pwd)
kernel= initrd= scenario= append= log= name= interactive= net=
machine=small firmware= nvme= qmp= smp= mem= timeout=120
boot_disk= serial2= driven= prealloc= disks=()

while [ $# -gt 0 ]; do
	case $1 in
	--kernel) kernel=$2; shift ;;
	--initrd) initrd=$2; shift ;;
	--scenario) scenario=$2; shift ;;
	--append) append=$2; shift ;;
	--smp) smp=$2; shift ;;
	--mem) mem=$2; shift ;;
	--disk) disks+=("$2"); shift ;;
	--boot-disk) boot_disk=$2; shift ;;
	--serial2) serial2=$2; shift ;;
	--host-driven) driven=1 ;;
	--net) net=1 ;;
	--prealloc) prealloc=1 ;;
	--timeout) timeout=$2; shift ;;
	--log) log=$2; shift ;;
	--name) name=$2; shift ;;
	--interactive) interactive=1 ;;
	--machine) machine=$2; shift ;;
	--firmware) firmware=$2; shift ;;
	--nvme) nvme=$2; shift ;;
	--qmp) qmp=$2; shift ;;
	*) usage ;;
	esac
	shift
done
if [ -n "$boot_disk" ]; then
	[ -z "$kernel$initrd$append$scenario" ] || usage
else
	[ -n "$kernel" ] && [ -n "$initrd" ] || usage
fi
[ -n "$interactive" ] || [ -n "$scenario" ] ||
	{ [ -n "$driven" ] && [ -n "$name" ]; } || usage

case $machine in
small)
	[ -z "$firmware" ] || [ "$firmware" = bios ] || usage
	smp=${smp:-2} mem=${mem:-1G} ;;
desktop)
	firmware=${firmware:-uefi} smp=${smp:-4} mem=${mem:-8G} ;;
*) usage ;;
esac

accel=$("$tools/accel.sh")
# Multi-threaded TCG runs a vCPU on stale code now and then after another
# vCPU has patched it: the distribution kernel, with more CPUs busy while it
# patches its static keys at boot, took "Oops: int3" in 2 of about 25 boots
# that way (docs/machines.md). One thread for all vCPUs does not, and is
# as fast on this project's 2-core machines.
[ "$machine" = desktop ] && [ "$accel" = tcg ] && accel=tcg,thread=single
qemu=(qemu-system-x86_64 -accel "$accel" -smp "$smp" -m "$mem" -no-reboot
	-nodefaults)
# --prealloc: the host backs all of the guest's RAM before it boots, as a
# real machine's RAM is there. Otherwise the guest's first touch of each
# page costs a host page fault and the host's zeroing of it, which a
# real machine does not pay, in whatever make bench times first.
[ -z "$prealloc" ] || qemu+=(-mem-prealloc)
if [ -n "$boot_disk" ]; then
	qemu+=(-drive "file=$boot_disk,format=raw,if=none,id=boot"
		-device virtio-blk-pci,drive=boot,bootindex=0)
else
	qemu+=(-kernel "$kernel" -initrd "$initrd")
fi
run_dir=$(mktemp -d "${TMPDIR:-/tmp}/kswitch-qemu.XXXXXX")
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$run_dir"' EXIT
if [ "$machine" = desktop ]; then
	# q35 has the i8042 (PS/2 keyboard and mouse) and an AHCI controller
	# built in. The VGA device is the one the bochs DRM driver drives.
	qemu+=(-machine q35 -device VGA,id=vga -device qemu-xhci,id=xhci
		-device usb-kbd,bus=xhci.0,display=vga
		-device usb-tablet,bus=xhci.0)
	ovmf=
	case $firmware in
	uefi) ovmf=/usr/share/OVMF/OVMF_CODE_4M.fd:/usr/share/OVMF/OVMF_VARS_4M.fd ;;
	uefi-sb)
		ovmf=/usr/share/OVMF/OVMF_CODE_4M.snakeoil.fd:/usr/share/OVMF/OVMF_VARS_4M.snakeoil.fd
		qemu+=(-machine q35,smm=on
			-global driver=cfi.pflash01,property=secure,value=on) ;;
	esac
	if [ -n "$ovmf" ]; then
		# OVMF's variable store is written to: each run gets a copy.
		cp "${ovmf#*:}" "$run_dir/vars.fd"
		qemu+=(-drive "if=pflash,format=raw,readonly=on,file=${ovmf%%:*}"
			-drive "if=pflash,format=raw,file=$run_dir/vars.fd")
	fi
	# A TPM 2.0 on the CRB interface; swtpm ends when QEMU hangs up.
	mkdir "$run_dir/tpm"
	swtpm socket --tpm2 --tpmstate "dir=$run_dir/tpm" --terminate \
		--ctrl "type=unixio,path=$run_dir/tpm/sock" &
	for _ in $(seq 50); do
		[ -S "$run_dir/tpm/sock" ] && break
		sleep 0.1
	done
	qemu+=(-chardev "socket,id=chrtpm,path=$run_dir/tpm/sock"
		-tpmdev emulator,id=tpm0,chardev=chrtpm
		-device tpm-crb,tpmdev=tpm0)
	[ -z "$nvme" ] || qemu+=(-drive "file=$nvme,format=raw,if=none,id=nvme0"
		-device nvme,serial=kswitch-nvme,drive=nvme0)
fi
[ -z "$qmp" ] || qemu+=(-qmp "unix:$qmp,server=on,wait=off")
# For debugging, e.g. KSWITCH_QEMU_ARGS="-d cpu_reset -D reset.log".
read -ra extra <<<"${KSWITCH_QEMU_ARGS:-}"
qemu+=("${extra[@]}")
for d in "${disks[@]}"; do qemu+=(-drive "file=$d,format=raw,if=virtio"); done
# A virtio-net card on QEMU's user network, which reaches nothing outside
# this machine unless asked to: the guest is 10.0.2.15, the gateway
# 10.0.2.2 answers pings.
[ -z "$net" ] || qemu+=(-nic "user,model=virtio-net-pci,restrict=on")
# The kernel's command line, when QEMU boots the kernel; a disk's boot
# loader has its own.
cmdline() {
	[ -z "$boot_disk" ] || return 0
	echo "console=ttyS0 panic=-1 $append"
}
# The second port comes after the first: ttyS1.
port2=()
[ -z "$serial2" ] ||
	port2=(-chardev "pipe,id=serial2,path=$serial2" -serial chardev:serial2)

if [ -n "$interactive" ]; then
	display=(-nographic)
	[ "$machine" = desktop ] && [ -n "${DISPLAY:-}" ] &&
		display=(-display gtk)
	qemu+=("${display[@]}" -serial mon:stdio "${port2[@]}")
	if [ -n "$boot_disk" ]; then
		"${qemu[@]}"
	else
		"${qemu[@]}" -append "$(cmdline)"
	fi
	exit
fi

name=${name:-$scenario}
log=${log:-${KSWITCH_BUILD:-build}/logs/$name.log}
mkdir -p "$(dirname "$log")"
nonce=$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')
[ -n "$boot_disk" ] || qemu+=(-append "$(cmdline) ks.scenario=$scenario ks.nonce=$nonce")

fail() {
	echo "FAIL: $name: $*"
	echo "--- last 40 console lines ---"
	tr -d '\r' <"$log" | tail -n 40
	echo "--- full log: $log"
	exit 1
}

rc=0
# timeout keeps QEMU in a process group of its own, so a TERM to ours (a
# host-driven scenario that gives up kills its process group) would not
# reach it, and bash defers its traps while a foreground child runs. In
# the background and waited for, the TERM ends this script at once, and
# the EXIT trap's kill of the jobs reaches timeout, which passes it on.
trap 'exit 143' TERM
trap 'exit 130' INT
timeout -k 5 "$timeout" "${qemu[@]}" -display none -monitor none \
	-serial "file:$log" "${port2[@]}" </dev/null &
wait $! || rc=$?
[ $rc -ne 124 ] && [ $rc -ne 137 ] || fail "timed out after $timeout s"
[ $rc -eq 0 ] || fail "QEMU exited with $rc"

if bad=$("$tools/check-console.sh" "$log" "$nonce"); then :; else
	fail "console shows: $(echo "$bad" | head -n 1)"
fi
if [ -n "$driven" ]; then
	echo "DONE: $name (log: $log)"
	exit 0
fi
grep -q "^KSWITCH-FAIL $nonce" <(tr -d '\r' <"$log") &&
	fail "guest reports: $(tr -d '\r' <"$log" | grep "^KSWITCH-FAIL $nonce")"
grep -qx "KSWITCH-PASS $nonce" <(tr -d '\r' <"$log") ||
	fail "no pass marker from the guest"
echo "PASS: $name (log: $log)"
