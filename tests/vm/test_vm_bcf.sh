#!/bin/sh
# Real kernel, BCF: boot the BCF-enabled test kernel ($BCF_SHARED_DIR/kernel/
# bzImage-bcf) in QEMU (TCG) with an initramfs holding bcf and corpus/progs.
# `bcf load --save` must load the control program without a request, load
# every safe program with proofs the kernel accepts, reject the two unsafe
# ones as satisfiable with a counterexample; the saved conditions and proofs
# (copied out of the guest as a base64 tarball) must re-check on the host
# with `bcf check --kernel-compat`.  Skipped when the image is absent.  TAP.
. "${BCF_SRCDIR:-.}/tests/vm/common.sh"
K=${BCF_VM_BCF_KERNEL:-$SHARED/kernel/bzImage-bcf}
[ -r "$K" ] || skip_all "no BCF kernel image $K"
vm_common_skips

secs=$(vm_run_loads "$K" "$BCF" "$PROGS" "$T" 1 "$VM_TIMEOUT")
ok $? "bzImage-bcf booted, bcf load --save ran on every object (${secs}s, timeout ${VM_TIMEOUT}s)"
LOG="$T/console.log"
vm_console "$LOG"

! grep -q 'without BCF' "$LOG" && grep -q ': loaded with [1-9]' "$LOG"
ok $? "bcf load sees a BCF kernel (no fallback notice, proofs sent)"

safe=0
for o in "$PROGS"/*.bpf.o; do
	name=$(basename "$o" .bpf.o)
	vm_prog "$LOG" "$name"
	case $(prog_kind "$name") in
	control)
		echo "$out" | grep "^$name: loaded" | grep -vq "loaded with" && [ "$st" = 0 ] && [ "${pins:-0}" -gt 0 ]
		ok $? "$name: loaded without a proof request (exit $st)"
		;;
	safe)
		safe=$((safe + 1))
		line=$(echo "$out" | grep "^$name: loaded with [1-9][0-9]* proof")
		[ -n "$line" ] && [ "$st" = 0 ] && [ "${pins:-0}" -gt 0 ]
		ok $? "$name: ${line#"$name: "} (exit $st)"
		;;
	unsafe)
		msg=$(stock_message "$SRC/corpus/progs/$name.bpf.c" "BCF kernel 7.2 without proofs")
		echo "$out" | grep -q "^$name: rejected" && echo "$out" | grep -q counterexample &&
			[ -n "$msg" ] && echo "$out" | grep -qF "verifier: $msg" &&
			[ "${st:-0}" != 0 ] && [ "$pins" = 0 ]
		ok $? "$name: rejected as satisfiable with a counterexample and \"$msg\" (exit $st, no pins)"
		;;
	esac
	[ -n "${BCF_VM_VERBOSE:-}" ] && echo "$out" | sed 's/^/# /'
done

# the --save output, re-checked on the host
vm_section "$LOG" SAVE | base64 -d >"$T/save.tgz" 2>/dev/null && tar -C "$T" -xzf "$T/save.tgz"
ok $? "--save directories copied out of the guest"
# every proof of a manifest (name, proof bytes, status, goal) against its
# condition; a "path" goal is checked against the path condition
nproofs=0 bad=0
for m in "$T"/save/*/manifest.tsv; do
	[ -f "$m" ] || continue
	d=$(dirname "$m")
	while IFS='	' read -r pname bytes status goal; do
		[ "$pname" = name ] && continue
		[ "${bytes:-0}" -gt 0 ] 2>/dev/null || continue
		nproofs=$((nproofs + 1))
		if [ "$goal" = path ]; then path=--path; else path=; fi
		"$BCF" check --kernel-compat --cond "$d/conds/$pname.cond" $path \
			"$d/proofs/$pname.bcf" >"$T/check.out" 2>&1 ||
			{ bad=$((bad + 1)); echo "# $d/$pname ($status, $goal): $(cat "$T/check.out")"; }
	done <"$m"
done
[ "$nproofs" -ge "$safe" ] && [ "$bad" = 0 ]
ok $? "$nproofs saved proofs re-check with bcf check --kernel-compat ($bad failed; $safe safe programs)"
echo "1..$n"
