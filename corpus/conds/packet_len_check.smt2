; packet_len_check: packet access after "if data + off + 8 > data_end goto drop": len = data_end - data as a 64-bit var bounded by 0xffff, off = zext(w & 0xfff); refine: off + 8 ugt len
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 32))
(declare-fun v1 () (_ BitVec 64))
(assert (let ((off ((_ zero_extend 32) (bvand v0 (_ bv4095 32)))))
        (and (bvule v1 (_ bv65535 64))
             (bvule (bvadd off (_ bv8 64)) v1)
             (bvugt (bvadd off (_ bv8 64)) v1))))
(check-sat)
(exit)
