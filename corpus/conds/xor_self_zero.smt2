; xor_self_zero: r1 = r0 ^ r0 is zero but the verifier lost it through a spill/fill of r0 into two slots (two reads of one var): "if r1 != 0" taken is unreachable
; expect: unsat
(set-logic QF_BV)
(set-info :bcf-goal path)
(declare-fun v0 () (_ BitVec 64))
(assert (distinct (bvxor v0 v0) (_ bv0 64)))
(check-sat)
(exit)
