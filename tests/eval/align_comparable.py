#!/usr/bin/env python3
"""Missing paragraphs and a changed number in comparable articles: WMT24 en-es.

Issue text: "WMT24 en-es documents (news, literary, social) written as
articles with blank lines between paragraphs, with a quarter of the Spanish
paragraphs and a sixth of the English ones removed, two Spanish paragraphs
swapped, and one number in a Spanish paragraph changed. Recall of removed
paragraphs flagged as missing >= 0.90; of what is flagged, >= 85 % really
removed; the changed number reported as a conflict in >= 60 % of documents."

Data (SOURCES.md 3a): wmt24_en_es/source.en-es.txt (English),
reference.en-es.refA.txt (Spanish), documents.en-es.docs (domain<TAB>doc_id);
line 1 (canary) and the speech domain are skipped; a line is a paragraph.

Construction, per document (one random.Random seeded with "SEED:doc_id"):
  - n paragraphs; floor(n/4) Spanish and floor(n/6) English paragraphs are
    removed, never the same paragraph on both sides (a paragraph removed on
    one side still exists on the other, so it really is "missing" there);
  - two of the remaining Spanish paragraphs are swapped;
  - one number written in digits, in a remaining Spanish paragraph whose
    English counterpart is kept and contains the same number (same value once
    written language-neutrally), is changed: +1, or x2 / +10 when +1 would
    give a number the paragraph pair already contains; the written format is
    kept ("10.000" -> "10.001", "3,5" -> "4,5"). A document without such a
    number is left out of the conflict measure (the count is printed);
  - A = the English article, B = the Spanish one: paragraphs separated by a
    blank line, UTF-8, final newline.
Run: parallax diff --format json A B (auto mode; also --mode comparable).

Scoring. Sentences are mapped to paragraphs by their byte offsets. A paragraph
(of either article) is *flagged* when more than half of its sentences that are
not boilerplate/duplicate are gaps; when the report marks no gap at all in the
document, a paragraph is flagged instead when all the clause facts of those
sentences are "missing". Recall = flagged paragraphs whose counterpart was
removed / all such paragraphs; precision = flagged paragraphs that really
lack a counterpart / all flagged paragraphs of both articles. The changed
number counts as reported when some fact with status "conflict" covers it:
its span (or its counterpart's span) in B overlaps the changed digits, or its
value or counterpart value contains the new number in language-neutral form
(digits without separators, "." decimal).
For information: paragraph-level link precision (links between sentences of
A paragraph i and B paragraph j are right when i == j, i.e. same origin) and
link coverage (kept pairs with at least one link between them).
"""

import argparse
import bisect
import collections
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

SEED = 24
DOMAINS = ("news", "literary", "social")
TARGET_RECALL = 0.90
TARGET_PRECISION = 0.85
TARGET_CONFLICT = 0.60
MODES = ("auto", "comparable")
NOT_COUNTED = ("boilerplate", "duplicate")

# a number in digits, not part of a word, handle, URL, time or fraction
NUM_RE = re.compile(r"(?<![\w@#/:.,\-])\d+(?:[.,]\d+)*(?![\w/%])(?![.,:]\d)")


# The other language: "es" or "ru" (wmt24_en_ru: the Russian reference of
# the same English segments, documents in en-ru.docs); --lang sets it.
TARGET = "es"


def data_files(ddir):
    d = ddir / "wmt24_en_es"
    if TARGET == "es":
        return (d / "source.en-es.txt", d / "reference.en-es.refA.txt",
                d / "documents.en-es.docs")
    r = ddir / ("wmt24_en_%s" % TARGET)
    return (d / "source.en-es.txt", r / ("reference.en-%s.refA.txt" % TARGET),
            r / ("en-%s.docs" % TARGET))


def load(ddir):
    fsrc, fref, fdocs = data_files(ddir)
    src = fsrc.read_text(encoding="utf-8").split("\n")
    ref = fref.read_text(encoding="utf-8").split("\n")
    docs = fdocs.read_text(encoding="utf-8").split("\n")
    for x in (src, ref, docs):
        if x and x[-1] == "":
            x.pop()
    if not (len(src) == len(ref) == len(docs)):
        raise RuntimeError("wmt24: files of %d, %d, %d lines" % (len(src), len(ref), len(docs)))
    order, groups = [], {}
    for i in range(1, len(docs)):          # line 1 is the canary
        dom, docid = docs[i].split("\t")
        if dom not in DOMAINS:
            continue
        if docid not in groups:
            groups[docid] = {"domain": dom, "docid": docid, "en": [], "es": [], "lines": []}
            order.append(docid)
        g = groups[docid]
        g["en"].append(src[i].strip())
        g["es"].append(ref[i].strip())
        g["lines"].append(i + 1)
    return [groups[d] for d in order]


def numbers(text, lang):
    """[(start, end, token, neutral value)] of numbers in digits (char offsets)."""
    return [(m.start(), m.end(), m.group(0), ac.neutral_number(m.group(0), lang))
            for m in NUM_RE.finditer(text)]


def _regroup(intpart, sep, template_groups):
    if not template_groups:
        return intpart
    s = intpart
    parts = []
    while len(s) > 3:
        parts.insert(0, s[-3:])
        s = s[:-3]
    parts.insert(0, s)
    return sep.join(parts)


def changed_token(token, avoid):
    """A different number in the same written format (Spanish conventions),
    whose neutral value is not in ``avoid``. Returns (new token, neutral)."""
    m = re.fullmatch(r"(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?", token)   # 10.000[,5]
    if m:
        base = int(m.group(1).replace(".", ""))
        frac = m.group(2)
        fmt = lambda v: _regroup(str(v), ".", True) + ("," + frac if frac else "")
    else:
        m = re.fullmatch(r"(\d+)(?:([.,])(\d+))?", token)
        if not m:
            return None
        base = int(m.group(1))
        width = len(m.group(1)) if m.group(1).startswith("0") else 0
        sep, frac = m.group(2), m.group(3)
        fmt = lambda v: str(v).zfill(width) + (sep + frac if frac else "")
    for v in (base + 1, base * 2 if base else 2, base + 10, base + 7):
        tok = fmt(v)
        neu = ac.neutral_number(tok, TARGET)
        if neu not in avoid and tok != token:
            return tok, neu
    return None


def make_document(g):
    """Build one damaged article pair; see the module docstring."""
    rng = random.Random("%d:%s" % (SEED, g["docid"]))
    en, es = g["en"], g["es"]
    n = len(en)
    es_rm = set(rng.sample(range(n), n // 4))
    en_rm = set(rng.sample([i for i in range(n) if i not in es_rm], n // 6))
    b_order = [i for i in range(n) if i not in es_rm]
    swap = None
    if len(b_order) >= 2:
        x, y = rng.sample(range(len(b_order)), 2)
        b_order[x], b_order[y] = b_order[y], b_order[x]
        swap = (b_order[y], b_order[x])   # original paragraph indices swapped
    es_new = list(es)
    change = None
    cands = []
    for i in sorted(set(b_order) - en_rm):
        en_vals = {v for _, _, _, v in numbers(en[i], "en")}
        for st, e, tok, v in numbers(es[i], TARGET):
            if v in en_vals:
                cands.append((i, st, e, tok, v))
    if cands:
        for i, st, e, tok, v in rng.sample(cands, len(cands)):
            avoid = {x[3] for x in numbers(en[i], "en")} | {x[3] for x in numbers(es[i], TARGET)}
            ch = changed_token(tok, avoid)
            if ch:
                es_new[i] = es[i][:st] + ch[0] + es[i][e:]
                change = {"para": i, "old": tok, "new": ch[0], "old_value": v,
                          "new_value": ch[1], "char_start": st, "char_end": st + len(ch[0])}
                break
    a_order = [i for i in range(n) if i not in en_rm]
    a_text, a_spans = _article([en[i] for i in a_order])
    b_text, b_spans = _article([es_new[i] for i in b_order])
    if change:
        k = b_order.index(change["para"])
        pre = es_new[change["para"]][:change["char_start"]].encode("utf-8")
        start = b_spans[k][0] + len(pre)
        change["byte_start"] = start
        change["byte_end"] = start + len(change["new"].encode("utf-8"))
        assert b_text[change["byte_start"]:change["byte_end"]].decode("utf-8") == change["new"]
    return {"docid": g["docid"], "domain": g["domain"], "n": n,
            "en": en, "es": es_new,
            "es_removed": sorted(es_rm), "en_removed": sorted(en_rm), "swap": swap,
            "change": change, "n_number_candidates": len(cands),
            "a_order": a_order, "b_order": b_order,
            "a_text": a_text, "b_text": b_text, "a_spans": a_spans, "b_spans": b_spans}


def _article(paras):
    """Join paragraphs with blank lines; return (bytes, [(start, end)])."""
    out, spans, pos = [], [], 0
    for k, p in enumerate(paras):
        if k:
            out.append(b"\n\n")
            pos += 2
        bp = p.encode("utf-8")
        spans.append((pos, pos + len(bp)))
        out.append(bp)
        pos += len(bp)
    out.append(b"\n")
    return b"".join(out), spans


def build_documents(ddir, limit=None):
    docs = [make_document(g) for g in load(ddir)]
    return docs[:limit] if limit else docs


# ---------------------------------------------------------------- scoring

def _para_of(spans, offset):
    starts = [s for s, _ in spans]
    k = bisect.bisect_right(starts, offset) - 1
    if k >= 0 and offset < spans[k][1] + 2:   # a sentence never starts in a separator
        return k
    return None


def score_document(doc, r):
    """Per-document outcome: flagged paragraphs, truth, conflict, links."""
    res = {"docid": doc["docid"], "domain": doc["domain"], "ok": r.ok}
    if not r.ok:
        res["error"] = r.error
        res["stderr"] = r.stderr[-300:]
        return res
    sides = {"a": (doc["a_spans"], doc["a_order"]), "b": (doc["b_spans"], doc["b_order"])}
    gaps = r.gap_set()
    use_gaps = bool(r.gaps)
    # sentence -> paragraph position, per side
    sent_para = {}
    para_sents = {s: collections.defaultdict(list) for s in "ab"}
    for side in "ab":
        spans, _ = sides[side]
        for s in r.sentences(side):
            k = _para_of(spans, int(s["start"]))
            sent_para[(side, int(s["id"]))] = k
            if k is not None and s.get("kind", "text") not in NOT_COUNTED:
                para_sents[side][k].append(int(s["id"]))
    clause = collections.defaultdict(list)
    for f in r.facts:
        if f.get("type") == "clause":
            clause[(f.get("side"), int(f.get("sentence", -1)))].append(f.get("status"))
    paras = []
    for side in "ab":
        spans, order = sides[side]
        removed_other = set(doc["es_removed"] if side == "a" else doc["en_removed"])
        for k, orig in enumerate(order):
            ids = para_sents[side].get(k, [])
            ng = sum(1 for i in ids if (side, i) in gaps)
            by_gaps = bool(ids) and ng * 2 > len(ids)
            st = [x for i in ids for x in clause.get((side, i), [])]
            by_facts = bool(st) and all(x == "missing" for x in st)
            paras.append({"side": side, "pos": k, "orig": orig,
                          "swapped": bool(doc["swap"]) and orig in doc["swap"],
                          "lacks": orig in removed_other, "n_sent": len(ids), "n_gap": ng,
                          "by_gaps": by_gaps, "by_facts": by_facts,
                          "flagged": by_gaps if use_gaps else by_facts})
    res["paras"] = paras
    res["mode"] = r.mode
    res["use_gaps"] = use_gaps
    res["n_gaps"] = len(r.gaps)
    # links at paragraph level
    lp_right = lp_all = 0
    covered = set()
    for a, b in r.link_pairs():
        ka, kb = sent_para.get(("a", a)), sent_para.get(("b", b))
        if ka is None or kb is None:
            continue
        oa, ob = doc["a_order"][ka], doc["b_order"][kb]
        lp_all += 1
        if oa == ob:
            lp_right += 1
            covered.add(oa)
    both = set(doc["a_order"]) & set(doc["b_order"])
    res["links"] = {"right": lp_right, "all": lp_all, "covered": len(covered & both),
                    "pairs": len(both)}
    # the changed number
    ch = doc["change"]
    if ch:
        s0, e0 = ch["byte_start"], ch["byte_end"]
        hit, how, statuses = False, None, []
        for f in r.facts:
            cp = f.get("counterpart") or {}
            on_b = f.get("side") == "b" and int(f.get("start", -1)) < e0 and int(f.get("end", -1)) > s0
            cp_b = cp.get("side") == "b" and int(cp.get("start", -1)) < e0 and int(cp.get("end", -1)) > s0
            if on_b and f.get("type") != "clause":
                statuses.append("%s %s" % (f.get("type"), f.get("status")))
            if f.get("status") != "conflict":
                continue
            vals = ac.numbers_in_value(f.get("value", "")) | ac.numbers_in_value(cp.get("value", ""))
            if on_b or cp_b:
                hit, how = True, "span"
                break
            if ch["new_value"] in vals:
                hit, how = True, "value"
        res["conflict"] = {"hit": hit, "how": how, "statuses_at_number": statuses,
                           "old": ch["old"], "new": ch["new"], "para": ch["para"]}
    return res


def _agg(results):
    tp_r = n_r = tp_p = n_p = 0
    byg = [0, 0, 0]   # recall hits, precision hits, flagged (gap rule)
    byf = [0, 0, 0]
    c_hit = c_n = 0
    l_right = l_all = l_cov = l_pairs = 0
    failed = 0
    for res in results:
        if not res["ok"]:
            failed += 1
            continue
        for p in res["paras"]:
            if p["lacks"]:
                n_r += 1
                tp_r += p["flagged"]
                byg[0] += p["by_gaps"]
                byf[0] += p["by_facts"]
            if p["flagged"]:
                n_p += 1
                tp_p += p["lacks"]
            if p["by_gaps"]:
                byg[2] += 1
                byg[1] += p["lacks"]
            if p["by_facts"]:
                byf[2] += 1
                byf[1] += p["lacks"]
        if "conflict" in res:
            c_n += 1
            c_hit += res["conflict"]["hit"]
        l_right += res["links"]["right"]
        l_all += res["links"]["all"]
        l_cov += res["links"]["covered"]
        l_pairs += res["links"]["pairs"]
    f = lambda a, b: a / b if b else None
    return {"recall": f(tp_r, n_r), "precision": f(tp_p, n_p),
            "conflict_rate": f(c_hit, c_n),
            "counts": {"removed": n_r, "flagged_removed": tp_r, "flagged": n_p,
                       "flagged_right": tp_p, "conflict_docs": c_n, "conflict_hits": c_hit,
                       "failed": failed},
            "gap_rule": {"recall": f(byg[0], n_r), "precision": f(byg[1], byg[2]), "flagged": byg[2]},
            "fact_rule": {"recall": f(byf[0], n_r), "precision": f(byf[1], byf[2]), "flagged": byf[2]},
            "links": {"precision": f(l_right, l_all), "coverage": f(l_cov, l_pairs),
                      "right": l_right, "all": l_all}}


def examples(docs, results, n=4):
    """Concrete errors: missed removals, false flags, number not in conflict."""
    byid = {d["docid"]: d for d in docs}
    missed, false, numbers_ = [], [], []
    for res in results:
        if not res["ok"]:
            continue
        doc = byid[res["docid"]]
        for p in res["paras"]:
            text = doc["en"][p["orig"]] if p["side"] == "a" else doc["es"][p["orig"]]
            item = {"docid": doc["docid"], "domain": doc["domain"], "side": p["side"],
                    "para": p["orig"], "sentences": p["n_sent"], "gaps": p["n_gap"],
                    "text": text, "swapped": p.get("swapped", False), "mode": res.get("mode")}
            if p["lacks"] and not p["flagged"]:
                missed.append(item)
            elif p["flagged"] and not p["lacks"]:
                item["counterpart"] = doc["es"][p["orig"]] if p["side"] == "a" else doc["en"][p["orig"]]
                false.append(item)
        c = res.get("conflict")
        if c and not c["hit"]:
            ch = doc["change"]
            numbers_.append({"docid": doc["docid"], "domain": doc["domain"], "old": c["old"],
                             "new": c["new"], "statuses": c["statuses_at_number"],
                             "en": doc["en"][ch["para"]], "es": doc["es"][ch["para"]]})
    rng = random.Random(SEED)
    pick = lambda xs: rng.sample(xs, min(n, len(xs)))
    return {"missed": pick(missed), "false_flags": pick(false), "number": pick(numbers_),
            "n_missed": len(missed), "n_false": len(false), "n_number": len(numbers_),
            "n_missed_no_sentence": sum(1 for x in missed if not x["sentences"]),
            "n_false_swapped": sum(1 for x in false if x["swapped"]),
            "number_status_counts": dict(collections.Counter(
                (", ".join(x["statuses"]) or "no value fact at the number") for x in numbers_))}


def evaluate(ddir, modes=MODES, jobs=None, limit=None, n_examples=4):
    docs = build_documents(ddir, limit)
    jobs = jobs or ac.jobs_default()
    out = {"seed": SEED, "n_docs": len(docs),
           "docs_by_domain": dict(collections.Counter(d["domain"] for d in docs)),
           "conflict_docs": sum(1 for d in docs if d["change"]), "modes": {}}
    with tempfile.TemporaryDirectory(prefix="plx-align-cmp-") as tmp:
        paths = []
        for k, d in enumerate(docs):
            a = Path(tmp) / ("%02d.en.txt" % k)
            b = Path(tmp) / ("%02d.es.txt" % k)
            a.write_bytes(d["a_text"])
            b.write_bytes(d["b_text"])
            paths.append((a, b))
        for mode in modes:
            def one(k):
                a, b = paths[k]
                r = ac.run_report("diff", a, b, mode=None if mode == "auto" else mode)
                return score_document(docs[k], r), r.elapsed, r.span_mismatches
            with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
                got = list(ex.map(one, range(len(docs))))
            results = [g[0] for g in got]
            m = _agg(results)
            m["by_domain"] = {dom: _agg([x for x in results if x["domain"] == dom])
                              for dom in DOMAINS}
            m["by_mode_used"] = {mu: _agg([x for x in results if x.get("mode") == mu])
                                 for mu in sorted({x.get("mode") for x in results if x["ok"]})}
            m["mode_picked"] = dict(collections.Counter(x.get("mode") or "?" for x in results if x["ok"]))
            m["seconds"] = round(sum(g[1] for g in got), 2)
            m["span_mismatches"] = sum(g[2] for g in got)
            m["failures"] = [{"docid": x["docid"], "error": x["error"], "stderr": x["stderr"]}
                             for x in results if not x["ok"]]
            m["examples"] = examples(docs, results, n_examples)
            out["modes"][mode] = m
    return out


def _f(x, p=3):
    return "n/a" if x is None else ("%.*f" % (p, x))


def _row(label, d):
    """One line of the report's table: the figures of all documents, of a
    domain, or of the documents where auto mode picked a mode."""
    c = d["counts"]
    return [label, _f(d["recall"]), _f(d["precision"]), _f(d["conflict_rate"]),
            "%d/%d" % (c["flagged_removed"], c["removed"]),
            "%d/%d" % (c["flagged_right"], c["flagged"]),
            "%d/%d" % (c["conflict_hits"], c["conflict_docs"]),
            _f(d["gap_rule"]["recall"]) + "/" + _f(d["gap_rule"]["precision"]),
            _f(d["fact_rule"]["recall"]) + "/" + _f(d["fact_rule"]["precision"]),
            _f(d["links"]["precision"]) + "/" + _f(d["links"]["coverage"])]


def print_report(res, out=sys.stdout):
    w = out.write
    w("Comparable articles: WMT24 en-" + TARGET + ", %d documents (%s), seed %d\n"
      % (res["n_docs"], ", ".join("%s %d" % kv for kv in res["docs_by_domain"].items()), res["seed"]))
    w("  per document: floor(n/4) Spanish and floor(n/6) English paragraphs removed, two "
      "Spanish paragraphs swapped, one number changed (%d documents have one)\n"
      % res["conflict_docs"])
    for mode, m in res["modes"].items():
        c = m["counts"]
        w("\n`parallax diff` %s (mode used: %s; %.1f s; failed runs: %d)\n"
          % ("(auto)" if mode == "auto" else "--mode " + mode,
             ", ".join("%s %d" % kv for kv in sorted(m["mode_picked"].items())),
             m["seconds"], c["failed"]))
        rows = [_row("all", m)]
        rows += [_row(dom, d) for dom, d in m["by_domain"].items()]
        if len(m.get("by_mode_used", {})) > 1:
            rows += [_row("(%s used)" % mu, d) for mu, d in m["by_mode_used"].items()]
        common.print_table(rows, header=["domain", "recall", "precision", "conflict",
                                         "removed flagged", "flags right", "number hits",
                                         "gap rule R/P", "fact rule R/P",
                                         "para-link P/cov"], out=out)
        ok = lambda x, t: x is not None and x >= t
        w("targets: recall >= %.2f %s; precision >= %.2f %s; conflict >= %.2f %s\n"
          % (TARGET_RECALL, "met" if ok(m["recall"], TARGET_RECALL) else "MISSED",
             TARGET_PRECISION, "met" if ok(m["precision"], TARGET_PRECISION) else "MISSED",
             TARGET_CONFLICT, "met" if ok(m["conflict_rate"], TARGET_CONFLICT) else "MISSED"))
        if m["span_mismatches"]:
            w("WARNING: %d sentences whose text is not the input bytes [start,end)\n"
              % m["span_mismatches"])
        for fl in m["failures"][:3]:
            w("  failed: %s: %s %s\n" % (fl["docid"], fl["error"], common.short(fl["stderr"], 200)))
        ex = m["examples"]
        if ex["missed"]:
            w("  removed-counterpart paragraphs not flagged (%d; %d of them with no counted "
              "sentence), e.g.:\n" % (ex["n_missed"], ex["n_missed_no_sentence"]))
            for x in ex["missed"]:
                w("    [%s %s side %s, %d/%d sentences gaps] %s\n"
                  % (x["domain"], x["docid"][-12:], x["side"], x["gaps"], x["sentences"],
                     common.short(x["text"], 140)))
        if ex["false_flags"]:
            w("  flagged although the counterpart is there (%d; %d of them one of the two "
              "swapped paragraphs), e.g.:\n" % (ex["n_false"], ex["n_false_swapped"]))
            for x in ex["false_flags"]:
                w("    [%s %s side %s, %s%s, %d/%d gaps] %s\n      counterpart: %s\n"
                  % (x["domain"], x["docid"][-12:], x["side"], x["mode"],
                     ", swapped" if x["swapped"] else "", x["gaps"], x["sentences"],
                     common.short(x["text"], 140), common.short(x["counterpart"], 140)))
        if ex["number"]:
            w("  changed number not reported as a conflict (%d): what the report says "
              "at the number: %s\n" % (ex["n_number"], ex["number_status_counts"]))
            for x in ex["number"]:
                w("    [%s] %s -> %s (%s)\n      en: %s\n      es: %s\n"
                  % (x["domain"], x["old"], x["new"], ", ".join(x["statuses"]) or "no fact",
                     common.short(x["en"], 140), common.short(x["es"], 140)))


def figures(res):
    """comparable:recall|precision|conflict (auto mode, the measured figures),
    comparable:<domain>:recall|precision, comparable:forced:recall|precision|conflict
    (--mode comparable)."""
    figs = {}
    r2 = lambda x: None if x is None else round(x, 4)
    for mode, m in res["modes"].items():
        base = "comparable:" if TARGET == "es" else "comparable-%s:" % TARGET
        pre = base if mode == "auto" else base + "forced:"
        figs[pre + "recall"] = r2(m["recall"])
        figs[pre + "precision"] = r2(m["precision"])
        figs[pre + "conflict"] = r2(m["conflict_rate"])
        if mode == "auto":
            for dom, d in m["by_domain"].items():
                figs[base + "%s:recall" % dom] = r2(d["recall"])
                figs[base + "%s:precision" % dom] = r2(d["precision"])
    return figs


def print_stats(docs, spot=2):
    c = collections.Counter(d["domain"] for d in docs)
    print("documents: %d (%s), seed %d" % (len(docs), dict(c), SEED))
    print("paragraphs: %d; Spanish removed %d; English removed %d; swaps %d"
          % (sum(d["n"] for d in docs), sum(len(d["es_removed"]) for d in docs),
             sum(len(d["en_removed"]) for d in docs), sum(1 for d in docs if d["swap"])))
    print("documents with a changeable number: %d (%s)"
          % (sum(1 for d in docs if d["change"]),
             dict(collections.Counter(d["domain"] for d in docs if d["change"]))))
    for d in docs:
        ch = d["change"]
        print("  %-9s %-58s n=%-3d es-=%-2d en-=%-2d swap=%-9s %s"
              % (d["domain"], d["docid"][:58], d["n"], len(d["es_removed"]), len(d["en_removed"]),
                 d["swap"], "%s->%s" % (ch["old"], ch["new"]) if ch else "-"))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--lang", default="es", choices=("es", "ru"),
                    help="the other language (default %(default)s)")
    ap.add_argument("--examples", type=int, default=4)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--jobs", "-j", type=int, default=ac.jobs_default())
    ap.add_argument("--stats", action="store_true",
                    help="only build the documents and print statistics")
    ap.add_argument("--dump", metavar="DIR", help="write the article pairs to DIR")
    args = ap.parse_args(argv)
    global TARGET
    TARGET = args.lang
    ddir = common.data_dir()
    if not all(f.is_file() for f in data_files(ddir)):
        print("SKIP: evaluation data not found at %s (set PARALLAX_DATA)" % ddir)
        return common.EXIT_SKIP
    if args.stats or args.dump:
        docs = build_documents(ddir, args.limit)
        print_stats(docs)
        if args.dump:
            os.makedirs(args.dump, exist_ok=True)
            for k, d in enumerate(docs):
                (Path(args.dump) / ("%02d.en.txt" % k)).write_bytes(d["a_text"])
                (Path(args.dump) / ("%02d.es.txt" % k)).write_bytes(d["b_text"])
                meta = {x: d[x] for x in ("docid", "domain", "n", "es_removed", "en_removed",
                                          "swap", "change", "a_order", "b_order",
                                          "a_spans", "b_spans")}
                (Path(args.dump) / ("%02d.json" % k)).write_text(json.dumps(meta, ensure_ascii=False))
            print("written to %s" % args.dump)
        return 0
    status = ac.preflight("align-comparable", ["diff"])
    if status is not None:
        return status
    res = evaluate(ddir, [m for m in args.modes.split(",") if m], args.jobs, args.limit,
                   args.examples)
    if args.json:
        print(json.dumps(res, indent=1, ensure_ascii=False))
    else:
        print_report(res)
    return 0


if __name__ == "__main__":
    common.run_main(main)
