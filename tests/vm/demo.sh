#!/usr/bin/env bash
# make demo, driven as a person would in a terminal (tmux): it boots to an
# interactive shell prompt on the console, kswitch answers there, the
# commands the banner gives switch to bravo and back, and Ctrl-A X leaves
# QEMU as the banner says.
source "$(dirname "$0")/../lib/tap.sh"
command -v tmux >/dev/null || tap_skip_all "tmux missing; run make deps"
tap_plan 6

sock=kswitch-demo-$$
session=demo
tmux_() { tmux -L "$sock" "$@"; }
trap 'tmux_ kill-server 2>/dev/null' EXIT

# wait_for REGEX SECONDS: poll the screen until REGEX shows up.
wait_for() {
	local i
	for ((i = 0; i < $2 * 2; i++)); do
		tmux_ capture-pane -p -S - -t "$session" 2>/dev/null | grep -qE "$1" &&
			return 0
		sleep 0.5
	done
	tmux_ capture-pane -p -t "$session" 2>/dev/null | sed 's/^/# /'
	return 1
}

# wait_count REGEX N SECONDS: poll until N lines of the whole scrollback
# match REGEX (a prompt that comes back is a new line; kernel messages may
# follow it on screen).
wait_count() {
	local i
	for ((i = 0; i < $3 * 2; i++)); do
		[ "$(tmux_ capture-pane -p -S - -t "$session" 2>/dev/null |
			grep -cE "$1")" -ge "$2" ] && return 0
		sleep 0.5
	done
	tmux_ capture-pane -p -t "$session" 2>/dev/null | sed 's/^/# /'
	return 1
}

tmux_ new-session -d -s "$session" -x 100 -y 40 \
	"make -s -C '$top' demo; echo DEMO-EXITED; sleep 30"
check "the banner says how to leave QEMU" wait_for 'Ctrl-A then X' 60
check "the demo boots to alpha's shell prompt" wait_for '^alpha#' 120
tmux_ send-keys -t "$session" "kswitch status" Enter
check "kswitch runs on the console" wait_for '^system: +alpha' 30
tmux_ send-keys -t "$session" "kswitch load /boot/bzImage --initrd /boot/bravo.cpio.gz --mem 192M && kswitch jump" Enter
check "kswitch load and jump reach bravo's prompt" wait_count '^bravo#' 1 180
tmux_ send-keys -t "$session" "kswitch jump" Enter
# alpha's prompts so far: the first, and the one the load was typed at.
check "kswitch jump in bravo comes back to alpha's prompt" \
	wait_count '^alpha#' 3 120
tmux_ send-keys -t "$session" C-a x
check "Ctrl-A X leaves QEMU" wait_for 'DEMO-EXITED' 30
tap_done
