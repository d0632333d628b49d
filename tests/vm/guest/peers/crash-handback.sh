# Guest side of tests/vm/crash-handback.sh, in slot 6 (visitor): switch to
# slot 3, whose kernel panics as it boots. It must hand the machine back
# here, to the system that entered it, not to slot 0. Read its last
# console lines from here, then go back to slot 0.
. /usr/share/kswitch/tests/lib/guest.sh
kswitch crashy || ks_fail "kswitch crashy did not come back here"
echo "$ks_name: back after slot 3 crashed"
kswitch list --json | grep -q '"name": "crashy", "state": "crashed"' ||
	ks_fail "slot 3 is not marked crashed"
# Not on the console: a panic there outside the crash fails the scenario.
kswitch log crashy >/tmp/crash.log || ks_fail "kswitch log crashy failed"
echo "$ks_name: kswitch log crashy: $(wc -l </tmp/crash.log) lines"
grep -q "Kernel panic - not syncing: sysrq triggered crash" /tmp/crash.log ||
	ks_fail "kswitch log crashy has no panic line"
# Its init's banner went to the console tty, long before the panic.
grep -q "=== kswitch guest system" /tmp/crash.log &&
	ks_fail "kswitch log crashy has user space's console output"
grep -qF 'peers/crash.sh: \x1b[2J cleared' /tmp/crash.log ||
	ks_fail "kswitch log crashy lacks the escaped line peers/crash.sh wrote"
grep -q "$(printf '\033')" /tmp/crash.log &&
	ks_fail "kswitch log crashy passed an escape character through"
kswitch 0 || ks_fail "kswitch 0 failed"
sleep 1000000
