; alu32_zext_upper_zero: MOV32 clears the upper half: r1 = zero_extend(extract[31:0](r0)); the path claims r1 >> 32 != 0
; expect: unsat
(set-logic QF_BV)
(set-info :bcf-goal path)
(declare-fun v0 () (_ BitVec 64))
(assert (distinct (bvlshr ((_ zero_extend 32) ((_ extract 31 0) v0)) (_ bv32 64)) (_ bv0 64)))
(check-sat)
(exit)
