#!/bin/sh
# Install what Parallax needs to build and test on Debian 12 (as root).
# python3-jsonschema checks JSON output against the schema in tests;
# chromium (with a font) runs the HTML report test in a real browser;
# dict-freedict-eng-spa gives hunalign, the anchor of make bench, its
# dictionary; translate-toolkit writes the XLIFF and TMX files of the
# CAT-tool round trip (tests/roundtrip.sh).
# With --check: exit 0 if everything is installed, 1 otherwise.
set -eu
PACKAGES="build-essential autoconf automake libtool pkg-config
libicu-dev libhunspell-dev libxml2-dev libjansson-dev
hunspell-en-us hunspell-es python3 python3-jsonschema valgrind
chromium fonts-dejavu-core dict-freedict-eng-spa translate-toolkit"
missing=
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ "${1:-}" = --check ]; then
  [ -z "$missing" ] && exit 0
  echo "missing:$missing"; exit 1
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "install-deps: run as root (or with sudo) to install:$missing" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
