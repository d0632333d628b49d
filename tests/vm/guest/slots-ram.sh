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
