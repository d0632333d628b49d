#!/usr/bin/env bash
# kswitch menu, driven as a person would in a terminal (tmux), against a
# slots file (no kernel slots needed): it shows the slots, switches, loads
# and unloads with a key each, explains a refusal in one line, redraws
# when the terminal shrinks to 80x24, and gives the terminal back as it
# found it, cursor shown, when it quits or dies of Ctrl-C or Ctrl-\, in
# tmux and as a vt100 or a Linux console.
source "$(dirname "$0")/../lib/tap.sh"
kswitch=$build/bin/kswitch
command -v tmux >/dev/null || tap_skip_all "tmux missing; run make deps"
[ -x "$kswitch" ] || tap_skip_all "$kswitch not built; run make check"
source "$top/tests/lib/tmux.sh"
tap_plan 40

tmp=$(mktemp -d)
trap 'tmux_ kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

slots=$tmp/slots.json
cp "$top/tests/unit/data/slots-3.json" "$slots"
mkdir "$tmp/slots.d"
: >"$tmp/bzImage"
cat >"$tmp/slots.d/delta.conf" <<EOF2
# delta: a system that is not loaded yet
name   = delta
kernel = $tmp/bzImage
memory = 96M
EOF2
menu="$(printf %q "$kswitch") --slots-file $(printf %q "$slots")"
menu+=" --profiles $(printf %q "$tmp/slots.d") menu"

# The library's wait_for searches the scrollback, where earlier screens
# stay; the menu redraws in place, so these poll the visible screen.

# screen_shows REGEX SECONDS: poll the screen until REGEX shows up.
screen_shows() {
	local i
	for ((i = 0; i < $2 * 10; i++)); do
		screen | grep -qE -e "$1" && return 0
		sleep 0.1
	done
	screen | sed 's/^/# /'
	return 1
}

# screen_lacks REGEX SECONDS: poll the screen until REGEX is not on it.
screen_lacks() {
	local i
	for ((i = 0; i < $2 * 10; i++)); do
		screen | grep -qE -e "$1" || return 0
		sleep 0.1
	done
	screen | sed 's/^/# /'
	return 1
}

# screen_line_is N REGEX: line N of the screen (1 is the top) comes to
# match REGEX within 5 seconds.
screen_line_is() {
	local i
	for ((i = 0; i < 50; i++)); do
		screen | sed -n "$1p" | grep -qE -e "$2" && return 0
		sleep 0.1
	done
	screen | sed 's/^/# /'
	return 1
}

# screen_count_is N REGEX: N lines of the screen match REGEX, no more.
screen_count_is() {
	[ "$(screen | grep -cE -e "$2")" -eq "$1" ] && return 0
	screen | sed 's/^/# /'
	return 1
}

# The slot file's own word on bravo's entries, not the screen's.
bravo_entered() {
	"$kswitch" --slots-file "$slots" list --json |
		grep -qE "\"name\": \"bravo\".*\"entered\": $1,"
}

# The pane's cursor: 1 shown, 0 hidden; nothing if this tmux cannot say.
cursor_flag() { tmux_ display -p -t "$tmux_session" '#{cursor_flag}'; }
cursor_is() { [ "$(cursor_flag)" = "$1" ]; }

# run_menu NAME [VAR=VALUE...]: run the menu, in the environment given,
# under a non-interactive sh between two 'stty -a', into $tmp/NAME.before
# and NAME.after; its exit status into NAME.rc. An interactive bash would
# put the terminal back itself after a job killed by a signal, hiding what
# the menu left; this sh does not. It traps Ctrl-C and Ctrl-\ (the menu
# still gets them with their default actions) so as to outlive the menu.
# It starts from a sane terminal, so that a menu that breaks it fails its
# own checks, not the next run's.
run_menu() {
	local out
	out=$(printf %q "$tmp/$1")
	shift
	keys "clear; sh -c $(printf %q "cd $(printf %q "$tmp"); ulimit -c 0
trap : INT QUIT; stty sane; stty -a >$out.before; env $* $menu; echo \$? >$out.rc
stty -a >$out.after; : >$out.done")" Enter
}

# menu_ended NAME: the menu run by run_menu NAME ends within 5 seconds.
menu_ended() {
	local i
	for ((i = 0; i < 50; i++)); do
		[ -e "$tmp/$1.done" ] && return 0
		sleep 0.1
	done
	screen | sed 's/^/# /'
	return 1
}

status_is() { [ "$(cat "$tmp/$1.rc")" = "$2" ]; }

# stty_same NAME: the terminal is as it was before the menu of run_menu
# NAME: canonical mode, echo and all (ask stty, not the shell's prompt),
# but for its size (the first line), which a resize changes.
stty_same() {
	diff -u <(sed 1d "$tmp/$1.before") <(sed 1d "$tmp/$1.after") |
		sed 's/^/# /'
	[ "${PIPESTATUS[0]}" -eq 0 ] &&
		grep -qE '(^| )icanon( |$)' "$tmp/$1.after" &&
		grep -qE '(^| )echo( |$)' "$tmp/$1.after"
}

# check_cursor WHAT 0|1: check that the pane's cursor is hidden or shown.
check_cursor() {
	if [ -n "$cursor_known" ]; then
		check "$1" cursor_is "$2"
	else
		ok "$1 # SKIP $(tmux -V) has no #{cursor_flag}"
	fi
}

title='^kswitch menu: this is alpha, slot 0'
row() { echo "^[ *] $1 +$2 +$3 +$4 +$5 +$6 "; }

tmux_start 100 30 "env PS1='menu-test\$ ' bash --norc --noprofile"
wait_for 'menu-test\$' 10
case $(cursor_flag) in
0 | 1) cursor_known=yes ;;
*) cursor_known= ;;
esac
run_menu quit
check "the title names this system and its slot" screen_shows "$title" 10
check "alpha runs in slot 0, marked" \
	screen_shows "$(row 0 alpha running resident 0 1)" 1
check "bravo is suspended in slot 1" \
	screen_shows "$(row 1 bravo suspended resident 160 3)" 1
check "charlie is loaded in slot 2" \
	screen_shows "$(row 2 charlie loaded swap 128 0)" 1
check "the key bar says what the keys do" \
	screen_shows 'Enter switch  l load  u unload  r refresh  h help  q quit' 1
check_cursor "the cursor is hidden" 0

keys Down Enter
check "Down, Enter switches to bravo and comes back" \
	screen_shows 'back from bravo \(slot 1\)' 5
check "  bravo's ENTERED goes up on screen" \
	screen_shows "$(row 1 bravo suspended resident 160 4)" 1
check "  and in the slots file" bravo_entered 4

keys Down Down Down Down Enter
check "Enter on an empty slot says why, in one line" \
	screen_shows '^slot 5 is empty; load a system into it first' 5
check "  and the menu is still there" screen_shows "$title" 1

keys l
check "l lists delta, the profile not loaded" \
	screen_shows "^ +delta +resident +96 +any +$tmp/bzImage" 5
check "  with its own key bar" \
	screen_shows '^Up/Down choose  Enter load  Esc back  q quit *$' 1
keys Enter
check "Enter loads it" screen_shows 'loaded delta into slot 3' 5
check "  and delta shows in the table" \
	screen_shows "$(row 3 delta loaded resident 96 0)" 1
keys u
check "u unloads it" screen_shows 'unloaded delta from slot 3' 5
check "  and slot 3 is empty again" screen_lacks '^[ *] 3 +delta' 1

keys h
check "h shows the help" screen_shows '^ +Up k +move up' 5
check "  listing every key" screen_shows '^ +Esc Backspace +back' 1
check "  and the digits" screen_shows '^ +0-8 +switch to that slot' 1
check "  with its own key bar" screen_shows '^Esc back  q quit *$' 1
keys Escape
check "Esc goes back to the table" screen_shows '^ +SLOT +NAME +STATE' 5

tmux_ resize-window -t "$tmux_session" -x 80 -y 24
check "after a resize to 80x24 the key bar is on line 24" \
	screen_line_is 24 '^Enter switch .* q quit'
check "  the title still on line 1" screen_line_is 1 "$title"
check "  and nothing drawn twice" screen_count_is 1 'SLOT +NAME +STATE'

keys q
check "q quits, status 0" eval 'menu_ended quit && status_is quit 0'
check "  the terminal as it found it" stty_same quit
check_cursor "  the cursor shown again" 1

# Killed by a signal from the keyboard: the terminal comes back all the
# same, and the menu dies of the signal, as the shell expects.
for sig in INT:C-c:130:Ctrl-C "QUIT:C-\\:131:Ctrl-\\"; do
	IFS=: read -r name key rc what <<<"$sig"
	run_menu "$name"
	screen_shows "$title" 10
	keys "$key"
	check "$what ends the menu, which dies of SIG$name" \
		eval "menu_ended $name && status_is $name $rc"
	check "  the terminal as it found it" stty_same "$name"
	check_cursor "  the cursor shown again" 1
done

# A serial console: no colours, no resize, vt100 or Linux console keys.
for term in vt100 linux; do
	run_menu "$term" TERM=$term
	check "TERM=$term: the slot table is drawn" screen_shows \
		"$(row 1 bravo suspended resident 160 4)" 10
	keys q
	check "TERM=$term: q quits, status 0" \
		eval "menu_ended $term && status_is $term 0"
	check "TERM=$term:   the terminal as it found it" stty_same "$term"
done
tap_done
