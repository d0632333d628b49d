#!/usr/bin/env bash
# The kswitch command line on the host: usage grammar, every command's
# --help, dispatch of a slot by number or name (against a slots file), and
# one clear line with a distinct exit code for a bad command.
source "$(dirname "$0")/../lib/tap.sh"
kswitch=$build/bin/kswitch
[ -x "$kswitch" ] || tap_skip_all "$kswitch not built; run make check"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
commands=(list load unload log up down menu watch status jump call help)
tap_plan $((40 + ${#commands[@]}))

out=$("$kswitch" help)
check "help starts with a one-line grammar" \
	test "$(echo "$out" | head -n 1)" = "usage: kswitch [--slots-file FILE] [--profiles DIR] SLOT | COMMAND [ARGS]"
check "--help is help" test "$("$kswitch" --help)" = "$out"
for c in "${commands[@]}"; do
	check "kswitch $c --help gives its grammar" \
		grep -q "^usage: kswitch $c" <("$kswitch" "$c" --help)
done
check "help COMMAND is COMMAND --help" \
	test "$("$kswitch" help load)" = "$("$kswitch" load --help)"

err=$("$kswitch" frobnicate 2>&1 >/dev/null); rc=$?
check "a word that is no command, without slots, exits 2" test $rc -eq 2
check "... with one line naming it" \
	test "$err" = "kswitch: there is no command 'frobnicate'; 'kswitch help' lists them"

# The option as written, also inside a cluster of short ones (issue 18).
err=$("$kswitch" -xh 2>&1 >/dev/null); rc=$?
check "an unknown short option in a cluster exits 2" test $rc -eq 2
check "... with one line naming it, not another word" \
	test "$err" = "kswitch: unknown option '-x'; see 'kswitch help'"
err=$("$kswitch" --slots-file 2>&1 >/dev/null); rc=$?
check "an option without its value exits 2 with one line saying so" \
	test $rc -eq 2 -a "$err" = "kswitch: --slots-file needs a value; see 'kswitch help'"
err=$("$kswitch" --=x 2>&1 >/dev/null); rc=$?
check "an option without a name is named whole, not as '--'" \
	test $rc -eq 2 -a "$err" = "kswitch: unknown option '--=x'; see 'kswitch help'"
err=$("$kswitch" --help=me 2>&1 >/dev/null); rc=$?
check "a value given to an option that takes none exits 2 with one line" \
	test $rc -eq 2 -a "$err" = "kswitch: --help takes no value; see 'kswitch help'"

"$kswitch" status extra >/dev/null 2>&1; rc=$?
check "status with an extra argument exits 2" test $rc -eq 2
check "status names this system" \
	grep -q '^system: ' <("$kswitch" status)

# A recorded slot table: alpha in slot 0, bravo suspended in 1, charlie
# loaded in 2.
cp "$top/tests/unit/data/slots-3.json" "$tmp/slots.json"
ks() { "$kswitch" --slots-file "$tmp/slots.json" "$@"; }
entered() { ks list | awk -v s="$1" '$1 == s || $1 == "*" s { print $5 }'; }
check "list shows every slot" test "$(ks list | wc -l)" -eq 10
before=$(entered 1)
check "kswitch bravo switches to slot 1 by its name" ks bravo
check "... which counts an entry" test "$(entered 1)" -eq $((before + 1))
err=$(ks nosuch 2>&1 >/dev/null); rc=$?
check "a name no slot has exits 3 with one line" \
	test $rc -eq 3 -a "$err" = "kswitch: there is no slot 'nosuch'; name a slot 0 to 8 or a loaded system ('kswitch list')"
# Each command finds its slot in its own place among its arguments.
for c in "log nosuch" "unload nosuch" "save nosuch $tmp/f" "dump nosuch $tmp/f"; do
	err=$(ks $c 2>&1 >/dev/null); rc=$?
	check "kswitch ${c%% *}: the slot it names is 'nosuch', exit 3" \
		test $rc -eq 3 -a "${err#*slot }" = "'nosuch'; name a slot 0 to 8 or a loaded system ('kswitch list')"
done
check "list --json reads back as the same table" \
	sh -c '"$1" --slots-file "$2" list --json >"$3/a.json" &&
		"$1" --slots-file "$3/a.json" list --json | cmp -s - "$3/a.json"' \
	_ "$kswitch" "$tmp/slots.json" "$tmp"

# kswitch down: bravo has run and is shut down, then unloaded; charlie
# never ran and is unloaded; from another slot it is refused.
cp "$tmp/slots.json" "$tmp/down.json"
out=$("$kswitch" --slots-file "$tmp/down.json" down); rc=$?
check "down shuts bravo down and unloads both" \
	test $rc -eq 0 -a "$out" = "$(printf 'shutting down slot 1 (bravo)\nunloaded slot 1 (bravo)\nunloaded slot 2 (charlie)')"
check "... and leaves only slot 0" \
	test "$("$kswitch" --slots-file "$tmp/down.json" list | grep -c ' empty ')" -eq 8
sed 's/"self": 0/"self": 1/' "$tmp/slots.json" >"$tmp/down1.json"
err=$("$kswitch" --slots-file "$tmp/down1.json" down 2>&1 >/dev/null); rc=$?
check "down from slot 1 exits 15 with one line" \
	test $rc -eq 15 -a "$err" = "kswitch: slots are loaded and unloaded from slot 0; switch there first"
err=$("$kswitch" --slots-file "$tmp/down.json" down now 2>&1 >/dev/null); rc=$?
check "down with an argument exits 2" test $rc -eq 2

# kswitch up: a malformed profile is named with its line and problem, and
# the others still load.
mkdir "$tmp/slots.d"
: >"$tmp/bzImage"
printf 'kernel = %s\nmemory = 96M\n' "$tmp/bzImage" >"$tmp/slots.d/delta.conf"
printf 'kernel = %s\nkind = fast\n' "$tmp/bzImage" >"$tmp/slots.d/echo.conf"
err=$(ks --profiles "$tmp/slots.d" up 2>&1 >/dev/null); rc=$?
check "up with a malformed profile exits 13" test $rc -eq 13
check "... with one line naming its file, line and problem" \
	test "$err" = "kswitch: $tmp/slots.d/echo.conf:2: kind 'fast' is not resident or swap"
check "... and the good one is loaded" \
	grep -qE '^ 3 +loaded +resident +96 .* delta$' <(ks list)
check "up again loads nothing more" \
	sh -c '"$1" --slots-file "$2" --profiles "$3" up 2>/dev/null |
		grep -qx "delta is loaded already"' _ "$kswitch" "$tmp/slots.json" "$tmp/slots.d"

# A slots file that is no file, or too large, is refused at once (issue
# 18): a FIFO blocked for ever before.
mkfifo "$tmp/fifo"
err=$(timeout 20 "$kswitch" --slots-file "$tmp/fifo" list 2>&1 >/dev/null); rc=$?
check "a FIFO as the slots file exits 24 at once" test $rc -eq 24
check "... with one line saying what it is" \
	test "$err" = "kswitch: '$tmp/fifo' is not a regular file (a FIFO, a device or a directory); give the file itself"
{ cat "$tmp/slots.json"; head -c 70000 /dev/zero | tr '\0' ' '; } >"$tmp/big.json"
err=$("$kswitch" --slots-file "$tmp/big.json" list 2>&1 >/dev/null); rc=$?
check "a slots file over 64 KiB exits 25 with one line" \
	test $rc -eq 25 -a "$err" = "kswitch: '$tmp/big.json' is larger than 64 KiB, too large for a slots file; check the path"

# Names are never taken for options (issue 18): 'kswitch -rf' could not
# switch to a slot named -rf, nor 'kswitch load -h' load a profile.
mkdir "$tmp/dash.d"
printf 'kernel = %s\n' "$tmp/bzImage" >"$tmp/dash.d/-rf.conf"
err=$(ks --profiles "$tmp/dash.d" up --check 2>&1 >/dev/null); rc=$?
check "a profile named -rf exits 13" test $rc -eq 13
check "... with one line saying why" \
	test "$err" = "kswitch: $tmp/dash.d/-rf.conf: name '-rf' (from the file name) is not 1-31 of A-Z a-z 0-9 . _ - not starting with a digit or -; add a name = line"

# What a file names is printed with every byte that is not printable
# ASCII escaped (issue 18): a name, a path or a value could carry escape
# sequences to the terminal.
esc=$(printf '\033')
sed 's/"charlie"/"ch\\u00e9\xe2\x80\xaerlie"/' "$tmp/slots.json" >"$tmp/odd.json"
out=$("$kswitch" --slots-file "$tmp/odd.json" list)
check "list escapes a name that is not printable ASCII" \
	grep -qF ' ch\xc3\xa9\xe2\x80\xaerlie' <<<"$out"
check "... and prints none of its bytes raw" \
	sh -c '! LC_ALL=C grep -q "[^[:print:]]"' <<<"$out"
mkdir "$tmp/esc.d"
printf 'name = golf\nkernel = %s\n' "$tmp/bzImage" >"$tmp/esc.d/g${esc}[2J.conf"
printf 'name = hotel\nkernel = /nonexistent/%s[2J\n' "$esc" >"$tmp/esc.d/h.conf"
out=$(ks --profiles "$tmp/esc.d" up --check 2>&1)
check "up --check escapes the profile's file name" \
	grep -qxF "golf would be loaded ($tmp/esc.d/g\\x1b[2J.conf)" <<<"$out"
check "... and prints no escape character" test "${out//$esc/}" = "$out"
err=$(ks --profiles "$tmp/esc.d" load hotel 2>&1 >/dev/null); rc=$?
check "an error escapes the path from a profile" \
	test $rc -eq 5 -a "$err" = "kswitch: cannot read '/nonexistent/\\x1b[2J': no such file; check the path"
err=$("$kswitch" "a${esc}b" 2>&1 >/dev/null)
check "... and what the user typed" \
	test "$err" = "kswitch: there is no command 'a\\x1bb'; 'kswitch help' lists them"
tap_done
