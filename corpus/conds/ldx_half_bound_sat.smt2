; ldx_half_bound_sat: a 16-bit load used as offset into a 4096-byte buffer with size 8: off can reach 65535, the violation is satisfiable (the program is really unsafe)
; expect: sat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 16))
(assert (bvsgt ((_ zero_extend 48) v0) (_ bv4088 64)))
(check-sat)
(exit)
