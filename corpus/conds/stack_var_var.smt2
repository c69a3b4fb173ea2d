; stack_var_var: variable offset plus variable size on the stack: off = r1 & 7, size = r2 & 7 (path: size != 0), buffer of 16 bytes: violation sgt(off + size, 16)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(declare-fun v1 () (_ BitVec 64))
(assert (let ((off (bvand v0 (_ bv7 64))) (sz (bvand v1 (_ bv7 64))))
        (and (distinct sz (_ bv0 64)) (bvsgt (bvadd off sz) (_ bv16 64)))))
(check-sat)
(exit)
