#!/bin/sh
# SPDX-License-Identifier: MIT
# Trust accounting: the kernel-trusted steps of a proof (REWRITE id 0,
# POLY_NORM) in bcf prove (text, --json), bcf check --json, results.jsonl and
# bcf report, all counted from the proof bytes; bcf prove --no-trusted.
# TAP output.
. "${BCF_SRCDIR:-.}/tests/lib.sh"
bcf=$BCF
v=$SHARED/vectors
mkdir "$T/in"

# multiplication by a constant: no route the kernel checks (BITBLAST has no
# bv_mul circuit, no rewrite removes it), so its proof needs a POLY_NORM
cat >"$T/in/mul3.smt2" <<'EOF'
(set-logic QF_BV)
(declare-fun x () (_ BitVec 16))
(assert (not (= (bvmul x #x0003) (bvadd x (bvadd x x)))))
(check-sat)
EOF
# linear facts over add/sub and constants: kernel-checked circuits only
cat >"$T/in/lin.smt2" <<'EOF'
(set-logic QF_BV)
(declare-fun x () (_ BitVec 32))
(declare-fun y () (_ BitVec 32))
(assert (= (bvadd x #x00000005) y))
(assert (= (bvsub y x) #x00000007))
(check-sat)
EOF

# 1. text output
"$bcf" prove "$T/in/lin.smt2" -o "$T/lin.bcf" >"$T/lin.out" 2>&1
ok $? "prove lin: exit 0"
grep -q '^kernel-trusted: 0 steps' "$T/lin.out"
ok $? "prove lin: no kernel-trusted step ($(tail -1 "$T/lin.out"))"
"$bcf" prove "$T/in/mul3.smt2" -o "$T/mul3.bcf" >"$T/mul3.out" 2>&1
ok $? "prove mul3: exit 0"
grep -q '^kernel-trusted: [1-9][0-9]* steps\{0,1\} (POLY_NORM [1-9]' "$T/mul3.out"
ok $? "prove mul3: kernel-trusted POLY_NORM counted ($(tail -1 "$T/mul3.out" | cut -c1-60))"
grep -q 'first: (bool_eq(2) (bv_mul(2)' "$T/mul3.out"
ok $? "prove mul3: the first trusted fact is printed"

# 2. --json of prove and check agree (both from the proof bytes)
"$bcf" prove --json "$T/in/mul3.smt2" -o "$T/mul3.bcf" >"$T/mul3.json"
pk=$(sed -n 's/.*"kernel_trusted_steps":\([0-9]*\).*/\1/p' "$T/mul3.json")
"$bcf" check --json --kernel-compat --cond "$T/in/mul3.smt2" "$T/mul3.bcf" >"$T/c.json" 2>&1 ||
	"$bcf" check --json --kernel-compat "$T/mul3.bcf" >"$T/c.json"
ck=$(sed -n 's/.*"kernel_trusted_steps":\([0-9]*\).*/\1/p' "$T/c.json")
[ -n "$pk" ] && [ "$pk" -gt 0 ] && [ "$pk" = "$ck" ]
ok $? "prove --json and check --json count the same kernel-trusted steps ($pk, $ck)"
grep -q '"kernel_trusted":{"POLY_NORM":[1-9]' "$T/mul3.json"
ok $? "prove --json: kernel_trusted by rule"
"$bcf" check --json "$T/mul3.bcf" >"$T/s.json"
grep -q '"verdict":"accept".*"trusted_steps":0,"kernel_trusted_steps":'"$pk" "$T/s.json"
ok $? "check --json strict: POLY_NORM verified (trusted_steps 0), still counted as kernel-trusted"
"$bcf" prove --json "$T/in/lin.smt2" -o "$T/lin.bcf" >"$T/lin.json"
grep -q '"kernel_trusted_steps":0,"kernel_trusted":{}' "$T/lin.json"
ok $? "prove --json lin: kernel_trusted_steps 0"

# 3. --no-trusted refuses, names the fact, writes nothing
"$bcf" prove --no-trusted "$T/in/mul3.smt2" -o "$T/no.bcf" >"$T/no.out" 2>&1
rc=$?
[ "$rc" = 4 ]
ok $? "prove --no-trusted mul3: exit 4 (got $rc)"
grep -q 'unprovable-kernel: .*kernel-trusted step.*POLY_NORM (bool_eq(2) (bv_mul(2)' "$T/no.out"
ok $? "prove --no-trusted: names the rule and the fact"
[ ! -e "$T/no.bcf" ]
ok $? "prove --no-trusted: no proof file"
"$bcf" prove --no-trusted "$T/in/lin.smt2" -o "$T/lin2.bcf" >/dev/null 2>&1
ok $? "prove --no-trusted lin: exit 0 (nothing trusted)"

# 4. upstream vector with both kinds (REWRITE id 0 and POLY_NORM)
if [ -f "$v/proofs/bench_1006.bcf" ]; then
	"$bcf" check --json --kernel-compat --cond "$v/conds/bench_1006.cond" \
		"$v/proofs/bench_1006.bcf" >"$T/u.json"
	grep -q '"kernel_trusted_steps":2,"kernel_trusted":{"REWRITE":1,"POLY_NORM":1}' "$T/u.json"
	ok $? "check --json --kernel-compat bench_1006: REWRITE 1, POLY_NORM 1"
else
	n=$((n + 1))
	echo "ok $n # SKIP no shared vectors"
fi

# 5. results.jsonl and the report
"$bcf" batch "$T/in" -o "$T/r.jsonl" -j 1 --quiet >/dev/null 2>&1
ok $? "batch runs"
grep '"name":"mul3' "$T/r.jsonl" | grep -q '"kernel_trusted_steps":[1-9][0-9]*,"kernel_trusted":{"POLY_NORM"'
ok $? "results.jsonl: mul3 has kernel-trusted POLY_NORM steps"
grep '"name":"lin' "$T/r.jsonl" | grep -q '"kernel_trusted_steps":0,"kernel_trusted":{}'
ok $? "results.jsonl: lin has none"
"$bcf" report "$T/r.jsonl" >"$T/rep.out" 2>&1
grep -q '^kernel-checked: 1 of 2 proofs fully kernel-checked, 1 with kernel-trusted steps (POLY_NORM 1 proof / ' "$T/rep.out"
ok $? "report: $(grep '^kernel-checked' "$T/rep.out")"
grep -q '^| POLY_NORM  *|  *[1-9][0-9]* |  *[1-9][0-9]* |$' "$T/rep.out"
ok $? "report: kernel-trusted column of the rule table"
echo "1..$n"
