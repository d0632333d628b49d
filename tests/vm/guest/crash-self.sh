# A slot system that crashes as soon as it boots, on the boot CPU, so that
# its kernel hands the machine back to the system that entered it
# (manager-errors). It never returns: init would end the machine. The
# marker tells the host's console check that the panic from here to the
# hand-back is meant.
. /usr/share/kswitch/tests/lib.sh
echo "KSWITCH-CRASH-EXPECTED $ks_nonce"
taskset -c 0 sh -c 'echo c >/proc/sysrq-trigger'
ks_fail "still running after the crash it asked for"
sleep 1000000
