; alu32_add_zext: ALU32: w1 = w0 + 1 done at width 32 on the inner var and zero-extended to 64; path "if w0 < 100"; refine: r1 must be at most 100 (violation ugt(r1, 100))
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 32))
(assert (let ((r1 ((_ zero_extend 32) (bvadd v0 (_ bv1 32)))))
        (and (bvult v0 (_ bv100 32)) (bvugt r1 (_ bv100 64)))))
(check-sat)
(exit)
