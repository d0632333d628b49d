# Guest side of tests/vm/desktop-crash.sh, in slot 0 (alpha) on the desktop
# machine: slot kernels that panic on the boot CPU, on the last CPU, and in
# a swap slot each hand the machine back to slot 0, which finds its
# devices working after each (all CPUs, framebuffer, TPM, UEFI variables,
# network, the records its writer fsynced to NVMe) and reads the crashed
# kernel's last console lines.
. /usr/share/kswitch/tests/lib/guest.sh
ks_start_net
ks_start_desktop

# crash NAME CPU [--swap]: load a system into slot 3 that panics on CPU as
# it boots, enter it, and check that it came back here, crashed.
crash() {
	local name=$1 cpu=$2 swap=$3
	kswitch load 3 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 256M \
		$swap --name "$name" \
		--append "console=ttyS0 ks.peer=crash ks.crash_cpu=$cpu ks.nonce=$ks_nonce" ||
		{ ks_fail "kswitch load 3 ($name) failed"; return; }
	kswitch 3 || ks_fail "kswitch 3 ($name) did not come back"
	kswitch list --json | grep -q "\"name\": \"$name\", \"state\": \"crashed\"" ||
		ks_fail "slot 3 is not marked crashed after $name's panic"
	kswitch log 3 >/tmp/crash.log || ks_fail "kswitch log 3 ($name) failed"
	grep -q "slot 3 ($name) hands the machine back to slot 0" /tmp/crash.log ||
		ks_fail "kswitch log 3 lacks $name's hand-back line"
	[ "$(cat /sys/devices/system/cpu/online)" = "$ks_cpus" ] ||
		ks_fail "after $name: CPUs online $(cat /sys/devices/system/cpu/online), wanted $ks_cpus"
	ks_check_desktop
	ks_check_net
	ks_check_disk
	echo "$ks_name: back from $name (counter $(ks_counter)$ks_desk, $ks_pings pings, $ks_disk_synced records on disk)"
	kswitch unload 3 || ks_fail "kswitch unload 3 ($name) failed"
}

mkdir -p $KS_STATE
ksagent counter $KS_STATE/counter &
ks_start_disk
crash crashy 0
crash crashy-cpu3 3
crash crashy-swap 0 --swap
exit $ks_fails
