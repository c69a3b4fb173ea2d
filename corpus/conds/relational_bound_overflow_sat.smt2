; relational_bound_overflow_sat: the same relation with r2 unbounded: r1 + 1 can exceed 64
; expect: sat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(declare-fun v1 () (_ BitVec 64))
(assert (and (bvult v0 v1) (bvugt (bvadd v0 (_ bv1 64)) (_ bv64 64))))
(check-sat)
(exit)
