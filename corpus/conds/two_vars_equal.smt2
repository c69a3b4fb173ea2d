; two_vars_equal: two registers loaded from the same stack slot become two variables tied by "if r1 != r2 goto out"; then r1 - r2 != 0 is unreachable
; expect: unsat
(set-logic QF_BV)
(set-info :bcf-goal path)
(declare-fun v0 () (_ BitVec 64))
(declare-fun v1 () (_ BitVec 64))
(assert (and (= v0 v1) (distinct (bvsub v0 v1) (_ bv0 64))))
(check-sat)
(exit)
