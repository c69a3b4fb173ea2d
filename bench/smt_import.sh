#!/bin/sh
# SPDX-License-Identifier: MIT
# Time `bcf smt` (condition -> SMT-LIB) and `bcf import` (SMT-LIB -> condition)
# over every shared vector, one process per call, wall clock per call.
# Prints count, total, p50, p90 and max for each command.
# usage: bench/smt_import.sh [BCF_BIN] [SHARED_DIR]
set -u
bcf=${1:-${BCF_BIN:-./bcf}}
shared=${2:-${BCF_SHARED_DIR:-../shared}}
[ -x "$bcf" ] || { echo "no bcf binary at $bcf" >&2; exit 2; }
# a libtool wrapper script costs a shell start per call: time the real binary
d=$(dirname "$bcf")
if head -c 2 "$bcf" | grep -q '#!' && [ -x "$d/.libs/bcf" ]; then
	LD_LIBRARY_PATH="$d/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
	export LD_LIBRARY_PATH
	bcf=$d/.libs/bcf
	echo "(timing $bcf directly, not the libtool wrapper)"
fi
[ -d "$shared/vectors/conds" ] || { echo "no vectors under $shared" >&2; exit 2; }
case $(date +%s%N) in
*N) echo "date +%s%N is not supported here" >&2; exit 2 ;;
esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcf-bench.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
have_import=1
"$bcf" import --help >/dev/null 2>&1 || have_import=0
: >"$tmp/smt.ns"
: >"$tmp/import.ns"
: >"$tmp/start.ns"
# process start-up alone (dynamic loading of libbcf and libz3), for reference
i=0
while [ $i -lt 50 ]; do
	t0=$(date +%s%N)
	"$bcf" version >/dev/null
	t1=$(date +%s%N)
	echo $((t1 - t0)) >>"$tmp/start.ns"
	i=$((i + 1))
done
smt_fail=0 import_fail=0
for f in $(ls "$shared/vectors/conds" | sort); do
	t0=$(date +%s%N)
	if ! "$bcf" smt "$shared/vectors/conds/$f" >"$tmp/q.smt2" 2>/dev/null; then
		smt_fail=$((smt_fail + 1))
		continue
	fi
	t1=$(date +%s%N)
	echo $((t1 - t0)) >>"$tmp/smt.ns"
	[ $have_import = 1 ] || continue
	t1=$(date +%s%N)
	if ! "$bcf" import "$tmp/q.smt2" -o "$tmp/q.cond" >/dev/null 2>&1; then
		import_fail=$((import_fail + 1))
		continue
	fi
	t2=$(date +%s%N)
	echo $((t2 - t1)) >>"$tmp/import.ns"
done
summary() { # name file failures
	sort -n "$2" | awk -v name="$1" -v fail="$3" '
		{ v[NR] = $1; s += $1 }
		END {
			if (NR == 0) { printf "%-7s no successful runs (%d failed)\n", name, fail; exit }
			p50 = v[int((NR + 1) / 2)]; p90 = v[int(NR * 0.9) > 0 ? int(NR * 0.9) : 1]
			printf "%-7s n=%d failed=%d total=%.1f ms p50=%.2f ms p90=%.2f ms max=%.2f ms\n",
			       name, NR, fail, s / 1e6, p50 / 1e6, p90 / 1e6, v[NR] / 1e6
		}'
}
summary "startup" "$tmp/start.ns" 0
summary "smt" "$tmp/smt.ns" $smt_fail
if [ $have_import = 1 ]; then
	summary "import" "$tmp/import.ns" $import_fail
else
	echo "import  not available in $bcf"
fi
