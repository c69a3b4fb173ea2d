#!/bin/sh
# SPDX-License-Identifier: MIT
# Nodes and steps within the format's limits (spec rules-bool.md 6.5,
# rules-core.md 3.2): goals whose proofs used to end in an error (exit 2)
# because a node or a step went past a limit now prove, and the proof is
# accepted by bcf check in strict and in kernel-compat mode.  The goals come
# from bench/limit_shapes.sh --gen:
#   or-ult 250   a 250-way (or (bvult x c) ...) against x >= c: EVALUATE over
#                the wide or (192 evaluation frames), then a resolution chain
#                over 255 literals ("Argument list too long")
#   not-and 300  (not (and ...)) of 300: a 255-argument conjunction lost its
#                CNF_AND_NEG clause ("the bit-level encoding is satisfiable")
#   not-and 1000 the same, nested conjunctions
#   ite 62       a 62-long ite chain compared with x + 1: a resolution of two
#                130-literal clauses ("Argument list too long")
#   ite 64       the same at 64: bits of the chain alike down to 64 levels
#                ("RESOLUTION: literal comparison too deep", 128 open pairs)
#   ite 98, 110  a learned clause whose chain held over 255 literals at once
#                (unprovable-kernel: "a clause of more than 255 literals")
#   ite0 125     a goal 128 nodes deep, the most the kernel's ASSUME compares
#   add 5, 30    x+1+...+1 != x+n at 64 bits: proofs that grew with n^2
#                (5.4 MB; 30: over the kernel's 32 MiB, proof-too-large);
#                each is held to a size bound
#   add 100      the same chain, whose search grew with n^2 (a time-out)
#   add128 40    the same at 128 bits, constants first: no lemma above 64 bits,
#                then no carry invariants (time-outs)
# and goals past the kernel's goal comparison (format.md 3: 128 levels, 128
# variables), which no proof can pass: unprovable-kernel (exit 4) naming
# the limit, no proof file, instead of an error of the self-check (exit 2).
# TAP output.
set -u
bcf=${BCF_BIN:-./bcf}
gen=${BCF_SRCDIR:-..}/bench/limit_shapes.sh
n=0
ok() { # ok COND-EXIT-STATUS DESCRIPTION
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}
T=$(mktemp -d "${TMPDIR:-/tmp}/bcf-limits.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

# prove_checked SHAPE N: generate the goal, import it, prove it into
# $T/p.bcf and check the proof in strict and in kernel-compat mode (four
# points); the proof's size is left in $sz for further assertions.
prove_checked() {
	f="$T/$1-$2.smt2"
	sh "$gen" --gen "$1" "$2" >"$f"
	"$bcf" import "$f" -o "$T/c.cond" >/dev/null 2>&1
	ok $? "$1 $2: the script imports"
	rm -f "$T/p.bcf"
	"$bcf" prove "$f" -o "$T/p.bcf" >"$T/out" 2>&1
	rc=$?
	sz=$(wc -c <"$T/p.bcf" 2>/dev/null || echo 0)
	ok $rc "$1 $2: proven in $sz bytes (exit $rc: $(head -c 150 "$T/out" | tr '\n' ' '))"
	"$bcf" check --cond "$T/c.cond" "$T/p.bcf" >/dev/null 2>&1
	ok $? "$1 $2: the proof is accepted in strict mode"
	"$bcf" check --kernel-compat --cond "$T/c.cond" "$T/p.bcf" >/dev/null 2>&1
	ok $? "$1 $2: the proof is accepted in kernel-compat mode"
}
for g in "or-ult 250" "not-and 300" "not-and 1000" "ite 62" "ite 64" "ite 98" "ite 110" "ite0 125"; do
	prove_checked $g
done

# the wide (or ...) is refuted at the word level: no EVALUATE over it (the
# kernel's evaluator would overflow), an ACI_NORM closes it instead
sh "$gen" --gen or-ult 250 >"$T/o.smt2"
"$bcf" prove "$T/o.smt2" -o "$T/o.bcf" >/dev/null 2>&1
"$bcf" check -v "$T/o.bcf" >"$T/o.log" 2>&1
grep -q 'ACI_NORM .*bool_disj(250)' "$T/o.log"
ok $? "or-ult 250: the disjunction of false constants is closed by ACI_NORM"

# past the kernel's goal comparison: ite 125 is 129 nodes deep; 129 variables
sh "$gen" --gen ite 125 >"$T/deep.smt2"
{
	echo "(set-logic QF_BV)"
	i=0
	while [ $i -lt 129 ]; do echo "(declare-fun x$i () (_ BitVec 8))"; i=$((i + 1)); done
	printf "(assert (and"
	i=0
	while [ $i -lt 129 ]; do printf " (bvult x$i #x05)"; i=$((i + 1)); done
	echo "))"
	echo "(assert (bvugt x128 #x07))"
} >"$T/vars.smt2"
for g in "deep:129 nodes deep" "vars:129 variables"; do
	f=${g%%:*}
	rm -f "$T/p.bcf"
	"$bcf" prove "$T/$f.smt2" -o "$T/p.bcf" >"$T/out" 2>&1
	rc=$?
	[ $rc -eq 4 ] && [ ! -e "$T/p.bcf" ] && grep -q "unprovable-kernel: .*over a kernel checker limit: the goal .*${g#*:}" "$T/out"
	ok $? "$f: unprovable-kernel naming the limit (exit $rc: $(head -c 200 "$T/out" | tr '\n' ' '))"
done
# --timeout is the whole prove's: a+b+...+h against h+g+...+a (32 bits)
# needs minutes of proof search (before, every attempt got the full limit
# anew); with --timeout 3 it ends as a timeout (exit 3), nothing written.
# The 60 s guard only catches a prove that ignores its limit.  (This was
# x+1+...+1 (60 times) against x+60 before the add chains' lemmas proved
# that in 2 s.)
{
	echo "(set-logic QF_BV)"
	fwd=a
	rev=h
	for v in a b c d e f g h; do echo "(declare-fun $v () (_ BitVec 32))"; done
	for v in b c d e f g h; do fwd="(bvadd $fwd $v)"; done
	for v in g f e d c b a; do rev="(bvadd $rev $v)"; done
	echo "(assert (not (= $fwd $rev)))"
} >"$T/addchain.smt2"
rm -f "$T/p.bcf"
t0=$(date +%s)
timeout 60 "$bcf" prove --timeout 3 "$T/addchain.smt2" -o "$T/p.bcf" >"$T/out" 2>&1
rc=$?
t1=$(date +%s)
[ $rc -eq 3 ] && [ ! -e "$T/p.bcf" ] && grep -q "^unknown: timeout" "$T/out"
ok $? "a+...+h = h+...+a, --timeout 3: a timeout (exit $rc after $((t1 - t0)) s: $(head -c 150 "$T/out" | tr '\n' ' '))"
# Bit order (solver/refute.c): x+1+1+1+1+1 != x+5 at 64 bits took a proof of
# 5.4 MB from the plain search; the search that refutes the equality's bits
# from bit 0 up, tried for a proof of 512 KB or more, gives 0.7 MB.
prove_checked add 5
[ "$sz" -gt 0 ] && [ "$sz" -le 2000000 ]
ok $? "add chain of 5 at 64 bits: a proof of $sz bytes (at most 2,000,000)"
# Add chains (solver/chain.c): x+1+...+1 (30 times) != x+30 at 64 bits ended
# proof-too-large (the searches' proofs grow with the square of the chain);
# the lemma atoms (= T_k (bvadd x k)) make the proof grow with its length
# (13.9 MB), and the links' carry invariants (solver/chain_carry.c), each
# learned on its own, make it 4.0 MB.
prove_checked add 30
[ "$sz" -gt 0 ] && [ "$sz" -le 6000000 ]
ok $? "add chain of 30 at 64 bits: a proof of $sz bytes (at most 6,000,000)"
# Short chains take the lemmas first too: (x+y)+1+...+1 (12 times) against
# (x+12)+y at 64 bits, where the plain search came first, spent 30 s on a
# 92 MB refutation and fell back to the lemmas; the first search is now the
# lemmas' (the debug trace names a lemma before any search's statistics).
prove_checked addxy 12
sh "$gen" --gen addxy 12 >"$T/xy.smt2"
BCF_DEBUG=1 "$bcf" prove "$T/xy.smt2" -o "$T/p.bcf" 2>&1 |
	grep -E '^refute: (chain lemma|[0-9]+ decisions)' | head -1 >"$T/first"
grep -q '^refute: chain lemma' "$T/first"
ok $? "addxy 12: the chain's lemmas are the first search ($(cat "$T/first"))"
# A masked loop counter against its bound, (x & 255)+1+...+1 > 255+60 at 64
# bits: the goal's fact over the chain's last term drew every link into
# each lemma's refutation (26.6 MB, 15 s; 70 links would not fit the
# kernel's 32 MiB); with the facts after the lemmas (bcf_sat__late) 1.6 MB.
prove_checked maskule 60
[ "$sz" -gt 0 ] && [ "$sz" -le 4000000 ]
ok $? "maskule 60: a proof of $sz bytes (at most 4,000,000)"
# A 64-bit add chain of 100 links: each decision propagated through every
# link's circuit (x's bits feed x + C_k for every k), so the search grew
# with n^2 and 100 links timed out; with one window per link (sat_window.c)
# it is linear.  The point on add 40 counts the propagations the debug
# trace reports (156 million without the windows, 7.3 million with them):
# a count, not a time, so the same on every machine.
prove_checked add 100
sh "$gen" --gen add 40 >"$T/add40.smt2"
props=$(BCF_DEBUG=1 "$bcf" prove "$T/add40.smt2" -o "$T/p.bcf" 2>&1 |
	sed -n 's/^refute: [0-9]* decisions, \([0-9]*\) propagations.*/\1/p' | head -1)
[ -n "$props" ] && [ "$props" -le 30000000 ]
ok $? "add 40: ${props:-no} propagations (at most 30,000,000)"
# The same chain at 128 bits, 1 + (... (1 + x)), whose constants are
# concats of two 64-bit ones (the format's widest): no lemma was made above
# 64 bits, and 40 links timed out after a learned clause over 255 literals;
# then a link's constant on the left, a concat, hid the link below it from
# the carry invariants (chain_diff seed 19: a 70 MB proof, 42 s at best).
prove_checked add128 40
# one variable fewer fits
sed '/declare-fun x128 /d; s/ (bvult x128 #x05)//; s/x128/x127/' "$T/vars.smt2" >"$T/vars128.smt2"
"$bcf" prove "$T/vars128.smt2" -o "$T/p.bcf" >"$T/out" 2>&1
ok $? "128 variables: proven ($(head -c 150 "$T/out" | tr '\n' ' '))"
echo "1..$n"
