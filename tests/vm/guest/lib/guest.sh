# Shared guest-side helpers of the jump scenarios (sourced, busybox sh).
#
# Each system runs a counter and a 64 MiB memory pattern (tests/agents). Around
# every switch it records its counter, and when it runs again it checks that
# the counter did not move while it was away but moves now, that the pattern
# is intact, and that all its CPUs are back online.

KS_STATE=/tmp/ks
# A system stays this long between switches. Another system's turn (its
# stay, its checks and two switches) lasts well over a second under TCG, so
# a counter that ran while its system was away would move by 90 or more.
KS_STAY=${KS_STAY:-0.5}
# The counter may still tick a few times while the switch freezes tasks.
KS_COUNTER_SLACK=30

ks_name=$(cat /etc/kswitch-system)
ks_cpus=$(cat /sys/devices/system/cpu/online)
ks_fails=0

ks_arg() {
	sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" /proc/cmdline
}
ks_nonce=$(ks_arg ks.nonce)
# A system with little RAM (a small memory slot) gets a smaller pattern.
KS_PATTERN_MIB=$(ks_arg ks.pattern)
KS_PATTERN_MIB=${KS_PATTERN_MIB:-64}

# ks_fail MESSAGE: one line the host runner fails the scenario on.
ks_fail() {
	echo "KSWITCH-FAIL $ks_nonce $ks_name: $*"
	ks_fails=$((ks_fails + 1))
}

ks_counter() { cat $KS_STATE/counter; }

# ks_expect_crash: tell the host's console check (tools/check-console.sh)
# that the panic a kernel prints from here to its hand-back is meant.
# Through the kernel's log, not the console tty: tty output waits in a
# buffer the UART drains by interrupt, so a panic right after it prints
# first, and the hand-back then throws the rest away. The kernel's log
# prints in the order it was written.
ks_expect_crash() {
	echo "KSWITCH-CRASH-EXPECTED $ks_nonce" >/dev/kmsg
}

# KASLR ran for this kernel (also when a loader, not firmware, started it),
# unless its command line turned KASLR off, as the stock kexec-tools flow
# must for its second kernel (docs/kexec-tools.md). The decompressor sets
# KASLR_FLAG in loadflags (boot_params offset 0x211) when it randomizes;
# kswitch's loader takes the header from the image, where the flag is
# clear. The text address alone cannot tell: about one boot in 500 KASLR
# draws the link address itself.
ks_check_kaslr() {
	local text flags
	grep -qw nokaslr /proc/cmdline && return
	text=$(grep ' _text$' /proc/kallsyms | cut -d' ' -f1)
	flags=$(od -An -tu1 -j529 -N1 /sys/kernel/boot_params/data | tr -d ' ')
	[ -n "$flags" ] && [ $((flags & 2)) -ne 0 ] ||
		ks_fail "loadflags ${flags:-?} lack KASLR_FLAG: KASLR is off"
	echo "$ks_name: kernel text at 0x$text"
}

ks_start_agents() {
	ks_check_kaslr
	mkdir -p $KS_STATE
	ksagent counter $KS_STATE/counter &
	ksagent pattern "$KS_PATTERN_MIB" $KS_STATE/pattern &
	ks_pattern_pid=$!
	while [ ! -s $KS_STATE/counter ] || [ ! -s $KS_STATE/pattern ]; do
		sleep 0.1
	done
	ks_pattern_seq=0
	ks_start_disk
	ks_start_net
	ks_start_desktop
}

# With ks.desktop=1 (tools/qemu-run.sh --machine desktop) each system
# checks, at start and after every switch, what a desktop has: all its
# CPUs, its DRM framebuffer, the TPM (random bytes from /dev/tpmrm0) and,
# with ks.efi=1 (booted by UEFI), every UEFI variable read through the
# runtime services (efivarfs).
ks_start_desktop() {
	ks_desktop=$(ks_arg ks.desktop)
	ks_efi=$(ks_arg ks.efi)
	[ "$ks_desktop" = 1 ] || return 0
	[ "$ks_cpus" = "$(cat /sys/devices/system/cpu/present)" ] ||
		ks_fail "CPUs online $ks_cpus, present $(cat /sys/devices/system/cpu/present)"
	if [ "$ks_efi" = 1 ]; then
		mount -t efivarfs efivarfs /sys/firmware/efi/efivars ||
			ks_fail "efivarfs: cannot mount (no EFI runtime services)"
	fi
	ks_check_desktop
}

ks_check_desktop() {
	local f n=0
	ks_desk=
	[ "$ks_desktop" = 1 ] || return 0
	[ -e /dev/fb0 ] && [ -e /dev/dri/card0 ] ||
		ks_fail "no DRM framebuffer (/dev/fb0, /dev/dri/card0)"
	ksagent tpm /dev/tpmrm0 >/tmp/tpm.out ||
		ks_fail "tpm: $(cat /tmp/tpm.out)"
	ks_desk=", tpm $(cut -c1-8 /tmp/tpm.out)"
	[ "$ks_efi" = 1 ] || return 0
	for f in /sys/firmware/efi/efivars/*; do
		cat "$f" >/dev/null || ks_fail "efivarfs: cannot read ${f##*/}"
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] || ks_fail "efivarfs: no variables"
	ks_desk="$ks_desk, $n efivars"
}

# With ks.net=1, the system brings its virtio-net card up on QEMU's user
# network (tools/qemu-run.sh --net) and pings the gateway, there and after
# every switch: each system drives the same card in turn.
KS_GATEWAY=10.0.2.2
ks_start_net() {
	ks_net=$(ks_arg ks.net)
	ks_pings=0
	[ "$ks_net" = 1 ] || return 0
	ip link set lo up
	ip link set eth0 up && ip addr add 10.0.2.15/24 dev eth0 ||
		{ ks_fail "net: cannot bring eth0 up"; return; }
	ks_check_net
}

ks_check_net() {
	[ "$ks_net" = 1 ] || return 0
	# A few seconds: the card restarts its link after a switch.
	if ping -q -c 1 -w 5 $KS_GATEWAY >/dev/null; then
		ks_pings=$((ks_pings + 1))
	else
		ks_fail "net: no answer from $KS_GATEWAY"
	fi
}

# With ks.disk=DEV, a writer (ksagent disk) keeps writes to DEV in flight
# at every switch; after each, the records it last fsynced must read back
# from the device.
ks_start_disk() {
	ks_disk=$(ks_arg ks.disk)
	ks_disk_seq=0
	[ -n "$ks_disk" ] || return 0
	[ -b "$ks_disk" ] || { ks_fail "no disk $ks_disk"; return; }
	ksagent disk "$ks_disk" $KS_STATE/disk &
	ks_disk_pid=$!
}

ks_check_disk() {
	local want=$((ks_disk_seq + 1)) status
	[ -n "$ks_disk_pid" ] || return 0
	status=$(ks_ask_agent "$ks_disk_pid" $KS_STATE/disk "$want")
	ks_disk_seq=$want
	case $status in
	"$want ok "*) ks_disk_synced=${status##* } ;;
	*) ks_fail "disk: '$status' (wanted '$want ok RECORDS')" ;;
	esac
}

# ks_ask_agent PID FILE SEQ: have agent PID verify (SIGUSR1) and print the
# status line it writes to FILE, numbered SEQ, or its last one after 30 s.
ks_ask_agent() {
	local status i
	kill -USR1 "$1"
	for i in $(seq 300); do
		status=$(cat "$2" 2>/dev/null)
		[ "${status%% *}" = "$3" ] && break
		sleep 0.1
	done
	echo "$status"
}

ks_check_pattern() {
	local want=$((ks_pattern_seq + 1)) status
	status=$(ks_ask_agent "$ks_pattern_pid" $KS_STATE/pattern "$want")
	ks_pattern_seq=$want
	[ "$status" = "$want ok" ] ||
		ks_fail "memory pattern: '$status' (wanted '$want ok')"
}

ks_before_switch() {
	ks_counter_before=$(ks_counter)
}

# The counter also ticks while this system's own switches freeze and thaw
# its tasks, which take longer on a loaded host: on top of the slack, one
# tick per 10 ms of the switch into this system, as its kernel recorded it
# (memory slots). A plain kexec jump has no such record: twice the slack,
# as its freeze alone ticked 31 times beside another VM. A system that ran
# while away would have ticked through the other systems' turns as well:
# two switches, a stay and its checks, 90 or more.
ks_counter_allowance() {
	local ms
	ms=$(kswitch list 2>/dev/null | awk '$1 ~ /^\*/ { print int($7) }')
	[ -n "$ms" ] || { echo $((2 * KS_COUNTER_SLACK)); return; }
	echo $((KS_COUNTER_SLACK + ms / 10))
}

# ks_after_switch ROUND: the checks a system makes each time it runs again.
ks_after_switch() {
	local round=$1 now later
	now=$(ks_counter)
	[ $((now - ks_counter_before)) -le "$(ks_counter_allowance)" ] ||
		ks_fail "round $round: counter moved $((now - ks_counter_before)) while away (allowed $(ks_counter_allowance))"
	sleep 0.2
	later=$(ks_counter)
	[ "$later" -gt "$now" ] ||
		ks_fail "round $round: counter stopped at $now"
	[ "$(cat /sys/devices/system/cpu/online)" = "$ks_cpus" ] ||
		ks_fail "round $round: CPUs online $(cat /sys/devices/system/cpu/online), wanted $ks_cpus"
	ks_check_pattern
	ks_check_disk
	ks_check_net
	ks_check_desktop
	echo "$ks_name: round $round ok (counter $later${ks_disk_pid:+, disk $ks_disk_synced records}${ks_net:+, $ks_pings pings}$ks_desk)"
}

# kt_memmap MIN MAX: memmap= arguments that give a second kernel exactly the
# RAM of this one between MIN and MAX (page-aligned), as /proc/iomem lists it.
kt_memmap() {
	local min=$(($1)) max=$(($2 + 1))
	printf 'memmap=exactmap'
	grep ' : System RAM$' /proc/iomem | while IFS='- :' read -r s e rest; do
		s=$((0x$s)); e=$((0x$e + 1))
		[ $s -lt $min ] && s=$min
		[ $e -gt $max ] && e=$max
		s=$(((s + 4095) & ~4095)); e=$((e & ~4095))
		[ $s -lt $e ] && printf ' memmap=0x%x@0x%x' $((e - s)) $s
	done
	echo
}

# ks_jump LOADER: switch to the other system; returns when this one runs
# again. kexec-tools ignores what reboot() returns: back from a jump that
# worked, "kexec -e" prints "kexec failed: " and a stale errno and exits 1
# (docs/kexec-tools.md). Keep that line off the console and pass on
# anything else; whether each jump happened is checked by counting the
# systems' rounds on the console.
ks_jump() {
	case $1 in
	kswitch)
		kswitch jump ;;
	kexec-tools)
		kexec -e -x 2>/tmp/kexec.err
		grep -v '^kexec failed: ' /tmp/kexec.err >&2
		return 0 ;;
	esac
}
