; const_ptr_var_size: constant pointer, variable size (bpf_probe_read into a 64-byte stack buffer): size = r2 & 63 with path "if size == 0 goto out"; violation ugt(size, 64 - 0)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (let ((size (bvand v0 (_ bv63 64))))
        (and (distinct size (_ bv0 64)) (bvugt size (_ bv64 64)))))
(check-sat)
(exit)
