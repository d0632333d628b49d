#!/usr/bin/env bash
# Memory slots, fuzzed: random requests to /dev/kexec_slots from slot 0
# (tests/agents/slots-fuzz.c) for KS_FUZZ_SECS seconds (60 in make check,
# 600 in make fuzz), on 2 CPUs. The kernel must refuse what is wrong and
# never crash or WARN (the console check), and once every slot is unloaded
# slot 0's free memory must be back within 1%. KS_FUZZ_SEED repeats a run;
# each run prints its seed.
source "$(dirname "$0")/../lib/tap.sh"
secs=${KS_FUZZ_SECS:-60}
log=$build/logs/slots-fuzz.log
tap_plan 2
check "$secs s of random slot requests: no crash, WARN or leak" \
	"$top/tools/qemu-run.sh" --name slots-fuzz --scenario slots-fuzz \
	--smp 2 --mem 1G --timeout $((secs + 300)) \
	--append "ks.fuzz_secs=$secs${KS_FUZZ_SEED:+ ks.fuzz_seed=$KS_FUZZ_SEED}" \
	--kernel "$bzimage" --initrd "$guests/alpha.cpio.gz"
tap_note "$(tr -d '\r' <"$log" | grep -m1 '^# seed')"
summary=$(tr -d '\r' <"$log" | grep -m1 "^ok 1 - .* requests")
tap_note "${summary:-no summary}"
accepted() { tr -d '\r' <"$log" | sed -n "s/^# $1: \([0-9]*\) accepted.*/\1/p"; }
reserves=$(accepted reserve) loads=$(accepted load)
check "requests got past the checks into reserving ($reserves) and loading ($loads)" \
	test "${reserves:-0}" -gt 0 -a "${loads:-0}" -gt 0
tap_done
