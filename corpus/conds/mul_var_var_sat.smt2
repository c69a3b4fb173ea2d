; mul_var_var_sat: var x var multiplication (two masked registers): r1 * r2 with both <= 255 is below 65536, but the guard here is 65024, so the violation is satisfiable
; expect: sat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(declare-fun v1 () (_ BitVec 64))
(assert (bvugt (bvmul (bvand v0 (_ bv255 64)) (bvand v1 (_ bv255 64))) (_ bv65024 64)))
(check-sat)
(exit)
