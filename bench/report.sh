#!/usr/bin/env bash
# bench/report.sh CONSOLE OUTDIR: turn the "ksbench" lines of a make bench
# console (bench/ksbench.c, bench/guest/*.sh) into
#   OUTDIR/samples.txt  one sample per line: METRIC NANOSECONDS
#   OUTDIR/stats.txt    per metric: METRIC SAMPLES MEDIAN P95 (ns)
#   OUTDIR/results.md   the tables docs/performance.md explains
#   OUTDIR/switch.png, OUTDIR/phases.png
# Metrics are "KIND-MIB WHAT", KIND one of resident, swap, stock, cold,
# memcpy; WHAT one of there, back, roundtrip, load, enter, boot, copy, and
# there.PHASE / back.PHASE for the kernel's phases of a slot switch.
set -euo pipefail

console=$1 out=$2
phases="prepare freeze suspend cpus_down memory jump cpus_up resume thaw"

tr -d '\r' <"$console" | grep '^ksbench ' | awk -v phases="$phases" '
function ns(ticks) { return ticks * 1e6 / khz }
function out(metric, what, v) { printf "%s %s %.0f\n", metric, what, v }
# Every figure is a number: a kernel message printed in the middle of a
# line on the shared serial console cuts it ("... entered 7126[   10.33]
# Filesystems sync"), and a cut line is left out rather than read as one.
{
	for (i = 3; i <= NF; i++)
		if ($i !~ /^[0-9]+$/ && $i !~ /^[a-z_]+$/)
			next
}
$2 == "tsc_khz" { khz = $3; next }
$3 == "tsc_khz" { khz = $4; next }
$3 == "memcpy" { out($2, "copy", $5); next }
# Slot round trips: round 1 may be a first entry, a boot (bench.sh runs
# one more).
$3 == "round" && $2 !~ /^stock/ { if ($4 > 1) out($2, "roundtrip", $5); next }
($3 == "there" || $3 == "back") && $5 == "total" {
	out($2, $3, $6)
	for (i = 7; i < NF; i += 2)
		out($2, $3 "." $i, $(i + 1))
	next
}
# Stamps: a load, its end, the loaded system up; for a cold boot, kexec -l
# started, kexec -e, and the system up.
$3 == "stamp" {
	label = $2; t = $4
	if (label ~ /-first-load$/) { sub(/-first-load$/, "", label); load[label] = t }
	else if (label ~ /-first-loaded$/) {
		sub(/-first-loaded$/, "", label); loaded[label] = t
		out(label, "load", ns(t - load[label]))
	} else if (label ~ /-first-up$/) {
		sub(/-first-up$/, "", label)
		out(label, "enter", ns(t - loaded[label]))
		out(label, "load_enter", ns(t - load[label]))
	} else if (label ~ /^stock-.*-load$/) { sub(/-load$/, "", label); load[label] = t }
	else if (label ~ /^stock-.*-loaded$/) {
		sub(/-loaded$/, "", label); loaded[label] = t
		out(label, "load", ns(t - load[label]))
	} else if (label ~ /^stock-.*-up$/) {
		sub(/-up$/, "", label)
		out(label, "enter", ns(t - loaded[label]))
		out(label, "load_enter", ns(t - load[label]))
	} else if (label ~ /^cold-.*-load$/) { sub(/-load$/, "", label); cload[label] = t }
	else if (label ~ /^cold-.*-left$/) {
		sub(/-left$/, "", label); left[label] = t
		if (label in cload) out(label, "load", ns(t - cload[label]))
	} else if (label ~ /^cold-.*-up$/) {
		sub(/-up$/, "", label)
		if (label in left) out(label, "boot", ns(t - left[label]))
		if (label in left && label in cload)
			out(label, "load_boot", ns(t - cload[label]))
		delete left[label]
		delete cload[label]
	}
	next
}
# The stock flow: the caller notes when each jump left and came back, the
# peer when each of its jumps back left and when it was entered next.
$2 ~ /^stock/ && $3 == "round" { rt[$2, $4] = $5; next }
$2 ~ /^stock/ && $3 == "left" { aleft[$2, $4] = $5; next }
$2 ~ /^stock/ && $3 == "back" { aback[$2, $4] = $5; next }
$2 ~ /^stock/ && $3 == "peer" && NF == 8 {
	label = $2; j = $4 + 0
	bleft[label, j] = $6; bentered[label, j] = $8
	if (j > njumps[label]) njumps[label] = j
	next
}
END {
	# Round k >= 2 entered the peer at its entry k - 1 and came back
	# from its jump k; the last round only lets the peer report.
	for (key in njumps) {
		for (k = 2; k <= njumps[key]; k++) {
			out(key, "roundtrip", rt[key, k])
			out(key, "there", ns(bentered[key, k - 1] - aleft[key, k]))
			out(key, "back", ns(aback[key, k] - bleft[key, k]))
		}
	}
}' >"$out/samples.txt"

sort -k1,1 -k2,2 -k3,3n "$out/samples.txt" | awk '
function flush() {
	if (n) print metric, n, v[int((n + 1) / 2)], v[int(n * 0.95 + 0.999)]
	n = 0
}
{ m = $1 " " $2; if (m != metric) { flush(); metric = m } v[++n] = $3 }
END { flush() }' >"$out/stats.txt"

# stat METRIC [median|p95|n]: in milliseconds, "-" if not measured.
stat() {
	awk -v m="$1" -v f="${2:-median}" '
	$1 " " $2 == m {
		x = f == "n" ? $3 : f == "p95" ? $5 : $4
		printf(f == "n" ? "%d" : "%.1f", f == "n" ? x : x / 1e6); found = 1
	}
	END { if (!found) printf "-" }' "$out/stats.txt"
}
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a == "-" || b == "-" || b == 0) print "-"
		else printf "%.1f", a / b }'
}

sizes=$(awk '{ split($1, k, "-"); if (k[2] ~ /^[0-9]+$/) print k[2] }' \
	"$out/stats.txt" | sort -nu)
kinds="resident swap stock"
{
	echo "# kswitch switch latency"
	echo
	echo "Times in ms: median (p95) over the samples in brackets. One way: from"
	echo "the request to the other system's tasks running; round trip: there"
	echo "and back, as the caller's TSC saw it. docs/performance.md explains."
	echo
	echo "## Switching to a system that is already loaded"
	echo
	echo "| size | kind | one way there | one way back | round trip |"
	echo "|---:|---|---:|---:|---:|"
	for s in $sizes; do
		for k in $kinds; do
			m=$k-$s
			echo "| $s MiB | $k | $(stat "$m there") ($(stat "$m there" p95)) [$(stat "$m there" n)] | $(stat "$m back") ($(stat "$m back" p95)) [$(stat "$m back" n)] | $(stat "$m roundtrip") ($(stat "$m roundtrip" p95)) [$(stat "$m roundtrip" n)] |"
		done
	done
	echo
	echo "## Bringing a system up"
	echo
	echo "Load: the loader, from start to exit. Enter: from then until the"
	echo "new system's scenario script runs. Cold start of the same system:"
	echo "\`kexec -l\`, then from \`kexec -e\` until its script runs (boot)."
	echo
	echo "| size | kind | load | first entry | load + entry |"
	echo "|---:|---|---:|---:|---:|"
	for s in $sizes; do
		for k in $kinds; do
			m=$k-$s
			echo "| $s MiB | $k | $(stat "$m load") | $(stat "$m enter") | $(stat "$m load_enter") [$(stat "$m load_enter" n)] |"
		done
		m=cold-$s
		echo "| $s MiB | cold start | $(stat "$m load") | $(stat "$m boot") | $(stat "$m load_boot") [$(stat "$m load_boot" n)] |"
	done
	echo
	echo "## Where a one-way switch spends its time (median ms, kernel's record)"
	echo
	echo "| size | kind | way | $(echo $phases | sed 's/ / | /g') | total |"
	echo "|---:|---|---|$(for p in $phases; do printf -- '---:|'; done)---:|"
	for s in $sizes; do
		for k in resident swap; do
			for w in there back; do
				printf '| %s MiB | %s | %s |' "$s" "$k" "$w"
				for p in $phases; do
					printf ' %s |' "$(stat "$k-$s $w.$p")"
				done
				printf ' %s |\n' "$(stat "$k-$s $w")"
			done
		done
	done
	echo
	echo "## Memory: swap slots against memcpy()"
	echo
	echo "A swap slot's memory phase exchanges the slot's memory with its"
	echo "backup (copy in and copy out); memcpy() copies the same size once."
	echo
	echo "| size | memcpy() | memory phase there | back | there / memcpy() |"
	echo "|---:|---:|---:|---:|---:|"
	for s in $sizes; do
		c=$(stat "memcpy-$s copy")
		t=$(stat "swap-$s there.memory")
		echo "| $s MiB | $c | $t | $(stat "swap-$s back.memory") | $(ratio "$t" "$c") |"
	done
	echo
	echo "## Against the targets (docs/performance.md)"
	echo
	lo=$(echo "$sizes" | head -n 1) hi=$(echo "$sizes" | tail -n 1)
	echo "- resident one way there, $lo MiB: $(stat "resident-$lo there") ms (target at most 25 on the small machine)"
	echo "- resident round trip, $hi MiB / $lo MiB: $(ratio "$(stat "resident-$hi roundtrip")" "$(stat "resident-$lo roundtrip")") (target at most 1.1)"
	echo "- stock round trip / resident round trip at $hi MiB: $(ratio "$(stat "stock-$hi roundtrip")" "$(stat "resident-$hi roundtrip")") (target at least 35)"
	echo "- cold start / resident round trip at $hi MiB: $(ratio "$(stat "cold-$hi load_boot")" "$(stat "resident-$hi roundtrip")") (target at least 75)"
	for s in $sizes; do
		c=$(stat "memcpy-$s copy")
		echo "- swap memory phase / memcpy() at $s MiB: there $(ratio "$(stat "swap-$s there.memory")" "$c"), back $(ratio "$(stat "swap-$s back.memory")" "$c") (target at most 1.1 both ways)"
	done
	echo "- swap slot load at $hi MiB: $(stat "swap-$hi load") ms (target under 1000 at 1024 MiB)"
	for s in $sizes; do
		for k in resident swap; do
			echo "- $k load + first entry / cold start at $s MiB: $(ratio "$(stat "$k-$s load_enter")" "$(stat "cold-$s load_boot")") (target at most 1.5)"
		done
	done
} >"$out/results.md"

# The plots: medians by size, on log scales.
{
	for s in $sizes; do
		echo "$s $(stat "resident-$s there") $(stat "swap-$s there") $(stat "stock-$s there") $(stat "cold-$s load_boot") $(stat "resident-$s load_enter") $(stat "stock-$s load_enter")"
	done
} >"$out/switch.dat"
{
	for s in $sizes; do
		for k in resident swap; do
			printf '"%s %s"' "$k" "$s"
			for p in $phases; do printf ' %s' "$(stat "$k-$s there.$p")"; done
			echo
		done
	done
} >"$out/phases.dat"
gnuplot <<GNUPLOT
set terminal pngcairo size 900,560 noenhanced
set linetype 9 linecolor rgb "#8c564b"
set datafile missing "-"
set output "$out/switch.png"
set title "Getting to another system, one way (median)"
set logscale xy
set xlabel "slot size (MiB)"
set ylabel "ms"
set xtics ($(echo $sizes | sed 's/\([0-9]*\)/"\1" \1/g; s/ "/, "/g'))
set key outside right
plot "$out/switch.dat" using 1:2 with linespoints title "resident slot", \
     "" using 1:3 with linespoints title "swap slot", \
     "" using 1:4 with linespoints title "stock kexec jump", \
     "" using 1:5 with linespoints title "cold start (kexec -l, -e)", \
     "" using 1:6 with linespoints title "load + first entry (slot)", \
     "" using 1:7 with linespoints title "load + first entry (stock)"
set output "$out/phases.png"
set title "One-way switch by phase (median)"
unset logscale
set xtics auto rotate by -30
set xlabel "slot kind and size (MiB)"
set ylabel "ms"
set style data histograms
set style histogram rowstacked
set style fill solid 0.8 border -1
set boxwidth 0.7
plot for [i=2:10] "$out/phases.dat" using (column(i)/1):xtic(1) title word("$phases", i - 1)
GNUPLOT
echo "bench: $out/results.md, $out/switch.png, $out/phases.png"
