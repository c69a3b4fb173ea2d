; loop_counter_bound: bounded loop unrolled twice: i1 = i0 + 1, i2 = i1 + 1 with "if i0 < 14"; access arr[i2] in a 16-entry array: violation ugt(i2, 15)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (let ((i2 (bvadd (bvadd v0 (_ bv1 64)) (_ bv1 64))))
        (and (bvult v0 (_ bv14 64)) (bvugt i2 (_ bv15 64)))))
(check-sat)
(exit)
