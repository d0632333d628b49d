# Helpers of the slot scenarios (sourced after lib.sh).
#
# TOUR visits every ordered pair of slots 0, 1, 2 once per cycle (an Euler
# circuit of the complete directed graph): 0>1 1>2 2>0 0>2 2>1 1>0. The step
# the tour is at is the number of switches so far: every entry into a slot
# is counted in the slot directory, and the first one (slot 0's boot) is
# no switch.
TOUR="0 1 2 0 2 1"

slot_name() {
	case $1 in 0) echo alpha ;; 1) echo bravo ;; 2) echo charlie ;; esac
}

slot_self() {
	kswitch list | sed -n 's/^\*\([0-9]*\) .*/\1/p'
}

# Entries counted in the ENTERED column of kswitch list, minus the boot.
tour_step() {
	kswitch list | awk 'NR > 1 { n += $5 } END { print n - 1 }'
}

# Switch to the slot after this step's one; returns when this system runs
# again.
tour_switch() {
	local step next
	step=$(tour_step)
	set -- $TOUR
	shift $(((step + 1) % 6))
	next=$1
	sleep "$KS_STAY"
	ks_before_switch
	echo "$ks_name: step $step, switching to slot $next"
	kswitch "$next" || ks_fail "step $step: kswitch $next failed"
}
