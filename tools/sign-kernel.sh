#!/usr/bin/env bash
# Sign a kernel so that a kernel locked down by Secure Boot loads it into a
# slot: an Authenticode signature (sbsign, from sbsigntool) with KEY and
# CERT, which the running kernel checks against its keyrings (the UEFI db
# and MOK keys among them, docs/security.md). A KEY with a passphrase is
# asked for it, or given it in KSWITCH_KEY_PASS.
#
# usage: sign-kernel.sh KEY CERT KERNEL OUTPUT
set -euo pipefail

[ $# -eq 4 ] || { echo "usage: sign-kernel.sh KEY CERT KERNEL OUTPUT" >&2; exit 2; }
key=$1 cert=$2 kernel=$3 output=$4
command -v sbsign >/dev/null ||
	{ echo "sign-kernel: no sbsign; run 'make deps' (sbsigntool)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# sbsign reads no passphrase from anywhere but a terminal: hand it the
# key decrypted, in a directory only this user reads.
if [ -n "${KSWITCH_KEY_PASS:-}" ]; then
	openssl rsa -in "$key" -passin env:KSWITCH_KEY_PASS -out "$tmp/key" 2>/dev/null
	key=$tmp/key
fi
# Quiet unless it fails: it says "Signing Unsigned original image".
out=$(sbsign --key "$key" --cert "$cert" --output "$output" "$kernel" 2>&1) ||
	{ echo "sign-kernel: $out" >&2; exit 1; }
