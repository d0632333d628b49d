#!/usr/bin/env bash
# A slot kernel that crashes hands the machine back: one crashed with
# sysrq-c as it boots hands it to the slot that entered it (slot 6, not
# slot 0), which reads its last console lines with kswitch log; one that
# panics on CPU 1, one in a swap slot and one that LKDTM panics at boot,
# in its drivers' init before any user space, hand it back to slot 0 just
# the same (tests/vm/guest/crash-handback.sh). The kernel each crash hands
# back to (slot 6 for the first, slot 0 for the swap slot's) resets or
# stops its PCI functions before it resumes them.
source "$(dirname "$0")/../lib/tap.sh"
log=$build/logs/crash-handback.log
tap_plan 9
check "slot kernels that crash hand the machine back, and it runs on" \
	"$top/tools/qemu-run.sh" --name crash-handback \
	--scenario crash-handback --smp 2 --mem 1G --timeout 300 \
	--net --append ks.net=1 \
	--kernel "$bzimage" --initrd "$guests/alpha.cpio.gz"
check "the crashed slot handed the machine back to the slot that entered it" \
	grep -q "slot 3 (crashy) hands the machine back to slot 6" \
	<(tr -d '\r' <"$log")
# lines_in_turn FIRST SECOND: a console line matching FIRST, and SECOND
# on the next.
lines_in_turn() {
	tr -d '\r' <"$log" | grep -A1 -- "$1" | grep -q -- "$2"
}
# in_between FIRST LAST LINE: a console line matching LINE after one
# matching FIRST, before the next matching LAST.
in_between() {
	tr -d '\r' <"$log" | awk -v first="$1" -v last="$2" -v line="$3" '
		index($0, first) { on = 1; next }
		on && index($0, line) { found = 1 }
		on && index($0, last) { exit }
		END { exit !found }'
}
reset_line="kexec_slots: a slot crashed since this kernel last ran: PCI functions reset"
# kexec_jump_before_resume(): slot 0 went on to slot 6 without resuming.
check "slot 6, back from slot 3's crash, reset PCI functions before it resumed" \
	in_between "slot 3 (crashy) hands the machine back to slot 6" \
	"slot 6 (visitor) entered from slot 3" "$reset_line"
check "slot 0, back from the swap slot's crash, reset PCI functions before it resumed" \
	in_between "slot 3 (crashy-swap) hands the machine back to slot 0" \
	"slot 0 (alpha) entered from slot 3" "$reset_line"
# The boot CPU makes the jump for a panic on CPU 1 (kexec_slots.c).
check "a slot kernel that panicked on CPU 1 handed the machine back too" \
	lines_in_turn "panic on CPU 1: the boot CPU hands back" \
	"slot 3 (crashy-cpu1) hands the machine back to slot 0"
check "a swap slot's kernel that panicked stopped DMA and handed back too" \
	lines_in_turn "kexec_slots: bus mastering off on [1-9][0-9]* PCI devices" \
	"slot 3 (crashy-swap) hands the machine back to slot 0"
# LKDTM panics at device_initcall, before any user space.
check "a slot kernel that panicked in early boot handed the machine back too" \
	grep -q "^alpha: slot 3's panic in early boot came back" \
	<(tr -d '\r' <"$log")
# ks_check_net in the guest; a ping that failed is a KSWITCH-FAIL line.
check "slot 0's virtio-net answered pings before and after that crash" \
	grep -q "^alpha: 2 pings" <(tr -d '\r' <"$log")
check "that slot ran on and read the crashed slot's console lines" \
	grep -q ": kswitch log crashy: [1-9][0-9]* lines" \
	<(tr -d '\r' <"$log")
tap_done
