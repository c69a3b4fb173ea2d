; signed_unsigned_mix: signed and unsigned bounds on one register: "if r1 s< 0 goto" not taken and "if r1 > 100 goto" not taken; then r1 s> 100 is impossible
; expect: unsat
(set-logic QF_BV)
(set-info :bcf-goal path)
(declare-fun v0 () (_ BitVec 64))
(assert (and (bvsge v0 (_ bv0 64)) (bvule v0 (_ bv100 64)) (bvsgt v0 (_ bv100 64))))
(check-sat)
(exit)
