#!/usr/bin/env bash
# Build a guest system's initramfs: busybox-static, kswitch, the test agents
# and scenarios, and any extra files (a kernel, other systems' initramfs).
# The system's name is shown in its banner and prompt.
#
# usage: mkguest.sh NAME OUTPUT GEN_INIT_CPIO KSWITCH [SRC:DEST]...
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
name=$1 output=$2 gen_init_cpio=$3 kswitch=$4
shift 4

busybox=/bin/busybox
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
list=$stage/initramfs.list

echo "$name" >"$stage/kswitch-system"

{
	for d in /bin /sbin /usr /usr/bin /usr/sbin /usr/share \
		/usr/share/kswitch /usr/share/kswitch/tests /etc /proc /sys \
		/dev /tmp /run /root /boot; do
		echo "dir $d 0755 0 0"
	done
	echo "nod /dev/console 0600 0 0 c 5 1"
	echo "file /init $top/tools/guest/init 0755 0 0"
	echo "file /etc/profile $top/tools/guest/profile 0644 0 0"
	echo "file /etc/kswitch-system $stage/kswitch-system 0644 0 0"
	echo "file /bin/busybox $busybox 0755 0 0"
	"$busybox" --list-full | while read -r applet; do
		[ "$applet" = bin/busybox ] || echo "slink /$applet /bin/busybox 0777 0 0"
	done
	echo "file /usr/sbin/kswitch $kswitch 0755 0 0"
	for t in "$top"/tests/vm/guest/*.sh; do
		echo "file /usr/share/kswitch/tests/${t##*/} $t 0644 0 0"
	done
	for extra in "$@"; do
		echo "file ${extra#*:} ${extra%%:*} 0644 0 0"
	done
} >"$list"

"$gen_init_cpio" "$list" | gzip -1 >"$output.tmp"
mv "$output.tmp" "$output"
