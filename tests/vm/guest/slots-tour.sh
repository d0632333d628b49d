# Guest side of tests/vm/slots-tour.sh, in slot 0 (alpha): load four systems
# into slots 1 to 4, then tour: every system switches to the next one in
# TOUR, a cycle over every ordered pair of the five, until ks.switches=
# switches are done. Each system checks its counter, memory pattern and CPUs
# each time it runs again (lib.sh). Then unload a suspended slot, load
# another system into it and enter it, and unload everything: slot 0's free
# memory must be back where it was.
. /usr/share/kswitch/tests/lib.sh
. /usr/share/kswitch/tests/slots-lib.sh
switches=$(ks_arg ks.switches)


# Free memory in kB: the buddy allocator's free pages and those on the
# per-CPU free lists, which MemFree leaves out. Unloading a swap slot frees
# its backup pages one at a time, and tens of MiB of them can sit on those
# lists.
mem_free() {
	awk '$1 == "nr_free_pages" || $1 == "count:" { n += $2 }
		END { print n * 4 }' /proc/zoneinfo
}

# load_slot SLOT KIND SIZE PATTERN SCENARIO SYSTEM [NAME]
load_slot() {
	local slot=$1 kind=$2 size=$3 pattern=$4 scenario=$5 system=$6
	local name=${7:-$6} swap=
	[ "$kind" = swap ] && swap=--swap
	kswitch load "$slot" /boot/bzImage --initrd "/boot/$system.cpio.gz" \
		--mem "$size" --name "$name" $swap \
		--append "console=ttyS0 panic=-1 ks.scenario=$scenario ks.nonce=$ks_nonce ks.pattern=$pattern ks.size=$size" ||
		ks_fail "kswitch load $slot ($name) failed"
}

ks_start_agents
free_before=$(mem_free)
# slot kind size pattern: bravo and delta are resident, at the sizes the
# switch times are compared at; charlie and echo are swap slots.
while read -r slot kind size pattern; do
	load_slot "$slot" "$kind" "$size" "$pattern" slots-peer \
		"$(slot_name "$slot")"
done <<SLOTS
1 resident 64M 16
2 swap 128M 32
3 resident 1G 64
4 swap 64M 16
SLOTS
kswitch list

round=0
while [ "$(tour_step)" -lt "${switches:-100}" ]; do
	tour_switch
	round=$((round + 1))
	ks_after_switch "$round"
done
kswitch list

# Slot 1 is suspended now: put another system in its place.
kswitch unload 1 || ks_fail "kswitch unload 1 failed"
load_slot 1 resident 64M 16 slots-visit bravo bravo-again
kswitch 1 || ks_fail "kswitch 1 (the system loaded again) failed"
kswitch list
kswitch list | awk '$1 == 1 && $2 == "suspended" && $5 == 1 &&
	$9 == "bravo-again" { found = 1 } END { exit !found }' ||
	ks_fail "slot 1's new system did not run"
for slot in 1 2 3 4; do
	kswitch unload "$slot" || ks_fail "kswitch unload $slot failed"
done
free_after=$(mem_free)
echo "alpha: free memory $free_before kB before the slots, $free_after kB after"
diff=$((free_after - free_before))
[ $((${diff#-} * 100)) -le "$free_before" ] ||
	ks_fail "free memory is off by $diff kB after unloading every slot"
exit $ks_fails
