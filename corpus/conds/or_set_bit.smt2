; or_set_bit: r1 = r0 | 1 is odd: the path "if (r1 & 1) == 0" is unreachable
; expect: unsat
(set-logic QF_BV)
(set-info :bcf-goal path)
(declare-fun v0 () (_ BitVec 64))
(assert (= (bvand (bvor v0 (_ bv1 64)) (_ bv1 64)) (_ bv0 64)))
(check-sat)
(exit)
