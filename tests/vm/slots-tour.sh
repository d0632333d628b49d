#!/usr/bin/env bash
# Memory slots: slot 0 (alpha) loads bravo and charlie into resident slots
# 1 and 2, and the three switch among each other in a tour that covers every
# ordered pair, KS_SWITCHES (30) switches in all, on 2 CPUs; each system
# checks its counter, 64 MiB memory pattern and CPUs each time it runs
# again.
source "$(dirname "$0")/../lib/tap.sh"
switches=${KS_SWITCHES:-30}
log=$build/logs/slots-tour.log
tap_plan 2
check "$switches switches over slots 0, 1 and 2" \
	"$top/tools/qemu-run.sh" --name slots-tour --scenario slots-tour \
	--append "ks.switches=$switches" --smp 2 --mem 1G --timeout 900 \
	--kernel "$bzimage" --initrd "$guests/alpha.cpio.gz"
# Every switch is followed by a round report of the system it entered,
# except each slot's first entry, which is its boot.
rounds=$(tr -d '\r' <"$log" | grep -c "^[a-z]*: round [0-9]* ok")
check "every switch but the two first entries was checked ($rounds of $((switches - 2)))" \
	test "$rounds" -ge $((switches - 2))
tap_done
