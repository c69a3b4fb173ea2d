; rsh_index: hash bucket index = (h >> 58) (6 bits) into a 64-entry table of 8-byte entries: violation sgt(idx * 8, 504)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (bvsgt (bvmul (bvlshr v0 (_ bv58 64)) (_ bv8 64)) (_ bv504 64)))
(check-sat)
(exit)
