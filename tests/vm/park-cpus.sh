#!/usr/bin/env bash
# A kexec jump parks in INIT only the CPUs it takes down and brings back:
# a CPU that was offline before it (an administrator's, or an SMT sibling
# under nosmt) keeps halting in its kernel, with CR4.MCE as that kernel
# set it, which INIT would clear. Slot 0 takes CPU 1 down, enters a slot
# that runs on one CPU and comes back; QEMU then shows CPU 1 still in the
# kernel's text, not at the reset vector (tests/vm/guest/park-cpus.sh).
source "$(dirname "$0")/../lib/tap.sh"
log=$build/logs/park-cpus.log
sock=$build/vm/park-cpus.qmp
regs=$build/logs/park-cpus.regs
mkdir -p "$build/vm"
# A log left by the last run would say PARK-CHECK at once.
rm -f "$sock" "$regs" "$log"
tap_plan 3
"$top/tools/qemu-run.sh" --name park-cpus --scenario park-cpus \
	--smp 2 --mem 1G --timeout 300 --qmp "$sock" \
	--kernel "$bzimage" --initrd "$guests/alpha.cpio.gz" \
	>"$build/logs/park-cpus.out" 2>&1 &
vm=$!
# Wait for the guest to be back in slot 0, then look at CPU 1 with the
# VM stopped.
for _ in $(seq 600); do
	grep -q "^PARK-CHECK" <(tr -d '\r' 2>/dev/null <"$log") && break
	kill -0 $vm 2>/dev/null || break
	sleep 0.5
done
late=$(tr -d '\r' 2>/dev/null <"$log" | grep -c "^CPU1-ONLINE")
"$top/tools/qmp.sh" "$sock" stop \
	human-monitor-command '{"command-line": "info registers -a"}' \
	cont >"$regs" 2>&1
wait $vm
rc=$?
sed 's/^/# /' "$build/logs/park-cpus.out"
check "slot 0 took CPU 1 down, went to a slot and back, brought it up" \
	test $rc -eq 0
# HMP prints each CPU's registers after a "CPU#N" line; the JSON answer
# has them as one string with \r\n escapes.
rip=$(sed 's/\\r\\n/\n/g' "$regs" | sed -n '/CPU#1/,/CPU#2/p' |
	sed -n 's/.*RIP=\([0-9a-f]*\).*/\1/p' | head -n 1)
echo "# CPU 1's RIP after the jump: ${rip:-none} (read before it was brought up: $([ "$late" = 0 ] && echo yes || echo no))"
check "QEMU showed CPU 1 before the guest brought it up again" \
	test -n "$rip" -a "$late" = 0
check "CPU 1, offline before the jump, was not parked in INIT" \
	test "${rip:0:8}" = ffffffff
tap_done
