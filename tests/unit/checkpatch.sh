#!/usr/bin/env bash
# Every patch of the series is clean under checkpatch.pl --strict.
source "$(dirname "$0")/../lib/tap.sh"
checkpatch=$build/linux/scripts/checkpatch.pl
[ -x "$checkpatch" ] || tap_skip_all "kernel tree not unpacked"
patches=("$top"/kernel-patches/[0-9][0-9][0-9][0-9]-*.patch)
tap_plan $((${#patches[@]} - 1))
for p in "${patches[@]}"; do
	name=${p##*/}
	case $name in 0000-*) continue ;; esac
	# Debian's source carries no upstream history to look up the ids of
	# Fixes: tags in (kernel-patches/README.md).
	# From the top of the tree, as upstream runs it: the checks that
	# look at the tree (headers, compatible strings) run only there.
	# Debian's python3, which has python3-ply for spdxcheck.py, not
	# whatever python3 comes first in PATH.
	out=$(cd "$build/linux" && PATH=/usr/bin:$PATH ./scripts/checkpatch.pl --strict --terse \
		--ignore UNKNOWN_COMMIT_ID "$p" 2>&1 |
		grep -v '^total: 0 errors, 0 warnings, 0 checks')
	[ -z "$out" ] || echo "$out" | sed 's/^/# /'
	check "checkpatch --strict: $name" test -z "$out"
done
tap_done
