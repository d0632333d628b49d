# A slot system that crashes as soon as it boots, on CPU ks.crash_cpu= (the
# boot CPU, 0, by default), so that its kernel hands the machine back to the
# system that entered it (crash-handback, manager-errors, desktop-crash).
# It never returns: init would end the machine. The marker tells the
# host's console check that the panic from here to the hand-back is meant.
. /usr/share/kswitch/tests/lib/guest.sh
ks_expect_crash
# A console line with an escape sequence in it: kswitch log must not
# pass it to the terminal as it is.
printf 'peers/crash.sh: \033[2J cleared\n' >/dev/kmsg
taskset -c "$(ks_arg ks.crash_cpu | grep . || echo 0)" sh -c 'echo c >/proc/sysrq-trigger'
ks_fail "still running after the crash it asked for"
sleep 1000000
