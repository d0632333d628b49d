#!/usr/bin/env bash
# Memory slots, bad requests: in slot 0 (alpha) with slot 1 loaded, every
# bad request to /dev/kexec_slots gets its own errno and leaves every slot's
# record as it was (tests/agents/slots-errno.c), also without CAP_SYS_BOOT.
source "$(dirname "$0")/../lib/tap.sh"
log=$build/logs/slots-errors.log
tap_plan 2
check "every bad slot request is refused with its errno and changes nothing" \
	"$top/tools/qemu-run.sh" --name slots-errors --scenario slots-errors \
	--smp 2 --mem 1G --timeout 300 \
	--kernel "$bzimage" --initrd "$guests/alpha.cpio.gz"
cases=$(tr -d '\r' <"$log" | grep -c "^ok [0-9]* - ")
check "the guest ran the cases ($cases passed)" test "$cases" -ge 35
tap_done
