; ldx_byte_bound: a byte load zero-extended (r1 = *(u8 *)ptr) used as offset for a 4-byte access into a 260-byte buffer: violation sgt(r1, 256)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 8))
(assert (bvsgt ((_ zero_extend 56) v0) (_ bv256 64)))
(check-sat)
(exit)
