#!/usr/bin/env bash
# Run every unit test (tests/unit/*.sh) and VM scenario (tests/vm/*.sh).
# Each prints TAP and exits 0 (pass), 1 (fail) or 4 (skip); this prints
# their output and ends with one line "N passed, N failed[, N skipped]".
set -u
cd "$(dirname "$0")"

passed=0 failed=0 skipped=0 failures=
for t in unit/*.sh vm/*.sh; do
	echo "# $t"
	start=$(date +%s)
	bash "$t"
	rc=$?
	case $rc in
	0) passed=$((passed + 1)); verdict=PASS ;;
	4) skipped=$((skipped + 1)); verdict=SKIP ;;
	*) failed=$((failed + 1)); verdict=FAIL; failures="$failures $t" ;;
	esac
	echo "# $verdict $t ($(($(date +%s) - start)) s)"
done

[ -z "$failures" ] || echo "# failed:$failures"
line="$passed passed, $failed failed"
[ "$skipped" -eq 0 ] || line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
