# Guest side of make bench, in system alpha (slot 0): for each slot size in
# ks.sizes= (MiB), time ks.rounds= round trips to bravo as (c) a resident
# slot, (b) a swap slot and (a) the stock kexec-tools peer, each first
# loaded and entered ks.loads= times as (e); then (d) cold-boot bravo by
# plain kexec reboot, ks.loads= times per size, which ends this system.
# Systems run as they are used: with ks.net=1 every system brings its
# network card up, and with ks.disk=DEV slot 0 keeps writes to DEV in
# flight throughout (tests/vm/guest/lib/guest.sh); the writes must read
# back after the switches.
# Every figure is a "ksbench ..." console line (bench/ksbench.c) for
# bench/report.sh; "bench: ..." lines say what runs.
. /usr/share/kswitch/tests/lib/guest.sh
rounds=$(ks_arg ks.rounds)
loads=$(ks_arg ks.loads)
sizes=$(ks_arg ks.sizes | tr , ' ')
peer="ks.scenario=bench-peer ks.nonce=$ks_nonce ks.net=$(ks_arg ks.net)"

# The kernel measured, the one this system booted: bench/run.sh puts it on
# the disk with bravo's initramfs, and every system loaded runs it too.
files=/tmp/cold
mkdir -p $files
(cd $files && cpio -i -d </dev/vda 2>/dev/null) ||
	{ echo "bench: no kernel and initramfs on /dev/vda"; exit 1; }
kernel=$files/bzImage

mkdir -p $KS_STATE
ks_start_net
ks_start_disk
[ "$ks_fails" -eq 0 ] || exit 1
ksbench calibrate
echo "bench: $(nproc) CPUs, $(awk '/MemTotal/ { print $2 }' /proc/meminfo) KiB, sizes $sizes MiB, $rounds rounds"

# slot_first SLOT KIND MIB LABEL: load bravo into SLOT and enter it;
# bravo stamps its arrival and comes straight back (bench-peer.sh).
slot_first() {
	local slot=$1 kind=$2 mib=$3 label=$4
	ksbench stamp "$label-load"
	kswitch load "$slot" "$kernel" --initrd /boot/bravo.cpio.gz \
		--mem "${mib}M" $kind --name "bench$slot" \
		--append "$peer ks.bench=bounce ks.label=$label" >/dev/null ||
		{ echo "bench: $label: kswitch load failed"; return 1; }
	ksbench stamp "$label-loaded"
}

# slot_loads SLOT KIND MIB LABEL: ks.loads= first loads and entries of
# SLOT (each entry a boot, timed from the load's end to bravo's stamp);
# the last load stays loaded.
slot_loads() {
	local slot=$1 kind=$2 mib=$3 label=$4 i
	for i in $(seq "$loads"); do
		slot_first "$slot" "$kind" "$mib" "$label-first" || return 1
		kswitch "$slot" || return 1
		[ "$i" -eq "$loads" ] || kswitch unload "$slot" || return 1
	done
}

# stock_rounds MIB LABEL: kexec-tools loads bravo with a region of MIB MiB
# from 64 KiB up (docs/kexec-tools.md), and jumps.
stock_rounds() {
	local mib=$1 label=$2 max memmap
	max=$(printf 0x%x $(((mib << 20) - 1)))
	memmap="nokaslr $(kt_memmap 0x10000 "$max")"
	ksbench stamp "$label-load"
	kexec -c --load-preserve-context "$kernel" \
		--initrd=/boot/bravo.cpio.gz --mem-min=0x10000 --mem-max="$max" \
		--append="console=ttyS0 panic=-1 $peer ks.bench=kexec-bounce ks.rounds=$((rounds + 1)) ks.label=$label $memmap" ||
		{ echo "bench: $label: kexec --load-preserve-context failed"; return 1; }
	ksbench stamp "$label-loaded"
	ksbench kexec-rounds $((rounds + 2)) "$label"
	kexec -u
}

# device_pass MIB: the devices' own times, from a few more round trips to
# a resident slot with /sys/power/pm_print_times on (initcall_debug's
# device half), which prints every PM callback and its time to the kernel
# log (loglevel=5 keeps them off the console).
# Only here: printing them costs the switches measured above time. With
# ks.pmtrace=1 the kernel log of the last round trip goes to the console too.
device_pass() {
	local mib=$1
	slot_first 1 "" "$mib" devices-first || return 1
	echo 1 >/sys/power/pm_print_times
	ksbench rounds $((rounds < 10 ? rounds + 1 : 11)) 1:devices
	echo 0 >/sys/power/pm_print_times
	kswitch unload 1
	[ "$(ks_arg ks.pmtrace)" = 1 ] || return 0
	# The whole log of the last round trip, whatever printed it (with
	# usbcore.dyndbg=+p, say, the USB core's steps): every line after
	# the second-last return to slot 0, at most 3000.
	dmesg -s 16777216 | awk '{ a[n++] = $0 } /entered from slot/ { p = l; l = n }
		END { for (i = (n - p > 3000 ? n - 3000 : p); i < n; i++) print "bench: pm " a[i] }'
}

# Resident slots first, then swap slots, then the stock flow, each size
# largest first: a resident slot's memory is 4 MiB blocks that must fall
# into at most KEXEC_SLOT_MAX_RANGES ranges, and after a swap slot's or
# the stock flow's page-by-page backup free memory can be too scattered
# for that (the test kernel has no memory compaction).
# Resident slots of every size are loaded at once, one slot each, and
# their round trips alternate (ksbench rounds): whether a switch's time
# depends on the slot's size is then not confused with drift over the run.
sizes_down=$(echo $sizes | tr ' ' '\n' | sort -rn)
slot=0 peers=
for mib in $sizes_down; do
	slot=$((slot + 1))
	ksbench memcpy "$mib" "memcpy-$mib" || exit 1
	echo "bench: resident slot $slot, $mib MiB"
	slot_loads $slot "" "$mib" "resident-$mib" || exit 1
	peers="$peers $slot:resident-$mib"
done
echo "bench: resident slots, round trips to$peers in turn"
ksbench rounds $((rounds + 1)) $peers || exit 1
for i in $(seq $slot); do
	kswitch unload $i || exit 1
done
echo "bench: device callbacks, resident $mib MiB"
device_pass "$mib" || exit 1
for mib in $sizes_down; do
	echo "bench: swap slots, $mib MiB"
	slot_loads 1 --swap "$mib" "swap-$mib" || exit 1
	ksbench rounds $((rounds + 1)) "1:swap-$mib" || exit 1
	kswitch unload 1 || exit 1
done
for mib in $sizes_down; do
	echo "bench: stock kexec jump, $mib MiB"
	stock_rounds "$mib" "stock-$mib" || exit 1
done

# The writer ran through every switch: what it last synced reads back.
ks_check_disk
ks_check_net
[ "$ks_fails" -eq 0 ] || exit 1
echo "bench: load: ${ks_disk:+writes to $ks_disk in flight, $ks_disk_synced records synced}${ks_net:+, network up ($ks_pings pings)}"

# This system's devices, slowest first: each PM callback's time at every
# switch of the device pass, as the median over those switches.
echo "bench: slowest device callbacks in slot 0 (median over switches)"
# A line reads "[  8.84] DRIVER DEVICE: PM: CALLBACK returned 0 after US
# usecs"; DRIVER is empty for a device without one (ATA ports).
dmesg -s 16777216 | awk '
	{ for (i = 1; i <= NF; i++) if ($i == "PM:") break }
	i > NF || $(i + 2) != "returned" { next }
	{ dev = $(i - 1); sub(/:$/, "", dev); us = $(i + 5); k = dev " " $(i + 1)
	  n[k]++; v[k, n[k]] = us }
	END { for (k in n) { m = n[k]; for (i = 1; i <= m; i++) a[i] = v[k, i]
		# insertion sort: few samples per device
		for (i = 2; i <= m; i++) { x = a[i]; for (j = i - 1; j > 0 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
		print a[int((m + 1) / 2)], m, k } }' |
	sort -rn | head -n 12 | while read -r us count dev cb; do
		echo "ksbench device $dev $cb $us $count"
	done

# A cold boot shuts the disk down under whatever is in flight: end the
# writer and write back what it left first.
[ -z "$ks_disk_pid" ] || { kill "$ks_disk_pid"; wait "$ks_disk_pid"; sync; }
echo "bench: cold kexec boots"
set -- $sizes
exec sh /usr/share/kswitch/tests/bench-cold.sh "$ks_nonce" "$loads" 0 "$@"
