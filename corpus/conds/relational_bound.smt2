; relational_bound: relational bound the interval domain cannot keep: "if r1 < r2" then r2 <= 64 (packet length), so r1 + 1 <= 64: violation ugt(r1 + 1, 64)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(declare-fun v1 () (_ BitVec 64))
(assert (and (bvult v0 v1) (bvule v1 (_ bv64 64)) (bvugt (bvadd v0 (_ bv1 64)) (_ bv64 64))))
(check-sat)
(exit)
