#!/usr/bin/env bash
# Build the patched kernel: unpack Debian's linux-source-6.12 into the build
# directory, apply kernel-patches/series with git am, merge the config
# fragments on top of tinyconfig and build bzImage.
#
# The result is cached by a key of everything that goes into it (source
# version, patches, config fragments, this script, compiler), so an unchanged
# tree finishes in seconds.
#
# usage: build-kernel.sh BUILD_DIR CONFIG_FRAGMENT...
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: build-kernel.sh BUILD_DIR CONFIG_FRAGMENT...}
shift
fragments=("$@")
[ ${#fragments[@]} -gt 0 ] || { echo "build-kernel: no config fragment" >&2; exit 2; }

tarball=/usr/src/linux-source-6.12.tar.xz
src=$build/linux
out=$build/kernel
patches=$top/kernel-patches
series=$patches/series
jobs=$(($(nproc) + 1))

die() { echo "build-kernel: $*" >&2; exit 1; }

# The build tree's own commits need an identity; do not depend on the user's.
kgit() {
	git -C "$src" -c user.name="kswitch build" \
		-c user.email="build@kswitch.invalid" "$@"
}

[ -r "$tarball" ] || die "$tarball missing: run 'make deps'"

series_patches() {
	sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$series"
}

cache_key() {
	{
		dpkg-query -W -f='${Version}\n' linux-source-6.12
		gcc --version | head -n 1
		cat "$0"
		cat "$series"
		series_patches | while read -r p; do cat "$patches/$p"; done
		cat "${fragments[@]}"
	} | sha256sum | cut -c1-16
}

key=$(cache_key)
if [ -f "$out/arch/x86/boot/bzImage" ] && [ -f "$out/.kswitch-key" ] &&
	[ "$(cat "$out/.kswitch-key")" = "$key" ]; then
	echo "kernel: up to date (key $key), nothing to build"
	exit 0
fi

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

echo "kernel: applying kernel-patches/series"
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

echo "kernel: configuring (tinyconfig + ${fragments[*]##*/})"
mkdir -p "$out"
rm -f "$out/.kswitch-key"
kmake() { make -s -C "$src" O="$out" ARCH=x86_64 "$@"; }
kmake tinyconfig >/dev/null
"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" \
	"${fragments[@]}" >"$build/kernel-config.log"
kmake olddefconfig >/dev/null

# merge_config only warns; an option whose dependencies are not met is
# silently dropped, and a test would then fail far from the cause.
missing=$(grep -h '^CONFIG_' "${fragments[@]}" | while read -r line; do
	grep -qx "$line" "$out/.config" || echo "${line%%=*}"
done)
[ -z "$missing" ] || die "config options not set as requested:" $missing

echo "kernel: building bzImage with -j$jobs (a few minutes from scratch)"
start=$(date +%s)
if ! kmake -j"$jobs" bzImage >"$build/kernel-build.log" 2>&1; then
	tail -n 40 "$build/kernel-build.log" >&2
	die "build failed; full log: $build/kernel-build.log"
fi
echo "$key" >"$out/.kswitch-key"
echo "kernel: built $out/arch/x86/boot/bzImage in $(($(date +%s) - start)) s (key $key)"
