#!/usr/bin/env bash
# make deb: kswitch's Debian package (debian/), built with Debian's own
# tooling from a copy of the source tree, and checked with lintian.
#
#   tools/build-deb.sh OUTDIR
#
# OUTDIR gets kswitch_VERSION_amd64.deb, its .changes and .buildinfo, and
# lintian.log. The copy leaves out build/ and .git, so the package is made
# from the source alone, as a Debian builder would make it.
set -euo pipefail

if [ $# -ne 1 ]; then
	echo "usage: $0 OUTDIR" >&2
	exit 2
fi
out=$1
top=$(cd "$(dirname "$0")/.." && pwd)
version=$(cd "$top" && dpkg-parsechangelog -S Version)
src=$out/src/kswitch-$version

rm -rf "$out/src"
mkdir -p "$src"
tar -C "$top" --exclude=./build --exclude=./.git -cf - . | tar -C "$src" -xf -

echo "deb: building kswitch $version"
if ! (cd "$src" && dpkg-buildpackage -b -us -uc) >"$out/build.log" 2>&1; then
	tail -n 20 "$out/build.log" >&2
	echo "deb: dpkg-buildpackage failed; the whole log is $out/build.log" >&2
	exit 1
fi
mv "$out"/src/kswitch_"$version"_* "$out"/src/kswitch-dbgsym_"$version"_* \
	"$out"/ 2>/dev/null || true
rm -rf "$out/src"

# Errors and warnings fail the build; informational tags are only logged.
changes=$out/kswitch_${version}_amd64.changes
if ! lintian --fail-on error,warning "$changes" >"$out/lintian.log" 2>&1; then
	cat "$out/lintian.log" >&2
	echo "deb: lintian found errors or warnings in $changes" >&2
	exit 1
fi
ls "$out"/*.deb
