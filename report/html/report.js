/* report.js: the interactive part of Parallax's HTML report (built into the
 * library and written inline at the end of each report's body; see
 * report/html_out.c). Filters rows, shows for a clicked sentence its
 * counterparts and the evidence for each link, lays the rows out in A's
 * or B's order, and lights the words
 * aligned with a word under the pointer or the focus. No network, no
 * storage.
 * This text goes into a script element as it is: it must never contain a
 * less-than sign followed by a slash or an exclamation mark. */
(function () {
  'use strict';
  var doc = document, body = doc.body;
  var panel = doc.getElementById('plx-panel');
  var box = doc.getElementById('plx-evidence');
  if (!panel || !box) return;

  function words(s) {
    return s ? s.split(' ').filter(function (x) { return x !== ''; }) : [];
  }
  function each(sel, fn) {
    Array.prototype.forEach.call(doc.querySelectorAll(sel), fn);
  }
  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function name(side, id) { return side.toUpperCase() + id; }

  /* The links, as written by the report: sentences of A and B, score,
   * evidence (the words that matched). */
  var links = {};
  each('#plx-links [data-link]', function (e) {
    links[e.getAttribute('data-link')] = {
      a: words(e.getAttribute('data-a')),
      b: words(e.getAttribute('data-b')),
      score: parseFloat(e.getAttribute('data-score')),
      evidence: e.textContent
    };
  });

  function setFilter(f) {
    body.setAttribute('data-filter', f);
    each('.plx-filter', function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-filter') === f ? 'true' : 'false');
    });
  }

  /* The rows in A's order (as written) or in B's (data-b-order, computed
   * by the report): the same rows, moved, so filters and links still
   * hold. */
  var grid = doc.getElementById('plx-grid');
  function setOrder(o) {
    var rows = Array.prototype.slice.call(grid.querySelectorAll('.plx-row[data-row]'));
    var key = o === 'b' ? 'data-b-order' : 'data-row';
    rows.sort(function (x, y) {
      return parseInt(x.getAttribute(key), 10) - parseInt(y.getAttribute(key), 10);
    });
    rows.forEach(function (r) { grid.appendChild(r); });
    body.setAttribute('data-order', o);
    each('.plx-order', function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-order') === o ? 'true' : 'false');
    });
  }

  function clear() {
    each('.plx-selected, .plx-counterpart, .plx-cp-fact', function (e) {
      e.classList.remove('plx-selected', 'plx-counterpart', 'plx-cp-fact');
    });
  }

  function hidePanel() {
    clear();
    panel.hidden = true;
    body.classList.remove('plx-panel-open');
  }

  /* Bring e into view unless it is already there (above the panel). */
  function reveal(e) {
    if (e.getClientRects().length === 0) setFilter('all');
    var r = e.getBoundingClientRect();
    var bottom = window.innerHeight - (panel.hidden ? 0 : panel.offsetHeight);
    if (r.top < 40 || r.bottom > bottom) e.scrollIntoView({ block: 'center' });
  }

  function why(s, other) {
    var kind = s.getAttribute('data-kind');
    if (kind === 'boilerplate') return 'Site furniture (boilerplate): not compared.';
    if (kind === 'duplicate')
      return 'A repeat of ' + name(s.getAttribute('data-side'), s.getAttribute('data-duplicate-of')) +
        ' in the same article: not compared.';
    if (s.hasAttribute('data-gap'))
      return 'No counterpart in ' + other.toUpperCase() +
        ': nothing on the other side says this; its facts are marked as missing there.';
    return 'No link to ' + other.toUpperCase() + '.';
  }

  function select(s, fact) {
    clear();
    wordsFocusable(s);
    s.classList.add('plx-selected');
    var side = s.getAttribute('data-side'), other = side === 'a' ? 'b' : 'a';
    var ls = words(s.getAttribute('data-links'));
    box.textContent = '';
    var h = el('h2', null, name(side, s.getAttribute('data-sentence')) + ' ');
    box.appendChild(h);
    var first = null;
    if (!ls.length) {
      h.appendChild(doc.createTextNode('has no counterpart'));
      box.appendChild(el('p', null, why(s, other)));
    } else {
      h.appendChild(doc.createTextNode('is linked to ' + other.toUpperCase() + ' by ' + ls.length +
        (ls.length === 1 ? ' link' : ' links') + ' (score, then the words that matched):'));
      var list = el('ul', 'plx-ev-list');
      ls.forEach(function (k) {
        var l = links[k];
        if (!l) return;
        var li = el('li');
        l[other].forEach(function (id) {
          var c = doc.getElementById(other + id);
          if (c) {
            c.classList.add('plx-counterpart');
            if (!first) first = c;
          }
          var b = el('button', 'plx-jump', name(other, id));
          b.type = 'button';
          b.setAttribute('data-target', other + id);
          b.title = 'Show ' + name(other, id);
          li.appendChild(b);
        });
        li.appendChild(el('span', 'plx-score', 'score ' + l.score.toFixed(2)));
        li.appendChild(el('span', 'plx-ev', l.evidence ? l.evidence : '(no words listed)'));
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    if (fact) {
      var p = el('p', 'plx-ev-quote', fact.title);
      box.appendChild(p);
      var cp = fact.getAttribute('data-counterpart');
      var ce = cp ? doc.getElementById(cp) : null;
      if (ce) {
        ce.classList.add('plx-cp-fact');
        fact.classList.add('plx-cp-fact');
        first = ce;
      }
    }
    panel.hidden = false;
    body.classList.add('plx-panel-open');
    if (first) reveal(first);
  }

  doc.addEventListener('click', function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) return;
    var f = t.closest('.plx-filter');
    if (f) return setFilter(f.getAttribute('data-filter'));
    var o = t.closest('.plx-order');
    if (o && grid) return setOrder(o.getAttribute('data-order'));
    if (t.closest('#plx-close')) return hidePanel();
    var j = t.closest('.plx-jump');
    if (j) {
      var target = doc.getElementById(j.getAttribute('data-target'));
      if (target) {
        reveal(target);
        target.focus({ preventScroll: true });
      }
      return;
    }
    var s = t.closest('.plx-s');
    if (!s) return;
    /* Selecting text is not a click on the sentence. */
    var sel = window.getSelection && window.getSelection();
    if (sel && !sel.isCollapsed && s.contains(sel.anchorNode)) return;
    select(s, t.closest('.plx-fact'));
  });

  /* A word and the words aligned with it, lit together on hover or
   * focus. The words of a selected sentence take the keyboard focus in
   * turn (Tab), the others stay out of the way. */
  function lightWord(w, on) {
    if (!w || !w.classList || !w.classList.contains('plx-w')) return;
    w.classList.toggle('plx-w-on', on);
    words(w.getAttribute('data-with')).forEach(function (id) {
      var o = doc.getElementById(id);
      if (o) o.classList.toggle('plx-w-on', on);
    });
  }
  doc.addEventListener('mouseover', function (ev) { lightWord(ev.target, true); });
  doc.addEventListener('mouseout', function (ev) { lightWord(ev.target, false); });
  doc.addEventListener('focusin', function (ev) { lightWord(ev.target, true); });
  doc.addEventListener('focusout', function (ev) { lightWord(ev.target, false); });
  function wordsFocusable(s) {
    each('.plx-w[tabindex]', function (w) { w.removeAttribute('tabindex'); });
    if (s) Array.prototype.forEach.call(s.querySelectorAll('.plx-w'), function (w) {
      w.setAttribute('tabindex', '0');
    });
  }

  doc.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape') return hidePanel();
    var t = ev.target;
    if ((ev.key === 'Enter' || ev.key === ' ') && t instanceof Element && t.classList.contains('plx-s')) {
      ev.preventDefault();
      select(t, null);
    }
  });
})();
