#!/usr/bin/env bash
# Build and run the user-space fuzz targets (tests/fuzz/README.md), one TAP
# test each: build it with clang, libFuzzer, ASan and UBSan; replay the
# inputs that once crashed it (regress/NAME/); then fuzz it for
# KS_FUZZ_SECS seconds (default 15) from its seed corpus (corpus/NAME/).
# A build that fails, a regression input that crashes, or a finding
# (crash, leak, timeout, out of memory) fails the test; a finding's input
# is kept under $KSWITCH_BUILD/fuzz/artifacts/NAME/ and its path printed.
#
# usage: tests/fuzz/run.sh [NAME...]   (NAME: payload for fuzz_payload.c)
source "$(dirname "$0")/../lib/tap.sh"
secs=${KS_FUZZ_SECS:-15}
here=$top/tests/fuzz
out=$build/fuzz

command -v clang >/dev/null || tap_skip_all "clang missing; run make deps"

if [ $# -gt 0 ]; then
	names=("$@")
else
	names=()
	for src in "$here"/fuzz_*.c; do
		[ -e "$src" ] || continue
		name=${src##*/fuzz_}
		names+=("${name%.c}")
	done
fi
[ ${#names[@]} -gt 0 ] || tap_bail_out "no tests/fuzz/fuzz_*.c"
mkdir -p "$out/logs"
tap_plan ${#names[@]}

# The value of a "/* fuzz-KEY: VALUE */" line near the top of $1.
marker() {
	sed -n "1,10s|^/\* fuzz-$2: \(.*\) \*/\$|\1|p" "$1" | head -n 1
}

# A target's sources: its marker, where @lib and @commands stand for
# switcher.mk's lists, so that a new module is named in one place.
sources_of() {
	local word
	for word in $(marker "$1" sources); do
		case $word in
		@lib) make -s --no-print-directory -C "$top" print-lib-sources ;;
		@commands) make -s --no-print-directory -C "$top" print-cmd-sources ;;
		*) echo "$word" ;;
		esac
	done | tr '\n' ' '
}

# Print the last lines of log $1 as TAP diagnostics.
show_log() {
	tail -n "${2:-20}" "$1" | sed 's/^/# /'
}

# What a sanitizer or libFuzzer said in log $1, and where in the tree.
report() {
	{
		grep -m 3 -E 'ERROR:|runtime error:' "$1"
		grep -E '^ +#[0-9]+ ' "$1" | grep -F "$top/" |
			grep -vF "$build/" | head -n 4
	} | sed -e 's/^ *//' -e 's/^/# /'
}

build_target() {
	local name=$1 src=$here/fuzz_$1.c log=$out/logs/$1.build.log
	local sources libs

	[ -f "$src" ] || { echo "no such target: $src" >"$log"; return 1; }
	sources=$(sources_of "$src")
	libs=$(marker "$src" libs)
	make -s --no-print-directory -C "$top" -f tests/fuzz/build.mk -j2 \
		B="$out" NAME="$name" SOURCES="$sources" LIBS="$libs" \
		>"$log" 2>&1
}

# Replay every input in regress/$1/; each must run clean.
replay() {
	local name=$1 dir=$here/regress/$1 log=$out/logs/$1.regress.log
	local inputs=()

	[ -d "$dir" ] && mapfile -t inputs < <(find "$dir" -type f | sort)
	[ ${#inputs[@]} -gt 0 ] || return 0
	"$out/fuzz_$name" -timeout=10 "${inputs[@]}" >"$log" 2>&1
}

# Fuzz $1 for $secs seconds; its new inputs go to a corpus under $out,
# kept from run to run, the seeds and regression inputs are only read.
fuzz() {
	local name=$1 log=$out/logs/$1.log art=$out/artifacts/$1
	local dirs=("$out/corpus/$1")

	mkdir -p "$out/corpus/$1" "$art"
	[ -d "$here/corpus/$name" ] && dirs+=("$here/corpus/$name")
	[ -d "$here/regress/$name" ] && dirs+=("$here/regress/$name")
	"$out/fuzz_$name" -max_total_time="$secs" -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$art/" "${dirs[@]}" >"$log" 2>&1
}

for name in "${names[@]}"; do
	t=fuzz_$name
	if ! build_target "$name"; then
		show_log "$out/logs/$name.build.log"
		not_ok "$t: build failed ($out/logs/$name.build.log)"
		continue
	fi
	if ! replay "$name"; then
		log=$out/logs/$name.regress.log
		input=$(sed -n 's/^Running: //p' "$log" | tail -n 1)
		report "$log"
		not_ok "$t: regression input ${input:-?} fails ($log)"
		continue
	fi
	fuzz "$name"
	rc=$?
	log=$out/logs/$name.log
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	if [ $rc -eq 0 ]; then
		ok "$t: ${runs:-?} runs in $secs s, no finding"
		continue
	fi
	crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
	report "$log"
	if [ -n "$crash" ]; then
		echo "# keep it: cp $crash tests/fuzz/regress/$name/"
		not_ok "$t: finding after ${runs:-?} runs: $crash"
	else
		show_log "$log"
		not_ok "$t: fuzzer failed (exit $rc; $log)"
	fi
done
tap_done
