#!/bin/sh
# The HTML report in a real browser: headless Chromium, driven from its
# command line (no npm, no WebDriver). For the demo pair (comparable) and a
# translation with a changed number (parallel), a copy of the report gets a
# test script at the end of its body that counts the highlighted facts and
# compares them with the JSON report, clicks a linked sentence and checks
# that its counterpart is highlighted and scrolled into view and that the
# evidence panel shows the link's words, clicks a conflict, a gap and the
# filters, and checks the layout (side by side at 1280 pixels, stacked with
# no horizontal overflow at 390); the result is written into the DOM, which
# Chromium dumps (--dump-dom). Then screenshots of the reports are saved in
# tests/browser-out/ of the build tree ($PLX_BROWSER_OUT to change).
# Skipped (77) when there is no Chromium ($CHROMIUM names one).
set -u
: "${PARALLAX:=./parallax}"
: "${srcdir:=.}"
: "${PYTHON3:=python3}"
browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
  for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then
      browser=$(command -v "$b")
      break
    fi
  done
fi
if [ -z "$browser" ] || [ ! -x "$browser" ]; then
  echo "browser: no Chromium found (install chromium, or set CHROMIUM); skipped" >&2
  exit 77
fi
out=${PLX_BROWSER_OUT:-$(pwd)/tests/browser-out}
mkdir -p "$out" || exit 99
out=$(cd "$out" && pwd) || exit 99
exec "$PYTHON3" - "$PARALLAX" "$browser" "$srcdir" "$out" <<'PY'
import json, os, re, shutil, subprocess, sys, tempfile, time
px, browser, srcdir, out = sys.argv[1:5]
sys.path.insert(0, os.path.join(srcdir, "tests"))
import checks
from checks import check

def chromium(url, extra, log):
    """One headless run; returns (exit status, stdout, seconds)."""
    profile = tempfile.mkdtemp(prefix="plx-chromium-")
    args = ["timeout", "120", browser, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run",
            "--disable-extensions", "--disable-sync", "--hide-scrollbars",
            "--user-data-dir=" + profile, "--virtual-time-budget=5000"] + extra + [url]
    t = time.monotonic()
    try:
        r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=150)
        rc, so, se = r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired:
        rc, so, se = 124, b"", b"timed out"
    dt = time.monotonic() - t
    shutil.rmtree(profile, ignore_errors=True)
    with open(log, "ab") as f:
        f.write(b"$ " + " ".join(args).encode() + b"\n" + se + b"\n")
    return rc, so, dt

def report(name, args, pa, pb):
    """The JSON and the HTML report of a pair; the HTML in out/NAME.html."""
    j = subprocess.run([px, "diff", "--format", "json"] + args + [pa, pb], cwd=srcdir, capture_output=True)
    check(j.returncode in (0, 1), "%s: json exit %d %s" % (name, j.returncode, j.stderr.decode()))
    path = os.path.join(out, name + ".html")
    h = subprocess.run([px, "diff", "--format", "html", "-o", path] + args + [pa, pb], cwd=srcdir,
                       capture_output=True)
    check(h.returncode == j.returncode, "%s: html exit %d %s" % (name, h.returncode, h.stderr.decode()))
    return json.loads(j.stdout), path

def expected(d, narrow, click_a=None):
    """What the test script should find, from the JSON report."""
    x = {"narrow": narrow, "comparable": d["mode"] == "comparable"}
    for side in "ab":
        x["sentences_" + side] = len(d[side]["sentences"])
        for st in ("missing", "conflict"):
            x[st + "_" + side] = sum(1 for f in d["facts"] if f["side"] == side and f["status"] == st)
    x["rows_missing"] = x["missing_a"] + x["missing_b"] > 0
    # click the A sentence of the last link (far down the page, to see it
    # scrolled to), or the one given
    links = d["links"]
    ia = click_a if click_a is not None else max(l["a"][0] for l in links)
    mine = [l for l in links if ia in l["a"]]
    x["click"] = "a%d" % ia
    x["counterparts"] = sorted({"b%d" % j for l in mine for j in l["b"]})
    x["evidence"] = [l["evidence"] for l in mine if l["evidence"]]
    gaps = [g for g in d["gaps"]]
    x["gap"] = "%s%d" % (gaps[0]["side"], gaps[0]["sentence"]) if gaps else None
    conf = [k for k, f in enumerate(d["facts"]) if f["status"] == "conflict" and f["side"] == "a"]
    x["conflict"] = None
    if conf:
        f = d["facts"][conf[0]]
        c = f["counterpart"]
        cp = [k for k, g in enumerate(d["facts"]) if g["side"] == "b" and g["status"] == "conflict"
              and g["start"] == c["start"] and g["end"] == c["end"]]
        x["conflict"] = "f%d" % conf[0]
        x["conflict_cp"] = "f%d" % cp[0] if cp else None
    return x

# Runs first, in <head>: remembers errors of the report's own script.
PROBE = "<script>window.plxErrors=[];addEventListener('error',function(e){plxErrors.push(String(e.message))});</script>"

TEST = r"""
(function () {
  var X = __EXPECTED__;
  var errs = [], notes = [];
  function check(c, what) { if (!c) errs.push(what); }
  function all(sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); }
  function shown(e) { return e.getClientRects().length > 0; }
  function inView(e) { var r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; }
  try {
    check(window.plxErrors && window.plxErrors.length === 0, 'script errors: ' + (window.plxErrors || []).join(' | '));
    /* highlighted facts: as many as the JSON report has, each drawn, each
     * with a colour and with words */
    ['a', 'b'].forEach(function (s) {
      ['missing', 'conflict'].forEach(function (st) {
        var es = all('[data-status="' + st + '"][data-side="' + s + '"]');
        check(es.length === X[st + '_' + s], st + ' ' + s + ': ' + es.length + ' in the page, ' + X[st + '_' + s] + ' in JSON');
        var drawn = es.filter(function (e) {
          var bg = getComputedStyle(e).backgroundColor;
          return shown(e) && (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent' || e.querySelector('.plx-tag'));
        });
        check(drawn.length === es.length, st + ' ' + s + ': ' + (es.length - drawn.length) + ' not highlighted');
        var worded = es.filter(function (e) {
          var n = e.nextElementSibling;
          return (n && n.classList.contains('plx-tag')) || e.querySelector('.plx-tag') ||
            (e.classList.contains('plx-clause') && e.closest('.plx-s').hasAttribute('data-gap'));
        });
        check(worded.length === es.length, st + ' ' + s + ': ' + (es.length - worded.length) + ' without a label');
        notes.push(st + '_' + s + '=' + es.length);
      });
      var ss = all('.plx-s[data-side="' + s + '"]');
      check(ss.length === X['sentences_' + s], 'sentences ' + s + ': ' + ss.length);
    });
    check(all('.plx-dim').every(function (e) { return parseFloat(getComputedStyle(e.querySelector('.plx-st')).opacity) < 1; }), 'dimmed sentences are dim');
    /* layout */
    var sw = document.documentElement.scrollWidth, iw = window.innerWidth;
    check(sw <= iw, 'horizontal overflow: page ' + sw + ' px wide in a ' + iw + ' px window');
    notes.push('width ' + iw + ' (page ' + sw + ')');
    var row = document.querySelector('.plx-row.plx-paired');
    var ca = row.children[0].getBoundingClientRect(), cb = row.children[1].getBoundingClientRect();
    if (X.narrow) check(cb.top >= ca.bottom - 1, 'a phone: B not under A in a row');
    if (X.narrow) check(all('.plx-only-a .plx-col-b, .plx-only-b .plx-col-a').every(function (e) { return !shown(e); }),
                        'a phone draws an empty block for a side with nothing');
    else check(Math.abs(cb.top - ca.top) < 1 && cb.left >= ca.right - 1, 'not side by side');
    /* click a linked sentence: its counterparts highlighted, one in view,
     * the evidence shown */
    window.scrollTo(0, 0);
    var s = document.getElementById(X.click);
    s.click();
    check(s.classList.contains('plx-selected'), X.click + ' not selected');
    var cps = all('.plx-counterpart').map(function (e) { return e.id; }).sort();
    check(cps.join() === X.counterparts.join(), 'counterparts of ' + X.click + ': ' + cps.join() + ', want ' + X.counterparts.join());
    check(cps.some(function (id) { return inView(document.getElementById(id)); }), 'no counterpart scrolled into view');
    var panel = document.getElementById('plx-panel');
    var ev = document.getElementById('plx-evidence').textContent;
    check(!panel.hidden && shown(panel), 'evidence panel not shown');
    check(/score \d\.\d\d/.test(ev), 'no score in the panel: ' + ev);
    X.evidence.forEach(function (w) { check(ev.indexOf(w) >= 0, 'evidence "' + w + '" not in the panel'); });
    notes.push('clicked ' + X.click + ' -> ' + cps.join(' '));
    /* a jump button in the panel brings its sentence into view */
    window.scrollTo(0, 0);
    var jump = document.querySelector('#plx-evidence .plx-jump');
    check(jump, 'no jump button');
    if (jump) { jump.click(); check(inView(document.getElementById(jump.getAttribute('data-target'))), 'jump did not scroll'); }
    /* a sentence with no counterpart says so */
    if (X.gap) {
      document.getElementById(X.gap).click();
      check(all('.plx-counterpart').length === 0, 'a gap has counterparts');
      check(/no counterpart/i.test(document.getElementById('plx-evidence').textContent), 'gap: panel does not say "no counterpart"');
    }
    /* a conflict: both values marked */
    if (X.conflict) {
      var m = document.getElementById(X.conflict);
      m.click();
      var cp = document.getElementById(X.conflict_cp);
      check(cp && cp.classList.contains('plx-cp-fact') && m.classList.contains('plx-cp-fact'), 'conflict counterpart not marked');
      check(cp && inView(cp), 'conflict counterpart not in view');
      check(/says/.test(document.getElementById('plx-evidence').textContent), 'conflict not explained in the panel');
      notes.push('conflict ' + X.conflict + ' <-> ' + X.conflict_cp);
    }
    /* filters */
    function filter(f) { document.querySelector('.plx-filter[data-filter="' + f + '"]').click(); }
    var rows = all('.plx-row:not(.plx-head)');
    filter('missing');
    var vis = rows.filter(shown);
    check(vis.every(function (r) { return r.classList.contains('plx-has-missing'); }), 'missing filter shows other rows');
    check(all('[data-status="missing"]').filter(shown).length === X.missing_a + X.missing_b, 'missing filter hides missing facts');
    check(document.querySelector('.plx-filter[data-filter="missing"]').getAttribute('aria-pressed') === 'true', 'filter button not pressed');
    notes.push('missing filter: ' + vis.length + ' of ' + rows.length + ' rows');
    ['a', 'b'].forEach(function (side) {
      filter('missing-' + side);
      var v = rows.filter(shown);
      check(v.every(function (r) { return r.classList.contains('plx-has-missing-' + side); }),
            'only-in-' + side + ' filter shows other rows');
      check(all('[data-status="missing"][data-side="' + side + '"]').filter(shown).length === X['missing_' + side],
            'only-in-' + side + ' filter hides facts of its side');
    });
    filter('conflict');
    vis = rows.filter(shown);
    check(vis.every(function (r) { return r.classList.contains('plx-has-conflict'); }), 'conflict filter shows other rows');
    check(all('[data-status="conflict"]').filter(shown).length === X.conflict_a + X.conflict_b, 'conflict filter hides conflicts');
    filter('all');
    check(rows.every(shown), 'all: some rows hidden');
    /* comparable mode: B can be read in its own order, and back */
    var orders = all('.plx-order');
    check(orders.length === (X.comparable ? 2 : 0), 'order buttons: ' + orders.length);
    if (orders.length) {
      function firstB(r) { var e = r.querySelector('.plx-s[data-side="b"]'); return e ? +e.getAttribute('data-sentence') : -1; }
      function order(o) { document.querySelector('.plx-order[data-order="' + o + '"]').click(); }
      order('b');
      var now = all('.plx-row:not(.plx-head)');
      check(now.length === rows.length, 'B order: rows lost');
      var fb = now.map(firstB).filter(function (j) { return j >= 0; });
      check(fb.every(function (j, i) { return i === 0 || j > fb[i - 1]; }), 'B order: B not in order: ' + fb.join());
      check(now[0].getBoundingClientRect().top < now[now.length - 1].getBoundingClientRect().top, 'B order: rows not laid out in DOM order');
      check(document.querySelector('.plx-order[data-order="b"]').getAttribute('aria-pressed') === 'true', 'B order button not pressed');
      filter('missing-a');
      check(all('.plx-row:not(.plx-head)').filter(shown).every(function (r) { return r.classList.contains('plx-has-missing-a'); }), 'B order: filter broken');
      filter('all');
      order('a');
      check(all('.plx-row:not(.plx-head)').every(function (r, i) { return r === rows[i]; }), 'A order not restored');
      notes.push('B order: ' + fb.length + ' rows with B');
    }
    /* a word under the pointer lights the words aligned with it, and
     * only while it is there; a selected sentence's words take the focus */
    var w = document.querySelector('.plx-w[data-with]:not([data-with=""])');
    check(w, 'no aligned word spans');
    if (w) {
      var partners = w.getAttribute('data-with').split(' ').map(function (id) { return document.getElementById(id); });
      check(partners.every(function (p) { return p && p.classList.contains('plx-w'); }), 'a word\'s partner is missing');
      w.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      check(w.classList.contains('plx-w-on') && partners.every(function (p) { return p.classList.contains('plx-w-on'); }),
            'hover does not light the aligned words');
      var lit = getComputedStyle(partners[0]).backgroundColor;
      check(lit !== 'rgba(0, 0, 0, 0)' && lit !== 'transparent', 'a lit word shows no colour');
      w.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
      check(all('.plx-w-on').length === 0, 'words stay lit after the pointer leaves');
      var ws = w.closest('.plx-s');
      ws.click();
      check(ws.querySelector('.plx-w').getAttribute('tabindex') === '0', 'a selected sentence\'s words cannot take the focus');
      /* the focus handler itself: a headless window need not hold the
       * focus, and a scroll can send the (virtual) pointer's mouseout */
      w.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
      check(partners.every(function (p) { return p.classList.contains('plx-w-on'); }), 'focus does not light the aligned words');
      w.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      w.blur();
      notes.push('word ' + w.id + ' lights ' + w.getAttribute('data-with'));
    }
    /* keyboard: Enter selects, Escape closes */
    s.focus();
    s.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    check(s.classList.contains('plx-selected'), 'Enter does not select');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    check(panel.hidden && all('.plx-selected').length === 0, 'Escape does not close');
  } catch (e) {
    errs.push('exception: ' + e);
  }
  var res = document.createElement('pre');
  res.id = 'plx-test-result';
  res.textContent = (errs.length ? 'FAIL ' + errs.join('; ') : 'PASS ' + notes.join(', '));
  document.body.appendChild(res);
  /* in a phone-sized frame: tell the page around it */
  if (window.parent !== window) window.parent.postMessage(res.textContent, '*');
})();
"""

# A phone: headless Chromium keeps its window at least 500 pixels wide, so
# the report is loaded in a frame of the phone's size, which posts the
# result to this page.
PHONE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>phone</title>
<style>body{margin:0;background:#555}iframe{display:block;border:0;background:#fff;width:%dpx;height:%dpx}</style>
</head><body><iframe src="%s"></iframe><script>
addEventListener('message', function (e) {
  var p = document.createElement('pre');
  p.id = 'plx-test-result';
  p.textContent = String(e.data);
  document.body.appendChild(p);
});
</script></body></html>
"""

def instrument(path, x, name):
    html = open(path, encoding="utf-8").read()
    js = TEST.replace("__EXPECTED__", json.dumps(x).replace("<", "\\u003c"))
    assert "</" not in js
    html = html.replace("<head>", "<head>" + PROBE, 1)
    i = html.rindex("</body>")
    html = html[:i] + "<script>" + js + "</script>\n" + html[i:]
    test = os.path.join(out, name + ".test.html")
    with open(test, "w", encoding="utf-8") as f:
        f.write(html)
    return test

log = os.path.join(out, "chromium.log")
open(log, "w").close()
total = 0.0
pairs = [
    ("jedi", [], "corpus/jedi/en.txt", "corpus/jedi/es.txt", None),
    ("conflict", ["--segmented"], "tests/data/parallel-en.txt", "tests/data/parallel-es-conflict.txt", 3),
]
summary = []
for name, args, pa, pb, click in pairs:
    d, path = report(name, args, pa, pb)
    for narrow, size in ((False, "1280,2000"), (True, "390,844")):
        w, h = map(int, size.split(","))
        label = "%s %d" % (name, w)
        test = instrument(path, expected(d, narrow, click), "%s-%d" % (name, w))
        if narrow:
            frame = test[:-len(".test.html")] + ".phone.html"
            with open(frame, "w", encoding="utf-8") as f:
                f.write(PHONE % (w, h, os.path.basename(test)))
            test, size = frame, "800,%d" % (h + 100)
        rc, dom, dt = chromium("file://" + test, ["--window-size=" + size, "--dump-dom"], log)
        total += dt
        m = re.search(r'<pre id="plx-test-result">(.*?)</pre>', dom.decode("utf-8", "replace"), re.S)
        check(rc == 0, "%s: chromium exit %d (see %s)" % (label, rc, log))
        check(m is not None, "%s: no test result in the page (see %s)" % (label, log))
        if m:
            res = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            check(res.startswith("PASS"), "%s: %s" % (label, res))
            summary.append("%s: %s (%.1f s)" % (label, res, dt))
    # screenshots of the report as it is
    for size in ("1280,2000", "390,844"):
        png = os.path.join(out, "%s-%s.png" % (name, size.split(",")[0]))
        if os.path.exists(png):
            os.remove(png)
        rc, _, dt = chromium("file://" + path, ["--window-size=" + size, "--screenshot=" + png], log)
        total += dt
        ok = os.path.exists(png) and open(png, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
        check(rc == 0 and ok, "%s: no screenshot %s (chromium exit %d, see %s)" % (name, png, rc, log))
        if ok:
            summary.append("screenshot %s (%.1f s)" % (png, dt))
for line in summary:
    print(line)
checks.finish("browser", "%.1f s in Chromium, " % total)
PY
