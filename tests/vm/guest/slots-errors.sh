# Guest side of tests/vm/slots-errors.sh, in slot 0 (alpha): load slot 1,
# then let slots-errno make every bad request.
. /usr/share/kswitch/tests/lib/guest.sh

kswitch load 1 /boot/bzImage --initrd /boot/bravo.cpio.gz --mem 64M \
	--name bravo || { ks_fail "kswitch load 1 failed"; exit 1; }
slots-errno || ks_fail "slots-errno: a bad request was not refused as it should be"
exit $ks_fails
