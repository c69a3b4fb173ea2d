; movsx16_index: MOVSX16 then "if r1 s< 0 goto out": the fall-through r1 in [0, 32767]; array of 32768 entries of 2 bytes: violation sgt(r1 * 2, 65534)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (let ((r1 ((_ sign_extend 48) ((_ extract 15 0) v0))))
        (and (bvsge r1 (_ bv0 64)) (bvsgt (bvmul r1 (_ bv2 64)) (_ bv65534 64)))))
(check-sat)
(exit)
