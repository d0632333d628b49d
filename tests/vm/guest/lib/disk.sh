# virtio-blk checks across switches (sourced): before a switch a round writes
# a fresh 64 KiB block and fsyncs it; after the switch it drops the buffer
# cache and reads the block back from the device.
disk_init() {
	disk_dev=$1
	[ -b "$disk_dev" ] || ks_fail "no disk $disk_dev"
}

disk_write_block() {
	dd if=/dev/urandom of=/tmp/block bs=64k count=1 2>/dev/null
	dd if=/tmp/block of="$disk_dev" bs=64k seek=$(($1 % 256)) \
		conv=fsync 2>/dev/null || ks_fail "round $1: disk write failed"
	disk_sum=$(md5sum </tmp/block)
}

disk_check_block() {
	blockdev --flushbufs "$disk_dev"
	[ "$(dd if="$disk_dev" bs=64k skip=$(($1 % 256)) count=1 \
		iflag=direct 2>/dev/null | md5sum)" = "$disk_sum" ] ||
		ks_fail "round $1: disk block reads back wrong"
}
