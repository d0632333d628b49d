# Guest side of tests/vm/isolation.sh, in slot 1: probe slot 0's kernel
# (ks.alpha=) and slot 2's memory (ks.other=) from here, then go back.
. /usr/share/kswitch/tests/lib/guest.sh
. /usr/share/kswitch/tests/lib/tap.sh
. /usr/share/kswitch/tests/lib/isolation.sh

alpha=$(ks_arg ks.alpha)
other=$(ks_arg ks.other)
grep 'Memory of another system' /proc/iomem | sed "s/^/$ks_name: /"
tap_plan 7

probe read "slot 1's /dev/mem reads the BIOS area below 1 MiB" \
	ksagent devmem 0xf0000
probe refused "slot 1's /dev/mem refuses slot 0's kernel at $alpha" \
	ksagent devmem "$alpha"
probe refused "slot 1's /dev/mem refuses slot 2's memory at $other" \
	ksagent devmem "$other"
probe absent "slot 1's /proc/kcore has no segment of slot 0's kernel" \
	ksagent kcore "$alpha" 4096
probe absent "slot 1's /proc/kcore has no segment of slot 2's memory" \
	ksagent kcore "$other" 4096
own=$(ksagent ranges 1 | sed -n 2p | cut -d' ' -f1)
probe data "slot 1's /proc/kcore reads its own memory" \
	ksagent kcore "0x$own" 4096
no_vmcore 1
# This system never exits: it checks its count itself, as tap_done would.
tap_ran_as_planned || ks_fail "probes: planned $tap_planned, ran $tap_n"
kswitch 0 || ks_fail "kswitch 0 failed"
sleep 1000000
