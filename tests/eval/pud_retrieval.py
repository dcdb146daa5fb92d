#!/usr/bin/env python3
"""Sentence retrieval in comparable mode on UD PUD (issue 13).

The PUD treebanks hold the same 1000 sentences in English, Spanish and
Russian (identical `sent_id`s, same order, 397 documents). For each ordered
pair of languages (ru->en, en->ru, ru->es, es->ru, and en->es, es->en for
reference) the sentences are cut into blocks of BLOCK consecutive sentences
(a few documents each); in each block the target side's sentences are
shuffled (fixed seed), and `parallax align --segmented --mode comparable`
aligns the source block with the shuffled target block. A source sentence is
retrieved when its best link (highest score) holds its own translation.
Accuracy = retrieved / sentences.

Targets (issue 13): ru->en and en->ru >= 96 %, ru->es and es->ru >= 93 %.

Usage: pud_retrieval.py [--pairs ru-en,en-ru,...] [--json] [--floors FILE]
       [--write-floors FILE] [--examples N]
Floor keys: pud:SRC2TGT (e.g. pud:ru2en), in per cent.
"""

import argparse
import concurrent.futures
import json
import os
import random
import re
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import align_common as ac  # noqa: E402

SEED = 13
BLOCK = 40
PAIRS = ("ru-en", "en-ru", "ru-es", "es-ru", "en-es", "es-en")
TARGETS = {"ru-en": 96.0, "en-ru": 96.0, "ru-es": 93.0, "es-ru": 93.0}
_TEXT = re.compile(r"^#\s*text\s*=\s?(.*)$")
_SID = re.compile(r"^#\s*sent_id\s*=\s*(\S+)")


def load(ddir, lang):
    """[(sent_id, text)] of the PUD treebank of lang, in file order."""
    out, sid = [], None
    path = ddir / "ud_treebanks" / ("%s_pud-ud-test.conllu" % lang)
    for line in path.read_text(encoding="utf-8").split("\n"):
        m = _SID.match(line)
        if m:
            sid = m.group(1)
            continue
        m = _TEXT.match(line)
        if m and sid:
            out.append((sid, " ".join(m.group(1).split())))
            sid = None
    return out


def blocks(src, tgt):
    """Aligned blocks: (source lines, shuffled target lines, gold target index
    of each source line)."""
    tmap = {sid: t for sid, t in tgt}
    pairs = [(s, tmap[sid]) for sid, s in src if sid in tmap]
    out = []
    for k in range(0, len(pairs), BLOCK):
        chunk = pairs[k:k + BLOCK]
        order = list(range(len(chunk)))
        random.Random("%d:%d" % (SEED, k)).shuffle(order)   # order[j]: source of target line j
        gold = [0] * len(chunk)
        for j, i in enumerate(order):
            gold[i] = j
        out.append(([s for s, _ in chunk], [chunk[i][1] for i in order], gold))
    return out


def run_pair(ddir, pair, tmp, jobs, examples):
    la, lb = pair.split("-")
    bl = blocks(load(ddir, la), load(ddir, lb))

    def one(k):
        a_lines, b_lines, gold = bl[k]
        a = Path(tmp) / ("%s-%d.a.txt" % (pair, k))
        b = Path(tmp) / ("%s-%d.b.txt" % (pair, k))
        a.write_text("\n".join(a_lines) + "\n", encoding="utf-8")
        b.write_text("\n".join(b_lines) + "\n", encoding="utf-8")
        r = ac.run_report("align", a, b, mode="comparable", segmented=True, lang_a=la, lang_b=lb)
        if not r.ok:
            raise RuntimeError("%s block %d: %s %s" % (pair, k, r.error, r.stderr[:300]))
        best = {}
        for l in r.doc.get("links", []):
            for i in l["a"]:
                if i not in best or l["score"] > best[i][0]:
                    best[i] = (l["score"], set(l["b"]))
        hits, misses = 0, []
        for i, g in enumerate(gold):
            if i in best and g in best[i][1]:
                hits += 1
            elif len(misses) < examples:
                misses.append((a_lines[i], b_lines[g]))
        return hits, len(gold), misses

    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        res = list(ex.map(one, range(len(bl))))
    hits = sum(r[0] for r in res)
    total = sum(r[1] for r in res)
    misses = [m for r in res for m in r[2]][:examples]
    return hits, total, misses


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", default=",".join(PAIRS))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--jobs", "-j", type=int, default=ac.jobs_default())
    ap.add_argument("--floors")
    ap.add_argument("--write-floors")
    args = ap.parse_args(argv)
    ddir = common.data_dir()
    if not all((ddir / "ud_treebanks" / ("%s_pud-ud-test.conllu" % l)).is_file()
               for l in ("en", "es", "ru")):
        print("SKIP: evaluation data not found at %s (set PARALLAX_DATA)" % ddir)
        return common.EXIT_SKIP
    status = ac.preflight("pud-retrieval", ["align"])
    if status is not None:
        return status
    figs, rows = {}, []
    with tempfile.TemporaryDirectory(prefix="plx-pud-") as tmp:
        for pair in [p for p in args.pairs.split(",") if p]:
            hits, total, misses = run_pair(ddir, pair, tmp, args.jobs, args.examples)
            acc = 100.0 * hits / total if total else 0.0
            figs["pud:%s" % pair.replace("-", "2")] = round(acc, 2)
            t = TARGETS.get(pair)
            rows.append((pair, hits, total, acc, t, misses))
    if args.json:
        print(json.dumps(figs, indent=2, sort_keys=True))
    else:
        print("UD PUD retrieval, comparable mode, blocks of %d sentences, target side shuffled "
              "(seed %d)" % (BLOCK, SEED))
        for pair, hits, total, acc, t, misses in rows:
            print("  %-6s %4d/%4d  %5.1f %%  %s" % (
                pair, hits, total, acc,
                "target >= %.0f %%: %s" % (t, "met" if acc >= t else "MISSED") if t else "(reference)"))
            for a, b in misses:
                print("      %s\n      <> %s" % (common.short(a, 120), common.short(b, 120)))
    if args.write_floors:
        ac.write_floors(args.write_floors, figs)
    if args.floors:
        below, ferr = common.check_floors(args.floors, figs)
        if ferr:
            print("pud-retrieval: %s" % ferr, file=sys.stderr)
            return common.EXIT_HARD_ERROR
        common.print_floors(args.floors, below, args.write_floors)
        return 1 if below else 0
    return 0


if __name__ == "__main__":
    common.run_main(main)
