#!/usr/bin/env bash
# With nothing changed, the kernel build is a cache hit that takes seconds.
source "$(dirname "$0")/../lib/tap.sh"
[ -f "$build/kernel/.kswitch-key" ] || tap_skip_all "no kernel built yet"
tap_plan 2
start=$(date +%s)
out=$(make -s -C "$top" kernel 2>&1)
secs=$(($(date +%s) - start))
echo "# $out"
check "an unchanged tree does not rebuild the kernel" \
	grep -q 'up to date' <<<"$out"
check "the cache check takes under 20 s (took $secs s)" test "$secs" -lt 20
tap_done
