#!/bin/sh
# The ABI of libbcf.so: the dynamic symbols it defines are exactly the BCF_API
# functions declared in include/bcf/*.h (everything else is hidden), all under
# the version node of libbcf.map. Skipped when the build has no shared library
# (--disable-shared). TAP output.
src=${BCF_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
build=$(dirname "${BCF_BIN:-./bcf}")
so=$build/.libs/libbcf.so
if [ ! -e "$so" ]; then
	echo "1..0 # SKIP no shared library ($so; built with --disable-shared?)"
	exit 0
fi
if ! command -v nm >/dev/null 2>&1; then
	echo "1..0 # SKIP nm not found"
	exit 0
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# declared: the name before '(' on every line that starts with BCF_API
sed -n 's/^BCF_API[^(]*[^a-zA-Z0-9_(]\([a-zA-Z_][a-zA-Z0-9_]*\)(.*/\1/p' \
	"$src"/include/bcf/*.h | sort -u >"$tmp/declared"
# exported: defined dynamic symbols, minus the version node itself
nm -D --defined-only "$so" | awk '$2 != "A" { sub(/@.*/, "", $3); print $3 }' |
	sort -u >"$tmp/exported"
nm -D --defined-only --with-symbol-versions "$so" 2>/dev/null |
	awk '$2 != "A"' >"$tmp/versions"

echo "1..4"
n=$(wc -l <"$tmp/declared")
if [ "$n" -gt 0 ]; then
	echo "ok 1 - include/bcf declares $n BCF_API functions"
else
	echo "not ok 1 - no BCF_API declaration found in $src/include/bcf"
fi
extra=$(comm -13 "$tmp/declared" "$tmp/exported" | tr '\n' ' ')
if [ -z "$extra" ]; then
	echo "ok 2 - libbcf.so exports nothing but the API ($(wc -l <"$tmp/exported") symbols)"
else
	echo "not ok 2 - libbcf.so exports symbols outside the API: $extra"
fi
missing=$(comm -23 "$tmp/declared" "$tmp/exported" | tr '\n' ' ')
if [ -z "$missing" ]; then
	echo "ok 3 - every BCF_API function is exported"
else
	echo "not ok 3 - declared BCF_API but not exported: $missing"
fi
# every exported symbol carries the version node of libbcf.map
unversioned=$(grep -v '@@\?BCF_[0-9.]*$' "$tmp/versions" | awk '{ print $3 }' | tr '\n' ' ')
if [ -s "$tmp/versions" ] && [ -z "$unversioned" ]; then
	echo "ok 4 - every exported symbol has a BCF_ version node"
else
	echo "not ok 4 - symbols without a BCF_ version node: ${unversioned:-(nm printed no versions)}"
fi
