#!/bin/sh
# The library as a user gets it: `make install` into a staging folder, a
# program built against the installed header with pkg-config
# (tests/installed/client.c), run on articles in both orders and on a
# bilingual file. The installed library finds its data through
# PARALLAX_DATADIR, and without it never falls back to this build tree;
# under Valgrind (when installed) the program ends with no error and
# nothing lost.
set -u
: "${srcdir:=.}"
srcdir=$(cd "$srcdir" && pwd)
top=$(pwd)
if [ -n "${PLX_SAN_CFLAGS:-}" ]; then
  # a sanitized library wants its runtime first in a program built without it
  echo "installed: SKIP: a sanitizer build (the plain build runs this test)" >&2
  exit 77
fi
for tool in cc pkg-config; do
  if ! command -v $tool >/dev/null 2>&1; then
    echo "installed: SKIP: $tool is not installed" >&2
    exit 77
  fi
done
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
dest="$tmp/dest"
if ! ${MAKE:-make} -s -C "$top" install DESTDIR="$dest" >"$tmp/install.log" 2>&1; then
  echo "FAIL installed: make install DESTDIR=... failed"; cat "$tmp/install.log"; exit 1
fi
pc=$(find "$dest" -name parallax.pc | head -n 1)
[ -n "$pc" ] || { echo "FAIL installed: no parallax.pc installed"; exit 1; }
libdir=$(dirname "$(dirname "$pc")")
datadir=$(find "$dest" -type d -path '*/share/parallax' | head -n 1)
flags=$(PKG_CONFIG_SYSROOT_DIR="$dest" PKG_CONFIG_PATH="$(dirname "$pc")" pkg-config --cflags --libs parallax) ||
  { echo "FAIL installed: pkg-config parallax"; exit 1; }
# only the installed header: nothing of the source tree on the include path
if ! cc -std=c11 -Wall -Werror -o "$tmp/client" "$srcdir/tests/installed/client.c" $flags 2>"$tmp/cc.log"; then
  echo "FAIL installed: the client does not build against the installed header"; cat "$tmp/cc.log"; exit 1
fi
pass=0 fail=0
check() { # NAME STATUS-WANTED COMMAND...
  name=$1 want=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"; got=$?
  if [ "$got" = "$want" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL installed: $name: exit $got, want $want"; cat "$tmp/out" "$tmp/err"
  fi
}
en="$srcdir/tests/data/parallel-en.txt"
es="$srcdir/tests/data/parallel-es.txt"
xlf="$srcdir/tests/data/bitext/units.xlf"
cd "$tmp" || exit 99
export LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
check "both orders and an XLIFF file" 0 env PARALLAX_DATADIR="$datadir" ./client "$es" "$en" "$xlf"
if ! grep -q '^es-en: ' out || ! grep -q '^en-es: ' out || ! grep -q '^xliff-1 en-es: 7 units' out; then
  fail=$((fail + 1)); echo "FAIL installed: unexpected output:"; cat out
fi
# without PARALLAX_DATADIR the installed library looks in its own data
# folder only; where that holds no data (not installed on this machine),
# it says so instead of reading this build tree's
pkgdatadir=$(PKG_CONFIG_PATH="$(dirname "$pc")" pkg-config --variable=prefix parallax)/share/parallax
if [ ! -d "$pkgdatadir/en-es" ]; then
  check "no data without PARALLAX_DATADIR" 1 env -u PARALLAX_DATADIR ./client "$es" "$en"
  grep -q "no lexicon data" err || { fail=$((fail + 1)); echo "FAIL installed: message: $(cat err)"; }
fi
if command -v valgrind >/dev/null 2>&1; then
  check "Valgrind: no error, nothing lost" 0 env PARALLAX_DATADIR="$datadir" valgrind -q \
    --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=9 \
    ./client "$es" "$en" "$xlf"
else
  echo "installed: valgrind not installed: the leak check is skipped" >&2
fi
echo "installed: $pass passed, $fail failed"
[ "$fail" = 0 ]
