# Guest side of tests/vm/desktop-boot.sh: the distribution kernel on the
# desktop machine found every device the machine has. ks.efi=1: booted by
# UEFI, with runtime services.
. /usr/share/kswitch/tests/lib/guest.sh
t() {
	local what=$1
	shift
	if "$@"; then echo "ok - $what"; else ks_fail "$what"; fi
}
input() { grep -q "^N: Name=\"$1" /proc/bus/input/devices; }
# Devices on USB, PCI and serio are probed asynchronously and may appear
# after init starts (the tablet did, 0.1 s late, under a loaded TCG host):
# give them 60 s, a bound only a missing device reaches.
settled() {
	local i=0
	until "$@"; do
		[ $i -lt 600 ] || return 1
		i=$((i + 1))
		sleep 0.1
	done
}
t "4 CPUs online" [ "$(cat /sys/devices/system/cpu/online)" = 0-3 ]
t "memory above 4 GiB" sh -c "grep -q '^ *1[0-9a-f]\{8\}-.* : System RAM' /proc/iomem"
t "a DRM framebuffer (bochs) and fbcon" \
	sh -c 'grep -q bochs /sys/class/graphics/fb0/name && [ -e /dev/dri/card0 ]'
t "PS/2 keyboard" settled input "AT Translated Set 2 keyboard"
t "PS/2 mouse" settled sh -c 'grep -q "^N: Name=\".*PS/2" /proc/bus/input/devices'
t "USB keyboard" settled input "QEMU QEMU USB Keyboard"
t "USB tablet" settled input "QEMU QEMU USB Tablet"
t "NVMe disk" settled [ -b /dev/nvme0n1 ]
t "virtio-blk disk" settled [ -b /dev/vda ]
t "AHCI controller" settled sh -c 'ls /sys/bus/pci/drivers/ahci | grep -q :'
t "virtio-net card" settled [ -e /sys/class/net/eth0 ]
t "TPM 2.0 random bytes from /dev/tpmrm0" ksagent tpm /dev/tpmrm0
if [ "$(ks_arg ks.efi)" = 1 ]; then
	mount -t efivarfs efivarfs /sys/firmware/efi/efivars
	t "EFI runtime services: UEFI variables readable" \
		sh -c 'cat /sys/firmware/efi/efivars/* | wc -c | grep -qv "^0$"'
	t "EFI runtime map for loaded kernels" [ -d /sys/firmware/efi/runtime-map/0 ]
else
	t "no EFI under SeaBIOS" [ ! -d /sys/firmware/efi ]
fi
t "kswitch status sees 4 CPUs" \
	sh -c 'kswitch status | grep -qx "cpus:      0-3"'
exit $ks_fails
