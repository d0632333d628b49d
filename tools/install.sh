#!/usr/bin/env bash
# make install: kswitch, its man pages, its bash completion, its systemd
# unit and the example slot profiles under DESTDIR/PREFIX. The examples are documentation: a
# profile in /etc/kswitch/slots.d would be loaded by 'kswitch up'.
#
#   tools/install.sh BINARY DESTDIR PREFIX
set -euo pipefail

if [ $# -ne 3 ]; then
	echo "usage: $0 BINARY DESTDIR PREFIX (DESTDIR may be empty)" >&2
	exit 2
fi
binary=$1
root=$2$3
top=$(cd "$(dirname "$0")/.." && pwd)
examples=("$top"/slots/examples/*.conf)

# Check everything first, so that a missing input installs nothing.
if [ ! -f "$binary" ]; then
	echo "install: $binary is missing; build it with 'make $binary'" >&2
	exit 1
fi
for f in "$top/docs/kswitch.8" "$top/docs/kswitch.conf.5" \
	"$top/tools/bash-completion/kswitch" \
	"$top/tools/systemd/kswitch.service" "${examples[@]}"; do
	if [ ! -f "$f" ]; then
		echo "install: $f is missing from the source tree" >&2
		exit 1
	fi
done

# put MODE SOURCE TARGET: install one file and say where it went.
put() {
	install -D -m "$1" "$2" "$3"
	echo "$3"
}

put 0755 "$binary" "$root/sbin/kswitch"
put 0644 "$top/docs/kswitch.8" "$root/share/man/man8/kswitch.8"
put 0644 "$top/docs/kswitch.conf.5" "$root/share/man/man5/kswitch.conf.5"
put 0644 "$top/tools/bash-completion/kswitch" \
	"$root/share/bash-completion/completions/kswitch"
# Off until enabled: systemctl enable kswitch.service
put 0644 "$top/tools/systemd/kswitch.service" \
	"$root/lib/systemd/system/kswitch.service"
for f in "${examples[@]}"; do
	put 0644 "$f" "$root/share/doc/kswitch/examples/${f##*/}"
done
