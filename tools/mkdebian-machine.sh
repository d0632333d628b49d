#!/usr/bin/env bash
# The Debian machine: three Debian 12 systems, each on a disk of its own,
# with the patched kernel and kswitch installed from their packages
# (make deb), as docs/debian.md has a user set them up:
#
#   alpha.img    slot 0: a UEFI disk (GRUB on an EFI system partition),
#                kswitch.service enabled, and a slot profile for each of
#                the other two, which it loads at boot
#   bravo.img    slot 1, resident, hotkey 1
#   charlie.img  slot 2, resident, hotkey 2
#
#   tools/mkdebian-machine.sh [--overlay DIR]... [--enable UNIT]...
#                             OUT KERNEL_DEB KSWITCH_DEB
#
# --overlay adds DIR to every system and --enable enables UNIT in each
# (tests/vm/debian: the scenario's agent). charlie also has, in /root/debs, kswitch's package and
# the same package one version up, for the scenario to install, upgrade
# and remove.
#
# The disks are built again only when what goes into them changed: the
# key of the scripts, the overlays and the packages is kept in OUT/key.
set -euo pipefail

usage() {
	echo "usage: $0 [--overlay DIR]... [--enable UNIT]... OUT KERNEL_DEB KSWITCH_DEB" >&2
	exit 2
}

die() { echo "mkdebian-machine: $*" >&2; exit 1; }

tools=$(cd "$(dirname "$0")" && pwd)
overlays=() common=()
while [ $# -gt 0 ]; do
	case $1 in
	--overlay) overlays+=("$(realpath "$2")")
		common+=(--overlay "$(realpath "$2")"); shift 2 ;;
	--enable) common+=(--enable "$2"); shift 2 ;;
	-*) usage ;;
	*) break ;;
	esac
done
[ $# -eq 3 ] || usage
out=$1 kernel_deb=$(realpath "$2") kswitch_deb=$(realpath "$3")
[ -f "$kernel_deb" ] || die "no kernel package $kernel_deb; run make deb"
[ -f "$kswitch_deb" ] || die "no kswitch package $kswitch_deb; run make deb"

# What a package installs: its control fields, and each file's checksum,
# or for a program its build ID. A package built again from the same
# source differs only in its programs' debug links (the checksum of a
# debug file that is not the same twice), and must not build the disks
# again.
package_key() {
	local dir f id

	dir=$(mktemp -d "${TMPDIR:-/tmp}/mkdebian-machine.XXXXXX")
	dpkg-deb -I "$1" control
	dpkg-deb -x "$1" "$dir"
	(cd "$dir" && find . -type f | sort | while read -r f; do
		id=$(readelf -n "$f" 2>/dev/null | awk '/Build ID/ { print $3 }')
		if [ -n "$id" ]; then echo "$id $f"; else sha256sum "$f"; fi
	done)
	rm -rf "$dir"
}

# Everything that goes into the disks; the Debian archive aside.
key() {
	{
		sha256sum "$tools/mkdebian.sh" "$tools/mkdebian-machine.sh" |
			awk '{ print $1 }'
		package_key "$kernel_deb"
		package_key "$kswitch_deb"
		echo "${common[@]}"
		for o in "${overlays[@]}"; do
			(cd "$o" && find . -type f -print0 | sort -z |
				xargs -0r sha256sum && find . -type f -printf '%p %m\n' | sort)
		done
	} | sha256sum | cut -c1-16
}
key=$(key)
if [ "$(cat "$out/key" 2>/dev/null)" = "$key" ] &&
	[ -f "$out/alpha.img" ] && [ -f "$out/bravo.img" ] &&
	[ -f "$out/charlie.img" ]; then
	echo "mkdebian-machine: up to date (key $key)"
	exit 0
fi

release=$(dpkg-deb -f "$kernel_deb" Package)
release=${release#linux-image-}
work=$(mktemp -d "${TMPDIR:-/tmp}/mkdebian-machine.XXXXXX")
trap 'rm -rf "$work"' EXIT
rm -f "$out/key"
mkdir -p "$out"

# The slots' consoles: the kernel's on the first serial port, as slot 0's.
console="console=ttyS0,115200"

# alpha's profiles. A slot boots the kernel and initrd of alpha's /boot,
# which the same kernel package put in every system's /boot and
# /lib/modules: the slot's own disk is mounted by its own system, and
# reading it from another would need it mounted twice (docs/debian.md).
mkdir -p "$work/alpha/etc/kswitch/slots.d"
profile() { # NAME SLOT
	cat <<-EOF
	# $1: a Debian 12 system on its own disk, in slot $2
	name    = $1
	kernel  = /boot/vmlinuz-$release
	initrd  = /boot/initrd.img-$release
	cmdline = root=UUID=$("$tools/mkdebian.sh" --uuid "$1") ro $console
	memory  = 1G
	kind    = resident
	slot    = $2
	hotkey  = $2
	EOF
}
profile bravo 1 >"$work/alpha/etc/kswitch/slots.d/bravo.conf"
profile charlie 2 >"$work/alpha/etc/kswitch/slots.d/charlie.conf"

# charlie's packages to install, upgrade and remove: the one built, and
# the same one version up.
mkdir -p "$work/charlie/root/debs" "$work/up"
cp "$kswitch_deb" "$work/charlie/root/debs/"
dpkg-deb -R "$kswitch_deb" "$work/up/pkg"
version=$(dpkg-deb -f "$kswitch_deb" Version)
sed -i "s/^Version: .*/Version: $version+1/" "$work/up/pkg/DEBIAN/control"
dpkg-deb -b --root-owner-group "$work/up/pkg" \
	"$work/charlie/root/debs/kswitch_${version}+1_amd64.deb" >/dev/null

"$tools/mkdebian.sh" --esp \
	--cmdline "$console kexec_slots.name=alpha kexec_slots.hotkey=ctrl+alt" \
	"${common[@]}" --overlay "$work/alpha" --enable kswitch.service \
	alpha 4 "$out/alpha.img" 3G "$kernel_deb" "$kswitch_deb"
"$tools/mkdebian.sh" "${common[@]}" \
	bravo 2 "$out/bravo.img" 1536M "$kernel_deb" "$kswitch_deb"
"$tools/mkdebian.sh" "${common[@]}" --overlay "$work/charlie" \
	charlie 1 "$out/charlie.img" 1536M "$kernel_deb" "$kswitch_deb"
echo "$release" >"$out/release"
echo "$key" >"$out/key"
echo "mkdebian-machine: alpha, bravo and charlie in $out (key $key)"
