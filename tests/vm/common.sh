# tests/vm/common.sh: what the two VM tests share on top of tests/lib.sh
# (TAP helpers, BCF, SRC, PROGS, the temporary directory T): skips, the
# corpus list.
. "${BCF_SRCDIR:-.}/tests/lib.sh"
VM_LIBDIR="$SRC/tests/vm"
. "$VM_LIBDIR/lib.sh"
VM_TIMEOUT=${BCF_VM_TIMEOUT:-300}

# vm_common_skips: skip the whole test when the VM cannot run here
vm_common_skips() {
	local miss
	"$BCF" load --help >/dev/null 2>&1 || skip_all "this bcf has no load command"
	miss=$(vm_missing_tools)
	[ -z "$miss" ] || skip_all "missing host tools: $miss"
	ls "$PROGS"/*.bpf.o >/dev/null 2>&1 ||
		skip_all "corpus/progs objects not built (configure found no clang)"
	# The sanitizer build's bcf is large and several times slower: under TCG
	# its boots would take minutes.  The loader itself is covered under ASan
	# by the protocol-double tests.
	vm_is_sanitized "$BCF" && skip_all "AddressSanitizer build of bcf (too slow under TCG)"
	return 0
}

# vm_console LOG: when the boot did not reach the end marker, show where the
# console stopped; keep the log in $BCF_VM_KEEP_LOG when set
vm_console() {
	grep -q "^$VM_END" "$1" 2>/dev/null ||
		tr -d '\r' <"$1" 2>/dev/null | grep -v '^[A-Za-z0-9+/=]\{60,\}$' | tail -30 |
		sed 's/^/# console: /'
	[ -z "${BCF_VM_KEEP_LOG:-}" ] || cp "$1" "$BCF_VM_KEEP_LOG"
}

# load_section LOG NAME: the guest output of `bcf load` on NAME.bpf.o
load_section() { vm_section "$1" "LOAD-$2"; }

# vm_prog LOG NAME: the guest output of `bcf load` on NAME.bpf.o in out, its
# exit status in st, the pins it left in pins
vm_prog() {
	out=$(load_section "$1" "$2")
	st=$(echo "$out" | sed -n 's/^exit=//p')
	pins=$(echo "$out" | sed -n 's/^pins=//p')
}

# stock_message SRC TAG: the verifier message quoted in a corpus source
# ("Debian 6.1" or "BCF kernel 7.2 without proofs")
stock_message() { sed -n "s/^ \*   $2: \"\(.*\)\"\$/\1/p" "$1" | head -1; }

# prog_kind NAME: control (loads plainly), unsafe (sat) or safe
prog_kind() {
	case $1 in
	control_*) echo control ;;
	unsafe_*) echo unsafe ;;
	*) echo safe ;;
	esac
}
