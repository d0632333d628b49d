#!/usr/bin/env bash
# Build and run the C unit tests (tests/unit/test_*.c) against kswitch's
# library code. Each is one result here; its own TAP stream (tests/lib/tap.h)
# is nested under it, indented, as KTAP nests subtests.
source "$(dirname "$0")/../lib/tap.sh"
out=$build/tests
mkdir -p "$out"
# With AddressSanitizer and UBSan: a test of hostile input fails on any
# read or write outside a buffer, or arithmetic that overflows, not only on
# a wrong answer.
cflags=(-O1 -g -std=gnu11 -Wall -Wextra -Werror -I"$top/include" -I"$top/slots"
	-fsanitize=address,undefined -fno-sanitize-recover=all)
tests=("$(dirname "$0")"/test_*.c)
tap_plan ${#tests[@]}
# The library's sources as switcher.mk lists them for kswitch itself, so
# that a new module needs no line here.
lib=($(make -s --no-print-directory -C "$top" print-lib-sources))
[ ${#lib[@]} -gt 0 ] ||
	tap_bail_out "make print-lib-sources listed no library sources"
lib=("${lib[@]/#/$top/}")
for src in "${tests[@]}"; do
	name=$(basename "$src" .c)
	gcc "${cflags[@]}" -o "$out/$name" "$src" "${lib[@]}" -lelf -lz 2>&1 |
		sed 's/^/# /'
	if [ "${PIPESTATUS[0]}" -ne 0 ]; then
		not_ok "$name builds"
		continue
	fi
	"$out/$name" "$bzimage" | sed 's/^/    /'
	check "$name" test "${PIPESTATUS[0]}" -eq 0
done
tap_done
