#!/usr/bin/env python3
"""Claims inside linked sentences: false alarms on faithful translations,
edited details found, real omissions found (standard library only).

Parts (data in ../shared/data or $PARALLAX_DATA, see SOURCES.md there):

  flores    FLORES-200 devtest, the 1012 en-es pairs, each sentence in a file
            of its own: the share of honest translations `parallax diff`
            reports a difference for (exit 1). Target <= 5 %.
  newstest  newstest2013 en-es, professional news translations as they are,
            75 documents of 40 segments: documents that come out clean, and
            the share of segments with something reported (no target: the
            same measure as the issue's held-out professional translations).
  exsemdiv  Ex-SemDiv (Briakou et al. 2023): 67 FLORES pairs; for 20 the
            English was edited to change its meaning, 47 are the original
            translations, and 10 more are paraphrased Englishes (meaning
            kept): 57 others. Each pair's score is the highest score of a
            fact reported on it (0 when none); recall of the 20 at the score
            that flags at most 10 % of the 57 (target >= 0.45), and what the
            default options flag. At that same score, token F1 of the facts
            inside linked sentences (detail, name, value: not clauses or
            sentences) against the tokens the edit touched: English, the edited
            sentence's words that a word diff against the original FLORES
            English marks inserted or replaced; Spanish, the words the
            original English's SimAlign alignment (the paraphrase file,
            where its English is the original) ties only to deleted or
            replaced English words. AER of the links' `words` against the
            SimAlign alignments of both files (whitespace tokens).
  biomqm    Bio-MQM development documents (Zouhar et al. 2024): each
            system's translation of a document as one pair, a segment a
            line (`--segmented --mode parallel`). A source segment with a
            Major or Critical Accuracy/Omission is found when a fact or gap
            is reported on it (target >= 0.60); a segment pair with no
            Accuracy error is a false alarm when anything is reported on
            either of its two segments (target <= 5 %). Also: the share of
            omitted bytes inside a reported fact's span.

Exit status: 0 (figures reported); 77 without the data; 99 when the program
is missing or a floors file is bad; 1 with --floors when a figure falls
below its floor (keys ending in ":flagged" or ":aer" are ceilings).
"""

import argparse
import csv
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

PARTS = ("flores", "newstest", "exsemdiv", "biomqm", "flores-ru", "newstest-ru")
CEILING_SUFFIXES = ("flagged", ":aer")  # (newstest:clean_docs is a floor)


def known_keys():
    return {"flores:flagged", "newstest:flagged", "newstest:clean_docs",
            "exsemdiv:recall@10", "exsemdiv:default_recall", "exsemdiv:default_flagged",
            "exsemdiv:f1_en", "exsemdiv:f1_es", "exsemdiv:aer",
            "biomqm:omission_found", "biomqm:clean_flagged", "biomqm:omitted_bytes",
            "flores-ru-en:flagged", "flores-ru-es:flagged", "newstest-ru:flagged",
            "newstest-ru:clean_docs"}


# ---- running parallax batch ----

def options_supported():
    """Options of this build that the evaluation uses when it has them."""
    try:
        out = subprocess.run([str(common.binary_path()), "--help"], capture_output=True,
                             timeout=30).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.TimeoutExpired):
        return set()
    return {"--min-score"} if "facts scoring" in out else set()


def run_batch(jobs, tmp, extra=(), threads=None):
    """Run `parallax batch` on jobs (dicts); the result lines in job order."""
    path = os.path.join(tmp, "jobs-%d.jsonl" % len(os.listdir(tmp)))
    with open(path, "w", encoding="utf-8") as f:
        for j in jobs:
            f.write(json.dumps(j, ensure_ascii=False) + "\n")
    threads = threads or max(1, min(2, os.cpu_count() or 1))
    cmd = [str(common.binary_path()), "batch", "-j", str(threads)] + list(extra) + [path]
    p = subprocess.run(cmd, capture_output=True, timeout=3600)
    if p.returncode not in (0, 1):
        raise RuntimeError("parallax batch exit %d: %s" % (
            p.returncode, p.stderr.decode("utf-8", "replace")[:500]))
    lines = [json.loads(l) for l in p.stdout.decode("utf-8").splitlines() if l.strip()]
    if len(lines) != len(jobs):
        raise RuntimeError("parallax batch: %d results for %d jobs" % (len(lines), len(jobs)))
    for l in lines:
        if l.get("status") == "error":
            raise RuntimeError("job %s: %s" % (l.get("id"), l.get("error")))
    return lines


def reported(fact):
    return fact.get("status") in ("missing", "conflict")


def fact_score(fact):
    s = fact.get("score")
    return 1.0 if s is None else float(s)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# ---- FLORES ----

FLORES_FILES = {"en": ("flores200_en_es", "eng_Latn.devtest"),
                "es": ("flores200_en_es", "spa_Latn.devtest"),
                "ru": ("flores200_ru", "rus_Cyrl.devtest")}


def flores_lines(data, lang):
    d, name = FLORES_FILES[lang]
    return (data / d / name).read_text(encoding="utf-8").rstrip("\n").split("\n")


def part_flores(data, tmp, opts, verbose, la="en", lb="es", key="flores"):
    en, es = flores_lines(data, la), flores_lines(data, lb)
    jobs = []
    for i, (x, y) in enumerate(zip(en, es)):
        a, b = os.path.join(tmp, "%s%d.%s" % (key, i, la)), os.path.join(tmp, "%s%d.%s" % (key, i, lb))
        write(a, x + "\n")
        write(b, y + "\n")
        jobs.append({"a": a, "b": b, "id": i, "lang_a": la, "lang_b": lb})
    res = run_batch(jobs, tmp)
    flagged = [r for r in res if r["status"] == "different"]
    figs = {key + ":flagged": round(len(flagged) / len(res), 4)}
    print("FLORES devtest, %d honest %s-%s pairs: %d flagged (%.1f %%; target <= 5 %%)" % (
        len(res), la, lb, len(flagged), 100.0 * len(flagged) / len(res)))
    kinds = {}
    for r in flagged:
        for f in r["report"]["facts"]:
            if reported(f):
                kinds[f["type"]] = kinds.get(f["type"], 0) + 1
    if kinds:
        print("  reported facts by type: " + ", ".join(
            "%s %d" % kv for kv in sorted(kinds.items(), key=lambda kv: -kv[1])))
    if verbose:
        for r in flagged[:verbose]:
            rep = r["report"]
            print("  #%s" % r["id"])
            for f in rep["facts"]:
                if reported(f):
                    print("    %s %s %s %r (%.2f)" % (f["side"], f["type"], f["status"],
                                                   f.get("text", ""), fact_score(f)))
    return figs


# ---- newstest2013: professional translations, whole documents ----

def part_newstest(data, tmp, opts, verbose, lb="es", key="newstest"):
    """newstest2013 en-es (or en-ru) as it is (no sentence removed): 75
    documents of 40 segments, `--segmented`, default options; documents
    that come out clean and the share of A's segments with something
    reported on either side."""
    en = (data / "wmt_newstest_en_es" / "newstest2013.en").read_text(encoding="utf-8").split("\n")
    es = (data / ("wmt_newstest_en_%s" % lb) / ("newstest2013.%s" % lb)).read_text(
        encoding="utf-8").split("\n")
    jobs = []
    for k in range(75):
        lo = 40 * k
        if lo + 40 > min(len(en), len(es)):
            break
        a, b = os.path.join(tmp, "%s%d.en" % (key, k)), os.path.join(tmp, "%s%d.%s" % (key, k, lb))
        write(a, "\n".join(en[lo:lo + 40]) + "\n")
        write(b, "\n".join(es[lo:lo + 40]) + "\n")
        jobs.append({"a": a, "b": b, "id": k, "lang_a": "en", "lang_b": lb})
    res = run_batch(jobs, tmp, ["--segmented"])
    clean = sum(1 for r in res if r["status"] == "same")
    segs = flagged = 0
    kinds = {}
    for r in res:
        rep = r["report"]
        hit = set()
        for f in rep["facts"]:
            if reported(f):
                hit.add(int(f["sentence"]))
                kinds[f["type"]] = kinds.get(f["type"], 0) + 1
        for g in rep.get("gaps", []):
            hit.add(int(g["sentence"]))
        segs += len(rep["a"]["sentences"])
        flagged += len(hit)
    print("newstest2013 en-%s, %d professional translations of 40 segments: %d clean (%.0f %%), "
          "%.1f %% of segments with something reported" % (
              lb, len(res), clean, 100.0 * clean / len(res), 100.0 * flagged / segs))
    print("  reported facts by type: " + ", ".join(
        "%s %d" % kv for kv in sorted(kinds.items(), key=lambda kv: -kv[1])))
    return {key + ":clean_docs": round(clean / len(res), 4),
            key + ":flagged": round(flagged / segs, 4)}


# ---- Russian (issue 13): the same measures of faithful translations ----

def part_flores_ru(data, tmp, opts, verbose):
    figs = part_flores(data, tmp, opts, verbose, "ru", "en", "flores-ru-en")
    figs.update(part_flores(data, tmp, opts, verbose, "ru", "es", "flores-ru-es"))
    return figs


def part_newstest_ru(data, tmp, opts, verbose):
    return part_newstest(data, tmp, opts, verbose, "ru", "newstest-ru")


# ---- Ex-SemDiv ----

_WORD = re.compile(r"\w+", re.UNICODE)


def ws_tokens(s):
    """Whitespace tokens with their byte spans (SimAlign's tokens)."""
    out = []
    for m in re.finditer(r"\S+", s):
        bs = len(s[:m.start()].encode("utf-8"))
        out.append((m.group(0), bs, bs + len(m.group(0).encode("utf-8"))))
    return out


def norm_tok(t):
    return "".join(_WORD.findall(t.lower()))


def parse_links(s):
    return {(int(a), int(b)) for a, b in re.findall(r"\((\d+),\s*(\d+)\)", s)}


def touched(orig, edited):
    """Indices of the edited tokens a word diff marks inserted or replaced,
    and of the original tokens it marks deleted or replaced."""
    o = [norm_tok(t) for t in orig]
    e = [norm_tok(t) for t in edited]
    sm = difflib.SequenceMatcher(a=o, b=e, autojunk=False)
    ins, dele = set(), set()
    for tag, a0, a1, b0, b1 in sm.get_opcodes():
        if tag == "equal":
            continue
        dele.update(k for k in range(a0, a1) if o[k])
        ins.update(k for k in range(b0, b1) if e[k])
    return ins, dele


def covered(toks, spans):
    """Indices of tokens that overlap one of the byte spans."""
    out = set()
    for k, (_, s, e) in enumerate(toks):
        if norm_tok(_) and any(s < fe and fs < e for fs, fe in spans):
            out.add(k)
    return out


def part_exsemdiv(data, tmp, opts, verbose):
    d = data / "exsemdiv_flores_en_es"
    labels = list(csv.DictReader(open(d / "labels_derived.tsv", encoding="utf-8"),
                                 delimiter="\t"))
    edits = [l.rstrip("\n").split("\t") for l in
             open(d / "spa_Latn.devtest.equivalents.chatgpt.edits_alignments", encoding="utf-8")]
    paras = [l.rstrip("\n").split("\t") for l in
             open(d / "spa_Latn.devtest.equivalents.chatgpt.paraphrase_alignments",
                  encoding="utf-8")]
    flores_en = (data / "flores200_en_es" / "eng_Latn.devtest").read_text(
        encoding="utf-8").split("\n")
    items = []  # (kind, en, es, simalign links, label row)
    for r in labels:
        i = int(r["line"])
        items.append(("edit" if r["edits_file_label"] == "divergent" else "equal",
                      edits[i][0], edits[i][1], parse_links(edits[i][2]), r))
    for r in labels:
        i = int(r["line"])
        if r["paraphrase_file_label"] == "paraphrase":
            items.append(("para", paras[i][0], paras[i][1], parse_links(paras[i][2]), r))
    extra = ["--min-score", "0"] if "--min-score" in opts else []
    jobs = []
    for k, (kind, en, es, _, _) in enumerate(items):
        a, b = os.path.join(tmp, "sd%d.en" % k), os.path.join(tmp, "sd%d.es" % k)
        write(a, en + "\n")
        write(b, es + "\n")
        jobs.append({"a": a, "b": b, "id": k, "lang_a": "en", "lang_b": "es"})
    res = run_batch(jobs, tmp, extra)
    res_default = run_batch(jobs, tmp) if extra else res
    figs = {}
    # detection
    score = []
    for (kind, *_), r in zip(items, res):
        s = max([fact_score(f) for f in r["report"]["facts"] if reported(f)] or [0.0])
        score.append((kind, s))
    pos = sorted((s for k, s in score if k == "edit"), reverse=True)
    neg = sorted((s for k, s in score if k != "edit"), reverse=True)
    allowed = int(0.10 * len(neg))  # at most 10 % of the others flagged
    # the lowest threshold that flags no more than `allowed` others: flagged = score > t
    t = neg[allowed] if allowed < len(neg) else 0.0
    rec = sum(1 for s in pos if s > t) / len(pos)
    nflag = sum(1 for s in neg if s > t)
    figs["exsemdiv:recall@10"] = round(rec, 4)
    dflag = [r["status"] == "different" for r in res_default]
    dpos = sum(1 for (k, *_), f in zip(items, dflag) if k == "edit" and f)
    dneg = sum(1 for (k, *_), f in zip(items, dflag) if k != "edit" and f)
    figs["exsemdiv:default_recall"] = round(dpos / len(pos), 4)
    figs["exsemdiv:default_flagged"] = round(dneg / len(neg), 4)
    print("Ex-SemDiv: %d edited pairs, %d others (%d unedited, %d paraphrased)" % (
        len(pos), len(neg), sum(1 for k, _ in score if k == "equal"),
        sum(1 for k, _ in score if k == "para")))
    print("  recall at <= 10 %% of the others flagged: %.3f (%d/%d; score > %.3f flags %d/%d "
          "others; target >= 0.45, stretch 0.60)" % (rec, sum(1 for s in pos if s > t),
                                                      len(pos), t, nflag, len(neg)))
    print("  default options: %d/%d edited flagged (%.3f), %d/%d others (%.3f)" % (
        dpos, len(pos), dpos / len(pos), dneg, len(neg), dneg / len(neg)))
    # detail tokens: the spans of the facts inside linked sentences, all of
    # them (score > 0: what the program marks as different at all, the
    # quality of its spans) and those above the threshold of the recall
    # figure (what an editor sees at that setting)
    for label, cut in (("all", 0.0), ("at", t)):
        tp = {"en": 0, "es": 0}
        npred = {"en": 0, "es": 0}
        ngold = {"en": 0, "es": 0}
        for (kind, en, es, links, lab), r in zip(items, res):
            if kind != "edit":
                continue
            line = int(lab["line"])
            orig = flores_en[int(lab["flores200_devtest_index"])]
            te, ts = ws_tokens(en), ws_tokens(es)
            ins, dele = touched([t_ for t_, _, _ in ws_tokens(orig)], [t_ for t_, _, _ in te])
            gold_en = ins
            gold_es = set()
            olinks = parse_links(paras[line][2]) if \
                lab["paraphrase_file_label"] == "equivalent" else set()
            for j in range(len(ts)):
                src = {i for i, jj in olinks if jj == j}
                if src and src <= dele and norm_tok(ts[j][0]):
                    gold_es.add(j)
            spans = {"a": [], "b": []}
            for f in r["report"]["facts"]:
                if reported(f) and f["type"] != "clause" and fact_score(f) > cut:
                    spans[f["side"]].append((f["start"], f["end"]))
            pred_en, pred_es = covered(te, spans["a"]), covered(ts, spans["b"])
            for lang, g, p in (("en", gold_en, pred_en), ("es", gold_es, pred_es)):
                tp[lang] += len(g & p)
                npred[lang] += len(p)
                ngold[lang] += len(g)
            if verbose and label == "all":
                print("  #%d EN gold %s pred %s | ES gold %s pred %s" % (
                    line, [te[k][0] for k in sorted(gold_en)],
                    [te[k][0] for k in sorted(pred_en)],
                    [ts[k][0] for k in sorted(gold_es)], [ts[k][0] for k in sorted(pred_es)]))
        for lang, target in (("en", 0.60), ("es", 0.45)):
            p, rr, f1 = common_prf(tp[lang], npred[lang], ngold[lang])
            if label == "all":
                figs["exsemdiv:f1_" + lang] = round(f1, 4)
            print("  %s tokens of facts in linked sentences, edited pairs, %s: P %.3f R %.3f "
                  "F1 %.3f%s (%d gold, %d marked)" % (
                      "English" if lang == "en" else "Spanish",
                      "all (score > 0)" if label == "all" else "score > %.3f" % t, p, rr, f1,
                      " (target >= %.2f)" % target if label == "all" else "", ngold[lang],
                      npred[lang]))
    # AER
    inter = npr = ngo = 0
    with_words = 0
    for (kind, en, es, links, _), r in zip(items, res_default):
        te, ts = ws_tokens(en), ws_tokens(es)
        pred = set()
        for l in r["report"].get("links", []):
            for w in l.get("words", []) or []:
                with_words += 1
                ia = [k for k, (_, s, e) in enumerate(te) if s < w[1] and w[0] < e]
                ib = [k for k, (_, s, e) in enumerate(ts) if s < w[3] and w[2] < e]
                pred.update((x, y) for x in ia for y in ib)
        inter += len(pred & links)
        npr += len(pred)
        ngo += len(links)
    if with_words:
        aer = 1 - 2 * inter / (npr + ngo) if npr + ngo else 1.0
        figs["exsemdiv:aer"] = round(aer, 4)
        print("  AER of the links' words against SimAlign: %.3f (P %.3f, R %.3f; %d pairs; "
              "target <= 0.30)" % (aer, inter / npr if npr else 0, inter / ngo if ngo else 0,
                                   len(items)))
    else:
        print("  AER: the links carry no `words` (not built yet)")
    return figs


def common_prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ---- Bio-MQM ----

def seg_text(s):
    return " ".join((s or "").split())


def part_biomqm(data, tmp, opts, verbose):
    d = data / "bio_mqm_dev"
    jobs, docs = [], []
    for direction in ("en2es", "es2en"):
        la, lb = direction[:2], direction[3:]
        for f in sorted((d / direction).glob("*.json")):
            segs = json.load(open(f, encoding="utf-8"))
            bydoc = {}
            for s in segs:
                bydoc.setdefault(s["DOC_ID"], []).append(s)
            for doc, ss in sorted(bydoc.items()):
                ss.sort(key=lambda s: int(s["SEG_ID"]))
                k = len(jobs)
                a, b = os.path.join(tmp, "bm%d.%s" % (k, la)), os.path.join(tmp, "bm%d.%s" % (k, lb))
                src = [seg_text(s["source"]) for s in ss]
                write(a, "\n".join(src) + "\n")
                write(b, "\n".join(seg_text(s["target"]) for s in ss) + "\n")
                jobs.append({"a": a, "b": b, "id": k, "lang_a": la, "lang_b": lb,
                             "mode": "parallel"})
                docs.append((direction, f.stem, doc, ss, src))
    res = run_batch(jobs, tmp, ["--segmented"])
    om = om_found = clean = clean_flag = 0
    om_bytes = om_cov = 0
    for (direction, system, doc, ss, src), r in zip(docs, res):
        rep = r["report"]
        flag = {"a": set(), "b": set()}
        spans = {}
        for f in rep["facts"]:
            if reported(f):
                flag[f["side"]].add(int(f["sentence"]))
                if f["side"] == "a":
                    spans.setdefault(int(f["sentence"]), []).append((f["start"], f["end"]))
        for g in rep.get("gaps", []):
            flag[g["side"]].add(int(g["sentence"]))
        starts = {int(s["id"]): int(s["start"]) for s in rep["a"]["sentences"]}
        gaps_a = {int(g["sentence"]) for g in rep.get("gaps", []) if g["side"] == "a"}
        for i, s in enumerate(ss):
            errs = (s.get("source_errors") or []) + (s.get("target_errors") or [])
            omissions = [e for e in errs if e.get("error_category") == "Accuracy" and
                         e.get("error_subcategory") == "Omission" and
                         e.get("severity") in ("Major", "Critical")]
            if omissions:
                om += 1
                if i in flag["a"]:
                    om_found += 1
                text = src[i]
                for e in omissions:
                    term = seg_text(e.get("term", ""))
                    pos = text.find(term) if term else -1
                    if pos < 0:
                        continue
                    bs = len(text[:pos].encode("utf-8"))
                    be = bs + len(term.encode("utf-8"))
                    om_bytes += be - bs
                    base = starts.get(i, 0)
                    if i in gaps_a:
                        om_cov += be - bs  # the whole segment is reported
                        continue
                    hit = set()
                    for fs, fe in spans.get(i, []):
                        hit.update(range(max(fs - base, bs), min(fe - base, be)))
                    om_cov += len(hit)
                if verbose:
                    print("  %s %s %s seg %d %s: %s" % (
                        direction, system, doc, i, "FOUND" if i in flag["a"] else "missed",
                        "; ".join(seg_text(e.get("term", "")) for e in omissions)))
            elif not any(e.get("error_category") == "Accuracy" for e in errs):
                clean += 1
                if i in flag["a"] or i in flag["b"]:
                    clean_flag += 1
    figs = {"biomqm:omission_found": round(om_found / om, 4) if om else None,
            "biomqm:clean_flagged": round(clean_flag / clean, 4) if clean else None,
            "biomqm:omitted_bytes": round(om_cov / om_bytes, 4) if om_bytes else None}
    print("Bio-MQM dev, %d pairs (system x document), %d segments" % (
        len(jobs), sum(len(x[3]) for x in docs)))
    print("  segments with a Major/Critical omission flagged: %d/%d = %.3f (target >= 0.60)" % (
        om_found, om, om_found / om if om else 0))
    print("  segments with no accuracy error flagged: %d/%d = %.3f (target <= 0.05)" % (
        clean_flag, clean, clean_flag / clean if clean else 0))
    print("  omitted bytes inside a reported fact: %.3f" % (om_cov / om_bytes if om_bytes else 0))
    return figs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default=",".join(PARTS), help="parts, comma-separated")
    ap.add_argument("--floors", help="fail if a figure falls below this floors file")
    ap.add_argument("--write-floors", help="write the figures to this file")
    ap.add_argument("--verbose", type=int, nargs="?", const=40, default=0,
                    help="show cases (up to N)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    err = common.check_binary()
    if err:
        print("claims.py: " + err, file=sys.stderr)
        return common.EXIT_HARD_ERROR
    data = common.data_dir()
    if not (data / "flores200_en_es").is_dir():
        print("SKIP: evaluation data not found at %s (set PARALLAX_DATA)" % data)
        return common.EXIT_SKIP
    opts = options_supported()
    figs = {}
    parts = [p for p in args.only.split(",") if p]
    for p in parts:
        if p not in PARTS:
            print("claims.py: unknown part %r" % p, file=sys.stderr)
            return common.EXIT_HARD_ERROR
    with tempfile.TemporaryDirectory(prefix="plx-claims-") as tmp:
        for p in parts:
            figs.update(globals()["part_" + p.replace("-", "_")](data, tmp, opts, args.verbose))
    if args.json:
        print(json.dumps(figs, indent=2, sort_keys=True))
    if args.write_floors:
        with open(args.write_floors, "w", encoding="utf-8") as f:
            json.dump({k: v for k, v in figs.items() if v is not None}, f, indent=2,
                      sort_keys=True)
            f.write("\n")
    if args.floors:
        below, ferr = common.check_floors(args.floors, figs, (), known_keys())
        if ferr:
            print("claims.py: " + ferr, file=sys.stderr)
            return common.EXIT_HARD_ERROR
        # ceilings: shares of false alarms and error rates must not rise
        below = [b for b in below if not b.split(" ")[0].endswith(CEILING_SUFFIXES)]
        for k, v in json.load(open(args.floors, encoding="utf-8")).items():
            if k.endswith(CEILING_SUFFIXES) and figs.get(k) is not None and figs[k] - 1e-9 > v:
                below.append("%s = %s > ceiling %s" % (k, figs[k], v))
        common.print_floors(args.floors, below, args.write_floors)
        return 1 if below else 0
    return 0


if __name__ == "__main__":
    common.run_main(main)
