#!/usr/bin/env python3
"""Run the whole sentence-segmentation evaluation and print a compact table.

Exit status: 0 (figures are reported, not asserted); 77 (automake "skip") if
the data directory is missing; 99 (automake "hard error") if the parallax
program is missing.  With --check: 1 if a target is missed:

  * English Golden Rules (pragmatic_segmenter, 52 rules): fewer than 51/52
    passing under the whitespace-normalised convention (under the strict
    origin convention at most 50/52 are reachable by a segmenter that outputs
    byte spans, since rules 40 and 41 expect a newline turned into a space);
  * UD sentence F1: en_pud < 98.0, es_pud < 98.0, es_gsd < 95.6.

With --floors FILE: also exit 1 if a figure falls below the floor recorded in
FILE (regression guard used by `make check` through tests/eval.sh). FILE is a
flat JSON object, {} meaning "no floors"; keys (see --write-floors):

  golden:<file stem>:strict|norm              passing cases (integer)
  golden:<file stem>:<subset>:strict|norm     the same for a reported subset
  ud:<treebank>:f1|precision|recall           percent, 2 decimals

Keys starting with "_" are comments. An unknown key is an error (exit 99), so
that a typo cannot silently disable a floor. --write-floors FILE writes the
current figures in that format (to record a new level by hand).
"""

import argparse
import json
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree clean (no __pycache__)
sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import golden_rules  # noqa: E402
import ud_sentences  # noqa: E402

GOLDEN_EN_FILE = "pragmatic_segmenter_golden_rules_en.jsonl"


def figures(gr, ud):
    """All figures that floors can refer to, as a flat {key: number}."""
    out = {}
    for s, _, _ in gr:
        stem = s["file"].replace(".jsonl", "")
        out["golden:%s:strict" % stem] = s["strict"]
        out["golden:%s:norm" % stem] = s["norm"]
        for sub in s["subsets"]:
            out["golden:%s:%s:strict" % (stem, sub["key"])] = sub["strict"]
            out["golden:%s:%s:norm" % (stem, sub["key"])] = sub["norm"]
    for r in ud:
        for m in ("f1", "precision", "recall"):
            out["ud:%s:%s" % (r["treebank"], m)] = r[m]
    return out


GOLDEN_EN_TARGET = 51  # of 52, whitespace-normalised


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="exit 1 if a target is missed")
    ap.add_argument("--floors", metavar="FILE",
                    help="exit 1 if a figure is below the floor recorded in FILE")
    ap.add_argument("--write-floors", metavar="FILE",
                    help="write the current figures to FILE in the floors format")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="also print the full per-file Golden Rules reports")
    ap.add_argument("--jobs", "-j", type=int, default=8,
                    help="parallel parallax runs for the Golden Rules (default 8)")
    args = ap.parse_args(argv)

    ddir = common.data_dir()
    if not (ddir / "golden_rules").is_dir() or not (ddir / "ud_treebanks").is_dir():
        print("SKIP: evaluation data not found at %s (set PARALLAX_DATA)" % ddir)
        return common.EXIT_SKIP
    err = common.check_binary()
    if err:
        print("parallax-eval: %s" % err, file=sys.stderr)
        return common.EXIT_HARD_ERROR

    gr = golden_rules.evaluate(None, args.jobs, ddir)
    ud = ud_sentences.evaluate(None, ddir)

    failures = []
    for s, _, _ in gr:
        if s["file"] == GOLDEN_EN_FILE and s["norm"] < GOLDEN_EN_TARGET:
            failures.append("English Golden Rules %d/%d < %d/%d (ws-normalised)"
                            % (s["norm"], s["total"], GOLDEN_EN_TARGET, s["total"]))
    for r in ud:
        if r["target"] is not None and r["f1"] < r["target"]:
            failures.append("UD %s sentence F1 %.2f < %.1f" % (r["treebank"], r["f1"], r["target"]))

    figs = figures(gr, ud)
    below = []
    if args.floors:
        below, ferr = common.check_floors(args.floors, figs)
        if ferr:
            print("parallax-eval: %s" % ferr, file=sys.stderr)
            return common.EXIT_HARD_ERROR
    if args.write_floors:
        with open(args.write_floors, "w", encoding="utf-8") as f:
            json.dump(figs, f, indent=2, sort_keys=True)
            f.write("\n")

    if args.json:
        print(json.dumps({"binary": str(common.binary_path()), "data": str(ddir),
                          "golden_rules": [s for s, _, _ in gr],
                          "ud": ud, "figures": figs, "targets_missed": failures,
                          "below_floors": below},
                         indent=2, ensure_ascii=False))
    else:
        print("Parallax sentence segmentation evaluation")
        print("binary: %s\ndata:   %s\n" % (common.binary_path(), ddir))
        if args.verbose:
            for s, results, anchor in gr:
                golden_rules.print_file_report(s, results, anchor, True)
        print("Golden Rules: cases passing. strict = origin convention (segments "
              "stripped, empties dropped, list equal); ws-norm = also whitespace runs "
              "collapsed to one space")
        rows = []
        for s, _, anchor in gr:
            rows.append([s["file"].replace(".jsonl", ""), s["lang"],
                         common.fmt_ratio(s["strict"], s["total"]),
                         common.fmt_ratio(s["norm"], s["total"]),
                         anchor or "-"])
            for sub in s["subsets"]:
                rows.append(["  " + sub["label"].strip(), "",
                             common.fmt_ratio(sub["strict"], sub["total"]),
                             common.fmt_ratio(sub["norm"], sub["total"]), ""])
        common.print_table(rows, header=["file", "lang", "strict", "ws-norm",
                                         "anchor (strict)"])
        errs = sum(s["errors"] for s, _, _ in gr)
        if errs:
            print("(parallax failed on %d Golden Rules case(s); run golden_rules.py "
                  "--verbose)" % errs)
        print("\nUD treebanks: sentence spans from raw text (trimmed span must equal a "
              "gold span), percent")
        ud_sentences.print_report(ud)
        print()
        if failures:
            print("targets missed:")
            for f in failures:
                print("  " + f)
        else:
            print("all targets met (English Golden Rules >= 51/52 ws-norm; "
                  "UD F1 en_pud >= 98.0, es_pud >= 98.0, es_gsd >= 95.6)")
        common.print_floors(args.floors, below, args.write_floors)
    if args.check and failures:
        return 1
    if below:
        return 1
    return 0


if __name__ == "__main__":
    common.run_main(main)
