#!/usr/bin/env bash
# Slot files, on the real kernel (tests/vm/guest/snapshot.sh): slot 0
# (alpha) dumps bravo, suspended in slot 3, to a core file that readelf and
# gdb read as one of this kernel; the same file cut short or with one byte
# changed is refused with its own exit code and no slot changed; restored
# into slot 6 while bravo holds that memory in slot 3, it resumes, and then
# bravo does. Then slot 0 saves bravo, which frees slot 3, loads charlie,
# restores bravo into slot 4 and enters bravo, charlie and bravo again:
# each checks its counter and memory pattern.
source "$(dirname "$0")/../lib/tap.sh"
log=$build/logs/snapshot.log
vmlinux=$build/kernel/vmlinux
disk=$build/vm/snapshot.disk
core=$build/vm/snapshot.core
mkdir -p "${disk%/*}"
rm -f "$disk" "$core"
truncate -s 80M "$disk"
tap_plan 8
check "bravo is dumped, saved, restored into another slot and resumed" \
	"$top/tools/qemu-run.sh" --name snapshot --scenario snapshot \
	--append ks.disk=/dev/vda --mem 1G --disk "$disk" --timeout 300 \
	--kernel "$bzimage" --initrd "$guests/alpha.cpio.gz"
console() { tr -d '\r' <"$log"; }
size=$(console | sed -n 's/^alpha: dump of slot 3 is \([0-9]*\) bytes$/\1/p')
head -c "${size:-0}" "$disk" >"$core"

notes() { readelf -n "$core"; }
check "readelf -n lists the dump's NT_PRSTATUS, VMCOREINFO and KSWITCH notes" \
	eval 'notes | grep -q "CORE.*NT_PRSTATUS" &&
		notes | grep -q "VMCOREINFO" && notes | grep -q "KSWITCH"'
gdb_print() {
	gdb -nx -batch -ex "print $1" "$vmlinux" "$core" 2>/dev/null |
		sed -n 's/^\$1 = //p'
}
comm=$(gdb_print init_task.comm)
node=$(gdb_print init_uts_ns.name.nodename)
tap_note "gdb: init_task.comm = ${comm:-?}, init_uts_ns.name.nodename = ${node:-?}"
# vmlinux says "swapper"; only the running kernel makes it swapper/0.
check "gdb vmlinux FILE prints the saved kernel's init_task.comm" \
	grep -q '^"swapper/0' <<<"$comm"
check "and its host name, bravo's" grep -q '^"bravo' <<<"$node"

# refused WHAT CODE: the guest's line for restoring that bad file.
refused() {
	console | grep -q "^alpha: $1 file refused with exit $2 in 1 line, slots unchanged: kswitch: "
}
check "a truncated file is refused (exit 7) in one line, no slot changed" \
	refused truncated 7
check "a corrupted file is refused (exit 20) in one line, no slot changed" \
	refused corrupted 20

# ks_check_slot_ram printed each system's RAM; its blocks above 1 MiB.
ram() { console | sed -n "s/^$1: RAM \([0-9a-f]*\)-\([0-9a-f]*\) : System RAM$/\1 \2/p" | tail -n +2; }
overlaps() {
	local s1 e1 s2 e2
	while read -r s1 e1; do
		while read -r s2 e2; do
			[ $((0x$s1)) -le $((0x$e2)) ] && [ $((0x$s2)) -le $((0x$e1)) ] &&
				return 0
		done < <(ram charlie)
	done < <(ram bravo)
	return 1
}
# Where the allocator puts charlie is its choice: said, not checked.
if overlaps; then
	tap_note "charlie got memory bravo had before it was saved"
else
	tap_note "charlie got none of the memory bravo had before it was saved"
fi
# rounds SLOT: the rounds bravo checked (ks_after_switch) in SLOT, as
# "N N ...": a check that failed there failed the scenario.
rounds() {
	console | sed -n "s/^bravo: in slot $1 after round \([0-9]*\)$/\1/p" |
		tr '\n' ' '
}
tap_note "bravo's rounds: $(rounds 6)in slot 6, $(rounds 3)in slot 3, $(rounds 4)in slot 4"
# Round 1 was before the dump; the clone in slot 6 and the bravo in slot
# 3 each go on from there, and the saved one from round 2 on.
check "the dump, restored over bravo's memory in slot 3, resumed; then bravo too" \
	test "$(rounds 6)$(rounds 3)" = "2 1 2 "
check "the saved bravo resumed in slot 4 twice, charlie in between, each counter and pattern intact" \
	eval 'test "$(rounds 4)" = "3 4 " &&
		console | grep -q "^charlie: round 1 ok"'
tap_done
