#!/bin/sh
# bcf load over corpus/progs against the protocol double replaying the real
# requests of the BCF test kernel: tests/vm/recorded/ holds the condition
# buffers bzImage-bcf (Linux 7.2 + BCF) exported for each program, saved by
# `bcf load --save` in QEMU (tests/vm/test_vm_bcf.sh), and requests.tsv the
# outcome each had there (proven-path, proven-refine, sat).  Every program
# must get the same outcome per request, the same number of proofs, load
# (safe) or be rejected as sat (unsafe), and the proofs saved must re-check
# with bcf check --kernel-compat.  No VM needed.  TAP output.
. "${BCF_SRCDIR:-.}/tests/lib.sh"
need_double
REC=$(cd "$SRC/tests/vm/recorded" && pwd)

# the double's script: each program's recorded requests in order
{
	echo "kernel bcf"
	echo "prog control_checked_map plain=ok final=ok"
	for p in $(sed -n '2,$s/\t.*//p' "$REC/requests.tsv" | sort -u); do
		echo "prog $p plain=reject final=ok"
		echo "msg $p recorded requests of $p (double)"
		awk -F'\t' -v p="$p" -v d="$REC" 'NR > 1 && $1 == p { print "step " p " " d "/" p "-" $2 ".cond" }' \
			"$REC/requests.tsv"
	done
} >"$T/script"

total=0
for o in "$PROGS"/*.bpf.o; do
	name=$(basename "$o" .bpf.o)
	total=$((total + 1))
	rm -rf "$T/pin" "$T/save"; mkdir "$T/pin"
	out=$(BCF_DOUBLE_SCRIPT="$T/script" BCF_DOUBLE_BPFFS="$T/pin" "$DBL" load "$o" "$T/pin" \
		--save "$T/save" 2>&1); st=$?
	[ -n "${BCF_VM_VERBOSE:-}" ] && echo "$out" | sed 's/^/# /'
	if [ "$name" = control_checked_map ]; then
		echo "$out" | grep -q "^$name: loaded (no proof needed)" && [ $st = 0 ]
		ok $? "$name: loaded without a request (exit $st)"
		continue
	fi
	# every request: the outcome it had on the real kernel
	want=$(awk -F'\t' -v p="$name" 'NR > 1 && $1 == p { print $2 " " $3 " " $4 }' "$REC/requests.tsv")
	nreq=$(echo "$want" | wc -l)
	same=0
	while read -r k bytes status; do
		echo "$out" | grep -q "^  $name\.$name: request $k: $bytes-byte condition: $status[,]" &&
			same=$((same + 1))
	done <<EOF2
$want
EOF2
	case $name in
	unsafe_*)
		echo "$out" | grep -q "^$name: rejected: .*satisfiable" && [ $st = 1 ] && [ $same = "$nreq" ] &&
			[ -z "$(ls "$T/pin")" ]
		ok $? "$name: rejected as sat as on the real kernel (exit $st)"
		;;
	*)
		echo "$out" | grep -q "^$name: loaded with $nreq proofs\{0,1\} " && [ $st = 0 ] && [ $same = "$nreq" ] &&
			[ -e "$T/pin/$name" ]
		ok $? "$name: $same/$nreq recorded requests with their real-kernel outcome, loaded (exit $st)"
		bad=0
		while IFS='	' read -r pname bytes status goal; do
			[ "$pname" = name ] && continue
			if [ "$goal" = path ]; then path=--path; else path=; fi
			"$BCF" check --kernel-compat --cond "$T/save/conds/$pname.cond" $path \
				"$T/save/proofs/$pname.bcf" >/dev/null 2>&1 || bad=$((bad + 1))
		done <"$T/save/manifest.tsv"
		ok $([ $bad = 0 ]; echo $?) "$name: saved proofs re-check with --kernel-compat ($bad failed)"
		;;
	esac
done
echo "1..$n"
