#!/bin/sh
# bench/widen_vectors.sh: every shared vector with its widths multiplied,
# proved.  Each SMT-LIB vector whose widest bit vector is at most 128/K bits
# gets every bit turned into a block of K (sorts, extract indices, extension
# and rotation amounts scaled; literals keep their values, as
# fuzz/vector_mutate.sh widens), so the bench_* goals of 8 to 32 bits become
# the 64- and 128-bit goals of the same family.  z3 decides each variant
# (they are new goals: some are satisfiable); each unsat one is proved with
# bcf prove --timeout 60.  Prints the counts (proven, unprovable-kernel by
# reason, errors, timeouts), p50/p90/max of time and proof bytes, and one
# line per error or timeout.
# usage: bench/widen_vectors.sh [BUILD_DIR] [SHARED_DIR] [K] [JOBS]
#        (K = 2 by default; JOBS parallel proves, 2 by default)
set -u
B=${1:-.}
S=${2:-../shared}
K=${3:-2}
J=${4:-2}
BCF=$(cd "$B" && pwd)/bcf
[ -x "$BCF" ] || { echo "bench/widen_vectors.sh: $BCF not found"; exit 2; }
command -v z3 >/dev/null || { echo "bench/widen_vectors.sh: z3 not found"; exit 2; }
T=$(mktemp -d "${TMPDIR:-/tmp}/widen-vectors.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

cat >"$T/widen.pl" <<'EOF'
use Math::BigInt;
my $k = shift;
local $/; my $s = <>;
my $maxw = 0;
while ($s =~ /\(_ BitVec (\d+)\)/g) { $maxw = $1 if $1 > $maxw }
exit 3 if $maxw * $k > 128;
$s =~ s{\(_ BitVec (\d+)\)|\(_ bv(\d+) (\d+)\)|#x([0-9a-fA-F]+)|#b([01]+)|\(_ extract (\d+) (\d+)\)|\(_ (zero_extend|sign_extend|rotate_left|rotate_right) (\d+)\)}{
	defined $1 ? "(_ BitVec " . $k * $1 . ")" :
	defined $2 ? "(_ bv$2 " . $k * $3 . ")" :
	defined $4 ? "(_ bv" . Math::BigInt->from_hex($4)->bstr . " " . 4 * $k * length($4) . ")" :
	defined $5 ? "(_ bv" . Math::BigInt->from_bin($5)->bstr . " " . $k * length($5) . ")" :
	defined $6 ? "(_ extract " . ($k * ($6 + 1) - 1) . " " . $k * $7 . ")" :
	"(_ $8 " . $k * $9 . ")"
}ge;
print $s;
EOF
# one vector: a line "name status bytes seconds detail"
cat >"$T/one.sh" <<'EOF'
f=$1; T=$2; K=$3; BCF=$4
n=$(basename "$f" .smt2)
perl "$T/widen.pl" "$K" <"$f" >"$T/$n.smt2" || { echo "$n too-wide 0 0"; rm -f "$T/$n.smt2"; exit 0; }
z=$(z3 -T:30 "$T/$n.smt2" 2>&1 | head -1)
if [ "$z" != unsat ]; then echo "$n z3-$z 0 0"; rm -f "$T/$n.smt2"; exit 0; fi
t0=$(date +%s.%N)
"$BCF" prove --json --timeout 60 "$T/$n.smt2" -o "$T/$n.bcf" >"$T/$n.json" 2>&1
t1=$(date +%s.%N)
st=$(sed -n 's/.*"status":"\([^"]*\)".*/\1/p' "$T/$n.json")
by=$(sed -n 's/.*"bytes":\([0-9]*\).*/\1/p' "$T/$n.json")
de=$(sed -n 's/.*"detail":"\([^"]*\)".*/\1/p' "$T/$n.json" | head -c 150)
[ -n "$st" ] || { st=error; de=$(head -c 150 "$T/$n.json" | tr '\n' ' '); }
echo "$n $st ${by:-0} $(echo "$t1 - $t0" | bc) $de"
rm -f "$T/$n.smt2" "$T/$n.bcf" "$T/$n.json"
EOF
ls "$S"/vectors/smt2/*.smt2 | grep -v '\.sf\.smt2$' |
	xargs -P "$J" -n 1 sh -c 'sh "$1/one.sh" "$4" "$1" "$2" "$3"' sh "$T" "$K" "$BCF" >"$T/res"
# p50 / p90 / max of column C over the proven ones
q() {
	awk -v c="$1" '$2 ~ /^proven/ { print $c }' "$T/res" | sort -n | awk -v f="$2" '
		{ v[NR] = $1 } END { if (!NR) { print "-"; exit }
		i = int(NR * 0.5 + 0.5); j = int(NR * 0.9 + 0.5); if (i < 1) i = 1; if (j < 1) j = 1
		printf f, v[i], v[j], v[NR] }'
}
awk -v k="$K" '
	{ n++; st[$2]++ }
	$2 == "unprovable-kernel" { $1 = $2 = $3 = $4 = ""; why[substr($0, 5)]++ }
	END {
		printf "widths x%d: %d vectors\n", k, n
		for (s in st) printf "  %-22s %d\n", s, st[s]
		for (w in why) printf "  unprovable-kernel: %s (%d)\n", w, why[w]
	}' "$T/res"
echo "  prove time (s), proven: $(q 4 'p50 %.3f  p90 %.3f  max %.3f')"
echo "  proof bytes, proven:    $(q 3 'p50 %d  p90 %d  max %d')"
awk '$2 == "error" || $2 == "unknown" { print "  " $0 }' "$T/res"
