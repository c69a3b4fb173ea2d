; batched_unreachable: a batch of two path-unreachable conditions (kernel batching): disj of two contradictory paths
; expect: unsat
(set-logic QF_BV)
(set-info :bcf-goal path)
(declare-fun v0 () (_ BitVec 64))
(declare-fun v1 () (_ BitVec 32))
(assert (or (and (bvult v0 (_ bv5 64)) (bvugt v0 (_ bv7 64)))
            (and (= (bvand v1 (_ bv1 32)) (_ bv1 32)) (= (bvshl v1 (_ bv31 32)) (_ bv0 32)))))
(check-sat)
(exit)
