#!/bin/sh
# Round trips with translation tools' files.
#
# 1. Parallax's own translation memory read back: the TMX of
#    `align --format tmx` on a translation, given to `diff FILE.tmx`, is a
#    clean file of as many units as links; the same with a changed number
#    reports the conflict in its unit.
# 2. With translate-toolkit (Debian: translate-toolkit), files written by a
#    CAT tool's converters: a gettext catalogue with known faults
#    (tests/data/bitext/app.po: a dropped name, a lost placeholder, a
#    changed amount, an untranslated entry, a faithful one) turned into
#    XLIFF (po2xliff) and TMX (po2tmx) and checked by `diff`; and
#    Parallax's TMX read by translate-toolkit's TMX reader, unit for unit.
# Part 2 is skipped (exit 77 after part 1 passed) without translate-toolkit.
set -u
: "${PARALLAX:=./parallax}"
: "${srcdir:=.}"
: "${PYTHON3:=python3}"
# translate-toolkit's modules belong to the system's Python
for p in "$PYTHON3" /usr/bin/python3; do
  if "$p" -c 'import translate.storage.tmx' 2>/dev/null; then PYTHON3=$p; break; fi
done
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
exec "$PYTHON3" - "$PARALLAX" "$srcdir" "$tmp" <<'PY'
import json, os, shutil, subprocess, sys
px, srcdir, tmp = sys.argv[1:4]
sys.path.insert(0, os.path.join(srcdir, "tests"))
import checks
from checks import check

def run(args, **kw):
    return subprocess.run([px] + args, cwd=srcdir, capture_output=True, **kw)

def lines(path):
    with open(os.path.join(srcdir, path), encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f]

def S_linked(a, b):
    """The texts of the 1:1 links of align --segmented, in order."""
    r = run(["align", "--segmented", "--format", "json", a, b])
    d = json.loads(r.stdout)
    la, lb = lines(a), lines(b)
    ls = [l for l in d["links"] if len(l["a"]) == 1 and len(l["b"]) == 1 and l["score"] >= 0.5]
    return [la[l["a"][0]] for l in ls], [lb[l["b"][0]] for l in ls]

# 1. align --format tmx, then diff of that TMX
en, es = "tests/data/parallel-en.txt", "tests/data/parallel-es.txt"
for name, b, want_rc in (("faithful", es, 0), ("conflict", "tests/data/parallel-es-conflict.txt", 1)):
    tmx = os.path.join(tmp, name + ".tmx")
    r = run(["align", "--segmented", "--format", "tmx", "-o", tmx, en, b])
    check(r.returncode == 0, "%s: align --format tmx exit %d %s" % (name, r.returncode, r.stderr.decode()))
    r = run(["diff", "--format", "json", tmx])
    check(r.returncode == want_rc, "%s: diff of its TMX exit %d, want %d %s" %
          (name, r.returncode, want_rc, r.stderr.decode()))
    if not r.stdout:
        continue
    d = json.loads(r.stdout)
    check(d["format"] == "tmx" and d["source_lang"] == "en" and d["target_lang"] == "es",
          "%s: read as tmx en -> es: %s %s %s" % (name, d["format"], d["source_lang"], d["target_lang"]))
    # one unit per link (the omitted sentence of A has none)
    src, tgt = S_linked(en, b)
    check([u["source"] for u in d["units"]] == src, "%s: sources are A's linked lines" % name)
    check([u["target"] for u in d["units"]] == tgt, "%s: targets are B's linked lines" % name)
    diffs = [u["id"] for u in d["units"] if u["status"] != "same"]
    if want_rc == 0:
        check(not diffs, "faithful: units with differences %r" % diffs)
    else:
        conf = [(u["id"], f["text"]) for u in d["units"] for f in u["facts"] if f["status"] == "conflict"]
        check(len(conf) == 2 and conf[0][0] == conf[1][0], "conflict: one unit, both sides: %r" % conf)
        r2 = run(["diff", "--segmented", "--format", "json", en, b])
        pair = json.loads(r2.stdout)
        pconf = sorted(f["text"] for f in pair["facts"] if f["status"] == "conflict")
        check(sorted(t for _, t in conf) == pconf, "conflict: the TMX says what the pair says %r %r" %
              (conf, pconf))

# 2. translate-toolkit
have = shutil.which("po2xliff") and shutil.which("po2tmx")
try:
    from translate.storage import tmx as ttk_tmx
except ImportError:
    have = False
if not have:
    print("roundtrip: translate-toolkit is not installed (apt-get install translate-toolkit): "
          "CAT-tool files not checked")
    sys.exit(1 if checks.fails else 77)

po = os.path.join(srcdir, "tests/data/bitext/app.po")
xlf, tmx = os.path.join(tmp, "app.xlf"), os.path.join(tmp, "app.tmx")
for cmd in (["po2xliff", po, xlf], ["po2tmx", "-l", "es", po, tmx]):
    r = subprocess.run(cmd, capture_output=True)
    check(r.returncode == 0, "%s: exit %d %s" % (cmd[0], r.returncode, r.stderr.decode()))

# what the catalogue's faults must give, by source text
want = {
    "The mayor, Joan Ribó, opened the bridge on 12 March.": {("missing", "source", "name", "Joan Ribó")},
    "Deleted %d files from %s.": {("missing", "source", "tag", "%s")},
    "The bridge cost 30 million euros.": {("conflict", "source", "amount", "30 million euros"),
                                          ("conflict", "target", "amount", "40 millones de euros")},
    "Save the document before closing.": {("missing", "source", "untranslated",
                                           "Save the document before closing.")},
    "Thank you for reading our newspaper.": set(),
}
for path, fmt, nunits in ((xlf, "xliff-1", 5), (tmx, "tmx", 4)):
    r = run(["diff", "--format", "json", path])
    check(r.returncode == 1, "%s: exit %d %s" % (fmt, r.returncode, r.stderr.decode()))
    if not r.stdout:
        continue
    d = json.loads(r.stdout)
    # po2xliff writes no target-language: Spanish is read from the text
    check((d["format"], d["source_lang"], d["target_lang"]) == (fmt, "en", "es"),
          "%s: read as %s %s -> %s" % (fmt, d["format"], d["source_lang"], d["target_lang"]))
    # po2tmx leaves the untranslated entry out; the header is never a unit
    check(len(d["units"]) == nunits, "%s: %d units, want %d" % (fmt, len(d["units"]), nunits))
    for u in d["units"]:
        got = {(f["status"], f["side"], f["type"], f["text"]) for f in u["facts"] if f["status"] != "matched"}
        exp = want.get(u["source"])
        check(exp is not None, "%s: unexpected unit %r" % (fmt, u["source"]))
        if exp is not None:
            check(got == exp, "%s unit %s: %r, want %r" % (fmt, u["id"], sorted(got), sorted(exp)))
    # the text report names the units by the file's ids
    r = run(["diff", path])
    ids = [u["id"] for u in d["units"] if u["status"] != "same"]
    check(all(("unit %s\n" % i) in r.stdout.decode() for i in ids), "%s: text report by unit id" % fmt)

# Parallax's TMX in translate-toolkit's reader
tmx = os.path.join(tmp, "faithful.tmx")
store = ttk_tmx.tmxfile.parsefile(tmx)
units = [u for u in store.units if not u.isheader()]
src, tgt = S_linked(en, es)
check([u.source for u in units] == src, "translate-toolkit: sources %r" % [u.source for u in units][:2])
check([u.target for u in units] == tgt, "translate-toolkit: targets %r" % [u.target for u in units][:2])
checks.finish("roundtrip", "%d units read back by translate-toolkit, " % len(units))
PY
