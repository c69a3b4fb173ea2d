#!/bin/sh
# bcf load against the protocol double (tests/bcf_double: bcf with the double
# as its kernel): every corpus/progs object through libbpf, on a BCF kernel
# and on kernels without BCF; the exit status of every failure class; pins
# only of loaded programs; --save output re-checked with bcf check
# --kernel-compat; no 4.2 violation and no fd left open.  The double's
# answers for corpus/progs are a script (below) that pairs each program with
# bundled conditions of the same pattern: it exercises the protocol, not the
# kernel's exact conditions (tests/vm/ runs the real kernels).  TAP output.
. "${BCF_SRCDIR:-.}/tests/lib.sh"
need_double
C=$(cd "$SRC/corpus/conds" && pwd)

# program -> condition(s) the double asks for; "sat" programs get satisfiable ones
cat > "$T/map" <<'MAP'
alu32_zext_low alu32_zext_upper_zero.smt2
arsh_mask_path unreachable_arsh_path.smt2
arsh_select_map unreachable_arsh_s32.smt2
helper_varvar_map stack_var_var.smt2
helper_varvar_stack const_ptr_var_size.smt2
jmp32_bound_copy jmp32_vs_jmp64.smt2
jmp32_shifted_sign range_facts_s32.smt2
jset_nonzero jset_bit_test.smt2 jset_two_bits.smt2
loop_relational loop_counter_bound.smt2
mask_sub_stack stack_varoff_mask.smt2
or_sub_stack or_two_regs.smt2
varvar_map relational_bound.smt2
xor_copies_stack xor_self_zero.smt2 shift_constraint_path.smt2,path_conj_many.smt2
unsafe_mask_stack const_ptr_var_size_sat.smt2
unsafe_varvar_map relational_bound_overflow_sat.smt2
MAP
script() { # $1 = out, $2 = fault for the first step of every program ("" = none)
	echo "kernel bcf" > "$1"
	echo "prog control_checked_map plain=ok final=ok" >> "$1"
	while read -r p first rest; do
		echo "prog $p plain=reject final=ok"
		echo "msg $p R4 invalid access to map value (double: $p)"
		echo "step $p $C/$first $2"
		for s in $rest; do
			echo "step $p $(echo "$s" | sed "s|\([^,]*\)|$C/\1|g")"
		done
	done < "$T/map" >> "$1"
}
script "$T/ok.txt" ""
export BCF_DOUBLE_STATS="$T/stats" BCF_DOUBLE_BPFFS="$T/pin"
stat() { sed -n "s/^$1 //p" "$T/stats" | tail -1; }

# 1. every object on the BCF double
total=0 good=0 clean=0
for o in "$PROGS"/*.bpf.o; do
	name=$(basename "$o" .bpf.o)
	rm -rf "$T/pin" "$T/stats"; mkdir "$T/pin"
	out=$(BCF_DOUBLE_SCRIPT="$T/ok.txt" "$DBL" load "$o" "$T/pin" 2>&1); st=$?
	echo "$out" | sed 's/^/# /'
	total=$((total + 1))
	case $name in
	control_*) echo "$out" | grep -q "^$name: loaded (no proof needed)" && [ $st = 0 ] &&
			[ -e "$T/pin/$name" ] && good=$((good + 1)) ;;
	unsafe_*) echo "$out" | grep -q "^$name: rejected: .*satisfiable" &&
			echo "$out" | grep -q counterexample && [ $st = 1 ] &&
			echo "$out" | grep -q "verifier: R4 invalid access to map value (double: $name)" &&
			[ -z "$(ls "$T/pin")" ] && good=$((good + 1)) ;;
	*) echo "$out" | grep -q "^$name: loaded with [1-9][0-9]* proof" && [ $st = 0 ] &&
			[ -e "$T/pin/$name" ] && good=$((good + 1)) ;;
	esac
	[ "$(stat violations)" = 0 ] && [ "$(stat open_fds)" = 0 ] && clean=$((clean + 1))
done
ok $([ $good = $total ]; echo $?) "BCF double: $good/$total objects as expected (safe: loaded with proofs and pinned; unsafe: rejected-sat with counterexample and verifier message, exit 1, no pin; control: loaded plainly)"
ok $([ $clean = $total ]; echo $?) "no 4.2 violation and no fd left open in $clean/$total runs"

# 2. stock kernels: the notice, plain loads, the verifier's message
for k in stock stock-new; do
	rm -rf "$T/pin"; mkdir "$T/pin"
	out=$(BCF_DOUBLE_KERNEL=$k BCF_DOUBLE_SCRIPT="$T/ok.txt" "$DBL" load \
		"$PROGS/varvar_map.bpf.o" "$T/pin" 2>&1); st=$?
	echo "$out" | grep -q "without BCF" && echo "$out" | grep -q "^varvar_map: rejected" &&
		echo "$out" | grep -q "verifier: R4 invalid access to map value (double: varvar_map)" &&
		[ $st = 5 ] && [ -z "$(ls "$T/pin")" ]
	ok $? "$k double: notice, rejection with the verifier's message, exit 5, no pin"
	out=$(BCF_DOUBLE_KERNEL=$k BCF_DOUBLE_SCRIPT="$T/ok.txt" "$DBL" load \
		"$PROGS/control_checked_map.bpf.o" "$T/pin" 2>&1); st=$?
	echo "$out" | grep -q "^control_checked_map: loaded" && [ $st = 0 ] &&
		[ -e "$T/pin/control_checked_map" ]
	ok $? "$k double: the control program loads plainly and is pinned"
done

# 3. one exit status per failure class
obj=$PROGS/varvar_map.bpf.o
fault() { # $1 = fault, $2 = expected status, $3 = text, $4 = what
	script "$T/f.txt" "$1"
	rm -rf "$T/pin" "$T/stats"; mkdir "$T/pin"
	out=$(BCF_DOUBLE_SCRIPT="$T/f.txt" "$DBL" load "$obj" "$T/pin" 2>&1); st=$?
	echo "$out" | grep -q -- "$3" && [ $st = "$2" ] && [ -z "$(ls "$T/pin")" ] &&
		[ "$(stat open_fds)" = 0 ]
	ok $? "$4: exit $st, no pin, no fd left: $(echo "$out" | grep -m1 -- "$3")"
}
fault trunc 10 "does not decode" "truncated condition"
fault badsize 10 "invalid bcf_buf_true_size" "bad bcf_buf_true_size"
fault reject 6 "refused the load after proof" "proof rejected by the kernel"
fault huge 7 "exceeds the .*-byte buffer limit" "ENOSPC beyond 8 MiB"
rm -rf "$T/pin"; mkdir "$T/pin"
out=$(BCF_DOUBLE_KERNEL=bcf-nocap BCF_DOUBLE_SCRIPT="$T/ok.txt" "$DBL" load "$obj" "$T/pin" 2>&1)
st=$?
echo "$out" | grep -q "CAP_BPF" && [ $st = 8 ] && [ -z "$(ls "$T/pin")" ]
ok $? "EPERM (BCF needs CAP_BPF): exit $st"
sed "s|^step varvar_map .*|step varvar_map $C/div_index.smt2|" "$T/ok.txt" > "$T/u.txt"
out=$(BCF_DOUBLE_SCRIPT="$T/u.txt" "$DBL" load "$obj" 2>&1); st=$?
echo "$out" | grep -q "no proof within the kernel's rules" && [ $st = 4 ]
ok $? "unprovable condition: exit $st"
sed "/^step varvar_map /d; s|^prog varvar_map .*|prog varvar_map plain=reject final=reject|" \
	"$T/ok.txt" > "$T/n.txt"
out=$(BCF_DOUBLE_SCRIPT="$T/n.txt" "$DBL" load "$obj" 2>&1); st=$?
echo "$out" | grep -q "without a proof request" && [ $st = 5 ]
ok $? "rejected without a condition: exit $st"
out=$(BCF_DOUBLE_SCRIPT="$T/ok.txt" "$DBL" load "$obj" --no-bcf 2>&1); st=$?
[ $st = 5 ] && [ "$(stat requests)" = 0 ]
ok $? "--no-bcf on the BCF double: plain load, rejected, exit $st"
BCF_DOUBLE_SCRIPT="$T/ok.txt" "$DBL" load "$T/nonexistent.o" >/dev/null 2>"$T/err"; st=$?
grep -q "^bcf load: .*nonexistent" "$T/err" && [ $st = 2 ]
ok $? "unreadable object: exit $st: $(cat "$T/err")"
BCF_DOUBLE_SCRIPT="$T/ok.txt" "$DBL" load "$obj" --prog nosuch >/dev/null 2>"$T/err"; st=$?
grep -q "no program named 'nosuch'" "$T/err" && [ $st = 2 ]
ok $? "unknown --prog: exit $st"

# 4. --json and --save; the saved proofs re-check with bcf check --kernel-compat
rm -rf "$T/save"
BCF_DOUBLE_SCRIPT="$T/ok.txt" "$DBL" load "$PROGS/xor_copies_stack.bpf.o" --save "$T/save" \
	--json > "$T/j.out" 2>&1
grep -q '^{"name":.*"status":"loaded-with-proofs".*"requests":2,"proofs":2,"path_proofs":2,' "$T/j.out"
ok $? "--json: one object per program: $(head -c 200 "$T/j.out")"
rows=0 good=0
while IFS="$(printf '\t')" read -r name bytes status goal; do
	[ "$name" = name ] && continue
	rows=$((rows + 1))
	flag=; [ "$goal" = path ] && flag=--path
	"$BCF" check --kernel-compat --cond "$T/save/conds/$name.cond" $flag \
		"$T/save/proofs/$name.bcf" >/dev/null 2>&1 && good=$((good + 1))
done < "$T/save/manifest.tsv"
ok $([ $rows = 2 ] && [ $good = 2 ]; echo $?) "--save: $good/$rows saved proofs accepted by bcf check --kernel-compat"
"$BCF" batch "$T/save/manifest.tsv" -o "$T/b.jsonl" --quiet >/dev/null 2>&1
[ "$(grep -c '"status":"proven-' "$T/b.jsonl")" = 2 ]
ok $? "--save output is a bcf batch input (2 conditions proven again)"
echo "1..$n"
