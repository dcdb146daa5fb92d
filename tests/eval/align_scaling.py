#!/usr/bin/env python3
"""How alignment time grows with the input: 600 and 6000 sentence pairs.

Issue text: "aligning 600 and 6000 sentence pairs (newstest2012+2013) in each
mode; time must grow close to linearly (no more than 15x for 10x the input),
start-up excluded. Compared with the speed of the whole pipeline on the seed
pair."

Input: newstest2012 followed by newstest2013 (6003 line-aligned pairs); the
first 600 and the first 6000 lines of each side, one sentence per line.
Timed: parallax align --segmented --mode M --lang-a en --lang-b es
--format json A B, for M in parallel, comparable, auto; wall-clock time, best
of 3 (--repeat). Start-up (loading the lexicon and dictionaries) is excluded
by subtracting the best time (of at least 7) of the same command on a 1-line
pair; the seed pair and its baseline are run at least 10 times. Growth =
(t6000 - t1) / (t600 - t1); target <= 15. For comparison, the whole pipeline
(`parallax diff corpus/jedi/en.txt corpus/jedi/es.txt`: reading, splitting,
aligning, facts, text report) is timed the same way, start-up excluded with a
`parallax diff` of a one-sentence article pair.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import align_common as ac  # noqa: E402

SIZES = (600, 6000)
MODES = ("parallel", "comparable", "auto")
TARGET_GROWTH = 15.0
TIMEOUT = int(os.environ.get("PARALLAX_SCALING_TIMEOUT", "900"))


def load(ddir):
    d = ddir / "wmt_newstest_en_es"
    en, es = [], []
    for year in ("2012", "2013"):
        e = (d / ("newstest%s.en" % year)).read_text(encoding="utf-8").split("\n")
        s = (d / ("newstest%s.es" % year)).read_text(encoding="utf-8").split("\n")
        if e and e[-1] == "":
            e.pop()
        if s and s[-1] == "":
            s.pop()
        if len(e) != len(s):
            raise RuntimeError("newstest%s: %d/%d lines" % (year, len(e), len(s)))
        en += e
        es += s
    return en, es


def timed(cmd, repeat, timeout=TIMEOUT):
    """Best wall-clock time of `repeat` runs; (seconds or None, error, returncode)."""
    best, err, rc = None, "", None
    for _ in range(repeat):
        t0 = time.perf_counter()
        try:
            p = common.run_with_timeout(cmd, timeout)
        except subprocess.TimeoutExpired:
            return None, "timeout after %ds" % timeout, None
        except OSError as e:
            return None, str(e), None
        dt = time.perf_counter() - t0
        rc = p.returncode
        if p.returncode not in (0, 1):
            return None, "exit %d: %s" % (p.returncode,
                                          p.stderr.decode("utf-8", "replace").strip()[:300]), rc
        best = dt if best is None else min(best, dt)
    return best, err, rc


def evaluate(ddir, modes=MODES, sizes=SIZES, repeat=3):
    en, es = load(ddir)
    out = {"sizes": list(sizes), "repeat": repeat, "modes": {},
           "load_before": _load(), "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="plx-scaling-") as tmp:
        files = {}
        for n in (1,) + tuple(sizes):
            a = Path(tmp) / ("en.%d.txt" % n)
            b = Path(tmp) / ("es.%d.txt" % n)
            a.write_text("".join(l + "\n" for l in en[:n]), encoding="utf-8")
            b.write_text("".join(l + "\n" for l in es[:n]), encoding="utf-8")
            files[n] = (a, b)
        for mode in modes:
            m = {"seconds": {}, "errors": {}}
            for n in (1,) + tuple(sizes):
                cmd = ac.build_cmd("align", files[n][0], files[n][1], mode=mode, segmented=True,
                                   lang_a="en", lang_b="es", fmt="json")
                # the cheap 1-line run is repeated more: its noise is subtracted
                t, err, _ = timed(cmd, max(repeat, 7) if n == 1 else repeat)
                m["seconds"][n] = t
                if err:
                    m["errors"][n] = err
            t1 = m["seconds"].get(1)
            net = {}
            for n in sizes:
                t = m["seconds"].get(n)
                net[n] = None if t is None or t1 is None else max(t - t1, 0.0)
            m["startup"] = t1
            m["net"] = net
            lo, hi = sizes[0], sizes[-1]
            if net.get(lo) is not None and net.get(hi) is not None:
                m["growth"] = net[hi] / max(net[lo], 1e-3)
                m["noisy"] = net[lo] < 0.02
            else:
                m["growth"] = None
            m["us_per_pair"] = {n: None if net[n] is None else 1e6 * net[n] / n for n in sizes}
            out["modes"][mode] = m
        # the whole pipeline on the seed pair
        ja, jb = common.REPO_ROOT / "corpus" / "jedi" / "en.txt", common.REPO_ROOT / "corpus" / "jedi" / "es.txt"
        oa, ob = Path(tmp) / "one.en.txt", Path(tmp) / "one.es.txt"
        oa.write_text("The Pentagon awarded the contract to Microsoft.\n", encoding="utf-8")
        ob.write_text("El Pentágono otorgó el contrato a Microsoft.\n", encoding="utf-8")
        t_seed, err_seed, rc = timed(ac.build_cmd("diff", ja, jb, fmt=None), max(repeat, 10))
        t_one, err_one, _ = timed(ac.build_cmd("diff", oa, ob, fmt=None), max(repeat, 10))
        n_sent = None
        r = ac.run_report("diff", ja, jb)
        if r.ok:
            n_sent = (len(r.sentences("a")), len(r.sentences("b")))
        out["load_after"] = _load()
        out["seed"] = {"seconds": t_seed, "startup": t_one, "error": err_seed or err_one,
                       "exit": rc, "sentences": n_sent,
                       "net": None if t_seed is None or t_one is None else max(t_seed - t_one, 0.0)}
    return out


def _load():
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def _ms(x):
    return "n/a" if x is None else "%.1f" % (1000 * x)


def print_report(res, out=sys.stdout):
    w = out.write
    lo, hi = res["sizes"][0], res["sizes"][-1]
    w("Alignment time, newstest2012+2013, `align --segmented`, best of %d, "
      "start-up (1-line pair) subtracted\n" % res["repeat"])
    rows = []
    for mode, m in res["modes"].items():
        g = m.get("growth")
        rows.append([mode, _ms(m["startup"]), _ms(m["seconds"].get(lo)), _ms(m["seconds"].get(hi)),
                     _ms(m["net"].get(lo)), _ms(m["net"].get(hi)),
                     "n/a" if g is None else "%.1fx%s" % (g, " (noisy)" if m.get("noisy") else ""),
                     "n/a" if m["us_per_pair"].get(hi) is None else "%.0f" % m["us_per_pair"][hi],
                     "n/a" if g is None else ("met" if g <= TARGET_GROWTH else "MISSED")])
    common.print_table(rows, header=["mode", "start-up ms", "%d ms" % lo, "%d ms" % hi,
                                     "net %d" % lo, "net %d" % hi, "growth",
                                     "us/pair @%d" % hi, "<= %gx" % TARGET_GROWTH], out=out)
    for mode, m in res["modes"].items():
        for n, e in m["errors"].items():
            w("  %s, %s lines: %s\n" % (mode, n, e))
    s = res["seed"]
    w("whole pipeline, `parallax diff corpus/jedi/en.txt corpus/jedi/es.txt` (text report): "
      "%s ms, start-up %s ms, net %s ms" % (_ms(s["seconds"]), _ms(s["startup"]), _ms(s["net"])))
    if s["sentences"] and s["net"] is not None:
        na, nb = s["sentences"]
        if s["startup"] and s["net"] < 0.1 * s["startup"]:
            w(" for %d+%d sentences: within the noise of start-up" % (na, nb))
        else:
            w(" for %d+%d sentences (%.0f us per sentence of the shorter side)"
              % (na, nb, 1e6 * s["net"] / max(1, min(na, nb))))
    w("\n")
    w("load average before/after: %s / %s on %s CPUs%s\n"
      % (res.get("load_before"), res.get("load_after"), res.get("cpus"),
         " (a busy machine: timings are inflated and noisy)"
         if res.get("load_after") and res.get("cpus") and
         max(res["load_after"][0], (res.get("load_before") or [0])[0]) > 0.5 * res["cpus"] else ""))
    if s["error"]:
        w("  seed pair: %s\n" % s["error"])


def figures(res):
    """scaling:<mode>:growth (a ceiling: lower is better)."""
    return {"scaling:%s:growth" % mode: None if m.get("growth") is None else round(m["growth"], 2)
            for mode, m in res["modes"].items()}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    ddir = common.data_dir()
    if not (ddir / "wmt_newstest_en_es" / "newstest2012.en").is_file():
        print("SKIP: evaluation data not found at %s (set PARALLAX_DATA)" % ddir)
        return common.EXIT_SKIP
    status = ac.preflight("align-scaling", ["align"])
    if status is not None:
        return status
    res = evaluate(ddir, [m for m in args.modes.split(",") if m], SIZES, args.repeat)
    if args.json:
        print(json.dumps(res, indent=1))
    else:
        print_report(res)
    return 0


if __name__ == "__main__":
    common.run_main(main)
