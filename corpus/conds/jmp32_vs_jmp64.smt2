; jmp32_vs_jmp64: a JMP32 bound "if w1 > 10 goto out" falls through, then the 64-bit register (a 32-bit var zero-extended) is checked "if r1 > 10": the 64-bit branch is dead
; expect: unsat
(set-logic QF_BV)
(set-info :bcf-goal path)
(declare-fun v0 () (_ BitVec 32))
(assert (let ((r1 ((_ zero_extend 32) v0)))
        (and (bvule ((_ extract 31 0) r1) (_ bv10 32)) (bvugt r1 (_ bv10 64)))))
(check-sat)
(exit)
