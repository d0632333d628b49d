#!/usr/bin/env bash
# tools/check-console.sh must pass a clean boot log and catch each kind of
# line that fails a kernel scenario.
source "$(dirname "$0")/../lib/tap.sh"
checker=$top/tools/check-console.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

bad_lines=(
	'[    1.234] WARNING: CPU: 0 PID: 1 at kernel/kexec_core.c:100 foo+0x1/0x2'
	'[    1.234] BUG: unable to handle page fault for address: 0000'
	'[    1.234] Oops: general protection fault, probably for non-canonical'
	'[    1.234] Kernel panic - not syncing: Attempted to kill init!'
	'[    1.234] WARNING: possible circular locking dependency detected'
	'[    1.234] INFO: trying to register non-static key. turning off the locking correctness validator.'
	'[    1.234] crash hp: kexec_trylock() failed, kdump image may be inaccurate'
	'kexec_load failed: Cannot allocate memory'
)
tap_plan $((1 + ${#bad_lines[@]}))

cat >"$tmp/clean.log" <<'LOG'
[    0.000000] Linux version 6.12.117 (gcc) #1 SMP PREEMPT_DYNAMIC
[    0.000000] Lock dependency validator: Copyright (c) 2006 Red Hat, Inc.
[    0.000000] ... MAX_LOCKDEP_SUBCLASSES:  8
[    0.123456] smpboot: Booting Node 0 Processor 1 APIC 0x1
=== kswitch guest system 'alpha' (Linux 6.12.117, 2 CPUs) ===
kexec: image loaded
LOG
check "a clean boot log passes" "$checker" "$tmp/clean.log"

for line in "${bad_lines[@]}"; do
	{ cat "$tmp/clean.log"; printf '%s\r\n' "$line"; } >"$tmp/bad.log"
	if out=$("$checker" "$tmp/bad.log"); then
		not_ok "caught: $line"
	else
		check "caught: $line" test "$out" = "$line"
	fi
done
tap_done
