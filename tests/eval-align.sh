#!/bin/sh
# The alignment and diff evaluations (newstest2013 parallel, WMT24
# comparable, the demo pair against corpus/jedi/EXPECTED.md) on
# ../shared/data (or $PARALLAX_DATA): prints the figures EVALUATION.md quotes
# and fails if one falls below tests/eval/floors-align.json. Timing (the
# scaling test) is in `make bench`, not here. Skipped (77) without the data.
: "${srcdir:=.}"
: "${PYTHON3:=python3}"
if [ -z "${PARALLAX_DATA:-}" ] && [ -d "$srcdir/../shared/data" ]; then
  PARALLAX_DATA="$srcdir/../shared/data"; export PARALLAX_DATA
fi
exec "$PYTHON3" "$srcdir/tests/eval/align_all.py" --only parallel,comparable,seeds,parallel-ru,comparable-ru \
  --floors "$srcdir/tests/eval/floors-align.json"
