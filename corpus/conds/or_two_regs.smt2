; or_two_regs: r3 = r1 | r2 with r1 <= 15 and r2 <= 15 (masks): the result is at most 15: violation ugt(r3, 15)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(declare-fun v1 () (_ BitVec 64))
(assert (let ((r1 (bvand v0 (_ bv15 64))) (r2 (bvand v1 (_ bv15 64))))
        (bvugt (bvor r1 r2) (_ bv15 64))))
(check-sat)
(exit)
