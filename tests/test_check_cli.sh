#!/bin/sh
# SPDX-License-Identifier: MIT
# bcf check: verdicts, exit codes, messages, JSON and the -v log on shared vectors.
set -u
bcf=${BCF_BIN:-./bcf}
v=${BCF_SHARED_DIR:-../shared}/vectors
n=0
fail=0
ok() { # ok COND-EXIT-STATUS DESCRIPTION
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
}
if [ ! -d "$v/proofs" ]; then
	echo "ok 1 # SKIP no shared vectors"
	echo "1..1"
	exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcf-check-cli.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# a fully checked proof (no trusted step), one with a trusted REWRITE id 0, one EOPNOTSUPP
full=bench_2178
trusted=bench_1012
unsup=bench_3712

"$bcf" check --cond "$v/conds/$full.cond" "$v/proofs/$full.bcf" >"$tmp/out" 2>"$tmp/err"
ok $? "strict accepts $full"
grep -q '^accepted (' "$tmp/out"; ok $? "prints 'accepted'"

"$bcf" check "$v/proofs/$full.bcf" >/dev/null 2>&1
ok $? "without a goal the proof's own ASSUME is used"

"$bcf" check --kernel-compat --cond "$v/conds/$trusted.cond" "$v/proofs/$trusted.bcf" \
	>"$tmp/out" 2>&1
ok $? "kernel-compat accepts $trusted (trusted REWRITE)"
grep -q '1 trusted' "$tmp/out"; ok $? "reports the trusted step"

"$bcf" check --cond "$v/conds/$trusted.cond" "$v/proofs/$trusted.bcf" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ]; ok $? "strict rejects $trusted with exit 1"
grep -q 'step [0-9]* (REWRITE): .*(EINVAL)' "$tmp/err"; ok $? "message names step, rule and errno"

"$bcf" check --json --cond "$v/conds/$trusted.cond" "$v/proofs/$trusted.bcf" >"$tmp/json" 2>&1
[ $? -eq 1 ]; ok $? "--json keeps the exit status"
grep -q '"verdict":"reject","errno":22,"errno_name":"EINVAL","step":[0-9]*,"rule":"REWRITE"' \
	"$tmp/json"; ok $? "--json verdict, errno, step and rule"
grep -q '"rules":{"ASSUME":1,' "$tmp/json"; ok $? "--json rule histogram"
grep -q '"steps":421,' "$tmp/json"; ok $? "--json step count"

"$bcf" check --json --kernel-compat --cond "$v/conds/$unsup.cond" "$v/proofs/$unsup.bcf" \
	>"$tmp/json" 2>&1
[ $? -eq 1 ]; ok $? "$unsup rejected"
grep -q '"errno_name":"EOPNOTSUPP"' "$tmp/json"; ok $? "with EOPNOTSUPP, as upstream"

"$bcf" check -v --kernel-compat --cond "$v/conds/$trusted.cond" "$v/proofs/$trusted.bcf" \
	>"$tmp/log" 2>&1
ok $? "-v accepted"
[ "$(head -n 1 "$tmp/log")" = "checking 421 proof steps" ]; ok $? "-v log starts as the kernel's"
[ "$(tail -n 1 "$tmp/log")" = "proof accepted" ]; ok $? "-v log ends as the kernel's"
grep -q '^; WARNING: applying trusted step rewrite$' "$tmp/log"; ok $? "-v trusted-step warning"
[ "$(grep -c '^(#' "$tmp/log")" -eq 421 ]; ok $? "-v prints every step"

# upstream goal file: goal id, then the kernel's expression words
tail -c 4 "$v/conds/$full.cond" >"$tmp/goal"
head -c -8 "$v/conds/$full.cond" >>"$tmp/goal"
"$bcf" check --goal "$tmp/goal" "$v/proofs/$full.bcf" >/dev/null 2>&1
ok $? "--goal with an upstream goal file"
"$bcf" check --goal "$tmp/goal" "$v/proofs/$trusted.bcf" --kernel-compat >/dev/null 2>"$tmp/err"
[ $? -eq 1 ]; ok $? "another goal does not match"
grep -q 'step [0-9]* (ASSUME)' "$tmp/err"; ok $? "the mismatch is reported at ASSUME"
printf 'xyz' >"$tmp/badgoal"
"$bcf" check --goal "$tmp/badgoal" "$v/proofs/$full.bcf" >/dev/null 2>&1
[ $? -eq 1 ]; ok $? "a malformed goal file is invalid input"

head -c 100 "$v/proofs/$full.bcf" >"$tmp/trunc.bcf"
"$bcf" check "$tmp/trunc.bcf" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ]; ok $? "a truncated proof is rejected"
grep -q 'EINVAL' "$tmp/err"; ok $? "with EINVAL"

"$bcf" check >/dev/null 2>&1
[ $? -eq 2 ]; ok $? "no proof: usage error"
"$bcf" check "$tmp/missing.bcf" >/dev/null 2>&1
[ $? -eq 2 ]; ok $? "missing file: I/O error"
"$bcf" check --path "$v/proofs/$full.bcf" >/dev/null 2>&1
[ $? -eq 2 ]; ok $? "--path without --cond: usage error"
"$bcf" check --cond "$v/conds/$full.cond" --path "$v/proofs/$full.bcf" >/dev/null 2>&1
[ $? -eq 1 ]; ok $? "--path on a condition without path_cond: invalid input"

echo "1..$n"
exit $fail
