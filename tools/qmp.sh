#!/usr/bin/env bash
# Send commands to QEMU's machine protocol on a Unix socket (qemu-run.sh
# --qmp) and print the answers, one JSON object a line.
#
# usage: qmp.sh SOCK COMMAND [ARGUMENTS-JSON] [COMMAND [ARGUMENTS-JSON]]...
#   qmp.sh vm.qmp screendump '{"filename": "/tmp/s.ppm"}'
# Exits 1 if QEMU answers any command with an error.
set -euo pipefail
sock=${1:?usage: qmp.sh SOCK COMMAND [ARGUMENTS-JSON]...}
shift
req='{"execute": "qmp_capabilities"}'
n=0
while [ $# -gt 0 ]; do
	cmd=$1 args=
	shift
	if [ $# -gt 0 ] && [ "${1:0:1}" = "{" ]; then
		args=", \"arguments\": $1"
		shift
	fi
	req="$req
{\"execute\": \"$cmd\"$args}"
	n=$((n + 1))
done
# The greeting, one answer per command, and no events wanted.
out=$(printf '%s\n' "$req" | socat -t 5 - "UNIX-CONNECT:$sock" |
	grep -v '"event"' | tail -n +2)
echo "$out" | tail -n "$n"
! grep -q '"error"' <<<"$out"
