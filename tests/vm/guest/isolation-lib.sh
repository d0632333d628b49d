# Helpers of the isolation scenario's systems (sourced, busybox sh): each
# probe prints one TAP line, numbered per system, which the host counts.
probe_n=0

# probe WANT DESCRIPTION CMD...: CMD's output starts with WANT.
probe() {
	local want=$1 what=$2 got
	shift 2
	got=$("$@" 2>&1)
	probe_n=$((probe_n + 1))
	case $got in
	"$want"*) echo "ok $probe_n - $ks_name: $what" ;;
	*)
		echo "not ok $probe_n - $ks_name: $what: got '$got'"
		ks_fail "$what: got '$got', wanted '$want'"
		;;
	esac
}

# no_vmcore SLOT: only a kdump kernel has /proc/vmcore.
no_vmcore() {
	probe absent "slot $1 has no /proc/vmcore" \
		sh -c '[ -e /proc/vmcore ] && echo present || echo absent'
}
