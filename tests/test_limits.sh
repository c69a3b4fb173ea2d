#!/bin/sh
# Resource bounds: `bcf prove` and `bcf check` under a short --timeout, a
# SIGTERM from timeout(1), and address-space limits (ulimit -v) end with a
# message and a documented exit status (never a signal), and `bcf prove`
# leaves an output file only when it exits 0 with a proof the checker accepts
# (no partial file, no temp file left in the directory).
# Skipped under a sanitizer build (it reserves terabytes of address space).
set -u
BCF=${BCF_BIN:-./bcf}
S=${BCF_SHARED_DIR:-../shared}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0 fails=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fails=$((fails + 1)); fi; }
only_out() { # $1 = expected single output file or "", lists what else is there
	extra=$(cd "$T/o" && ls -A | grep -v "^$1\$" | tr '\n' ' ')
	[ -z "$extra" ]
}

if ! (ulimit -v 400000 && "$BCF" version >/dev/null 2>&1); then
	echo "1..0 # SKIP bcf does not start under ulimit -v (sanitizer build)"
	exit 0
fi
mkdir -p "$T/o"
# unsat, but hard for z3 (a 64-bit product equal to a prime): times out
cat >"$T/hard.smt2" <<'E'
(set-logic QF_BV)
(declare-fun x () (_ BitVec 64))
(declare-fun y () (_ BitVec 64))
(assert (and (bvugt x #x0000000000000001) (bvugt y #x0000000000000001)))
(assert (and (bvult x #x00000000ffffffff) (bvult y #x00000000ffffffff)))
(assert (= (bvmul x y) #x00000000fffffffb))
E

# 1. --timeout: exit 3 with a message, no file
"$BCF" prove --timeout 1 "$T/hard.smt2" -o "$T/o/h.bcf" >"$T/out" 2>&1
rc=$?
ok $((rc != 3)) "prove --timeout 1 on a hard condition exits 3 (got $rc)"
ok "$(grep -qi 'timeout\|unknown' "$T/out"; echo $?)" "and says why: $(head -c 120 "$T/out" | tr '\n' ' ')"
only_out ""; ok $? "and leaves no file in the output directory ($extra)"

# 2. SIGTERM from timeout(1) while proving: no file, no temp file
timeout 1 "$BCF" prove --timeout 60 "$T/hard.smt2" -o "$T/o/k.bcf" >/dev/null 2>&1
rc=$?
ok $((rc != 124)) "timeout(1) terminates a prove (exit $rc)"
only_out ""; ok $? "a terminated prove leaves no file ($extra)"

# 3. prove under address-space limits: a proof that checks, or a message and no file
C=$S/vectors/conds/bench_1006.cond
for kb in 30000 45000 50000 60000 90000 200000; do
	rm -f "$T/o"/* "$T/o"/.??* 2>/dev/null
	(ulimit -v $kb && exec "$BCF" prove "$C" -o "$T/o/p.bcf") >"$T/out" 2>&1
	rc=$?
	if [ $rc -eq 0 ]; then
		"$BCF" check --kernel-compat --cond "$C" "$T/o/p.bcf" >/dev/null 2>&1
		ok $? "ulimit -v $kb: prove exits 0 and its proof checks"
		only_out p.bcf; ok $? "ulimit -v $kb: only the proof is written ($extra)"
	else
		bad=0; { [ $rc -ge 128 ] || [ ! -s "$T/out" ]; } && bad=1
		ok $bad "ulimit -v $kb: prove exits $rc with a message: $(head -c 100 "$T/out" | tr '\n' ' ')"
		only_out ""; ok $? "ulimit -v $kb: no output file after a failure ($extra)"
	fi
done

# 4. check of a large proof under address-space limits: a verdict or a message, no signal
python3 - "$T/big.bcf" <<'E'
import struct, sys
n = 6 << 20   # 6 Mi bool_var nodes (24 MiB), then ASSUME and a bad EQ_RESOLVE
steps = [0x01000001, 0, (2 << 16) | 0x2005, 0, 0]
with open(sys.argv[1], 'wb') as f:
    f.write(struct.pack('<3I', 0xbcf, n, len(steps)))
    f.write(struct.pack('<I', 0x19) * n)
    f.write(struct.pack('<%dI' % len(steps), *steps))
E
for kb in 50000 80000 120000 400000; do
	(ulimit -v $kb && exec "$BCF" check "$T/big.bcf") >"$T/out" 2>&1
	rc=$?
	bad=0; { { [ $rc -ne 1 ] && [ $rc -ne 2 ]; } || [ ! -s "$T/out" ]; } && bad=1
	ok $bad "ulimit -v $kb: check of a 24 MiB proof exits $rc (1 rejected or 2 error) with a message: $(head -c 100 "$T/out" | tr '\n' ' ')"
done
echo "1..$n"
[ $fails -eq 0 ]
