#!/bin/sh
# Build the libFuzzer harnesses with clang (run from the build directory):
#   fuzz/build.sh SRCDIR [HARNESS...]        (default: cond check smt2, plus bpf
#                                              when the loader layer exists)
# The library sources of lang/ and checker/ (and loader/ for bpf) are compiled
# once into fuzz/obj with coverage instrumentation; each harness fuzz/NAME.c
# links them into fuzz/fuzz_NAME.  Environment (set by `make fuzz-build`):
#   FUZZ_CC (clang), FUZZ_CPPFLAGS (include paths and defines), FUZZ_SAN
#   (sanitizers), LIBBPF_LIBS and Z3_LIBS (for the bpf harness, which also
#   links solver/ and loader/).
set -eu
src=$(cd "$1" && pwd); shift
cc=${FUZZ_CC:-clang}
san=${FUZZ_SAN:--fsanitize=address,undefined -fno-sanitize-recover=all}
cppflags=${FUZZ_CPPFLAGS:--I$src/include -I$src -I. -D_GNU_SOURCE}
cflags="-g -O1 -std=gnu11 -fno-omit-frame-pointer $san $cppflags"
if [ $# -gt 0 ]; then harnesses=$*; else
	harnesses="cond check smt2"
	[ -d "$src/loader" ] && [ -f "$src/fuzz/fuzz_bpf.c" ] && harnesses="$harnesses bpf"
fi
mkdir -p fuzz/obj

# generated SMT-LIB lexer/parser: in the build directory, else in the source tree
gen() { if [ -f "lang/$1" ]; then echo "lang/$1"; else echo "$src/lang/$1"; fi; }
lib="$(ls "$src"/lang/*.c "$src"/checker/*.c | grep -v "smt2_\(lexer\|parser\)\.c$") $(gen smt2_lexer.c) $(gen smt2_parser.c)"
newest_hdr=$(ls -t "$src"/include/bcf/*.h "$src"/lang/*.h "$src"/checker/*.h \
	"$src"/solver/*.h "$src"/loader/*.h 2>/dev/null | head -1)

compile() { # $1 = source; prints the object
	o=fuzz/obj/$(echo "$1" | sed "s|^$src/||; s|/|_|g; s|\.c$|.o|")
	if [ ! -f "$o" ] || [ "$1" -nt "$o" ] || [ "$newest_hdr" -nt "$o" ]; then
		$cc $cflags -fsanitize=fuzzer-no-link -c -o "$o" "$1" || { rm -f "$o"; return 1; }
	fi
	echo "$o"
}

objs=
for f in $lib; do objs="$objs $(compile "$f")"; done
for h in $harnesses; do
	extra= hobjs=$objs
	if [ "$h" = bpf ]; then
		for f in "$src"/solver/*.c "$src"/loader/*.c; do
			[ -f "$f" ] && hobjs="$hobjs $(compile "$f")"
		done
		extra="${LIBBPF_LIBS:--lbpf} ${Z3_LIBS:--lz3} -lpthread -ldl"
	fi
	echo "  FUZZ     fuzz/fuzz_$h"
	$cc $cflags -fsanitize=fuzzer -o "fuzz/fuzz_$h" "$src/fuzz/fuzz_$h.c" $hobjs $extra -lm
done
