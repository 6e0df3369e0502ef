#!/bin/sh
# The generated code against the INSTALLED runtime, as a vendor builds it:
# `make install` into a staging directory, then, with only what
# `pkg-config renkei` says,
#  - every file of generated/ compiles under gcc and clang with
#    -std=c99 -Wall -Wextra -Werror -pedantic (tests/compile.sh with
#    RUNTIME_CFLAGS from pkg-config);
#  - examples/ builds with its own Makefile, links against the installed
#    librenkei and runs on a sample payload, whose output validates.
#
#   tests/installed.sh BUILDDIR      (a configured and built tree)
#
# Prints "N passed, N failed"; exit status 0 when none failed.
set -u
builddir=$(cd "${1:?usage: tests/installed.sh BUILDDIR}" && pwd) || exit 2
top_srcdir=$(cd "$(dirname "$0")/.." && pwd)
RENKEI=$builddir/src/renkei
export RENKEI top_srcdir
. "$top_srcdir/tests/lib.sh"
make_tmpdir
stage=$tmp/stage

if make -C "$builddir" install DESTDIR="$stage" >"$tmp/install.out" 2>&1; then
	passed
else
	failed "make install DESTDIR=..."
	tail -20 "$tmp/install.out"
	summary
	exit 1
fi
pc=$(find "$stage" -name renkei.pc | head -n 1)
lib=$(find "$stage" -name 'librenkei.so*' | head -n 1)
if [ -z "$pc" ] || [ -z "$lib" ]; then
	failed "no renkei.pc or librenkei.so under the staging directory"
	summary
	exit 1
fi
PKG_CONFIG_PATH=$(dirname "$pc")
PKG_CONFIG_SYSROOT_DIR=$stage
LD_LIBRARY_PATH=$(dirname "$lib")
export PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR LD_LIBRARY_PATH
cflags=$(pkg-config --cflags renkei) && libs=$(pkg-config --libs renkei) ||
	{ failed "pkg-config renkei"; summary; exit 1; }
echo "pkg-config renkei: $cflags $libs"
case $cflags in *"$stage"*) passed ;; *) failed "pkg-config --cflags renkei does not point into the staging directory: $cflags" ;; esac

# tests/compile.sh, with the installed headers.
if RUNTIME_CFLAGS=$cflags sh "$top_srcdir/tests/compile.sh" >"$tmp/compile.out" 2>&1; then
	passed
else
	failed "tests/compile.sh against the installed headers:"
	grep FAIL "$tmp/compile.out" | head -20
fi
tail -n 1 "$tmp/compile.out"

# The example, built by its own Makefile in a copy of examples/.
mkdir -p "$tmp/src/examples" &&
	cp "$top_srcdir"/examples/kaigo_tsukisu.c "$top_srcdir"/examples/Makefile "$tmp/src/examples/" &&
	cp -R "$top_srcdir/generated" "$tmp/src/" || exit 99
if make -C "$tmp/src/examples" CFLAGS="-O2 -std=c99 -Wall -Wextra -Werror -pedantic" \
	>"$tmp/make.out" 2>&1; then
	passed
else
	failed "make -C examples against the installed renkei:"
	sed 's/^/    /' "$tmp/make.out"
fi
if [ -x "$tmp/src/examples/kaigo_tsukisu" ]; then
	"$RENKEI" sample -l "$top_srcdir/layouts/R06" --record kaigo_jukyusha --count 4 \
		-o "$tmp/in.xml" >/dev/null
	if "$tmp/src/examples/kaigo_tsukisu" "$tmp/in.xml" >"$tmp/out.xml" 2>"$tmp/err" &&
		"$RENKEI" validate -l "$top_srcdir/layouts/R06" "$tmp/out.xml" >/dev/null 2>&1 &&
		[ "$(grep -c '<kaigo_jukyusha>' "$tmp/out.xml")" -eq 4 ]; then
		passed
	else
		failed "the example, linked with the installed librenkei, did not pass 4 records:"
		sed 's/^/    /' "$tmp/err"
	fi
	ldd "$tmp/src/examples/kaigo_tsukisu" | grep librenkei
fi
summary
