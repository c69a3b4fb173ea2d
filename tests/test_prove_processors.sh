#!/bin/sh
# SPDX-License-Identifier: MIT
# The simple_processors family at wider registers (bench/processor_widths.sh
# --gen K): two processor models whose registers are equal through
# extract/concat equalities that hold only under ite conditions.
#  - 32-bit registers: first-UIP learning kept the equality of every bit
#    below a carry along every equality hop, a learned clause of 260
#    literals, over the 255 a proof's clause may hold: unprovable-kernel
#    after 35 s and 3 GB ("a clause of more than 255 literals").  Long
#    learned clauses are now shrunk to their levels' UIPs (sat_shrink.c).
#  - the goal's ite conditions are decided first (case splits, refute.c),
#    and a large proof gets a second search with clauses shrunk from 100
#    literals on (ALT_SHRINK): the 8-bit vector 281,336 -> 213,228 bytes,
#    the 32-bit variant 3.67 MB -> 1.16 MB; each is held to a bound between.
# TAP output.
. "${BCF_SRCDIR:-.}/tests/lib.sh"
gen=$SRC/bench/processor_widths.sh
name=simple_processors_002_002_0008
[ -f "$SHARED/vectors/smt2/$name.smt2" ] && command -v perl >/dev/null ||
	skip_all "no shared vectors or no perl"

# proven K BOUND: variant K proven within BOUND bytes, accepted in both modes
proven() {
	w=$((8 * $1))
	sh "$gen" --gen "$1" "$SHARED" >"$T/x$1.smt2"
	ok $? "$w-bit registers: generated"
	"$BCF" import "$T/x$1.smt2" -o "$T/c$1.cond" >/dev/null 2>&1
	ok $? "$w-bit registers: imported"
	proven_within "$w-bit registers" "$T/c$1.cond" "$T/p$1.bcf" "$2"
}
proven 1 250000
proven 4 1500000
echo "1..$n"
