#!/usr/bin/env bash
# The kswitch command line on the host: usage grammar, dispatch, and one
# clear line with a distinct exit code for a bad command.
source "$(dirname "$0")/../lib/tap.sh"
kswitch=$build/bin/kswitch
[ -x "$kswitch" ] || tap_skip_all "$kswitch not built; run make check"
tap_plan 6

out=$("$kswitch" help)
check "help starts with a one-line grammar" \
	test "$(echo "$out" | head -n 1)" = "usage: kswitch [--help] SLOT | COMMAND [ARGS]"
check "--help is help" test "$("$kswitch" --help)" = "$out"

err=$("$kswitch" frobnicate 2>&1 >/dev/null); rc=$?
check "an unknown command exits 2" test $rc -eq 2
check "an unknown command gets one line naming it" \
	test "$err" = "kswitch: unknown command 'frobnicate'; see 'kswitch help'"

"$kswitch" status extra >/dev/null 2>&1; rc=$?
check "status with an extra argument exits 2" test $rc -eq 2
check "status names this system" \
	grep -q '^system: ' <("$kswitch" status)
tap_done
