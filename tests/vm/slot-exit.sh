#!/usr/bin/env bash
# A slot system's poweroff, halt, reboot and kexec end that system, not the
# machine: the slot kernel hands the machine back to slot 0 with the slot
# marked exited, and every other system runs on (issue 18, item 4);
# sysrq-b's emergency restart hands back as a crash; kswitch down shuts
# the other slot's system down through its own poweroff
# (tests/vm/guest/slot-exit.sh).
source "$(dirname "$0")/../lib/tap.sh"
log=$build/logs/slot-exit.log
tap_plan 3
check "poweroff -f, halt -f, reboot -f, sysrq-b and kexec -e in a slot end it alone" \
	"$top/tools/qemu-run.sh" --name slot-exit --scenario slot-exit \
	--smp 2 --mem 1G --timeout 600 \
	--kernel "$bzimage" --initrd "$guests/alpha.cpio.gz"
check "  the other slot's system was entered after each of the five" \
	grep -q ": entered 6 times$" <(tr -d '\r' <"$log")
# kswitch down in slot 0 asked it to shut down; its poweroff handed back.
check "  then kswitch down shut it down through its own poweroff" \
	sh -c "tr -d '\r' <'$log' | grep -A20 'slot 1 (keeper) is asked to shut down' |
		grep -q 'slot 1 (keeper) powers off: hands the machine back to slot 0'"
tap_done
