; stack_varoff_lower: variable stack offset with unknown sign: off = r2 s>> 60 (in [-8, 7]), access fp-8+off with size 1 into [fp-16, fp): violation disjunction slt(off, -8) or sgt(off, 7)
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 64))
(assert (let ((off (bvashr v0 (_ bv60 64))))
        (or (bvslt off (bvneg (_ bv8 64))) (bvsgt off (_ bv7 64)))))
(check-sat)
(exit)
