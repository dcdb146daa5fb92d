#!/bin/sh
# CLI tests: run each case of tests/cli/cases.txt and compare standard output,
# standard error and exit status with diff -u.
#
# Case format:
#   ### NAME
#   $ ARGS...          arguments to parallax (run in $srcdir, word-split by sh)
#   < FILE             optional: standard input
#   ? STATUS           expected exit status
#   > LINE             expected standard output, one line each (optional)
#   ! LINE             expected standard error, one line each (optional)
# Output is only compared when at least one > (or !) line is given; write
# ">" alone to expect empty output.
# With PLX_JSON_DUMP=DIR, every standard output that is JSON is also saved
# there (tests/schema.sh checks them against the JSON Schema).
set -u
: "${PARALLAX:=./parallax}"
: "${srcdir:=.}"
cases="$srcdir/tests/cli/cases.txt"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

run_case() {
  [ -n "$name" ] || return 0
  ( cd "$srcdir" && if [ -n "$stdin" ]; then
      eval "${PLX_VALGRIND:-} \"\$PARALLAX\" $args" <"$stdin"
    else
      eval "${PLX_VALGRIND:-} \"\$PARALLAX\" $args" </dev/null
    fi ) >"$tmp/out" 2>"$tmp/err"
  got=$?
  ok=1
  if [ "$got" != "$status" ]; then
    echo "FAIL $name: exit status $got, want $status"; cat "$tmp/err"; ok=0
  fi
  if [ "$has_out" = 1 ] && ! diff -u "$tmp/want_out" "$tmp/out"; then
    echo "FAIL $name: standard output differs"; ok=0
  fi
  if [ "$has_err" = 1 ] && ! diff -u "$tmp/want_err" "$tmp/err"; then
    echo "FAIL $name: standard error differs"; ok=0
  fi
  if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
  if [ -n "${PLX_JSON_DUMP:-}" ] && [ "$(head -c 1 "$tmp/out")" = "{" ]; then
    ncase=$((pass + fail)); cp "$tmp/out" "$PLX_JSON_DUMP/cli-$ncase.json"
  fi
}

name= args= stdin= status=0 has_out=0 has_err=0
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    "### "*) run_case
             name=${line#\#\#\# } args= stdin= status=0 has_out=0 has_err=0
             : >"$tmp/want_out"; : >"$tmp/want_err" ;;
    "\$ "*) args=${line#\$ } ;;
    "< "*) stdin=${line#< } ;;
    "? "*) status=${line#\? } ;;
    ">") has_out=1 ;;
    "> "*) has_out=1; printf '%s\n' "${line#> }" >>"$tmp/want_out" ;;
    "!") has_err=1 ;;
    "! "*) has_err=1; printf '%s\n' "${line#! }" >>"$tmp/want_err" ;;
  esac
done <"$cases"
run_case
echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
