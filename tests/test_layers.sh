#!/bin/sh
# The layers stand on each other in one order: include -> lang -> checker ->
# solver -> loader -> corpus -> cli. A source file may include headers of its own layer
# or of a layer below it, never above. TAP output; one test per layer.
src=${BCF_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
order="include lang checker solver loader corpus cli"
rank() { # $1 = layer -> its position, or nothing
	i=0
	for l in $order; do
		[ "$l" = "$1" ] && { echo $i; return; }
		i=$((i + 1))
	done
}
echo "1..7"
n=0
for layer in $order; do
	n=$((n + 1))
	me=$(rank "$layer")
	bad=""
	for f in $(find "$src/$layer" -name '*.[chly]' 2>/dev/null); do
		for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*["<]\([a-z]*\)\/.*/\1/p' "$f"); do
			[ "$inc" = bcf ] && inc=include
			r=$(rank "$inc")
			[ -n "$r" ] || continue
			if [ "$r" -gt "$me" ]; then
				bad="$bad ${f#$src/}->$inc"
			fi
		done
	done
	if [ -z "$bad" ]; then
		echo "ok $n - $layer includes nothing above it"
	else
		echo "not ok $n - $layer includes upward:$bad"
	fi
done
