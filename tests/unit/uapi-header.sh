#!/usr/bin/env bash
# include/ is the single copy of the UAPI headers user space compiles
# against; each must be identical to the one in the patched kernel tree.
source "$(dirname "$0")/../lib/tap.sh"
[ -d "$build/linux/include/uapi" ] || tap_skip_all "kernel tree not unpacked"
headers=("$top"/include/linux/*.h)
tap_plan ${#headers[@]}
for h in "${headers[@]}"; do
	rel=include/uapi/linux/${h##*/}
	check "include/linux/${h##*/} matches the patched tree's $rel" \
		diff -u "$build/linux/$rel" "$h"
done
tap_done
