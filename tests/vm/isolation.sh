#!/usr/bin/env bash
# Isolation: no system reads another's memory from its user space. Slot 0's
# /proc/kcore reads the memory it lends its slots as zeros; a slot's
# /dev/mem refuses slot 0's and the other slots' memory, and its
# /proc/kcore has none of it (tests/vm/guest/isolation.sh). The kernel
# has /dev/mem as distributions build it (DEVMEM, STRICT_DEVMEM).
source "$(dirname "$0")/../lib/tap.sh"
log=$build/logs/isolation.log
tap_plan 3
check "no system reads another's memory" \
	"$top/tools/qemu-run.sh" --name isolation --scenario isolation \
	--smp 2 --mem 1G --timeout 300 \
	--kernel "$bzimage" --initrd "$guests/alpha.cpio.gz"
probes=$(tr -d '\r' <"$log" | grep -c "^ok [0-9]* - ")
check "both systems ran all their probes ($probes passed)" \
	test "$probes" -ge 12
check "slot 1 fenced the other systems' memory off its /dev/mem" \
	grep -q "^echo: .* : Memory of another system" <(tr -d '\r' <"$log")
tap_done
