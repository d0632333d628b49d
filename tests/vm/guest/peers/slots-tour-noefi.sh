# A system loaded with --noefi on a UEFI machine (desktop-tour-uefi): it
# boots as on a BIOS machine, without UEFI, and still finds every CPU
# through the ACPI tables slot 0 named for it; then it goes back.
. /usr/share/kswitch/tests/lib/guest.sh
. /usr/share/kswitch/tests/lib/slots.sh

# kswitch's own loader, the only one that drops UEFI, leaves the jump-back
# placeholder on the command line, which the kernel's file load does not.
grep -q kexec_jump_back_entry= /proc/cmdline ||
	ks_fail "loaded with --noefi, yet not by kswitch's own loader"
if [ -d /sys/firmware/efi ]; then
	ks_fail "loaded with --noefi, yet /sys/firmware/efi is there"
elif [ ! -d /sys/firmware/acpi/tables ]; then
	ks_fail "loaded with --noefi, it found no ACPI tables"
else
	echo "$ks_name: no UEFI, ACPI, CPUs $(cat /sys/devices/system/cpu/present)"
fi
kswitch 0 || ks_fail "kswitch 0 failed"
# Not entered again in the scenario; stay quiet if it is.
while true; do sleep 60; done
