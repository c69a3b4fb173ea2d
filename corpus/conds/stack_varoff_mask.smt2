; stack_varoff_mask: variable stack offset: off = r2 & 0xf, access fp-16+off with size 1; the violation is sgt(off, 15) (offset past the slot)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (bvsgt (bvand v0 (_ bv15 64)) (_ bv15 64)))
(check-sat)
(exit)
