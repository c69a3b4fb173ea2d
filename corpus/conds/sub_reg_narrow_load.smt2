; sub_reg_narrow_load: a 2-byte narrow move from a 64-bit register: extract[15:0] zero-extended is at most 65535
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (bvugt ((_ zero_extend 48) ((_ extract 15 0) v0)) (_ bv65535 64)))
(check-sat)
(exit)
