; div_index: index = r0 / 0x80000000_00000000 (BPF_DIV by a constant) gives at most 1 bit: violation ugt(idx, 1)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (bvugt (bvudiv v0 (_ bv9223372036854775808 64)) (_ bv1 64)))
(check-sat)
(exit)
