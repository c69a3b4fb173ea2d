; unreachable_arsh_s32: variant of unreachable_arsh where the verifier knew r0 fits s32: the variable is a 32-bit var sign-extended to 64 (kernel shape sign_extend 32->64)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 32))
(assert (let ((r0 ((_ sign_extend 32) v0)))
        (let ((t (bvand (bvashr ((_ extract 31 0) r0) (_ bv31 32)) (_ bv4294967162 32))))
        (and (bvsle t (_ bv4294967295 32)) (= t (_ bv4294967160 32))))))
(check-sat)
(exit)
