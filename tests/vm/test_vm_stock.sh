#!/bin/sh
# Real kernel, stock: boot Debian's own kernel (linux-image-amd64) in QEMU
# (TCG) with an initramfs holding bcf and corpus/progs; `bcf load` must
# notice the kernel has no BCF, load the control program plainly, and report
# each rejected program with the verifier's own message (the one its source
# quotes) and a failing exit status, leaving no pins behind.  TAP output.
. "${BCF_SRCDIR:-.}/tests/vm/common.sh"
K=${BCF_VM_STOCK_KERNEL:-$(vm_stock_kernel)}
[ -n "$K" ] && [ -r "$K" ] ||
	skip_all "no readable Debian kernel /boot/vmlinuz-*-amd64 (apt-get install linux-image-amd64)"
vm_common_skips

secs=$(vm_run_loads "$K" "$BCF" "$PROGS" "$T" 0 "$VM_TIMEOUT")
ok $? "$(basename "$K") booted, bcf load ran on every object (${secs}s, timeout ${VM_TIMEOUT}s)"
LOG="$T/console.log"
vm_console "$LOG"

grep -q 'without BCF' "$LOG"
ok $? "bcf load notices the kernel has no BCF"

for o in "$PROGS"/*.bpf.o; do
	name=$(basename "$o" .bpf.o)
	vm_prog "$LOG" "$name"
	case $(prog_kind "$name") in
	control)
		echo "$out" | grep "^$name: loaded" | grep -vq "loaded with" && [ "$st" = 0 ] && [ "${pins:-0}" -gt 0 ]
		ok $? "$name: loaded plainly, pinned (exit $st, $pins pins)"
		;;
	*)
		msg=$(stock_message "$SRC/corpus/progs/$name.bpf.c" "Debian 6.1")
		[ -n "$msg" ] && echo "$out" | grep -q "^$name: rejected" &&
			echo "$out" | grep -qF "$msg" && [ "${st:-0}" != 0 ] && [ "$pins" = 0 ]
		ok $? "$name: rejected with \"$msg\" (exit $st, no pins)"
		;;
	esac
	[ -n "${BCF_VM_VERBOSE:-}" ] && echo "$out" | sed 's/^/# /'
done
echo "1..$n"
