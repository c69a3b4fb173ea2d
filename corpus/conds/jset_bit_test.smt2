; jset_bit_test: JSET: "if r1 & 0x80 goto" not taken means bit 7 is clear; then r1 & 0xff is below 128: violation ugt(r1 & 0xff, 127)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (and (= (bvand v0 (_ bv128 64)) (_ bv0 64)) (bvugt (bvand v0 (_ bv255 64)) (_ bv127 64))))
(check-sat)
(exit)
