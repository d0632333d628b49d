# A slot system that ends itself as soon as it boots, as ks.exit= says
# (slot-exit.sh): poweroff -f, halt -f, reboot -f or kexec -e, which end
# this system alone and hand the machine back to slot 0, or sysrq-b, an emergency
# restart, which ends it as a panic does (hence the marker, which tells
# the host's console check that the panic is meant).
. /usr/share/kswitch/tests/lib/guest.sh
how=$(ks_arg ks.exit)
echo "$ks_name: $how"
case $how in
poweroff) poweroff -f ;;
halt) halt -f ;;
reboot) reboot -f ;;
kexec) kexec -l /boot/bzImage --append="console=ttyS0" && kexec -e ;;
sysrq-b)
	ks_expect_crash
	echo b >/proc/sysrq-trigger
	;;
esac
ks_fail "still running after $how"
sleep 1000000
