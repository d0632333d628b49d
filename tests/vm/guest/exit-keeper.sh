# A slot system that goes back to slot 0 each time it is entered, saying
# how many times it was (slot-exit.sh): it must outlive every other
# slot's poweroff, halt and reboot.
. /usr/share/kswitch/tests/lib.sh
n=0
while true; do
	n=$((n + 1))
	echo "$ks_name: entered $n times"
	kswitch 0 || ks_fail "kswitch 0 failed"
done
