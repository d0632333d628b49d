# TAP for every shell test, kselftest style (ktap_helpers.sh): the host's
# scripts (bash) and the guests' (busybox sh, which finds this file at
# /usr/share/kswitch/tests/lib/tap.sh) source it. tests/lib/tap.h is the
# same for C, with the same rules:
#
#   tap_plan N       "TAP version 13" and the plan "1..N", before any result
#   ok DESC, not_ok DESC, check DESC CMD..., tap_skip DESC: one result each
#   tap_note TEXT    a diagnostic line, "# TEXT": a figure, not a check
#   tap_skip_all WHY "TAP version 13", "1..0 # SKIP WHY"; exits 4
#   tap_bail_out WHY "Bail out! WHY"; exits 1
#   tap_done [N]     exits 0 if every result passed and as many ran as
#                    planned, 1 otherwise (also if N, failures counted
#                    outside the plan, is not 0)
#
# Only POSIX sh and local here: busybox sh runs it in the guests.
tap_n=0
tap_failed=0
tap_planned=

tap_plan() {
	tap_planned=$1
	echo "TAP version 13"
	echo "1..$1"
}

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

# A result that could not be had here; it counts as run, not as failed.
tap_skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $* # SKIP"; }

# A diagnostic line: a figure a scenario reports, not a check.
tap_note() { echo "# $*"; }

tap_skip_all() {
	echo "TAP version 13"
	echo "1..0 # SKIP $*"
	exit 4
}

tap_bail_out() { echo "Bail out! $*"; exit 1; }

# Whether as many results ran as the plan said; a script that stopped
# early, or one whose plan is out of date, fails.
tap_ran_as_planned() {
	[ "$tap_n" = "$tap_planned" ] && return 0
	echo "# planned ${tap_planned:-none}, ran $tap_n"
	return 1
}

tap_done() {
	tap_ran_as_planned || exit 1
	[ "$tap_failed" -eq 0 ] && [ "${1:-0}" -eq 0 ] || exit 1
	exit 0
}

# The host's scripts (bash) also get the paths of the build; the guests
# have none of it.
if [ -n "${BASH_VERSION:-}" ]; then
	top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
	build=${KSWITCH_BUILD:-$top/build}
	bzimage=$build/kernel/arch/x86/boot/bzImage
	guests=$build/guests
	# The desktop machine's kernel and slot 0 (tools/qemu-run.sh
	# --machine desktop).
	distro_bzimage=$build/kernel-distro/arch/x86/boot/bzImage
	distro_guests=$build/guests-distro
fi
