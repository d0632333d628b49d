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
lib=("$top"/switcher/{e820,bzimage,sysinfo,efi,payload,kexec_syscall}.c
	"$top"/slots/{slots,profile,slots_file,snapshot}.c
	"$top"/switcher/{menu,errors,loader,jump_entry}.[cS])
tests=("$(dirname "$0")"/test_*.c)
tap_plan ${#tests[@]}
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
