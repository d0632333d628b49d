#!/usr/bin/env bash
# make deb: kswitch's Debian package builds with Debian's tooling, lintian
# finds no error or warning, and it holds exactly the program, its man
# pages, completion, unit and examples; the unit is valid and stays off
# until the administrator enables it. The distribution kernel's package
# holds that kernel, with slot support, under its own release.
source "$(dirname "$0")/../lib/tap.sh"
command -v dpkg-buildpackage >/dev/null && command -v lintian >/dev/null ||
	tap_skip_all "dpkg-dev or lintian missing; run make deps"
tap_plan 11

out=$build/deb
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

make_deb() { make -s -C "$top" deb BUILD="$build" >"$tmp/make.out" 2>&1; }
check "make deb succeeds" make_deb || sed 's/^/# /' "$tmp/make.out"
version=$(cd "$top" && dpkg-parsechangelog -S Version)
deb=$out/kswitch_${version}_amd64.deb
check "lintian reports no error or warning" \
	test -f "$out/lintian.log" -a -z "$(grep -E '^[EW]: ' "$out/lintian.log")"

# The files the package installs, with their modes, sorted. The man pages
# and the changelog are compressed; copyright is Debian's.
expected() {
	local f
	{
		echo "755 /usr/sbin/kswitch"
		echo "644 /usr/share/man/man8/kswitch.8.gz"
		echo "644 /usr/share/man/man5/kswitch.conf.5.gz"
		echo "644 /usr/share/bash-completion/completions/kswitch"
		echo "644 /lib/systemd/system/kswitch.service"
		echo "644 /usr/share/doc/kswitch/changelog.gz"
		echo "644 /usr/share/doc/kswitch/copyright"
		echo "644 /usr/share/doc/kswitch/README.Debian"
		for f in "$top"/slots/examples/*.conf; do
			echo "644 /usr/share/doc/kswitch/examples/${f##*/}"
		done
	} | sort -k 2
}
dpkg-deb -x "$deb" "$tmp/root" 2>/dev/null
check "it holds exactly the program, man pages, completion, unit and examples" \
	diff -u <(expected) \
	<(cd "$tmp/root" && find . ! -type d -printf '%m /%P\n' | sort -k 2)
check "the packaged kswitch runs" \
	grep -q '^usage: kswitch' <("$tmp/root/usr/sbin/kswitch" help | head -n 1)
check "its Depends name the libraries it links" \
	grep -qE '^Depends:.*libelf1.*libncursesw6' \
	<(dpkg-deb -f "$deb" Depends | sed 's/^/Depends: /')

# systemd-analyze checks that ExecStart= and ExecStop= are executable:
# point them at the packaged binary.
unit=$tmp/root/lib/systemd/system/kswitch.service
sed "s|/usr/sbin/kswitch|$tmp/root/usr/sbin/kswitch|" "$unit" \
	>"$tmp/kswitch.service"
if command -v systemd-analyze >/dev/null; then
	check "systemd-analyze verify finds the unit valid" \
		systemd-analyze verify --man=no "$tmp/kswitch.service"
else
	ok "systemd-analyze verify finds the unit valid # SKIP no systemd-analyze"
fi
unit_has() {
	grep -qx 'After=local-fs.target' "$unit" &&
		grep -qx 'ExecStart=/usr/sbin/kswitch up' "$unit" &&
		grep -qx 'ExecStop=/usr/sbin/kswitch down' "$unit" &&
		grep -qx 'WantedBy=multi-user.target' "$unit"
}
check "the unit loads the slots after local file systems and shuts them down on stop" \
	unit_has

# Off until enabled: the maintainer scripts enable the unit again only
# if it was enabled before an upgrade, and never start it.
dpkg-deb -e "$deb" "$tmp/control"
check "installing does not enable the unit" \
	grep -q 'if deb-systemd-helper --quiet was-enabled' "$tmp/control/postinst"
check "  nor start it" \
	test -z "$(grep -hE 'systemctl.* (re)?start|invoke-rc.d' "$tmp"/control/post* "$tmp"/control/pre* 2>/dev/null)"
# The kernel's package: its bzImage is the distribution kernel built for
# the tests, which says it has slot support (xloadflags bit 8).
kdeb=$(ls "$out"/linux-image-*.deb 2>/dev/null | head -n 1)
# The release a bzImage was built as, from its header (boot protocol
# 2.00+: kernel_version at 0x20e points at it, less 0x200): a fresh clone
# has the kernel from the cache, without the build tree.
release_of() {
	local off

	off=$(od -An -tu2 -j $((0x20e)) -N2 "$1" | tr -d ' ')
	dd if="$1" bs=1 skip=$((off + 0x200)) count=64 status=none |
		tr '\0' '\n' | head -n 1 | cut -d ' ' -f 1
}
release=$(release_of "$distro_bzimage")
check "the kernel's package is linux-image-$release" \
	test -n "$kdeb" -a "$(dpkg-deb -f "$kdeb" Package 2>/dev/null)" = "linux-image-$release"
dpkg-deb -x "$kdeb" "$tmp/kroot" 2>/dev/null
check "  and its /boot/vmlinuz-$release is the distribution kernel" \
	cmp -s "$tmp/kroot/boot/vmlinuz-$release" "$distro_bzimage"
tap_done
