#!/usr/bin/env bash
# The slot hotkey, pressed on the VM's keyboard with QEMU's monitor
# 'sendkey': each Ctrl+Alt+digit lands in the system of that digit (its
# banner the first time, its kernel's "entered from" line after), also
# from a system whose user space is stopped; a watcher is told before
# each switch away and the switch waits for it, and a chord pressed while
# it waits is dropped; the chord can be changed at run time, and the old
# one then does nothing. The hotkey is off unless turned on: slot 0 boots
# with kexec_slots.hotkey=ctrl+alt, and kswitch passes it to the slots.
source "$(dirname "$0")/../lib/tap.sh"
source "$(dirname "$0")/../lib/tmux.sh"
command -v tmux >/dev/null || tap_skip_all "tmux missing; run make deps"
tap_plan 13

log=$build/logs/hotkey.log

# sendkey KEYS: press KEYS on the VM's keyboard, through the monitor
# (Ctrl-A c switches the console between the serial port and it).
sendkey() {
	keys C-a c
	sleep 0.5
	keys "sendkey $1" Enter
	sleep 0.5
	keys C-a c
}

entered() { echo "kexec_slots: slot $1 \\(.*\\) entered from slot $2\$"; }

tmux_start 120 40 \
	"'$top/tools/qemu-run.sh' --interactive --kernel '$bzimage' --initrd '$guests/alpha.cpio.gz' --append kexec_slots.hotkey=ctrl+alt; echo VM-EXITED; sleep 30"
wait_count '^alpha#' 1 120 || { not_ok "alpha boots"; tap_done; }
type_line "kswitch up && echo UP-DONE"
wait_count '^UP-DONE' 1 120 || { not_ok "kswitch up"; tap_done; }

sendkey ctrl-alt-1
check "Ctrl+Alt+1 in alpha boots bravo (slot 1)" \
	wait_count "^=== kswitch guest system 'bravo'" 1 120
wait_count '^bravo#' 1 60
type_line 'kill -STOP -1; kill -STOP $$'
sleep 2
sendkey ctrl-alt-2
check "Ctrl+Alt+2 in bravo, its user space stopped, boots charlie (slot 2)" \
	wait_count "^=== kswitch guest system 'charlie'" 1 120
wait_count '^charlie#' 1 60
sendkey ctrl-alt-1
check "Ctrl+Alt+1 in charlie comes back to bravo" \
	wait_count "$(entered 1 2)" 1 120
sendkey ctrl-alt-0
check "Ctrl+Alt+0 in bravo, its user space stopped, comes back to alpha" \
	wait_count "$(entered 0 1)" 1 120
type_line "echo ALPHA-\$((40 + 2))"
check "alpha's shell answers" wait_count '^ALPHA-42' 1 30

# A watcher in alpha (kswitch watch) is told before a switch away, and the
# switch waits for its answer. A chord pressed while that switch waits is
# dropped once alpha is entered again, not fired into the system it named
# before alpha was left.
type_line "echo 10000 >/sys/module/kexec_slots/parameters/watch_ms"
type_line "kswitch watch --run 'echo NOTICE-\$KSWITCH_TO; sleep 4; echo LOCKED-\$KSWITCH_TO' &"
wait_for '^watching for switches away' 30
type_line "kswitch 2"
wait_for '^NOTICE-2' 30
sendkey ctrl-alt-1
wait_count "$(entered 2 0)" 1 120
# first_line REGEX: the number of the first scrollback line matching it.
first_line() { scrollback | grep -nE -m1 -- "$1" | cut -d: -f1; }
locked_first() { [ "$(first_line '^LOCKED-2')" -lt "$(first_line "$(entered 2 0)")" ]; }
check "the switch to charlie waited for alpha's watcher" locked_first
type_line "kswitch 0"
wait_count "$(entered 0 2)" 1 120
check "the chord pressed while it waited was dropped in alpha" \
	wait_for 'hotkey: a chord pressed before the last switch is dropped' 30
type_line 'kill $!'

sendkey ctrl-alt-0
sendkey ctrl-alt-9
type_line "echo STILL-\$((40 + 2))"
# switches so far: to bravo, charlie, bravo, alpha
switches() { scrollback | grep -c 'kexec_slots: hotkey: switching to slot'; }
# no_switch_after CMD...: CMD succeeds, and the hotkey switched no more.
no_switch_after() { "$@" && [ "$(switches)" -eq 4 ]; }
check "its own digit, and a digit no slot has, leave alpha where it is" \
	no_switch_after wait_count '^STILL-42' 1 30

type_line "echo ctrl+shift >/sys/module/kexec_slots/parameters/hotkey"
type_line "cat /sys/module/kexec_slots/parameters/hotkey"
check "the chord is changed at run time" wait_count '^ctrl\+shift' 1 30
sendkey ctrl-alt-2
type_line "echo STAYED-\$((40 + 2))"
check "the old chord does nothing now" \
	no_switch_after wait_count '^STAYED-42' 1 30
sendkey ctrl-shift-2
check "Ctrl+Shift+2 enters charlie" wait_count "$(entered 2 0)" 2 120
sleep 2
type_line "kswitch 0"
wait_count "$(entered 0 2)" 2 120

# The menu open in alpha, left and entered again by the hotkey.
type_line "echo ctrl+alt >/sys/module/kexec_slots/parameters/hotkey; kswitch menu"
wait_for '^kswitch menu: ' 30
sendkey ctrl-alt-1
wait_count "$(entered 1 0)" 1 120
sendkey ctrl-alt-0
check "the menu redraws when the hotkey brings alpha back to it" \
	wait_for 'back in slot 0 after a switch from outside the menu' 60
keys q
type_line "kswitch list"
sleep 3
keys C-a x
wait_count 'VM-EXITED' 1 30
scrollback >"$log"
grep -E '^[ *][0-9] ' "$log" | tail -n 9 | sed 's/^/# /'
check "the console shows no WARN, BUG, Oops, lockdep or kexec error" \
	"$top/tools/check-console.sh" "$log"
tap_done
