#!/bin/sh
# The packaged Russian lexicons, by the words a link gives as evidence (the
# "evidence" of align's JSON report): aspect partners of the irregular
# families (собирать / собрать, открывать / открыть), verb forms beyond
# Hunspell's unmunch (появились), everyday words Mueller's first senses miss
# (people / люди, leave / ушли), British spelling against Mueller's American
# (organisation), a Russian name that is also a word (Роза / Rosa), and
# Spanish-Russian through English where it used to lose common words (agua /
# воду, norte / севере) or parts of speech differ (puede / можно).
set -u
: "${PARALLAX:=./parallax}"
: "${srcdir:=.}"
: "${PYTHON3:=python3}"
cd "$srcdir" || exit 99
exec "$PYTHON3" - "$PARALLAX" <<'PY'
import json, os, subprocess, sys, tempfile
px = sys.argv[1]
sys.path.insert(0, "tests")
import checks
from checks import check

CASES = [
    ("en", "They collected the money and opened the door.",
     "ru", "Они собрали деньги и открыли дверь.",
     ["collected=собрали", "opened=открыли"]),
    ("en", "Rosa and Nadezhda appeared at the organisation on Monday.",
     "ru", "Роза и Надежда появились в организации в понедельник.",
     ["rosa=роза", "nadezhda=надежда", "appeared=появились", "organisation=организации"]),
    ("en", "Many people have left the organisation.",
     "ru", "Многие люди ушли из организации.",
     ["many=многие", "people=люди", "left=ушли"]),
    ("es", "Bebieron agua en el norte y se puede ver el mar.",
     "ru", "Они пили воду на севере, и можно увидеть море.",
     ["agua=воду", "norte=севере", "puede=можно"]),
]

with tempfile.TemporaryDirectory() as tmp:
    for k, (la, ta, lb, tb, want) in enumerate(CASES):
        a, b = os.path.join(tmp, "%d.a.txt" % k), os.path.join(tmp, "%d.b.txt" % k)
        with open(a, "w", encoding="utf-8") as f:
            f.write(ta + "\n")
        with open(b, "w", encoding="utf-8") as f:
            f.write(tb + "\n")
        r = subprocess.run([px, "align", "--segmented", "--lang-a", la, "--lang-b", lb,
                            "--format", "json", a, b], capture_output=True)
        check(r.returncode == 0, "%s-%s case %d: exit %d: %s" % (la, lb, k, r.returncode,
                                                                  r.stderr.decode()))
        if r.returncode != 0:
            continue
        links = json.loads(r.stdout)["links"]
        check(len(links) == 1, "%s-%s case %d: %d links, want 1" % (la, lb, k, len(links)))
        evidence = [p.strip() for l in links for p in l.get("evidence", "").split(",")]
        for w in want:
            check(w in evidence, "%s-%s case %d: %r not in the evidence %r" % (la, lb, k, w, evidence))
checks.finish("lexicon-ru", "%d pairs: " % len(CASES))
PY
