# SPDX-License-Identifier: MIT
# fuzz/proof_checked.sh: sourced by the fuzz scripts that compare bcf prove
# with z3 (chain_diff.sh, vector_mutate.sh).
#
# proof_checked BCF SMT2 DIR: the script SMT2 imports into DIR/g.cond and
# bcf check accepts DIR/p.bcf against it in strict and in kernel-compat mode.
proof_checked() {
	"$1" import "$2" -o "$3/g.cond" >/dev/null 2>&1 &&
		"$1" check --cond "$3/g.cond" "$3/p.bcf" >/dev/null 2>&1 &&
		"$1" check --kernel-compat --cond "$3/g.cond" "$3/p.bcf" >/dev/null 2>&1
}
