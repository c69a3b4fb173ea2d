; const_ptr_var_size_sat: constant pointer, variable size masked with 127 into a 64-byte buffer: the violation ugt(size, 64) is satisfiable (size = 65..127)
; expect: sat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (bvugt (bvand v0 (_ bv127 64)) (_ bv64 64)))
(check-sat)
(exit)
