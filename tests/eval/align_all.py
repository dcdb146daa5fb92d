#!/usr/bin/env python3
"""The alignment and diff evaluations, together: one compact summary.

  align_parallel.py    newstest2013, damaged 40-sentence documents, --segmented:
                       link-pair F1 (target >= 0.95, --mode parallel)
  align_comparable.py  WMT24 articles with paragraphs removed/swapped and a
                       number changed: missing-paragraph recall >= 0.90,
                       precision >= 0.85, number conflict >= 60 % of documents
  diff_seeds.py        the seed pair against corpus/jedi/EXPECTED.md
  align_scaling.py     600 vs 6000 sentence pairs: growth <= 15x per mode

Exit status: 0 (figures are reported, not asserted); 77 (automake "skip") if
the data directory is missing or the program's align/diff are not
implemented yet; 99 if the program is missing or a floors file is unreadable
or has an unknown key; 1 with --check when a target is missed, or with
--floors when a figure falls below its floor (for keys under "scaling:",
growth ratios, above: they are ceilings).

Floors keys (see --write-floors): parallel:f1|precision|recall|gap_f1,
parallel:auto:f1, parallel:comparable:f1; comparable:recall|precision|conflict
(auto mode), comparable:<domain>:recall|precision,
comparable:forced:recall|precision|conflict (--mode comparable);
seeds:recall|precision; scaling:<mode>:growth. Keys starting with "_" are
comments.
"""

import argparse
import json
import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import align_common as ac  # noqa: E402
import align_parallel  # noqa: E402
import align_comparable  # noqa: E402
import align_scaling  # noqa: E402
import diff_seeds  # noqa: E402

PARTS = ("parallel", "comparable", "seeds", "scaling", "parallel-ru", "comparable-ru")


def known_keys():
    """Every key a floors file may name (whichever parts are run)."""
    keys = {"parallel:f1", "parallel:precision", "parallel:recall", "parallel:gap_f1",
            "seeds:recall", "seeds:precision"}
    keys |= {"parallel:%s:f1" % m for m in align_parallel.MODES if m != "parallel"}
    for pre in ("comparable:", "comparable:forced:"):
        keys |= {pre + x for x in ("recall", "precision", "conflict")}
    keys |= {"comparable:%s:%s" % (d, x) for d in align_comparable.DOMAINS
             for x in ("recall", "precision")}
    keys |= {"scaling:%s:growth" % m for m in align_scaling.MODES}
    # English-Russian (issue 13): the same measures, prefixed "-ru"
    keys |= {k.replace("parallel:", "parallel-ru:", 1) for k in keys if k.startswith("parallel:")}
    keys |= {k.replace("comparable:", "comparable-ru:", 1) for k in keys
             if k.startswith("comparable:")}
    return keys


def targets(res):
    """(name, value, target, met) for every target of the issue."""
    out = []
    p = res.get("parallel")
    if p and "parallel" in p["modes"]:
        f = p["modes"]["parallel"]["f1"]
        out.append(("parallel F1 (--mode parallel)", f, ">= %.2f" % align_parallel.TARGET_F1,
                    f >= align_parallel.TARGET_F1))
    c = res.get("comparable")
    if c and "auto" in c["modes"]:
        m = c["modes"]["auto"]
        for name, v, t in (("comparable recall of removed paragraphs", m["recall"],
                            align_comparable.TARGET_RECALL),
                           ("comparable precision of flags", m["precision"],
                            align_comparable.TARGET_PRECISION),
                           ("changed number reported as a conflict", m["conflict_rate"],
                            align_comparable.TARGET_CONFLICT)):
            out.append((name, v, ">= %.2f" % t, v is not None and v >= t))
    s = res.get("scaling")
    if s:
        for mode, m in s["modes"].items():
            g = m.get("growth")
            out.append(("time growth 600 -> 6000 pairs, %s" % mode, g,
                        "<= %g" % align_scaling.TARGET_GROWTH,
                        g is not None and g <= align_scaling.TARGET_GROWTH))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    ap.add_argument("--floors", metavar="FILE",
                    help="exit 1 if a figure is below (scaling: above) the floor in FILE")
    ap.add_argument("--write-floors", metavar="FILE",
                    help="write the current figures to FILE in the floors format")
    ap.add_argument("--only", default=",".join(PARTS),
                    help="comma-separated parts to run (default %(default)s)")
    ap.add_argument("--jobs", "-j", type=int, default=ac.jobs_default())
    ap.add_argument("--repeat", type=int, default=3, help="timing runs (scaling)")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="print each part's full report")
    args = ap.parse_args(argv)
    parts = [p for p in args.only.split(",") if p]
    for p in parts:
        if p not in PARTS:
            ap.error("unknown part %r (choose from %s)" % (p, ", ".join(PARTS)))

    ddir = common.data_dir()
    need = {"parallel": ddir / "wmt_newstest_en_es" / "newstest2013.en",
            "comparable": ddir / "wmt24_en_es" / "source.en-es.txt",
            "parallel-ru": ddir / "wmt_newstest_en_ru" / "newstest2013.ru",
            "comparable-ru": ddir / "wmt24_en_ru" / "reference.en-ru.refA.txt",
            "scaling": ddir / "wmt_newstest_en_es" / "newstest2012.en"}
    missing = [str(need[p]) for p in parts if p in need and not need[p].is_file()]
    if missing:
        print("SKIP: evaluation data not found at %s (set PARALLAX_DATA)" % ddir)
        return common.EXIT_SKIP
    status = ac.preflight("align-eval", ["align", "diff"])
    if status is not None:
        return status

    res, figs = {}, {}
    if "parallel" in parts:
        res["parallel"] = align_parallel.evaluate(ddir, jobs=args.jobs)
        figs.update(align_parallel.figures(res["parallel"]))
    if "comparable" in parts:
        res["comparable"] = align_comparable.evaluate(ddir, jobs=args.jobs)
        figs.update(align_comparable.figures(res["comparable"]))
    for part, mod in (("parallel-ru", align_parallel), ("comparable-ru", align_comparable)):
        if part in parts:
            mod.TARGET = "ru"
            try:
                res[part] = mod.evaluate(ddir, jobs=args.jobs)
                figs.update(mod.figures(res[part]))
            finally:
                mod.TARGET = "es"
    if "seeds" in parts:
        res["seeds"] = diff_seeds.evaluate()
        figs.update(diff_seeds.figures(res["seeds"]))
    if "scaling" in parts:
        res["scaling"] = align_scaling.evaluate(ddir, repeat=args.repeat)
        figs.update(align_scaling.figures(res["scaling"]))

    tg = targets(res)
    missed = [t for t in tg if not t[3]]
    below = []
    if args.floors:
        below, ferr = ac.check_floors(args.floors, figs, known=known_keys())
        if ferr:
            print("align-eval: %s" % ferr, file=sys.stderr)
            return common.EXIT_HARD_ERROR
    if args.write_floors:
        ac.write_floors(args.write_floors, figs)

    if args.json:
        print(json.dumps({"binary": str(common.binary_path()), "data": str(ddir),
                          "results": res, "figures": figs,
                          "targets": [{"name": n, "value": v, "target": t, "met": m}
                                      for n, v, t, m in tg],
                          "below_floors": below}, indent=1, ensure_ascii=False))
    else:
        print("Parallax alignment / diff evaluation")
        print("binary: %s\ndata:   %s\n" % (common.binary_path(), ddir))
        if args.verbose:
            if "parallel" in res:
                align_parallel.print_report(res["parallel"])
                print()
            if "comparable" in res:
                align_comparable.print_report(res["comparable"])
                print()
            if "seeds" in res:
                diff_seeds.print_report(res["seeds"])
                print()
            if "scaling" in res:
                align_scaling.print_report(res["scaling"])
                print()
        rows = [[k, "n/a" if v is None else str(v)] for k, v in sorted(figs.items())]
        common.print_table(rows, header=["figure", "value"])
        print()
        rows = [[n, "n/a" if v is None else "%.3f" % v, t, "met" if m else "MISSED"]
                for n, v, t, m in tg]
        if rows:
            common.print_table(rows, header=["target", "value", "wanted", ""])
        common.print_floors(args.floors, below, args.write_floors)
    if below or (args.check and missed):
        return 1
    return 0


if __name__ == "__main__":
    common.run_main(main)
