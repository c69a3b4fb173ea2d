#!/bin/sh
# bcf batch, merge and report on the bundled corpus: kill -9 at random
# moments and resume, --resume does no work, two shards merged equal one
# run, the report writes its table.  TAP output.
. "${BCF_SRCDIR:-.}/tests/lib.sh"
CORPUS="$SRC/corpus/conds"

total=$(ls "$CORPUS"/*.smt2 | wc -l)

# 1. a single run: one line per item, every line a complete object
"$BCF" batch "$CORPUS" -o "$T/one.jsonl" -j 2 --timeout 30 --quiet >"$T/one.out" 2>&1
ok $? "batch over corpus/ runs"
[ "$(names "$T/one.jsonl" | sort -u | wc -l)" = "$total" ] && [ "$(wc -l < "$T/one.jsonl")" = "$total" ]
ok $? "one result per item ($total)"
bad=$(grep -cv '^{"name":.*}$' "$T/one.jsonl")
bad=${bad:-0}
ok $([ "$bad" = 0 ]; echo $?) "every line is a complete JSON object"

# 2. --resume does no work
"$BCF" batch "$CORPUS" -o "$T/one.jsonl" -j 2 --resume --quiet >"$T/resume.out" 2>&1
grep -q "0 run, $total skipped" "$T/resume.out"
ok $? "--resume over a finished run does no work: $(head -1 "$T/resume.out")"
[ "$(wc -l < "$T/one.jsonl")" = "$total" ]
ok $? "--resume appended nothing"

# 3. kill -9 at random moments, three times, resuming each time
rm -f "$T/k.jsonl"
seed=7
for round in 1 2 3; do
	"$BCF" batch "$CORPUS" -o "$T/k.jsonl" -j 2 --timeout 30 --resume --quiet \
		>/dev/null 2>&1 &
	pid=$!
	seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
	ms=$(( 50 + seed % 400 ))
	sleep "$(printf '0.%03d' "$ms")"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	jsonl_intact "$T/k.jsonl" "kill -9 after ${ms} ms (round $round)"
done
"$BCF" batch "$CORPUS" -o "$T/k.jsonl" -j 2 --timeout 30 --resume --quiet >/dev/null 2>&1
ok $? "final resume completes"
[ "$(names "$T/k.jsonl" | sort | uniq | wc -l)" = "$total" ] && \
	[ "$(wc -l < "$T/k.jsonl")" = "$total" ]
ok $? "after three kills and resumes: exactly one result per item"
pairs "$T/one.jsonl" > "$T/one.pairs"
pairs "$T/k.jsonl" > "$T/k.pairs"
cmp -s "$T/one.pairs" "$T/k.pairs"
r=$?
[ $r = 0 ] || diff "$T/one.pairs" "$T/k.pairs" | sed 's/^/# /'
ok $r "the killed-and-resumed run has the same statuses as the single run"

# 4. two shards merged equal the single run
"$BCF" batch "$CORPUS" -o "$T/s1.jsonl" --shard 1/2 -j 2 --timeout 30 --quiet >/dev/null 2>&1 &&
"$BCF" batch "$CORPUS" -o "$T/s2.jsonl" --shard 2/2 -j 2 --timeout 30 --quiet >/dev/null 2>&1
ok $? "two shards run"
a=$(wc -l < "$T/s1.jsonl"); b=$(wc -l < "$T/s2.jsonl")
ok $([ "$a" -gt 0 ] && [ "$b" -gt 0 ] && [ $((a + b)) = "$total" ]; echo $?) \
	"the shards split the inputs ($a + $b = $total)"
"$BCF" merge "$T/s1.jsonl" "$T/s2.jsonl" -o "$T/m.jsonl" 2>/dev/null
ok $? "bcf merge"
pairs "$T/m.jsonl" > "$T/m.pairs"
cmp -s "$T/one.pairs" "$T/m.pairs"
ok $? "merged shards equal the single run's result set"
"$BCF" merge "$T/s1.jsonl" "$T/s1.jsonl" -o "$T/d.jsonl" 2>/dev/null
ok $([ "$(wc -l < "$T/d.jsonl")" = "$a" ]; echo $?) "merge drops duplicate names"

# 5. proof cache: a condition seen before is not proven again
"$BCF" batch "$CORPUS" -o "$T/c1.jsonl" -j 2 --timeout 30 --cache "$T/cache" --quiet \
	>"$T/c1.out" 2>&1
ok $? "batch with --cache fills the cache"
"$BCF" batch "$CORPUS" -o "$T/c2.jsonl" -j 2 --timeout 30 --cache "$T/cache" \
	--proof-dir "$T/cproofs" --quiet >"$T/c2.out" 2>&1
cached=$(grep -c '"cached":true' "$T/c2.jsonl")
decided=$(grep -cv '"status":"\(unknown\|error\)"' "$T/c1.jsonl")
ok $([ "$cached" = "$decided" ]; echo $?) \
	"the second run takes every decided condition from the cache ($cached of $decided)"
pairs "$T/c2.jsonl" > "$T/c2.pairs"
cmp -s "$T/one.pairs" "$T/c2.pairs"
ok $? "cached results have the same statuses"
nproofs=$(ls "$T/cproofs" 2>/dev/null | wc -l)
proven=$(grep -c '"status":"proven' "$T/c2.jsonl")
ok $([ "$nproofs" = "$proven" ]; echo $?) "cached proofs are written to --proof-dir ($nproofs)"
badproof=0
for p in "$T"/cproofs/*.bcf; do
	[ -e "$p" ] || continue
	"$BCF" check "$p" >/dev/null 2>&1 || badproof=$((badproof + 1))
done
ok $([ "$badproof" = 0 ]; echo $?) "every cached proof checks"

# 6. report
"$BCF" report "$T/one.jsonl" --out "$T/rep" > "$T/rep.txt" 2>&1
ok $? "bcf report"
grep -q '| status ' "$T/rep.txt" && grep -q 'time (s), all' "$T/rep.txt"
ok $? "report prints the summary table"
if command -v gnuplot >/dev/null 2>&1; then
	[ -s "$T/rep/proof_size_cdf.svg" ] && [ -s "$T/rep/time_cdf.svg" ]
	ok $? "report writes the SVG plots"
else
	n=$((n + 1)); echo "ok $n # SKIP gnuplot not installed"
fi

# 7. usage errors
"$BCF" batch "$CORPUS" >/dev/null 2>&1
ok $([ $? = 2 ]; echo $?) "batch without -o is a usage error (exit 2)"
"$BCF" batch "$T/nonexistent" -o "$T/x.jsonl" >/dev/null 2>&1
ok $([ $? = 2 ]; echo $?) "a missing input is an error (exit 2)"
"$BCF" batch "$CORPUS" -o "$T/x.jsonl" --shard 3/2 >/dev/null 2>&1
ok $([ $? = 2 ]; echo $?) "--shard 3/2 is a usage error"
echo "1..$n"
