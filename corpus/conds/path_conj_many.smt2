; path_conj_many: a path of several branches on one register: 10 < r1, r1 < 20, r1 != 11..18 leaves r1 = 19; then r1 != 19 is dead
; expect: unsat
(set-logic QF_BV)
(set-info :bcf-goal path)
(declare-fun v0 () (_ BitVec 64))
(assert (and (bvugt v0 (_ bv10 64)) (bvult v0 (_ bv20 64))
             (distinct v0 (_ bv11 64)) (distinct v0 (_ bv12 64)) (distinct v0 (_ bv13 64))
             (distinct v0 (_ bv14 64)) (distinct v0 (_ bv15 64)) (distinct v0 (_ bv16 64))
             (distinct v0 (_ bv17 64)) (distinct v0 (_ bv18 64)) (distinct v0 (_ bv19 64))))
(check-sat)
(exit)
