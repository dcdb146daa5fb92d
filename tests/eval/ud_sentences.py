#!/usr/bin/env python3
"""Sentence segmentation from raw text on Universal Dependencies test sets.

For each treebank (en_ewt, en_pud, es_gsd, es_pud; `ud_treebanks/*-ud-test.conllu`)
the raw text is rebuilt from the `# text = ` lines:

  * sentences of one paragraph are joined by a single space;
  * each paragraph (`# newpar`, with or without `id = ...`) is on its own line
    (paragraphs separated by one newline);
  * documents (`# newdoc`, with or without an id) are separated by a blank line;
  * a treebank without paragraph marks has one paragraph per document, and one
    without document marks (es_gsd) is a single document, hence a single line;
  * the file ends with a newline.

Each gold sentence's byte span (UTF-8) in that text is recorded; parallax runs
once per treebank (`parallax split --lang L --format json FILE`), and its
sentences are scored as spans: a predicted sentence is correct iff its span,
after trimming whitespace at both ends, equals a gold span exactly (the CoNLL
2018 sentence metric in spirit).  P = correct/predicted, R = correct/gold,
F1 their harmonic mean, in percent.

Usage: ud_sentences.py [--treebank NAME]... [--errors N] [--json] [--dump DIR]
"""

import argparse
import collections
import json
import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree clean (no __pycache__)
sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

# name, language, anchor (published figures, ballpark), target F1 or None
TREEBANKS = [
    ("en_ewt", "en", "Stanza 1.5.1 89.16; CoNLL17 best (UD2.0 en) 78.01", None),
    ("en_pud", "en", "CoNLL17 best 98.06 (baseline 97.13)", 98.0),
    ("es_gsd", "es", "Stanza 1.5.1 95.60; CoNLL17 best (UD2.0 es) 95.37", 95.6),
    ("es_pud", "es", "CoNLL17 best 98.19 (HIT-SCIR)", 98.0),
    ("ru_pud", "ru", "CoNLL17 best 98.95", 99.0),
    ("ru_gsd", "ru", "Stanza 1.5.1 97.33; CoNLL17 best (UD2.0 ru) 97.16", 96.0),
    ("ru_taiga", "ru", "Stanza 1.5.1 89.67", None),
]

_RE_NEWDOC = re.compile(r"^#\s*newdoc(\s|=|$)")
_RE_NEWPAR = re.compile(r"^#\s*newpar(\s|=|$)")
_RE_TEXT = re.compile(r"^#\s*text\s*=\s?(.*)$")
_RE_SENTID = re.compile(r"^#\s*sent_id\s*=\s*(.*)$")


class GoldSentence:
    __slots__ = ("sent_id", "text", "newdoc", "newpar", "start", "end")

    def __init__(self, sent_id, text, newdoc, newpar):
        self.sent_id, self.text = sent_id, text
        self.newdoc, self.newpar = newdoc, newpar
        self.start = self.end = -1


def _text_from_tokens(tokens):
    """Surface text from token lines (fallback when `# text` is missing)."""
    out, skip_to = [], 0
    for cols in tokens:
        tid = cols[0]
        if "." in tid:
            continue
        if "-" in tid:
            a, b = tid.split("-", 1)
            skip_to = int(b)
        elif int(tid) <= skip_to:
            continue
        out.append(cols[1])
        misc = cols[9] if len(cols) > 9 else "_"
        if "SpaceAfter=No" not in misc.split("|"):
            out.append(" ")
    return "".join(out).strip()


def read_conllu(path):
    """Return the list of GoldSentence of a CoNLL-U file, in order."""
    sents = []
    comments, tokens = [], []

    def flush():
        if not comments and not tokens:
            return
        newdoc = any(_RE_NEWDOC.match(c) for c in comments)
        newpar = any(_RE_NEWPAR.match(c) for c in comments)
        text, sid = None, None
        for c in comments:
            m = _RE_TEXT.match(c)
            if m and text is None:
                text = m.group(1)
            m = _RE_SENTID.match(c)
            if m and sid is None:
                sid = m.group(1).strip()
        if text is None and tokens:
            text = _text_from_tokens(tokens)
        text = (text or "").strip()
        if tokens or text:
            sid = sid or "s%d" % (len(sents) + 1)
            sents.append(GoldSentence(sid, text, newdoc, newpar))
        elif newdoc or newpar:
            # marks on an empty block: carry them to the next sentence
            carry.extend(c for c in comments if _RE_NEWDOC.match(c) or _RE_NEWPAR.match(c))

    carry = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                comments = carry + comments
                carry = []
                flush()
                comments, tokens = [], []
            elif line.startswith("#"):
                comments.append(line)
            else:
                tokens.append(line.split("\t"))
    comments = carry + comments
    flush()
    return [s for s in sents if s.text]


def build_raw(sents):
    """Concatenate gold sentences into raw text; set byte spans. Returns bytes.

    Also returns statistics (documents, paragraphs).
    """
    docs = []  # [[ [GoldSentence, ...] (paragraph), ...] (document), ...]
    for s in sents:
        if s.newdoc or not docs:
            docs.append([[]])
        elif s.newpar and docs[-1][-1]:
            docs[-1].append([])
        docs[-1][-1].append(s)
    buf = bytearray()
    npar = 0
    for di, doc in enumerate(docs):
        if di:
            buf += b"\n\n"
        for pi, par in enumerate(doc):
            npar += 1
            if pi:
                buf += b"\n"
            for si, s in enumerate(par):
                if si:
                    buf += b" "
                b = s.text.encode("utf-8")
                s.start = len(buf)
                buf += b
                s.end = len(buf)
    buf += b"\n"
    return bytes(buf), {"documents": len(docs), "paragraphs": npar}


def trim_span(raw, a, b):
    """Trim whitespace (Unicode-aware) at both ends of raw[a:b]; byte offsets."""
    seg = raw[a:b].decode("utf-8", "replace")
    lead = len(seg) - len(seg.lstrip())
    trail = len(seg) - len(seg.rstrip())
    if lead == len(seg):
        return None
    a2 = a + len(seg[:lead].encode("utf-8"))
    b2 = b - len(seg[len(seg) - trail:].encode("utf-8")) if trail else b
    return a2, b2


def context(raw, pos, width=70):
    """One-line rendering of the text around byte offset pos, with a ‖ marker."""
    left = raw[max(0, pos - width * 2):pos].decode("utf-8", "replace")[-width:]
    right = raw[pos:pos + width * 2].decode("utf-8", "replace")[:width]
    def vis(s):
        return s.replace("\n", "⏎").replace("\t", "→")
    return "…%s‖%s…" % (vis(left), vis(right))


def _last_token(raw, pos):
    left = raw[max(0, pos - 200):pos].decode("utf-8", "replace").split()
    return left[-1] if left else ""


def _next_token(raw, pos):
    right = raw[pos:pos + 200].decode("utf-8", "replace").split()
    return right[0] if right else ""


def classify_boundary(raw, pos):
    """A coarse label of a boundary position, for error frequency tables."""
    tok = _last_token(raw, pos)
    nxt = _next_token(raw, pos)
    after = raw[pos:pos + 2].decode("utf-8", "replace")
    at_par = after.startswith("\n")
    last = tok[-1:] if tok else ""
    closers = "\"'”’»)]"
    core = tok.rstrip(closers)
    endch = core[-1:] if core else ""
    if at_par:
        where = "at paragraph end"
    elif not tok:
        where = "start"
    else:
        where = "mid-line"
    if endch == "." and re.fullmatch(r"(?:[A-Za-zÀ-ÿ]{1,4}\.)+", core.lstrip("(\"'“‘«¿¡")):
        kind = "after short word+period (abbrev?) %r" % core
    elif endch == ".":
        kind = "after '.'" + (" + closing %r" % last if last in closers else "")
    elif endch in "?!":
        kind = "after %r" % endch + (" + closing %r" % last if last in closers else "")
    elif endch in ":;":
        kind = "after %r" % endch
    elif endch == "…":
        kind = "after '…'"
    elif last in closers:
        kind = "after closing %r (no terminal punct)" % last
    else:
        kind = "no terminal punctuation"
    nk = ""
    if nxt:
        c = nxt.lstrip("\"'“‘«¿¡([")[:1]
        if c.islower():
            nk = ", next lowercase"
        elif c.isdigit():
            nk = ", next digit"
        elif not c.isalpha() and c:
            nk = ", next %r" % c
    return "%s%s (%s)" % (kind, nk, where)


def evaluate_treebank(name, lang, ddir, dump_dir=None, errors=0):
    path = ddir / "ud_treebanks" / ("%s-ud-test.conllu" % name)
    sents = read_conllu(path)
    raw, stats = build_raw(sents)
    gold = {(s.start, s.end) for s in sents}
    res = common.split_bytes(raw, lang)
    r = {"treebank": name, "lang": lang, "gold": len(gold),
         "documents": stats["documents"], "paragraphs": stats["paragraphs"],
         "raw_bytes": len(raw), "ok": res.ok, "error": res.error,
         "stderr": res.stderr.strip()[-2000:], "span_mismatches": res.span_mismatches}
    pred = []
    if res.ok:
        for a, b in res.spans:
            t = trim_span(raw, a, b)
            if t is not None:
                pred.append(t)
    pred_set = set(pred)
    correct = len(pred_set & gold)
    p, rr, f = common.prf(correct, len(pred), len(gold))
    r.update({"predicted": len(pred), "correct": correct,
              "precision": round(p, 2), "recall": round(rr, 2), "f1": round(f, 2)})
    # boundary view (secondary figure): sentence ends
    gold_ends = {b for _, b in gold}
    pred_ends = {b for _, b in pred}
    bc = len(gold_ends & pred_ends)
    bp, br, bf = common.prf(bc, len(pred_ends), len(gold_ends))
    r["boundary"] = {"precision": round(bp, 2), "recall": round(br, 2), "f1": round(bf, 2)}
    false_splits = sorted(pred_ends - gold_ends)
    missed = sorted(gold_ends - pred_ends)
    r["false_splits"] = len(false_splits)
    r["missed_boundaries"] = len(missed)
    fs_kinds = collections.Counter(classify_boundary(raw, x) for x in false_splits)
    mb_kinds = collections.Counter(classify_boundary(raw, x) for x in missed)
    r["false_split_kinds"] = fs_kinds.most_common(15)
    r["missed_kinds"] = mb_kinds.most_common(15)
    if errors:
        r["false_split_examples"] = [{"pos": x, "context": context(raw, x)}
                                     for x in false_splits[:errors]]
        r["missed_examples"] = [{"pos": x, "context": context(raw, x)}
                                for x in missed[:errors]]
    if dump_dir:
        d = Path(dump_dir)
        d.mkdir(parents=True, exist_ok=True)
        (d / ("%s.txt" % name)).write_bytes(raw)
        with open(d / ("%s.gold.tsv" % name), "w", encoding="utf-8") as f:
            f.write("start\tend\tsent_id\ttext\n")
            for s in sents:
                f.write("%d\t%d\t%s\t%s\n" % (s.start, s.end, s.sent_id, s.text))
        with open(d / ("%s.pred.json" % name), "w", encoding="utf-8") as f:
            json.dump({"ok": res.ok, "error": res.error, "lang": res.lang,
                       "sentences": res.sentences}, f, ensure_ascii=False, indent=1)
        r["dump"] = {"raw": str(d / ("%s.txt" % name)),
                     "gold": str(d / ("%s.gold.tsv" % name)),
                     "pred": str(d / ("%s.pred.json" % name)),
                     "rerun": "%s split --lang %s --format json %s"
                              % (common.binary_path(), lang, d / ("%s.txt" % name))}
    return r


def evaluate(treebanks=None, ddir=None, dump_dir=None, errors=0):
    ddir = ddir or common.data_dir()
    out = []
    for name, lang, anchor, target in TREEBANKS:
        if treebanks and name not in treebanks:
            continue
        r = evaluate_treebank(name, lang, ddir, dump_dir, errors)
        r["anchor"] = anchor
        r["target"] = target
        r["target_met"] = None if target is None else (r["f1"] >= target)
        out.append(r)
    return out


def print_report(results, errors=0, out=sys.stdout):
    rows = []
    for r in results:
        tgt = "-" if r["target"] is None else (">= %.1f %s" % (
            r["target"], "ok" if r["target_met"] else "MISSED"))
        rows.append([r["treebank"], r["gold"], r["predicted"], r["correct"],
                     "%.2f" % r["precision"], "%.2f" % r["recall"], "%.2f" % r["f1"],
                     tgt, r["anchor"]])
    common.print_table(rows, header=["treebank", "gold", "pred", "correct", "P", "R",
                                     "F1", "target (F1)", "anchor (F1, other data versions)"],
                       out=out)
    out.write("(span metric: predicted sentence, trimmed, must equal a gold span exactly)\n")
    for r in results:
        if not r["ok"]:
            out.write("%s: parallax FAILED: %s\n" % (r["treebank"], r["error"]))
            if r["stderr"]:
                out.write("  stderr: %s\n" % common.short(r["stderr"], 600))
        if r["span_mismatches"]:
            out.write("%s: WARNING: %d sentence(s) whose \"text\" is not input[start:end]\n"
                      % (r["treebank"], r["span_mismatches"]))
        if "dump" in r:
            out.write("%s: dumped %s, %s, %s\n  rerun: %s\n" % (
                r["treebank"], r["dump"]["raw"], r["dump"]["gold"], r["dump"]["pred"],
                r["dump"]["rerun"]))
    if errors:
        for r in results:
            b = r["boundary"]
            out.write("\n==== %s: %d documents, %d paragraphs, %d bytes; boundary P/R/F1 "
                      "%.2f/%.2f/%.2f; %d false splits, %d missed boundaries\n" % (
                          r["treebank"], r["documents"], r["paragraphs"], r["raw_bytes"],
                          b["precision"], b["recall"], b["f1"],
                          r["false_splits"], r["missed_boundaries"]))
            out.write("-- false splits by kind:\n")
            for k, n in r["false_split_kinds"]:
                out.write("  %4d  %s\n" % (n, k))
            out.write("-- missed boundaries by kind:\n")
            for k, n in r["missed_kinds"]:
                out.write("  %4d  %s\n" % (n, k))
            out.write("-- false splits (parallax split at ‖, gold does not):\n")
            for e in r.get("false_split_examples", []):
                out.write("  @%d %s\n" % (e["pos"], e["context"]))
            out.write("-- missed boundaries (gold sentence ends at ‖, parallax does not split):\n")
            for e in r.get("missed_examples", []):
                out.write("  @%d %s\n" % (e["pos"], e["context"]))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--treebank", action="append", metavar="NAME",
                    choices=[t[0] for t in TREEBANKS], help="only this treebank (repeatable)")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print up to N false splits and N missed boundaries per treebank,"
                         " with context and frequency tables")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--dump", metavar="DIR",
                    help="write DIR/<tb>.txt (raw text), <tb>.gold.tsv, <tb>.pred.json")
    args = ap.parse_args(argv)

    ddir = common.data_dir()
    if not (ddir / "ud_treebanks").is_dir():
        print("SKIP: evaluation data not found at %s (set PARALLAX_DATA)" % ddir)
        return common.EXIT_SKIP
    err = common.check_binary()
    if err:
        print("parallax-eval: %s" % err, file=sys.stderr)
        return common.EXIT_HARD_ERROR
    results = evaluate(args.treebank, ddir, args.dump, args.errors)
    if args.json:
        print(json.dumps({"binary": str(common.binary_path()), "data": str(ddir),
                          "metric": "sentence spans, trimmed, exact match; P/R/F1 in %",
                          "treebanks": results}, indent=2, ensure_ascii=False))
    else:
        print("UD sentence segmentation from raw text (binary %s)\n" % common.binary_path())
        print_report(results, args.errors)
    return 0


if __name__ == "__main__":
    common.run_main(main)
