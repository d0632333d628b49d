#!/usr/bin/env bash
# Boot the patched kernel with system alpha on 2 CPUs; the guest checks its
# name, CPUs, kexec support and kswitch, and prints the pass marker.
source "$(dirname "$0")/../lib/tap.sh"
tap_plan 1
check "alpha boots the patched kernel and passes its checks" \
	"$top/tools/qemu-run.sh" --name boot --scenario boot --smp 2 \
	--kernel "$bzimage" --initrd "$guests/alpha.cpio.gz" --timeout 120
tap_done
