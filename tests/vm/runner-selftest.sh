#!/usr/bin/env bash
# Scenarios meant to fail, kept as tests of the QEMU runner: each must be
# reported as a failure, with the reason, the console's tail and the log.
source "$(dirname "$0")/../lib/tap.sh"
tap_plan 3

# expect_failure SCENARIO REASON [RUNNER ARGS...]: tests/vm/guest/SCENARIO.sh
# fails as REASON says.
expect_failure() {
	local scenario=$1 reason=$2 out rc
	shift 2
	out=$("$top/tools/qemu-run.sh" --name "$scenario" \
		--scenario "$scenario" --kernel "$bzimage" \
		--initrd "$guests/alpha.cpio.gz" "$@")
	rc=$?
	echo "$out" | sed 's/^/# /'
	if [ $rc -eq 1 ] && grep -q "^FAIL: $scenario: $reason" <<<"$out" &&
		grep -q '^--- full log: .*\.log$' <<<"$out"; then
		ok "$scenario is reported as a failure with its log"
	else
		not_ok "$scenario is reported as a failure with its log (rc=$rc)"
	fi
}

expect_failure runner-selftest-fail "guest reports" --timeout 120
expect_failure runner-selftest-panic "console shows: .*Kernel panic" \
	--timeout 120
expect_failure runner-selftest-hang "timed out" --timeout 25
tap_done
