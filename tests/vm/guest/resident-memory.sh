# Guest side of tests/vm/resident-memory.sh, in slot 0 (alpha): a resident
# slot gets its memory wherever it is free, in as few ranges as it can.
# ks.case=scattered: booted with a page reserved at 1.5 and 2.5 GiB (no
# free 1 GiB range), free memory left a page here and a page there; a 1 GiB
# slot loads all the same and runs. ks.case=pieces: a page reserved every
# 128 MiB; 512 MiB loads in several ranges and runs, 1 GiB would need more
# ranges than a slot has and is refused for that, changing nothing.
. /usr/share/kswitch/tests/lib/guest.sh

# load SLOT SIZE: a system that checks its RAM is SIZE and comes back
load() {
	kswitch load "$1" /boot/bzImage --initrd /boot/echo.cpio.gz --mem "$2" \
		--name "mem$1" --append "console=ttyS0 ks.peer=visit ks.size=$2 ks.nonce=$ks_nonce"
}

# The ranges of SLOT above its low window.
ranges() { ksagent ranges "$1" | tail -n +2 | wc -l; }

# Free memory in blocks of 4 MiB (order 10), in MiB, from /proc/buddyinfo.
free_blocks_mib() {
	awk '{ n += $NF } END { print n * 4 }' /proc/buddyinfo
}

visit() {
	kswitch "$1" || ks_fail "kswitch $1 did not come back"
	kswitch unload "$1" || ks_fail "kswitch unload $1 failed"
}

case $(ks_arg ks.case) in
scattered)
	free=$(awk '/^MemFree:/ { print int($2 / 1024) }' /proc/meminfo)
	ksagent fragment $(((free - 192) / 2)) /tmp/fragmented &
	while [ ! -s /tmp/fragmented ]; do
		kill -0 $! 2>/dev/null || ks_fail "ksagent fragment failed"
		[ "$ks_fails" = 0 ] || exit 1
		sleep 1
	done
	blocks=$(free_blocks_mib)
	echo "alpha: $(awk '/^MemFree:/ { print int($2 / 1024) }' /proc/meminfo) MiB free, $blocks MiB of it in free 4 MiB blocks"
	# What the page allocator's free blocks alone could not give.
	[ "$blocks" -lt 1024 ] || ks_fail "free memory is not scattered enough to test"
	if load 1 1G; then
		echo "alpha: slot 1 has 1 GiB in $(ranges 1) ranges"
		visit 1
	else
		ks_fail "a 1 GiB resident slot did not load from scattered free memory"
	fi
	;;
pieces)
	load 1 512M || ks_fail "512 MiB did not load between the reserved pages"
	n=$(ranges 1)
	echo "alpha: slot 1 has 512 MiB in $n ranges"
	[ "$n" -ge 2 ] || ks_fail "512 MiB in $n range, past the reserved pages"
	before=$(kswitch list --json)
	out=$(load 2 1G 2>&1)
	rc=$?
	echo "alpha: load 1G: exit $rc: $out"
	[ "$rc" = 8 ] || ks_fail "1 GiB in more than 7 pieces: exit $rc, not 8"
	[ "$(echo "$out" | wc -l)" = 1 ] && echo "$out" | grep -q "more pieces than the 8 ranges" ||
		ks_fail "the refusal does not say which limit was hit"
	[ "$(kswitch list --json)" = "$before" ] || ks_fail "the refused load changed the slots"
	visit 1
	;;
*)
	ks_fail "no ks.case= given"
	;;
esac
exit $ks_fails
