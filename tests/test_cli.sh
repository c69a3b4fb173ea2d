#!/bin/sh
# SPDX-License-Identifier: MIT
# bcf smt / print / info: output, exit status (0 ok, 1 invalid input, 2 usage
# or I/O) and messages, on shared vectors and on files broken on purpose.
set -u
shared=${BCF_SHARED_DIR:-../shared}
bcf=${BCF_BIN:-./bcf}
cond=$shared/vectors/conds/bench_1006.cond
proof=$shared/vectors/proofs/bench_1945.bcf
if [ ! -x "$bcf" ] || [ ! -f "$cond" ] || [ ! -f "$proof" ]; then
	echo "1..1"
	echo "ok 1 # SKIP no bcf binary or no vectors"
	exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcf-cli.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0
t() { # t DESCRIPTION COND...
	desc=$1; shift
	n=$((n + 1))
	if "$@"; then echo "ok $n - $desc"; else echo "not ok $n - $desc"; fi
}
# run CMD...: sets rc, out (stdout file), err (stderr file)
run() { "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
has() { grep -qF -- "$1" "$2"; }
# patch FILE BYTE-OFFSET HEX-BYTES... (e.g. '\377')
patch() { f=$1 off=$2; shift 2; printf "$@" | dd of="$f" bs=1 seek="$off" conv=notrunc 2>/dev/null; }

# ---- bcf smt ----
run "$bcf" smt "$cond"
t "smt: exit 0" [ $rc -eq 0 ]
t "smt: a QF_BV script" sh -c "head -1 '$tmp/out' | grep -qx '(set-logic QF_BV)' &&
	grep -qx '(declare-fun v0 () (_ BitVec 8))' '$tmp/out' && grep -q '^(assert ' '$tmp/out' &&
	tail -2 '$tmp/out' | tr '\n' ' ' | grep -qx '(check-sat) (exit) '"
run "$bcf" smt "$cond" --path
t "smt --path without a path condition: exit 1" [ $rc -eq 1 ]
t "smt --path: says path_cond is absent" has "path_cond is absent" "$tmp/err"
run "$bcf" smt "$tmp/does-not-exist.cond"
t "smt on a missing file: exit 2" [ $rc -eq 2 ]
run "$bcf" smt
t "smt without arguments: exit 2 with usage" sh -c "[ $rc -eq 2 ] && grep -q usage '$tmp/err'"
run "$bcf" smt --bogus "$cond"
t "smt with an unknown option: exit 2" [ $rc -eq 2 ]
run "$bcf" smt --help
t "smt --help: exit 0 and usage on stdout" sh -c "[ $rc -eq 0 ] && grep -q 'usage: bcf smt' '$tmp/out'"
head -c 30 "$cond" >"$tmp/odd.cond"
run "$bcf" smt "$tmp/odd.cond"
t "smt on a truncated buffer: exit 1" [ $rc -eq 1 ]
t "smt on a truncated buffer: names the size" has "size 30" "$tmp/err"
cp "$cond" "$tmp/fwd.cond"
patch "$tmp/fwd.cond" 56 '\377\000\000\000'   # word 14 = first argument of bv_and 13 -> 255
run "$bcf" smt "$tmp/fwd.cond"
t "smt on a forward reference: exit 1 naming expression 13" \
	sh -c "[ $rc -eq 1 ] && grep -q 'expression 13' '$tmp/err'"

# ---- bcf print: condition ----
run "$bcf" print "$cond"
cat >"$tmp/want" <<'END'
; condition: 29 expression words, 13 expressions reachable
t0 = (bv_var(0) 8)
t1 = (_ bv4294967295 32)
t3 = (_ bv3 32)
t5 = (_ bv1 8)
t7 = ((_ zero_extend 24) @t5)
t9 = (_ bv255 32)
t11 = ((_ zero_extend 24) @t0)
t13 = (bv_and(2) @t11 @t9)
t16 = (bv_lsh(2) @t13 @t7)
t19 = (bv_and(2) @t16 @t3)
t22 = (bool_eq(2) @t19 @t1)
t25 = true
t26 = (bool_conj(2) @t25 @t22)
path_cond = none
refine_cond = t26
END
t "print cond: exit 0" [ $rc -eq 0 ]
t "print cond: the expected dump (ids as in the file)" cmp -s "$tmp/want" "$tmp/out"
run "$bcf" print "$tmp/fwd.cond"
t "print on a broken cond: exit 1 naming expression 13" \
	sh -c "[ $rc -eq 1 ] && grep -q 'expression 13' '$tmp/err'"

# ---- bcf print: proof ----
run "$bcf" print "$proof"
t "print proof: exit 0" [ $rc -eq 0 ]
t "print proof: header line" has "; proof: expr_cnt 391 words, step_cnt 13 words, 5 steps" "$tmp/out"
t "print proof: expression lines" has "t3 = (bool_eq(2) @t2 @t0)" "$tmp/out"
t "print proof: ASSUME step" has "(#0 ASSUME () ((bool_conj(44) @t345 @t342 @t327 @t311 ...)))" "$tmp/out"
t "print proof: AND_ELIM with a static parameter" has "(#1 AND_ELIM (@p0) ((bool_eq(2) @t2 @t0)))" "$tmp/out"
t "print proof: last step" sh -c "tail -1 '$tmp/out' | grep -qxF '(#4 CONTRA (@p3 @p1) ())'"
size=$(wc -c <"$proof")
head -c $((size - 4)) "$proof" >"$tmp/short.bcf"
run "$bcf" print "$tmp/short.bcf"
t "print proof with a missing word: exit 1, size mismatch" \
	sh -c "[ $rc -eq 1 ] && grep -q 'header says 391 expression words and 13 step words' '$tmp/err'"
cp "$proof" "$tmp/steps.bcf"
patch "$tmp/steps.bcf" 8 '\001\000\000\000'
run "$bcf" print "$tmp/steps.bcf"
t "print proof with step_cnt 1: exit 1 naming word 2" \
	sh -c "[ $rc -eq 1 ] && grep -q 'word 2: step_cnt is 1' '$tmp/err'"
cp "$proof" "$tmp/expr.bcf"
patch "$tmp/expr.bcf" 24 '\007'   # expression 3 (file word 6): invalid code 0x07
run "$bcf" print "$tmp/expr.bcf"
t "print proof with an invalid code: exit 1 naming expression 3 / word 6" \
	sh -c "[ $rc -eq 1 ] && grep -q 'expression 3 (file word 6)' '$tmp/err'"
cp "$proof" "$tmp/step.bcf"
patch "$tmp/step.bcf" $((size - 4 * 3 + 3)) '\011'   # last step (CONTRA, 2 premises): 9 params
run "$bcf" print "$tmp/step.bcf"
t "print proof with an overlong step: exit 1 naming step 4" \
	sh -c "[ $rc -eq 1 ] && grep -q 'step 4 ' '$tmp/err'"
run "$bcf" print
t "print without arguments: exit 2" [ $rc -eq 2 ]

# ---- bcf info ----
run "$bcf" info "$cond"
t "info: exit 0" [ $rc -eq 0 ]
t "info: sizes" has "expressions: 13 nodes, 29 words" "$tmp/out"
t "info: variables" sh -c "grep -qx 'variables: 1' '$tmp/out' && grep -qx '  v0: bv 8' '$tmp/out'"
t "info: operator counts" sh -c "grep -q '^  bv_and  *2$' '$tmp/out' && grep -q '^  bv_val  *4$' '$tmp/out'"
t "info: depth" has "depth: 7" "$tmp/out"
t "info: conditions" sh -c "grep -qx 'path_cond: absent' '$tmp/out' && grep -qx 'refine_cond: present (depth 7)' '$tmp/out'"
run "$bcf" info --json "$cond"
t "info --json: exit 0" [ $rc -eq 0 ]
t "info --json: fields" has '"nodes":13,"words":29,"variables":[{"id":0,"name":"v0","type":"bv","width":8}]' "$tmp/out"
t "info --json: depth and conditions" has '"depth":7,"path_cond":false,"refine_cond":true' "$tmp/out"
if command -v python3 >/dev/null; then
	t "info --json: valid JSON" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$tmp/out"
fi
run "$bcf" info "$tmp/odd.cond"
t "info on a broken cond: exit 1" [ $rc -eq 1 ]
run "$bcf" info --json
t "info without a file: exit 2" [ $rc -eq 2 ]

# ---- help ----
for c in smt print info; do
	run "$bcf" help $c
	t "bcf help $c: exit 0 with usage" sh -c "[ $rc -eq 0 ] && grep -q 'usage: bcf $c' '$tmp/out'"
	run "$bcf" $c --help
	t "bcf $c --help: exit 0" [ $rc -eq 0 ]
done
# ---- option parsing: getopt_long in every command, errors as "bcf CMD: ..." ----
for c in import check smt print info prove load batch merge report; do
	run "$bcf" $c --bogus
	t "$c --bogus: exit 2" [ $rc -eq 2 ]
	t "$c --bogus: 'bcf $c: unknown option'" has "bcf $c: unknown option '--bogus'" "$tmp/err"
done
run "$bcf" check --cond
t "check --cond without a file: exit 2" [ $rc -eq 2 ]
t "check --cond without a file: says so" has "bcf check: option '--cond' needs an argument" "$tmp/err"
run "$bcf" import -o
t "import -o without a file: exit 2" [ $rc -eq 2 ]
t "import -o without a file: says so" has "bcf import: option '-o' needs an argument" "$tmp/err"
run "$bcf" smt "$tmp/does-not-exist.cond"
t "smt on a missing file: 'bcf smt: FILE: ...'" has "bcf smt: $tmp/does-not-exist.cond: " "$tmp/err"
run "$bcf" info -- "$cond"
t "info -- FILE: options end at --" [ $rc -eq 0 ]

# ---- the man page documents every command ----
man=${BCF_SRCDIR:-.}/bcf.1
if [ -f "$man" ]; then
	run "$bcf" help
	for c in $(sed -n 's/^  \([a-z][a-z0-9]*\) .*/\1/p' "$tmp/out"); do
		[ "$c" = help ] && continue
		t "bcf.1 documents 'bcf $c'" grep -q "^\.SS \"bcf $c" "$man"
	done
fi
echo "1..$n"
