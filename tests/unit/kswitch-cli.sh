#!/usr/bin/env bash
# The kswitch command line on the host: usage grammar, every command's
# --help, dispatch of a slot by number or name (against a slots file), and
# one clear line with a distinct exit code for a bad command.
source "$(dirname "$0")/../lib/tap.sh"
kswitch=$build/bin/kswitch
[ -x "$kswitch" ] || tap_skip_all "$kswitch not built; run make check"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
commands=(list load unload log up menu status jump call help)
tap_plan $((16 + ${#commands[@]}))

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
check "list --json reads back as the same table" \
	sh -c '"$1" --slots-file "$2" list --json >"$3/a.json" &&
		"$1" --slots-file "$3/a.json" list --json | cmp -s - "$3/a.json"' \
	_ "$kswitch" "$tmp/slots.json" "$tmp"

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
tap_done
