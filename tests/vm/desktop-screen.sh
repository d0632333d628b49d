#!/usr/bin/env bash
# machine: desktop (tests/run.sh: KS_MACHINES)
# The desktop machine's screen and keyboards, booted by UEFI with the
# distribution kernel. alpha (slot 0) loads bravo (resident) and charlie
# (swap); each system paints its banner in its own colour on VT 1
# (tools/guest/init). The hotkey is pressed on the PS/2 keyboard and on the
# USB keyboard; after each switch QEMU's screendump must show the banner of
# the system entered, and after a switch back the very picture taken
# before that system was left. Then the slot menu runs on VT 1
# (TERM=linux), driven with keys, switches to bravo, and is redrawn when
# the hotkey brings alpha back.
source "$(dirname "$0")/../lib/tap.sh"
source "$(dirname "$0")/../lib/tmux.sh"
source "$(dirname "$0")/../lib/screen.sh"
[ -f "$distro_bzimage" ] || tap_skip_all "no distribution kernel; run make kernel-distro"
tap_plan 10

log=$build/logs/desktop-screen.log
shots=$build/vm/desktop-screen
qmp_sock=$build/vm/desktop-screen.qmp
rm -rf "$shots" "$qmp_sock"
mkdir -p "$shots"

entered() { echo "kexec_slots: slot $1 \\(.*\\) entered from slot $2\$"; }
# A system is at its prompt, and its screen has settled.
prompt() { wait_count "^$1#" "$2" 300 && sleep 2; }

tmux_start 160 50 \
	"'$top/tools/qemu-run.sh' --interactive --machine desktop --firmware uefi --kernel '$distro_bzimage' --initrd '$distro_guests/alpha.cpio.gz' --qmp '$qmp_sock' --append kexec_slots.hotkey=ctrl+alt; echo VM-EXITED; sleep 30"
prompt alpha 1 || { not_ok "alpha boots"; tap_done; }
check "after boot, the screen shows alpha's banner" wait_screen alpha-boot alpha 30
type_line "kswitch load 1 /boot/bzImage --initrd /boot/bravo.cpio.gz --mem 256M --name bravo && kswitch load 2 /boot/bzImage --initrd /boot/charlie.cpio.gz --mem 256M --name charlie --swap && echo LOADED-\$((40 + 2))"
wait_for '^LOADED-42' 300 || { not_ok "bravo and charlie load"; tap_done; }
sleep 2
shot alpha-left-1

ps2_keys ctrl alt 1
prompt bravo 1
check "Ctrl+Alt+1 on the PS/2 keyboard: bravo's banner on the screen" \
	wait_screen bravo-boot bravo 30

usb_keys ctrl alt 0
wait_for "$(entered 0 1)" 300 && sleep 3
shot alpha-back-1
check "Ctrl+Alt+0 on the USB keyboard: alpha's screen as alpha left it" \
	same_screen alpha-left-1 alpha-back-1

usb_keys ctrl alt 2
prompt charlie 1
check "Ctrl+Alt+2 on the USB keyboard: charlie's banner (a swap slot)" \
	wait_screen charlie-boot charlie 30

ps2_keys ctrl alt 1
wait_for "$(entered 1 2)" 300 && sleep 3
shot bravo-back
check "Ctrl+Alt+1 on the PS/2 keyboard: bravo's screen as bravo left it" \
	same_screen bravo-boot bravo-back

ps2_keys ctrl alt 0
wait_for "$(entered 0 1)" 300 && sleep 3
shot alpha-back-2
check "Ctrl+Alt+0 on the PS/2 keyboard: alpha's screen as alpha left it" \
	same_screen alpha-left-1 alpha-back-2

# The menu on VT 1, as a user at the screen would have it.
type_line "setsid sh -c 'TERM=linux exec kswitch menu' </dev/tty1 >/dev/tty1 2>&1 &"
sleep 5
shot menu
menu_on_screen() {
	[ "$(pixel "$1" 4 4)" != "$(system_colour alpha)" ] &&
		[ "$(row_other "$1" 8 "$(pixel "$1" 4 4)")" -gt 0 ]
}
check "kswitch menu is on VT 1 (TERM=linux)" menu_on_screen menu
ps2_keys down
sleep 2
ps2_keys ret
wait_for "$(entered 1 0)" 300 && sleep 3
shot menu-bravo
check "Down and Enter in the menu switch to bravo, whose screen is back" \
	same_screen bravo-boot menu-bravo
usb_keys ctrl alt 0
wait_for "$(entered 0 1)" 300 && sleep 5
shot menu-back
check "the hotkey brings alpha back to its menu, redrawn on VT 1" \
	menu_on_screen menu-back
ps2_keys q
sleep 2
type_line "kswitch list"
sleep 3
keys C-a x
wait_count 'VM-EXITED' 1 30
scrollback >"$log"
check "the console shows no WARN, BUG, Oops, lockdep or kexec error" \
	"$top/tools/check-console.sh" "$log"
tap_note "screendumps in $shots"
tap_done
