#!/usr/bin/env bash
# Print the lines of a console log that fail a kernel scenario: WARN, BUG,
# Oops, panics, lockdep reports and kexec errors, in either kernel.
# Exits 1 if there is any, 0 if the log is clean.
#
# usage: check-console.sh LOG
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
)

regex=$(IFS='|'; echo "${patterns[*]}")
if tr -d '\r' <"$1" | grep -E -- "$regex"; then
	exit 1
fi
exit 0
