; shift_left_right_mask: r1 = (r0 << 56) >> 60 leaves at most 4 bits; an access with const size 1 into a 16-byte stack slot at variable offset r1: violation sgt(r1, 15)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (bvsgt (bvlshr (bvshl v0 (_ bv56 64)) (_ bv60 64)) (_ bv15 64)))
(check-sat)
(exit)
