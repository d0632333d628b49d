# The host side of the two-kernel jump scenarios (sourced after tap.sh):
# kjump_run LOADER boots alpha on 2 CPUs with KASLR and a virtio-blk disk,
# alpha loads bravo with LOADER and makes KS_ROUNDS (50) round trips, and
# each system checks its counter, memory pattern and CPUs after each switch
# (tests/vm/guest/kjump.sh, peers/kjump.sh).
kjump_run() {
	local loader=$1 rounds=${KS_ROUNDS:-50}
	local name=kjump-$loader
	local log=$build/logs/$name.log disk=$build/vm/$name.disk

	tap_plan 3
	mkdir -p "${disk%/*}"
	truncate -s 16M "$disk"
	check "$rounds round trips alpha -> bravo -> alpha with $loader" \
		"$top/tools/qemu-run.sh" --name "$name" --scenario kjump \
		--append "ks.loader=$loader ks.rounds=$rounds" --smp 2 \
		--mem 1G --disk "$disk" --timeout 900 --log "$log" \
		--kernel "$bzimage" --initrd "$guests/alpha.cpio.gz"

	# Each system reports a round each time it runs again after a switch.
	count() { tr -d '\r' <"$log" | grep -c "^$1: round [0-9]* ok"; }
	check "alpha ran again after each of $rounds jumps ($(count alpha))" \
		test "$(count alpha)" -eq "$rounds"
	check "bravo was entered again $((rounds - 1)) times ($(count bravo))" \
		test "$(count bravo)" -eq $((rounds - 1))
}
