#!/usr/bin/env bash
# Print the lines of a console log that fail a kernel scenario: WARN, BUG,
# Oops, panics, lockdep reports, kexec, EFI and TPM errors and I/O errors,
# in any kernel.
# Exits 1 if there is any, 0 if the log is clean.
#
# A scenario that crashes a slot kernel on purpose writes
# "KSWITCH-CRASH-EXPECTED <nonce>" to the kernel's log first (ks_expect_crash
# in tests/vm/guest/lib/guest.sh); from there to that kernel's last line
# ("kexec_slots: slot N (NAME) hands the machine back to slot M") its panic
# is expected. The marker comes after a timestamp, and user space's output
# may run into the line before it: the serial port is shared. With NONCE
# given, such windows are not checked; everything else, slot 0's resume
# after the crash included, still is.
#
# A scenario that provokes one kernel line on purpose (a refusal the kernel
# logs) prints "KSWITCH-LINE-EXPECTED <nonce> <text>" first: with NONCE
# given, one line of that text (after its timestamp) anywhere in the log
# is not checked, and the marker itself is not either.
#
# usage: check-console.sh LOG [NONCE]
set -euo pipefail

patterns=(
	'WARNING:'
	'BUG:'
	'kernel BUG'
	'Oops'
	'general protection fault'
	'Kernel panic'
	'Call Trace:'
	'possible circular locking dependency'
	'possible recursive locking'
	'inconsistent lock state'
	'suspicious RCU usage'
	'turning off the locking correctness validator'
	'Disabling lock debugging'
	'[Kk][Ee][Xx][Ee][Cc].*([Ff]ail|[Ee]rror)'
	'[Ee][Ff][Ii].*([Ff]ail|[Ee]rror|[Uu]nable)'
	'[Tt][Pp][Mm].*([Ff]ail|[Ee]rror)'
	'I/O error'
)

nonce=${2:-}
# The log without the windows of expected crashes.
checked_lines() {
	awk -v nonce="$nonce" '
		BEGIN { marker = "KSWITCH-LINE-EXPECTED " nonce " " }
		NR == FNR {
			if (nonce != "" && index($0, marker) == 1)
				expected[substr($0, length(marker) + 1)]++
			next
		}
		nonce != "" && index($0, marker) == 1 { next }
		{
			text = $0
			sub(/^\[ *[0-9]+\.[0-9]+\] /, "", text)
			if (expected[text] > 0) { expected[text]--; next }
		}
		nonce != "" && index($0, "KSWITCH-CRASH-EXPECTED " nonce) { skip = 1 }
		!skip { print }
		skip && /kexec_slots: slot [0-9]+ .* hands the machine back to slot [0-9]+$/ { skip = 0 }
		END { if (skip) print "Kernel panic: an expected crash never handed the machine back" }' \
		<(tr -d '\r' <"$1") <(tr -d '\r' <"$1")
}

regex=$(IFS='|'; echo "${patterns[*]}")
if checked_lines "$1" | grep -E -- "$regex"; then
	exit 1
fi
exit 0
