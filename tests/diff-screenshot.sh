#!/bin/sh
# Renders the R05 -> R06 diff of layouts/ as the HTML report (a 新旧対照表)
# in headless Chromium and saves a screenshot of its first 1400x2000
# pixels, by default as docs/diff-R05-R06.png.  It checks that the page
# renders standalone (it has no external assets to load) and lets a person
# look at it.  Not part of `make check`: it needs Chromium and CJK fonts.
#
#   usage: tests/diff-screenshot.sh [OUTPUT.png]
#   environment: RENKEI  the renkei program (default: src/renkei beside
#                        this tree, else renkei on the PATH)
#                DIFF_LANG  the report's language, ja (default) or en
#
# Exit status: 0 written, 77 no Chromium and no way to install it, 1 error.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$top/docs/diff-R05-R06.png}
lang=${DIFF_LANG:-ja}
renkei=${RENKEI:-}
if [ -z "$renkei" ]; then
	if [ -x "$top/src/renkei" ]; then
		renkei=$top/src/renkei
	else
		renkei=$(command -v renkei) || { echo "no renkei: set RENKEI" >&2; exit 1; }
	fi
fi

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		apt-get install -y chromium fonts-noto-cjk >/dev/null
		browser=$(command -v chromium)
	else
		echo "skipped: needs chromium and fonts-noto-cjk (Debian packages)" >&2
		exit 77
	fi
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$renkei" diff --format=html --lang="$lang" -o "$tmp/diff.html" \
	"$top/layouts/R05" "$top/layouts/R06"
# Standalone: nothing to fetch.
if grep -E -q '<(link|script|img)|src=|url\(|@import' "$tmp/diff.html"; then
	echo "the page refers to external assets" >&2
	exit 1
fi
rm -f "$out"
"$browser" --headless --no-sandbox --disable-gpu \
	--disable-background-networking --disable-component-update \
	--no-first-run --user-data-dir="$tmp/profile" --hide-scrollbars \
	--screenshot="$out" --window-size=1400,2000 \
	"file://$tmp/diff.html" >"$tmp/log" 2>&1 || {
	cat "$tmp/log" >&2
	exit 1
}
if [ ! -s "$out" ]; then
	cat "$tmp/log" >&2
	exit 1
fi
echo "$out"
