/* diff_out.c: render an alignment and its facts (align and diff): JSON per
 * INTERFACE.md, a plain text report for the terminal, and TMX; the HTML
 * report of diff is in html_out.c. */
#include "align_internal.h"
#include "plx_align.h"
#include "plx_words.h"
#include "plx_report.h"
#include "report_internal.h"

#include <libxml/xmlwriter.h>
#include <stdint.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <stdlib.h>
#include <string.h>

static void S_ids(plx__jw *w, const size_t *ids, size_t n) {
  plx__jw_array(w);
  for (size_t i = 0; i < n; i++) plx__jw_int(w, (long long)ids[i]);
  plx__jw_array_end(w);
}

/* Round to 4 decimals so that output is stable and readable. */
static void S_real(plx__jw *w, double x) {
  plx__jw_real(w, (double)(long long)(x * 10000.0 + 0.5) / 10000.0);
}

static void S_kv_str(plx__jw *w, const char *k, const char *v) {
  plx__jw_key(w, k);
  plx__jw_str(w, v);
}

static void S_kv_int(plx__jw *w, const char *k, long long v) {
  plx__jw_key(w, k);
  plx__jw_int(w, v);
}

void plx__alignment_json(plx__jw *w, const plx_alignment *al, const plx_doc *a,
                         const plx_doc *b, const char *pa, const char *pb,
                         const plx_fact *facts, size_t nf, int with_facts) {
  plx__jw_object(w);
  plx__jw_key(w, "a");
  plx__doc_json(w, a, pa);
  plx__jw_key(w, "b");
  plx__doc_json(w, b, pb);
  S_kv_str(w, "mode", plx_align_mode_name(plx_alignment_mode(al)));
  if (plx_alignment_reason(al)[0]) S_kv_str(w, "mode_reason", plx_alignment_reason(al));
  plx__jw_key(w, "links");
  plx__jw_array(w);
  for (size_t k = 0; k < plx_alignment_link_count(al); k++) {
    const plx_link *l = plx_alignment_link(al, k);
    plx__jw_object(w);
    plx__jw_key(w, "a");
    S_ids(w, l->a, l->na);
    plx__jw_key(w, "b");
    S_ids(w, l->b, l->nb);
    plx__jw_key(w, "score");
    S_real(w, l->score);
    char *ev = plx_alignment_evidence(al, l->a[0], l->b[0]);
    S_kv_str(w, "evidence", ev);
    free(ev);
    /* the aligned words: [a_start, a_end, b_start, b_end] */
    const plx_word_link *wl;
    size_t nw;
    plx__jw_key(w, "words");
    plx__jw_array(w);
    int made = plx__words_cached(al, k);
    if (plx_alignment_words(al, k, &wl, &nw, NULL) == PLX_OK)
      for (size_t q = 0; q < nw; q++) {
        plx__jw_array(w);
        plx__jw_int(w, (long long)wl[q].a_start);
        plx__jw_int(w, (long long)wl[q].a_end);
        plx__jw_int(w, (long long)wl[q].b_start);
        plx__jw_int(w, (long long)wl[q].b_end);
        plx__jw_array_end(w);
      }
    /* made here only to be written: not held for every link at once */
    if (!made) plx__words_drop(al, k);
    plx__jw_array_end(w);
    plx__jw_object_end(w);
  }
  plx__jw_array_end(w);
  plx__jw_key(w, "gaps");
  plx__jw_array(w);
  for (int side = 0; side < 2; side++) {
    const plx_doc *d = side ? b : a;
    for (size_t i = 0; i < plx_doc_sentence_count(d); i++)
      if (plx_alignment_is_gap(al, side, i)) {
        plx__jw_object(w);
        S_kv_str(w, "side", side ? "b" : "a");
        S_kv_int(w, "sentence", (long long)i);
        plx__jw_object_end(w);
      }
  }
  plx__jw_array_end(w);
  if (with_facts) {
    plx__jw_key(w, "facts");
    plx__jw_array(w);
    for (size_t k = 0; k < nf; k++) {
      const plx_fact *f = &facts[k];
      const plx_doc *d = f->side ? b : a;
      size_t len;
      const char *t = plx_doc_text(d, &len);
      plx__jw_object(w);
      S_kv_str(w, "side", f->side ? "b" : "a");
      S_kv_int(w, "sentence", (long long)f->sentence);
      S_kv_int(w, "start", (long long)f->start);
      S_kv_int(w, "end", (long long)f->end);
      plx__jw_key(w, "text");
      plx__jw_strn(w, t + f->start, f->end - f->start);
      S_kv_str(w, "type", f->type);
      S_kv_str(w, "value", f->value);
      S_kv_str(w, "status", plx_fact_status_name(f->status));
      plx__jw_key(w, "score");
      S_real(w, f->score);
      if (f->has_counterpart) {
        plx__jw_key(w, "counterpart");
        plx__jw_object(w);
        S_kv_str(w, "side", f->side ? "a" : "b");
        S_kv_int(w, "sentence", (long long)f->cp_sentence);
        S_kv_int(w, "start", (long long)f->cp_start);
        S_kv_int(w, "end", (long long)f->cp_end);
        if (f->cp_value[0]) S_kv_str(w, "value", f->cp_value);
        plx__jw_object_end(w);
      }
      if (f->evidence[0]) S_kv_str(w, "evidence", f->evidence);
      plx__jw_object_end(w);
    }
    plx__jw_array_end(w);
    plx__jw_key(w, "summary");
    plx__summary_json(w, al, a, b, facts, nf);
  }
  plx__jw_object_end(w);
}

static plx_status S_json(const plx_alignment *al, const plx_doc *a, const plx_doc *b,
                         const char *pa, const char *pb, const plx_fact *facts, size_t nf,
                         int with_facts, char **out, size_t *outlen, plx_error *err) {
  (void)err;
  plx__buf buf = {0};
  plx__jw w;
  plx__jw_init(&w, &buf);
  plx__alignment_json(&w, al, a, b, pa, pb, facts, nf, with_facts);
  plx__buf_putc(&buf, '\n');
  *out = plx__buf_detach(&buf, outlen);
  return PLX_OK;
}

void plx__summary_json(plx__jw *w, const plx_alignment *al, const plx_doc *a, const plx_doc *b,
                       const plx_fact *facts, size_t nf) {
  plx__report_counts c;
  plx__report_count(al, a, b, facts, nf, &c);
  plx__jw_object(w);
  S_kv_int(w, "sentences_a", (long long)plx_doc_sentence_count(a));
  S_kv_int(w, "sentences_b", (long long)plx_doc_sentence_count(b));
  S_kv_int(w, "links", (long long)plx_alignment_link_count(al));
  S_kv_int(w, "gaps_a", (long long)c.gaps[0]);
  S_kv_int(w, "gaps_b", (long long)c.gaps[1]);
  S_kv_int(w, "missing_a", (long long)c.missing[0]);
  S_kv_int(w, "missing_b", (long long)c.missing[1]);
  S_kv_int(w, "conflicts", (long long)c.conflicts);
  plx__jw_object_end(w);
}

void plx__report_count(const plx_alignment *al, const plx_doc *a, const plx_doc *b,
                       const plx_fact *facts, size_t nf, plx__report_counts *c) {
  const plx_doc *docs[2] = {a, b};
  memset(c, 0, sizeof *c);
  for (int side = 0; side < 2; side++)
    for (size_t i = 0; i < plx_doc_sentence_count(docs[side]); i++)
      c->gaps[side] += plx_alignment_is_gap(al, side, i) != 0;
  for (size_t k = 0; k < nf; k++) {
    if (facts[k].status == PLX_FACT_MISSING) c->missing[facts[k].side]++;
    if (facts[k].status == PLX_FACT_CONFLICT && facts[k].side == 0) c->conflicts++;
  }
}

/* ---- the text report ---- */

/* Terminal columns of one character (see plx_display_width). */
static int S_cp_width(uint32_t c) {
  if (c == 0) return 0;
  int8_t gc = u_charType((UChar32)c);
  if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_FORMAT_CHAR) return 0;
  /* Hangul medial vowels and final consonants join the preceding syllable */
  if (c >= 0x1160 && c <= 0x11FF) return 0;
  int ea = u_getIntPropertyValue((UChar32)c, UCHAR_EAST_ASIAN_WIDTH);
  if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) return 2;
  if (u_hasBinaryProperty((UChar32)c, UCHAR_EMOJI_PRESENTATION)) return 2;
  return 1;
}

size_t plx_display_width(const char *s, size_t len) {
  /* ICU's decoder, not plx__utf8_next: paths given by the user need not
   * be valid UTF-8, and an invalid sequence is shown as one column a byte */
  size_t w = 0;
  int32_t i = 0, n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
  while (i < n) {
    int32_t before = i;
    UChar32 c;
    U8_NEXT((const uint8_t *)s, i, n, c);
    w += c < 0 ? (size_t)(i - before) : (size_t)S_cp_width((uint32_t)c);
  }
  return w;
}

/* SGR colours: only when the caller asked for colour. */
enum { S_BOLD, S_DIM, S_MISSING, S_CONFLICT, S_ID, S_HEAD };
static const char *const S_sgr[] = {"1", "2", "33", "1;35", "1;36", "1;4"};

static void S_on(plx__buf *b, int color, int style) {
  if (color) plx__buf_printf(b, "\033[%sm", S_sgr[style]);
}
static void S_off(plx__buf *b, int color) {
  if (color) plx__buf_puts(b, "\033[0m");
}

/* A sentence or span quoted on one line, shortened to at most max terminal
 * columns (not bytes, so that accented and wide text is cut at the same
 * visual length, and never inside a character or before its accents). */
static void S_quote(plx__buf *b, const char *t, size_t s, size_t e, size_t max) {
  plx__buf_puts(b, "\u201c");
  size_t k = s, cols = 0;
  while (k < e) {
    size_t next = k;
    uint32_t c = plx__utf8_next(t, e, &next);
    if (next == k) next = k + 1;
    int w = c == '\n' || c == '\r' || c == '\t' ? 1 : S_cp_width(c);
    if (cols + (size_t)w > max) break;
    if (w == 1 && (c == '\n' || c == '\r' || c == '\t')) plx__buf_putc(b, ' ');
    else plx__buf_put(b, t + k, next - k);
    cols += (size_t)w;
    k = next;
  }
  if (k < e) plx__buf_puts(b, "\u2026");
  plx__buf_puts(b, "\u201d");
}

/* Text padded with spaces to a number of terminal columns. */
static void S_pad(plx__buf *b, const char *s, size_t cols) {
  size_t n = strlen(s), w = plx_display_width(s, n);
  plx__buf_put(b, s, n);
  for (; w < cols; w++) plx__buf_putc(b, ' ');
}

static void S_text_fact(plx__buf *b, const plx_fact *f, const plx_doc *d, const plx_doc *od,
                        int color) {
  size_t len, olen;
  const char *t = plx_doc_text(d, &len), *ot = plx_doc_text(od, &olen);
  S_on(b, color, f->status == PLX_FACT_CONFLICT ? S_CONFLICT : S_MISSING);
  plx__buf_printf(b, "    %s ", f->type);
  S_off(b, color);
  S_quote(b, t, f->start, f->end, strcmp(f->type, "clause") == 0 ? 100 : 60);
  if (strcmp(f->type, "name") != 0 && strcmp(f->type, "clause") != 0)
    plx__buf_printf(b, " = %s", f->value);
  if (f->status == PLX_FACT_CONFLICT && f->has_counterpart) {
    plx__buf_puts(b, "\n      but ");
    S_on(b, color, S_ID);
    plx__buf_printf(b, "%c%zu", f->side ? 'A' : 'B', f->cp_sentence);
    S_off(b, color);
    plx__buf_puts(b, " says ");
    S_quote(b, ot, f->cp_start, f->cp_end, 60);
    if (f->cp_value[0]) plx__buf_printf(b, " = %s", f->cp_value);
    if (f->evidence[0]) {
      S_on(b, color, S_DIM);
      plx__buf_printf(b, "\n      (one claim: %s)", f->evidence);
      S_off(b, color);
    }
  } else if (f->has_counterpart) {
    const plx_sentence *cs = plx_doc_sentence(od, f->cp_sentence);
    S_on(b, color, S_DIM);
    plx__buf_printf(b, "\n      nearest: %c%zu ", f->side ? 'A' : 'B', f->cp_sentence);
    S_quote(b, ot, cs->start, cs->end, 80);
    S_off(b, color);
  }
  plx__buf_putc(b, '\n');
}

/* The heading of a sentence: its id, a note, and the sentence quoted. */
static void S_text_sentence(plx__buf *o, const plx_doc *d, int side, size_t id, const char *note,
                            size_t max, int color) {
  size_t len;
  const char *t = plx_doc_text(d, &len);
  const plx_sentence *s = plx_doc_sentence(d, id);
  S_on(o, color, S_ID);
  plx__buf_printf(o, "%c%zu", side ? 'B' : 'A', id);
  S_off(o, color);
  if (note[0]) {
    S_on(o, color, S_DIM);
    plx__buf_printf(o, " %s", note);
    S_off(o, color);
  }
  plx__buf_putc(o, ' ');
  S_quote(o, t, s->start, s->end, max);
  plx__buf_putc(o, '\n');
}

/* The summary: a small table, A and B side by side, its columns lined up
 * by display width (paths may hold accents or wide characters). */
static void S_text_summary(plx__buf *o, const plx_alignment *al, const plx_doc *const docs[2],
                           const char *const paths[2], const size_t gaps[2],
                           const size_t missing[2], size_t conflicts, int with_facts,
                           int color) {
  char cells[5][2][64];
  static const char *rows[] = {"language", "sentences", "no counterpart", "facts only here"};
  size_t nrows = with_facts ? 4 : 3;
  for (int side = 0; side < 2; side++) {
    snprintf(cells[0][side], sizeof cells[0][side], "%s", plx_doc_lang(docs[side]));
    snprintf(cells[1][side], sizeof cells[1][side], "%zu", plx_doc_sentence_count(docs[side]));
    snprintf(cells[2][side], sizeof cells[2][side], "%zu", gaps[side]);
    snprintf(cells[3][side], sizeof cells[3][side], "%zu", missing[side]);
  }
  size_t label = strlen("facts only here") + 2;
  size_t col = plx_display_width(paths[0], strlen(paths[0])) + 3;
  if (col < 8) col = 8;
  S_on(o, color, S_BOLD);
  S_pad(o, "", label);
  S_pad(o, "A", col);
  plx__buf_puts(o, "B");
  S_off(o, color);
  plx__buf_putc(o, '\n');
  S_pad(o, "file", label);
  S_pad(o, paths[0], col);
  plx__buf_printf(o, "%s\n", paths[1]);
  for (size_t r = 0; r < nrows; r++) {
    S_pad(o, rows[r], label);
    S_pad(o, cells[r][0], col);
    plx__buf_printf(o, "%s\n", cells[r][1]);
  }
  if (with_facts) {
    S_pad(o, "conflicts", label);
    if (conflicts) S_on(o, color, S_CONFLICT);
    plx__buf_printf(o, "%zu", conflicts);
    if (conflicts) S_off(o, color);
    plx__buf_putc(o, '\n');
  }
  S_pad(o, "links", label);
  plx__buf_printf(o, "%zu\n", plx_alignment_link_count(al));
  S_pad(o, "mode", label);
  plx__buf_printf(o, "%s%s%s%s\n", plx_align_mode_name(plx_alignment_mode(al)),
                  plx_alignment_reason(al)[0] ? " (" : "", plx_alignment_reason(al),
                  plx_alignment_reason(al)[0] ? ")" : "");
}

static void S_heading(plx__buf *o, const char *title, int color) {
  plx__buf_putc(o, '\n');
  S_on(o, color, S_HEAD);
  plx__buf_printf(o, "== %s", title);
  S_off(o, color);
  plx__buf_putc(o, '\n');
}

static void S_text_links(plx__buf *o, const plx_alignment *al, const plx_doc *const docs[2],
                         int color) {
  for (size_t k = 0; k < plx_alignment_link_count(al); k++) {
    const plx_link *l = plx_alignment_link(al, k);
    plx__buf_printf(o, "\n%.2f  ", l->score);
    S_on(o, color, S_ID);
    plx__buf_putc(o, 'A');
    for (size_t x = 0; x < l->na; x++) plx__buf_printf(o, "%s%zu", x ? "," : "", l->a[x]);
    plx__buf_puts(o, " = B");
    for (size_t y = 0; y < l->nb; y++) plx__buf_printf(o, "%s%zu", y ? "," : "", l->b[y]);
    S_off(o, color);
    plx__buf_putc(o, '\n');
    for (int side = 0; side < 2; side++) {
      const size_t *ids = side ? l->b : l->a;
      size_t n = side ? l->nb : l->na;
      for (size_t x = 0; x < n; x++) {
        plx__buf_puts(o, "  ");
        S_text_sentence(o, docs[side], side, ids[x], "", 100, color);
      }
    }
  }
}

/* Facts grouped by sentence: the sentences by their best fact's score,
 * highest first (then in document order), and within a sentence its
 * facts by score (a whole sentence with no counterpart first). */
typedef struct S_sort_ctx {
  const plx_fact *facts;
  const plx_alignment *al;
} S_sort_ctx;

static double S_sentence_best(const S_sort_ctx *c, const size_t *order, size_t n, int side,
                              size_t sentence) {
  double best = 0;
  for (size_t k = 0; k < n; k++) {
    const plx_fact *f = &c->facts[order[k]];
    if (f->side == side && f->sentence == sentence && f->score > best) best = f->score;
  }
  return best;
}

/* A fact's sort key, whole: qsort has no context argument, and a static
 * pointer to the facts would not be thread-safe (batch workers render
 * reports at the same time). */
typedef struct S_keyed {
  size_t fact, sentence, start;
  double sentence_score, score;
  int side, whole;
} S_keyed;

static int S_cmp_keyed(const void *x, const void *y) {
  const S_keyed *a = x, *b = y;
  if (a->sentence_score != b->sentence_score) return a->sentence_score > b->sentence_score ? -1 : 1;
  if (a->side != b->side) return a->side - b->side;
  if (a->sentence != b->sentence) return a->sentence < b->sentence ? -1 : 1;
  if (a->whole != b->whole) return b->whole - a->whole;
  if (a->score != b->score) return a->score > b->score ? -1 : 1;
  return a->start < b->start ? -1 : a->start > b->start;
}

/* One part of the report: facts order[0, n), each sentence once with its
 * facts under it. */
static void S_text_part(plx__buf *o, const S_sort_ctx *c, size_t *order, size_t n,
                        const plx_doc *const docs[2], int color) {
  if (!n) {
    S_on(o, color, S_DIM);
    plx__buf_puts(o, "\n(none)\n");
    S_off(o, color);
    return;
  }
  S_keyed *kv = plx__malloc(n * sizeof *kv);
  for (size_t k = 0; k < n; k++) {
    const plx_fact *f = &c->facts[order[k]];
    kv[k].fact = order[k];
    kv[k].side = f->side;
    kv[k].sentence = f->sentence;
    kv[k].start = f->start;
    kv[k].score = f->score;
    kv[k].sentence_score = S_sentence_best(c, order, n, f->side, f->sentence);
    kv[k].whole = strcmp(f->type, "clause") == 0;
  }
  qsort(kv, n, sizeof *kv, S_cmp_keyed);
  int last_side = -1;
  size_t last = (size_t)-1;
  for (size_t k = 0; k < n; k++) {
    const plx_fact *f = &c->facts[kv[k].fact];
    if (f->sentence != last || f->side != last_side) {
      plx__buf_putc(o, '\n');
      S_text_sentence(o, docs[f->side], f->side, f->sentence,
                      plx_alignment_is_gap(c->al, f->side, f->sentence) ? "(no counterpart)" : "",
                      160, color);
      last = f->sentence;
      last_side = f->side;
    }
    /* a whole sentence is its heading already */
    if (strcmp(f->type, "clause") == 0) continue;
    S_text_fact(o, f, docs[f->side], docs[!f->side], color);
  }
  free(kv);
}

static plx_status S_text(const plx_alignment *al, const plx_doc *a, const plx_doc *b,
                         const char *pa, const char *pb, const plx_fact *facts, size_t nf,
                         int with_facts, int color, char **out, size_t *outlen) {
  plx__buf o = {0};
  const plx_doc *const docs[2] = {a, b};
  const char *const paths[2] = {pa ? pa : "standard input", pb ? pb : "standard input"};
  plx__report_counts c;
  plx__report_count(al, a, b, facts, nf, &c);
  S_text_summary(&o, al, docs, paths, c.gaps, c.missing, c.conflicts, with_facts, color);
  if (!with_facts) {
    S_text_links(&o, al, docs, color);
    *out = plx__buf_detach(&o, outlen);
    return PLX_OK;
  }
  /* Triage: what disagrees first, then what one side has and the other
   * lacks inside sentences they share (values, names, details), then the
   * sentences with no counterpart, each once; within a part, the surest
   * and most important first. */
  size_t *order = plx__malloc((nf + 1) * sizeof *order);
  S_sort_ctx sc = {facts, al};
  size_t n = 0;
  for (size_t k = 0; k < nf; k++)
    if (facts[k].status == PLX_FACT_CONFLICT && facts[k].side == 0) order[n++] = k;
  S_heading(&o, "Conflicts", color);
  S_text_part(&o, &sc, order, n, docs, color);
  static const char *titles[] = {"In A, not in B", "In B, not in A"};
  for (int side = 0; side < 2; side++) {
    n = 0;
    for (size_t k = 0; k < nf; k++)
      if (facts[k].side == side && facts[k].status == PLX_FACT_MISSING &&
          !plx_alignment_is_gap(al, side, facts[k].sentence))
        order[n++] = k;
    S_heading(&o, titles[side], color);
    S_text_part(&o, &sc, order, n, docs, color);
  }
  static const char *gtitles[] = {"Sentences of A with no counterpart in B",
                                  "Sentences of B with no counterpart in A"};
  for (int side = 0; side < 2; side++) {
    n = 0;
    for (size_t k = 0; k < nf; k++)
      if (facts[k].side == side && facts[k].status == PLX_FACT_MISSING &&
          plx_alignment_is_gap(al, side, facts[k].sentence))
        order[n++] = k;
    S_heading(&o, gtitles[side], color);
    S_text_part(&o, &sc, order, n, docs, color);
  }
  free(order);
  *out = plx__buf_detach(&o, outlen);
  return PLX_OK;
}

/* TMX 1.4b: one translation unit per link at or above min_score. */
static plx_status S_tmx(const plx_alignment *al, const plx_doc *a, const plx_doc *b,
                        double min_score, char **out, size_t *outlen, plx_error *err) {
  xmlBufferPtr buf = xmlBufferCreate();
  xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
  if (!w) {
    if (buf) xmlBufferFree(buf);
    return plx__fail(err, PLX_ERR_INTERNAL, "cannot create an XML writer");
  }
  int rc = 0;
  rc |= xmlTextWriterSetIndent(w, 1) < 0;
  rc |= xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0;
  rc |= xmlTextWriterStartElement(w, BAD_CAST "tmx") < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST "1.4") < 0;
  rc |= xmlTextWriterStartElement(w, BAD_CAST "header") < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "creationtool", BAD_CAST "parallax") < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "creationtoolversion", BAD_CAST PLX_VERSION_STRING) < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "datatype", BAD_CAST "plaintext") < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "segtype", BAD_CAST "sentence") < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "adminlang", BAD_CAST "en") < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "srclang", BAD_CAST plx_doc_lang(a)) < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "o-tmf", BAD_CAST "parallax") < 0;
  rc |= xmlTextWriterEndElement(w) < 0;
  rc |= xmlTextWriterStartElement(w, BAD_CAST "body") < 0;
  const plx_doc *docs[2] = {a, b};
  for (size_t k = 0; k < plx_alignment_link_count(al) && !rc; k++) {
    const plx_link *l = plx_alignment_link(al, k);
    if (l->score < min_score) continue;
    rc |= xmlTextWriterStartElement(w, BAD_CAST "tu") < 0;
    char score[32];
    snprintf(score, sizeof score, "%.4f", l->score);
    rc |= xmlTextWriterStartElement(w, BAD_CAST "prop") < 0;
    rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST "x-parallax-score") < 0;
    rc |= xmlTextWriterWriteString(w, BAD_CAST score) < 0;
    rc |= xmlTextWriterEndElement(w) < 0;
    for (int side = 0; side < 2; side++) {
      const size_t *ids = side ? l->b : l->a;
      size_t n = side ? l->nb : l->na;
      size_t len;
      const char *t = plx_doc_text(docs[side], &len);
      plx__buf seg = {0};
      for (size_t x = 0; x < n; x++) {
        const plx_sentence *s = plx_doc_sentence(docs[side], ids[x]);
        if (seg.len) plx__buf_putc(&seg, ' ');
        for (size_t q = s->start; q < s->end; q++)
          plx__buf_putc(&seg, t[q] == '\n' || t[q] == '\r' ? ' ' : t[q]);
      }
      rc |= xmlTextWriterStartElement(w, BAD_CAST "tuv") < 0;
      rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "xml:lang", BAD_CAST plx_doc_lang(docs[side])) < 0;
      rc |= xmlTextWriterWriteElement(w, BAD_CAST "seg", BAD_CAST(seg.data ? seg.data : "")) < 0;
      rc |= xmlTextWriterEndElement(w) < 0;
      plx__buf_free(&seg);
    }
    rc |= xmlTextWriterEndElement(w) < 0;
  }
  rc |= xmlTextWriterEndDocument(w) < 0;
  xmlFreeTextWriter(w);
  if (rc) {
    xmlBufferFree(buf);
    return plx__fail(err, PLX_ERR_INTERNAL, "cannot write TMX");
  }
  plx__buf o = {0};
  plx__buf_put(&o, (const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
  xmlBufferFree(buf);
  *out = plx__buf_detach(&o, outlen);
  return PLX_OK;
}

void plx_report_options_init(plx_report_options *o) {
  memset(o, 0, sizeof *o);
  o->format = PLX_FORMAT_TEXT;
  o->min_score = 0.5;
  plx_fact_filter_init(&o->facts);
}

plx_status plx_alignment_render(const plx_alignment *al, const plx_doc *a, const plx_doc *b,
                                const char *path_a, const char *path_b, plx_format format,
                                int with_facts, double min_score, char **out, size_t *len,
                                int *differences, plx_error *err) {
  plx_report_options o;
  plx_report_options_init(&o);
  o.format = format;
  o.with_facts = with_facts;
  o.min_score = min_score;
  return plx_alignment_report(al, a, b, path_a, path_b, &o, out, len, differences, err);
}

plx_status plx__alignment_render_facts(const plx_alignment *al, const plx_doc *a,
                                      const plx_doc *b, const char *path_a, const char *path_b,
                                      const plx_report_options *o, const plx_fact *facts,
                                      size_t nf, char **out, size_t *len, plx_error *err) {
  *out = NULL;
  int with_facts = o->with_facts;
  switch (o->format) {
  case PLX_FORMAT_JSON:
    return S_json(al, a, b, path_a, path_b, facts, nf, with_facts, out, len, err);
  case PLX_FORMAT_TEXT:
    return S_text(al, a, b, path_a, path_b, facts, nf, with_facts, o->color, out, len);
  case PLX_FORMAT_TMX:
    return S_tmx(al, a, b, o->min_score, out, len, err);
  case PLX_FORMAT_HTML:
    /* The page is about facts; align has none to show. */
    if (with_facts) return plx__alignment_html(al, a, b, path_a, path_b, facts, nf, out, len, err);
    return plx__fail(err, PLX_ERR_USAGE, "the HTML report is made by diff, not align");
  }
  return plx__fail(err, PLX_ERR_USAGE, "this report is not available in that format yet");
}

plx_status plx_alignment_report(const plx_alignment *al, const plx_doc *a, const plx_doc *b,
                                const char *path_a, const char *path_b,
                                const plx_report_options *o, char **out, size_t *len,
                                int *differences, plx_error *err) {
  *out = NULL;
  plx_fact *facts = NULL;
  size_t nf = 0;
  if (differences) *differences = 0;
  if (o->with_facts) {
    plx_status st = plx_facts(al, &facts, &nf, err);
    if (st) return st;
    nf = plx_facts_select(facts, nf, &o->facts);
    for (size_t k = 0; k < nf && differences; k++)
      if (facts[k].status != PLX_FACT_MATCHED) *differences = 1;
  }
  plx_status st = plx__alignment_render_facts(al, a, b, path_a, path_b, o, facts, nf, out, len, err);
  free(facts);
  return st;
}
