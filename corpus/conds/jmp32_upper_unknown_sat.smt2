; jmp32_upper_unknown_sat: a JMP32 bound on w1 says nothing about the upper half of a 64-bit r1: the 64-bit check "r1 > 10" can still be taken
; expect: sat
(set-logic QF_BV)
(set-info :bcf-goal path)
(declare-fun v0 () (_ BitVec 64))
(assert (and (bvule ((_ extract 31 0) v0) (_ bv10 32)) (bvugt v0 (_ bv10 64))))
(check-sat)
(exit)
