#!/bin/sh
# The whole test suite: unit, CLI and demo tests and the evaluations
# (make check), then the same again from the distribution tarball built with
# AddressSanitizer and UndefinedBehaviorSanitizer (make distcheck).
# Ends with a line "N passed, N failed, N skipped".
set -u
cd "$(dirname "$0")/.." || exit 2
top=$(pwd)
if [ -z "${PARALLAX_DATA:-}" ] && [ -d "$top/../shared/data" ]; then
  PARALLAX_DATA=$(cd "$top/../shared/data" && pwd); export PARALLAX_DATA
fi
jobs=$(nproc 2>/dev/null || echo 2)
if [ ! -f Makefile ]; then
  { autoreconf -fi && ./configure; } || { echo "0 passed, 1 failed"; exit 1; }
fi
pass=0 fail=0 skip=0
if make -j"$jobs" >/dev/null && make -j"$jobs" check; then :; fi
if [ -f test-suite.log ]; then
  n() { sed -n "s/^# $1: *//p" test-suite.log | head -n 1; }
  pass=$((pass + $(n PASS) + $(n XFAIL)))
  fail=$((fail + $(n FAIL) + $(n XPASS) + $(n ERROR)))
  skip=$((skip + $(n SKIP)))
  grep -h "^SKIP\|^# SKIP\|^SKIP:" tests/*.log 2>/dev/null | head -n 5
else
  fail=$((fail + 1))
fi
if [ "${PLX_QUICK:-0}" != 1 ]; then
  echo "== make distcheck with --enable-asan --enable-ubsan"
  if make -j"$jobs" distcheck DISTCHECK_CONFIGURE_FLAGS="--enable-asan --enable-ubsan" >distcheck.log 2>&1; then
    pass=$((pass + 1)); echo "PASS: distcheck (asan+ubsan)"
  else
    fail=$((fail + 1)); echo "FAIL: distcheck (asan+ubsan); the end of distcheck.log:"; tail -n 60 distcheck.log
  fi
fi
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
