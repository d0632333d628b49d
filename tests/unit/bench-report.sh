#!/usr/bin/env bash
# bench/report.sh on a recorded console (data/bench-console.log): made-up
# TSC stamps and kernel records with known answers, for each way the
# report pairs them: slot rounds and their phases, the stock flow's
# stamps from both kernels, loads, cold boots and memcpy(); and two lines
# a kernel message cut on the serial console, which must be left out (one
# made report.sh loop until its samples filled the disk).
source "$(dirname "$0")/../lib/tap.sh"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
tap_plan 11

report() {
	timeout 60 "$top/bench/report.sh" "$top/tests/unit/data/bench-console.log" \
		"$out" >/dev/null
}
check "report.sh turns the console, with two cut lines, into tables and plots" report
row() { grep -qF "| $1 |" "$out/results.md"; }
png() { [ "$(head -c 4 "$1" | tail -c 3)" = PNG ]; }
pngs() { png "$out/switch.png" && png "$out/phases.png"; }
check "resident slot: one way 400 ms each way, round trip 800 ms, round 1 (a boot) left out" \
	row "64 MiB | resident | 400.0 (400.0) [4] | 400.0 (400.0) [5] | 800.0 (800.0) [4]"
check "stock flow: peer and caller stamps paired, last round left out" \
	row "1024 MiB | stock | 700.0 (700.0) [4] | 800.0 (800.0) [4] | 1510.0 (1510.0) [4]"
check "slot load 100 ms, first entry 1000 ms" \
	row "64 MiB | swap | 100.0 | 1000.0 | 1100.0 [2]"
check "stock load 20 s, first jump 5 s" \
	row "64 MiB | stock | 20000.0 | 5000.0 | 25000.0 [1]"
check "cold start: kexec -l 50 ms, boot 3000 ms" \
	row "64 MiB | cold start | 50.0 | 3000.0 | 3050.0 [3]"
check "phases: the kernel's nine, and the total" \
	grep -q "^| 1024 MiB | swap | there |\( 44.4 |\)\{9\} 400.0 |$" "$out/results.md"
check "memcpy() against the swap slot's memory phase" \
	row "1024 MiB | 102.4 | 44.4 | 44.4 | 0.4"
check "the targets are computed from the medians" \
	grep -qx -- "- cold start / resident round trip at 1024 MiB: 3.8 (target at least 75)" "$out/results.md"
check "the swap memory phase against memcpy(), both ways" \
	grep -qx -- "- swap memory phase / memcpy() at 1024 MiB: there 0.4, back 0.4 (target at most 1.1 both ways)" "$out/results.md"
check "both plots are PNG images" pngs
tap_done
