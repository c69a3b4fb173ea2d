; mod_index: index = r0 % 32 (BPF_MOD with a constant) into a 32-entry array: violation ugt(idx, 31)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (bvugt (bvurem v0 (_ bv32 64)) (_ bv31 64)))
(check-sat)
(exit)
