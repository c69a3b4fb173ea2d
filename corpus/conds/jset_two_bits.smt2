; jset_two_bits: JSET on 0x3 taken and bits 0..1 also tested equal to 0 by a JEQ: contradictory path
; expect: unsat
(set-logic QF_BV)
(set-info :bcf-goal path)
(declare-fun v0 () (_ BitVec 64))
(assert (and (distinct (bvand v0 (_ bv3 64)) (_ bv0 64)) (= (bvand v0 (_ bv3 64)) (_ bv0 64))))
(check-sat)
(exit)
