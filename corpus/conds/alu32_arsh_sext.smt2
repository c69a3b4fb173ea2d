; alu32_arsh_sext: ALU32 arithmetic shift with a signed 32-bit result sign-extended to 64: r1 = sext(w0 s>> 24) is in [-128, 127]; violation sgt(r1, 127)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (bvsgt ((_ sign_extend 32) (bvashr ((_ extract 31 0) v0) (_ bv24 32))) (_ bv127 64)))
(check-sat)
(exit)
