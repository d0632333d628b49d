#!/usr/bin/env bash
# A slot kernel that locks up cannot be switched away from, not even by
# the hotkey; kswitch loads it with softlockup_panic=1 nmi_watchdog=panic,
# so its lockup detector panics it and it hands the machine back (issue
# 18, item 5): a hard lockup on CPU 1 and on the boot CPU, whose hand-back
# the other CPU asks for, and a soft lockup (tests/vm/guest/lockup.sh).
source "$(dirname "$0")/../lib/tap.sh"
log=$build/logs/lockup.log
tap_plan 2
check "slot kernels locked up with interrupts off on either CPU, or preemption off, hand back" \
	"$top/tools/qemu-run.sh" --name lockup --scenario lockup \
	--smp 2 --mem 1G --timeout 600 \
	--kernel "$bzimage" --initrd "$guests/alpha.cpio.gz"
check "  three slots came back" \
	test "$(tr -d '\r' <"$log" | grep -c '^alpha: .*LOCKUP on CPU [01] came back')" = 3
tap_done
