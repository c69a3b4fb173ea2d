; unreachable_arsh_path: cover letter example (typed from its SMT-LIB text): w1 = (w0 s>> 31) & -134; "if w1 s> -1" and "if w1 != -136" both fall through; the path is unreachable
; expect: unsat
(set-logic QF_BV)
(set-info :bcf-goal path)
(declare-fun v0 () (_ BitVec 64))
(assert (let ((t20 (bvand (bvashr ((_ extract 31 0) v0) (_ bv31 32)) (_ bv4294967162 32))))
        (and (bvsle t20 (_ bv4294967295 32)) (= t20 (_ bv4294967160 32)))))
(check-sat)
(exit)
