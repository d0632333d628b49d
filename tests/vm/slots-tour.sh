#!/usr/bin/env bash
# Memory slots: slot 0 (alpha) loads bravo (resident, 64 MiB), charlie (swap,
# 128 MiB), delta (resident, 1 GiB) and echo (swap, 64 MiB) into slots 1 to
# 4, and the five switch among each other in a tour that covers every
# ordered pair, KS_SWITCHES (100) switches in all, on 2 CPUs; each system
# checks its counter, memory pattern and CPUs each time it runs again, and
# alpha, which keeps writes to a virtio-blk disk in flight at every switch,
# reads back the records it last fsynced (ksagent disk); every system pings
# the gateway of QEMU's user network through the virtio-net card. Then
# alpha unloads bravo and KS_CYCLES (4) times loads another system into its
# slot and unloads it, resident and swap in turn, entering the first, every
# fifth and the last; it unloads everything, and its free memory must be
# back within 1%. make soak runs it with 1000 switches and 100 cycles (KS_TOUR_NAME
# names the log: build/logs/soak.log).
#
# With KS_TOUR_MACHINE=desktop (tests/vm/desktop-tour-*.sh) the same tour
# runs on the desktop machine with the distribution kernel, 4 CPUs and 8
# GiB, under KS_TOUR_FIRMWARE (uefi or bios): its small slots are 256 MiB,
# alpha's disk records go to an NVMe disk, and every system also checks
# its TPM, its framebuffer, all 4 CPUs and (UEFI) its UEFI variables after
# every switch; two slots (the resident ones) must lie above 4 GiB.
#
# Reports, not checks: the switch time into the 64 MiB and the 1 GiB
# resident slot (median over the tour, as the kernel recorded it).
source "$(dirname "$0")/../lib/tap.sh"
switches=${KS_SWITCHES:-100}
cycles=${KS_CYCLES:-4}
machine=${KS_TOUR_MACHINE:-small}
firmware=${KS_TOUR_FIRMWARE:-bios}
name=${KS_TOUR_NAME:-slots-tour}
log=$build/logs/$name.log
disk=$build/vm/$name.disk
mkdir -p "${disk%/*}"
rm -f "$disk"
truncate -s 4M "$disk"
run=(--smp 2 --mem 2G --disk "$disk" --kernel "$bzimage"
	--initrd "$guests/alpha.cpio.gz")
append="ks.disk=/dev/vda"
plan=5
if [ "$machine" = desktop ]; then
	[ -f "$distro_bzimage" ] || tap_skip_all "no distribution kernel; run make kernel-distro"
	run=(--machine desktop --firmware "$firmware" --disk "$disk"
		--nvme "$disk.nvme" --kernel "$distro_bzimage"
		--initrd "$distro_guests/alpha.cpio.gz")
	rm -f "$disk.nvme"
	truncate -s 4M "$disk.nvme"
	efi=0
	[ "$firmware" = uefi ] && efi=1
	append="ks.disk=/dev/nvme0n1 ks.desktop=1 ks.efi=$efi"
	plan=$((plan + 3 + 2 * efi))
fi
tap_plan $plan
check "$switches switches over slots 0 to 4 (two of them swap slots), then $cycles load and unload cycles" \
	"$top/tools/qemu-run.sh" --name "$name" --scenario slots-tour \
	--append "ks.switches=$switches ks.cycles=$cycles ks.net=1 $append" \
	"${run[@]}" --net \
	--timeout $((900 + switches * 6 + cycles * 40))
# Every switch is followed by a round report of the system it entered,
# except each slot's first entry, which is its boot.
rounds=$(tr -d '\r' <"$log" | grep -c "^[a-z]*: round [0-9]* ok")
check "every switch but the four first entries was checked ($rounds of $((switches - 4)))" \
	test "$rounds" -ge $((switches - 4))
check "slot 0 went through the $cycles load and unload cycles" \
	grep -q "^alpha: $cycles load and unload cycles in slot 1" "$log"
disk_rounds=$(tr -d '\r' <"$log" |
	grep -c "^alpha: round [0-9]* ok (counter [0-9]*, disk [1-9][0-9]* records")
alpha_rounds=$(tr -d '\r' <"$log" | grep -c "^alpha: round [0-9]* ok")
check "alpha read its fsynced disk records back after each of its $alpha_rounds rounds ($disk_rounds)" \
	test "$disk_rounds" -gt 0 -a "$disk_rounds" = "$alpha_rounds"
net_rounds=$(tr -d '\r' <"$log" |
	grep -c "^[a-z]*: round [0-9]* ok (.*, [1-9][0-9]* pings[,)]")
check "every system's virtio-net answered a ping after each switch ($net_rounds of $rounds rounds)" \
	test "$net_rounds" -gt 0 -a "$net_rounds" = "$rounds"
if [ "$machine" = desktop ]; then
	tpm_rounds=$(tr -d '\r' <"$log" | grep -c "^[a-z]*: round [0-9]* ok (.*, tpm [0-9a-f]\{8\}")
	check "every system's TPM gave random bytes after each switch ($tpm_rounds of $rounds rounds)" \
		test "$tpm_rounds" -gt 0 -a "$tpm_rounds" = "$rounds"
	if [ "$efi" = 1 ]; then
		efi_rounds=$(tr -d '\r' <"$log" | grep -c "^[a-z]*: round [0-9]* ok (.*, [1-9][0-9]* efivars)")
		check "every system read its UEFI variables after each switch ($efi_rounds of $rounds rounds)" \
			test "$efi_rounds" -gt 0 -a "$efi_rounds" = "$rounds"
		check "a system loaded with --noefi booted without UEFI and found its 4 CPUs through ACPI" \
			grep -q "^bravo: no UEFI, ACPI, CPUs 0-3$" <(tr -d '\r' <"$log")
	fi
	# ranges are in hex without 0x: 4 GiB and up has nine digits or more
	high=$(tr -d '\r' <"$log" | awk '/^alpha: slot [0-9] range / &&
		length($5) >= 9 { print $3 }' | sort -u | wc -l)
	check "two or more slots lie above 4 GiB ($high)" test "$high" -ge 2
	# Between 1 MiB and 4 GiB (six to eight digits): the swiotlb bounce
	# buffer and ZONE_DMA32 of a slot kernel (patch 44), which the low
	# window below 1 MiB cannot hold. Slots 1 and 3 are resident.
	low=$(tr -d '\r' <"$log" | awk '/^alpha: slot [13] range / &&
		length($5) >= 6 && length($5) <= 8 { print $3 }' | sort -u | wc -l)
	check "each resident slot has memory below 4 GiB besides its low window ($low of 2)" \
		test "$low" -eq 2
fi

median() { sort -n | awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : "-" }'; }
switch_times() {
	tr -d '\r' <"$log" | sed -n "s/^$1: switch in took \([0-9.]*\) ms$/\1/p"
}
kinds="bravo:64MiB-resident charlie:128MiB-swap delta:1GiB-resident echo:64MiB-swap alpha:slot-0"
[ "$machine" = desktop ] &&
	kinds="bravo:256MiB-resident charlie:384MiB-swap delta:1GiB-resident echo:256MiB-swap alpha:slot-0"
for sys in $kinds; do
	n=$(switch_times "${sys%%:*}" | wc -l)
	tap_note "switch into ${sys%%:*} (${sys#*:}): median $(switch_times "${sys%%:*}" | median) ms over $n switches"
done
tap_done
