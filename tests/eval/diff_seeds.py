#!/usr/bin/env python3
"""The seed pair: does `parallax diff` agree with a careful bilingual editor?

Issue text: "The seed pair: write down, as a careful bilingual editor would,
which facts each article has that the other lacks (corpus/jedi/EXPECTED.md),
and compare the report with it."

Runs `parallax diff --format json corpus/jedi/en.txt corpus/jedi/es.txt` and
checks every item of the fenced ```expected block of corpus/jedi/EXPECTED.md
(the format is described there):

  missing SIDE "q"              a fact overlapping q has status "missing"
                                (or, lacking such a fact, q's sentence is a gap)
  missing SIDE sentence "q"     q's sentence is a gap, or all its facts are missing
  matched "qa" "qb"             a value fact overlapping qa or qb is "matched",
                                and none overlapping them is missing/conflict
  matched sentence "qa" "qb"    a link joins qa's and qb's sentences; neither is a gap
  ignore SIDE "q"               q's sentence is no gap, no fact of it missing/conflict
  unscored ...                  shown only

Recall-style: items the report agrees with / items scored. Precision-style:
every claim of the report (a gap, a fact "missing" or "conflict") is
agreeing (it falls on an expected missing item), contradicting (it falls on a
matched / ignore item, or is a conflict: none is expected) or unassessed;
precision = agreeing / (agreeing + contradicting).
"""

import argparse
import json
import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import align_common as ac  # noqa: E402

JEDI = common.REPO_ROOT / "corpus" / "jedi"
LINE_RE = re.compile(r"^(missing|matched|ignore|unscored)(?:\s+(a|b))?(?:\s+(sentence))?\s+(\".*)$")


def parse_expected(path):
    """Items of the ```expected block: dicts kind, side, sentence, quotes, line."""
    text = Path(path).read_text(encoding="utf-8")
    m = re.search(r"^```expected\s*\n(.*?)^```", text, re.S | re.M)
    if not m:
        raise ValueError("%s: no ```expected block" % path)
    first = text[:m.start()].count("\n") + 2
    items = []
    dec = json.JSONDecoder()
    for k, line in enumerate(m.group(1).split("\n")):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        mm = LINE_RE.match(s)
        if not mm:
            raise ValueError("%s:%d: cannot read %r" % (path, first + k, s))
        kind, side, sent, rest = mm.groups()
        quotes = []
        while rest.strip():
            rest = rest.strip()
            q, end = dec.raw_decode(rest)
            quotes.append(q)
            rest = rest[end:]
        want = 2 if kind == "matched" else 1
        if len(quotes) != want or (kind != "matched" and not side):
            raise ValueError("%s:%d: malformed item %r" % (path, first + k, s))
        items.append({"kind": kind, "side": side, "sentence": bool(sent), "quotes": quotes,
                      "line": first + k, "src": s})
    return items


def locate(data, quote):
    """Byte span of the first occurrence of quote in data (bytes), or None.

    A space in the quote matches any run of white space, no-break spaces
    included (the Spanish article has several U+00A0)."""
    text = data.decode("utf-8")
    pat = r"\s+".join(re.escape(w) for w in quote.split())
    m = re.search(pat, text)
    if not m:
        return None
    start = len(text[:m.start()].encode("utf-8"))
    return start, start + len(m.group(0).encode("utf-8"))


def count(data, quote):
    pat = r"\s+".join(re.escape(w) for w in quote.split())
    return len(re.findall(pat, data.decode("utf-8")))


class Seeds:
    def __init__(self, report, data):
        self.r = report
        self.data = data                  # {"a": bytes, "b": bytes}
        self.off = {s: ac.Offsets(report.sentences(s)) for s in "ab"}
        self.gaps = report.gap_set()
        self.facts = {s: [f for f in report.facts if f.get("side") == s] for s in "ab"}
        self.links = report.links

    def sentence_at(self, side, span):
        s = self.off[side].at(span[0])
        if s is None:   # the quote starts in whitespace between sentences
            ov = self.off[side].overlapping(*span)
            s = ov[0] if ov else None
        return s

    def facts_at(self, side, span, clauses=True):
        out = []
        for f in self.facts[side]:
            st, en = int(f.get("start", -1)), int(f.get("end", -1))
            if st < span[1] and en > span[0]:
                if not clauses and f.get("type") == "clause":
                    continue
                out.append(f)
        return out

    def sentence_facts(self, side, sid):
        return [f for f in self.facts[side] if int(f.get("sentence", -1)) == sid]

    def is_gap(self, side, sid):
        return (side, sid) in self.gaps

    def linked(self, sa, sb):
        return any(sa in l.get("a", []) and sb in l.get("b", []) for l in self.links)

    def describe_sentence(self, side, sid):
        fs = self.sentence_facts(side, sid)
        other = "b" if side == "a" else "a"
        partners = sorted({j for l in self.links if sid in l.get(side, []) for j in l.get(other, [])})
        return "%s%d %s, links to %s: %s, facts: %s" % (
            side, sid, "GAP" if self.is_gap(side, sid) else "not a gap", other,
            partners or "none",
            "; ".join("%s %r %s" % (f.get("type"), f.get("text", "")[:40], f.get("status"))
                      for f in fs) or "none")


def describe_facts(fs):
    return "; ".join("%s %r=%s %s" % (f.get("type"), f.get("text", "")[:50], f.get("value", ""),
                                      f.get("status")) for f in fs) or "no fact there"


def judge(item, S, spans):
    """(verdict, detail): verdict True (agrees), False (disagrees), None (unscored)."""
    kind, side = item["kind"], item["side"]
    if kind == "matched" and not item["sentence"]:
        sa = S.sentence_at("a", spans[0])
        fa = [f for f in S.facts_at("a", spans[0]) if f.get("type") != "clause"]
        fb = [f for f in S.facts_at("b", spans[1]) if f.get("type") != "clause"]
        # the value is seen on at least one side as matched, and neither side
        # calls a value at the quote missing or in conflict
        ok = any(f.get("status") == "matched" for f in fa + fb) and \
            not any(f.get("status") in ("missing", "conflict") for f in fa + fb)
        return ok, "a: %s | b: %s" % (describe_facts(fa), describe_facts(fb))
    if kind == "matched":
        sa, sb = S.sentence_at("a", spans[0]), S.sentence_at("b", spans[1])
        if sa is None or sb is None:
            return False, "quote not inside a sentence of the report"
        ia, ib = int(sa["id"]), int(sb["id"])
        ok = S.linked(ia, ib) and not S.is_gap("a", ia) and not S.is_gap("b", ib)
        return ok, "%s || %s" % (S.describe_sentence("a", ia), S.describe_sentence("b", ib))
    span = spans[0]
    s = S.sentence_at(side, span)
    if s is None:
        return False, "quote not inside a sentence of the report"
    sid = int(s["id"])
    detail = S.describe_sentence(side, sid)
    if kind == "unscored":
        if not item["sentence"]:
            detail = describe_facts(S.facts_at(side, span)) + " | " + detail
        return None, detail
    if kind == "ignore":
        bad = [f for f in S.sentence_facts(side, sid) if f.get("status") in ("missing", "conflict")]
        return (not S.is_gap(side, sid) and not bad), "kind %s; %s" % (s.get("kind"), detail)
    if item["sentence"]:
        fs = S.sentence_facts(side, sid)
        ok = S.is_gap(side, sid) or (bool(fs) and all(f.get("status") == "missing" for f in fs))
        return ok, detail
    fs = S.facts_at(side, span)
    norm = lambda t: " ".join(t.split())
    q = norm(item["quotes"][0])
    # prefer facts whose text and the quote contain one another
    close = [f for f in fs if q in norm(f.get("text", "")) or norm(f.get("text", "")) in q] or fs
    # a value fact at the quote speaks for it; the clause only when there is none
    close = [f for f in close if f.get("type") != "clause"] or close
    ok = any(f.get("status") == "missing" for f in close)
    if not close and S.is_gap(side, sid):
        return True, "no fact at the quote, but its sentence is a gap | " + detail
    return ok, describe_facts(close) + " | " + detail


def claims_precision(items, spans_of, S):
    """Classify each claim of the report (gap, missing fact, conflict fact)."""
    miss_val = {"a": [], "b": []}
    miss_sent = {"a": set(), "b": set()}
    bad_val = {"a": [], "b": []}       # spans where "missing" contradicts the editor
    bad_sent = {"a": set(), "b": set()}  # sentences that must not be gaps
    ignore_sent = {"a": set(), "b": set()}
    unscored_span = {"a": [], "b": []}
    for it, spans in zip(items, spans_of):
        if it["kind"] == "matched":
            for side, sp in zip("ab", spans):
                if it["sentence"]:
                    s = S.sentence_at(side, sp)
                    if s is not None:
                        bad_sent[side].add(int(s["id"]))
                else:
                    bad_val[side].append(sp)
            continue
        side, sp = it["side"], spans[0]
        s = S.sentence_at(side, sp)
        sid = int(s["id"]) if s is not None else None
        if it["kind"] == "missing":
            if it["sentence"]:
                miss_sent[side].add(sid)
            else:
                miss_val[side].append(sp)
        elif it["kind"] == "ignore":
            ignore_sent[side].add(sid)
        elif it["kind"] == "unscored":
            if it["sentence"] and s is not None:
                unscored_span[side].append((int(s["start"]), int(s["end"])))
            else:
                unscored_span[side].append(sp)

    def overl(sp, lst):
        return any(sp[0] < y and sp[1] > x for x, y in lst)

    agree, contra, unassessed = [], [], []
    for side, sid in sorted(S.gaps):
        s = next((x for x in S.r.sentences(side) if int(x["id"]) == sid), None)
        if s is None:
            continue
        sp = (int(s["start"]), int(s["end"]))
        what = "gap %s%d %r" % (side, sid, common.short(s.get("text", ""), 90))
        # a sentence the editor links to the other side, or furniture, is no
        # gap, even when it holds a value of its own (that is a missing fact)
        if sid in bad_sent[side] or sid in ignore_sent[side]:
            contra.append(what)
        elif sid in miss_sent[side] or any(x[0] >= sp[0] and x[1] <= sp[1] for x in miss_val[side]):
            agree.append(what)
        elif overl(sp, bad_val[side]):
            contra.append(what)
        else:
            unassessed.append(what)
    for f in S.r.facts:
        st = f.get("status")
        if st not in ("missing", "conflict"):
            continue
        side = f.get("side")
        if side not in ("a", "b"):
            continue
        sp = (int(f.get("start", -1)), int(f.get("end", -1)))
        sid = int(f.get("sentence", -1))
        what = "%s %s%d %s %r value %r" % (st, side, sid, f.get("type"),
                                           common.short(f.get("text", ""), 70), f.get("value", ""))
        if st == "conflict":
            cp = f.get("counterpart") or {}
            what += " vs %s%s value %r" % (cp.get("side", "?"), cp.get("sentence", "?"),
                                          cp.get("value", ""))
            (unassessed if overl(sp, unscored_span[side]) else contra).append(what)
            continue
        if sid in ignore_sent[side]:
            contra.append(what)
        elif overl(sp, miss_val[side]) or sid in miss_sent[side]:
            agree.append(what)
        elif f.get("type") == "clause" and sid in bad_sent[side]:
            contra.append(what)     # the content of a shared sentence
        elif f.get("type") != "clause" and overl(sp, bad_val[side]):
            contra.append(what)     # a value both articles give
        else:
            unassessed.append(what)
    return agree, contra, unassessed


def evaluate(expected=None, a=None, b=None):
    expected = expected or JEDI / "EXPECTED.md"
    a = a or JEDI / "en.txt"
    b = b or JEDI / "es.txt"
    items = parse_expected(expected)
    data = {"a": Path(a).read_bytes(), "b": Path(b).read_bytes()}
    spans_of = []
    for it in items:
        sides = "ab" if it["kind"] == "matched" else it["side"]
        sp = []
        for side, q in zip(sides, it["quotes"]):
            loc = locate(data[side], q)
            if loc is None:
                raise ValueError("%s:%d: %r not found in side %s"
                                 % (expected, it["line"], q, side))
            sp.append(loc)
        spans_of.append(sp)
    r = ac.run_report("diff", a, b)
    out = {"ok": r.ok, "error": r.error, "stderr": r.stderr[-400:], "returncode": r.returncode}
    if not r.ok:
        return out
    S = Seeds(r, data)
    res = []
    for it, spans in zip(items, spans_of):
        v, detail = judge(it, S, spans)
        res.append({"item": it["src"], "kind": it["kind"] + (" sentence" if it["sentence"] else ""),
                    "agrees": v, "detail": detail})
    agree, contra, unassessed = claims_precision(items, spans_of, S)
    scored = [x for x in res if x["agrees"] is not None]
    by_kind = {}
    for x in scored:
        k = by_kind.setdefault(x["kind"], [0, 0])
        k[0] += bool(x["agrees"])
        k[1] += 1
    out.update({
        "mode": r.mode, "span_mismatches": r.span_mismatches,
        "items": res, "recall": sum(1 for x in scored if x["agrees"]) / len(scored) if scored else None,
        "agree": sum(1 for x in scored if x["agrees"]), "scored": len(scored),
        "by_kind": by_kind,
        "claims": {"agree": agree, "contradict": contra, "unassessed": unassessed},
        "precision": len(agree) / (len(agree) + len(contra)) if agree or contra else None,
        "counts": {"links": len(r.links), "gaps": len(r.gaps), "facts": len(r.facts),
                   "facts_by_status": _count(r.facts, "status"),
                   "facts_by_type": _count(r.facts, "type")},
        "exit": r.returncode})
    return out


def _count(xs, key):
    c = {}
    for x in xs:
        c[x.get(key)] = c.get(x.get(key), 0) + 1
    return c


def figures(res):
    """seeds:recall (expected items the report agrees with), seeds:precision."""
    r4 = lambda x: None if x is None else round(x, 4)
    return {"seeds:recall": r4(res.get("recall")), "seeds:precision": r4(res.get("precision"))}


def print_report(res, verbose=False, out=sys.stdout):
    w = out.write
    w("Seed pair corpus/jedi (en.txt = a, es.txt = b) against corpus/jedi/EXPECTED.md\n")
    if not res["ok"]:
        w("  parallax diff failed: %s %s\n" % (res["error"], res["stderr"]))
        return
    c = res["counts"]
    w("  report: exit %s, mode %s, %d links, %d gaps, %d facts %s %s\n"
      % (res["exit"], res["mode"], c["links"], c["gaps"], c["facts"], c["facts_by_status"],
         c["facts_by_type"]))
    if res["span_mismatches"]:
        w("  WARNING: %d sentences whose text is not the input bytes [start,end)\n"
          % res["span_mismatches"])
    w("  expected items the report agrees with: %d/%d (%.1f %%)\n"
      % (res["agree"], res["scored"], 100 * (res["recall"] or 0)))
    for k, (a, n) in sorted(res["by_kind"].items()):
        w("    %-20s %d/%d\n" % (k, a, n))
    cl = res["claims"]
    w("  the report's claims (gaps, missing/conflict facts): %d agree, %d contradict, "
      "%d not assessed -> precision %s\n"
      % (len(cl["agree"]), len(cl["contradict"]), len(cl["unassessed"]),
         "n/a" if res["precision"] is None else "%.1f %%" % (100 * res["precision"])))
    w("\n  disagreements with the editor:\n")
    for x in res["items"]:
        if x["agrees"] is False:
            w("    - %s\n        report: %s\n" % (x["item"], x["detail"]))
    if cl["contradict"]:
        w("\n  claims of the report that contradict the editor:\n")
        for x in cl["contradict"]:
            w("    - %s\n" % x)
    if verbose:
        w("\n  agreements:\n")
        for x in res["items"]:
            if x["agrees"]:
                w("    + %s\n        %s\n" % (x["item"], x["detail"]))
        w("\n  unscored items:\n")
        for x in res["items"]:
            if x["agrees"] is None:
                w("    ? %s\n        %s\n" % (x["item"], x["detail"]))
        w("\n  claims not assessed by EXPECTED.md:\n")
        for x in cl["unassessed"]:
            w("    ? %s\n" % x)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--expected", default=str(JEDI / "EXPECTED.md"))
    ap.add_argument("--check-expected", action="store_true",
                    help="only parse EXPECTED.md and find every quote (no parallax run)")
    args = ap.parse_args(argv)
    if args.check_expected:
        items = parse_expected(args.expected)
        data = {"a": (JEDI / "en.txt").read_bytes(), "b": (JEDI / "es.txt").read_bytes()}
        bad = 0
        for it in items:
            sides = "ab" if it["kind"] == "matched" else it["side"]
            for side, q in zip(sides, it["quotes"]):
                n = count(data[side], q)
                if n != 1:
                    print("%s line %d: %r occurs %d times in side %s"
                          % ("NOT FOUND" if n == 0 else "note", it["line"], q, n, side))
                    bad += n == 0
        kinds = {}
        for it in items:
            k = it["kind"] + (" sentence" if it["sentence"] else "")
            kinds[k] = kinds.get(k, 0) + 1
        print("%d items %s; %d quotes not found" % (len(items), kinds, bad))
        return 1 if bad else 0
    status = ac.preflight("diff-seeds", ["diff"])
    if status is not None:
        return status
    res = evaluate(args.expected)
    if args.json:
        print(json.dumps(res, indent=1, ensure_ascii=False))
    else:
        print_report(res, args.verbose)
    return 0 if res["ok"] else 1


if __name__ == "__main__":
    common.run_main(main)
