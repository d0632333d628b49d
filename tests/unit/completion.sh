#!/usr/bin/env bash
# The bash completion of kswitch, called as bash would call it: commands,
# slots (0 to 8 when the slots cannot be read, as on this host), profile
# names from --profiles, and each command's options.
source "$(dirname "$0")/../lib/tap.sh"
tap_plan 12

source "$top/tools/bash-completion/kswitch"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
touch "$tmp/alpha.conf" "$tmp/bravo.conf" "$tmp/notes.txt"
commands="call down dump help jump list load log menu restore save status unload up watch"

# offers WORD...: what completing the last WORD offers, sorted, one line.
offers() {
	local COMP_WORDS=("$@") COMP_CWORD=$(($# - 1)) COMPREPLY=()
	_kswitch 2>/dev/null
	printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | paste -sd " "
}

# is WANTED WORD...: check that completing the last WORD offers WANTED.
is() {
	local wanted=$1 got
	shift
	got=$(offers "$@")
	[ "$got" = "$wanted" ] && return
	echo "# kswitch ${*:2}<TAB>: offered '$got', wanted '$wanted'"
	return 1
}

check "kswitch l<TAB> offers list, load and log" is "list load log" kswitch l
check "kswitch load <TAB> offers the profiles of --profiles" \
	is "alpha bravo" kswitch --profiles "$tmp" load ''
check "kswitch --profiles DIR load b<TAB> offers bravo" \
	is "bravo" kswitch --profiles "$tmp" load b

# Profile names are file names, anyone's to choose: completing one must not
# run what it says (it would, in the directory completion runs in).
mkdir "$tmp/evil" "$tmp/cwd"
cd "$tmp/cwd" || exit 1
touch "$tmp/evil/\$(touch PWNED).conf" "$tmp/evil/\`touch PWNED\`.conf"
# shellcheck disable=SC2016 # the names, as they are
check "a profile named \$(touch PWNED) is offered as it is" \
	is '$(touch PWNED) `touch PWNED`' kswitch --profiles "$tmp/evil" load ''
check "  and completing it runs nothing" \
	test -z "$(ls -A "$tmp/cwd")" -a ! -e "$tmp/evil/PWNED"
cd "$top" || exit 1
check "kswitch list --<TAB> offers --json" is "--json" kswitch list --
check "kswitch up <TAB> offers --check" is "--check" kswitch up ''
check "kswitch help <TAB> offers the commands" is "$commands" kswitch help ''

# Without slots to read, the slots are 0 to 8; with the kswitch built, the
# lookup runs it and sees it fail.
[ -x "$build/bin/kswitch" ] && PATH=$build/bin:$PATH
if [ -e /dev/kexec_slots ]; then
	ok "kswitch <TAB> offers the commands and slots 0 to 8 # SKIP this kernel has slots"
	ok "kswitch unload <TAB> offers slots 1 to 8 # SKIP this kernel has slots"
else
	check "kswitch <TAB> offers the commands and slots 0 to 8" \
		is "0 1 2 3 4 5 6 7 8 $commands" kswitch ''
	check "kswitch unload <TAB> offers slots 1 to 8, slot 0 never unloads" \
		is "1 2 3 4 5 6 7 8" kswitch unload ''
fi

# With a slots file, the loaded slots by number and name, through kswitch.
if [ -x "$build/bin/kswitch" ]; then
	check "kswitch --slots-file FILE unload <TAB> offers the loaded slots but 0" \
		is "1 2 bravo charlie" kswitch --slots-file \
		"$top/tests/unit/data/slots-3.json" unload ''
	check "the commands are the command table's" test "$commands" = \
		"$(kswitch help | sed -n '/^commands:/,/^$/s/^  \([a-z]\+\) .*/\1/p' | LC_ALL=C sort | paste -sd " ")"
else
	ok "kswitch --slots-file FILE unload <TAB> # SKIP kswitch not built"
	ok "the commands are the command table's # SKIP kswitch not built"
fi
tap_done
