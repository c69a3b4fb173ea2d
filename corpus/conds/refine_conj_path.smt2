; refine_conj_path: memory refinement with a path: refine_cond = conj(path, violation); path r1 < 32 (JLT), violation sgt(r1 * 4, 124) for a 128-byte value with size 4
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (and (bvult v0 (_ bv32 64)) (bvsgt (bvmul v0 (_ bv4 64)) (_ bv124 64))))
(check-sat)
(exit)
