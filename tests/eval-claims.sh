#!/bin/sh
# Claims inside linked sentences (tests/eval/claims.py): false alarms on
# FLORES devtest's honest translations, Ex-SemDiv's edited details (and the
# word alignment's AER), Bio-MQM's annotated omissions, on ../shared/data
# (or $PARALLAX_DATA); fails if a figure falls below
# tests/eval/floors-claims.json (or a share of false alarms, or the AER,
# rises above it). Skipped (77) without the data.
: "${srcdir:=.}"
: "${PYTHON3:=python3}"
if [ -z "${PARALLAX_DATA:-}" ] && [ -d "$srcdir/../shared/data" ]; then
  PARALLAX_DATA="$srcdir/../shared/data"; export PARALLAX_DATA
fi
exec "$PYTHON3" "$srcdir/tests/eval/claims.py" --floors "$srcdir/tests/eval/floors-claims.json"
