#!/usr/bin/env python3
"""make bench: speed and memory against an anchor measured in the same run.

Usage: speed.py BUILDDIR SRCDIR

The anchor is hunalign (its source beside the project in
../shared/anchors/hunalign, or $PARALLAX_ANCHORS/hunalign), built here in
BUILDDIR/bench/anchors, with a dictionary made from Debian's
dict-freedict-eng-spa by the converter that comes with it. Without the
source, the hunalign figures are skipped and this says so.

Every figure is printed beside what it is compared with, as a ratio; CPU
time (user + system) of the process, median of several runs taken in turns,
so that a busy machine slows both sides alike. Instruction counts (valgrind)
where a count is the target. The program is run as installed would run it:
the real binary in .libs with its library path, not libtool's wrapper
script, whose shell would be timed too.

Figures:
  batch    the 75 newstest2013 documents of tests/eval/align_parallel.py (40
           sentences, some deleted and merged) in one process:
           `parallax batch -j 1` against `hunalign -batch`; links F1 of both
  process  the same documents, one process each (`parallax diff` against
           `hunalign`)
  demo     instructions of `parallax diff` on the demo pair, and of a pair of
           one-sentence articles (start-up), and Russian with each
  scale    20,000 sentence pairs (newstest2012+2013, repeated), `align
           --segmented` in parallel and comparable mode: CPU, peak memory,
           growth from 2,000
  memory   `diff` of a 50 MB one-line article (English words, and one word
           repeated) against the Spanish demo article: peak memory per
           input byte
"""
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

build, src = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
sys.path.insert(0, str(src / "tests" / "eval"))
sys.dont_write_bytecode = True
import align_parallel as ap  # noqa: E402

data = Path(os.environ.get("PARALLAX_DATA") or src / ".." / "shared" / "data")
anchors = Path(os.environ.get("PARALLAX_ANCHORS") or src / ".." / "shared" / "anchors")
tmp = Path(tempfile.mkdtemp(prefix="plx-bench-"))
RUNS = int(os.environ.get("PLX_BENCH_RUNS", "5"))


def program():
    """The real binary and its environment (libtool keeps it in .libs)."""
    env = dict(os.environ)
    for name in ("lt-parallax", "parallax"):
        real = build / ".libs" / name
        if real.exists():
            env["LD_LIBRARY_PATH"] = str(build / ".libs") + (
                ":" + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
            return str(real), env
    return str(build / "parallax"), env


PX, PXENV = program()


def run(cmd, env=None, stdout=subprocess.DEVNULL, cwd=None):
    """CPU seconds (user + system) and peak memory (KB) of one process, run
    in the scratch folder unless told otherwise (hunalign writes its log,
    translate.txt, into its working folder; every path given is absolute)."""
    p = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env=env,
                         cwd=cwd or str(tmp))
    _, status, ru = os.wait4(p.pid, 0)
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit("bench: %s failed (%d): %s" % (cmd[0], code, err.strip()))
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def median_cpu(cmds, runs=RUNS):
    """Median CPU time of each command list, the lists run in turns."""
    times = [[] for _ in cmds]
    for _ in range(runs):
        for k, c in enumerate(cmds):
            times[k].append(sum(run(x, env)[0] for x, env in c))
    return [statistics.median(t) for t in times]


def verdict(ok):
    return "met" if ok else "MISSED"


# ---- hunalign, built from its source beside the project ----

def build_hunalign():
    tarball = anchors / "hunalign" / "hunalign-src.tar.gz"
    if not tarball.exists():
        print("hunalign: skipped (its source is not at %s; set PARALLAX_ANCHORS)" % tarball)
        return None, None
    where = build / "bench" / "anchors"
    exe = where / "hunalign" / "src" / "hunalign" / "hunalign"
    if not exe.exists() or exe.stat().st_mtime < tarball.stat().st_mtime:
        where.mkdir(parents=True, exist_ok=True)
        with tarfile.open(tarball) as t:
            t.extractall(where)
        r = subprocess.run(["make", "-C", str(exe.parent)], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
        if r.returncode != 0 or not exe.exists():
            print("hunalign: skipped (it did not build: %s)" % r.stderr.decode()[-300:])
            return None, None
    dic = where / "en-es.dic"
    conv = anchors / "hunalign" / "freedict2hunalign.py"
    if not dic.exists() or dic.stat().st_size == 0:
        r = subprocess.run([sys.executable, str(conv)], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL)
        dic.write_bytes(r.stdout if r.returncode == 0 else b"")
    if dic.stat().st_size == 0:
        print("hunalign: FreeDict eng-spa is not installed (Debian dict-freedict-eng-spa): "
              "hunalign runs with an empty dictionary (lengths only)")
    return str(exe), str(dic)


# ---- links F1 on the damaged newstest documents ----

def hunalign_pairs(path, na, nb):
    """Links of a hunalign ladder (rungs "i j score"): each step between
    two rungs with sentences on both sides is a link of all its pairs."""
    rungs = []
    for line in Path(path).read_text().split("\n"):
        f = line.split("\t")
        if len(f) >= 2:
            rungs.append((int(f[0]), int(f[1])))
    if not rungs or rungs[-1] != (na, nb):
        rungs.append((na, nb))
    pairs = set()
    for (i0, j0), (i1, j1) in zip(rungs, rungs[1:]):
        if i1 > i0 and j1 > j0:
            pairs.update((a, b) for a in range(i0, i1) for b in range(j0, j1))
    return pairs


def f1(pred, gold):
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def bench_newstest(hun, dic):
    docs = ap.build_documents(data)
    d = tmp / "docs"
    d.mkdir()
    jobs, hjobs, paths = [], [], []
    for doc in docs:
        a, b = ap.write_doc(doc, d)
        paths.append((a, b))
        jobs.append(json.dumps({"a": str(a), "b": str(b), "id": doc["k"]}))
        hjobs.append("%s\t%s\t%s" % (a, b, d / ("h%02d.txt" % doc["k"])))
    (tmp / "jobs.jsonl").write_text("\n".join(jobs) + "\n")
    (tmp / "hun.batch").write_text("\n".join(hjobs) + "\n")
    opts = ["--segmented", "--mode", "parallel", "--lang-a", "en", "--lang-b", "es"]
    px_batch = [([PX, "batch", "-j", "1"] + opts + [str(tmp / "jobs.jsonl")], PXENV)]
    print("== batch: %d newstest2013 documents of 40 sentences in one process" % len(docs))
    # links F1 of both, from one run each
    out = tmp / "batch.out"
    with open(out, "w") as f:
        run(px_batch[0][0], PXENV, stdout=f)
    gold_all = {doc["k"]: doc["gold"] for doc in docs}
    pred_px = {}
    for line in out.read_text().split("\n"):
        if not line:
            continue
        r = json.loads(line)
        pred_px[r["id"]] = {(a, b) for l in r["report"]["links"] for a in l["a"] for b in l["b"]}
    gold = {(k, a, b) for k, g in gold_all.items() for a, b in g}
    f1_px = f1({(k, a, b) for k, p in pred_px.items() for a, b in p}, gold)
    rows = [("parallax batch -j 1", None, f1_px)]
    if hun:
        hun_batch = [([hun, "-utf", "-batch", dic, str(tmp / "hun.batch")], None)]
        run(hun_batch[0][0])
        pred_h = set()
        for doc in docs:
            for a, b in hunalign_pairs(d / ("h%02d.txt" % doc["k"]), len(doc["a_lines"]),
                                       len(doc["b_lines"])):
                pred_h.add((doc["k"], a, b))
        f1_h = f1(pred_h, gold)
        t_px, t_h = median_cpu([px_batch, hun_batch])
        print("  parallax batch -j 1   CPU %.3f s   links F1 %.3f" % (t_px, f1_px))
        print("  hunalign -batch       CPU %.3f s   links F1 %.3f" % (t_h, f1_h))
        print("  ratio %.2fx hunalign's CPU time (target <= 0.5x: %s)"
              % (t_px / t_h, verdict(t_px <= 0.5 * t_h)))
        print("== process: the same documents, one process each")
        px_proc = [([PX, "diff", "--format", "json"] + opts + [str(a), str(b)], PXENV)
                   for a, b in paths]
        hun_proc = [([hun, "-utf", dic, str(a), str(b)], None) for a, b in paths]
        t_px, t_h = median_cpu([px_proc, hun_proc], runs=max(3, RUNS // 2))
        print("  parallax diff  CPU %.3f s   hunalign  CPU %.3f s   (%d processes each)"
              % (t_px, t_h, len(paths)))
        print("  ratio %.2fx hunalign's CPU time per process (target <= 1x: %s)"
              % (t_px / t_h, verdict(t_px <= t_h)))
    else:
        t_px, = median_cpu([px_batch])
        print("  parallax batch -j 1   CPU %.3f s   links F1 %.3f (no anchor)" % (t_px, f1_px))


# ---- instructions of the demo pair ----

def instructions(cmd, env):
    out = tmp / "cg.out"
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=%s" % out] + cmd,
                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for line in r.stderr.decode().split("\n"):
        if "refs:" in line:
            return int(line.split("refs:")[1].replace(",", "").strip())
    return None


def bench_demo():
    print("== demo: instructions of `parallax diff` (callgrind)")
    if not shutil.which("valgrind"):
        print("  skipped: valgrind not installed")
        return
    a1, b1 = tmp / "one.en.txt", tmp / "one.es.txt"
    a1.write_text("The government signed the contract on Monday.\n")
    b1.write_text("El gobierno firmó el contrato el lunes.\n")
    demo = [PX, "diff", str(src / "corpus/jedi/en.txt"), str(src / "corpus/jedi/es.txt")]
    one = [PX, "diff", "--lang-a", "en", "--lang-b", "es", str(a1), str(b1)]
    n_demo, n_one = instructions(demo, PXENV), instructions(one, PXENV)
    if n_demo is None or n_one is None:
        print("  skipped: no count from valgrind")
        return
    print("  demo pair        %5.1f M instructions (target <= 60 M: %s)"
          % (n_demo / 1e6, verdict(n_demo <= 60e6)))
    print("  start-up         %5.1f M (a pair of one-sentence articles; target <= 20 M: %s)"
          % (n_one / 1e6, verdict(n_one <= 20e6)))
    # Russian (issue 13): its own lexicon image, value words and patterns,
    # read only when Russian is compared
    r1 = tmp / "one.ru.txt"
    r1.write_text("Правительство подписало контракт в понедельник.\n")
    for other, path in (("en", a1), ("es", b1)):
        n_ru = instructions([PX, "diff", "--lang-a", "ru", "--lang-b", other, str(r1), str(path)],
                            PXENV)
        if n_ru is not None:
            print("  start-up ru-%s   %5.1f M (target <= 20 M: %s)"
                  % (other, n_ru / 1e6, verdict(n_ru <= 20e6)))


# ---- 2,000 and 20,000 sentence pairs ----

def bench_scale():
    d = data / "wmt_newstest_en_es"
    if not (d / "newstest2012.en").exists():
        print("== scale: skipped (evaluation data not found at %s)" % data)
        return
    lines = {}
    for side in ("en", "es"):
        ls = []
        for year in ("2012", "2013"):
            ls += (d / ("newstest%s.%s" % (year, side))).read_text(encoding="utf-8").split("\n")[:-1]
        lines[side] = ls
    print("== scale: `align --segmented`, newstest2012+2013 repeated (CPU median of %d, peak memory)"
          % max(3, RUNS // 2))
    res = {}
    for n in (2000, 20000):
        paths = []
        for side in ("en", "es"):
            ls = []
            while len(ls) < n:
                ls += lines[side]
            p = tmp / ("scale%d.%s" % (n, side))
            p.write_text("\n".join(ls[:n]) + "\n", encoding="utf-8")
            paths.append(str(p))
        for mode in ("parallel", "comparable"):
            cmd = [PX, "align", "--segmented", "--mode", mode, "--lang-a", "en", "--lang-b", "es",
                   "--format", "json"] + paths
            cpu, mem = [], []
            for _ in range(max(3, RUNS // 2)):
                t, m = run(cmd, PXENV)
                cpu.append(t)
                mem.append(m)
            res[(n, mode)] = (statistics.median(cpu), max(mem))
    for mode in ("parallel", "comparable"):
        t2, m2 = res[(2000, mode)]
        t20, m20 = res[(20000, mode)]
        print("  %-10s 20,000 pairs: %.2f s (target <= 2 s: %s), %.0f MB (target <= 200 MB: %s);"
              " 2,000: %.2f s; growth %.1fx (target <= 11x: %s)"
              % (mode, t20, verdict(t20 <= 2.0), m20 / 1024, verdict(m20 / 1024 <= 200), t2,
                 t20 / t2, verdict(t20 / t2 <= 11)))


# ---- memory of a 50 MB article ----

def bench_memory():
    words_src = data / "wmt_newstest_en_es" / "newstest2013.en"
    print("== memory: `diff` of a 50 MB one-line article against the Spanish demo article")
    texts = {}
    if words_src.exists():
        words = words_src.read_text(encoding="utf-8").translate(
            str.maketrans(".?!", "   ")).split()
        out, n, i = [], 0, 0
        while n < 50_000_000:
            w = words[i % len(words)]
            out.append(w)
            n += len(w) + 1
            i += 1
        texts["English words"] = " ".join(out) + "\n"
    texts["one word repeated"] = "word " * 10_000_000 + "\n"
    for what, text in texts.items():
        p = tmp / "big.txt"
        p.write_text(text, encoding="utf-8")
        size = p.stat().st_size
        cmd = [PX, "diff", "--format", "json", "--lang-a", "en", "--lang-b", "es",
               "--max-input-bytes", str(size + 1), "-o", str(tmp / "big.json"), str(p),
               str(src / "corpus/jedi/es.txt")]
        t, m = run(cmd, PXENV)
        per = m * 1024 / size
        print("  %-18s %.0f MB in, peak %.0f MB: %.1f bytes per input byte, %.1f s CPU"
              " (target <= 10: %s)" % (what, size / 1e6, m / 1024, per, t, verdict(per <= 10)))
        p.unlink()


try:
    print("program: %s" % PX)
    try:
        print("load average: %.2f on %d processors" % (os.getloadavg()[0], os.cpu_count()))
    except OSError:
        pass
    hun, dic = build_hunalign()
    if (data / "wmt_newstest_en_es" / "newstest2013.en").exists():
        bench_newstest(hun, dic)
    else:
        print("== batch, process: skipped (evaluation data not found at %s)" % data)
    bench_demo()
    bench_scale()
    bench_memory()
finally:
    shutil.rmtree(tmp, ignore_errors=True)
