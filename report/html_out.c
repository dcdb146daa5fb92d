/* html_out.c: the side-by-side HTML report of `parallax diff --format html`.
 *
 * One self-contained page (inline CSS and script, embedded from
 * report/html/), built as a libxml2 document tree and serialised by libxml2,
 * so that every piece of article text is escaped by the serialiser and never
 * by hand.
 *
 * Layout: a list of rows, each with a cell for A and a cell for B, so that
 * sentences that say the same thing sit level with each other. Rows follow
 * A's order: a row holds one A sentence, or a run of consecutive A
 * sentences that one link groups together (a 2:1 link of a translation).
 * Each linked B sentence goes to the row of its best link (the highest
 * score; in comparable mode links are many to many and out of order), so
 * B's column is out of order where the two reports tell the story in
 * different orders. A B sentence with no link gets a row of its own right
 * after the B sentence before it (or, before the first linked one, just
 * before that sentence's row), so it stays near its neighbours. Every
 * sentence of both documents appears exactly once. Each row also carries
 * its rank in B's order (data-b-order), so that the page's script can lay
 * the rows out in B's order for reading B from start to end (in comparable
 * mode, where the orders differ).
 *
 * Facts: every missing and every conflicting fact is one element with
 * data-status and data-side (matched facts are not drawn), so that the page
 * can be counted against the JSON report. Facts are marks inside their
 * sentence's text; a fact nested in another (a number inside a clause) is a
 * mark inside the other's mark; a fact that overlaps another only in part,
 * or whose span lies outside its sentence, is listed under the sentence
 * instead, as a badge.
 */
#include "align_internal.h"
#include "plx_align.h"
#include "plx_report.h"
#include "plx_words.h"
#include "report_internal.h"

#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Building the tree. libxml2 returns NULL only when out of memory,
 * which the library treats in one place (plx__oom). ---- */

static xmlNodePtr S_checked(xmlNodePtr n) {
  if (!n) plx__oom();
  return n;
}

static void S_attr(xmlNodePtr n, const char *name, const char *value) {
  if (!xmlNewProp(n, BAD_CAST name, BAD_CAST value)) plx__oom();
}

static void S_attrf(xmlNodePtr n, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void S_attrf(xmlNodePtr n, const char *name, const char *fmt, ...) {
  char v[128];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(v, sizeof v, fmt, ap);
  va_end(ap);
  S_attr(n, name, v);
}

/* A child element, with a class when cls is not NULL. */
static xmlNodePtr S_el(xmlNodePtr parent, const char *name, const char *cls) {
  xmlNodePtr n = S_checked(xmlNewChild(parent, NULL, BAD_CAST name, NULL));
  if (cls) S_attr(n, "class", cls);
  return n;
}

/* Bytes of text (escaped when serialised). */
static void S_text(xmlNodePtr parent, const char *s, size_t n) {
  if (!n) return;
  xmlNodePtr t = S_checked(xmlNewDocTextLen(parent->doc, BAD_CAST s, (int)n));
  /* xmlAddChild may merge t into a previous text node and free it. */
  xmlAddChild(parent, t);
}

static void S_puts(xmlNodePtr parent, const char *s) { S_text(parent, s, strlen(s)); }

static void S_printf(xmlNodePtr parent, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void S_printf(xmlNodePtr parent, const char *fmt, ...) {
  char small[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof small) {
    S_puts(parent, small);
    return;
  }
  /* Long: paths and reasons have no length limit. */
  char *big = plx__malloc((size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(big, (size_t)n + 1, fmt, ap);
  va_end(ap);
  S_puts(parent, big);
  free(big);
}

/* An element holding text. */
static xmlNodePtr S_el_text(xmlNodePtr parent, const char *name, const char *cls,
                            const char *text) {
  xmlNodePtr n = S_el(parent, name, cls);
  S_puts(n, text);
  return n;
}

/* At most about max bytes of t[s, e), cut on a character boundary, with an
 * ellipsis when cut, on one line. Caller frees. */
static char *S_excerpt(const char *t, size_t s, size_t e, size_t max) {
  plx__buf b = {0};
  size_t k = s;
  while (k < e && k - s < max) {
    plx__buf_putc(&b, t[k] == '\n' || t[k] == '\r' || t[k] == '\t' ? ' ' : t[k]);
    k++;
  }
  while (k < e && ((unsigned char)t[k] & 0xC0) == 0x80)
    plx__buf_putc(&b, t[k++]);
  if (k < e) plx__buf_puts(&b, "…");
  if (!b.data) plx__buf_puts(&b, "");
  return plx__buf_detach(&b, NULL);
}


/* ---- The report's state ---- */

typedef struct S_ctx {
  const plx_alignment *al;
  const plx_doc *docs[2];
  const char *paths[2];
  const char *texts[2];
  size_t n[2];
  const plx_fact *facts;
  size_t nf;
  size_t *order; /* indices of the drawn facts (missing, conflict),
                  * by side, sentence, start, longest first */
  size_t norder;
  size_t *fact_first[2]; /* per sentence: its drawn facts are
                          * order[fact_first[s][i] .. fact_first[s][i+1]) */
  size_t *link_first[2]; /* per sentence: link ids link_ids[s][...] */
  size_t *link_ids[2];
  size_t missing[2], conflicts[2];
  size_t gaps[2];
  /* aligned words of each side, by start: each a span whose partners
   * light up on hover or focus */
  struct S_word {
    size_t start, end;
    plx__buf with;  /* ids of the partners: "wb12 wb30" */
    plx__buf title; /* their words: "= palabra" */
  } *words[2];
  size_t nwords[2];
} S_ctx;

/* A drawn fact's sort key: qsort has no context argument, and a static
 * pointer to the facts would not be thread-safe. */
typedef struct S_key {
  int side;
  size_t sentence, start, end, k;
} S_key;

static int S_key_cmp(const void *x, const void *y) {
  const S_key *f = x, *g = y;
  if (f->side != g->side) return f->side < g->side ? -1 : 1;
  if (f->sentence != g->sentence) return f->sentence < g->sentence ? -1 : 1;
  if (f->start != g->start) return f->start < g->start ? -1 : 1;
  if (f->end != g->end) return f->end > g->end ? -1 : 1; /* the longer one encloses */
  return f->k < g->k ? -1 : f->k > g->k;
}

static void S_ctx_init(S_ctx *c) {
  for (int side = 0; side < 2; side++) {
    size_t n = c->n[side];
    /* Drawn facts grouped by sentence. */
    c->fact_first[side] = plx__calloc(n + 1, sizeof(size_t));
    /* Links of each sentence, counted then filled (CSR). */
    c->link_first[side] = plx__calloc(n + 2, sizeof(size_t));
    for (size_t i = 0; i < n; i++)
      c->gaps[side] += plx_alignment_is_gap(c->al, side, i) != 0;
  }
  size_t nl = plx_alignment_link_count(c->al);
  for (int side = 0; side < 2; side++) {
    size_t *first = c->link_first[side], total = 0;
    for (size_t k = 0; k < nl; k++) {
      const plx_link *l = plx_alignment_link(c->al, k);
      const size_t *ids = side ? l->b : l->a;
      size_t m = side ? l->nb : l->na;
      for (size_t x = 0; x < m; x++)
        if (ids[x] < c->n[side]) first[ids[x] + 2]++, total++;
    }
    for (size_t i = 2; i < c->n[side] + 2; i++)
      first[i] += first[i - 1];
    c->link_ids[side] = plx__malloc((total ? total : 1) * sizeof(size_t));
    for (size_t k = 0; k < nl; k++) {
      const plx_link *l = plx_alignment_link(c->al, k);
      const size_t *ids = side ? l->b : l->a;
      size_t m = side ? l->nb : l->na;
      for (size_t x = 0; x < m; x++)
        if (ids[x] < c->n[side]) c->link_ids[side][first[ids[x] + 1]++] = k;
    }
    /* first[i] .. first[i+1] now delimit sentence i's links. */
  }
  S_key *keys = plx__malloc((c->nf ? c->nf : 1) * sizeof *keys);
  for (size_t k = 0; k < c->nf; k++) {
    const plx_fact *f = &c->facts[k];
    int side = f->side ? 1 : 0;
    /* A fact needs a sentence to be drawn in (a side without any has no
     * facts). */
    if (f->status == PLX_FACT_MATCHED || !c->n[side]) continue;
    if (f->status == PLX_FACT_MISSING)
      c->missing[side]++;
    else
      c->conflicts[side]++;
    keys[c->norder++] = (S_key){side, f->sentence, f->start, f->end, k};
  }
  qsort(keys, c->norder, sizeof *keys, S_key_cmp);
  c->order = plx__malloc((c->norder ? c->norder : 1) * sizeof(size_t));
  for (size_t r = 0; r < c->norder; r++)
    c->order[r] = keys[r].k;
  free(keys);
  /* A fact whose sentence is out of range is drawn with the last sentence,
   * so that it is still counted once. */
  for (size_t r = 0; r < c->norder; r++) {
    const plx_fact *f = &c->facts[c->order[r]];
    int side = f->side ? 1 : 0;
    size_t s = f->sentence < c->n[side] ? f->sentence : c->n[side] ? c->n[side] - 1 : 0;
    c->fact_first[side][s + 1]++;
  }
  for (int side = 0; side < 2; side++) {
    for (size_t i = 1; i <= c->n[side]; i++)
      c->fact_first[side][i] += c->fact_first[side][i - 1];
    /* Offsets into order: side B's facts come after all of A's. */
    if (side == 1)
      for (size_t i = 0; i <= c->n[1]; i++)
        c->fact_first[1][i] += c->fact_first[0][c->n[0]];
  }
}

static int S_word_cmp(const void *x, const void *y) {
  const struct S_word *p = x, *q = y;
  if (p->start != q->start) return p->start < q->start ? -1 : 1;
  return p->end < q->end ? -1 : p->end > q->end;
}

/* The word of side starting at start (and ending at end), made once. */
static struct S_word *S_word_at(S_ctx *c, int side, size_t start, size_t end, size_t *cap) {
  for (size_t k = c->nwords[side]; k-- > 0 && k + 8 >= c->nwords[side];)
    if (c->words[side][k].start == start && c->words[side][k].end == end) return &c->words[side][k];
  plx__grow((void **)&c->words[side], cap, c->nwords[side] + 1, sizeof **c->words);
  struct S_word *w = &c->words[side][c->nwords[side]++];
  memset(w, 0, sizeof *w);
  w->start = start;
  w->end = end;
  return w;
}

static void S_words_init(S_ctx *c) {
  size_t cap[2] = {0, 0};
  for (size_t k = 0; k < plx_alignment_link_count(c->al); k++) {
    const plx_word_link *wl;
    size_t n;
    int made = plx__words_cached(c->al, k);
    if (plx_alignment_words(c->al, k, &wl, &n, NULL) != PLX_OK) continue;
    for (size_t q = 0; q < n; q++) {
      size_t st[2] = {wl[q].a_start, wl[q].b_start}, en[2] = {wl[q].a_end, wl[q].b_end};
      for (int side = 0; side < 2; side++) {
        struct S_word *w = S_word_at(c, side, st[side], en[side], &cap[side]);
        char id[32];
        snprintf(id, sizeof id, "w%c%zu", side ? 'a' : 'b', st[!side]);
        if (w->with.data && strstr(w->with.data, id)) continue;
        if (w->with.len) plx__buf_putc(&w->with, ' ');
        plx__buf_puts(&w->with, id);
        char *other = S_excerpt(c->texts[!side], st[!side], en[!side], 40);
        plx__buf_puts(&w->title, w->title.len ? ", " : "= ");
        plx__buf_puts(&w->title, other);
        free(other);
      }
    }
    if (!made) plx__words_drop(c->al, k);
  }
  /* merge the entries of a word met again out of order */
  for (int side = 0; side < 2; side++) {
    if (c->nwords[side] > 1) qsort(c->words[side], c->nwords[side], sizeof **c->words, S_word_cmp);
    size_t kept = 0;
    for (size_t k = 0; k < c->nwords[side]; k++) {
      struct S_word *w = &c->words[side][k];
      if (kept && c->words[side][kept - 1].start == w->start) {
        struct S_word *d = &c->words[side][kept - 1];
        plx__buf_putc(&d->with, ' ');
        plx__buf_put(&d->with, w->with.data, w->with.len);
        plx__buf_puts(&d->title, ", ");
        plx__buf_put(&d->title, w->title.data + 2, w->title.len - 2);
        plx__buf_free(&w->with);
        plx__buf_free(&w->title);
        continue;
      }
      c->words[side][kept++] = *w;
    }
    c->nwords[side] = kept;
  }
}

/* Text [s, e) of side with its aligned words as spans. */
static void S_text_words(const S_ctx *c, int side, xmlNodePtr parent, size_t s, size_t e) {
  const char *t = c->texts[side];
  const struct S_word *w = c->words[side];
  size_t n = c->nwords[side], lo = 0, hi = n;
  while (lo < hi) { /* the first word starting at or after s */
    size_t mid = (lo + hi) / 2;
    if (w[mid].start < s) lo = mid + 1;
    else hi = mid;
  }
  size_t pos = s;
  for (size_t k = lo; k < n && w[k].start < e; k++) {
    if (w[k].end > e || w[k].start < pos) continue;
    S_text(parent, t + pos, w[k].start - pos);
    xmlNodePtr span = S_el(parent, "span", "plx-w");
    S_attrf(span, "id", "w%c%zu", side ? 'b' : 'a', w[k].start);
    S_attr(span, "data-with", w[k].with.data ? w[k].with.data : "");
    if (w[k].title.data) S_attr(span, "title", w[k].title.data);
    S_text(span, t + w[k].start, w[k].end - w[k].start);
    pos = w[k].end;
  }
  S_text(parent, t + pos, e > pos ? e - pos : 0);
}

static void S_ctx_free(S_ctx *c) {
  for (int side = 0; side < 2; side++) {
    for (size_t k = 0; k < c->nwords[side]; k++) {
      plx__buf_free(&c->words[side][k].with);
      plx__buf_free(&c->words[side][k].title);
    }
    free(c->words[side]);
    free(c->fact_first[side]);
    free(c->link_first[side]);
    free(c->link_ids[side]);
  }
  free(c->order);
}

/* The index of the drawn fact that is f's counterpart (a conflict's other
 * value), or (size_t)-1. */
static size_t S_counterpart_fact(const S_ctx *c, const plx_fact *f) {
  if (!f->has_counterpart || f->status != PLX_FACT_CONFLICT) return (size_t)-1;
  int side = f->side ? 0 : 1;
  if (f->cp_sentence >= c->n[side]) return (size_t)-1;
  for (size_t r = c->fact_first[side][f->cp_sentence]; r < c->fact_first[side][f->cp_sentence + 1];
       r++) {
    const plx_fact *g = &c->facts[c->order[r]];
    if (g->start == f->cp_start && g->end == f->cp_end && g->status == PLX_FACT_CONFLICT)
      return c->order[r];
  }
  return (size_t)-1;
}

/* ---- Facts ---- */

/* What a fact says, quoted: its text, or for a fact with no text of its
 * own (an inline code of a bilingual file) its value. */
static char *S_fact_excerpt(const S_ctx *c, const plx_fact *f, size_t max) {
  if (f->end == f->start && f->value[0]) return plx__strndup(f->value, strlen(f->value));
  return S_excerpt(c->texts[f->side ? 1 : 0], f->start, f->end, max);
}

static void S_fact_attrs(const S_ctx *c, xmlNodePtr n, size_t k) {
  const plx_fact *f = &c->facts[k];
  int side = f->side ? 1 : 0;
  const char *sn = side ? "b" : "a", *other = side ? "A" : "B";
  S_attr(n, "data-status", plx_fact_status_name(f->status));
  S_attr(n, "data-side", sn);
  S_attrf(n, "data-fact", "%zu", k);
  S_attr(n, "data-type", f->type);
  if (f->value[0]) S_attr(n, "data-value", f->value);
  S_attrf(n, "id", "f%zu", k);
  char *what = S_fact_excerpt(c, f, 80);
  plx__buf t = {0};
  plx__buf_printf(&t, "%s “%s”", f->type, what);
  if (f->value[0] && strcmp(f->type, "name") != 0) plx__buf_printf(&t, " = %s", f->value);
  if (f->status == PLX_FACT_CONFLICT) {
    plx__buf_printf(&t, ": %s says %s", other, f->cp_value[0] ? f->cp_value : "otherwise");
    if (f->has_counterpart) plx__buf_printf(&t, " (%s%zu)", other, f->cp_sentence);
    size_t cp = S_counterpart_fact(c, f);
    if (cp != (size_t)-1) S_attrf(n, "data-counterpart", "f%zu", cp);
  } else {
    plx__buf_printf(&t, ": not in %s", other);
    if (f->has_counterpart) plx__buf_printf(&t, " (nearest: %s%zu)", other, f->cp_sentence);
  }
  S_attr(n, "title", t.data);
  plx__buf_free(&t);
  free(what);
}

/* The words that say what a fact is, next to it: "missing from B",
 * "conflict: 300 ≠ 400", so that the page reads without colour. */
static void S_fact_label(const S_ctx *c, xmlNodePtr parent, size_t k, int with_text) {
  const plx_fact *f = &c->facts[k];
  int side = f->side ? 1 : 0;
  xmlNodePtr tag =
      S_el(parent, "span",
           f->status == PLX_FACT_CONFLICT ? "plx-tag plx-tag-conflict" : "plx-tag plx-tag-missing");
  char *here = with_text ? S_fact_excerpt(c, f, 60) : NULL;
  if (f->status == PLX_FACT_CONFLICT) {
    char *there = f->has_counterpart && f->cp_end > f->cp_start
                      ? S_excerpt(c->texts[!side], f->cp_start, f->cp_end, 60)
                      : NULL;
    if (!here) here = S_fact_excerpt(c, f, 60);
    S_printf(tag, "conflict: %s ≠ %s", here, there ? there : f->cp_value);
    free(there);
  } else if (here) {
    S_printf(tag, "%s “%s” missing from %s", f->type, here, side ? "A" : "B");
  } else {
    S_printf(tag, "%smissing from %s", strcmp(f->type, "clause") ? "" : "clause ",
             side ? "A" : "B");
  }
  free(here);
}

typedef struct S_open {
  xmlNodePtr node;
  size_t end, fact;
} S_open;

/* Close the innermost open mark: its text up to its end, then its label
 * right after it. */
static void S_close_mark(const S_ctx *c, const char *t, S_open *stack, size_t *depth, size_t *pos,
                         xmlNodePtr root) {
  S_open *o = &stack[--*depth];
  S_text_words(c, c->facts[o->fact].side ? 1 : 0, o->node, *pos, o->end);
  (void)t;
  *pos = o->end;
  const plx_fact *f = &c->facts[o->fact];
  /* In a sentence with no counterpart every clause is missing, and the
   * sentence says so once ("no counterpart in B"). */
  if (strcmp(f->type, "clause") == 0 && f->status == PLX_FACT_MISSING &&
      plx_alignment_is_gap(c->al, f->side ? 1 : 0, f->sentence))
    return;
  S_fact_label(c, *depth ? stack[*depth - 1].node : root, o->fact, 0);
}

/* The sentence's text with its facts marked; facts that cannot be nested
 * are appended to *badges. */
static void S_sentence_text(const S_ctx *c, int side, size_t id, xmlNodePtr root, size_t **badges,
                            size_t *nbadges, size_t *bcap) {
  const plx_sentence *s = plx_doc_sentence(c->docs[side], id);
  const char *t = c->texts[side];
  size_t from = c->fact_first[side][id], to = c->fact_first[side][id + 1];
  S_open *stack = plx__malloc((to - from + 1) * sizeof *stack);
  size_t depth = 0, pos = s->start;
  for (size_t r = from; r < to; r++) {
    size_t k = c->order[r];
    const plx_fact *f = &c->facts[k];
    if (f->sentence != id || f->start < s->start || f->end > s->end || f->start >= f->end) {
      PLX__PUSH(*badges, *nbadges, *bcap, k);
      continue;
    }
    while (depth && stack[depth - 1].end <= f->start)
      S_close_mark(c, t, stack, &depth, &pos, root);
    if (f->start < pos || (depth && f->end > stack[depth - 1].end)) {
      /* Overlaps a mark only in part: cannot nest. */
      PLX__PUSH(*badges, *nbadges, *bcap, k);
      continue;
    }
    xmlNodePtr parent = depth ? stack[depth - 1].node : root;
    S_text_words(c, side, parent, pos, f->start);
    pos = f->start;
    xmlNodePtr m = S_el(parent, "mark",
                        f->status == PLX_FACT_CONFLICT
                            ? (strcmp(f->type, "clause") ? "plx-fact plx-conflict"
                                                         : "plx-fact plx-conflict plx-clause")
                            : (strcmp(f->type, "clause") ? "plx-fact plx-missing"
                                                         : "plx-fact plx-missing plx-clause"));
    S_fact_attrs(c, m, k);
    stack[depth++] = (S_open){m, f->end, k};
  }
  while (depth)
    S_close_mark(c, t, stack, &depth, &pos, root);
  S_text_words(c, side, root, pos, s->end);
  free(stack);
}

/* ---- Sentences and rows ---- */

static int S_has_status(const S_ctx *c, int side, size_t id, plx_fact_status st) {
  for (size_t r = c->fact_first[side][id]; r < c->fact_first[side][id + 1]; r++)
    if (c->facts[c->order[r]].status == st) return 1;
  return 0;
}

static void S_sentence(const S_ctx *c, xmlNodePtr cell, int side, size_t id) {
  const plx_sentence *s = plx_doc_sentence(c->docs[side], id);
  const char S = side ? 'B' : 'A', O = side ? 'A' : 'B';
  int gap = plx_alignment_is_gap(c->al, side, id) != 0;
  int dim = s->kind == PLX_KIND_BOILERPLATE || s->kind == PLX_KIND_DUPLICATE;
  plx__buf cls = {0};
  plx__buf_printf(&cls, "plx-s plx-kind-%s", plx_kind_name(s->kind));
  if (gap) plx__buf_puts(&cls, " plx-gap");
  if (dim) plx__buf_puts(&cls, " plx-dim");
  if (S_has_status(c, side, id, PLX_FACT_MISSING)) plx__buf_puts(&cls, " plx-s-missing");
  if (S_has_status(c, side, id, PLX_FACT_CONFLICT)) plx__buf_puts(&cls, " plx-s-conflict");
  xmlNodePtr e = S_el(cell, "div", cls.data);
  plx__buf_free(&cls);
  S_attrf(e, "id", "%c%zu", side ? 'b' : 'a', id);
  S_attr(e, "data-side", side ? "b" : "a");
  S_attrf(e, "data-sentence", "%zu", id);
  S_attr(e, "data-kind", plx_kind_name(s->kind));
  if (gap) S_attr(e, "data-gap", "1");
  if (s->kind == PLX_KIND_DUPLICATE) S_attrf(e, "data-duplicate-of", "%zu", s->duplicate_of);
  plx__buf links = {0};
  for (size_t x = c->link_first[side][id]; x < c->link_first[side][id + 1]; x++)
    plx__buf_printf(&links, "%s%zu", links.len ? " " : "", c->link_ids[side][x]);
  S_attr(e, "data-links", links.data ? links.data : "");
  plx__buf_free(&links);
  S_attr(e, "tabindex", "0");

  xmlNodePtr sid = S_el(e, "span", "plx-sid");
  S_printf(sid, "%c%zu", S, id);
  S_puts(e, " ");
  xmlNodePtr text = S_el(e, "span", "plx-st");
  size_t *badges = NULL, nb = 0, bcap = 0;
  S_sentence_text(c, side, id, text, &badges, &nb, &bcap);

  /* What the sentence is, in words: the page must read without colour. */
  if (gap || dim || s->kind != PLX_KIND_TEXT) {
    xmlNodePtr notes = S_el(e, "span", "plx-notes");
    S_attr(notes, "lang", "en");
    if (s->kind != PLX_KIND_TEXT) {
      xmlNodePtr k = S_el(notes, "span", "plx-note plx-note-kind");
      if (s->kind == PLX_KIND_DUPLICATE)
        S_printf(k, "duplicate of %c%zu", S, s->duplicate_of);
      else if (s->kind == PLX_KIND_BOILERPLATE)
        S_puts(k, "boilerplate");
      else
        S_puts(k, plx_kind_name(s->kind));
    }
    if (gap) S_printf(S_el(notes, "span", "plx-note plx-note-gap"), "no counterpart in %c", O);
  }
  if (nb) {
    xmlNodePtr ul = S_el(e, "ul", "plx-badges");
    S_attr(ul, "lang", "en");
    for (size_t x = 0; x < nb; x++) {
      const plx_fact *f = &c->facts[badges[x]];
      xmlNodePtr li = S_el(ul, "li",
                           f->status == PLX_FACT_CONFLICT ? "plx-fact plx-badge plx-conflict"
                                                          : "plx-fact plx-badge plx-missing");
      S_fact_attrs(c, li, badges[x]);
      S_fact_label(c, li, badges[x], 1);
    }
  }
  free(badges);
}

/* One row: A sentences a_ids (may be none) level with B sentences b_ids. */
static void S_row(const S_ctx *c, xmlNodePtr grid, size_t rowno, size_t b_rank,
                  const size_t *a_ids, size_t na, const size_t *b_ids, size_t nb) {
  int missing = 0, conflict = 0, missing_side[2] = {0, 0};
  for (int side = 0; side < 2; side++) {
    const size_t *ids = side ? b_ids : a_ids;
    size_t n = side ? nb : na;
    for (size_t x = 0; x < n; x++) {
      missing_side[side] |= S_has_status(c, side, ids[x], PLX_FACT_MISSING);
      conflict |= S_has_status(c, side, ids[x], PLX_FACT_CONFLICT);
    }
  }
  missing = missing_side[0] | missing_side[1];
  plx__buf cls = {0};
  plx__buf_printf(&cls, "plx-row %s", na && nb ? "plx-paired" : na ? "plx-only-a" : "plx-only-b");
  if (missing) plx__buf_puts(&cls, " plx-has-missing");
  /* what A has that B lacks, and the other way (the filters "only in") */
  if (missing_side[0]) plx__buf_puts(&cls, " plx-has-missing-a");
  if (missing_side[1]) plx__buf_puts(&cls, " plx-has-missing-b");
  if (conflict) plx__buf_puts(&cls, " plx-has-conflict");
  xmlNodePtr row = S_el(grid, "div", cls.data);
  plx__buf_free(&cls);
  S_attrf(row, "data-row", "%zu", rowno);
  S_attrf(row, "data-b-order", "%zu", b_rank);
  for (int side = 0; side < 2; side++) {
    const size_t *ids = side ? b_ids : a_ids;
    size_t n = side ? nb : na;
    xmlNodePtr cell = S_el(row, "div", side ? "plx-cell plx-col-b" : "plx-cell plx-col-a");
    S_attr(cell, "data-col", side ? "b" : "a");
    S_attr(cell, "lang", plx_doc_lang(c->docs[side]));
    if (!n) {
      xmlNodePtr none = S_el(cell, "span", "plx-empty");
      S_attr(none, "lang", "en");
      S_printf(none, "nothing in %c", side ? 'B' : 'A');
    }
    for (size_t x = 0; x < n; x++)
      S_sentence(c, cell, side, ids[x]);
  }
}

typedef struct S_slot {
  size_t anchor; /* the A row it belongs to */
  int place;     /* 0 before that row, 1 the row itself, 2 after it */
  size_t seq;    /* order among slots of the same anchor and place */
  size_t row;    /* A row (place 1) */
  size_t b;      /* the B sentence of a B-only row (place 0, 2) */
} S_slot;

static int S_slot_cmp(const void *x, const void *y) {
  const S_slot *p = x, *q = y;
  if (p->anchor != q->anchor) return p->anchor < q->anchor ? -1 : 1;
  if (p->place != q->place) return p->place < q->place ? -1 : 1;
  return p->seq < q->seq ? -1 : p->seq > q->seq;
}

/* B's order of the rows (the page's "B's order" button; see the layout
 * note): a row goes where its first B sentence is in B; a row with no B
 * sentence stays right after the row it follows in A's order, so that A's
 * unmatched sentences keep their neighbours. Returns each row's rank. */
typedef struct S_bkey {
  size_t key, row; /* first B sentence (or carried), A position */
} S_bkey;

static int S_bkey_cmp(const void *x, const void *y) {
  const S_bkey *p = x, *q = y;
  /* a key is one row's B sentence, carried by the rows after it in A's
   * order, so A's order within a key keeps them after that row */
  if (p->key != q->key) return p->key < q->key ? -1 : 1;
  return p->row < q->row ? -1 : p->row > q->row;
}

static size_t *S_b_order(const S_slot *slots, size_t ns, const size_t *bids,
                         const size_t *bfirst) {
  S_bkey *k = plx__malloc((ns ? ns : 1) * sizeof *k);
  /* key 0 is "before every B sentence"; B sentence j is key j + 1 */
  size_t carried = 0;
  for (size_t x = 0; x < ns; x++) {
    const S_slot *sl = &slots[x];
    size_t first = 0;
    if (sl->place != 1)
      first = sl->b + 1;
    else if (bfirst[sl->row + 1] > bfirst[sl->row])
      first = bids[bfirst[sl->row]] + 1; /* B ids of a row are ascending */
    if (first) {
      carried = first;
      k[x] = (S_bkey){first, x};
    } else
      k[x] = (S_bkey){carried, x};
  }
  qsort(k, ns, sizeof *k, S_bkey_cmp);
  size_t *rank = plx__malloc((ns ? ns : 1) * sizeof *rank);
  for (size_t r = 0; r < ns; r++)
    rank[k[r].row] = r;
  free(k);
  return rank;
}

/* See the layout note at the top of the file. */
static void S_rows(const S_ctx *c, xmlNodePtr grid) {
  size_t na = c->n[0], nb = c->n[1], nl = plx_alignment_link_count(c->al);
  /* A rows: a sentence joins the previous one's row when one link holds
   * both. */
  unsigned char *join = plx__calloc(na + 1, 1);
  for (size_t k = 0; k < nl; k++) {
    const plx_link *l = plx_alignment_link(c->al, k);
    for (size_t x = 1; x < l->na; x++)
      if (l->a[x] == l->a[x - 1] + 1 && l->a[x] < na) join[l->a[x]] = 1;
  }
  size_t *row_of_a = plx__malloc((na ? na : 1) * sizeof(size_t));
  size_t *row_first = plx__malloc((na + 1) * sizeof(size_t)); /* first A sentence of row r */
  size_t nrows = 0;
  for (size_t i = 0; i < na; i++) {
    if (i == 0 || !join[i]) row_first[nrows++] = i;
    row_of_a[i] = nrows - 1;
  }
  row_first[nrows] = na;
  /* B sentences: the row of their best link, if any. */
  size_t none = (size_t)-1;
  size_t *row_of_b = plx__malloc((nb ? nb : 1) * sizeof(size_t));
  for (size_t j = 0; j < nb; j++) {
    double best = -1;
    row_of_b[j] = none;
    for (size_t x = c->link_first[1][j]; x < c->link_first[1][j + 1]; x++) {
      const plx_link *l = plx_alignment_link(c->al, c->link_ids[1][x]);
      if (l->na && l->a[0] < na && l->score > best) {
        best = l->score;
        row_of_b[j] = row_of_a[l->a[0]];
      }
    }
  }
  /* given pairs (the units of a bilingual file): unit j of B is on the
   * row of unit j of A, linked or not */
  if (plx_alignment_mode(c->al) == PLX_MODE_PAIRED)
    for (size_t j = 0; j < nb && j < na; j++) row_of_b[j] = row_of_a[j];
  /* Slots: each A row, and each unlinked B sentence's own row placed after
   * the B sentence before it, or before the first linked B sentence. */
  S_slot *slots = plx__malloc((nrows + nb + 1) * sizeof *slots);
  size_t ns = 0;
  for (size_t r = 0; r < nrows; r++)
    slots[ns++] = (S_slot){r, 1, 0, r, 0};
  size_t first_linked = none;
  for (size_t j = 0; j < nb && first_linked == none; j++)
    if (row_of_b[j] != none) first_linked = row_of_b[j];
  size_t anchor = none;
  for (size_t j = 0; j < nb; j++) {
    if (row_of_b[j] != none) {
      anchor = row_of_b[j];
      continue;
    }
    if (anchor != none)
      slots[ns++] = (S_slot){anchor, 2, j, 0, j};
    else if (first_linked != none)
      slots[ns++] = (S_slot){first_linked, 0, j, 0, j};
    else /* nothing is linked: B's rows after A's */
      slots[ns++] = (S_slot){nrows, 0, j, 0, j};
  }
  qsort(slots, ns, sizeof *slots, S_slot_cmp);
  /* B sentences of each A row, in B's order (counting sort). */
  size_t *bfirst = plx__calloc(nrows + 2, sizeof(size_t));
  for (size_t j = 0; j < nb; j++)
    if (row_of_b[j] != none) bfirst[row_of_b[j] + 2]++;
  for (size_t r = 2; r < nrows + 2; r++)
    bfirst[r] += bfirst[r - 1];
  size_t *bids = plx__malloc((nb ? nb : 1) * sizeof(size_t));
  for (size_t j = 0; j < nb; j++)
    if (row_of_b[j] != none) bids[bfirst[row_of_b[j] + 1]++] = j;
  size_t *aids = plx__malloc((na ? na : 1) * sizeof(size_t));
  for (size_t i = 0; i < na; i++)
    aids[i] = i;
  size_t *b_rank = S_b_order(slots, ns, bids, bfirst);
  for (size_t x = 0; x < ns; x++) {
    const S_slot *sl = &slots[x];
    if (sl->place == 1)
      S_row(c, grid, x, b_rank[x], aids + row_first[sl->row],
            row_first[sl->row + 1] - row_first[sl->row], bids + bfirst[sl->row],
            bfirst[sl->row + 1] - bfirst[sl->row]);
    else
      S_row(c, grid, x, b_rank[x], NULL, 0, &sl->b, 1);
  }
  free(b_rank);
  free(aids);
  free(bids);
  free(bfirst);
  free(slots);
  free(row_of_b);
  free(row_first);
  free(row_of_a);
  free(join);
}

/* The most important differences, in words, each a link to its mark in
 * the page, in the text report's order: the conflicts, then the values,
 * names and details one side lacks, then whole sentences; by score. */
#define TOP_FACTS 8

typedef struct S_topkey {
  size_t k;
  int rank; /* 2 a conflict, 1 a value, name or detail, 0 a whole sentence */
  double score;
} S_topkey;

static int S_top_cmp(const void *x, const void *y) {
  const S_topkey *a = x, *b = y;
  if (a->rank != b->rank) return b->rank - a->rank;
  if (a->score != b->score) return a->score > b->score ? -1 : 1;
  return a->k < b->k ? -1 : a->k > b->k;
}

static void S_top_facts(const S_ctx *c, xmlNodePtr h) {
  S_topkey *keys = plx__malloc((c->norder + 1) * sizeof *keys);
  size_t n = 0;
  for (size_t r = 0; r < c->norder; r++) {
    const plx_fact *f = &c->facts[c->order[r]];
    /* a conflict once (A's side), a sentence with no counterpart once */
    if (f->status == PLX_FACT_CONFLICT && f->side) continue;
    int rank = f->status == PLX_FACT_CONFLICT ? 2 : strcmp(f->type, "clause") ? 1 : 0;
    keys[n++] = (S_topkey){c->order[r], rank, f->score};
  }
  if (!n) {
    S_el_text(h, "p", "plx-top plx-top-none",
              "Nothing to report: every fact of each version is in the other.");
    free(keys);
    return;
  }
  qsort(keys, n, sizeof *keys, S_top_cmp);
  xmlNodePtr box = S_el(h, "div", "plx-top");
  S_el_text(box, "h2", NULL, n > TOP_FACTS ? "The most important differences" : "The differences");
  xmlNodePtr ol = S_el(box, "ol", NULL);
  for (size_t q = 0; q < n && q < TOP_FACTS; q++) {
    const plx_fact *f = &c->facts[keys[q].k];
    int side = f->side ? 1 : 0;
    xmlNodePtr li = S_el(ol, "li", NULL);
    xmlNodePtr a = S_el(li, "a", f->status == PLX_FACT_CONFLICT ? "plx-top-conflict" : "plx-top-missing");
    S_attrf(a, "href", "#f%zu", keys[q].k);
    char *here = S_fact_excerpt(c, f, 70);
    if (f->status == PLX_FACT_CONFLICT) {
      char *there = f->has_counterpart && f->cp_end > f->cp_start
                        ? S_excerpt(c->texts[!side], f->cp_start, f->cp_end, 70)
                        : NULL;
      S_printf(a, "A%zu says “%s”, B%zu says “%s”", f->sentence, here, f->cp_sentence,
               there ? there : f->cp_value);
      free(there);
    } else if (strcmp(f->type, "clause") == 0) {
      S_printf(a, "%c%zu has no counterpart in %c: “%s”", side ? 'B' : 'A', f->sentence,
               side ? 'A' : 'B', here);
    } else {
      S_printf(a, "%c%zu: %s “%s” is not in %c", side ? 'B' : 'A', f->sentence, f->type, here,
               side ? 'A' : 'B');
    }
    free(here);
  }
  if (n > TOP_FACTS) {
    xmlNodePtr more = S_el(box, "p", "plx-top-more");
    S_printf(more, "…and %zu more, marked in the articles below.", n - TOP_FACTS);
  }
  free(keys);
}

/* ---- The page ---- */

static void S_summary(const S_ctx *c, xmlNodePtr body) {
  xmlNodePtr h = S_el(body, "header", "plx-summary");
  S_attr(h, "id", "plx-summary");
  S_attr(h, "data-mode", plx_align_mode_name(plx_alignment_mode(c->al)));
  S_attrf(h, "data-missing-a", "%zu", c->missing[0]);
  S_attrf(h, "data-missing-b", "%zu", c->missing[1]);
  S_attrf(h, "data-conflicts-a", "%zu", c->conflicts[0]);
  S_attrf(h, "data-conflicts-b", "%zu", c->conflicts[1]);
  S_attrf(h, "data-sentences-a", "%zu", c->n[0]);
  S_attrf(h, "data-sentences-b", "%zu", c->n[1]);
  S_attrf(h, "data-links", "%zu", plx_alignment_link_count(c->al));
  S_el_text(h, "h1", NULL, "What one version says and the other does not");
  xmlNodePtr docs = S_el(h, "ul", "plx-docs");
  for (int side = 0; side < 2; side++) {
    xmlNodePtr li = S_el(docs, "li", NULL);
    S_el_text(li, "strong", "plx-side-name", side ? "B" : "A");
    S_puts(li, " ");
    S_el_text(li, "code", "plx-path", c->paths[side]);
    S_printf(li, " — %s, %zu sentences", plx_lang_name(plx_doc_lang(c->docs[side])), c->n[side]);
  }
  xmlNodePtr counts = S_el(h, "ul", "plx-counts");
  for (int side = 0; side < 2; side++) {
    xmlNodePtr li = S_el(counts, "li", "plx-count plx-count-missing");
    S_printf(S_el(li, "strong", NULL), "%zu", c->missing[side]);
    S_printf(li, " %s of %c missing from %c", c->missing[side] == 1 ? "fact" : "facts",
             side ? 'B' : 'A', side ? 'A' : 'B');
  }
  /* A conflict is one disagreement, drawn on both sides. */
  size_t nconf = c->conflicts[0] > c->conflicts[1] ? c->conflicts[0] : c->conflicts[1];
  xmlNodePtr li = S_el(counts, "li", "plx-count plx-count-conflict");
  S_printf(S_el(li, "strong", NULL), "%zu", nconf);
  S_puts(li, nconf == 1 ? " conflict (marked on both sides)" : " conflicts (marked on both sides)");
  /* how the two were read, in plain words first */
  plx_align_mode mode = plx_alignment_mode(c->al);
  xmlNodePtr p = S_el(h, "p", "plx-mode");
  S_puts(p, mode == PLX_MODE_PARALLEL ? "Read as a translation: B follows A sentence by sentence. "
            : mode == PLX_MODE_PAIRED ? "Read as given pairs: each unit (line) of A with the "
                                        "same unit of B. "
                                      : "Read as two independent reports of one story: a "
                                        "sentence is matched with whatever says the same, in "
                                        "any order. ");
  S_printf(p, "%zu sentences of A and %zu of B have nothing like them on the other side.",
           c->gaps[0], c->gaps[1]);
  xmlNodePtr why = S_el(p, "span", "plx-mode-why");
  S_puts(why, " (Mode ");
  S_el_text(why, "strong", NULL, plx_align_mode_name(plx_alignment_mode(c->al)));
  if (plx_alignment_reason(c->al)[0]) S_printf(why, ": %s", plx_alignment_reason(c->al));
  S_printf(why, "; %zu links.)", plx_alignment_link_count(c->al));
  S_top_facts(c, h);

  xmlNodePtr bar = S_el(h, "div", "plx-bar");
  xmlNodePtr filters = S_el(bar, "div", "plx-filters");
  S_attr(filters, "role", "group");
  S_attr(filters, "aria-label", "Show rows");
  static const char *names[] = {"all", "missing", "missing-a", "missing-b", "conflict"};
  for (int k = 0; k < 5; k++) {
    xmlNodePtr b = S_el(filters, "button", "plx-filter");
    S_attr(b, "type", "button");
    S_attr(b, "data-filter", names[k]);
    S_attr(b, "aria-pressed", k ? "false" : "true");
    if (k == 0)
      S_puts(b, "All rows");
    else if (k == 1)
      S_printf(b, "Missing (%zu)", c->missing[0] + c->missing[1]);
    else if (k == 2)
      S_printf(b, "Only in A (%zu)", c->missing[0]);
    else if (k == 3)
      S_printf(b, "Only in B (%zu)", c->missing[1]);
    else
      S_printf(b, "Conflicts (%zu)", nconf);
  }
  if (mode == PLX_MODE_COMPARABLE) {
    /* two reports tell a story in their own orders: B can be read in its
     * own (the script moves the rows; printing keeps the order chosen) */
    xmlNodePtr order = S_el(bar, "div", "plx-orders");
    S_attr(order, "role", "group");
    S_attr(order, "aria-label", "Order of rows");
    S_el_text(order, "span", "plx-orders-label", "Read in");
    for (int side = 0; side < 2; side++) {
      xmlNodePtr b = S_el_text(order, "button", "plx-order", side ? "B's order" : "A's order");
      S_attr(b, "type", "button");
      S_attr(b, "data-order", side ? "b" : "a");
      S_attr(b, "aria-pressed", side ? "false" : "true");
    }
  }
  xmlNodePtr legend = S_el(bar, "p", "plx-legend");
  S_el_text(legend, "span", "plx-key plx-key-missing", "missing");
  S_puts(legend, " a fact the other version lacks · ");
  S_el_text(legend, "span", "plx-key plx-key-conflict", "conflict");
  S_puts(legend, " a value the other version gives otherwise · ");
  S_el_text(legend, "span", "plx-key plx-key-gap", "no counterpart");
  S_puts(legend, " a sentence with nothing like it on the other side · ");
  S_el_text(legend, "span", "plx-key plx-key-dim", "dimmed");
  S_puts(legend, " boilerplate and repeats, not compared. Click a sentence to see its counterpart "
                 "and why they were linked.");
}

static void S_links_data(const S_ctx *c, xmlNodePtr body) {
  /* The links for the script to read: which sentences, score, evidence. */
  xmlNodePtr box = S_el(body, "div", NULL);
  S_attr(box, "id", "plx-links");
  S_attr(box, "hidden", "hidden");
  for (size_t k = 0; k < plx_alignment_link_count(c->al); k++) {
    const plx_link *l = plx_alignment_link(c->al, k);
    xmlNodePtr e = S_el(box, "span", NULL);
    S_attrf(e, "data-link", "%zu", k);
    for (int side = 0; side < 2; side++) {
      const size_t *ids = side ? l->b : l->a;
      size_t n = side ? l->nb : l->na;
      plx__buf b = {0};
      for (size_t x = 0; x < n; x++)
        plx__buf_printf(&b, "%s%zu", x ? " " : "", ids[x]);
      S_attr(e, side ? "data-b" : "data-a", b.data ? b.data : "");
      plx__buf_free(&b);
    }
    S_attrf(e, "data-score", "%.4f", l->score);
    if (l->na && l->nb) {
      char *ev = plx_alignment_evidence(c->al, l->a[0], l->b[0]);
      S_puts(e, ev ? ev : "");
      free(ev);
    }
  }
}

/* An embedded asset (report/html/). The serialiser writes the contents of
 * style and script as they are, so they must not be able to end the
 * element early. */
static plx_status S_asset(xmlNodePtr parent, const char *elem, const char *name, plx_error *err) {
  size_t len;
  const char *d = plx__data_get(name, &len);
  if (!d) return plx__fail(err, PLX_ERR_INTERNAL, "%s is not built into the library", name);
  for (size_t i = 0; i + 1 < len; i++)
    if (d[i] == '<' && (d[i + 1] == '/' || d[i + 1] == '!'))
      return plx__fail(err, PLX_ERR_INTERNAL, "%s contains '<%c'", name, d[i + 1]);
  xmlNodePtr e = S_el(parent, elem, NULL);
  S_text(e, d, len);
  return PLX_OK;
}

static plx_status S_serialise(htmlDocPtr doc, char **out, size_t *outlen, plx_error *err) {
  xmlBufferPtr buf = xmlBufferCreate();
  if (!buf) plx__oom();
  xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
  xmlOutputBufferPtr ob = utf8 ? xmlOutputBufferCreateBuffer(buf, utf8) : NULL;
  if (!ob) {
    xmlBufferFree(buf);
    return plx__fail(err, PLX_ERR_INTERNAL, "cannot create an HTML output buffer");
  }
  /* Not htmlDocDumpMemory, which writes non-ASCII letters as entities, nor
   * xmlSaveToBuffer, which adds a second, http-equiv charset declaration. */
  htmlDocContentDumpFormatOutput(ob, doc, "UTF-8", 1);
  int failed = ob->error != 0;
  if (xmlOutputBufferClose(ob) < 0) failed = 1;
  if (failed) {
    xmlBufferFree(buf);
    return plx__fail(err, PLX_ERR_INTERNAL, "cannot serialise the HTML report");
  }
  plx__buf o = {0};
  plx__buf_put(&o, (const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
  xmlBufferFree(buf);
  *out = plx__buf_detach(&o, outlen);
  return PLX_OK;
}

plx_status plx__alignment_html(const plx_alignment *al, const plx_doc *a, const plx_doc *b,
                               const char *path_a, const char *path_b, const plx_fact *facts,
                               size_t nf, char **out, size_t *outlen, plx_error *err) {
  S_ctx c = {0};
  c.al = al;
  c.docs[0] = a;
  c.docs[1] = b;
  c.paths[0] = path_a ? path_a : "(standard input)";
  c.paths[1] = path_b ? path_b : "(standard input)";
  for (int side = 0; side < 2; side++) {
    size_t len;
    c.texts[side] = plx_doc_text(c.docs[side], &len);
    c.n[side] = plx_doc_sentence_count(c.docs[side]);
  }
  c.facts = facts;
  c.nf = nf;
  S_ctx_init(&c);
  S_words_init(&c);

  htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
  if (!doc) plx__oom();
  /* <!DOCTYPE html>: htmlNewDoc would declare HTML 4.0 with a URL. */
  if (!xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL)) plx__oom();
  xmlNodePtr html = S_checked(xmlNewDocNode(doc, NULL, BAD_CAST "html", NULL));
  xmlDocSetRootElement(doc, html);
  /* The page's own words are English; each column carries its language. */
  S_attr(html, "lang", "en");
  xmlNodePtr head = S_el(html, "head", NULL);
  S_attr(S_el(head, "meta", NULL), "charset", "utf-8");
  xmlNodePtr vp = S_el(head, "meta", NULL);
  S_attr(vp, "name", "viewport");
  S_attr(vp, "content", "width=device-width, initial-scale=1");
  xmlNodePtr gen = S_el(head, "meta", NULL);
  S_attr(gen, "name", "generator");
  S_attr(gen, "content", "parallax " PLX_VERSION_STRING);
  xmlNodePtr title = S_el(head, "title", NULL);
  S_printf(title, "Parallax: %s ↔ %s", c.paths[0], c.paths[1]);
  plx_status st = S_asset(head, "style", "report/html/report.css", err);

  xmlNodePtr body = S_el(html, "body", NULL);
  S_attr(body, "data-filter", "all");
  if (!st) {
    S_summary(&c, body);
    xmlNodePtr main = S_el(body, "main", "plx-grid");
    S_attr(main, "id", "plx-grid");
    S_attr(main, "data-mode", plx_align_mode_name(plx_alignment_mode(al)));
    xmlNodePtr hr = S_el(main, "div", "plx-row plx-head");
    for (int side = 0; side < 2; side++) {
      xmlNodePtr hc = S_el(hr, "div", side ? "plx-cell plx-col-b" : "plx-cell plx-col-a");
      S_el_text(hc, "strong", "plx-side-name", side ? "B" : "A");
      S_printf(hc, " %s ", plx_lang_name(plx_doc_lang(c.docs[side])));
      S_el_text(hc, "code", "plx-path", c.paths[side]);
    }
    S_rows(&c, main);
    xmlNodePtr panel = S_el(body, "aside", "plx-panel");
    S_attr(panel, "id", "plx-panel");
    S_attr(panel, "hidden", "hidden");
    S_attr(panel, "aria-live", "polite");
    S_attr(panel, "aria-label", "Counterpart and evidence");
    xmlNodePtr close = S_el_text(panel, "button", "plx-close", "Close");
    S_attr(close, "type", "button");
    S_attr(close, "id", "plx-close");
    S_attr(S_el(panel, "div", "plx-evidence"), "id", "plx-evidence");
    S_links_data(&c, body);
    xmlNodePtr foot = S_el(body, "footer", "plx-footer");
    S_puts(foot, "Made by Parallax " PLX_VERSION_STRING
                 " (parallax diff --format html). Keyboard: Tab to a sentence, Enter to show its "
                 "counterpart, Escape to clear.");
    st = S_asset(body, "script", "report/html/report.js", err);
  }
  if (!st) st = S_serialise(doc, out, outlen, err);
  xmlFreeDoc(doc);
  S_ctx_free(&c);
  return st;
}
