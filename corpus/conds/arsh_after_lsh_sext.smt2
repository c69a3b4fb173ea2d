; arsh_after_lsh_sext: sign extension idiom r1 = (r0 << 32) s>> 32 then "if r1 s> 10" and "if r1 s< -10" fall through; then r1 + 10 is used as an index below 21: violation ugt(r1 + 10, 20)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (let ((r1 (bvashr (bvshl v0 (_ bv32 64)) (_ bv32 64))))
        (and (bvsle r1 (_ bv10 64)) (bvsge r1 (bvneg (_ bv10 64)))
             (bvugt (bvadd r1 (_ bv10 64)) (_ bv20 64)))))
(check-sat)
(exit)
