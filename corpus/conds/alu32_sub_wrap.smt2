; alu32_sub_wrap: ALU32 wrap-around: w1 = w0 - 1 with path "if w0 < 8"; claiming r1 < 8 is wrong because w0 = 0 wraps to 0xffffffff: the violation is satisfiable (a real bug the verifier is right to reject)
; expect: sat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 32))
(assert (let ((r1 ((_ zero_extend 32) (bvsub v0 (_ bv1 32)))))
        (and (bvult v0 (_ bv8 32)) (bvuge r1 (_ bv8 64)))))
(check-sat)
(exit)
