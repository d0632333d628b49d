# Guest side of tests/vm/slots-tour.sh, in slot 0 (alpha): load four systems
# into slots 1 to 4, then tour: every system switches to the next one in
# TOUR, a cycle over every ordered pair of the five, until ks.switches=
# switches are done. Each system checks its counter, memory pattern and CPUs
# each time it runs again (lib/guest.sh). Then ks.cycles= times (1 by default)
# load another system into slot 1 and unload it, resident and swap in turn,
# entering the first (resident), every fifth and the last; unload
# everything: slot 0's free memory must be back where it was.
. /usr/share/kswitch/tests/lib/guest.sh
. /usr/share/kswitch/tests/lib/slots.sh
switches=$(ks_arg ks.switches)
cycles=$(ks_arg ks.cycles)
cycles=${cycles:-1}


# Free memory in kB: the buddy allocator's free pages and those on the
# per-CPU free lists, which MemFree leaves out. Unloading a swap slot frees
# its backup pages one at a time, and tens of MiB of them can sit on those
# lists.
mem_free() {
	awk '$1 == "nr_free_pages" || $1 == "count:" { n += $2 }
		END { print n * 4 }' /proc/zoneinfo
}

# load_slot SLOT KIND SIZE PATTERN PEER SYSTEM [NAME]: PEER is the script
# (peers/PEER.sh) the system runs.
load_slot() {
	local slot=$1 kind=$2 size=$3 pattern=$4 peer=$5 system=$6
	local name=${7:-$6} swap=
	[ "$kind" = swap ] && swap=--swap
	kswitch load "$slot" /boot/bzImage --initrd "/boot/$system.cpio.gz" \
		--mem "$size" --name "$name" $swap \
		--append "console=ttyS0 panic=-1 ks.peer=$peer ks.nonce=$ks_nonce ks.pattern=$pattern ks.size=$size ks.net=1 $desktop_args" ||
		ks_fail "kswitch load $slot ($name) failed"
}

ks_start_agents
free_before=$(mem_free)
# slot kind size pattern: bravo and delta are resident, at the sizes the
# switch times are compared at; charlie and echo are swap slots. The test
# kernel (lockdep, networking) leaves a 64 MiB system about 30 MiB, of
# which its initramfs takes 10: 8 MiB of pattern leaves room for the rest.
# The distribution kernel of the desktop machine needs about 160 MiB to
# boot at all, so its small slots are 256 MiB.
small=64M small_pattern=8 medium=128M desktop_args=
if [ "$ks_desktop" = 1 ]; then
	small=256M small_pattern=32 medium=384M
	desktop_args="ks.desktop=1 ks.efi=$ks_efi"
fi
while read -r slot kind size pattern; do
	load_slot "$slot" "$kind" "$size" "$pattern" slots-tour \
		"$(slot_name "$slot")"
done <<SLOTS
1 resident $small $small_pattern
2 swap $medium 32
3 resident 1G 64
4 swap $small $small_pattern
SLOTS
kswitch list
# Where each slot's memory is: the desktop machine's 8 GiB put slots above
# 4 GiB as well as below (tests/vm/slots-tour.sh counts them).
for slot in 1 2 3 4; do
	ksagent ranges "$slot" | while read -r start size; do
		echo "alpha: slot $slot range $start $size"
	done
done

round=0
while [ "$(tour_step)" -lt "${switches:-100}" ]; do
	tour_switch
	round=$((round + 1))
	ks_after_switch "$round"
done
kswitch list

# Slot 1 is suspended now: load other systems in its place, and unload them.
kswitch unload 1 || ks_fail "kswitch unload 1 failed"
for cycle in $(seq "$cycles"); do
	kind=resident
	[ $((cycle % 2)) -eq 0 ] && kind=swap
	load_slot 1 "$kind" $small $small_pattern visit bravo "bravo-$cycle"
	if [ "$cycle" -eq 1 ] || [ $((cycle % 5)) -eq 0 ] ||
		[ "$cycle" -eq "$cycles" ]; then
		kswitch 1 || ks_fail "cycle $cycle: kswitch 1 failed"
		kswitch list | awk -v name="bravo-$cycle" '$1 == 1 &&
			$2 == "suspended" && $5 == 1 && $9 == name { found = 1 }
			END { exit !found }' ||
			ks_fail "cycle $cycle: the system loaded into slot 1 did not run"
	fi
	kswitch unload 1 || ks_fail "cycle $cycle: kswitch unload 1 failed"
done
echo "alpha: $cycles load and unload cycles in slot 1"
# Under UEFI, a system loaded with --noefi boots without it
# (peers/slots-tour-noefi.sh).
if [ "$ks_efi" = 1 ]; then
	kswitch load 1 /boot/bzImage --initrd /boot/bravo.cpio.gz --noefi \
		--mem "$small" --name bravo-noefi \
		--append "console=ttyS0 panic=-1 ks.peer=slots-tour-noefi ks.nonce=$ks_nonce" ||
		ks_fail "kswitch load 1 --noefi failed"
	kswitch 1 || ks_fail "kswitch 1 (bravo-noefi) failed"
	kswitch unload 1 || ks_fail "kswitch unload 1 (bravo-noefi) failed"
fi
kswitch list
for slot in 2 3 4; do
	kswitch unload "$slot" || ks_fail "kswitch unload $slot failed"
done
free_after=$(mem_free)
echo "alpha: free memory $free_before kB before the slots, $free_after kB after"
diff=$((free_after - free_before))
[ $((${diff#-} * 100)) -le "$free_before" ] ||
	ks_fail "free memory is off by $diff kB after unloading every slot"
exit $ks_fails
