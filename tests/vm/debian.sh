#!/usr/bin/env bash
# machine: desktop (tests/run.sh: KS_MACHINES)
# The Debian machine (tools/mkdebian-machine.sh, docs/debian.md) as a user
# has it: UEFI (OVMF) boots alpha's disk through GRUB into the kernel its
# package installed; kswitch.service loads bravo and charlie from their
# profiles. Then KS_DEBIAN_SWITCHES (100) switches among the three, every
# other one by the hotkey on the PS/2 keyboard, the others by 'kswitch
# NAME' typed into the shell of the system that runs. The scenario drives
# each system's shell on the second serial port (ttyS1); the kernels'
# console, on the first, is the log checked for WARN, BUG, Oops and kexec
# errors.
#
# After every switch the system entered runs ks-check
# (tests/vm/debian/rootfs): systemd running, no kernel error in the
# journal since its last check, its DHCP address there and the gateway
# answering, its fsynced records read back from the disk. Here, against
# what the host saw: the system entered is the one asked for, its colours
# are on the screen, its clock is right, and every record its 10 s timer
# wrote falls in a time it ran. At the end charlie installs, upgrades and
# removes kswitch's package with apt; bravo powers itself off; alpha's
# poweroff shuts charlie down through kswitch.service (kswitch down) and
# ends the machine; e2fsck -fn finds each disk clean and every record on
# it.
source "$(dirname "$0")/../lib/tap.sh"
machine=$build/debian
[ -f "$machine/key" ] ||
	tap_skip_all "no Debian machine; run make debian-machine"
plan=17
tap_plan $plan

switches=${KS_DEBIAN_SWITCHES:-100}
seed=${KS_DEBIAN_SEED:-$((RANDOM * 32768 + RANDOM))}
work=$build/vm/debian
shots=$work/shots
qmp_sock=$work/qmp
agent=$work/agent
log=$build/logs/debian.log
alog=$build/logs/debian-agent.log
source "$(dirname "$0")/../lib/screen.sh"
source "$(dirname "$0")/../lib/serial.sh"

rm -rf "$work"
mkdir -p "$work" "$shots" "$(dirname "$log")"
for s in alpha bravo charlie; do
	cp --sparse=always "$machine/$s.img" "$work/"
done
serial_open "$agent" "$alog"
setsid "$top/tools/qemu-run.sh" --host-driven --name debian \
	--machine desktop --boot-disk "$work/alpha.img" \
	--disk "$work/bravo.img" --disk "$work/charlie.img" --net \
	--qmp "$qmp_sock" --serial2 "$agent" --timeout 5400 --log "$log" \
	>"$work/qemu.out" 2>&1 &
qemu=$!
trap 'kill -- -$qemu 2>/dev/null; serial_close' EXIT
tap_note "seed $seed (KS_DEBIAN_SEED), $switches switches; logs $log and $alog"

declare -A slot_of=([alpha]=0 [bravo]=1 [charlie]=2)
declare -A booted=([alpha]=1)
declare -A visits last_records
problems_entry= problems_check= problems_screen= problems_clock=
problems_records=
# note VARIABLE TEXT: keep the first problem of a kind, count them all.
note() {
	local -n v=$1
	[ -n "$v" ] || v=$2
	eval "n_$1=\$((\${n_$1:-0} + 1))"
	echo "# $2"
}

# ks_check TOKEN SYSTEM: run ks-check in the system that runs, which must
# be SYSTEM, and hold its answer against the host's view; 0 if it passed.
ks_check() {
	local token=$1 want=$2 line now tag tok name verdict rest clock
	local records new t

	serial_mark
	serial_send "ks-check $token"
	line=$(serial_wait_line "KS-CHECK $token [^ ]+ (ok|FAIL).*" 400) ||
		{ note problems_check "$want: no answer to ks-check $token"; return 1; }
	now=$(date +%s)
	read -r tag tok name verdict rest <<<"$line"
	if [ "$name" != "$want" ]; then
		note problems_entry "check $token: $want expected, $name answered"
		return 1
	fi
	if [ "$verdict" != ok ]; then
		note problems_check "$name: $rest"
		return 1
	fi
	rest=" $rest"
	clock=$(sed -n 's/.* clock=\([0-9]*\).*/\1/p' <<<"$rest")
	records=$(sed -n 's/.* records=\([0-9]*\).*/\1/p' <<<"$rest")
	new=$(sed -n 's/.* new=\([-0-9,]*\).*/\1/p' <<<"$rest")
	# The RTC has whole seconds, and the answer took a moment to come.
	if [ -z "$clock" ] || [ $((now - clock)) -gt 5 ] ||
		[ $((clock - now)) -gt 2 ]; then
		note problems_clock "$name: clock $clock, host $now"
	fi
	last_records[$name]=$records
	for t in ${new//[-,]/ }; do
		ran_at "$name" "$t" "$now" ||
			note problems_records "$name: a record at $t, when it did not run (ran${visits[$name]}, now $now)"
	done
	return 0
}

# ran_at SYSTEM T NOW: SYSTEM ran at time T, by the host's clock, give or
# take the RTC's second and the record's: its visits, the last one open.
ran_at() {
	local v from to
	for v in ${visits[$1]}; do
		from=${v%-*} to=${v#*-}
		[ -n "$to" ] || to=$3
		[ "$2" -ge $((from - 2)) ] && [ "$2" -le $((to + 2)) ] && return 0
	done
	return 1
}

# enter SYSTEM HOW: switch from $cur to SYSTEM by the hotkey or by
# 'kswitch SYSTEM', wait until it runs, and check it. The visit of $cur
# ends when the host sees SYSTEM run; SYSTEM's starts when asked.
enter() {
	local to=$1 how=$2 asked
	asked=$(date +%s)
	visits[$to]="${visits[$to]} $asked-"
	serial_mark
	console_mark
	if [ "$how" = hotkey ]; then
		ps2_keys ctrl alt "${slot_of[$to]}"
	else
		serial_send "kswitch $to"
	fi
	if [ -z "${booted[$to]:-}" ]; then
		serial_wait "^$to# " 600 >/dev/null ||
			{ note problems_entry "$to never booted ($how from $cur)"; return 1; }
		booted[$to]=1
	else
		console_wait "kexec_slots: slot ${slot_of[$to]} \\($to\\) entered from slot ${slot_of[$cur]}" 300 >/dev/null ||
			{ note problems_entry "$to not entered ($how from $cur)"; return 1; }
	fi
	visits[$cur]="${visits[$cur]}$(date +%s)"
	cur=$to
	ks_check "c$step" "$to" || return 1
	wait_screen "s$step" "$to" 60 >/dev/null ||
		note problems_screen "switch $step: the screen does not show $to ($(pixel "s$step" 4 4))"
	return 0
}

# abandon WHY: a machine that stopped answering answers nothing later:
# fail the checks left at once, not one timeout each, and show the end of
# the console.
abandon() {
	tr -d '\r' <"$log" | tail -n 20 | sed 's/^/# console: /'
	kill -- -$qemu 2>/dev/null
	while [ "$tap_n" -lt "$plan" ]; do
		not_ok "not reached: $1"
	done
	tap_done
}

# 1. The machine boots as a user's does.
cur=alpha step=0
visits[alpha]="$(date +%s)-"
if ! serial_wait "^alpha# " 900 >/dev/null; then
	not_ok "alpha boots from its disk through OVMF and GRUB to a shell"
	sed 's/^/# /' "$work/qemu.out"
	abandon "alpha did not boot"
fi
ok "alpha boots from its disk through OVMF and GRUB to a shell"
serial_mark
# kswitch.service is part of the boot: its state is read once boot is
# over (is-system-running --wait), not at whatever moment the shell came up.
serial_send "systemctl is-system-running --wait >/dev/null; echo KS-UNIT \$(systemctl is-active kswitch) \$(systemctl status kswitch --no-pager | grep -cE 'loaded (bravo|charlie) into slot') \$(kswitch list | awk '\$NF == \"bravo\" || \$NF == \"charlie\" { print \$2 }' | sort | tr '\\n' ,)"
unit=$(serial_wait_line "KS-UNIT .*" 300)
check "kswitch.service loaded bravo and charlie at boot: $unit" \
	test "$unit" = "KS-UNIT active 2 loaded,loaded,"
check "alpha passes its checks" ks_check c0 alpha

# 2. The switches.
RANDOM=$seed
declare -A others=([alpha]="bravo charlie" [bravo]="alpha charlie"
	[charlie]="alpha bravo")
by_key=0 by_cmd=0 done_ok=0
for ((step = 1; step <= switches; step++)); do
	set -- ${others[$cur]}
	[ $((RANDOM % 2)) -eq 0 ] && to=$1 || to=$2
	if [ $((step % 2)) -eq 1 ]; then
		how=hotkey by_key=$((by_key + 1))
	else
		how=command by_cmd=$((by_cmd + 1))
	fi
	enter "$to" "$how" || break
	done_ok=$((done_ok + 1))
done
tap_note "$done_ok of $switches switches done: $by_key by the hotkey, $by_cmd by kswitch NAME"
check "$switches switches, each into the system asked for${problems_entry:+: $problems_entry}" \
	test "$done_ok" -eq "$switches" -a -z "$problems_entry"
check "after each, systemd runs, the journal has no kernel error, DHCP's address and the gateway are there, the records are on the disk${problems_check:+: $problems_check}" \
	test -z "$problems_check"
check "after each, the screen shows the system entered${problems_screen:+: $problems_screen (${n_problems_screen} times)}" \
	test -z "$problems_screen"
check "after each, the system's clock is the host's${problems_clock:+: $problems_clock (${n_problems_clock} times)}" \
	test -z "$problems_clock"
check "each system's timer wrote records only while it ran${problems_records:+: $problems_records}" \
	test -z "$problems_records"
advanced() {
	local s
	for s in alpha bravo charlie; do
		tap_note "$s: ${last_records[$s]:-0} records"
		[ "${last_records[$s]:-0}" -gt 0 ] || return 1
	done
}
check "each system's records advanced" advanced

[ "$done_ok" -eq "$switches" ] ||
	abandon "the tour stopped at switch $((done_ok + 1))"

# 3. The package, with apt, in charlie.
[ "$cur" = charlie ] || enter charlie command
serial_mark
serial_send "ks-apt a1"
apt=$(serial_wait_line "KS-APT a1 .*" 600)
check "in charlie, apt upgrades, removes and installs kswitch's package: ${apt#KS-APT a1 }" \
	grep -q "^KS-APT a1 ok" <<<"$apt"

# 4. Shut down: bravo by itself, then alpha, whose kswitch.service
# shuts charlie down (kswitch down) before alpha's own poweroff.
enter bravo command
console_mark
serial_send "systemctl poweroff"
console_wait "kexec_slots: slot 1 \\(bravo\\) .*hands the machine back to slot 0" 300 >/dev/null
sleep 2
serial_mark
serial_send "echo KS-BRAVO \$(kswitch list | awk '\$NF == \"bravo\" { print \$2 }')"
check "bravo powers off by itself and alpha shows it exited" \
	test "$(serial_wait_line "KS-BRAVO .*" 120)" = "KS-BRAVO exited"
serial_send "systemctl poweroff"
done_rc=0
timeout 600 tail --pid=$qemu -f /dev/null || done_rc=$?
wait $qemu
qemu_rc=$?
ended() {
	[ $done_rc -eq 0 ] && [ $qemu_rc -eq 0 ] &&
		tr -d '\r' <"$log" | grep -q "slot 2 (charlie) .*hands the machine back to slot 0"
}
check "alpha's poweroff shuts charlie down (kswitch down), then the machine; no console shows WARN, BUG, Oops, lockdep or kexec errors" \
	ended
[ $qemu_rc -eq 0 ] || sed 's/^/# /' "$work/qemu.out" | head -n 5

# 5. The disks.
# root_of IMAGE: the root file system of a system's disk, for e2fsprogs.
root_of() {
	local start
	# The Linux file system partition of a whole disk (alpha's).
	start=$(sfdisk -d "$1" 2>/dev/null |
		awk -F'[=,]' '/type=0FC63DAF/ { print $2 + 0 }')
	if [ -n "$start" ]; then echo "$1?offset=$((start * 512))"; else echo "$1"; fi
}
# No USB device is unplugged here: one disconnected is one a resume lost.
usb_kept() {
	local n
	n=$(tr -d '\r' <"$log" | grep -c "USB disconnect")
	tap_note "USB disconnects in the console log: $n"
	[ "$n" -eq 0 ]
}
check "no switch disconnected a USB device (keyboard, tablet)" usb_kept
fsck_clean() { e2fsck -fn "$(root_of "$work/$1.img")" >"$work/fsck-$1.log" 2>&1; }
for s in alpha bravo charlie; do
	check "e2fsck -fn finds $s's disk clean" fsck_clean "$s"
done
on_disk() {
	local s n
	for s in alpha bravo charlie; do
		n=$(debugfs -R "cat /var/lib/ks-records/records" \
			"$(root_of "$work/$s.img")" 2>/dev/null | wc -l)
		tap_note "$s: $n records on its disk, ${last_records[$s]:-0} reported"
		[ "$n" -ge "${last_records[$s]:-1}" ] || return 1
	done
}
check "every record each system reported is on its disk" on_disk
tap_done
