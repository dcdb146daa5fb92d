#!/bin/sh
# The lexicon evaluations (Tatoeba, FLORES, STS 2017) on ../shared/data (or
# $PARALLAX_DATA): prints the figures EVALUATION.md quotes and fails if one
# falls below tests/eval/floors-lexicon.json. Skipped (77) without the data.
: "${srcdir:=.}"
: "${PYTHON3:=python3}"
if [ -z "${PARALLAX_DATA:-}" ] && [ -d "$srcdir/../shared/data" ]; then
  PARALLAX_DATA="$srcdir/../shared/data"; export PARALLAX_DATA
fi
exec "$PYTHON3" "$srcdir/tests/eval/lexicon_eval.py" --floors "$srcdir/tests/eval/floors-lexicon.json"
