#!/bin/sh
# The lexicon evaluations (Tatoeba, FLORES, STS 2017, UD PUD; English-Spanish
# and, for issue 13, Russian with both) on ../shared/data (or
# $PARALLAX_DATA): prints the figures EVALUATION.md quotes and fails if one
# falls below tests/eval/floors-lexicon.json. Skipped (77) without the data.
: "${srcdir:=.}"
: "${PYTHON3:=python3}"
if [ -z "${PARALLAX_DATA:-}" ] && [ -d "$srcdir/../shared/data" ]; then
  PARALLAX_DATA="$srcdir/../shared/data"; export PARALLAX_DATA
fi
"$PYTHON3" "$srcdir/tests/eval/lexicon_eval.py" --floors "$srcdir/tests/eval/floors-lexicon.json"
rc=$?
[ "$rc" -eq 0 ] || exit "$rc"
# comparable-mode retrieval on UD PUD, the Russian pairs with English and
# Spanish (issue 13)
exec "$PYTHON3" "$srcdir/tests/eval/pud_retrieval.py" --floors "$srcdir/tests/eval/floors-pud.json"
