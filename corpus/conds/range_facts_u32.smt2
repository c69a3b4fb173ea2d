; range_facts_u32: a variable whose bounds fit u32 gets range facts uge/ule on the 32-bit var; r1 * 8 with r1 <= 511 stays below 4096: violation sgt(zext(r1) * 8, 4088)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 32))
(assert (let ((r1 ((_ zero_extend 32) v0)))
        (and (bvule v0 (_ bv511 32)) (bvsgt (bvmul r1 (_ bv8 64)) (_ bv4088 64)))))
(check-sat)
(exit)
