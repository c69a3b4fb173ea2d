#!/bin/sh
# bcf batch over BPF objects, against the protocol double (tests/bcf_double):
# one JSONL line per program with the load statuses, kill -9 at random
# moments and --resume lose and duplicate nothing, --resume after the end
# does no work, and bcf report prints the headline.  The double's answers
# are a script pairing each corpus/progs program with bundled conditions
# (tests/test_load_double.sh); one program is refused before verification
# (skipped-kernel) and one object is not an ELF file (error).  TAP output.
. "${BCF_SRCDIR:-.}/tests/lib.sh"
need_double
C=$(cd "$SRC/corpus/conds" && pwd)
mkdir "$T/objs" "$T/objs/sub"
cp "$PROGS"/*.bpf.o "$T/objs/"
mv "$T/objs/varvar_map.bpf.o" "$T/objs/sub/"
echo "not an ELF file" > "$T/objs/broken.o"
sed -n '/^cat > "\$T\/map"/,/^MAP$/p' "$SRC/tests/test_load_double.sh" | sed '1d;$d' > "$T/map"
{
	echo "kernel bcf"
	echo "prog control_checked_map plain=ok final=ok"
	while read -r p first rest; do
		if [ "$p" = jset_nonzero ]; then
			echo "prog $p plain=reject final=ok unsupported"
			continue
		fi
		echo "prog $p plain=reject final=ok"
		echo "step $p $C/$first"
		for s in $rest; do
			echo "step $p $(echo "$s" | sed "s|\([^,]*\)|$C/\1|g")"
		done
	done < "$T/map"
} > "$T/script"
export BCF_DOUBLE_SCRIPT="$T/script"
total=$(($(ls "$PROGS"/*.bpf.o | wc -l) + 1))

# 1. one clean run
"$DBL" batch "$T/objs" -o "$T/one.jsonl" -j 2 --timeout 60 --quiet > "$T/one.out" 2>&1
ok $? "batch over a directory of objects runs: $(head -1 "$T/one.out")"
[ "$(names "$T/one.jsonl" | sort -u | wc -l)" = "$total" ] && [ "$(wc -l < "$T/one.jsonl")" = "$total" ]
ok $? "one line per program ($total, one object unreadable)"
st() { grep "^{\"name\":\"$1\"" "$T/one.jsonl" | sed -n 's/.*"status":"\([^"]*\)".*/\1/p'; }
[ "$(st sub/varvar_map:varvar_map)" = loaded-with-proofs ]
ok $? "an object in a subdirectory is named by its relative path (sub/varvar_map:varvar_map)"
[ "$(st control_checked_map:control_checked_map)" = loaded-plain ] &&
	[ "$(st unsafe_mask_stack:unsafe_mask_stack)" = rejected-sat ] &&
	[ "$(st jset_nonzero:jset_nonzero)" = skipped-kernel ] && [ "$(st 'broken:\*')" = error ] &&
	[ "$(grep -c '"status":"loaded-with-proofs"' "$T/one.jsonl")" = $((total - 5)) ]
ok $? "statuses: loaded-plain, loaded-with-proofs ($(grep -c '"status":"loaded-with-proofs"' "$T/one.jsonl")), rejected-sat, skipped-kernel, error"
grep '"status":"loaded-with-proofs"' "$T/one.jsonl" | grep -v '"requests":0,' | grep -v '"proof_bytes":0,' |
	grep -q '"prove_time_s":[0-9]'
ok $? "loaded-with-proofs lines carry requests, proof bytes and prove time"

# 2. --resume after the end does no work
"$DBL" batch "$T/objs" -o "$T/one.jsonl" -j 2 --resume --quiet > "$T/r.out" 2>&1
grep -q "0 run, $total skipped" "$T/r.out" && [ "$(wc -l < "$T/one.jsonl")" = "$total" ]
ok $? "--resume over a finished run does no work"

# 3. kill -9 at random moments, resume each time
seed=11
for round in 1 2 3; do
	"$DBL" batch "$T/objs" -o "$T/k.jsonl" -j 2 --timeout 60 --resume --quiet >/dev/null 2>&1 &
	pid=$!
	seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
	ms=$(( 300 + seed % 1500 ))
	sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	jsonl_intact "$T/k.jsonl" "kill -9 after ${ms} ms (round $round)"
done
"$DBL" batch "$T/objs" -o "$T/k.jsonl" -j 2 --timeout 60 --resume --quiet >/dev/null 2>&1
[ "$(names "$T/k.jsonl" | sort | uniq -d | wc -l)" = 0 ]
ok $? "after 3 kill -9 and a final resume: no program twice"
[ "$(names "$T/k.jsonl" | sort -u | wc -l)" = "$total" ]
ok $? "no program lost ($(names "$T/k.jsonl" | sort -u | wc -l)/$total)"
pairs "$T/one.jsonl" > "$T/a"
pairs "$T/k.jsonl" > "$T/b"
cmp -s "$T/a" "$T/b"
ok $? "the same status for every program as the uninterrupted run"

# 4. report
"$BCF" report "$T/one.jsonl" > "$T/rep" 2>&1
grep -q "^of the $((total - 3)) programs the stock verifier rejects, $((total - 5)) load with proofs" "$T/rep"
ok $? "report headline: $(grep '^of the' "$T/rep")"
echo "1..$n"
