#!/usr/bin/env bash
# make install: exactly kswitch, its man pages, its completion, its systemd
# unit and the example profiles, with their modes, under DESTDIR/PREFIX and nowhere else.
source "$(dirname "$0")/../lib/tap.sh"
[ -x "$build/bin/kswitch" ] || tap_skip_all "$build/bin/kswitch not built; run make check"
tap_plan 12

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The files make install puts under PREFIX $1, with their modes, sorted.
expected() {
	local f
	{
		echo "755 $1/sbin/kswitch"
		echo "644 $1/share/man/man8/kswitch.8"
		echo "644 $1/share/man/man5/kswitch.conf.5"
		echo "644 $1/share/bash-completion/completions/kswitch"
		echo "644 $1/lib/systemd/system/kswitch.service"
		for f in "$top"/slots/examples/*.conf; do
			echo "644 $1/share/doc/kswitch/examples/${f##*/}"
		done
	} | sort -k 2
}

# Everything but directories under DESTDIR $1, with their modes, sorted.
installed() {
	(cd "$1" && find . ! -type d -printf '%m /%P\n' | sort -k 2)
}

# The paths the installs below would write without DESTDIR, and /opt/ks,
# that are not there before them: one of them appearing is an install
# that missed DESTDIR. With / as it was at the top, too.
outside() { { echo "/opt/ks"; expected /usr; expected /opt/ks; } | sed 's/^[0-9]* //'; }
absent_before=$(outside | while read -r f; do [ -e "$f" ] || echo "$f"; done)
top_before=$(ls -A /)
appeared() { for f in $absent_before; do [ ! -e "$f" ] || echo "$f"; done; }

# install_at DESTDIR PREFIX: make install, its output in DESTDIR.out.
install_at() {
	make -s -C "$top" install BUILD="$build" DESTDIR="$1" PREFIX="$2" \
		>"$1.out" 2>"$1.err"
}

dest=$tmp/usr
check "make install DESTDIR PREFIX=/usr succeeds" install_at "$dest" /usr
check "it installs exactly the binary, man pages, completion, unit and examples, with their modes" \
	diff -u <(expected /usr) <(installed "$dest")
check "it prints each installed path, all under DESTDIR" \
	diff -u <(expected /usr | sed "s|^[0-9]* |$dest|") <(sort "$dest.out")
check "the installed binary is the one built" \
	cmp -s "$build/bin/kswitch" "$dest/usr/sbin/kswitch"
check "the installed kswitch runs" \
	grep -q '^usage: kswitch' <("$dest/usr/sbin/kswitch" help | head -n 1)
check "no example is installed as a live profile" test ! -e "$dest/etc"

dest=$tmp/opt
check "make install PREFIX=/opt/ks succeeds" install_at "$dest" /opt/ks
check "PREFIX=/opt/ks installs the same files under /opt/ks" \
	diff -u <(expected /opt/ks) <(installed "$dest")
if [ -z "$absent_before" ]; then
	ok "nothing lands outside DESTDIR # SKIP /opt/ks and every installed path were there before"
else
	check "nothing lands outside DESTDIR: none of $(echo "$absent_before" | wc -l) paths absent before appears" \
		diff -u /dev/null <(appeared)
fi
check "  and / has the same top-level entries" diff -u <(echo "$top_before") <(ls -A /)

# A missing input: one line naming it, and nothing installed.
err=$("$top/tools/install.sh" "$tmp/no-kswitch" "$tmp/none" /usr 2>&1)
rc=$?
check "a missing binary fails, installing nothing" \
	test $rc -ne 0 -a ! -e "$tmp/none"
check "with one line naming it" \
	test "$(echo "$err" | wc -l)" -eq 1 -a "${err/$tmp\/no-kswitch/}" != "$err"
tap_done
