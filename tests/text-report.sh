#!/bin/sh
# The text report: colour only when asked or on a terminal without NO_COLOR;
# the summary's columns line up by display width (accented and wide-character
# paths); quotes are cut by columns, never inside a character.
set -u
: "${PARALLAX:=./parallax}"
: "${srcdir:=.}"
: "${PYTHON3:=python3}"
cd "$srcdir" || exit 99
exec "$PYTHON3" - "$PARALLAX" <<'PY'
import os, pty, re, shutil, subprocess, sys, tempfile, unicodedata
px = sys.argv[1]
sys.path.insert(0, "tests")
import checks
from checks import check
def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w
tmp = tempfile.mkdtemp()
a = os.path.join(tmp, "artículo-en-español.txt")
b = os.path.join(tmp, "記事-es.txt")
shutil.copy("corpus/jedi/en.txt", a)
shutil.copy("corpus/jedi/es.txt", b)
ESC = "\x1b["
def run(args, env=None):
    r = subprocess.run([px] + args, capture_output=True, env=env)
    return r.returncode, r.stdout.decode(), r.stderr.decode()
def run_tty(args, env):
    """Run with standard output on a pseudo-terminal; return what it printed."""
    master, slave = pty.openpty()
    p = subprocess.Popen([px] + args, stdout=slave, stderr=subprocess.DEVNULL, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    p.wait()
    os.close(master)
    return p.returncode, out.decode()

env = dict(os.environ)
env.pop("NO_COLOR", None)
rc, plain, _ = run([a, b], env)
check(rc == 1 and ESC not in plain, "a pipe gets no colour")
rc, always, _ = run(["--color", "always", a, b], env)
check(ESC + "1;4m== In A, not in B" in always, "--color always colours the headings")
check(re.sub(r"\x1b\[[0-9;]*m", "", always) == plain, "colour changes nothing but the escapes")
rc, tty = run_tty([a, b], env)
check(ESC in tty, "a terminal gets colour")
rc, tty = run_tty([a, b], dict(env, NO_COLOR="1"))
check(ESC not in tty, "NO_COLOR turns colour off on a terminal")
rc, tty = run_tty(["--color", "never", a, b], env)
check(ESC not in tty, "--color never")
out = os.path.join(tmp, "report.txt")
rc, tty = run_tty(["-o", out, a, b], env)
check(ESC not in open(out).read(), "-o FILE gets no colour, even from a terminal")
rc, _, err = run(["--color", "sometimes", a, b], env)
check(rc == 2 and "--color: 'sometimes' is not auto, always or never" in err, "bad --color: %r" % err)

# the summary table: B's column starts at the same display column in each row
lines = plain.split("\n")
summary = lines[:lines.index("")]
rows = {l.split()[0]: l for l in summary[1:]}
check(os.path.basename(a) in rows["file"] or a in rows["file"], "paths in the summary")
col = width(summary[1][:summary[1].index(b)])
for l in summary[2:]:
    if l.startswith(("conflicts", "links", "mode")):
        continue
    cells = l.split()
    pos = l.rindex(cells[-1])
    check(width(l[:pos]) == col, "row %r: B column at %d, want %d" % (cells[0], width(l[:pos]), col))
# quotes: cut by display columns, never inside a character, marked with …
qs = re.findall("\u201c(.*?)\u201d", plain)
check(len(qs) > 20, "quotes found")
for q in qs:
    check(width(q.rstrip("\u2026")) <= 160, "quote wider than 160 columns: %r" % q[:40])
long_es = [q for q in qs if q.endswith("\u2026") and re.search("[áéíóúñ]", q)]
check(any(width(q) >= 150 for q in long_es), "long Spanish quotes are cut near 160 columns")
# wide characters count two columns: a sentence of CJK is cut at half the characters
cjk = os.path.join(tmp, "cjk-en.txt")
open(cjk, "w").write("The contract was signed by the department. " + "漢" * 200 + " is the name.\n")
rc, out, err = run(["--lang-a", "en", "--lang-b", "es", cjk, b], env)
wide = [q for q in re.findall("\u201c(.*?)\u201d", out) if "\u6f22" in q and q.endswith("\u2026")]
ws = [width(q.rstrip("\u2026")) for q in wide]
check(ws and max(ws) in (159, 160) and all(w <= 160 for w in ws),
      "CJK quotes cut at 160 columns (two per character): %r" % ws)
# triage: conflicts first, then what linked sentences lack, then the
# sentences with no counterpart, each sentence once per part
rc, out, err = run(["--segmented", "tests/data/parallel-en.txt", "tests/data/parallel-es-conflict.txt"], env)
heads = [l for l in out.split("\n") if l.startswith("== ")]
check(heads == ["== Conflicts", "== In A, not in B", "== In B, not in A",
                "== Sentences of A with no counterpart in B", "== Sentences of B with no counterpart in A"],
      "the parts in triage order: %r" % heads)
conf = out[out.index("== Conflicts"):out.index("== In A, not in B")]
check("\u201c300\u201d" in conf and "\u201c400\u201d" in conf, "the conflict 300/400 leads the report")
gaps = out[out.index("== Sentences of A with no counterpart"):]
ids = re.findall(r"^(A\d+) ", gaps, re.M)
check(ids and len(ids) == len(set(ids)), "each sentence with no counterpart once: %r" % ids)
check("clause \u201c" not in out, "no sentence repeated as a clause fact")
rc, out, err = run(["corpus/jedi/en.txt", "corpus/jedi/es.txt"], env)
for part in out.split("\n== ")[1:]:
    ids = re.findall(r"^([AB]\d+) ", part, re.M)
    check(len(ids) == len(set(ids)), "demo: a sentence twice in one part: %r" % ids)
# each command's own help: what it does, its options, an example
for cmd in ("split", "align", "diff", "score", "batch", "lexicon"):
    rc, out, err = run([cmd, "--help"], env)
    check(rc == 0 and out.startswith("Usage: parallax " + cmd) and "Example" in out,
          "%s --help is its own, with an example" % cmd)
    check(all(width(l) <= 80 for l in out.split("\n")), "%s --help fits 80 columns" % cmd)
rc, out, err = run(["--help"], env)
check(rc == 0 and out.startswith("Usage: parallax COMMAND"), "--help is the general help")
rc, out2, err = run(["help", "diff"], env)
rc3, out3, err = run(["diff", "--help"], env)
check(out2 == out3, "help diff = diff --help")
shutil.rmtree(tmp)
checks.finish("text report")
PY
