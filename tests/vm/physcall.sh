#!/usr/bin/env bash
# kswitch call: 200 calls of a physical-mode payload from alpha on 2 CPUs,
# each result checked against cksum(1) in the guest.
source "$(dirname "$0")/../lib/tap.sh"
calls=${KS_CALLS:-200}
log=$build/logs/physcall.log
tap_plan 2
check "$calls physical-mode calls return the right value" \
	"$top/tools/qemu-run.sh" --name physcall --scenario physcall \
	--append "ks.calls=$calls" --smp 2 --mem 1G --timeout 600 \
	--kernel "$bzimage" --initrd "$guests/alpha.cpio.gz"
check "all $calls calls were made" \
	grep -q "^alpha: $calls calls ok" <(tr -d '\r' <"$log")
tap_done
