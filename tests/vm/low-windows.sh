#!/usr/bin/env bash
# Each slot's 64 KiB low window below 1 MiB is placed where the firmware's
# memory map has RAM: slot 0 boots with 128..192 KiB reserved, where a
# firmware may keep its EBDA (memmap=), and no window lands there
# (tests/vm/guest/low-windows.sh). The systems entered find their window
# in their memory map (ks_check_slot_ram, tests/vm/guest/lib/slots.sh).
source "$(dirname "$0")/../lib/tap.sh"
log=$build/logs/low-windows.log
tap_plan 2
check "slot windows avoid a firmware area below 1 MiB" \
	"$top/tools/qemu-run.sh" --name low-windows --scenario low-windows \
	--smp 2 --mem 1G --timeout 300 --append 'memmap=64K$0x20000' \
	--kernel "$bzimage" --initrd "$guests/alpha.cpio.gz"
check "four windows were placed" \
	test "$(tr -d '\r' <"$log" | grep -c "^alpha: slot [1-4]'s low window")" = 4
tap_done
