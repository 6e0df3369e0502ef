#!/bin/sh
# Installs what building and testing renkei needs on Debian or Ubuntu.
# Safe to run again: apt-get installs only what is missing.
set -eu
packages="build-essential autoconf automake libtool pkg-config bison flex
	libxml2-dev libxml2-utils libyaml-dev libcunit1-dev valgrind
	clang libclang-rt-dev time asn1c"
missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	sudo=sudo
else
	sudo=
fi
echo "installing:$missing"
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
