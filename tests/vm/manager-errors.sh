#!/usr/bin/env bash
# kswitch, bad input, on the real kernel: in slot 0 (alpha) with the
# example profiles loaded and a slot whose kernel crashed, every bad
# request exits with its own code, says in one line what was wrong and
# what to do, and changes no slot (tests/vm/guest/manager-errors.sh).
# Hibernation with slots loaded, and loads and restores under
# kernel.kexec_load_disabled and lockdown, are refused too. How a crashed
# slot hands the machine back is crash-handback.sh's.
source "$(dirname "$0")/../lib/tap.sh"
log=$build/logs/manager-errors.log
tap_plan 2
check "every bad kswitch request is refused alone, with its own code" \
	"$top/tools/qemu-run.sh" --name manager-errors \
	--scenario manager-errors --smp 2 --mem 1G --timeout 300 \
	--kernel "$bzimage" --initrd "$guests/alpha.cpio.gz"
cases=$(tr -d '\r' <"$log" | grep -c "^ok [0-9]* - ")
planned=$(tr -d '\r' <"$log" | sed -n 's/^1\.\.\([0-9]*\)$/\1/p')
check "the guest ran all its cases ($cases of ${planned:-?} passed)" \
	test "$cases" -ge 35 -a "$cases" = "$planned"
tap_done
