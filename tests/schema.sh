#!/bin/sh
# Every JSON output of the tests validates against report/parallax.schema.json:
# the JSON outputs of the CLI cases (tests/cli.sh), split of every test input,
# align and diff of the test pairs in each mode, and batch result lines. Two
# broken documents must fail, so that the check itself is checked.
# Needs Python's jsonschema (Debian: python3-jsonschema); skipped without it.
set -u
: "${PARALLAX:=./parallax}"
: "${srcdir:=.}"
: "${PYTHON3:=python3}"
py=
for p in "$PYTHON3" /usr/bin/python3; do
  if "$p" -c 'import jsonschema' 2>/dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
  echo "schema: SKIP: Python's jsonschema is not installed (apt-get install python3-jsonschema)" >&2
  exit 77
fi
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/json"
PLX_JSON_DUMP="$tmp/json" sh "$srcdir/tests/cli.sh" >/dev/null 2>&1
cd "$srcdir" || exit 99
n=0
# inputs that are refused (empty, invalid UTF-8...) leave no output to check
out() {
  n=$((n + 1)); "$PARALLAX" "$@" >"$tmp/json/gen-$n.json" 2>/dev/null
  [ -s "$tmp/json/gen-$n.json" ] || rm -f "$tmp/json/gen-$n.json"
}
for f in tests/data/*.txt tests/data/*.html corpus/jedi/*.txt tests/seeds/*.txt; do
  [ -f "$f" ] || continue
  out split --format json "$f"
done
out split --format json --lang en --segmented tests/data/segmented.txt
for mode in auto parallel comparable; do
  for cmd in align diff; do
    out $cmd --format json --mode $mode corpus/jedi/en.txt corpus/jedi/es.txt
    out $cmd --format json --mode $mode tests/data/parallel-en.txt tests/data/parallel-es-conflict.txt
  done
done
out diff --format json tests/data/article.html corpus/jedi/es.txt
printf '{"a": "%s", "b": "%s", "id": 1}\n{"a": "%s", "b": "%s", "out": "%s"}\n{"a": "x"}\nnot json\n' \
  corpus/jedi/en.txt corpus/jedi/es.txt tests/data/parallel-en.txt tests/data/parallel-es.txt \
  "$tmp/out.json" >"$tmp/jobs.jsonl"
"$PARALLAX" batch -j 2 "$tmp/jobs.jsonl" >"$tmp/batch.jsonl" 2>/dev/null
cp "$tmp/out.json" "$tmp/json/batch-out.json"
exec "$py" - "$srcdir/report/parallax.schema.json" "$tmp/json" "$tmp/batch.jsonl" <<'PY'
import glob, json, os, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
def validator(defn):
    s = dict(schema); s["$ref"] = "#/$defs/" + defn; s.pop("anyOf")
    return jsonschema.Draft202012Validator(s)
root = jsonschema.Draft202012Validator(schema)
kinds = {k: validator(k) for k in ("split", "align", "diff", "bitext_diff", "batch_result")}
def kind(d):
    if "line" in d: return "batch_result"
    if "units" in d: return "bitext_diff"
    if "facts" in d: return "diff"
    if "links" in d: return "align"
    return "split"
docs = []
for p in sorted(glob.glob(os.path.join(sys.argv[2], "*.json"))):
    docs.append((os.path.basename(p), open(p, encoding="utf-8").read()))
for i, line in enumerate(open(sys.argv[3], encoding="utf-8")):
    docs.append(("batch line %d" % (i + 1), line))
fails, counts = 0, {}
for name, text in docs:
    try:
        d = json.loads(text)
    except ValueError as e:
        fails += 1; print("FAIL %s: not JSON: %s" % (name, e)); continue
    k = kind(d)
    counts[k] = counts.get(k, 0) + 1
    for v in (kinds[k], root):
        errs = sorted(v.iter_errors(d), key=lambda e: list(e.path))
        if errs:
            fails += 1
            print("FAIL %s (%s): %s at %s" % (name, k, errs[0].message[:200], list(errs[0].path)))
            break
# the check must be able to fail: two broken documents
bad_split = {"lang": "en", "sentences": [{"id": 0, "start": 0, "end": 3, "text": "abc", "kind": "prose"}]}
bad_diff = {"a": bad_split, "b": bad_split, "mode": "parallel", "links": [], "gaps": [],
            "facts": [{"side": "a", "sentence": 0, "start": 0, "end": 1, "text": "1",
                       "type": "number", "value": "1", "status": "conflict"}]}
for name, d, k in (("bad split", bad_split, "split"), ("bad diff", bad_diff, "diff")):
    if kinds[k].is_valid(d):
        fails += 1; print("FAIL: the schema accepts a", name)
need = {"split": 15, "align": 6, "diff": 6, "bitext_diff": 3, "batch_result": 4}
for k, m in need.items():
    if counts.get(k, 0) < m:
        fails += 1; print("FAIL: only %d %s documents checked (want >= %d)" % (counts.get(k, 0), k, m))
print("schema: %d JSON documents checked (%s), %d failed" %
      (len(docs), ", ".join("%s %d" % kv for kv in sorted(counts.items())), fails))
sys.exit(1 if fails else 0)
PY
