# Guest side of tests/vm/isolation.sh, in slot 0 (alpha): no system reads
# another's memory from its user space. Slot 0 loads two resident slots;
# its /proc/kcore reads their memory as zeros and its /dev/mem refuses it.
# Then slot 1 (peers/isolation.sh) probes slot 0's kernel and slot 2's
# memory from its side. /proc/vmcore exists in neither.
. /usr/share/kswitch/tests/lib/guest.sh
. /usr/share/kswitch/tests/lib/tap.sh
. /usr/share/kswitch/tests/lib/isolation.sh

# The ranges of a slot above 1 MiB, "START SIZE" in hex.
slot_memory() { ksagent ranges "$1" | tail -n +2; }

text=$(sed -n 's/^ *\([0-9a-f]*\)-[0-9a-f]* : Kernel code$/\1/p' /proc/iomem)
[ -n "$text" ] || ks_fail "no 'Kernel code' in /proc/iomem"
kswitch load 2 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 64M \
	--name bystander || ks_fail "kswitch load 2 failed"
other=$(slot_memory 2 | head -n 1 | cut -d' ' -f1)
kswitch load 1 /boot/bzImage --initrd /boot/echo.cpio.gz --mem 64M \
	--name prober --append "console=ttyS0 ks.peer=isolation ks.nonce=$ks_nonce ks.alpha=0x$text ks.other=0x$other" ||
	ks_fail "kswitch load 1 failed"
kswitch list

slot_memory 1 >/tmp/prober
# Two probes for each of slot 1's ranges, three others.
tap_plan $((2 * $(wc -l </tmp/prober) + 3))
probe data "slot 0's /proc/kcore reads its own kernel" \
	ksagent kcore "0x$text" 4096
while read -r start size; do
	probe zero "slot 0's /proc/kcore reads slot 1's 0x$start+0x$size as zeros" \
		ksagent kcore "0x$start" "0x$size"
	probe refused "slot 0's /dev/mem refuses slot 1's 0x$start" \
		ksagent devmem "0x$start"
done </tmp/prober
no_vmcore 0

kswitch prober || ks_fail "kswitch prober did not come back"
kswitch list --json | grep -q '"name": "prober", "state": "suspended"' ||
	ks_fail "slot 1 did not run its probes and come back"
kswitch unload 1 || ks_fail "kswitch unload 1 failed"
kswitch unload 2 || ks_fail "kswitch unload 2 failed"
probe data "slot 0's /proc/kcore reads its memory again after the unloads" \
	ksagent kcore "0x$(head -n 1 /tmp/prober | cut -d' ' -f1)" 4096
tap_done "$ks_fails"
