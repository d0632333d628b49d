#!/usr/bin/env bash
# Build a Debian 12 system on an ext4 disk image, with mmdebstrap from
# Debian's packages: systemd, udev, DHCP on every wired card
# (systemd-networkd), a getty on tty1 and on the serial console, and the
# given .deb files (kswitch, the patched kernel) installed by apt inside.
#
#   tools/mkdebian.sh [--esp] [--cmdline S] [--overlay DIR]... [--enable UNIT]...
#                     NAME COLOUR IMAGE SIZE [DEB...]
#   tools/mkdebian.sh --uuid NAME
#
# NAME is the system's host name; COLOUR (an ANSI colour number, 1-6) the
# background of its consoles, so a screendump shows which system is on
# screen. The root file system's UUID is derived from NAME, so a profile
# or a boot entry can name it before it is built (uuid_of below).
#
# --esp makes IMAGE a whole disk that boots under UEFI: a GPT, an EFI
# system partition holding GRUB, and the root file system, whose GRUB menu
# boots each kernel installed with root=UUID= and --cmdline; without it,
# IMAGE is the bare ext4 file system. --overlay copies DIR over the root
# file system last (a scenario's units and scripts), and --enable enables
# a unit of the system's then. --uuid prints the UUID system NAME's root
# file system gets, and does nothing else.
#
# Downloaded packages are kept under $KSWITCH_CACHE/apt, so a rebuild does
# not fetch them again. Root is needed: mmdebstrap runs maintainer scripts
# in a chroot.
set -euo pipefail

usage() {
	echo "usage: $0 [--esp] [--cmdline S] [--overlay DIR]... [--enable UNIT]... NAME COLOUR IMAGE SIZE [DEB...]" >&2
	echo "       $0 --uuid NAME" >&2
	exit 2
}

# The one place a system's root UUID is made: from its name.
uuid_of() { uuidgen --sha1 --namespace @dns --name "$1.kswitch.invalid"; }

esp= cmdline= overlays=() units=()
while [ $# -gt 0 ]; do
	case $1 in
	--esp) esp=1; shift ;;
	--cmdline) cmdline=$2; shift 2 ;;
	--overlay) overlays+=("$(realpath "$2")"); shift 2 ;;
	--enable) units+=("$2"); shift 2 ;;
	--uuid) [ $# -eq 2 ] || usage; uuid_of "$2"; exit 0 ;;
	-*) usage ;;
	*) break ;;
	esac
done
[ $# -ge 4 ] || usage
name=$1 colour=$2 image=$3 size=$4
shift 4
debs=()
for d in "$@"; do debs+=("$(realpath "$d")"); done

die() { echo "mkdebian: $*" >&2; exit 1; }
[[ $name =~ ^[a-z][a-z0-9-]{0,30}$ ]] || die "bad system name '$name'"
[[ $colour =~ ^[1-6]$ ]] || die "colour must be 1 to 6, not '$colour'"
[ "$(id -u)" -eq 0 ] || die "needs root (mmdebstrap runs maintainer scripts)"

cache=${KSWITCH_CACHE:-/var/cache/kswitch}/apt
uuid=$(uuid_of "$name")
work=$(mktemp -d "${TMPDIR:-/tmp}/mkdebian.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$cache" "$root"

# What every system has. initramfs-tools: root=UUID= needs an initramfs
# to find the disk; the kernel alone knows only device names.
packages=systemd-sysv,udev,dbus,kmod,initramfs-tools,e2fsprogs,iproute2
packages+=,iputils-ping,procps,less,bash-completion,man-db
[ -z "$esp" ] || packages+=,grub-efi-amd64-bin,grub-common

# The file systems table goes in before the kernel package, whose
# initramfs takes fsck for the root file system's type from it: without
# it, the root is never checked at boot.
printf 'UUID=%s\t/\text4\terrors=remount-ro\t0\t1\n' "$uuid" >"$work/fstab"

# The given packages go in by apt inside the chroot, as a user installs
# them (apt-get install ./FILE.deb), once the system is there: apt outside
# would hand dpkg inside paths that only exist outside.
local_debs=(--customize-hook="upload $work/fstab /etc/fstab")
if [ ${#debs[@]} -gt 0 ]; then
	local_debs+=(--customize-hook='mkdir -p "$1/tmp/debs"'
		--customize-hook="copy-in ${debs[*]} /tmp/debs"
		--customize-hook='chroot "$1" sh -c "apt-get install -y -q /tmp/debs/*.deb && rm -r /tmp/debs"')
fi

# The system's own files, written into the chroot once packages are in.
customize() {
	local r=$1 o esc=$'\e'

	echo "$name" >"$r/etc/hostname"
	printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n' "$name" >"$r/etc/hosts"
	# The banner clears the console in the system's colour: ESC[2J fills
	# the screen with the background just set.
	printf '%s[0;37;4%sm%s[2J%s[H  %s: Debian GNU/Linux 12 under kswitch  \\l\n\n' \
		"$esc" "$colour" "$esc" "$esc" "$name" >"$r/etc/issue"
	mkdir -p "$r/etc/systemd/network"
	cat >"$r/etc/systemd/network/80-wired.network" <<-EOF
	[Match]
	Type=ether

	[Network]
	DHCP=yes
	EOF
	chroot "$r" systemctl enable --quiet systemd-networkd
	chroot "$r" systemctl enable --quiet getty@tty1
	# A test system: root logs in without a password on its consoles.
	chroot "$r" passwd --quiet -d root
	[ -z "$esp" ] || grub_menu "$r"
	for o in "${overlays[@]}"; do cp -a "$o/." "$r/"; done
	[ ${#units[@]} -eq 0 ] || chroot "$r" systemctl enable --quiet "${units[@]}"
}

# GRUB's menu: an entry for each kernel in /boot, newest first. Written
# here because update-grub needs the disk as a block device, which an
# image built without loop devices is not; on a user's machine,
# grub-efi-amd64's update-grub writes this file.
grub_menu() {
	local r=$1 v cfg=$1/boot/grub/grub.cfg

	mkdir -p "$r/boot/grub"
	printf 'set timeout=1\nset default=0\n' >"$cfg"
	for v in $(cd "$r/boot" && ls vmlinuz-* 2>/dev/null |
		sed 's/^vmlinuz-//' | sort -rV); do
		cat >>"$cfg" <<-EOF
		menuentry 'Debian GNU/Linux, $name, Linux $v' {
		  linux /boot/vmlinuz-$v root=UUID=$uuid ro $cmdline
		  initrd /boot/initrd.img-$v
		}
		EOF
	done
}

echo "mkdebian: $name: Debian 12 with mmdebstrap"
# The apt cache goes in before the packages and comes out after them.
mmdebstrap --variant=minbase --include="$packages" \
	--setup-hook='mkdir -p "$1/var/cache/apt/archives"' \
	--setup-hook="sync-in $cache /var/cache/apt/archives" \
	"${local_debs[@]}" --customize-hook="sync-out /var/cache/apt/archives $cache" \
	--skip=download/empty --skip=cleanup/apt/cache \
	bookworm "$root" >"$work/mmdebstrap.log" 2>&1 ||
	{ tail -n 20 "$work/mmdebstrap.log" >&2; die "mmdebstrap failed"; }
rm -f "$root"/var/cache/apt/archives/*.deb
customize "$root"

# mkfs.ext4 -d fills the file system from the directory: no loop device.
mkfs_root() {
	rm -f "$1"
	truncate -s "$2" "$1"
	mkfs.ext4 -q -F -L "$name" -U "$uuid" -d "$root" "$1"
}

if [ -z "$esp" ]; then
	mkfs_root "$image" "$size"
	echo "mkdebian: $name: $image, root=UUID=$uuid"
	exit 0
fi

# A whole disk: 64 MiB EFI system partition at 1 MiB, root after it.
esp_mib=64
total_mib=$(numfmt --from=iec "$size" | awk '{ print int($1 / 1048576) }')
root_mib=$((total_mib - esp_mib - 2))
[ "$root_mib" -gt 256 ] || die "size $size leaves no room for the root"
mkfs_root "$work/root.img" "${root_mib}M"

# GRUB as a removable-media loader (EFI/BOOT/BOOTX64.EFI), so that OVMF
# boots it without a boot entry; its built-in configuration finds the
# root file system by UUID and reads /boot/grub/grub.cfg there, which the
# system's own kernel packages keep in step (see below).
# all_video: without a video driver GRUB hands the kernel no framebuffer
# ("no suitable video mode found"), and the screen stays blank until DRM.
cat >"$work/early.cfg" <<EOF
insmod all_video
search --no-floppy --fs-uuid --set=root $uuid
set prefix=(\$root)/boot/grub
configfile /boot/grub/grub.cfg
EOF
grub-mkstandalone -O x86_64-efi -o "$work/BOOTX64.EFI" \
	--modules="part_gpt ext2 search_fs_uuid configfile linux" \
	"boot/grub/grub.cfg=$work/early.cfg"
mkfs.vfat -C -n ESP "$work/esp.img" $((esp_mib * 1024)) >/dev/null
mmd -i "$work/esp.img" ::/EFI ::/EFI/BOOT
mcopy -i "$work/esp.img" "$work/BOOTX64.EFI" ::/EFI/BOOT/BOOTX64.EFI

rm -f "$image"
truncate -s "${total_mib}M" "$image"
sfdisk -q "$image" <<EOF
label: gpt
start=1MiB, size=${esp_mib}MiB, type=uefi, name=ESP
start=$((esp_mib + 1))MiB, size=${root_mib}MiB, type=linux, name=$name
EOF
dd if="$work/esp.img" of="$image" bs=1M seek=1 conv=notrunc status=none
dd if="$work/root.img" of="$image" bs=1M seek=$((esp_mib + 1)) \
	conv=notrunc,sparse status=none
echo "mkdebian: $name: $image (UEFI disk), root=UUID=$uuid"
