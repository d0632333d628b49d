#!/usr/bin/env bash
# Work on the patch series in a git worktree of the unpacked kernel.
#
#   kernel-dev.sh checkout   build/linux-dev: branch 'kswitch' = pristine +
#                            kernel-patches/series (made if missing)
#   kernel-dev.sh export     write the branch back to kernel-patches/ as
#                            numbered patches, a cover letter and the series
#                            file, and run checkpatch --strict on them
#   kernel-dev.sh build-each build bzImage at every patch of the branch in
#                            turn (in build/kernel-each), as upstream wants
#                            each patch of a series to build
#
# The cover letter's text is kept: export reads the subject and body of the
# current 0000-cover-letter.patch and gives them to format-patch again, so
# only its shortlog and diffstat are regenerated.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${KSWITCH_BUILD:-$top/build}
src=$build/linux
dev=$build/linux-dev
patches=$top/kernel-patches
cover=$patches/0000-cover-letter.patch

die() { echo "kernel-dev: $*" >&2; exit 1; }

[ -d "$src/.git" ] || die "no unpacked kernel; run 'make kernel' first"

checkout() {
	[ ! -d "$dev" ] || die "$dev exists already"
	git -C "$src" worktree prune
	git -C "$src" worktree add -q -B kswitch "$dev" pristine
	sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$patches/series" |
		while read -r p; do git -C "$dev" am -q "$patches/$p"; done
	echo "kernel-dev: $dev at $(git -C "$dev" log --oneline -1)"
}

# The cover letter's subject (without "[PATCH 0/N] ") and body, as one
# description whose first paragraph is the subject.
cover_description() {
	awk '
		/^Subject: / { sub(/^Subject: (\[[^]]*\] )?/, ""); subj = $0; next }
		subj != "" && /^ / { subj = subj $0; next }
		/^$/ && !body { body = 1; print subj; print ""; next }
		body && /^[^ ].* \([0-9]+\):$/ { exit }
		body { print }
	' "$cover" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
}

export_series() {
	local desc

	[ -d "$dev" ] || die "no $dev; run 'kernel-dev.sh checkout' first"
	if [ -f "$cover" ]; then
		desc=$(cover_description)
	else
		desc=$'*** SUBJECT HERE ***\n\n*** BLURB HERE ***'
	fi
	git -C "$dev" config branch.kswitch.description "$desc"
	rm -f "$patches"/[0-9][0-9][0-9][0-9]-*.patch
	git -C "$dev" -c diff.suppressBlankEmpty=true format-patch -q \
		--no-signature --cover-letter \
		--cover-from-description=subject -o "$patches" pristine..kswitch
	{
		echo "# kswitch patch series against Debian linux-source-6.12, applied in order."
		(cd "$patches" && ls [0-9][0-9][0-9][0-9]-*.patch | grep -v '^0000-')
	} >"$patches/series"
	"$dev/scripts/checkpatch.pl" --strict --no-tree --terse \
		--ignore UNKNOWN_COMMIT_ID \
		"$patches"/[0-9][0-9][0-9][0-9]-*.patch | grep -v '^total:' || true
}

build_each() {
	local out=$build/kernel-each commit head

	[ -d "$dev" ] || die "no $dev; run 'kernel-dev.sh checkout' first"
	[ -z "$(git -C "$dev" status --porcelain)" ] || die "$dev has changes"
	head=$(git -C "$dev" rev-parse --abbrev-ref HEAD)
	mkdir -p "$out"
	for commit in $(git -C "$dev" rev-list --reverse pristine..kswitch); do
		git -C "$dev" checkout -q "$commit"
		# From the full config each time: olddefconfig at an early
		# patch drops the options that later patches add.
		cp "$build/kernel/.config" "$out/.config"
		if make -s -C "$dev" O="$out" ARCH=x86_64 olddefconfig >/dev/null &&
			make -s -C "$dev" O="$out" ARCH=x86_64 -j"$(($(nproc) + 1))" \
				bzImage >"$out/build.log" 2>&1; then
			echo "builds: $(git -C "$dev" log --oneline -1)"
		else
			git -C "$dev" checkout -q "$head"
			die "does not build: $(git -C "$dev" log --oneline -1 "$commit")"
		fi
	done
	git -C "$dev" checkout -q "$head"
}

case ${1:-} in
checkout) checkout ;;
export) export_series ;;
build-each) build_each ;;
*) echo "usage: kernel-dev.sh checkout|export|build-each" >&2; exit 2 ;;
esac
