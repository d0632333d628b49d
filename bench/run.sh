#!/usr/bin/env bash
# make bench: boot alpha in QEMU (3 GiB, all below 4 GiB, 2 CPUs) with bench/guest/bench.sh as its scenario,
# then turn the "ksbench" lines of its console into tables and plots
# (bench/report.sh). Results go to $KSWITCH_BUILD/bench:
#   console.log   the whole console of the run
#   results.md    the tables (docs/performance.md explains them)
#   switch.png    one-way switches and round trips by slot size
#   phases.png    where a one-way switch spends its time
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${KSWITCH_BUILD:-$top/build}
out=$build/bench
rounds=${BENCH_ROUNDS:-50}
loads=${BENCH_LOADS:-10}
sizes=${BENCH_SIZES:-64,256,1024}
bzimage=$build/kernel/arch/x86/boot/bzImage

# Cold-booted systems read the kernel and bravo's initramfs from the disk,
# a cpio archive (bench/guest/bench-cold.sh).
rm -rf "$out/disk"
mkdir -p "$out/disk"
cp "$bzimage" "$build/guests/bravo.cpio.gz" "$out/disk/"
(cd "$out/disk" && printf '%s\n' bzImage bravo.cpio.gz |
	cpio -o -H newc --quiet >"$out/disk.cpio")
truncate -s %1M "$out/disk.cpio"

echo "bench: sizes $sizes MiB, $rounds round trips each, $loads loads and cold boots each (long under TCG)"
start=$(date +%s)
"$top/tools/qemu-run.sh" --name bench --scenario bench --smp 2 --mem 3G \
	--disk "$out/disk.cpio" --timeout 14400 --log "$out/console.log" \
	--kernel "$bzimage" --initrd "$build/guests/alpha.cpio.gz" \
	--append "ks.rounds=$rounds ks.loads=$loads ks.sizes=$sizes"
echo "bench: the run took $(($(date +%s) - start)) s"
"$top/bench/report.sh" "$out/console.log" "$out"
