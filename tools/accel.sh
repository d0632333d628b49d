#!/usr/bin/env bash
# Print the QEMU accelerator to use: kvm only where it really works, tcg
# otherwise. /dev/kvm exists on machines whose CPU has no virtualization
# extension (no VMX or SVM flag), and a KVM guest there hangs at "Booting
# from ROM", so its presence is not enough.
# KSWITCH_ACCEL overrides the probe.
set -euo pipefail
if [ -n "${KSWITCH_ACCEL:-}" ]; then
	echo "$KSWITCH_ACCEL"
elif [ -r /dev/kvm ] && [ -w /dev/kvm ] &&
	grep -qwE 'vmx|svm' /proc/cpuinfo; then
	echo kvm
else
	echo tcg
fi
