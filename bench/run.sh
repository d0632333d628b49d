#!/usr/bin/env bash
# make bench: boot alpha in QEMU with bench/guest/bench.sh as its scenario,
# then turn the "ksbench" lines of its console into tables and plots
# (bench/report.sh). BENCH_MACHINE picks the machine (docs/machines.md):
#   small    3 GiB, all below 4 GiB, 2 CPUs, the small test kernel
#            without lock debugging (make kernel-bench, bench/config);
#            results in $KSWITCH_BUILD/bench
#   desktop  q35, UEFI, 4 CPUs, 8 GiB, the distribution kernel, slots of
#            256 MiB and up (it needs about 160 MiB to boot); results in
#            $KSWITCH_BUILD/bench-desktop
#   both     (make bench) one after the other, so that the two are
#            compared in the same run
# BENCH_KERNEL: another bzImage to measure; slot 0 boots it, and every
# system it loads or cold-boots runs it too (from the disk). BENCH_APPEND
# adds to slot 0's command line: "ks.pmtrace=1" prints the kernel log
# of the device pass's last round trip (bench/guest/bench.sh).
# Each results directory holds:
#   console.log   the whole console of the run
#   results.md    the tables (docs/performance.md explains them)
#   switch.png    one-way switches and round trips by slot size
#   phases.png    where a one-way switch spends its time
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${KSWITCH_BUILD:-$top/build}
machine=${BENCH_MACHINE:-small}
if [ "$machine" = both ]; then
	BENCH_MACHINE=small "$0" && BENCH_MACHINE=desktop exec "$0"
fi
rounds=${BENCH_ROUNDS:-50}
loads=${BENCH_LOADS:-10}
if [ "$machine" = desktop ]; then
	out=$build/bench-desktop
	sizes=${BENCH_SIZES:-256,1024}
	bzimage=${BENCH_KERNEL:-$build/kernel-distro/arch/x86/boot/bzImage}
	alpha=$build/guests-distro/alpha.cpio.gz
	# Disk writes in flight go to NVMe, as on the desktop tour.
	writes=(--nvme "$out/writes.disk")
	write_dev=/dev/nvme0n1
	vm=(--machine desktop --firmware uefi)
else
	out=$build/bench
	sizes=${BENCH_SIZES:-64,256,1024}
	bzimage=${BENCH_KERNEL:-$build/kernel-bench/arch/x86/boot/bzImage}
	alpha=$build/guests/alpha.cpio.gz
	# The second virtio disk, after the cold boots' (/dev/vda).
	writes=(--disk "$out/writes.disk")
	write_dev=/dev/vdb
	vm=(--smp 2 --mem 3G)
fi

# Cold-booted systems read the kernel and bravo's initramfs from the disk,
# a cpio archive (bench/guest/bench-cold.sh).
rm -rf "$out/disk"
mkdir -p "$out/disk"
cp "$bzimage" "$out/disk/bzImage"
cp "$build/guests/bravo.cpio.gz" "$out/disk/"
(cd "$out/disk" && printf '%s\n' bzImage bravo.cpio.gz |
	cpio -o -H newc --quiet >"$out/disk.cpio")
truncate -s %1M "$out/disk.cpio"
# Systems as they are used: slot 0 keeps writes in flight to a disk of its
# own at every switch, and every system has its network card up
# (bench/guest/bench.sh).
rm -f "$out/writes.disk"
truncate -s 4M "$out/writes.disk"

echo "bench: $machine machine, sizes $sizes MiB, $rounds round trips each, $loads loads and cold boots each (long under TCG)"
start=$(date +%s)
"$top/tools/qemu-run.sh" --name "bench-$machine" --scenario bench "${vm[@]}" --prealloc \
	--disk "$out/disk.cpio" "${writes[@]}" --net --timeout 14400 --log "$out/console.log" \
	--kernel "$bzimage" --initrd "$alpha" \
	--append "ks.net=1 ks.disk=$write_dev ks.rounds=$rounds ks.loads=$loads ks.sizes=$sizes loglevel=5 log_buf_len=16M${BENCH_APPEND:+ $BENCH_APPEND}"
echo "bench: the run took $(($(date +%s) - start)) s"
"$top/bench/report.sh" "$out/console.log" "$out"
# bench.sh prints the slowest devices' callbacks of its device pass
# (initcall_debug) as "ksbench device" lines.
{
	echo
	echo "## Slowest device callbacks in slot 0 (median us over the switches)"
	echo
	echo "| device | callback | median us | switches |"
	echo "|---|---|---:|---:|"
	tr -d '\r' <"$out/console.log" | awk '$1 == "ksbench" && $2 == "device" {
		printf "| %s | %s | %s | %s |\n", $3, $4, $5, $6 }'
} >>"$out/results.md"
