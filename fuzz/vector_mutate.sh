#!/bin/sh
# SPDX-License-Identifier: MIT
# fuzz/vector_mutate.sh: the shared vectors with their constants moved, against
# z3.  Each goal is one of ../shared/vectors/smt2 (picked by the seed) with one
# to three of its bit-vector literals ((_ bvN W), #x..., #b...) replaced: by
# N - 1, N + 1, N * 2, N / 2, 0, all ones, or a random value of the width;
# in half of them one operator is swapped too (bvult/bvule, bvslt/bvsle and
# the like, bvadd/bvsub, bvand/bvor), and in a quarter every width is doubled
# (every bit a block of two: extract indices, extension and rotation
# amounts scaled, literals keeping their values; goals up to 64 bits wide
# become the 64- and 128-bit puzzles the held-back set has).
# The goals keep the vectors' structure (the benchmark family of the
# held-back set) and cross the line between unsat and sat.  z3 decides each
# one; bcf prove (--timeout 60) must then prove it (exit 0, the proof
# accepted by bcf check in strict and in kernel-compat mode), give a
# counterexample (exit 1), or say unprovable-kernel (exit 4) for an unsat
# goal, naming the rule; an error (exit 2), a timeout (exit 3), a verdict
# against z3's, or unprovable-kernel because every refutation tried ran
# into a kernel limit (a clause over 255 literals, say: the prover's
# weakness, not the goal's) is a mismatch.
#
# usage: fuzz/vector_mutate.sh BCF SHARED_DIR SEED COUNT [KEEP_DIR]
#   prints one line per mismatch and a summary: N goals, unsat proven, sat
#   found, unprovable-kernel (by reason), z3 unknown, mismatches; exit 1 if
#   any mismatch.  KEEP_DIR keeps the mismatching goals.
set -u
bcf=${1:?usage: fuzz/vector_mutate.sh BCF SHARED_DIR SEED COUNT [KEEP_DIR]}
shared=${2:?shared dir}
seed=${3:?seed}
count=${4:?count}
keep=${5:-}
command -v z3 >/dev/null || { echo "vector_mutate: z3 not found"; exit 2; }
. "$(dirname "$0")/proof_checked.sh"
command -v perl >/dev/null || { echo "vector_mutate: perl not found"; exit 2; }
T=$(mktemp -d "${TMPDIR:-/tmp}/vector-mutate.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
[ -n "$keep" ] && mkdir -p "$keep"
ls "$shared/vectors/smt2"/*.smt2 >"$T/list" 2>/dev/null || { echo "vector_mutate: no vectors"; exit 2; }
nvec=$(wc -l <"$T/list")

# mutate SEED INDEX FILE: the mutant on stdout, the change on stderr
mutate() {
	perl -MMath::BigInt -e '
		my ($seed, $idx, $file) = @ARGV;
		srand($seed * 100003 + $idx);
		local $/; open(my $fh, "<", $file) or die "$file: $!"; my $s = <$fh>;
		# the literals: offset, length, value, width
		my @lit;
		while ($s =~ /\(_ bv(\d+) (\d+)\)|#x([0-9a-fA-F]+)|#b([01]+)/g) {
			my ($v, $w);
			if (defined $1) { $v = Math::BigInt->new($1); $w = $2 }
			elsif (defined $3) { $v = Math::BigInt->from_hex($3); $w = 4 * length($3) }
			else { $v = Math::BigInt->from_bin($4); $w = length($4) }
			push @lit, [ $-[0], $+[0] - $-[0], $v, $w ];
		}
		print(STDERR "no literal\n"), print($s), exit 0 unless @lit;
		my $k = 1 + int(rand(3));
		my %pick;
		$pick{int(rand(@lit))} = 1 for 1 .. $k;
		for my $i (sort { $b <=> $a } keys %pick) {
			my ($off, $len, $v, $w) = @{$lit[$i]};
			my $m = Math::BigInt->new(2)->bpow($w);
			my $r = int(rand(7));
			my $n = $v->copy;
			if ($r == 0) { $n->bsub(1) } elsif ($r == 1) { $n->badd(1) }
			elsif ($r == 2) { $n->bmul(2) } elsif ($r == 3) { $n->bdiv(2) }
			elsif ($r == 4) { $n = Math::BigInt->new(0) }
			elsif ($r == 5) { $n = $m->copy->bsub(1) }
			else { $n = Math::BigInt->new(0); $n->bmul(65536)->badd(int(rand(65536))) for 1 .. 1 + int($w / 16) }
			$n->bmod($m);
			print STDERR "literal $i (width $w): $v -> $n\n";
			substr($s, $off, $len) = "(_ bv" . $n->bstr . " $w)";
		}
		# and in half the goals one operator swapped for its partner
		my %swap = (bvult => "bvule", bvule => "bvult", bvugt => "bvuge", bvuge => "bvugt",
			    bvslt => "bvsle", bvsle => "bvslt", bvsgt => "bvsge", bvsge => "bvsgt",
			    bvadd => "bvsub", bvsub => "bvadd", bvand => "bvor", bvor => "bvand");
		my @ops;
		push @ops, [ $-[1], $1 ] while $s =~ /\((bv(?:[us](?:lt|le|gt|ge)|add|sub|and|or)) /g;
		if (@ops && rand() < 0.5) {
			my ($off, $op) = @{$ops[int(rand(@ops))]};
			print STDERR "operator at $off: $op -> $swap{$op}\n";
			substr($s, $off, length($op)) = $swap{$op};
		}
		# and in a quarter of them every width doubled (up to 128 bits):
		# every bit a block of two, as bench/ext_con_widths.sh scales, and
		# each literal keeps its value
		my $maxw = 0;
		while ($s =~ /\(_ BitVec (\d+)\)/g) { $maxw = $1 if $1 > $maxw }
		if ($maxw && $maxw <= 64 && rand() < 0.25) {
			print STDERR "widths doubled (widest $maxw)\n";
			$s =~ s{\(_ BitVec (\d+)\)|\(_ bv(\d+) (\d+)\)|#x([0-9a-fA-F]+)|#b([01]+)|\(_ extract (\d+) (\d+)\)|\(_ (zero_extend|sign_extend|rotate_left|rotate_right) (\d+)\)}{
				defined $1 ? "(_ BitVec " . 2 * $1 . ")" :
				defined $2 ? "(_ bv$2 " . 2 * $3 . ")" :
				defined $4 ? "(_ bv" . Math::BigInt->from_hex($4)->bstr . " " . 8 * length($4) . ")" :
				defined $5 ? "(_ bv" . Math::BigInt->from_bin($5)->bstr . " " . 2 * length($5) . ")" :
				defined $6 ? "(_ extract " . (2 * $6 + 1) . " " . 2 * $7 . ")" :
				"(_ $8 " . 2 * $9 . ")"
			}ge;
		}
		print $s;
	' "$1" "$2" "$3"
}

i=0; unsat=0; sat=0; unprov=0; unk=0; bad=0
: >"$T/reasons"
while [ "$i" -lt "$count" ]; do
	pick=$(perl -e 'srand($ARGV[0] * 7919 + $ARGV[1]); print 1 + int(rand($ARGV[2]))' \
		"$seed" "$i" "$nvec")
	src=$(sed -n "${pick}p" "$T/list")
	f="$T/g.smt2"
	mutate "$seed" "$i" "$src" >"$f" 2>"$T/change"
	z=$(z3 -T:60 "$f" 2>&1 | head -1)
	rm -f "$T/p.bcf"
	"$bcf" prove --timeout 60 "$f" -o "$T/p.bcf" >"$T/out" 2>&1
	rc=$?
	ok=0
	if [ "$z" != sat ] && [ "$z" != unsat ]; then
		ok=1; unk=$((unk + 1)) # z3 could not decide it: no reference
	elif [ "$z" = unsat ] && [ $rc -eq 0 ] &&
	   proof_checked "$bcf" "$f" "$T"; then
		ok=1; unsat=$((unsat + 1))
	elif [ "$z" = sat ] && [ $rc -eq 1 ]; then
		ok=1; sat=$((sat + 1))
	elif [ "$z" = unsat ] && [ $rc -eq 4 ] && grep -q '^unprovable-kernel: ' "$T/out" &&
	   ! grep -q 'refutations tried' "$T/out"; then
		# (a limit every refutation ran into is the prover's, not the goal's)
		ok=1; unprov=$((unprov + 1))
		sed -n 's/^unprovable-kernel: .*rules: //p' "$T/out" | head -1 >>"$T/reasons"
	fi
	if [ $ok -eq 0 ]; then
		bad=$((bad + 1))
		echo "mismatch: seed $seed goal $i ($(basename "$src") $(tr '\n' ';' <"$T/change")): z3 $z, bcf exit $rc: $(head -c 200 "$T/out" | tr '\n' ' ')"
		[ -n "$keep" ] && cp "$f" "$keep/mutant-$seed-$i.smt2"
	fi
	i=$((i + 1))
done
echo "vector_mutate: seed $seed: $count goals, $unsat unsat proven (both modes), $sat sat found, $unprov unprovable-kernel, $unk z3 unknown, $bad mismatches"
sort "$T/reasons" | uniq -c | sed 's/^/  unprovable-kernel: /'
[ "$bad" -eq 0 ]
