#!/bin/sh
# parallax batch: one result line per job, in input order whatever the
# number of threads; each pair's report is the one `parallax diff` writes; a
# failing job is reported in its line and does not stop the others; "out"
# files are written whole; exit status 0/1/2/3.
set -u
: "${PARALLAX:=./parallax}"
: "${srcdir:=.}"
: "${PYTHON3:=python3}"
cd "$srcdir" || exit 99
exec "$PYTHON3" - "$PARALLAX" <<'PY'
import json, os, shutil, subprocess, sys, tempfile
px = sys.argv[1]
sys.path.insert(0, "tests")
import checks
from checks import check
def run(args, stdin=None):
    r = subprocess.run([px] + args, input=stdin, capture_output=True)
    return r.returncode, r.stdout.decode(), r.stderr.decode()

tmp = tempfile.mkdtemp()
pairs = [("corpus/jedi/en.txt", "corpus/jedi/es.txt"),
         ("tests/data/parallel-en.txt", "tests/data/parallel-es.txt"),
         ("tests/data/parallel-en.txt", "tests/data/parallel-es-conflict.txt"),
         ("corpus/jedi/es.txt", "corpus/jedi/en.txt"),
         ("tests/data/article.html", "corpus/jedi/es.txt"),
         # Russian with English and with Spanish: a batch mixes pairs
         ("tests/data/parallel-ru.txt", "tests/data/parallel-en.txt"),
         ("tests/data/parallel-es.txt", "tests/data/parallel-ru.txt")]
jobs = []
for i, (a, b) in enumerate(pairs * 3):
    jobs.append({"a": a, "b": b, "id": "job-%d" % i})
jobs.insert(3, {"a": "corpus/jedi/en.txt", "b": os.path.join(tmp, "absent.txt"), "id": "absent"})
jobs.insert(5, "this is not JSON")
jobs.insert(7, {"a": "corpus/jedi/en.txt", "b": "corpus/jedi/es.txt", "id": [7], "colour": "red"})
jobs.insert(9, {"a": "corpus/jedi/en.txt", "b": "tests/data/empty.txt", "id": None})
jobs.append({"a": "tests/data/parallel-en.txt", "b": "tests/data/parallel-es.txt",
             "out": os.path.join(tmp, "out.json"), "id": "to-file"})
jobs.append({"a": "corpus/jedi/en.txt", "b": "corpus/jedi/es.txt", "mode": "parallel", "id": "forced"})
text = "\n".join(j if isinstance(j, str) else json.dumps(j) for j in jobs) + "\n\n"
jobfile = os.path.join(tmp, "jobs.jsonl")
open(jobfile, "w").write(text)

rc1, out1, err1 = run(["batch", "-j", "1", jobfile])
rc2, out2, err2 = run(["batch", "-j2", jobfile])
rc3, out3, _ = run(["batch", "-j", "0", "-"], stdin=text.encode())
check(rc1 == 3 and rc2 == 3 and rc3 == 3, "exit 3 (some jobs failed, the others ran): %d %d %d" % (rc1, rc2, rc3))
check(out1 == out2 == out3, "results are the same with 1, 2 and all threads, and from stdin")
check("4 of %d pairs failed" % len(jobs) in err1, "stderr names the failures: %r" % err1)
lines = [json.loads(l) for l in out1.splitlines()]
check(len(lines) == len(jobs), "one result line per job: %d for %d" % (len(lines), len(jobs)))
check([l["line"] for l in lines] == list(range(1, len(jobs) + 1)), "results in input order")
byid = {}
for l, j in zip(lines, jobs):
    want = j.get("id") if isinstance(j, dict) else None
    check(l["id"] == want, "line %d echoes id %r, got %r" % (l["line"], want, l["id"]))
    byid[json.dumps(want)] = l
check(lines[3]["status"] == "error" and "absent.txt: No such file or directory" in lines[3]["error"],
      "missing file reported in its line: %r" % lines[3])
check(lines[5]["status"] == "error" and lines[5]["error"].startswith("not JSON"), "bad JSON line")
check(lines[7]["status"] == "error" and 'unknown key "colour"' in lines[7]["error"] and lines[7]["id"] == [7],
      "unknown key refused, id kept: %r" % lines[7])
check(lines[9]["status"] == "error" and "empty.txt" in lines[9]["error"], "empty article refused")
# every successful job's report is what `parallax diff --format json` writes
for l in lines:
    if l["status"] == "error" or "report" not in l:
        continue
    mode = ["--mode", "parallel"] if l["id"] == "forced" else []
    rc, out, _ = run(["diff", "--format", "json"] + mode + [l["a"], l["b"]])
    check(json.loads(out) == l["report"], "line %d: report equals diff's" % l["line"])
    check(l["status"] == ("different" if rc == 1 else "same"), "line %d: status agrees with diff's exit" % l["line"])
    facts = l["report"]["facts"]
    s = l["summary"]
    check(s["missing_a"] == sum(f["side"] == "a" and f["status"] == "missing" for f in facts) and
          s["missing_b"] == sum(f["side"] == "b" and f["status"] == "missing" for f in facts) and
          s["links"] == len(l["report"]["links"]), "line %d: summary counts" % l["line"])
check(lines[-1]["mode"] == "parallel", "per-job mode is applied")
f = lines[-2]
check(f["id"] == "to-file" and f.get("out") == os.path.join(tmp, "out.json") and "report" not in f,
      "out: result names the file")
rc, out, _ = run(["diff", "--format", "json", "tests/data/parallel-en.txt", "tests/data/parallel-es.txt"])
check(open(os.path.join(tmp, "out.json")).read() == out, "out file holds diff's report")
# -o writes the result lines atomically; --format sets the out files' format
ofile = os.path.join(tmp, "results.jsonl")
small = json.dumps({"a": "tests/data/parallel-en.txt", "b": "tests/data/parallel-es.txt",
                    "out": os.path.join(tmp, "out.txt")}) + "\n"
rc, out, err = run(["batch", "--format", "text", "-o", ofile, "-"], stdin=small.encode())
check(rc in (0, 1) and out == "" and json.loads(open(ofile).read())["status"] in ("same", "different"),
      "-o FILE holds the results: rc %d %r" % (rc, err))
txt = open(os.path.join(tmp, "out.txt")).read()
check(txt.split("\n")[1].split() == ["file", "tests/data/parallel-en.txt", "tests/data/parallel-es.txt"]
      and "== In A, not in B" in txt, "--format text for out files")
rc, out, err = run(["batch", "--format", "html", "-o", ofile, "-"], stdin=small.replace("out.txt", "out.html").encode())
check(open(os.path.join(tmp, "out.html")).read().lower().startswith("<!doctype html>"), "--format html for out files")
# without --format, an out file's name says its format; others are JSON
named = "".join(json.dumps({"a": "tests/data/parallel-en.txt", "b": "tests/data/parallel-es.txt",
                            "out": os.path.join(tmp, "named" + ext)}) + "\n"
                for ext in (".html", ".txt", ".report"))
rc, out, err = run(["batch", "-o", ofile, "-"], stdin=named.encode())
check(open(os.path.join(tmp, "named.html")).read().lower().startswith("<!doctype html>")
      and "== In A, not in B" in open(os.path.join(tmp, "named.txt")).read()
      and open(os.path.join(tmp, "named.report")).read().startswith("{"),
      "out files take their format from their names when --format is not given")
# an unwritable out file is that job's error, not the batch's
bad = json.dumps({"a": "tests/data/parallel-en.txt", "b": "tests/data/parallel-es.txt",
                  "out": os.path.join(tmp, "no", "such", "dir.json")}) + "\n" + small
rc, out, err = run(["batch", "-"], stdin=bad.encode())
ls = [json.loads(x) for x in out.splitlines()]
check(rc == 3 and len(ls) == 2 and ls[0]["status"] == "error" and ls[1]["status"] != "error",
      "unwritable out: job error, next job runs: %r" % out[:300])
# trouble with the batch itself: exit 2, nothing written
rc, out, err = run(["batch", os.path.join(tmp, "nojobs.jsonl")])
check(rc == 2 and out == "" and "nojobs.jsonl: No such file or directory" in err, "unreadable job list: %r" % err)
rc, out, err = run(["batch", "-o", "/dev/full", "-"], stdin=small.encode())
check(rc == 2 and "No space left" in err, "write error gives exit 2: %r" % err)
rc, out, err = run(["batch", "-j", "x", "-"], stdin=b"")
check(rc == 2 and "not a number of threads" in err, "bad -j: %r" % err)
rc, out, err = run(["batch", "-"], stdin=b"\n\n")
check(rc == 0 and out == "", "no jobs: nothing to do, exit 0")
# a report never replaces an input, whatever path names it (issue 7)
art = os.path.join(tmp, "article.txt")
shutil.copy("corpus/jedi/en.txt", art)
os.symlink(art, os.path.join(tmp, "link.txt"))
before = open(art, "rb").read()
for args in (["split", "-o", art, art], ["diff", "-o", os.path.join(tmp, "link.txt"), art, "corpus/jedi/es.txt"],
             ["align", "-o", art, "corpus/jedi/es.txt", art]):
    rc, out, err = run(args)
    check(rc == 2 and "is an input file; the report would replace it" in err, "%s: %r" % (args[0], err))
    check(open(art, "rb").read() == before, "%s -o INPUT leaves the input as it was" % args[0])
job = json.dumps({"a": art, "b": "corpus/jedi/es.txt", "out": art}) + "\n"
rc, out, err = run(["batch", "-"], stdin=job.encode())
check(rc == 3 and json.loads(out)["status"] == "error" and "is an input file" in out, "batch out = a: %r" % out[:200])
check(open(art, "rb").read() == before, "batch: the input is unchanged")
# a progress bar on standard error when it is a terminal, and not otherwise
import pty
master, slave = pty.openpty()
p = subprocess.Popen([px, "batch", "-j", "2", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=slave)
os.close(slave)
two = (small + small).encode()
pout, _ = p.communicate(two)
bar = b""
while True:
    try:
        chunk = os.read(master, 4096)
    except OSError:
        break
    if not chunk:
        break
    bar += chunk
os.close(master)
check(b"2/2 pairs" in bar and b"[" + b"#" * 30 + b"]" in bar, "progress bar on a terminal: %r" % bar[-80:])
check(len(pout.splitlines()) == 2, "results still on standard output")
check("/%d pairs" % len(jobs) not in err2 and "[#" not in err2, "no progress bar when standard error is not a terminal")
checks.finish("batch", "%d jobs, " % len(jobs))
PY
