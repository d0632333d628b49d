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
# Interactive mode (--interactive): serial console and QEMU monitor on the
# terminal, for make demo.
set -euo pipefail

usage() {
	cat <<USAGE
usage: qemu-run.sh --kernel F --initrd F [--scenario NAME] [--interactive]
                   [--append S] [--smp N] [--mem SIZE] [--disk F] [--net]
                   [--timeout SEC] [--log F] [--name NAME]
USAGE
	exit 2
}

tools=$(cd "$(dirname "$0")" && pwd)
kernel= initrd= scenario= append= disk= log= name= interactive= net=
smp=2 mem=1G timeout=120

while [ $# -gt 0 ]; do
	case $1 in
	--kernel) kernel=$2; shift ;;
	--initrd) initrd=$2; shift ;;
	--scenario) scenario=$2; shift ;;
	--append) append=$2; shift ;;
	--smp) smp=$2; shift ;;
	--mem) mem=$2; shift ;;
	--disk) disk=$2; shift ;;
	--net) net=1 ;;
	--timeout) timeout=$2; shift ;;
	--log) log=$2; shift ;;
	--name) name=$2; shift ;;
	--interactive) interactive=1 ;;
	*) usage ;;
	esac
	shift
done
[ -n "$kernel" ] && [ -n "$initrd" ] || usage
[ -n "$interactive" ] || [ -n "$scenario" ] || usage

qemu=(qemu-system-x86_64 -accel "$("$tools/accel.sh")" -smp "$smp"
	-m "$mem" -no-reboot -nodefaults -kernel "$kernel" -initrd "$initrd")
# For debugging, e.g. KSWITCH_QEMU_ARGS="-d cpu_reset -D reset.log".
read -ra extra <<<"${KSWITCH_QEMU_ARGS:-}"
qemu+=("${extra[@]}")
[ -z "$disk" ] || qemu+=(-drive "file=$disk,format=raw,if=virtio")
# A virtio-net card on QEMU's user network, which reaches nothing outside
# this machine unless asked to: the guest is 10.0.2.15, the gateway
# 10.0.2.2 answers pings.
[ -z "$net" ] || qemu+=(-nic "user,model=virtio-net-pci,restrict=on")
append="console=ttyS0 panic=-1 $append"

if [ -n "$interactive" ]; then
	exec "${qemu[@]}" -nographic -serial mon:stdio -append "$append"
fi

name=${name:-$scenario}
log=${log:-${KSWITCH_BUILD:-build}/logs/$name.log}
mkdir -p "$(dirname "$log")"
nonce=$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')
append="$append ks.scenario=$scenario ks.nonce=$nonce"

fail() {
	echo "FAIL: $name: $*"
	echo "--- last 40 console lines ---"
	tr -d '\r' <"$log" | tail -n 40
	echo "--- full log: $log"
	exit 1
}

rc=0
timeout -k 5 "$timeout" "${qemu[@]}" -display none -monitor none \
	-serial "file:$log" -append "$append" </dev/null || rc=$?
[ $rc -ne 124 ] && [ $rc -ne 137 ] || fail "timed out after $timeout s"
[ $rc -eq 0 ] || fail "QEMU exited with $rc"

if bad=$("$tools/check-console.sh" "$log" "$nonce"); then :; else
	fail "console shows: $(echo "$bad" | head -n 1)"
fi
grep -q "^KSWITCH-FAIL $nonce" <(tr -d '\r' <"$log") &&
	fail "guest reports: $(tr -d '\r' <"$log" | grep "^KSWITCH-FAIL $nonce")"
grep -qx "KSWITCH-PASS $nonce" <(tr -d '\r' <"$log") ||
	fail "no pass marker from the guest"
echo "PASS: $name (log: $log)"
