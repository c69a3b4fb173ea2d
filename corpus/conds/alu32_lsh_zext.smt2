; alu32_lsh_zext: ALU32 shift: w1 = (w0 & 0xff) << 4 then zero-extended; index into a 4096-byte map value with size 16: violation sgt(r1, 4080)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (let ((r1 ((_ zero_extend 32) (bvshl (bvand ((_ extract 31 0) v0) (_ bv255 32)) (_ bv4 32)))))
        (bvsgt r1 (_ bv4080 64))))
(check-sat)
(exit)
