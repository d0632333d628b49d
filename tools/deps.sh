#!/usr/bin/env bash
# Install the Debian packages in tools/packages.txt that are missing.
# Idempotent, and silent when everything is present.
set -euo pipefail

list=$(dirname "$0")/packages.txt
wanted=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$list")

missing=()
for pkg in $wanted; do
	status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
	[ "$status" = installed ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing packages: ${missing[*]}; run 'make deps' as root" >&2
	exit 1
fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
