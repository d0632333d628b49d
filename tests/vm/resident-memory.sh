#!/usr/bin/env bash
# A resident slot gets its memory wherever it is free: slot 0 lends the
# longest free runs, migrating what can move out of them, rather than the
# page allocator's free 4 MiB blocks, which a freshly booted or busy
# machine has too scattered for a slot's 8 ranges (issue 18, item 15).
# When the memory is free but in more pieces than that, the load says so
# (tests/vm/guest/resident-memory.sh).
source "$(dirname "$0")/../lib/tap.sh"

# A page reserved every 128 MiB from 256 MiB to 2.875 GiB.
holes=
for ((mib = 256; mib < 2944; mib += 128)); do
	holes="$holes${holes:+,}4K\$$(printf '0x%x' $((mib << 20)))"
done

tap_plan 4
log=$build/logs/resident-scattered.log
check "a 1 GiB resident slot loads from free memory scattered a page at a time, and runs" \
	"$top/tools/qemu-run.sh" --name resident-scattered --scenario resident-memory \
	--smp 2 --mem 3G --timeout 900 \
	--append 'ks.case=scattered memmap=4K$0x60000000,4K$0xa0000000' \
	--kernel "$bzimage" --initrd "$guests/alpha.cpio.gz"
check "  with less than 1 GiB in free 4 MiB blocks before it" \
	grep -q "MiB of it in free 4 MiB blocks" "$log"
log=$build/logs/resident-pieces.log
check "with a page reserved every 128 MiB, 512 MiB loads in several ranges and runs; 1 GiB is refused for its pieces, nothing changed" \
	"$top/tools/qemu-run.sh" --name resident-pieces --scenario resident-memory \
	--smp 2 --mem 3G --timeout 600 --append "ks.case=pieces memmap=$holes" \
	--kernel "$bzimage" --initrd "$guests/alpha.cpio.gz"
check "  the refusal named the ranges a slot has" \
	grep -q "more pieces than the 8 ranges" "$log"
tap_done
