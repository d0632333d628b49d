#!/usr/bin/env bash
# kswitch menu, driven as a person would in a terminal (tmux), against a
# slots file (no kernel slots needed): it shows the slots, switches, loads
# and unloads with a key each, explains a refusal in one line, redraws
# when the terminal shrinks to 80x24, and gives the shell back a sane
# terminal when it quits or is interrupted, in tmux and as a vt100 or a
# Linux console.
source "$(dirname "$0")/../lib/tap.sh"
kswitch=$build/bin/kswitch
command -v tmux >/dev/null || tap_skip_all "tmux missing; run make deps"
[ -x "$kswitch" ] || tap_skip_all "$kswitch not built; run make check"
tap_plan 29

tmp=$(mktemp -d)
sock=kswitch-menu-$$
session=menu
tmux_() { tmux -L "$sock" "$@"; }
trap 'tmux_ kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

slots=$tmp/slots.json
cp "$top/tests/unit/data/slots-3.json" "$slots"
mkdir "$tmp/slots.d"
cat >"$tmp/slots.d/delta.conf" <<EOF
# delta: a system that is not loaded yet
name   = delta
kernel = /boot/bzImage
memory = 96M
EOF
menu="'$kswitch' --slots-file '$slots' --profiles '$tmp/slots.d' menu"

screen() { tmux_ capture-pane -p -t "$session" 2>/dev/null; }

# wait_for REGEX SECONDS: poll the screen until REGEX shows up.
wait_for() {
	local i
	for ((i = 0; i < $2 * 10; i++)); do
		screen | grep -qE -e "$1" && return 0
		sleep 0.1
	done
	screen | sed 's/^/# /'
	return 1
}

# wait_gone REGEX SECONDS: poll the screen until REGEX is not on it.
wait_gone() {
	local i
	for ((i = 0; i < $2 * 10; i++)); do
		screen | grep -qE -e "$1" || return 0
		sleep 0.1
	done
	screen | sed 's/^/# /'
	return 1
}

# line_is N REGEX: line N of the screen (1 is the top) comes to match
# REGEX within 5 seconds.
line_is() {
	local i
	for ((i = 0; i < 50; i++)); do
		screen | sed -n "$1p" | grep -qE -e "$2" && return 0
		sleep 0.1
	done
	screen | sed 's/^/# /'
	return 1
}

# count_is N REGEX: N lines of the screen match REGEX, no more.
count_is() {
	[ "$(screen | grep -cE -e "$2")" -eq "$1" ] && return 0
	screen | sed 's/^/# /'
	return 1
}

keys() { tmux_ send-keys -t "$session" "$@"; }

# The slot file's own word on bravo's entries, not the screen's.
bravo_entered() {
	"$kswitch" --slots-file "$slots" list --json |
		grep -qE "\"name\": \"bravo\".*\"entered\": $1,"
}

# shell_is_sane: the prompt is back, echoes what is typed, and the terminal
# is in canonical mode with echo on (readline echoes by itself: ask stty).
shell_is_sane() {
	keys clear Enter
	wait_gone SANE 5 || return 1
	keys "echo SANE-\$(stty -a | grep -cE -- '(^| )-(icanon|echo)( |\$)')" \
		Enter
	wait_for '^SANE-0$' 5 && wait_for 'echo SANE-\$\(stty' 1
}

title='^kswitch menu: this is alpha, slot 0'
row() { echo "^[ *] $1 +$2 +$3 +$4 +$5 +$6 "; }

tmux_ new-session -d -s "$session" -x 100 -y 30 \
	"env PS1='menu-test\$ ' bash --norc --noprofile"
wait_for 'menu-test\$' 10
keys "$menu" Enter
check "the title names this system and its slot" wait_for "$title" 10
check "alpha runs in slot 0, marked" \
	wait_for "$(row 0 alpha running resident 0 1)" 1
check "bravo is suspended in slot 1" \
	wait_for "$(row 1 bravo suspended resident 160 3)" 1
check "charlie is loaded in slot 2" \
	wait_for "$(row 2 charlie loaded swap 128 0)" 1
check "the key bar says what the keys do" \
	wait_for 'Enter switch  l load  u unload  r refresh  h help  q quit' 1

keys Down Enter
check "Down, Enter switches to bravo and comes back" \
	wait_for 'back from bravo \(slot 1\)' 5
check "  bravo's ENTERED goes up on screen" \
	wait_for "$(row 1 bravo suspended resident 160 4)" 1
check "  and in the slots file" bravo_entered 4

keys Down Down Down Down Enter
check "Enter on an empty slot says why, in one line" \
	wait_for '^slot 5 is empty; load a system into it first' 5
check "  and the menu is still there" wait_for "$title" 1

keys l
check "l lists delta, the profile not loaded" \
	wait_for '^ +delta +resident +96 +any +/boot/bzImage' 5
keys Enter
check "Enter loads it" wait_for 'loaded delta into slot 3' 5
check "  and delta shows in the table" \
	wait_for "$(row 3 delta loaded resident 96 0)" 1
keys u
check "u unloads it" wait_for 'unloaded delta from slot 3' 5
check "  and slot 3 is empty again" wait_gone '^[ *] 3 +delta' 1

keys h
check "h shows the help" wait_for '^ +Up k +move up' 5
check "  listing every key" wait_for '^ +Esc Backspace +back' 1
check "  and the digits" wait_for '^ +0-8 +switch to that slot' 1
keys Escape
check "Esc goes back to the table" wait_for '^ +SLOT +NAME +STATE' 5

tmux_ resize-window -t "$session" -x 80 -y 24
check "after a resize to 80x24 the key bar is on line 24" \
	line_is 24 '^Enter switch .* q quit'
check "  the title still on line 1" line_is 1 "$title"
check "  and nothing drawn twice" count_is 1 'SLOT +NAME +STATE'

keys q
check "q quits to the shell's prompt" wait_for 'menu-test\$$' 5
check "  and the shell echoes again" shell_is_sane

keys "$menu" Enter
wait_for "$title" 10
keys C-c
check "Ctrl-C leaves the menu too, terminal restored" shell_is_sane

# A serial console: no colours, no resize, vt100 or Linux console keys.
for term in vt100 linux; do
	keys clear Enter "env TERM=$term $menu" Enter
	check "TERM=$term: the slot table is drawn" wait_for \
		"$(row 1 bravo suspended resident 160 4)" 10
	keys q
	check "TERM=$term: q quits to a sane shell" shell_is_sane
done
tap_done
