#!/bin/sh
# The demo articles: every sentence's text equals the bytes [start, end) of
# the file, and the segmentation and kinds equal what a careful reader wrote
# down in tests/seeds/LANG.expected ("kind<TAB>text", one sentence a line).
set -u
: "${PARALLAX:=./parallax}"
: "${srcdir:=.}"
: "${PYTHON3:=python3}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0 pass=0
for lang in en es; do
  file="$srcdir/corpus/jedi/$lang.txt"
  if ! ${PLX_VALGRIND:-} "$PARALLAX" split --format json "$file" >"$tmp/$lang.json"; then
    echo "FAIL $lang: parallax split failed"; fail=$((fail + 1)); continue
  fi
  if "$PYTHON3" - "$file" "$tmp/$lang.json" "$lang" >"$tmp/$lang.got" <<'PY'
import json, sys
path, out, lang = sys.argv[1:4]
data = open(path, 'rb').read()
doc = json.load(open(out, encoding='utf-8'))
assert doc['lang'] == lang, 'language %s, want %s' % (doc['lang'], lang)
for s in doc['sentences']:
    span = data[s['start']:s['end']].decode('utf-8')
    if span != s['text']:
        sys.exit('sentence %d: text differs from bytes [%d,%d)' % (s['id'], s['start'], s['end']))
    print('%s\t%s' % (s['kind'], s['text']))
PY
  then pass=$((pass + 1)); else echo "FAIL $lang: offsets"; fail=$((fail + 1)); continue; fi
  if diff -u "$srcdir/tests/seeds/$lang.expected" "$tmp/$lang.got"; then
    pass=$((pass + 1))
  else
    echo "FAIL $lang: segmentation differs from tests/seeds/$lang.expected"; fail=$((fail + 1))
  fi
done
echo "seeds: $pass passed, $fail failed"
[ "$fail" = 0 ]
