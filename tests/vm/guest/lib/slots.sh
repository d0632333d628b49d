# Helpers of the slot scenarios and their peers (sourced after guest.sh).
#
# TOUR visits every ordered pair of slots 0 to 4 once per cycle of 20
# switches (an Euler circuit of the complete directed graph), and wraps
# around to its start. The step the tour is at is the number of switches so
# far: every entry into a slot is counted in the slot directory, and the
# first one (slot 0's boot) is no switch.
TOUR="0 1 0 2 0 3 0 4 1 2 1 3 1 4 2 3 2 4 3 4"
TOUR_LEN=20

slot_name() {
	set -- $1 alpha bravo charlie delta echo
	shift $(($1 + 1))
	echo "$1"
}

# kswitch list: SLOT STATE KIND MEM(MiB) ENTERED LAST SWITCH(ms) NAME; the
# running slot is marked with a star.
slot_self() {
	kswitch list | sed -n 's/^\*\([0-9]*\) .*/\1/p'
}

# Entries counted in the ENTERED column, minus the boot.
tour_step() {
	kswitch list | awk 'NR > 1 { n += $5 } END { print n - 1 }'
}

# How long the switch into this system took, as its kernel recorded it.
switch_time() {
	kswitch list | awk '$1 ~ /^\*/ { print $7 }'
}

# Switch to the slot after this step's one; returns when this system runs
# again, and reports how long that switch took.
tour_switch() {
	local step next
	step=$(tour_step)
	set -- $TOUR
	shift $(((step + 1) % TOUR_LEN))
	next=$1
	sleep "$KS_STAY"
	ks_before_switch
	echo "$ks_name: step $step, switching to slot $next"
	kswitch "$next" || ks_fail "step $step: kswitch $next failed"
	echo "$ks_name: switch in took $(switch_time) ms"
}

# What a system in a slot does for the rest of a tour: switch on at each of
# its turns, and make the checks each time it runs again.
follow_tour() {
	local round=0
	while true; do
		tour_switch
		round=$((round + 1))
		ks_after_switch "$round"
	done
}

# ks_check_slot_ram: this system's RAM is its slot's: its own 64 KiB window
# below 1 MiB (KEXEC_SLOT_IOC_INFO's first range) and, above, ks.size= (the
# slot's --mem) in all.
ks_check_slot_ram() {
	local ram self size low window
	self=$(slot_self)
	ram=$(grep ' : System RAM$' /proc/iomem)
	echo "$ram" | sed "s/^/$ks_name: RAM /"
	# The kernel places each slot's window where the firmware has RAM.
	low=$(ksagent ranges "$self" | head -n 1 | cut -d' ' -f1)
	window=$(printf '%08x-%08x' $((0x$low)) $((0x$low + 0xffff)))
	echo "$ram" | head -n 1 | grep -q "^$window " ||
		ks_fail "no low window of its own below 1 MiB (wanted $window)"
	size=$(echo "$ram" | tail -n +2 | while IFS='- ' read -r s e rest; do
		echo $((0x$e + 1 - 0x$s)); done | awk '{ n += $1 } END { print n }')
	want=$(ks_arg ks.size)
	case $want in
	*G) want=$((${want%G} << 30)) ;;
	*M) want=$((${want%M} << 20)) ;;
	esac
	[ "$size" = "$want" ] ||
		ks_fail "RAM above 1 MiB is $size bytes, not $(ks_arg ks.size)"
}
