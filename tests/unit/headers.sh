#!/usr/bin/env bash
# Every header of kswitch compiles on its own, twice in a row (its guard),
# and the headers include one another without a circle: a module can be
# used by including its header alone, and the layers stay a ladder.
source "$(dirname "$0")/../lib/tap.sh"
cd "$top"
headers=(switcher/*.h slots/*.h include/*/*.h)
# No headers would pass silently.
[ ${#headers[@]} -gt 10 ] || { echo "Bail out! no headers found"; exit 1; }
tap_plan $((${#headers[@]} + 1))
cflags=(-std=gnu11 -Wall -Wextra -Werror -Iinclude -Islots -Iswitcher)
for h in "${headers[@]}"; do
	check "$h compiles on its own" gcc "${cflags[@]}" -fsyntax-only -x c - \
		<<<"#include \"$PWD/$h\"
#include \"$PWD/$h\""
done

# "header included-header" pairs for tsort, which fails on a loop.
include_pairs() {
	local h inc
	for h in "${headers[@]}"; do
		echo "$(basename "$h") $(basename "$h")"
		sed -n 's/^#include "\([^"]*\)".*/\1/p' "$h" | while read -r inc; do
			echo "$(basename "$h") $(basename "$inc")"
		done
	done
}
check "no header includes itself through others" \
	bash -c 'tsort >/dev/null 2>&1' < <(include_pairs)
tap_done
