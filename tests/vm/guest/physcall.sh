# Guest side of tests/vm/physcall.sh, in system alpha: call the cksum
# payload in physical mode ks.calls= times, each with a new argument, and
# check every result against cksum(1). The CPUs must be back after each.
. /usr/share/kswitch/tests/lib/guest.sh
calls=$(ks_arg ks.calls)

ks_start_agents
for i in $(seq "${calls:-200}"); do
	arg="call $i of ${calls:-200}: $(head -c 12 /dev/urandom | md5sum)"
	want=$(printf '%s' "$arg" | cksum)
	got=$(kswitch call /boot/cksum.elf "$arg") ||
		{ ks_fail "call $i: kswitch call failed"; break; }
	[ "$got" = "${want%% *}" ] ||
		{ ks_fail "call $i: payload says $got, cksum says ${want%% *}"; break; }
	[ $((i % 100)) -ne 0 ] && [ "$i" -ne "${calls:-200}" ] ||
		echo "$ks_name: $i calls ok"
done
[ "$(cat /sys/devices/system/cpu/online)" = "$ks_cpus" ] ||
	ks_fail "CPUs online $(cat /sys/devices/system/cpu/online), wanted $ks_cpus"
ks_check_pattern
exit $ks_fails
