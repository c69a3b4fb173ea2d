; neg_range: r1 = -(r0 & 7) lies in [-7, 0]; access fp + r1 - 1 with size 1 into the 8 bytes below fp: violation slt(r1 - 1, -8)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (bvslt (bvsub (bvneg (bvand v0 (_ bv7 64))) (_ bv1 64)) (bvneg (_ bv8 64))))
(check-sat)
(exit)
