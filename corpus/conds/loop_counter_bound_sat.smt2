; loop_counter_bound_sat: same loop with an off-by-one guard "if i0 < 15": i2 can reach 16, the access is really out of bounds
; expect: sat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (let ((i2 (bvadd (bvadd v0 (_ bv1 64)) (_ bv1 64))))
        (and (bvult v0 (_ bv15 64)) (bvugt i2 (_ bv15 64)))))
(check-sat)
(exit)
