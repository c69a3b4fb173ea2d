; range_facts_s32: a variable whose bounds fit s32 ([-5, 5]) is sign-extended; r1 + 5 is an index into an 11-entry array: violation ugt(r1 + 5, 10)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 32))
(assert (let ((r1 ((_ sign_extend 32) v0)))
        (and (bvsge v0 (bvneg (_ bv5 32))) (bvsle v0 (_ bv5 32)) (bvugt (bvadd r1 (_ bv5 64)) (_ bv10 64)))))
(check-sat)
(exit)
