#!/bin/sh
# align and diff reports: the JSON has the shape of doc/INTERFACE.md and its
# spans are exact; a changed number is a conflict with its counterpart; the
# demo pair's key facts have the status a careful reader gives them; TMX is
# well-formed and reads back.
set -u
: "${PARALLAX:=./parallax}"
: "${srcdir:=.}"
: "${PYTHON3:=python3}"
cd "$srcdir" || exit 99
exec "$PYTHON3" - "$PARALLAX" <<'PY'
import json, subprocess, sys
import xml.etree.ElementTree as ET
px = sys.argv[1]
sys.path.insert(0, "tests")
import checks
from checks import check
def run(args):
    r = subprocess.run([px] + args, capture_output=True)
    return r.returncode, r.stdout, r.stderr.decode()

def spans_exact(d, paths):
    for side, path in zip("ab", paths):
        data = open(path, "rb").read()
        for s in d[side]["sentences"]:
            check(data[s["start"]:s["end"]].decode() == s["text"], "%s sentence %d span" % (side, s["id"]))
    for f in d.get("facts", []):
        data = open(paths[0 if f["side"] == "a" else 1], "rb").read()
        check(data[f["start"]:f["end"]].decode() == f["text"], "fact span %r" % f["text"])
        check(f["status"] in ("matched", "missing", "conflict"), "fact status")

# a changed number is a conflict, both ways
pa, pb = "tests/data/parallel-en.txt", "tests/data/parallel-es-conflict.txt"
rc, out, err = run(["diff", "--segmented", "--format", "json", pa, pb])
check(rc == 1, "diff exit status %d" % rc)
d = json.loads(out)
for key in ("a", "b", "links", "gaps", "facts", "mode"):
    check(key in d, "key %s" % key)
spans_exact(d, (pa, pb))
conf = [f for f in d["facts"] if f["status"] == "conflict" and f["side"] == "a"]
check(len(conf) == 1 and conf[0]["value"] == "300" and conf[0]["counterpart"]["value"] == "400",
      "conflict 300/400: %r" % conf)
check(d["mode"] == "parallel", "mode %s" % d["mode"])
check({"side": "a", "sentence": 2} in d["gaps"], "the left-out sentence is a gap: %r" % d["gaps"])

# the demo pair
a, b = "corpus/jedi/en.txt", "corpus/jedi/es.txt"
rc, out, err = run(["diff", "--format", "json", a, b])
check(rc == 1, "demo diff exit %d" % rc)
d = json.loads(out)
spans_exact(d, (a, b))
check(d["mode"] == "comparable", "demo mode %s" % d["mode"])
def status(text, typ):
    return [f["status"] for f in d["facts"] if f["type"] == typ and text in f["text"]]
check(status("four decades", "duration") == ["missing"], "four decades: %r" % status("four decades", "duration"))
check(status("3%", "percent") == ["missing"], "3%%: %r" % status("3%", "percent"))
check(status("10 billion", "amount") == ["matched"], "$ 10 billion: %r" % status("10 billion", "amount"))
check(status("10.000 millones", "amount") == ["matched"], "10.000 millones: %r" % status("10.000 millones", "amount"))
check(status("September 16", "date") == ["matched"], "September 16: %r" % status("September 16", "date"))
check(status("Campbell-Smith", "name") == ["missing"], "Campbell-Smith: %r" % status("Campbell-Smith", "name"))
kinds = {s["id"]: s["kind"] for s in d["a"]["sentences"]}
gaps_a = {g["sentence"] for g in d["gaps"] if g["side"] == "a"}
check(not any(kinds[g] in ("boilerplate", "duplicate") for g in gaps_a), "furniture is never a gap")

# TMX reads back
rc, out, err = run(["align", "--segmented", "--format", "tmx", "--min-score", "0.3",
                    "tests/data/parallel-en.txt", "tests/data/parallel-es.txt"])
check(rc == 0, "tmx exit %d %s" % (rc, err))
root = ET.fromstring(out)
check(root.tag == "tmx" and root.get("version") == "1.4", "tmx root")
tus = root.findall("./body/tu")
check(len(tus) == 5, "5 translation units, got %d" % len(tus))
XL = "{http://www.w3.org/XML/1998/namespace}lang"
check(all([t.get(XL) for t in tu.findall("tuv")] == ["en", "es"] for tu in tus), "tuv languages")
checks.finish("reports")
PY
