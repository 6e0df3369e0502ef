#!/bin/sh
# Replays the fuzz corpus, the bad-layout corpus and the repository's
# layouts through the fuzz target's entry point (under valgrind when the
# build enables it): none of them may crash, leak or hang.
set -u
files=$(find "$top_srcdir/tests/fuzz/corpus" "$top_srcdir/tests/bad" \
	"$top_srcdir/layouts" -name '*.layout' -type f | LC_ALL=C sort)
# shellcheck disable=SC2086
exec timeout 600 $RENKEI_WRAPPER "$top_builddir/tests/fuzz/replay_layout" $files
