#!/usr/bin/env bash
# include/ is the single copy of the UAPI headers user space compiles
# against; each must be identical to the one in the patched kernel tree:
# include/linux/X.h to include/uapi/linux/X.h, include/asm/X.h to
# arch/x86/include/uapi/asm/X.h.
source "$(dirname "$0")/../lib/tap.sh"
[ -d "$build/linux/include/uapi" ] || tap_skip_all "kernel tree not unpacked"
headers=("$top"/include/linux/*.h "$top"/include/asm/*.h)
tap_plan ${#headers[@]}
for h in "${headers[@]}"; do
	case $h in
	*/include/linux/*) rel=include/uapi/linux/${h##*/} ;;
	*/include/asm/*) rel=arch/x86/include/uapi/asm/${h##*/} ;;
	esac
	check "${h#"$top"/} matches the patched tree's $rel" \
		diff -u "$build/linux/$rel" "$h"
done
tap_done
