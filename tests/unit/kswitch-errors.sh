#!/usr/bin/env bash
# Bad input to kswitch load, log, call and restore on the host: each gets one line saying
# what was wrong and what to do, and its own exit code (switcher/errors.h), before
# anything reaches the kernel (so these are safe to run outside a VM; the
# VM scenario manager-errors makes the requests that need the kernel).
source "$(dirname "$0")/../lib/tap.sh"
kswitch=$build/bin/kswitch
[ -x "$kswitch" ] || tap_skip_all "$kswitch not built; run make check"
[ -f "$bzimage" ] || tap_skip_all "no kernel built yet"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
head -c 100000 "$bzimage" >"$tmp/truncated"
echo "not a kernel" >"$tmp/text"
mkfifo "$tmp/fifo"
# Sparse: it takes no room, but reading it would take 3 GiB.
truncate -s 3G "$tmp/huge"

# expect CODE PATTERN ARGS...: kswitch ARGS exits CODE with one line
# matching PATTERN on stderr. A kswitch that blocks (on a FIFO) is ended
# after 20 s, one that reads a device or a huge file runs out of 1 GiB of
# address space: either fails the check, rather than the run.
expect() {
	local code=$1 pattern=$2 err rc
	shift 2
	err=$(ulimit -v 1048576; timeout 20 "$kswitch" "$@" 2>&1 >/dev/null)
	rc=$?
	[ -n "$err" ] && echo "# $err"
	check "kswitch $* -> exit $code" test "$rc" -eq "$code"
	check "  one line that says: $pattern" \
		test "$(echo "$err" | wc -l)" -eq 1 -a -n "$(echo "$err" | grep -E -e "$pattern")"
}

# Loads into a slot against a recorded slot table (this host has no
# slots): alpha in slot 0, bravo in 1 (hotkey 1), charlie in 2.
cp "$top/tests/unit/data/slots-3.json" "$tmp/slots.json"
slots=(--slots-file "$tmp/slots.json")
tap_plan 100
expect 5 "cannot read '$tmp/missing': no such file" "${slots[@]}" load 3 "$tmp/missing"
expect 5 "cannot read '$tmp/missing': no such file" load "$tmp/missing"
expect 6 "not a 64-bit relocatable bzImage" load "$tmp/text"
expect 7 "cut short \(truncated bzImage\); copy it again" load "$tmp/truncated"
expect 5 "cannot read '$tmp/missing'" "${slots[@]}" load 3 "$bzimage" --initrd "$tmp/missing"
expect 5 "cannot read '$tmp/missing'" load "$bzimage" --initrd "$tmp/missing"
expect 4 "in use; unload it first" "${slots[@]}" load 1 "$bzimage"
# Switches to a slot that crashed or whose system shut down.
sed -e 's/"slot": 4, "name": "", "state": "empty"/"slot": 4, "name": "delta", "state": "crashed"/' \
	-e 's/"slot": 5, "name": "", "state": "empty"/"slot": 5, "name": "echo", "state": "exited"/' \
	"$tmp/slots.json" >"$tmp/ended.json"
expect 11 "slot 4 has crashed; unload it and load it again" --slots-file "$tmp/ended.json" 4
expect 26 "slot 5 has shut down \(it powered off, halted, rebooted or ran kexec\); unload it and load it again" \
	--slots-file "$tmp/ended.json" echo
expect 4 "'bravo' is loaded already" "${slots[@]}" load 3 "$bzimage" --name bravo
expect 4 "the hotkey for 'slot3' is another slot's" "${slots[@]}" load 3 "$bzimage" --hotkey 1
expect 2 "--mem 'lots' is not a size" load 1 "$bzimage" --mem lots
expect 2 "--hotkey '12' is not one digit 0-9 or none" load 1 "$bzimage" --hotkey 12
expect 2 "--name '5' is no name" load 1 "$bzimage" --name 5
expect 2 "unknown option '--frob'; see 'kswitch load --help'" load 1 "$bzimage" --frob
expect 2 "unknown option '--frob'; see 'kswitch help'" --frob list
expect 2 "load takes PROFILE, SLOT KERNEL or KERNEL" load
expect 3 "there is no slot '9'" load 9 "$bzimage"
expect 15 "this kernel has no memory slots" 9
# A watcher needs the kernel's slots; so do its options.
expect 15 "this kernel has no memory slots" watch --run true
expect 2 "--run needs a value" watch --run
expect 2 "watch takes no arguments but --run" watch now
expect 5 "no profile 'nosuch' in $tmp" --profiles "$tmp" load nosuch
expect 6 "not an x86_64 ELF executable" call "$tmp/text"
expect 5 "cannot read payload" call "$tmp/missing"
expect 24 "'$tmp/fifo' is not a regular file" call "$tmp/fifo"
expect 18 "no console lines are kept for slot 1 here" "${slots[@]}" log bravo
expect 2 "log takes one SLOT" "${slots[@]}" log
expect 3 "there is no slot 'nosuch'" "${slots[@]}" log nosuch
# Files that are no files, or too large (issue 18): refused at once, before
# anything is read. Before, a FIFO blocked for ever and /dev/zero grew until
# memory ran out, which the error then blamed.
expect 24 "'$tmp/fifo' is not a regular file \(a FIFO, a device or a directory\); give the file itself" load "$tmp/fifo"
expect 24 "'$tmp/fifo' is not a regular file" load "$bzimage" --initrd "$tmp/fifo"
expect 24 "'/dev/zero' is not a regular file" load /dev/zero
expect 25 "'$tmp/huge' is larger than 2 GiB, more than any kernel or initrd; check the path" load "$tmp/huge"
expect 25 "'$tmp/huge' is larger than 2 GiB" load "$bzimage" --initrd "$tmp/huge"
# A size that wraps when the low window is added (issue 18).
expect 8 "--mem '18446744073709551615' is more than a machine can have \(at most 4194304G\); ask for less" "${slots[@]}" load 3 "$bzimage" --mem 18446744073709551615
expect 8 "--mem '17179869184G' is more than a machine can have" "${slots[@]}" load 3 "$bzimage" --mem 17179869184G
# The option as it was written, also inside a cluster (issue 18).
expect 2 "^kswitch: unknown option '-x'; see 'kswitch load --help'$" load 1 "$bzimage" -xy
expect 2 "^kswitch: --initrd needs a value; see 'kswitch load --help'$" load 1 "$bzimage" --initrd
expect 2 "^kswitch: --swap takes no value; see 'kswitch load --help'$" load 1 "$bzimage" --swap=yes
expect 2 "--name '-rf' is no name" "${slots[@]}" load 3 "$bzimage" --name -rf
# An empty KERNEL was taken for a profile named '' by the parser fuzz
# target; an empty --initrd for none.
expect 2 "^kswitch: KERNEL is empty; name a file, see 'kswitch load --help'$" load ""
expect 2 "^kswitch: --initrd is empty; name a file, see 'kswitch load --help'$" "${slots[@]}" load 3 "$bzimage" --initrd ""
check "the slot table did not change" \
	cmp -s "$tmp/slots.json" "$top/tests/unit/data/slots-3.json"
check "and a good load against it works" \
	"$kswitch" "${slots[@]}" load 3 "$bzimage" --name delta
# A slot file is checked before the kernel is asked (tests/unit/test_snapshot.c
# has the truncated and corrupted files; vm/snapshot.sh restores them).
expect 5 "cannot read '$tmp/missing': no such file" restore 3 "$tmp/missing"
expect 20 "'$tmp/text' is not a slot file" restore 3 "$tmp/text"
expect 20 "is not a slot file" restore 3 "$bzimage"
expect 24 "'$tmp/fifo' is not a regular file" restore 3 "$tmp/fifo"
expect 24 "'/dev/zero' is not a regular file" restore 3 /dev/zero
expect 3 "there is no slot '9'" restore 9 "$tmp/text"
expect 4 "slot 0 is the system the machine booted" restore 0 "$tmp/text"
tap_done
