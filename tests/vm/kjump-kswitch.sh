#!/usr/bin/env bash
# The two-kernel kexec jump through kswitch load and kswitch jump.
source "$(dirname "$0")/../lib/tap.sh"
source "$(dirname "$0")/../lib/kjump.sh"
kjump_run kswitch
tap_done
