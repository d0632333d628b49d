#!/usr/bin/env bash
# A slot kernel writes garbage into the slot directory, which every slot
# kernel maps: the running slot, its own ranges, hotkey, name and links,
# and every other slot's record. Slot 0 acts only on its own records of
# the slots (kernel/kexec_slots.c, reclaim_directory()): it runs on, with
# no oops, unloads both slots and loads a new one
# (tests/vm/guest/hostile-dir.sh).
source "$(dirname "$0")/../lib/tap.sh"
log=$build/logs/hostile-dir.log
tap_plan 2
check "slot 0 runs on after a slot kernel spoilt the slot directory" \
	"$top/tools/qemu-run.sh" --name hostile-dir --scenario hostile-dir \
	--smp 2 --mem 1G --timeout 300 \
	--kernel "$bzimage" --initrd "$guests/alpha.cpio.gz"
check "slot 1 wrote the directory through /dev/mem" \
	grep -q "^scribbled" <(tr -d '\r' <"$log")
tap_done
