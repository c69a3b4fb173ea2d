; shift_constraint_path: shift_constraint (reconstructed shape): r1 = (r0 & 0xff) << 2 at 64 bits; the branch "if r1 > 1020" is taken although r1 <= 1020; path unreachable
; expect: unsat
(set-logic QF_BV)
(set-info :bcf-goal path)
(declare-fun v0 () (_ BitVec 64))
(assert (let ((r1 (bvshl (bvand v0 (_ bv255 64)) (_ bv2 64))))
        (bvugt r1 (_ bv1020 64))))
(check-sat)
(exit)
