# Guest side of make bench, cold boots: kexec reboot into bravo with mem=
# each size (at least 128 MiB), LOADS times per size, each boot stamping its arrival and
# starting the next; the last one exits 0, which ends the run.
#
#   bench-cold.sh NONCE LOADS DONE MIB...   (from bench.sh, in alpha)
#
# DONE boots of the first size are made. A boot continues the chain from
# its command line (ks.cold=LOADS,DONE,MIB,...), and takes the kernel and
# bravo's initramfs from the cpio archive on the disk (bench/run.sh), as
# bravo has none and the kernel measured may not be alpha's own.
. /usr/share/kswitch/tests/lib/guest.sh
if [ $# -gt 0 ]; then
	nonce=$1 loads=$2 done=$3
	shift 3
else
	ksbench stamp "$(ks_arg ks.label)-up"
	nonce=$ks_nonce
	set -- $(ks_arg ks.cold | tr , ' ')
	loads=$1 done=$2
	shift 2
fi
if [ "$done" -ge "$loads" ]; then
	shift
	done=0
fi
[ $# -gt 0 ] || exit 0
mib=$1
# A kernel may load no more than half its RAM (sanity_check_segment_list()):
# with less than 128 MiB this system could not load the next boot.
mem=$((mib < 128 ? 128 : mib))
files=/tmp/cold
if [ ! -f $files/bzImage ]; then
	mkdir -p $files
	(cd $files && cpio -i -d </dev/vda 2>/dev/null) ||
		{ echo "bench: no kernel and initramfs on /dev/vda"; exit 1; }
fi
# kexec -e does not sync; do it before the clock starts, not in the load.
sync
ksbench stamp "cold-$mib-load"
next="ks.scenario=bench-cold ks.nonce=$nonce ks.cold=$loads,$((done + 1)),$(echo "$@" | tr ' ' ,)"
kexec -l $files/bzImage --initrd=$files/bravo.cpio.gz \
	--mem-max=$(printf 0x%x $(((mem << 20) - 1))) \
	--append="console=ttyS0 panic=-1 mem=${mem}M ks.label=cold-$mib $next" ||
	{ echo "bench: kexec -l failed"; exit 1; }
ksbench stamp "cold-$mib-left"
kexec -e
echo "bench: kexec -e failed"
exit 1
