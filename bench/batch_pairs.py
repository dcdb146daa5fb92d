#!/usr/bin/env python3
"""make bench: article pairs per second through `parallax batch`, on one
worker thread and on two, start-up excluded.

Pairs: WMT newstest2013 en/es (../shared/data or $PARALLAX_DATA) cut into
documents of 40 sentences, written as articles (paragraphs of 4 sentences,
blank lines between), A = English, B = Spanish; without the data, the demo
pair repeated (said in the output). Start-up (reading the lexicon, the
Hunspell dictionaries on first need, each worker its own) is excluded by
timing batches of N and 2N jobs and dividing the N extra jobs by the extra
time: rate = N / (T(2N) - T(N)). Each batch is run three times; the fastest
run counts (the machine may be busy with other work).
"""
import atexit, json, os, shutil, subprocess, sys, tempfile, time

build, src = sys.argv[1], sys.argv[2]
px = os.path.join(build, "parallax")
data = os.environ.get("PARALLAX_DATA") or os.path.join(src, "..", "shared", "data")
tmp = tempfile.mkdtemp()
atexit.register(shutil.rmtree, tmp, True)
en = os.path.join(data, "wmt_newstest_en_es", "newstest2013.en")
pairs = []
if os.path.exists(en):
    what = "newstest2013 en/es, documents of 40 sentences"
    E = open(en, encoding="utf-8").read().splitlines()
    S = open(en[:-3] + ".es", encoding="utf-8").read().splitlines()
    for d in range(0, min(len(E), len(S)) - 39, 40):
        paths = []
        for side, lines in (("en", E), ("es", S)):
            doc = lines[d:d + 40]
            text = "\n\n".join(" ".join(doc[p:p + 4]) for p in range(0, 40, 4)) + "\n"
            path = os.path.join(tmp, "%s-%d.txt" % (side, d // 40))
            open(path, "w", encoding="utf-8").write(text)
            paths.append(path)
        pairs.append(tuple(paths))
else:
    what = "corpus/jedi pair repeated (evaluation data not found)"
    pairs = [(os.path.join(src, "corpus/jedi/en.txt"), os.path.join(src, "corpus/jedi/es.txt"))] * 40
n = len(pairs) // 2
def jobs(k):
    path = os.path.join(tmp, "jobs-%d.jsonl" % k)
    with open(path, "w") as f:
        for i in range(k):
            a, b = pairs[i % len(pairs)]
            f.write(json.dumps({"a": a, "b": b, "id": i}) + "\n")
    return path
import resource
def timed(j, path):
    """Fastest wall time of three runs, and the CPU time (user + system) of
    that run: CPU time shows what threads cost even when other work on the
    machine makes wall time meaningless."""
    best = None
    for _ in range(3):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        r = subprocess.run([px, "batch", "-j", str(j), path], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
        dt = time.perf_counter() - t
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
        if r.returncode not in (0, 1):
            sys.exit("batch failed: " + r.stderr.decode())
        if best is None or dt < best[0]:
            best = (dt, cpu)
    return best
small, large = jobs(n), jobs(2 * n)
print("pairs: %s; N = %d, 2N = %d jobs" % (what, n, 2 * n))
try:
    load = os.getloadavg()[0]
    print("load average before: %.2f on %d processors" % (load, os.cpu_count()))
except OSError:
    pass
rates = {}
for j in (1, 2):
    (t1, c1), (t2, c2) = timed(j, small), timed(j, large)
    rates[j] = n / (t2 - t1) if t2 > t1 else float("inf")
    cpu_rate = n / (c2 - c1) if c2 > c1 else float("inf")
    print("-j %d: %d jobs %.2f s, %d jobs %.2f s: %.1f pairs/s wall (start-up %.2f s); "
          "%.1f pairs per CPU second"
          % (j, n, t1, 2 * n, t2, rates[j], max(0.0, t1 - n / rates[j]), cpu_rate))
print("speed-up with two threads (wall): %.2fx" % (rates[2] / rates[1]))
