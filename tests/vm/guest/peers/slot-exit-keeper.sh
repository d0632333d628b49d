# A slot system that goes back to slot 0 each time it is entered, saying
# how many times it was (slot-exit.sh): it must outlive every other
# slot's poweroff, halt and reboot, and then shut down when slot 0's
# kswitch down asks it to.
. /usr/share/kswitch/tests/lib/guest.sh
n=0
while true; do
	n=$((n + 1))
	echo "$ks_name: entered $n times"
	kswitch 0 && continue
	# Refused once slot 0 has asked this system to shut down (kswitch
	# down): its kernel powers off meanwhile.
	echo "$ks_name: kswitch 0 refused; shutting down"
	sleep 1000000
done
