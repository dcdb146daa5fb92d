#!/bin/sh
# The HTML report (diff --format html), read back with Python's HTML parser:
# an HTML5 page whose tags balance, self-contained (no external reference),
# with a language on each column; every sentence of both articles exactly
# once, with its exact text; and as many missing and conflicting facts per
# side, each with its exact text, as the JSON report of the same pair.
set -u
: "${PARALLAX:=./parallax}"
: "${srcdir:=.}"
: "${PYTHON3:=python3}"
cd "$srcdir" || exit 99
exec "$PYTHON3" - "$PARALLAX" <<'PY'
import json, re, subprocess, sys
from html.parser import HTMLParser
px = sys.argv[1]
sys.path.insert(0, "tests")
import checks
from checks import check
def run(args):
    r = subprocess.run([px] + args, capture_output=True)
    return r.returncode, r.stdout, r.stderr.decode()

VOID = {"meta", "link", "br", "hr", "img", "input", "wbr", "source", "col", "area", "base", "embed", "track"}

class Page(HTMLParser):
    """Elements with their attributes, parent, text (the text outside
    .plx-tag labels: what the article says) and balance errors."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.elems, self.errors, self.decls = [], [], [], []
        self.raw = {"style": "", "script": ""}
    def handle_decl(self, d):
        self.decls.append(d)
    def handle_starttag(self, tag, attrs):
        e = {"tag": tag, "attrs": dict(attrs), "text": "", "parents": list(self.stack)}
        self.elems.append(e)
        if tag not in VOID:
            self.stack.append(e)
    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1]["tag"] != tag:
            self.errors.append("unexpected </%s> (open: %s)" % (tag, [e["tag"] for e in self.stack[-3:]]))
            return
        self.stack.pop()
    def handle_data(self, data):
        if self.stack and self.stack[-1]["tag"] in self.raw:
            self.raw[self.stack[-1]["tag"]] += data
        if any("plx-tag" in p["attrs"].get("class", "").split() for p in self.stack):
            return
        for e in self.stack:
            e["text"] += data

def has_class(e, c):
    return c in e["attrs"].get("class", "").split()

def check_pair(label, args, pa, pb):
    rc, out, err = run(["diff", "--format", "json"] + args + [pa, pb])
    check(rc in (0, 1), "%s: json exit %d %s" % (label, rc, err))
    d = json.loads(out)
    rc2, html, err = run(["diff", "--format", "html"] + args + [pa, pb])
    check(rc2 == rc, "%s: html exit %d, json exit %d %s" % (label, rc2, rc, err))
    text = html.decode("utf-8")
    check(text.startswith("<!DOCTYPE html>\n"), "%s: HTML5 doctype" % label)
    p = Page()
    p.feed(text)
    p.close()
    check(not p.errors, "%s: tags balance: %s" % (label, p.errors[:3]))
    check(not p.stack, "%s: unclosed elements %s" % (label, [e["tag"] for e in p.stack]))
    E = p.elems
    root = [e for e in E if e["tag"] == "html"]
    check(len(root) == 1 and root[0]["attrs"].get("lang") == "en", "%s: <html lang>" % label)
    metas = [e["attrs"] for e in E if e["tag"] == "meta"]
    check({"charset": "utf-8"} in metas, "%s: meta charset utf-8" % label)
    check(any(m.get("name") == "viewport" for m in metas), "%s: meta viewport" % label)
    # self-contained: no external reference of any kind
    check(not any(e["tag"] in ("link", "img", "iframe", "object", "embed", "base") for e in E),
          "%s: no link/img/iframe elements" % label)
    for e in E:
        for k in ("src", "href", "action", "formaction", "srcset", "poster", "data"):
            v = e["attrs"].get(k)
            check(v is None or v.startswith("#"), "%s: external %s=%r on <%s>" % (label, k, v, e["tag"]))
    code = p.raw["style"] + p.raw["script"]
    for bad in ("url(", "@import", "http:", "https:", "fetch(", "XMLHttpRequest", "WebSocket",
                "localStorage", "import("):
        check(bad not in code, "%s: %r in inline style or script" % (label, bad))
    check(p.raw["style"] and p.raw["script"], "%s: inline style and script" % label)
    check("@media print" in p.raw["style"] and "max-width" in p.raw["style"],
          "%s: print and narrow-screen styles" % label)
    # columns carry their languages
    for side in "ab":
        cells = [e for e in E if e["attrs"].get("data-col") == side]
        check(cells and all(c["attrs"].get("lang") == d[side]["lang"] for c in cells),
              "%s: every %s cell has lang=%s" % (label, side, d[side]["lang"]))
    # every sentence exactly once, with its text, its kind, its gap
    gaps = {(g["side"], g["sentence"]) for g in d["gaps"]}
    sents = {}
    for e in E:
        if has_class(e, "plx-s"):
            key = (e["attrs"]["data-side"], int(e["attrs"]["data-sentence"]))
            check(key not in sents, "%s: sentence %s twice" % (label, key))
            sents[key] = e
    for side in "ab":
        for s in d[side]["sentences"]:
            e = sents.get((side, s["id"]))
            check(e is not None, "%s: sentence %s%d missing" % (label, side, s["id"]))
            if e is None:
                continue
            body = [x for x in E if has_class(x, "plx-st") and e in x["parents"]]
            check(len(body) == 1 and body[0]["text"] == s["text"],
                  "%s: text of %s%d" % (label, side, s["id"]))
            check(e["attrs"].get("data-kind") == s["kind"] and has_class(e, "plx-kind-" + s["kind"]),
                  "%s: kind of %s%d" % (label, side, s["id"]))
            check(("data-gap" in e["attrs"]) == ((side, s["id"]) in gaps),
                  "%s: gap mark of %s%d" % (label, side, s["id"]))
            dim = s["kind"] in ("boilerplate", "duplicate")
            check(has_class(e, "plx-dim") == dim, "%s: dimmed %s%d" % (label, side, s["id"]))
    check(len(sents) == len(d["a"]["sentences"]) + len(d["b"]["sentences"]),
          "%s: %d sentence elements" % (label, len(sents)))
    # facts: one element per missing or conflicting fact, on its side, in its sentence
    want = {}
    for k, f in enumerate(d["facts"]):
        if f["status"] != "matched":
            want[k] = f
    marks = [e for e in E if "data-status" in e["attrs"]]
    got = {}
    for e in marks:
        k = int(e["attrs"]["data-fact"])
        check(k not in got, "%s: fact %d drawn twice" % (label, k))
        got[k] = e
    check(set(got) == set(want), "%s: facts drawn %s, want %s" % (label, sorted(got), sorted(want)))
    for k in set(got) & set(want):
        e, f = got[k], want[k]
        check(e["attrs"]["data-status"] == f["status"] and e["attrs"]["data-side"] == f["side"],
              "%s: status/side of fact %d" % (label, k))
        sent = sents.get((f["side"], f["sentence"]))
        check(sent is not None and sent in e["parents"], "%s: fact %d inside its sentence" % (label, k))
        if e["tag"] == "mark":
            check(e["text"] == f["text"], "%s: mark text %r != %r" % (label, e["text"], f["text"]))
    for side in "ab":
        for st in ("missing", "conflict"):
            n_json = sum(1 for f in d["facts"] if f["side"] == side and f["status"] == st)
            n_html = sum(1 for e in marks if e["attrs"]["data-side"] == side and e["attrs"]["data-status"] == st)
            check(n_json == n_html, "%s: %s %s: json %d, html %d" % (label, side, st, n_json, n_html))
    # the summary says the same
    summ = [e for e in E if e["attrs"].get("id") == "plx-summary"]
    check(len(summ) == 1, "%s: one summary" % label)
    if summ:
        a = summ[0]["attrs"]
        for side in "ab":
            check(int(a["data-missing-" + side]) == sum(1 for f in d["facts"] if f["side"] == side and f["status"] == "missing"),
                  "%s: summary missing-%s" % (label, side))
            check(int(a["data-conflicts-" + side]) == sum(1 for f in d["facts"] if f["side"] == side and f["status"] == "conflict"),
                  "%s: summary conflicts-%s" % (label, side))
        check(a["data-mode"] == d["mode"], "%s: summary mode" % label)
        check(d["mode"] in summ[0]["text"], "%s: summary shows the mode" % label)
        if d.get("mode_reason"):
            check(d["mode_reason"] in summ[0]["text"], "%s: summary shows the mode reason" % label)
    # links: the evidence and score of each, and each B sentence in the row
    # of its best link's first A sentence
    ev = {int(e["attrs"]["data-link"]): e for e in E if "data-link" in e["attrs"]}
    check(len(ev) == len(d["links"]), "%s: %d links in the page" % (label, len(ev)))
    for k, l in enumerate(d["links"]):
        e = ev.get(k)
        check(e is not None and e["text"] == l["evidence"] and abs(float(e["attrs"]["data-score"]) - l["score"]) < 1e-3,
              "%s: link %d evidence and score" % (label, k))
    def row(key):
        e = sents[key]
        return next(x for x in reversed(e["parents"]) if has_class(x, "plx-row"))
    for j in range(len(d["b"]["sentences"])):
        best = None
        for l in d["links"]:
            if j in l["b"] and (best is None or l["score"] > best["score"]):
                best = l
        if best:
            check(row(("b", j)) is row(("a", best["a"][0])), "%s: B%d level with A%d" % (label, j, best["a"][0]))
    # the most important differences at the top: links to drawn facts,
    # conflicts first, then values/names/details, then whole sentences
    ids = {e["attrs"].get("id"): e for e in E if "id" in e["attrs"]}
    tops = [e for e in E if e["tag"] == "a" and any(has_class(p_, "plx-top") for p_ in e["parents"])]
    nfacts = sum(1 for f in d["facts"] if f["status"] != "matched")
    check((len(tops) > 0) == (nfacts > 0) and len(tops) <= 8, "%s: %d top differences" % (label, len(tops)))
    ranks = []
    for e in tops:
        target = ids.get(e["attrs"].get("href", "")[1:])
        check(target is not None and "data-fact" in target["attrs"],
              "%s: top link %r points at a fact" % (label, e["attrs"].get("href")))
        if target is not None and "data-fact" in target["attrs"]:
            f = d["facts"][int(target["attrs"]["data-fact"])]
            ranks.append(2 if f["status"] == "conflict" else 0 if f["type"] == "clause" else 1)
    check(ranks == sorted(ranks, reverse=True), "%s: top differences in triage order %r" % (label, ranks))
    filt = [e["attrs"].get("data-filter") for e in E if has_class(e, "plx-filter")]
    check(filt == ["all", "missing", "missing-a", "missing-b", "conflict"], "%s: filters %r" % (label, filt))
    # aligned words: each word pair of the JSON is a pair of spans that
    # name each other, each holding its word's text
    spans = {e["attrs"].get("id"): e for e in E if has_class(e, "plx-w")}
    npairs = 0
    for l in d["links"]:
        for as_, ae, bs, be in l.get("words", []):
            npairs += 1
            wa, wb = spans.get("wa%d" % as_), spans.get("wb%d" % bs)
            check(wa is not None and wb is not None, "%s: word spans of %s" % (label, [as_, ae, bs, be]))
            if wa is None or wb is None:
                continue
            check(("wb%d" % bs) in wa["attrs"].get("data-with", "").split() and
                  ("wa%d" % as_) in wb["attrs"].get("data-with", "").split(),
                  "%s: words %d and %d name each other" % (label, as_, bs))
    check(npairs == 0 or spans, "%s: aligned words drawn" % label)
    rows = [e for e in E if has_class(e, "plx-row") and not has_class(e, "plx-head")]
    # B's order (the page's "B's order" button): a permutation of the rows
    # in which each row with B sentences comes in the order of its first
    # one, and a row with none right after the row before it in A's order
    ranks = [int(r["attrs"].get("data-b-order", -1)) for r in rows]
    check(sorted(ranks) == list(range(len(rows))), "%s: data-b-order is a permutation" % label)
    firstb = {}
    for e in E:
        if has_class(e, "plx-s") and e["attrs"].get("data-side") == "b":
            r = next((p_ for p_ in reversed(e["parents"]) if has_class(p_, "plx-row")), None)
            if r is not None and id(r) not in firstb:
                firstb[id(r)] = int(e["attrs"]["data-sentence"])
    by_b = sorted(range(len(rows)), key=lambda i: ranks[i])
    fb = [firstb[id(rows[i])] for i in by_b if id(rows[i]) in firstb]
    check(fb == sorted(fb), "%s: rows in B's order have B's sentences in order %r" % (label, fb))
    for k, i in enumerate(by_b):
        if id(rows[i]) not in firstb and i > 0:
            check(k > 0 and by_b[k - 1] == i - 1,
                  "%s: row %d without B follows its A neighbour in B's order" % (label, i))
    orders = [e for e in E if has_class(e, "plx-order")]
    check(len(orders) == (2 if d["mode"] == "comparable" else 0), "%s: order buttons %d" % (label, len(orders)))
    for r in rows:
        cells = [x for x in E if has_class(x, "plx-cell") and x["parents"] and x["parents"][-1] is r]
        check(len(cells) == 2, "%s: a row has two cells" % label)
    return d, E

# the demo pair (comparable)
d, E = check_pair("jedi", [], "corpus/jedi/en.txt", "corpus/jedi/es.txt")
check(d["mode"] == "comparable", "jedi mode")
# a translation with a changed number: the conflict on both sides, with both values
d, E = check_pair("conflict", ["--segmented"], "tests/data/parallel-en.txt", "tests/data/parallel-es-conflict.txt")
tags = [e for e in E if has_class(e, "plx-tag-conflict")]
check(len(tags) == 2, "two conflict labels, got %d" % len(tags))
rc, html, err = run(["diff", "--segmented", "--format", "html", "tests/data/parallel-en.txt", "tests/data/parallel-es-conflict.txt"])
check("conflict: 300 ≠ 400" in html.decode() and "conflict: 400 ≠ 300" in html.decode(), "conflict labels name both values")
# in parallel mode rows keep both orders
order = {"a": [], "b": []}
for e in E:
    if "plx-s" in e["attrs"].get("class", "").split():
        order[e["attrs"]["data-side"]].append(int(e["attrs"]["data-sentence"]))
check(order["a"] == sorted(order["a"]) and order["b"] == sorted(order["b"]), "parallel rows in order: %r" % order)
# a plain translation, and HTML input (markup in the text is escaped by the serialiser)
check_pair("parallel", ["--segmented"], "tests/data/parallel-en.txt", "tests/data/parallel-es.txt")
check_pair("html-input", ["--lang-b", "es"], "tests/data/article.html", "tests/data/spanish.txt")
# Russian: the page of an English-Russian pair with a changed number, each
# column in its language
d, E = check_pair("russian", ["--segmented"], "tests/data/parallel-en.txt", "tests/data/parallel-ru-conflict.txt")
cols = [e for e in E if has_class(e, "plx-cell") and e["attrs"].get("data-col") == "b"]
check(cols and all(e["attrs"].get("lang") == "ru" for e in cols), "Russian column marked lang=ru")
check(len([e for e in E if has_class(e, "plx-tag-conflict")]) == 2, "Russian: the conflict on both sides")
checks.finish("html")
PY
