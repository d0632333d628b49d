# Guest side of tests/vm/snapshot.sh, in slot 0 (alpha). bravo runs in slot
# 3 and is dumped to a file, which goes to the disk (ks.disk=) for the host
# to read with readelf and gdb; that file, cut short and with one byte
# changed, must be refused with no slot changed. Restored into slot 6, it
# resumes over the memory bravo in slot 3 holds. Then bravo is saved, which
# frees slot 3; charlie is loaded into slot 5 and gets that memory; bravo is
# restored into slot 4, and bravo, charlie and bravo again are entered:
# each checks its counter and memory pattern.
. /usr/share/kswitch/tests/lib/guest.sh
. /usr/share/kswitch/tests/lib/slots.sh

# load_system SLOT SYSTEM: a 64 MiB resident system that runs peers/snapshot.sh.
load_system() {
	kswitch load "$1" /boot/bzImage --initrd "/boot/$2.cpio.gz" \
		--mem 64M --name "$2" \
		--append "console=ttyS0 panic=-1 ks.peer=snapshot ks.nonce=$ks_nonce ks.pattern=8 ks.size=64M" ||
		ks_fail "kswitch load $1 ($2) failed"
}

enter() {
	kswitch "$1" || ks_fail "kswitch $1 failed"
}

# The state, kind and name of a slot, from 'kswitch list'.
slot_line() {
	kswitch list | awk -v s="$1" '$1 == s || $1 == "*" s { print $2, $3, $NF }'
}

# refused WHAT FILE: restore FILE into slot 4 must fail and change nothing.
refused() {
	local rc
	kswitch list --json >/tmp/before.json
	kswitch restore 4 "$2" 2>/tmp/restore.err
	rc=$?
	kswitch list --json >/tmp/after.json
	if cmp -s /tmp/before.json /tmp/after.json; then
		echo "alpha: $1 file refused with exit $rc in $(wc -l </tmp/restore.err) line, slots unchanged: $(cat /tmp/restore.err)"
	else
		ks_fail "restoring the $1 file changed the slots"
	fi
}

# A copy of FILE with the byte at OFFSET changed.
corrupt() {
	local byte
	cp "$1" "$3"
	byte=$(dd if="$1" bs=1 skip="$2" count=1 2>/dev/null | od -An -tu1)
	printf "\\$(printf %o $(((byte + 1) % 256)))" |
		dd of="$3" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

disk=$(ks_arg ks.disk)
load_system 3 bravo
enter 3
enter 3

kswitch dump 3 /tmp/bravo.core || ks_fail "kswitch dump 3 failed"
echo "alpha: slot 3 after the dump: $(slot_line 3)"
size=$(wc -c </tmp/bravo.core)
cat /tmp/bravo.core >"$disk" && sync
echo "alpha: dump of slot 3 is $size bytes"
head -c $((size / 2)) /tmp/bravo.core >/tmp/cut.ks
refused truncated /tmp/cut.ks
rm /tmp/cut.ks
corrupt /tmp/bravo.core $((size - 100000)) /tmp/bad.ks
refused corrupted /tmp/bad.ks
rm /tmp/bad.ks

# The dump restored while bravo still holds that memory in slot 3: slot 0
# swaps it in over bravo for each of its stays. Both go on from there.
kswitch restore 6 /tmp/bravo.core || ks_fail "kswitch restore 6 failed"
rm /tmp/bravo.core
enter 6
enter 3
kswitch unload 6 || ks_fail "kswitch unload 6 failed"

kswitch save 3 /tmp/bravo.ks || ks_fail "kswitch save 3 failed"
echo "alpha: slot 3 after the save: $(slot_line 3)"
load_system 5 charlie
enter 5
kswitch restore 4 /tmp/bravo.ks || ks_fail "kswitch restore 4 failed"
echo "alpha: slot 4 after the restore: $(slot_line 4)"
kswitch list
enter 4
enter 5
enter 4
for slot in 4 5; do
	kswitch unload "$slot" || ks_fail "kswitch unload $slot failed"
done
exit $ks_fails
