# Guest side of tests/vm/boot.sh: the system booted the patched kernel with
# its name, all its CPUs and kexec support, and kswitch runs on it.
. /usr/share/kswitch/tests/lib/tap.sh
tap_plan 5
name=$(cat /etc/kswitch-system)
check "system name is alpha" [ "$name" = alpha ]
check "2 CPUs online" [ "$(cat /sys/devices/system/cpu/online)" = 0-1 ]
check "kernel has kexec (/sys/kernel/kexec_loaded)" [ -r /sys/kernel/kexec_loaded ]
check "kswitch status names the system" \
	sh -c 'kswitch status | grep -qx "system:    alpha"'
check "kswitch status sees the CPUs" \
	sh -c 'kswitch status | grep -qx "cpus:      0-1"'
tap_done
