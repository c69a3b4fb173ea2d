#!/bin/sh
# Regenerate the committed seed corpora of the binary harnesses from synthetic
# inputs only (run from a build directory after `make` and `make check
# TESTS=tests/test_findings`):
#   fuzz/mkseeds.sh SRCDIR
# cond-seeds:  `bcf import` of the SMT-LIB seeds (fuzz/smt2-seeds) and of the
#              bundled kernel-shaped conditions (corpus/conds);
# check-seeds: `bcf prove` proofs of those conditions, and the hand-built proofs
#              of tests/test_findings (findings/*.bcf, the crash classes included);
# bpf-seeds:   the BPF objects of corpus/progs built by make (corpus/progs/*.bpf.o,
#              when configure found clang) and fuzz/bpf-features.bpf.c (CO-RE,
#              global data, several programs and maps), DWARF stripped.
# When the harnesses are built (make fuzz-build), each set is minimised with
# libFuzzer's -merge=1 (inputs that add no coverage are dropped); proofs over
# 8 KiB are left out.
# Never feed it /work/shared data: the seeds are committed.
set -eu
src=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/cond" "$tmp/check" "$tmp/bpf"
cp corpus/progs/*.bpf.o "$tmp/bpf/" 2>/dev/null || true
if clang -g -O2 -target bpf -I/usr/include/"$(uname -m)"-linux-gnu -c \
	"$src/fuzz/bpf-features.bpf.c" -o "$tmp/features.o" 2>/dev/null; then
	llvm-strip -g "$tmp/features.o" -o "$tmp/bpf/features.bpf.o" 2>/dev/null ||
		cp "$tmp/features.o" "$tmp/bpf/features.bpf.o"
fi
for f in "$src"/fuzz/smt2-seeds/*.smt2 "$src"/corpus/conds/*.smt2; do
	n=$(basename "$f" .smt2)
	./bcf import "$f" -o "$tmp/cond/$n.cond" >/dev/null 2>&1 || continue
	./bcf prove --timeout 10 "$tmp/cond/$n.cond" -o "$tmp/check/$n.bcf" >/dev/null 2>&1 || true
done
[ -d findings ] && cp findings/*.bcf "$tmp/check/" 2>/dev/null || true
# keep the corpus small: the check harness reads at most 8 KiB of an input
find "$tmp/check" -type f -size +8k -delete
for h in cond check bpf; do
	[ -n "$(ls "$tmp/$h")" ] || continue
	out=$src/fuzz/$h-seeds
	rm -rf "$out.new" && mkdir -p "$out.new"
	if [ -x "fuzz/fuzz_$h" ]; then
		"fuzz/fuzz_$h" -merge=1 "$out.new" "$tmp/$h" >/dev/null 2>&1
	else
		cp "$tmp/$h"/* "$out.new/"
	fi
	rm -rf "$out" && mv "$out.new" "$out"
	echo "$out: $(ls "$out" | wc -l) files, $(cat "$out"/* | wc -c) bytes"
done
