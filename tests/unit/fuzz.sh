#!/usr/bin/env bash
# The user-space parsers under libFuzzer, ASan and UBSan for a short while
# each (tests/fuzz/README.md); 'make fuzz' runs them for 10 minutes each.
export KS_FUZZ_SECS=${KS_FUZZ_SECS:-15}
exec bash "$(dirname "$0")/../fuzz/run.sh"
