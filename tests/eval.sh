#!/bin/sh
# The evaluations on ../shared/data (or $PARALLAX_DATA): prints the figures
# EVALUATION.md quotes, and fails if one falls below the floor recorded in
# tests/eval/floors.json (the level reached, so that a change that makes
# segmentation worse is caught). Skipped (exit 77) when the data is absent.
: "${srcdir:=.}"
: "${PYTHON3:=python3}"
if [ -z "${PARALLAX_DATA:-}" ] && [ -d "$srcdir/../shared/data" ]; then
  PARALLAX_DATA="$srcdir/../shared/data"; export PARALLAX_DATA
fi
exec "$PYTHON3" "$srcdir/tests/eval/run_all.py" --floors "$srcdir/tests/eval/floors.json"
