# A slot system whose kernel locks up as soon as it boots (lockup.sh):
# LKDTM's ks.lockup= (HARDLOCKUP spins with interrupts off, SOFTLOCKUP
# with preemption off) on CPU ks.lockup_cpu=. Its lockup detector panics
# it, which hands the machine back; it never returns. The marker tells
# the host's console check that the panic from here to the hand-back is
# meant.
. /usr/share/kswitch/tests/lib/guest.sh
what=$(ks_arg ks.lockup)
cpu=$(ks_arg ks.lockup_cpu)
grep -q "softlockup_panic=1 nmi_watchdog=panic" /proc/cmdline ||
	ks_fail "kswitch did not ask this kernel to panic on a lockup"
mount -t debugfs none /sys/kernel/debug || ks_fail "cannot mount debugfs"
ks_expect_crash
echo "$ks_name: $what on CPU $cpu"
taskset -c "$cpu" sh -c "echo $what >/sys/kernel/debug/provoke-crash/DIRECT"
ks_fail "still running after the $what it asked for"
sleep 1000000
