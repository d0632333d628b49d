#!/usr/bin/env bash
# Build and run the C unit tests (tests/unit/test_*.c) against kswitch's
# library code; each prints TAP.
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
failed=0
for src in "$(dirname "$0")"/test_*.c; do
	name=$(basename "$src" .c)
	echo "# $name"
	if ! gcc "${cflags[@]}" -o "$out/$name" "$src" "${lib[@]}" -lelf -lz; then
		echo "not ok - $name builds"
		failed=1
		continue
	fi
	"$out/$name" "$bzimage" || failed=1
done
exit $failed
