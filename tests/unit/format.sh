#!/usr/bin/env bash
# The C sources are formatted as .clang-format (kernel style) says.
source "$(dirname "$0")/../lib/tap.sh"
command -v clang-format >/dev/null || tap_skip_all "clang-format missing"
files=($(cd "$top" && make -s --no-print-directory print-c-sources))
# No files would pass silently: the Makefile must list them.
[ ${#files[@]} -gt 0 ] || tap_bail_out "make print-c-sources listed no C sources"
tap_plan ${#files[@]}
for f in "${files[@]}"; do
	check "clang-format: ${f#"$top"/}" \
		diff -u "$f" <(clang-format --style=file:"$top/.clang-format" "$f")
done
tap_done
