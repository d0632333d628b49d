# TAP helpers for the host-side test scripts (kselftest style): source this,
# call tap_plan N, then ok/not_ok per check, then tap_done, which exits
# 0 (all passed), 1 (some failed) or 4 (skipped).
tap_n=0
tap_failed=0

tap_plan() { echo "1..$1"; }

ok() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $*"; }

not_ok() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $*"
}

# check DESCRIPTION COMMAND...: ok if COMMAND succeeds.
check() {
	local what=$1
	shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}

# A diagnostic line: a figure a scenario reports, not a check.
tap_note() { echo "# $*"; }

tap_skip_all() { echo "1..0 # SKIP $*"; exit 4; }

tap_done() { [ "$tap_failed" -eq 0 ] || exit 1; exit 0; }

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${KSWITCH_BUILD:-$top/build}
bzimage=$build/kernel/arch/x86/boot/bzImage
guests=$build/guests
# The desktop machine's kernel and slot 0 (tools/qemu-run.sh --machine desktop).
distro_bzimage=$build/kernel-distro/arch/x86/boot/bzImage
distro_guests=$build/guests-distro
