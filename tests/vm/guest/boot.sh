# Guest side of tests/vm/boot.sh: the system booted the patched kernel with
# its name, all its CPUs and kexec support, and kswitch runs on it.
fails=0
t() {
	what=$1
	shift
	if "$@"; then echo "ok - $what"; else echo "not ok - $what"; fails=1; fi
}
name=$(cat /etc/kswitch-system)
t "system name is alpha" [ "$name" = alpha ]
t "2 CPUs online" [ "$(cat /sys/devices/system/cpu/online)" = 0-1 ]
t "kernel has kexec (/sys/kernel/kexec_loaded)" [ -r /sys/kernel/kexec_loaded ]
t "kswitch status names the system" \
	sh -c 'kswitch status | grep -qx "system:    alpha"'
t "kswitch status sees the CPUs" \
	sh -c 'kswitch status | grep -qx "cpus:      0-1"'
exit $fails
