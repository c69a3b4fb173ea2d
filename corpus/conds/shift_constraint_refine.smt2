; shift_constraint_refine: shift_constraint (reconstructed shape): map value access at offset (r0 & 0xff) << 2 with size 4 into a 1024-byte value; refine condition is the violation sgt(off, 1024 - 4)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (let ((off (bvshl (bvand v0 (_ bv255 64)) (_ bv2 64))))
        (bvsgt off (_ bv1020 64))))
(check-sat)
(exit)
