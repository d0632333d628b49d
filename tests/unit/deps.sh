#!/usr/bin/env bash
# make deps is idempotent and quiet once everything is installed.
source "$(dirname "$0")/../lib/tap.sh"
tap_plan 2
out=$("$top/tools/deps.sh" 2>&1); rc=$?
check "deps succeeds" test $rc -eq 0
check "deps is silent when all packages are present" test -z "$out"
tap_done
