; movsx8_range: MOVSX8: r1 = sign_extend(extract[7:0](r0)) lies in [-128, 127]; refine violation sgt(r1, 127) or slt(r1, -128)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (let ((r1 ((_ sign_extend 56) ((_ extract 7 0) v0))))
        (or (bvsgt r1 (_ bv127 64)) (bvslt r1 (bvneg (_ bv128 64))))))
(check-sat)
(exit)
