#!/usr/bin/env bash
# make demo, driven as a person would in a terminal (tmux), over the
# serial console: slot 0 (alpha) boots with bravo and charlie loaded from
# the example profiles and the slot menu open; arrows and Enter switch to
# bravo for real, 'kswitch 0' there comes back and the menu redraws with
# fresh data; the same with charlie (a swap slot); q leaves the menu for
# the shell, and Ctrl-A X leaves QEMU as the banner says.
source "$(dirname "$0")/../lib/tap.sh"
source "$(dirname "$0")/../lib/tmux.sh"
command -v tmux >/dev/null || tap_skip_all "tmux missing; run make deps"
tap_plan 12

# The menu's row of SLOT, as on screen now: "1 bravo suspended ...".
menu_row() {
	screen |
		sed -n "s/^[* ] $1 \+//p" | tr -s ' ' | tail -n 1
}

tmux_start 100 40 "make -s -C '$top' demo; echo DEMO-EXITED; sleep 30"
check "the banner says how to leave QEMU" wait_for 'Ctrl-A then X' 60
check "the menu opens with bravo and charlie loaded" \
	wait_for '^[* ] 2 +charlie +loaded +swap' 120
echo "# $(menu_row 1)"
keys Down Enter
check "Down and Enter switch to bravo, which boots to its prompt" \
	wait_count '^bravo#' 1 120
keys "kswitch 0" Enter
check "'kswitch 0' in bravo comes back to the menu, which says so" \
	wait_for 'back from bravo \(slot 1\)' 120
check "the menu shows bravo suspended, entered once" \
	test "$(menu_row 1 | cut -d' ' -f1-5)" = "bravo suspended resident 160 1"
keys Down Enter
check "Down and Enter switch to charlie, a swap slot" \
	wait_count '^charlie#' 1 120
keys "kswitch 0" Enter
check "'kswitch 0' in charlie comes back to the menu" \
	wait_for 'back from charlie \(slot 2\)' 120
check "the menu shows charlie suspended, entered once" \
	test "$(menu_row 2 | cut -d' ' -f1-5)" = "charlie suspended swap 128 1"
keys q
check "q leaves the menu for alpha's shell prompt" wait_for '^alpha#' 30
keys "kswitch status" Enter
check "kswitch answers there" wait_for '^slot: +0 ' 30
keys C-a x
check "Ctrl-A X leaves QEMU" wait_for 'DEMO-EXITED' 30
scrollback >"$build/logs/demo.log"
check "the console shows no WARN, BUG, Oops, lockdep or kexec error" \
	"$top/tools/check-console.sh" "$build/logs/demo.log"
tap_done
