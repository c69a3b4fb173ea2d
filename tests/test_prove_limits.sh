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

for g in "or-ult 250" "not-and 300" "not-and 1000" "ite 62" "ite 64"; do
	set -- $g
	f="$T/$1-$2.smt2"
	sh "$gen" --gen "$1" "$2" >"$f"
	"$bcf" import "$f" -o "$T/c.cond" >/dev/null 2>&1
	ok $? "$g: the script imports"
	rm -f "$T/p.bcf"
	"$bcf" prove "$f" -o "$T/p.bcf" >"$T/out" 2>&1
	rc=$?
	ok $rc "$g: proven (exit $rc: $(head -c 150 "$T/out" | tr '\n' ' '))"
	"$bcf" check --cond "$T/c.cond" "$T/p.bcf" >/dev/null 2>&1
	ok $? "$g: the proof is accepted in strict mode"
	"$bcf" check --kernel-compat --cond "$T/c.cond" "$T/p.bcf" >/dev/null 2>&1
	ok $? "$g: the proof is accepted in kernel-compat mode"
done

# the wide (or ...) is refuted at the word level: no EVALUATE over it (the
# kernel's evaluator would overflow), an ACI_NORM closes it instead
sh "$gen" --gen or-ult 250 >"$T/o.smt2"
"$bcf" prove "$T/o.smt2" -o "$T/o.bcf" >/dev/null 2>&1
"$bcf" check -v "$T/o.bcf" >"$T/o.log" 2>&1
grep -q 'ACI_NORM .*bool_disj(250)' "$T/o.log"
ok $? "or-ult 250: the disjunction of false constants is closed by ACI_NORM"
echo "1..$n"
