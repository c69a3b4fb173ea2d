#!/bin/sh
# The fixed-seed slice of the differential prover fuzzer (fuzz/prover_diff.c):
# 150 random conditions (seed 7) proved in process, checked against z3 and one
# incremental cvc5 process; every 15th also through the `bcf prove` binary.
# TAP from the fuzzer itself: no wrong verdict, no error, CLI agreement (exit
# status, output file only for a proof), and proofs and counterexamples seen.
exec ./fuzz/prover_diff --tap -n "${PROVER_DIFF_SLICE:-150}" -s 7 -t 5000 --cvc5 \
	--cli "${BCF_BIN:-./bcf}" 15 --keep prover-diff-slice
