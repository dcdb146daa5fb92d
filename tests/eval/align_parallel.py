#!/usr/bin/env python3
"""Sentence alignment of a translation: newstest2013 en/es, damaged (issue).

"newstest2013 en/es cut into 40-sentence documents, with about 10 % of Spanish
sentences and 5 % of English sentences deleted and a few adjacent Spanish
sentences merged, given one sentence per line (`--segmented`). F1 over linked
sentence pairs >= 0.95."

Construction (deterministic; seed SEED below, one random.Random per document
seeded with the string "SEED:document-number"):
  - newstest2013.{en,es} (3000 line-aligned sentences) is cut into 75
    documents of 40 consecutive lines;
  - in each document 4 Spanish lines (10 %) and 2 English lines (5 %) are
    deleted, never the same line on both sides;
  - 2 pairs of adjacent surviving Spanish lines are merged into one line
    (joined by a space), never overlapping;
  - gold links: English line i <-> Spanish line i of the original; a deleted
    sentence has no link; a merged Spanish line links to both English
    sentences (those that survive).
Each document pair is written to temporary files (one sentence per line,
ids = line numbers) and aligned with
  parallax align --segmented --mode M --lang-a en --lang-b es --format json A B
for M = parallel (the measured figure), auto (reported, with the mode auto
picked) and comparable (reported). Every link {a:[..], b:[..]} expands into
all (a_i, b_j) pairs; precision, recall and F1 over these pairs against the
gold pairs, micro-averaged over all documents. Gaps (sentences whose
counterpart was deleted) are scored too, for information.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import random
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import align_common as ac  # noqa: E402

SEED = 2013
DOC_LEN = 40
ES_DELETED = 4      # per 40-sentence document: 10 %
EN_DELETED = 2      # 5 %
ES_MERGES = 2       # pairs of adjacent Spanish sentences joined
TARGET_F1 = 0.95
MODES = ("parallel", "auto", "comparable")


# The other language: "es" (newstest2013.es) or "ru" (newstest2013.ru, whose
# English lines are byte-identical to the en-es set's); --lang sets it.
TARGET = "es"


def load(ddir):
    d = ddir / "wmt_newstest_en_es"
    en = (d / "newstest2013.en").read_text(encoding="utf-8").split("\n")
    es = (ddir / ("wmt_newstest_en_%s" % TARGET) / ("newstest2013.%s" % TARGET)).read_text(
        encoding="utf-8").split("\n")
    if en and en[-1] == "":
        en.pop()
    if es and es[-1] == "":
        es.pop()
    if len(en) != len(es):
        raise RuntimeError("newstest2013: %d English lines, %d Spanish" % (len(en), len(es)))
    return en, es


def make_document(k, en, es):
    """One damaged document pair from line-aligned lists en, es (same length).

    Returns a dict: a_lines, b_lines, a_orig (original index of each A line),
    b_orig (list of original indices of each B line), gold (set of (a, b)
    line-id pairs), gold_gaps ({("a", id), ("b", id)}), and the choices made.
    """
    n = len(en)
    rng = random.Random("%d:%d" % (SEED, k))
    es_del = set(rng.sample(range(n), min(ES_DELETED, n)))
    en_del = set(rng.sample([i for i in range(n) if i not in es_del], min(EN_DELETED, n)))
    # merges: i and i+1 both kept in Spanish, at least one kept in English
    cands = [i for i in range(n - 1)
             if i not in es_del and i + 1 not in es_del
             and not (i in en_del and i + 1 in en_del)]
    rng.shuffle(cands)
    merges, used = [], set()
    for i in cands:
        if len(merges) >= ES_MERGES:
            break
        if i in used or i + 1 in used:
            continue
        merges.append(i)
        used.update((i, i + 1))
    merges.sort()
    mstart = set(merges)

    a_lines, a_orig, a_id = [], [], {}
    for i in range(n):
        if i in en_del:
            continue
        a_id[i] = len(a_lines)
        a_lines.append(en[i])
        a_orig.append(i)
    b_lines, b_orig = [], []
    i = 0
    while i < n:
        if i in es_del:
            i += 1
            continue
        if i in mstart:
            b_lines.append(es[i] + " " + es[i + 1])
            b_orig.append([i, i + 1])
            i += 2
            continue
        b_lines.append(es[i])
        b_orig.append([i])
        i += 1
    gold, gaps = set(), set()
    for j, origs in enumerate(b_orig):
        linked = [a_id[o] for o in origs if o in a_id]
        for a in linked:
            gold.add((a, j))
        if not linked:
            gaps.add(("b", j))
    for i, o in enumerate(a_orig):
        if o in es_del:
            gaps.add(("a", i))
    return {"k": k, "a_lines": a_lines, "b_lines": b_lines, "a_orig": a_orig,
            "b_orig": b_orig, "gold": gold, "gold_gaps": gaps,
            "es_deleted": sorted(es_del), "en_deleted": sorted(en_del),
            "merges": merges}


def build_documents(ddir, doc_len=DOC_LEN, limit=None):
    en, es = load(ddir)
    docs = []
    for k in range(len(en) // doc_len):
        if limit is not None and k >= limit:
            break
        lo = k * doc_len
        docs.append(make_document(k, en[lo:lo + doc_len], es[lo:lo + doc_len]))
    return docs


def write_doc(doc, d):
    a = Path(d) / ("doc%02d.en.txt" % doc["k"])
    b = Path(d) / ("doc%02d.es.txt" % doc["k"])
    a.write_text("".join(l + "\n" for l in doc["a_lines"]), encoding="utf-8")
    b.write_text("".join(l + "\n" for l in doc["b_lines"]), encoding="utf-8")
    return a, b


def classify(doc, pred, gold):
    """Error kinds for one document: lists of (kind, a, b)."""
    a_gold = collections.defaultdict(set)
    b_gold = collections.defaultdict(set)
    for a, b in gold:
        a_gold[a].add(b)
        b_gold[b].add(a)
    errs = []
    for a, b in sorted(pred - gold):
        if a not in a_gold and b not in b_gold:
            kind = "FP: both sentences have no counterpart"
        elif a not in a_gold:
            kind = "FP: linked an English sentence whose Spanish was deleted"
        elif b not in b_gold:
            kind = "FP: linked a Spanish sentence whose English was deleted"
        else:
            near = min(abs(b - x) for x in a_gold[a])
            kind = ("FP: neighbour of the right partner" if near == 1
                    else "FP: wrong partner (%s)" % ("2-3 away" if near <= 3 else "far"))
        errs.append((kind, a, b))
    for a, b in sorted(gold - pred):
        merged = len(doc["b_orig"][b]) > 1
        a_linked = any(x[0] == a for x in pred)
        b_linked = any(x[1] == b for x in pred)
        if merged and not a_linked:
            kind = "FN: merged Spanish line, English sentence left unlinked"
        elif merged:
            kind = "FN: merged Spanish line, English sentence linked elsewhere"
        elif not a_linked and not b_linked:
            hole = ((a - 1, b - 1) in pred or (a == 0 and b == 0)) and \
                ((a + 1, b + 1) in pred or (a + 1 == len(doc["a_lines"]) and b + 1 == len(doc["b_lines"])))
            kind = ("FN: 1-1 pair, both left unlinked between two links (a 1x1 hole)" if hole
                    else "FN: 1-1 pair, both left unlinked")
        else:
            kind = "FN: 1-1 pair, linked elsewhere"
        errs.append((kind, a, b))
    return errs


def evaluate(ddir, modes=MODES, jobs=None, limit=None, keep_reports=False):
    docs = build_documents(ddir, limit=limit)
    jobs = jobs or ac.jobs_default()
    res = {"n_docs": len(docs), "seed": SEED, "modes": {}}
    with tempfile.TemporaryDirectory(prefix="plx-align-par-") as tmp:
        paths = [write_doc(doc, tmp) for doc in docs]
        for mode in modes:
            def one(i):
                a, b = paths[i]
                return ac.run_report("align", a, b, mode=mode, segmented=True,
                                     lang_a="en", lang_b=TARGET)
            with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
                reports = list(ex.map(one, range(len(docs))))
            res["modes"][mode] = score_mode(docs, reports, keep_reports)
    return res


def score_mode(docs, reports, keep_reports=False):
    tp = npred = ngold = 0
    gtp = gpred = ggold = 0
    failures, picked, span_mism = [], collections.Counter(), 0
    kinds = collections.Counter()
    examples = collections.defaultdict(list)
    per_doc = []
    elapsed = 0.0
    for doc, r in zip(docs, reports):
        gold = doc["gold"]
        ngold += len(gold)
        ggold += len(doc["gold_gaps"])
        if not r.ok:
            failures.append({"doc": doc["k"], "error": r.error, "stderr": r.stderr[-300:]})
            per_doc.append({"doc": doc["k"], "ok": False})
            continue
        elapsed += r.elapsed
        span_mism += r.span_mismatches
        picked[r.mode or "?"] += 1
        pred = r.link_pairs()
        t = len(pred & gold)
        tp += t
        npred += len(pred)
        pg = {g for g in r.gap_set()}
        gtp += len(pg & doc["gold_gaps"])
        gpred += len(pg)
        per_doc.append({"doc": doc["k"], "ok": True, "tp": t, "pred": len(pred),
                        "gold": len(gold), "mode": r.mode})
        for kind, a, b in classify(doc, pred, gold):
            kinds[kind] += 1
            if len(examples[kind]) < 6:
                examples[kind].append({
                    "doc": doc["k"], "a": a, "b": b,
                    "a_text": doc["a_lines"][a] if 0 <= a < len(doc["a_lines"]) else "?",
                    "b_text": doc["b_lines"][b] if 0 <= b < len(doc["b_lines"]) else "?",
                    "a_gold": sorted(x for x, y in gold if y == b),
                    "b_gold": sorted(y for x, y in gold if x == a),
                    "score": next((l.get("score") for l in r.links
                                   if a in l.get("a", []) and b in l.get("b", [])), None)})
    p, rec, f = ac.prf(tp, npred, ngold)
    gp, gr, gf = ac.prf(gtp, gpred, ggold)
    out = {"tp": tp, "pred": npred, "gold": ngold, "precision": p, "recall": rec, "f1": f,
           "gaps": {"tp": gtp, "pred": gpred, "gold": ggold, "precision": gp,
                    "recall": gr, "f1": gf},
           "failures": failures, "mode_picked": dict(picked),
           "span_mismatches": span_mism, "error_kinds": dict(kinds.most_common()),
           "examples": dict(examples), "seconds": round(elapsed, 2)}
    if keep_reports:
        out["per_doc"] = per_doc
    return out


def print_stats(docs):
    na = sum(len(d["a_lines"]) for d in docs)
    nb = sum(len(d["b_lines"]) for d in docs)
    g = sum(len(d["gold"]) for d in docs)
    m = sum(len(d["merges"]) for d in docs)
    print("documents: %d (seed %d, %d original sentence pairs each)" % (len(docs), SEED, DOC_LEN))
    print("English sentences kept: %d (deleted %d)" % (na, sum(len(d["en_deleted"]) for d in docs)))
    print("Spanish lines: %d (sentences deleted %d, merged pairs %d)"
          % (nb, sum(len(d["es_deleted"]) for d in docs), m))
    print("gold pairs: %d (of them from merged lines: %d); gold gaps: %d"
          % (g, sum(1 for d in docs for a, b in d["gold"] if len(d["b_orig"][b]) > 1),
             sum(len(d["gold_gaps"]) for d in docs)))


def print_report(res, examples=3, out=sys.stdout):
    w = out.write
    w("Parallel alignment: newstest2013 en/" + TARGET + ", %d documents of %d sentences (seed %d)\n"
      % (res["n_docs"], DOC_LEN, res["seed"]))
    w("  damage per document: %d Spanish and %d English sentences deleted, %d adjacent "
      "Spanish pairs merged; `align --segmented`\n" % (ES_DELETED, EN_DELETED, ES_MERGES))
    rows = []
    for mode, m in res["modes"].items():
        rows.append([mode, "%.4f" % m["precision"], "%.4f" % m["recall"], "%.4f" % m["f1"],
                     "%d/%d/%d" % (m["tp"], m["pred"], m["gold"]),
                     "%.3f/%.3f" % (m["gaps"]["precision"], m["gaps"]["recall"]),
                     ",".join("%s:%d" % kv for kv in sorted(m["mode_picked"].items())),
                     str(len(m["failures"])), "%.1f" % m["seconds"]])
    common.print_table(rows, header=["--mode", "P", "R", "F1", "tp/pred/gold",
                                     "gap P/R", "mode used", "failed", "s"], out=out)
    if "parallel" in res["modes"]:
        f = res["modes"]["parallel"]["f1"]
        w("target: F1 >= %.2f in parallel mode: %s (%.4f)\n"
          % (TARGET_F1, "met" if f >= TARGET_F1 else "MISSED", f))
    for mode, m in res["modes"].items():
        if m["span_mismatches"]:
            w("WARNING %s: %d sentences whose text is not the input bytes [start,end)\n"
              % (mode, m["span_mismatches"]))
        for fl in m["failures"][:3]:
            w("  %s: doc %s failed: %s %s\n" % (mode, fl["doc"], fl["error"], common.short(fl["stderr"], 200)))
        if not m["error_kinds"]:
            continue
        ref = res["modes"].get("parallel")
        if mode != "parallel" and ref and ref["error_kinds"] == m["error_kinds"] and \
                (ref["tp"], ref["pred"]) == (m["tp"], m["pred"]):
            w("\nerrors, --mode %s: the same as --mode parallel\n" % mode)
            continue
        w("\nerrors, --mode %s (pairs):\n" % mode)
        for kind, c in m["error_kinds"].items():
            w("  %5d  %s\n" % (c, kind))
            for ex in m["examples"].get(kind, [])[:examples]:
                w("         doc %d a%d <-> b%d (score %s; gold partners of a: %s, of b: %s)\n"
                  % (ex["doc"], ex["a"], ex["b"], ex["score"], ex["b_gold"], ex["a_gold"]))
                w("           A: %s\n           B: %s\n"
                  % (common.short(ex["a_text"], 150), common.short(ex["b_text"], 150)))


def figures(res):
    """Flat figures for floors: parallel:f1|precision|recall|gap_f1 (--mode
    parallel), parallel:auto:f1, parallel:comparable:f1."""
    figs = {}
    for mode, m in res["modes"].items():
        if mode == "parallel":
            figs[PREFIX() + "f1"] = round(m["f1"], 4)
            figs[PREFIX() + "precision"] = round(m["precision"], 4)
            figs[PREFIX() + "recall"] = round(m["recall"], 4)
            figs[PREFIX() + "gap_f1"] = round(m["gaps"]["f1"], 4)
        else:
            figs[PREFIX() + "%s:f1" % mode] = round(m["f1"], 4)
    return figs


def PREFIX():
    """Floor keys: "parallel:" for en-es, "parallel-ru:" for en-ru."""
    return "parallel:" if TARGET == "es" else "parallel-%s:" % TARGET


def main(argv=None):
    global TARGET
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--lang", default="es", choices=("es", "ru"),
                    help="the other language (default %(default)s)")
    ap.add_argument("--modes", default=",".join(MODES),
                    help="comma-separated modes to run (default %(default)s)")
    ap.add_argument("--examples", type=int, default=3, help="examples per error kind")
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument("--jobs", "-j", type=int, default=ac.jobs_default())
    ap.add_argument("--stats", action="store_true",
                    help="only build the documents and print statistics (no parallax run)")
    ap.add_argument("--dump", metavar="DIR",
                    help="write the documents and their gold links to DIR")
    args = ap.parse_args(argv)
    TARGET = args.lang
    ddir = common.data_dir()
    if not (ddir / "wmt_newstest_en_es" / "newstest2013.en").is_file() or not (
            ddir / ("wmt_newstest_en_%s" % TARGET) / ("newstest2013.%s" % TARGET)).is_file():
        print("SKIP: evaluation data not found at %s (set PARALLAX_DATA)" % ddir)
        return common.EXIT_SKIP
    if args.stats or args.dump:
        docs = build_documents(ddir, limit=args.limit)
        print_stats(docs)
        if args.dump:
            os.makedirs(args.dump, exist_ok=True)
            for d in docs:
                write_doc(d, args.dump)
                with open(Path(args.dump) / ("doc%02d.gold.json" % d["k"]), "w") as f:
                    json.dump({"pairs": sorted(d["gold"]), "gaps": sorted(d["gold_gaps"]),
                               "es_deleted": d["es_deleted"], "en_deleted": d["en_deleted"],
                               "merges": d["merges"], "a_orig": d["a_orig"],
                               "b_orig": d["b_orig"]}, f)
            print("written to %s" % args.dump)
        return 0
    status = ac.preflight("align-parallel", ["align"])
    if status is not None:
        return status
    res = evaluate(ddir, [m for m in args.modes.split(",") if m], args.jobs, args.limit)
    if args.json:
        print(json.dumps(res, indent=1, ensure_ascii=False, default=sorted))
    else:
        print_report(res, args.examples)
    return 0


if __name__ == "__main__":
    common.run_main(main)
