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
	'[    2.345] efi: Unable to switch EFI into virtual mode (status=3)!'
	'[    2.345] efivars: get_next_variable: status=8000000000000007 error'
	'[    2.345] tpm tpm0: tpm_try_transmit: send(): error -62'
	'[    2.345] I/O error, dev nvme0n1, sector 16 op 0x1:(WRITE) flags 0x0'
)
tap_plan $((9 + ${#bad_lines[@]}))

cat >"$tmp/clean.log" <<'LOG'
[    0.000000] Linux version 6.12.117 (gcc) #1 SMP PREEMPT_DYNAMIC
[    0.000000] Lock dependency validator: Copyright (c) 2006 Red Hat, Inc.
[    0.000000] ... MAX_LOCKDEP_SUBCLASSES:  8
[    0.123456] smpboot: Booting Node 0 Processor 1 APIC 0x1
=== kswitch guest system 'alpha' (Linux 6.12.117, 2 CPUs) ===
kexec: image loaded
[    0.000000] efi: EFI v2.7 by EDK II
[    0.000000] efi: SMBIOS=0x7f5e2000 ACPI=0x7fb7e000 ACPI 2.0=0x7fb7e014 MEMATTR=0x7e5a4018
[    1.012345] tpm_tis MSFT0101:00: 2.0 TPM (device-id 0x1, rev-id 1)
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

# A slot crashed on purpose: its panic, from the scenario's marker to its
# last line, is expected only with that scenario's nonce.
crash_window() {
	echo "[    8.999] KSWITCH-CRASH-EXPECTED $1"
	echo '[    9.000] Kernel panic - not syncing: sysrq triggered crash'
	echo '[    9.001] Call Trace:'
	echo '[    9.002] kexec_slots: slot 3 (crashy) hands the machine back to slot 0'
}
{ cat "$tmp/clean.log"; crash_window 1234; } >"$tmp/crash.log"
check "an expected crash passes with its nonce" \
	"$checker" "$tmp/crash.log" 1234
check "... and fails with another nonce" \
	sh -c '! "$0" "$1" 5678 >/dev/null' "$checker" "$tmp/crash.log"
{ cat "$tmp/crash.log"; echo '[   10.000] BUG: after the crash'; } >"$tmp/after.log"
check "a BUG after the crash window fails" \
	sh -c '! "$0" "$1" 1234 >/dev/null' "$checker" "$tmp/after.log"
# User space's output and the kernel's marker share the serial port.
{ cat "$tmp/clean.log"; printf 'echo: sysr'; crash_window 1234; echo 'q-b'; } \
	>"$tmp/joined.log"
check "a marker user space's output ran into still opens the window" \
	"$checker" "$tmp/joined.log" 1234
{ crash_window 1234 | head -n 2; cat "$tmp/clean.log"; } >"$tmp/open.log"
check "a crash that never hands the machine back fails" \
	sh -c '! "$0" "$1" 1234 >/dev/null' "$checker" "$tmp/open.log"
# A line provoked on purpose: one of that text is expected with the nonce.
refusal='kexec_file: Enforced kernel signature verification failed (-61).'
{ cat "$tmp/clean.log"; echo "KSWITCH-LINE-EXPECTED 1234 $refusal"
	echo "[    8.222967] $refusal"; } >"$tmp/refusal.log"
check "an expected kernel line passes with its nonce" \
	"$checker" "$tmp/refusal.log" 1234
check "... and fails with another nonce" \
	sh -c '! "$0" "$1" 5678 >/dev/null' "$checker" "$tmp/refusal.log"
{ cat "$tmp/refusal.log"; echo "[    9.000000] $refusal"; } >"$tmp/twice.log"
check "... but only once" \
	sh -c '! "$0" "$1" 1234 >/dev/null' "$checker" "$tmp/twice.log"
tap_done
