#!/usr/bin/env bash
# Bad input to kswitch load and call on the host: each gets one line saying
# what was wrong and what to do, and its own exit code, before anything
# reaches the kernel (so these are safe to run outside a VM).
source "$(dirname "$0")/../lib/tap.sh"
kswitch=$build/bin/kswitch
[ -x "$kswitch" ] || tap_skip_all "$kswitch not built; run make check"
[ -f "$bzimage" ] || tap_skip_all "no kernel built yet"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
head -c 100000 "$bzimage" >"$tmp/truncated"
echo "not a kernel" >"$tmp/text"

# expect CODE PATTERN ARGS...: kswitch ARGS exits CODE with one line
# matching PATTERN on stderr.
expect() {
	local code=$1 pattern=$2 err rc
	shift 2
	err=$("$kswitch" "$@" 2>&1 >/dev/null)
	rc=$?
	[ -n "$err" ] && echo "# $err"
	check "kswitch $* -> exit $code" test "$rc" -eq "$code"
	check "  one line that says: $pattern" \
		test "$(echo "$err" | wc -l)" -eq 1 -a -n "$(echo "$err" | grep -E -e "$pattern")"
}

tap_plan 22
expect 3 "cannot read kernel .*No such file" load "$tmp/missing"
expect 3 "not a 64-bit relocatable bzImage" load "$tmp/text"
expect 3 "cut short \(truncated bzImage\); copy it again" load "$tmp/truncated"
expect 3 "cannot read initrd" load "$bzimage" --initrd "$tmp/missing"
expect 2 "--mem 'lots' is not a size" load "$bzimage" --mem lots
expect 2 "load takes \[SLOT\] KERNEL, SLOT 1 to 8" load
expect 2 "load takes \[SLOT\] KERNEL, SLOT 1 to 8" load 9 "$bzimage"
expect 2 "'9' is no slot; slots are 0 to 8" 9
expect 6 "slot 0 is the system the machine booted; it cannot be unloaded" unload 0
expect 3 "not an x86_64 ELF executable" call "$tmp/text"
expect 3 "cannot read payload" call "$tmp/missing"
tap_done
