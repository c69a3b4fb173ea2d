#!/bin/sh
# Re-record tests/vm/recorded/ (the requests the BCF test kernel makes for
# corpus/progs, replayed by tests/test_load_recorded.sh) after a change to
# corpus/progs: boots bzImage-bcf once with `bcf load --save` over every
# object and copies each saved condition as PROG-K.cond, with requests.tsv.
# Usage (from a build directory): sh ../tests/vm/record.sh [KERNEL]
set -eu
BCF=${BCF_BIN:-$PWD/bcf}
SRC=${BCF_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
VM_LIBDIR="$SRC/tests/vm"
. "$VM_LIBDIR/lib.sh"
K=${1:-$SRC/../shared/kernel/bzImage-bcf}
OUT="$SRC/tests/vm/recorded"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
vm_run_loads "$K" "$BCF" "$(dirname "$BCF")/corpus/progs" "$T" 1 "${BCF_VM_TIMEOUT:-300}" >/dev/null
vm_section "$T/console.log" SAVE | base64 -d | tar -C "$T" -xzf -
rm -f "$OUT"/*.cond
printf 'prog\trequest\tcond_bytes\tstatus\tgoal\n' >"$T/requests.tsv"
for m in "$T"/save/*/manifest.tsv; do
	d=$(dirname "$m")
	p=$(basename "$d")
	tail -n +2 "$m" | while IFS='	' read -r name bytes status goal; do
		k=${name##*-}
		cp "$d/conds/$name.cond" "$OUT/$p-$k.cond"
		printf '%s\t%s\t%s\t%s\t%s\n' "$p" "$k" "$(wc -c <"$d/conds/$name.cond")" "$status" "$goal"
	done
done >>"$T/requests.tsv"
mv "$T/requests.tsv" "$OUT/requests.tsv"
echo "recorded $(($(wc -l <"$OUT/requests.tsv") - 1)) requests in $OUT"
