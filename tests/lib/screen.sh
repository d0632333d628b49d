# Helpers for scenarios on the desktop machine's screen and keyboards,
# through QEMU's machine protocol (tools/qmp.sh, qemu-run.sh --qmp). Source
# after tap.sh; set qmp_sock and shots (a directory) first.

qmp() { "$top/tools/qmp.sh" "$qmp_sock" "$@" >/dev/null; }

# keys_json KEY...: QEMU key codes (ctrl, alt, 1, ret, down) as JSON.
keys_json() {
	local k sep= out=
	for k in "$@"; do
		out="$out$sep{\"type\": \"qcode\", \"data\": \"$k\"}"
		sep=", "
	done
	echo "[$out]"
}

# ps2_keys KEY...: press the keys together on the PS/2 keyboard, which gets
# every key not sent to the screen's console.
ps2_keys() { qmp send-key "{\"keys\": $(keys_json "$@")}"; }

# usb_keys KEY...: press the keys together on the USB keyboard, which is
# bound to the screen ("vga"): down in order, then up in reverse.
usb_keys() {
	local k down= up= sep=
	for k in "$@"; do
		down="$down$sep{\"type\": \"key\", \"data\": {\"down\": true, \"key\": {\"type\": \"qcode\", \"data\": \"$k\"}}}"
		up="{\"type\": \"key\", \"data\": {\"down\": false, \"key\": {\"type\": \"qcode\", \"data\": \"$k\"}}}$sep$up"
		sep=", "
	done
	qmp input-send-event "{\"device\": \"vga\", \"events\": [$down]}" &&
		sleep 0.2 &&
		qmp input-send-event "{\"device\": \"vga\", \"events\": [$up]}"
}

# shot NAME: a screendump to $shots/NAME.ppm.
shot() {
	mkdir -p "$shots"
	rm -f "$shots/$1.ppm"
	qmp screendump "{\"filename\": \"$shots/$1.ppm\"}" &&
		[ -s "$shots/$1.ppm" ]
}

# ppm_header NAME: sets ppm_w (width) and ppm_off (where pixels start).
ppm_header() {
	local magic size max
	{ read -r magic; read -r size; read -r max; } <"$shots/$1.ppm"
	ppm_w=${size%% *}
	ppm_off=$((${#magic} + ${#size} + ${#max} + 3))
}

# pixel NAME X Y: the colour at (X, Y) of a shot, as RRGGBB.
pixel() {
	ppm_header "$1"
	od -An -tx1 -j $((ppm_off + ($3 * ppm_w + $2) * 3)) -N3 \
		"$shots/$1.ppm" | tr -d ' \n'
}

# row_other NAME Y COLOUR: how many pixels of row Y are not COLOUR.
row_other() {
	ppm_header "$1"
	od -An -tx1 -v -w3 -j $((ppm_off + $2 * ppm_w * 3)) -N $((ppm_w * 3)) \
		"$shots/$1.ppm" | tr -d ' ' | grep -cvx "$3"
}

# The VT 1 banner's background of each system (tools/guest/init): the
# Linux console's blue, green, red, magenta and cyan.
system_colour() {
	case $1 in
	alpha) echo 0000aa ;; bravo) echo 00aa00 ;; charlie) echo aa0000 ;;
	delta) echo aa00aa ;; *) echo 00aaaa ;;
	esac
}

# screen_shows NAME SYSTEM: the shot is SYSTEM's banner screen: its colour
# in the corner, and the banner's text on the third line of text (8x16
# font).
screen_shows() {
	local want got
	want=$(system_colour "$2")
	got=$(pixel "$1" 4 4)
	if [ "$got" = "$want" ] && [ "$(row_other "$1" 44 "$want")" -gt 0 ]; then
		return 0
	fi
	echo "# $1: corner $got, wanted $want ($2), $(row_other "$1" 44 "$want") text pixels"
	return 1
}

# same_screen A B: the two shots are the same picture.
same_screen() { cmp -s "$shots/$1.ppm" "$shots/$2.ppm"; }

# wait_screen NAME SYSTEM SECONDS: take shots until one shows SYSTEM.
wait_screen() {
	local i
	for i in $(seq "$3"); do
		shot "$1" && screen_shows "$1" "$2" >/dev/null && return 0
		sleep 1
	done
	screen_shows "$1" "$2"
}
