# tests/lib.sh: what the TAP shell tests share.  Source it first:
#   . "${BCF_SRCDIR:-.}/tests/lib.sh"
# It sets -u and
#   BCF     the bcf command under test ($BCF_BIN, else ./bcf)
#   SRC     the source directory ($BCF_SRCDIR, else .)
#   B       the build directory (the one holding $BCF)
#   SHARED  the shared data directory ($BCF_SHARED_DIR, else ../shared)
#   DBL     tests/bcf_double (bcf with the protocol double as its kernel)
#   PROGS   the built corpus/progs objects
#   T       a fresh temporary directory, removed when the script exits
# and the TAP helpers ok STATUS DESCRIPTION (n counts the test points) and
# skip_all REASON; need_double skips the whole test without the double or the
# corpus/progs objects; names/pairs read a results.jsonl, jsonl_intact checks
# one after a kill -9; proven_within proves a condition within a size bound.
set -u
BCF=${BCF_BIN:-./bcf}
SRC=${BCF_SRCDIR:-.}
B=$(dirname "$BCF")
SHARED=${BCF_SHARED_DIR:-../shared}
DBL=$B/tests/bcf_double
PROGS=$B/corpus/progs
T=$(mktemp -d "${TMPDIR:-/tmp}/bcf-test.XXXXXX") || { echo "Bail out! mktemp failed"; exit 2; }
trap 'rm -rf "$T"' EXIT
trap 'exit 2' INT TERM
n=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
skip_all() { echo "1..0 # SKIP $1"; exit 0; }
# names JSONL / pairs JSONL: the names (name and status) of a results file
names() { sed -n 's/^{"name":"\([^"]*\)".*/\1/p' "$1"; }
pairs() { sed -n 's/^{"name":"\([^"]*\)".*"status":"\([^"]*\)".*/\1 \2/p' "$1" | sort; }
# jsonl_intact JSONL WHAT: one test point: after a kill -9, the results file
# (created if absent) holds no name twice and no torn line
jsonl_intact() {
	local got dup torn
	touch "$1"
	got=$(wc -l < "$1")
	dup=$(names "$1" | sort | uniq -d | wc -l)
	torn=$(grep -cv '^{"name":.*}$' "$1")
	ok $([ "$dup" = 0 ] && [ "$torn" = 0 ]; echo $?) \
		"$2: $got results, no duplicate, no torn line"
}
need_double() {
	if [ ! -x "$DBL" ] || ! ls "$PROGS"/*.bpf.o >/dev/null 2>&1; then
		skip_all "no tests/bcf_double or no corpus/progs objects (clang missing)"
	fi
}

# proven_within LABEL COND PROOF BOUND: four test points: COND proven into
# PROOF (bcf prove --json --timeout 60; the JSON in PROOF.json) within BOUND
# bytes, and PROOF accepted in strict and in kernel-compat mode
proven_within() {
	"$BCF" prove --json --timeout 60 "$2" -o "$3" >"$3.json" 2>&1
	rc=$?
	ok $rc "$1: proven (exit $rc: $(head -c 200 "$3.json" | tr '\n' ' '))"
	b=$(sed -n 's/.*"bytes":\([0-9]*\).*/\1/p' "$3.json")
	[ -n "$b" ] && [ "$b" -le "$4" ]
	ok $? "$1: ${b:-no} bytes, at most $4"
	"$BCF" check --cond "$2" "$3" >/dev/null 2>&1
	ok $? "$1: accepted in strict mode"
	"$BCF" check --kernel-compat --cond "$2" "$3" >/dev/null 2>&1
	ok $? "$1: accepted in kernel-compat mode"
}
