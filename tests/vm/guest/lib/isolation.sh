# Helpers of the isolation scenario's systems (sourced after guest.sh
# and tap.sh): each probe is one TAP result of its system's stream, which the
# host counts.

# probe WANT DESCRIPTION CMD...: CMD's output starts with WANT.
probe() {
	local want=$1 what=$2 got
	shift 2
	got=$("$@" 2>&1)
	case $got in
	"$want"*) ok "$ks_name: $what" ;;
	*)
		not_ok "$ks_name: $what: got '$got'"
		ks_fail "$what: got '$got', wanted '$want'"
		;;
	esac
}

# no_vmcore SLOT: only a kdump kernel has /proc/vmcore.
no_vmcore() {
	probe absent "slot $1 has no /proc/vmcore" \
		sh -c '[ -e /proc/vmcore ] && echo present || echo absent'
}
