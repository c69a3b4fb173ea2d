#!/bin/sh
# Bootstrap the autotools build: ./autogen.sh && ./configure && make
set -e
cd "$(dirname "$0")"
mkdir -p build-aux m4
# automake ships the TAP driver but does not install it by itself
for d in /usr/share/automake-*; do
	if [ -f "$d/tap-driver.sh" ]; then cp "$d/tap-driver.sh" build-aux/; break; fi
done
[ -f build-aux/tap-driver.sh ] || { echo "autogen.sh: automake's tap-driver.sh not found" >&2; exit 1; }
autoreconf -fi
