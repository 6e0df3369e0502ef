#!/bin/sh
# Replays the fuzz corpora through the fuzz targets' entry points (under
# valgrind when the build enables it): the layout target over its corpus,
# the bad-layout corpus and the repository's layouts; the payload target
# over its corpus of valid and hostile payloads.  None may crash, leak or
# hang.
set -u
status=0
layouts=$(find "$top_srcdir/tests/fuzz/corpus" "$top_srcdir/tests/bad" \
	"$top_srcdir/layouts" -name '*.layout' -type f | LC_ALL=C sort)
payloads=$(find "$top_srcdir/tests/fuzz/payload-corpus" -type f | LC_ALL=C sort)
# shellcheck disable=SC2086
timeout 600 $RENKEI_WRAPPER "$top_builddir/tests/fuzz/replay_layout" $layouts || status=1
# shellcheck disable=SC2086
timeout 600 $RENKEI_WRAPPER "$top_builddir/tests/fuzz/replay_payload" $payloads || status=1
exit $status
