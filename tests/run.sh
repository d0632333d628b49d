#!/usr/bin/env bash
# Run every unit test (tests/unit/*.sh) and VM scenario (tests/vm/*.sh).
# Each prints TAP and exits 0 (pass), 1 (fail) or 4 (skip); this prints
# each one's output whole as it ends and ends with one line
# "N passed, N failed[, N skipped]".
#
# Tests run side by side, KS_JOBS (the number of CPUs) at a time: the unit
# tests one after another in one of those places, as several of them run
# make on the same tree, and the scenarios, each in a VM of its own, in
# the others, the longest first (as long as each took last time: the
# file test-times under $KSWITCH_CACHE, /var/cache/kswitch by default).
#
#   KS_JOBS=N         how many at a time (1: one after another)
#   KS_MACHINES=M     only the scenarios of machine M, small or desktop
#                     (a scenario says "# machine: desktop" in its header;
#                     small otherwise), and every unit test
#   KS_TESTS="T..."   only these tests, as unit/NAME.sh or vm/NAME.sh
set -u
cd "$(dirname "$0")"
top=$(cd .. && pwd)
build=${KSWITCH_BUILD:-$top/build}
jobs=${KS_JOBS:-$(nproc)}
out=$build/logs/run
times=${KSWITCH_CACHE:-/var/cache/kswitch}/test-times
rm -rf "$out"
mkdir -p "$out"

machine_of() {
	local m
	m=$(sed -n '2,30s/^# machine: \(small\|desktop\)\( .*\)\{0,1\}$/\1/p' "$1" | head -n 1)
	echo "${m:-small}"
}

wanted() {
	[ -z "${KS_TESTS:-}" ] || [[ " $KS_TESTS " == *" $1 "* ]] || return 1
	[[ $1 == unit/* ]] || [ -z "${KS_MACHINES:-}" ] ||
		[ "$(machine_of "$1")" = "$KS_MACHINES" ]
}

last_time() {
	awk -v t="$1" '$2 == t { s = $1 } END { print s + 0 }' "$times" \
		2>/dev/null || echo 0
}

units=() scenarios=()
for t in unit/*.sh; do wanted "$t" && units+=("$t"); done
for t in vm/*.sh; do
	wanted "$t" && echo "$(last_time "$t") $t"
done | sort -k1,1nr -k2 >"$out/order"
while read -r _ t; do scenarios+=("$t"); done <"$out/order"

# run_one TEST: its output, exit code and seconds into $out.
run_one() {
	local f=$out/${1//\//_} start=$SECONDS
	bash "$1" >"$f.out" 2>&1
	echo $? >"$f.rc.tmp"
	echo $((SECONDS - start)) >"$f.secs"
	mv "$f.rc.tmp" "$f.rc"
}

passed=0 failed=0 skipped=0 failures= reported=()
declare -A done_tests=()
# Print each test that has ended and has not been printed.
report() {
	local t f rc secs verdict
	for t in "${units[@]}" "${scenarios[@]}"; do
		f=$out/${t//\//_}
		[ -z "${done_tests[$t]:-}" ] && [ -f "$f.rc" ] || continue
		done_tests[$t]=1
		rc=$(cat "$f.rc") secs=$(cat "$f.secs")
		case $rc in
		0) passed=$((passed + 1)) verdict=PASS ;;
		4) skipped=$((skipped + 1)) verdict=SKIP ;;
		*) failed=$((failed + 1)) verdict=FAIL failures="$failures $t" ;;
		esac
		echo "# $t"
		cat "$f.out"
		echo "# $verdict $t ($secs s)"
		reported+=("$secs $t")
	done
}

start=$SECONDS
running=0
if [ ${#units[@]} -gt 0 ]; then
	(for t in "${units[@]}"; do run_one "$t"; done) &
	running=1
fi
for t in "${scenarios[@]}"; do
	while [ "$running" -ge "$jobs" ]; do
		wait -n
		running=$((running - 1))
		report
	done
	run_one "$t" &
	running=$((running + 1))
	# QEMU's start is heavy; do not start two at once.
	sleep 2
done
wait
report

# What each took, for the order next time, over what the others took before.
if mkdir -p "${times%/*}" 2>/dev/null; then
	{ printf '%s\n' "${reported[@]}"; cat "$times" 2>/dev/null; } |
		awk '!seen[$2]++' >"$times.tmp" && mv "$times.tmp" "$times"
fi

echo "# $((passed + failed + skipped)) tests in $((SECONDS - start)) s, $jobs at a time"
[ -z "$failures" ] || echo "# failed:$failures"
line="$passed passed, $failed failed"
[ "$skipped" -eq 0 ] || line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
