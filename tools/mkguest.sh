#!/usr/bin/env bash
# Build a guest system's initramfs: busybox-static, kswitch, the test agents
# and scenarios, and extra files (a kernel, other systems' initramfs) and
# programs (copied with the shared libraries they need).
# The system's name is shown in its banner and prompt.
#
# usage: mkguest.sh NAME OUTPUT GEN_INIT_CPIO [--file SRC:DEST]...
#                   [--exe SRC:DEST]...
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
name=$1 output=$2 gen_init_cpio=$3
shift 3
files=() exes=()
while [ $# -gt 0 ]; do
	case $1 in
	--file) files+=("$2") ;;
	--exe) exes+=("$2") ;;
	*) echo "mkguest: unknown argument $1" >&2; exit 2 ;;
	esac
	shift 2
done

busybox=/bin/busybox
terminals=(linux vt100 vt102 vt220 xterm xterm-256color screen screen-256color
	tmux tmux-256color dumb)
terminfo_dirs=
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
list=$stage/initramfs.list

echo "$name" >"$stage/kswitch-system"

# The shared libraries of the given programs, at the same paths as here.
shared_libraries() {
	local libdirs=
	for lib in $( (ldd "$@" 2>/dev/null || true) |
		grep -o '/[^ ]*\.so[^ ]*' | sort -u); do
		real=$(readlink -f "$lib")
		case " $libdirs " in *" ${lib%/*} "*) ;; *)
			libdirs="$libdirs ${lib%/*}"
			echo "dir ${lib%/*} 0755 0 0" ;;
		esac
		echo "file $lib $real 0755 0 0"
	done
}

{
	for d in /bin /sbin /usr /usr/bin /usr/sbin /usr/share \
		/usr/share/kswitch /usr/share/kswitch/tests \
		/usr/share/kswitch/tests/peers /usr/share/kswitch/tests/lib \
		/etc /etc/kswitch \
		/etc/kswitch/slots.d /proc /sys /dev /tmp /run /root /boot \
		/lib /lib64 /lib/terminfo; do
		echo "dir $d 0755 0 0"
	done
	# kswitch menu on the serial console (TERM=linux or vt100) and in
	# the terminals the demo is watched from.
	for t in "${terminals[@]}"; do
		d=/lib/terminfo/${t:0:1}
		case " $terminfo_dirs " in *" $d "*) ;; *)
			terminfo_dirs="$terminfo_dirs $d"
			echo "dir $d 0755 0 0" ;;
		esac
		echo "file $d/$t $d/$t 0644 0 0"
	done
	echo "nod /dev/console 0600 0 0 c 5 1"
	echo "file /init $top/tools/guest/init 0755 0 0"
	echo "file /etc/profile $top/tools/guest/profile 0644 0 0"
	echo "file /etc/kswitch-system $stage/kswitch-system 0644 0 0"
	echo "file /bin/busybox $busybox 0755 0 0"
	"$busybox" --list-full | while read -r applet; do
		[ "$applet" = bin/busybox ] || echo "slink /$applet /bin/busybox 0777 0 0"
	done
	# The guest sides of the scenarios and the benchmark, what the systems
	# in slots run for them (peers/), and the libraries they source (lib/,
	# with the TAP library the host's tests use too), as
	# tests/vm/guest/README.md describes.
	for t in "$top"/tests/vm/guest/*.sh "$top"/bench/guest/*.sh; do
		echo "file /usr/share/kswitch/tests/${t##*/} $t 0644 0 0"
	done
	for t in "$top"/tests/vm/guest/peers/*.sh; do
		echo "file /usr/share/kswitch/tests/peers/${t##*/} $t 0644 0 0"
	done
	for t in "$top"/tests/vm/guest/lib/*.sh "$top"/tests/lib/tap.sh; do
		echo "file /usr/share/kswitch/tests/lib/${t##*/} $t 0644 0 0"
	done
	for f in "${files[@]}"; do
		echo "file ${f#*:} ${f%%:*} 0644 0 0"
	done
	for e in "${exes[@]}"; do
		echo "file ${e#*:} ${e%%:*} 0755 0 0"
	done
	shared_libraries "${exes[@]%%:*}"
} >"$list"

"$gen_init_cpio" "$list" | gzip -1 >"$output.tmp"
mv "$output.tmp" "$output"
