#!/bin/bash
# Run the libFuzzer harnesses built by fuzz/build.sh (from the build directory).
#   fuzz/run.sh smoke SRCDIR SHARED_DIR [HARNESS...]
#       FUZZ_SMOKE_TIME (60) seconds each, fresh corpus seeded from the committed
#       seeds; one "PASS: fuzz_NAME ..." / "FAIL: fuzz_NAME ..." line per harness;
#       exit 1 if any harness crashed (a finding) or could not run.
#   fuzz/run.sh long SRCDIR SHARED_DIR [HARNESS...]
#       niced campaign, one harness at a time: -runs=FUZZ_RUNS (10000000) and
#       -max_total_time=FUZZ_TIME (3600 s) each, corpus kept in fuzz/out/NAME,
#       seeded from the committed seeds and the shared vectors; appends one line
#       per harness to FUZZ_RESULTS (fuzz/results.tsv): executions, seconds,
#       executions/s, coverage (edges: libFuzzer's cov:), features, corpus size,
#       findings (crash/leak/timeout/oom artifacts) and the artifact names.
set -u
mode=$1 src=$2 shared=$3; shift 3
if [ $# -gt 0 ]; then harnesses=$*; else
	harnesses="cond check smt2"
	[ -x fuzz/fuzz_bpf ] && harnesses="$harnesses bpf"
fi
results=${FUZZ_RESULTS:-fuzz/results.tsv}

# per harness: seeds, dictionary, max_len, extra seed dirs (may be missing)
opts_for() {
	case $1 in
	cond) echo "$src/fuzz/cond-seeds $src/fuzz/cond.dict 65536 $shared/vectors/conds" ;;
	check) echo "$src/fuzz/check-seeds $src/fuzz/check.dict 8192 $shared/vectors/proofs" ;;
	smt2) echo "$src/fuzz/smt2-seeds $src/fuzz/smt2.dict 8192 $shared/vectors/smt2" ;;
	bpf) echo "$src/fuzz/bpf-seeds $src/fuzz/bpf.dict 16384 -" ;;
	*) return 1 ;;
	esac
}

failed=0 passed=0
for h in $harnesses; do
	bin=fuzz/fuzz_$h
	read -r seeds dict maxlen extra <<<"$(opts_for "$h")" || { echo "FAIL: $bin: unknown harness"; failed=$((failed + 1)); continue; }
	if [ ! -x "$bin" ]; then echo "FAIL: $bin: not built"; failed=$((failed + 1)); continue; fi
	art=fuzz/artifacts/$h/
	mkdir -p "$art"
	# one input may take 10 s (smoke) or 120 s (niced campaign on a loaded machine)
	# before it counts as a hang; a hang is a finding only if it reproduces alone
	tmo=$([ "$mode" = smoke ] && echo 10 || echo 120)
	args=(-max_len="$maxlen" -timeout="$tmo"
	      -rss_limit_mb=2048 -print_final_stats=1
	      -artifact_prefix="$art")
	[ -f "$dict" ] && args+=(-dict="$dict")
	touch "$art/.start"
	if [ "$mode" = smoke ]; then
		corpus=$(mktemp -d)
		log=fuzz/smoke-$h.log
		"$bin" "${args[@]}" -max_total_time="${FUZZ_SMOKE_TIME:-60}" "$corpus" "$seeds" >"$log" 2>&1
		rc=$?
		rm -rf "$corpus"
	else
		corpus=fuzz/out/$h
		mkdir -p "$corpus"
		log=fuzz/long-$h.log
		dirs=("$corpus" "$seeds")
		[ "$extra" != - ] && [ -d "$extra" ] && dirs+=("$extra")
		start=$(date +%s)
		# a small ASan quarantine: the bpf harness forks for the objects that pass
		# the validation, and forking a 350 MB process costs more than the input
		ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=8:malloc_context_size=8} \
		nice -n 19 "$bin" "${args[@]}" -runs="${FUZZ_RUNS:-10000000}" \
			-max_total_time="${FUZZ_TIME:-3600}" "${dirs[@]}" >"$log" 2>&1
		rc=$?
	fi
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
	cov=$(grep -o ' cov: [0-9]*' "$log" | tail -1 | tr -dc 0-9)
	ft=$(grep -o ' ft: [0-9]*' "$log" | tail -1 | tr -dc 0-9)
	corp=$(grep -o ' corp: [0-9]*' "$log" | tail -1 | tr -dc 0-9)
	# a finding is an artifact that still fails the harness when run alone (the bpf
	# harness's objects are probed in a child: a libbpf crash there is refused
	# cleanly, but libFuzzer's death callback in that child writes an artifact)
	mkdir -p "$art/handled"
	newfiles() { find "$art" -maxdepth 1 -type f -newer "$art/.start" ! -name .start -printf '%f\n'; }
	for a in $(newfiles); do
		rdir=$(mktemp -d)
		# with the same time limit: a hang that reproduces ends as a finding
		if "$bin" -artifact_prefix="$rdir/" -runs=1 -timeout="$tmo" "$art$a" >/dev/null 2>&1; then
			mv "$art$a" "$art/handled/"
		fi
		rm -rf "$rdir"
	done
	new=$(newfiles | tr '\n' ' ')
	nfind=$(newfiles | wc -l)
	summary="${execs:-0} execs, cov ${cov:-0}, ft ${ft:-0}, ${nfind} findings"
	if [ "$rc" -ne 0 ] || [ "$nfind" -ne 0 ] || [ -z "$execs" ]; then
		echo "FAIL: $bin $mode ($summary, exit $rc, log $log${new:+, artifacts: $new})"
		failed=$((failed + 1))
	else
		echo "PASS: $bin $mode ($summary)"
		passed=$((passed + 1))
	fi
	if [ "$mode" = long ]; then
		secs=${secs:-$(($(date +%s) - start))}
		[ -f "$results" ] || printf 'date\tharness\truns_limit\ttime_limit_s\texecutions\tseconds\texecs_per_s\tcov_edges\tfeatures\tcorpus\tfindings\texit\tartifacts\n' >"$results"
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$h" \
			"${FUZZ_RUNS:-10000000}" "${FUZZ_TIME:-3600}" "${execs:-0}" "$secs" \
			"$(( ${execs:-0} / (secs > 0 ? secs : 1) ))" "${cov:-0}" "${ft:-0}" "${corp:-0}" \
			"$nfind" "$rc" "${new:--}" >>"$results"
	fi
done
echo "fuzz $mode: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
