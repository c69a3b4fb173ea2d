; packet_hdr_sum: two header lengths added (ihl * 4 + tcp doff * 4) checked against the packet length in a single branch; the second access at that sum with size 20 is in bounds
; expect: unsat
(set-logic QF_BV)
(declare-fun v0 () (_ BitVec 8))
(declare-fun v1 () (_ BitVec 8))
(declare-fun v2 () (_ BitVec 64))
(assert (let ((ihl ((_ zero_extend 56) (bvand v0 (_ bv15 8))))
              (doff ((_ zero_extend 56) (bvlshr v1 (_ bv4 8)))))
        (let ((off (bvadd (bvshl ihl (_ bv2 64)) (bvshl doff (_ bv2 64)))))
        (and (bvule (bvadd off (_ bv20 64)) v2)
             (bvugt (bvadd off (_ bv20 64)) v2)))))
(check-sat)
(exit)
