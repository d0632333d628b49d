#!/usr/bin/env bash
# Build the patched kernel: unpack Debian's linux-source-6.12 into the build
# directory, apply kernel-patches/series with git am, merge the config
# fragments on top of a base configuration and build bzImage.
#
# Two bases:
#   tinyconfig  the small test kernel (build/kernel): fast scenarios
#   debian      Debian's own amd64 configuration (linux-config-6.12),
#               reduced with localyesconfig to the modules listed in
#               --lsmod FILE, which become built in (build/kernel-distro)
#
# The result is cached by a key of everything that goes into it (source and
# config package versions, patches, config fragments, module list, this
# script, compiler), so an unchanged tree finishes in seconds. Compiler
# output goes through ccache, and with --share the finished kernel is also
# kept under $KSWITCH_CACHE (/var/cache/kswitch by default): both live
# outside the clone, so a fresh clone on a machine that built the kernel
# once does not build it again.
#
# --deb also makes the kernel's Debian package (the kernel's own make
# bindeb-pkg: linux-image-RELEASE, installable with apt next to Debian's
# kernels) in BUILD_DIR/deb, kept under $KSWITCH_CACHE/kernel-debs by the
# same key, since a fresh clone has only the finished bzImage to start from.
#
# usage: build-kernel.sh [--base tinyconfig|debian] [--lsmod FILE]
#                        [--out NAME] [--share] [--deb]
#                        BUILD_DIR CONFIG_FRAGMENT...
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
base=tinyconfig lsmod= outname=kernel share= deb= package_only=
while [ $# -gt 0 ]; do
	case $1 in
	--deb) deb=1; shift ;;
	--base) base=$2; shift 2 ;;
	--lsmod) lsmod=$2; shift 2 ;;
	--out) outname=$2; shift 2 ;;
	--share) share=1; shift ;;
	*) break ;;
	esac
done
build=${1:?usage: build-kernel.sh [OPTIONS] BUILD_DIR CONFIG_FRAGMENT...}
shift
fragments=("$@")
[ ${#fragments[@]} -gt 0 ] || { echo "build-kernel: no config fragment" >&2; exit 2; }

tarball=/usr/src/linux-source-6.12.tar.xz
debian_config=/usr/src/linux-config-6.12/config.amd64_none_amd64.xz
src=$build/linux
out=$build/$outname
patches=$top/kernel-patches
series=$patches/series
jobs=$(($(nproc) + 1))
cache=${KSWITCH_CACHE:-/var/cache/kswitch}
# The files a finished kernel is: what the scenarios boot and what gdb and
# the guest builder read.
products=(arch/x86/boot/bzImage .config System.map)

die() { echo "build-kernel: $*" >&2; exit 1; }

case $base in
tinyconfig) ;;
debian)
	[ -r "$debian_config" ] || die "$debian_config missing: run 'make deps'"
	[ -r "$lsmod" ] || die "--base debian needs --lsmod FILE"
	lsmod=$(realpath "$lsmod") ;;
*) die "unknown base '$base'" ;;
esac

# The build tree's own commits need an identity; do not depend on the user's.
kgit() {
	git -C "$src" -c user.name="kswitch build" \
		-c user.email="build@kswitch.invalid" "$@"
}

[ -r "$tarball" ] || die "$tarball missing: run 'make deps'"

series_patches() {
	sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$series"
}

series_key() {
	{
		cat "$series"
		series_patches | while read -r p; do cat "$patches/$p"; done
	} | sha256sum | cut -c1-16
}

cache_key() {
	{
		dpkg-query -W -f='${Version}\n' linux-source-6.12
		gcc --version | head -n 1
		cat "$0"
		series_key
		echo "$base"
		if [ "$base" = debian ]; then
			dpkg-query -W -f='${Version}\n' linux-config-6.12
			cat "$lsmod"
		fi
		cat "${fragments[@]}"
	} | sha256sum | cut -c1-16
}

key=$(cache_key)
shared=$cache/kernels/$key
debs=$cache/kernel-debs/$key

# With --deb, the package from the cache if it is there: 0, or 1 if it
# has to be made from a built tree.
cached_deb() {
	[ -n "$deb" ] || return 0
	compgen -G "$debs/linux-image-*.deb" >/dev/null || return 1
	mkdir -p "$build/deb"
	rm -f "$build"/deb/linux-image-*.deb
	cp "$debs"/linux-image-*.deb "$build/deb/"
	echo "$outname: package taken from $debs"
}

if [ -f "$out/arch/x86/boot/bzImage" ] && [ -f "$out/.kswitch-key" ] &&
	[ "$(cat "$out/.kswitch-key")" = "$key" ]; then
	echo "$outname: up to date (key $key), nothing to build"
	cached_deb && exit 0
	# A built tree needs only packaging; one filled from the cache (its
	# bzImage alone) must be built first.
	[ -f "$out/vmlinux" ] && package_only=1
fi

if [ -n "$share" ] && [ -f "$shared/bzImage" ] && cached_deb; then
	mkdir -p "$out/arch/x86/boot"
	cp "$shared/bzImage" "$out/arch/x86/boot/bzImage"
	cp "$shared/.config" "$shared/System.map" "$out/"
	echo "$key" >"$out/.kswitch-key"
	echo "$outname: taken from $shared (key $key)"
	exit 0
fi

# With --share, the finished kernel under $KSWITCH_CACHE for other clones.
save_shared() {
	local f

	[ -n "$share" ] || return 0
	rm -rf "$shared.tmp"
	mkdir -p "$shared.tmp"
	for f in "${products[@]}"; do cp "$out/$f" "$shared.tmp/"; done
	rm -rf "$shared"
	mv "$shared.tmp" "$shared"
}

# bindeb-pkg in the built tree: only what bzImage left out is compiled.
# No headers or debug packages: the systems that install it build no
# modules. The version carries the key, so a changed series upgrades.
make_deb() {
	local release

	release=$(cat "$out/include/config/kernel.release")
	echo "$outname: packaging linux-image-$release"
	rm -f "$build"/linux-image-*.deb "$build"/linux-libc-dev_*.deb \
		"$build"/linux-upstream_*
	if ! DEB_BUILD_PROFILES="pkg.linux-upstream.nokernelheaders pkg.linux-upstream.nokerneldbg" \
		kmake -j"$jobs" KDEB_PKGVERSION="${release%+}-1+ks$key" \
		bindeb-pkg >"$build/$outname-deb.log" 2>&1; then
		tail -n 40 "$build/$outname-deb.log" >&2
		die "bindeb-pkg failed; full log: $build/$outname-deb.log"
	fi
	rm -rf "$debs.tmp"
	mkdir -p "$debs.tmp"
	mv "$build"/linux-image-*.deb "$debs.tmp/"
	rm -f "$build"/linux-libc-dev_*.deb "$build"/linux-upstream_*
	rm -rf "$debs"
	mv "$debs.tmp" "$debs"
	# bindeb-pkg links vmlinux again, with the next build number: the
	# kernel other clones take must be the one the package holds.
	save_shared
	cached_deb
}

# Unpack once; later builds reset the tree to the pristine commit.
if [ ! -d "$src/.git" ]; then
	echo "kernel: unpacking $tarball"
	rm -rf "$src" "$build/linux-source-6.12"
	mkdir -p "$build"
	tar -xJf "$tarball" -C "$build"
	mv "$build/linux-source-6.12" "$src"
	git -C "$src" init -q
	git -C "$src" add -A -f
	kgit commit -q -m "linux-source-6.12 as shipped by Debian"
	git -C "$src" tag pristine
fi

# Both kernels build from the one tree. Applying the series again would give
# every patched file a new time stamp and make the other kernel rebuild what
# includes them, so the tree remembers which series it holds.
applied=$src/.git/kswitch-series
if [ "$(cat "$applied" 2>/dev/null)" = "$(series_key)" ] &&
	[ -z "$(git -C "$src" status --porcelain)" ]; then
	echo "kernel: kernel-patches/series already applied"
else
	echo "kernel: applying kernel-patches/series"
	rm -f "$applied"
	git -C "$src" am --abort >/dev/null 2>&1 || true
	git -C "$src" reset -q --hard pristine
	git -C "$src" clean -q -fdx
	while read -r p; do
		if ! kgit am -q "$patches/$p" >"$build/kernel-am.log" 2>&1; then
			cat "$build/kernel-am.log" >&2
			git -C "$src" am --abort >/dev/null 2>&1 || true
			die "patch $p does not apply"
		fi
		echo "  applied $p"
	done < <(series_patches)
	series_key >"$applied"
fi

# ccache keyed on paths relative to the build directory, so that another
# clone's build of the same tree hits the same entries.
export CCACHE_DIR=${CCACHE_DIR:-$cache/ccache}
export CCACHE_BASEDIR=$build CCACHE_NOHASHDIR=1 CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-8G}
# The build's own time stamp and host would change a few files every time.
export KBUILD_BUILD_TIMESTAMP="kswitch $key" KBUILD_BUILD_HOST=kswitch
export KBUILD_BUILD_USER=kswitch
mkdir -p "$CCACHE_DIR"

kmake() { make -s -C "$src" O="$out" ARCH=x86_64 CC="ccache gcc" "$@"; }
if [ -n "$package_only" ]; then
	make_deb
	exit 0
fi
mkdir -p "$out"
rm -f "$out/.kswitch-key"
echo "$outname: configuring ($base + ${fragments[*]##*/})"
case $base in
tinyconfig)
	kmake tinyconfig >/dev/null ;;
debian)
	xz -dc "$debian_config" >"$out/.config"
	kmake olddefconfig >/dev/null
	# Modules the machine does not have are dropped, the ones it has are
	# built in, so the guests need no module tree.
	kmake LSMOD="$lsmod" localyesconfig >"$build/$outname-localyes.log" 2>&1 ||
		{ tail -n 20 "$build/$outname-localyes.log" >&2; die "localyesconfig failed"; } ;;
esac
"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" \
	"${fragments[@]}" >"$build/$outname-config.log"
kmake olddefconfig >/dev/null

# merge_config only warns; an option whose dependencies are not met is
# silently dropped, and a test would then fail far from the cause. Each
# option as the last fragment that names it sets it ("is not set": off).
missing=$(sed -n -e 's/^# \(CONFIG_[A-Za-z0-9_]*\) is not set$/\1=n/p' \
	-e '/^CONFIG_/p' "${fragments[@]}" |
	awk -F= '!($1 in v) { order[n++] = $1 } { v[$1] = $0 }
		END { for (i = 0; i < n; i++) print v[order[i]] }' |
	while read -r line; do
		case $line in
		*=n) ! grep -q "^${line%%=*}=" "$out/.config" ;;
		*) grep -qx "$line" "$out/.config" ;;
		esac || echo "${line%%=*}"
	done)
[ -z "$missing" ] || die "config options not set as requested:" $missing

echo "$outname: building bzImage with -j$jobs (a few minutes from scratch," \
	"tens of minutes for --base debian without a warm ccache)"
start=$(date +%s)
if ! kmake -j"$jobs" bzImage >"$build/$outname-build.log" 2>&1; then
	tail -n 40 "$build/$outname-build.log" >&2
	die "build failed; full log: $build/$outname-build.log"
fi
save_shared
echo "$key" >"$out/.kswitch-key"
echo "$outname: built $out/arch/x86/boot/bzImage in $(($(date +%s) - start)) s (key $key)"
[ -z "$deb" ] || make_deb
