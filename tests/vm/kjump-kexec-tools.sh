#!/usr/bin/env bash
# The stock two-kernel kexec jump through kexec-tools (docs/kexec-tools.md).
source "$(dirname "$0")/../lib/tap.sh"
source "$(dirname "$0")/../lib/kjump.sh"
kjump_run kexec-tools
tap_done
