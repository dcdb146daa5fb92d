/* facts.c: the checkable units of each sentence, whether the other article
 * has them, and how much each verdict matters.
 *
 * Coverage. Every word of a linked sentence is covered or not by the word
 * alignment of its links (words.c): by meaning (a translation, a name, a
 * value, cognates: "lexically"), or only by its place (the one word a
 * translation put between the same two aligned words).
 *
 * Values (numbers, amounts, percentages, dates, durations, ordinals) come
 * from the values normaliser. A value is matched when an equal value is in
 * a linked sentence (a bare number meets a value of the same magnitude
 * there: "29" / "de 29 años"); failing that, it is in conflict with an
 * unmatched value of the same kind in a linked sentence, paired one to one:
 * values the word alignment put in the same place first, then the closest
 * ("an airspeed of 65" / "66"); failing that, matched when an equal value
 * is where the other article may hold it (S_window: anywhere in two
 * reports, near the linked sentences in a translation), or when a word of
 * the linked sentence covers it ("12.00" / "12:00"); failing that, in
 * conflict with a value of the same kind anywhere that the words next to
 * both tie to one claim (S_anchor_conflicts); otherwise missing.
 *
 * Names are capitalised words inside a sentence (not after a full stop)
 * and names of the names table anywhere, runs of them taken together
 * ("Patricia Campbell-Smith"), titles before a name ("Dr.", "St.") and
 * Roman numerals left out: matched when the word alignment covers them
 * ("Nova Scotia" / "Nueva Escocia", "Labour" / "laboristas" in the same
 * place) or when the other article names them (S_window).
 *
 * Details. In a linked sentence, a run of content words that no word of
 * the other side covers by meaning (a phrase within a clause: it may span
 * two function words; names and values are facts of their own) is a
 * detail: missing when the other side has nothing uncovered between the
 * same two aligned words, in conflict with what the other side has there
 * otherwise ("by convention" / "en rigor"). A free translation renders
 * many words in ways the lexicon does not know; the score keeps those low
 * (see S_detail_score).
 *
 * Sentences with no counterpart are one fact each (type "clause"), not
 * again as their clauses.
 *
 * Scores. Importance (a changed amount over a dropped adverb; the parts
 * of speech of a detail's words) times certainty (how well the rest of the
 * link aligns, whether the lexicon knows the words, whether the other side
 * has something in their place, and for details whether the lengths of the
 * two sides show text missing). Comparable articles (two reports, not a
 * translation) say things differently by nature: their details count for
 * less.
 */
#include "align_internal.h"
#include "plx_values.h"
#include "plx_words.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DETAIL_SPAN 2       /* function words a detail may span */
#define COMPARABLE_DAMP 0.7 /* details of two independent reports */

const char *plx_fact_status_name(plx_fact_status s) {
  switch (s) {
  case PLX_FACT_MATCHED: return "matched";
  case PLX_FACT_MISSING: return "missing";
  case PLX_FACT_CONFLICT: return "conflict";
  }
  return "matched";
}

/* ---- what the word alignment covers ---- */

/* how a word is covered, weakest first: by its place only, between runs
 * of unlike length or of like length (word for word), by a value of the
 * same kind in its place (a different one), by meaning */
enum { COV_NONE = 0, COV_PLACE_UNEVEN = 1, COV_PLACE = 2, COV_VALUE = 3, COV_LEX = 4 };

typedef struct S_cov {
  uint8_t *state[2];  /* per token of each analysis: COV_* */
  int32_t *other[2];  /* per token: the other side's token (analysis index) */
  double *link_q;     /* per link: share of its content words aligned by meaning */
  /* per token: the link of its best alignment (for the link's quality) */
  int32_t *link[2];
} S_cov;

static void S_cover(const plx_alignment *al, S_cov *c) {
  for (int side = 0; side < 2; side++) {
    size_t n = al->ana[side].ntok;
    c->state[side] = plx__calloc(n + 1, 1);
    c->other[side] = plx__malloc((n + 1) * sizeof *c->other[side]);
    c->link[side] = plx__malloc((n + 1) * sizeof *c->link[side]);
    for (size_t t = 0; t < n; t++) c->other[side][t] = c->link[side][t] = -1;
  }
  c->link_q = plx__calloc(al->nlinks + 1, sizeof *c->link_q);
  for (size_t k = 0; k < al->nlinks; k++) {
    const plx__wl *w = plx__words(al, k);
    size_t content = 0, lex = 0;
    for (int side = 0; side < 2; side++) {
      const plx__ana *an = &al->ana[side];
      for (size_t t = 0; t < w->n[side]; t++) {
        size_t g = an->first[w->sent[side][t]] + w->tok[side][t];
        const plx__tk *tk = &an->tok[g];
        int is_content = !(tk->flags & PLX__TF_STOP);
        content += is_content;
        int32_t b = w->best[side][t];
        if (b < 0) continue;
        int how = w->bhow[side][t];
        int st = how == PLX_WORD_VALUE ? COV_VALUE : COV_LEX;
        if (how == PLX_WORD_PLACE) st = w->bscore[side][t] >= 0.3f ? COV_PLACE : COV_PLACE_UNEVEN;
        if (st == COV_LEX) lex += is_content;
        if (st > c->state[side][g]) {
          const plx__ana *on = &al->ana[!side];
          c->state[side][g] = (uint8_t)st;
          c->other[side][g] = (int32_t)(on->first[w->sent[!side][b]] + w->tok[!side][b]);
          c->link[side][g] = (int32_t)k;
        }
      }
    }
    c->link_q[k] = content ? (double)lex / (double)content : 1.0;
  }
}

static void S_cover_free(S_cov *c) {
  for (int side = 0; side < 2; side++) {
    free(c->state[side]);
    free(c->other[side]);
    free(c->link[side]);
  }
  free(c->link_q);
}

/* ---- links of each sentence ---- */

typedef struct S_val {
  plx_value v;      /* span in document text */
  size_t sentence;
  int used;         /* matched by an equal value on the other side (index + 1) */
  int conflict;     /* paired with an unequal one in a linked sentence (index + 1) */
  int covered;      /* covered by a word of a linked sentence (analysis token + 1) */
  uint32_t t0, t1;  /* its tokens in the analysis */
  size_t lo, hi;    /* where the other side may hold it (S_window) */
  int anchored;     /* a conflict outside linked sentences: anchor pairs */
  uint32_t anchor_a, anchor_b; /* the first anchor pair (analysis tokens) */
} S_val;

typedef struct S_side {
  S_val *vals;
  size_t nvals, cap;
  size_t **links_of; /* per sentence: linked sentences of the other side */
  size_t *nlinks_of, *caplinks_of;
  int32_t **link_ids; /* per sentence: its links */
  size_t *nlink_ids, *caplink_ids;
} S_side;

static int S_linked(const S_side *s, size_t sent, size_t other) {
  for (size_t k = 0; k < s->nlinks_of[sent]; k++)
    if (s->links_of[sent][k] == other) return 1;
  return 0;
}

/* Where the other article may hold what sentence i says: anywhere for two
 * reports; in a translation, its linked sentences and their neighbours
 * (NEAR either side), or for a sentence with no counterpart the stretch
 * between the counterparts of the nearest linked sentences around it. A
 * translation that left out "Brazilian" in one sentence has not kept it
 * because another sentence says "Brazil". */
#define NEAR 2
static void S_window(const plx_alignment *al, const S_side *sd, int side, size_t i, size_t *lo,
                     size_t *hi) {
  size_t m = al->n[!side];
  *lo = 0;
  *hi = m ? m - 1 : 0;
  if (al->mode == PLX_MODE_COMPARABLE || !m) return;
  const S_side *s = &sd[side];
  size_t a = SIZE_MAX, b = 0;
  for (size_t k = 0; k < s->nlinks_of[i]; k++) {
    if (s->links_of[i][k] < a) a = s->links_of[i][k];
    if (s->links_of[i][k] > b) b = s->links_of[i][k];
  }
  if (a == SIZE_MAX) {
    /* the counterparts of the linked sentences before and after it */
    a = 0;
    b = m - 1;
    for (size_t p = i; p-- > 0;)
      if (s->nlinks_of[p]) {
        for (size_t k = 0; k < s->nlinks_of[p]; k++)
          if (s->links_of[p][k] > a || k == 0) a = s->links_of[p][k];
        break;
      }
    for (size_t p = i + 1; p < al->n[side]; p++)
      if (s->nlinks_of[p]) {
        b = s->links_of[p][0];
        break;
      }
  }
  *lo = a > NEAR ? a - NEAR : 0;
  *hi = b + NEAR < m ? b + NEAR : m - 1;
}

/* The link a sentence is read against: its best aligned. */
static int32_t S_primary(const S_side *sd, const S_cov *c, int side, size_t sent) {
  const S_side *s = &sd[side];
  int32_t best = -1;
  for (size_t k = 0; k < s->nlink_ids[sent]; k++) {
    int32_t l = s->link_ids[sent][k];
    if (best < 0 || c->link_q[l] > c->link_q[best]) best = l;
  }
  return best;
}

/* The best quality of the links of a sentence. */
static double S_sentence_q(const S_side *s, const S_cov *c, size_t sent) {
  double q = 0;
  for (size_t k = 0; k < s->nlink_ids[sent]; k++)
    if (c->link_q[s->link_ids[sent][k]] > q) q = c->link_q[s->link_ids[sent][k]];
  return q;
}

static void S_push_fact(plx_fact **f, size_t *n, size_t *cap, const plx_fact *x) {
  PLX__PUSH(*f, *n, *cap, *x);
}

/* While the facts are built their strings are each allocated (or point to
 * S_none); plx__facts_pack moves them into the array's block. */
static const char S_none[] = "";

void plx__fact_init(plx_fact *f, int side, size_t sentence, size_t start, size_t end,
                    const char *type) {
  memset(f, 0, sizeof *f);
  f->side = side;
  f->sentence = sentence;
  f->start = start;
  f->end = end;
  f->type = type;
  f->value = f->cp_value = f->evidence = S_none;
}

static void S_set_value(const char **dst, const char *t, size_t s, size_t e) {
  *dst = e > s ? plx__strndup(t + s, e - s) : S_none;
}

static void S_set_str(const char **dst, const char *s) { S_set_value(dst, s, 0, strlen(s)); }

static void S_fact_strings_free(plx_fact *f) {
  if (f->value != S_none) free((char *)f->value);
  if (f->cp_value != S_none) free((char *)f->cp_value);
  if (f->evidence != S_none) free((char *)f->evidence);
}

/* ---- values ---- */

/* The values of each content sentence, as the analysis read them, with
 * their tokens. */
static void S_collect_values(const plx_alignment *al, const S_side *sd, int side, S_side *s,
                             const S_cov *c) {
  const plx__ana *an = &al->ana[side];
  for (size_t i = 0; i < al->n[side]; i++) {
    if (!al->content[side][i]) continue;
    for (uint32_t k = an->vfirst[i]; k < an->vfirst[i + 1]; k++) {
      S_val x;
      memset(&x, 0, sizeof x);
      x.v = an->vals[k];
      x.sentence = i;
      S_window(al, sd, side, i, &x.lo, &x.hi);
      uint32_t t = an->first[i], e = an->first[i + 1];
      while (t < e && an->tok[t].end <= x.v.start) t++;
      x.t0 = t;
      while (t < e && an->tok[t].start < x.v.end) t++;
      x.t1 = t;
      for (uint32_t q = x.t0; q < x.t1; q++) {
        if (c->state[side][q] == COV_LEX) {
          x.covered = (int)q + 1;
          break;
        }
        /* by place only: when the word there is written with digits too
         * ("12.00" / "12:00") */
        if (c->state[side][q] == COV_PLACE || c->state[side][q] == COV_PLACE_UNEVEN) {
          const plx__tk *o = &al->ana[!side].tok[c->other[side][q]];
          if (o->flags & PLX__TF_DIGITS) x.covered = (int)q + 1;
        }
      }
      PLX__PUSH(s->vals, s->nvals, s->cap, x);
    }
  }
}

/* In linked sentences, a bare number meets any value of the same
 * magnitude: "29" and "de 29 años", "53" and "53 años". The same digits
 * read two ways meet too: "6,678" in a Spanish text that kept the English
 * separators reads 6.678 by Spanish rules, "12.158" against "12,158"; two
 * sentences that say the same thing with the same digits mean one number. */
static int S_loose_equal(const plx_alignment *al, const plx_value *a, const plx_value *b) {
  if (plx_value_equal(a, b)) return 1;
  if (a->type == b->type && a->number != b->number && a->number != 0 && b->number != 0) {
    size_t la, lb;
    const char *ta = plx_doc_text(al->doc[0], &la), *tb = plx_doc_text(al->doc[1], &lb);
    double r = a->number > b->number ? a->number / b->number : b->number / a->number;
    if (plx__same_digits(ta, a->start, a->end, tb, b->start, b->end) >= 4 &&
        (fabs(r - 1000) < 1e-6 * r || fabs(r - 1e6) < 1e-6 * r))
      return 1;
  }
  if (a->type != PLX_VALUE_NUMBER && b->type != PLX_VALUE_NUMBER) return 0;
  if (a->type == PLX_VALUE_DATE || b->type == PLX_VALUE_DATE) return 0;
  return a->number == b->number && a->number != 0;
}

/* Match equal values: pass 0 only between linked sentences, pass 1
 * anywhere. */
static void S_match_equal(const plx_alignment *al, S_side *sd, int pass) {
  for (int side = 0; side < 2; side++)
    for (size_t i = 0; i < sd[side].nvals; i++) {
      S_val *x = &sd[side].vals[i];
      if (x->used || x->conflict) continue;
      S_side *o = &sd[!side];
      for (size_t k = 0; k < o->nvals; k++) {
        S_val *y = &o->vals[k];
        if (y->conflict) continue;
        if (pass == 0) {
          if (!S_linked(&sd[side], x->sentence, y->sentence) ||
              !S_loose_equal(al, side ? &y->v : &x->v, side ? &x->v : &y->v))
            continue;
        } else if (y->sentence < x->lo || y->sentence > x->hi || !plx_value_equal(&x->v, &y->v)) {
          continue;
        }
        x->used = (int)k + 1;
        if (!y->used) y->used = (int)i + 1;
        break;
      }
    }
}

/* Values of A and B left unmatched in two linked sentences are paired one
 * to one when they are of a kind (another number, another date): the two
 * sentences say the same thing, so the values disagree. This comes before
 * equal values elsewhere in the article: "the 12 appropriations bills"
 * against "13 proyectos" is a conflict even if another sentence mentions
 * 13 of something. Values the word alignment put in one place pair first
 * ("30" / "27" where the words around them align), then the closest
 * values ("an airspeed of 65" / "16 millas ... 66"), then in text order. */
typedef struct S_vpair {
  size_t x, y; /* value of A, value of B */
  double dist;
} S_vpair;

static int S_cmp_vpair(const void *p, const void *q) {
  const S_vpair *a = p, *b = q;
  if (a->dist != b->dist) return a->dist < b->dist ? -1 : 1;
  if (a->x != b->x) return a->x < b->x ? -1 : 1;
  return a->y < b->y ? -1 : a->y > b->y;
}

static double S_value_dist(const plx_value *a, const plx_value *b) {
  double x = fabs(a->number), y = fabs(b->number), m = x > y ? x : y;
  return m > 0 ? fabs(a->number - b->number) / m : 0;
}

/* Whether the word alignment put a token of x with a token of y (not
 * merely by place), and a word next to them with the word next to the
 * other ("Thing 1" / "Cosa 2": the values stand in one place; a value
 * merely near another is not enough). */
static int S_aligned_vals(const plx_alignment *al, const S_side *sd, const S_cov *c,
                          const S_val *x, const S_val *y) {
  const plx__ana *A = &al->ana[0], *B = &al->ana[1];
  for (size_t k = 0; k < sd[0].nlink_ids[x->sentence]; k++) {
    const plx__wl *w = plx__words(al, (size_t)sd[0].link_ids[x->sentence][k]);
    for (size_t q = 0; q < w->npairs; q++) {
      const plx__wpair *p = &w->pairs[q];
      if (p->how == PLX_WORD_PLACE) continue;
      uint32_t ga = A->first[w->sent[0][p->x]] + w->tok[0][p->x];
      uint32_t gb = B->first[w->sent[1][p->y]] + w->tok[1][p->y];
      if (ga < x->t0 || ga >= x->t1 || gb < y->t0 || gb >= y->t1) continue;
      /* content words: a function word may be aligned to any "de" */
      int before = x->t0 > 0 && y->t0 > 0 && c->state[0][x->t0 - 1] == COV_LEX &&
                   !(A->tok[x->t0 - 1].flags & PLX__TF_STOP) &&
                   c->other[0][x->t0 - 1] == (int32_t)y->t0 - 1;
      int after = x->t1 < A->ntok && c->state[0][x->t1] == COV_LEX &&
                  !(A->tok[x->t1].flags & PLX__TF_STOP) && c->other[0][x->t1] == (int32_t)y->t1;
      if (before || after) return 1;
    }
  }
  return 0;
}

static void S_pair_conflicts(const plx_alignment *al, S_side *sd, const S_cov *c) {
  S_vpair *p = NULL;
  size_t np = 0, cap = 0;
  for (size_t i = 0; i < sd[0].nvals; i++) {
    const S_val *x = &sd[0].vals[i];
    if (x->used) continue;
    for (size_t k = 0; k < sd[1].nvals; k++) {
      const S_val *y = &sd[1].vals[k];
      if (y->used || !S_linked(&sd[0], x->sentence, y->sentence)) continue;
      if (!plx_value_comparable(&x->v, &y->v)) continue;
      double d = S_aligned_vals(al, sd, c, x, y) ? -1.0 : S_value_dist(&x->v, &y->v);
      S_vpair v = {i, k, d};
      PLX__PUSH(p, np, cap, v);
    }
  }
  if (np) qsort(p, np, sizeof *p, S_cmp_vpair);
  for (size_t k = 0; k < np; k++) {
    S_val *x = &sd[0].vals[p[k].x], *y = &sd[1].vals[p[k].y];
    if (x->conflict || y->conflict) continue;
    x->conflict = (int)p[k].y + 1;
    y->conflict = (int)p[k].x + 1;
  }
  free(p);
}

/* How much a value matters when it is missing or changed. Ordinals in
 * words ("first", "primeros") are often turns of phrase. */
static double S_value_weight(const plx_value *v, const char *text) {
  int digits = 0;
  for (size_t k = v->start; k < v->end; k++)
    if (text[k] >= '0' && text[k] <= '9') digits = 1;
  /* one short span or one coin, in words ("one day", "for a minute",
   * "dollars a day", "un peso"): as often a turn of phrase or a rate as a
   * count ("a year", "a decade" are counts) */
  if (!digits && v->number == 1 &&
      (v->type == PLX_VALUE_AMOUNT ||
       (v->type == PLX_VALUE_DURATION &&
        (!strcmp(v->unit, "D") || !strcmp(v->unit, "H") || !strcmp(v->unit, "MIN") ||
         !strcmp(v->unit, "S")))))
    return 0.4;
  switch (v->type) {
  case PLX_VALUE_AMOUNT:
  case PLX_VALUE_PERCENT:
  case PLX_VALUE_DATE: return 1.0;
  case PLX_VALUE_DURATION: return 0.9;
  case PLX_VALUE_NUMBER: {
    /* "two", "dos": a translation may say "both", "a pair", "twice" */
    for (size_t k = v->start; k < v->end; k++)
      if (text[k] >= '0' && text[k] <= '9') return 0.85;
    return 0.55;
  }
  case PLX_VALUE_ORDINAL: {
    for (size_t k = v->start; k < v->end; k++)
      if (text[k] >= '0' && text[k] <= '9') return 0.8;
    return 0.45;
  }
  }
  return 0.8;
}

/* ---- conflicts across the article ---- */

/* Values left unmatched anywhere in the article are paired when they are
 * of one kind and the words next to them (ANCHOR_WINDOW either side) say
 * the same thing: "around 460,000 speakers" / "450.000 hablantes",
 * "Firefly (2002)" / "Firefly (2001)" ("a year attached to the same
 * title"). Two reports put one claim in sentences the alignment may not
 * link. The anchors are the lexicon's pairs (translations, names,
 * cognates) between the two sentences; the strongest ties pair first, one
 * to one. */
#define ANCHOR_WINDOW 3
#define ANCHOR_TRIES 64 /* candidates per value, so that time stays linear */

typedef struct S_apair {
  size_t x, y;  /* values of A and B */
  int strength; /* anchor pairs */
  double dist;
  uint32_t ta, tb; /* the first anchor pair (analysis tokens) */
} S_apair;

static int S_cmp_apair(const void *p, const void *q) {
  const S_apair *a = p, *b = q;
  if (a->strength != b->strength) return b->strength - a->strength;
  if (a->dist != b->dist) return a->dist < b->dist ? -1 : 1;
  if (a->x != b->x) return a->x < b->x ? -1 : 1;
  return a->y < b->y ? -1 : a->y > b->y;
}

static void S_anchor_conflicts(const plx_alignment *al, S_side *sd) {
  const plx__ana *A = &al->ana[0], *B = &al->ana[1];
  plx_alignment *m = (plx_alignment *)al;
  plx__tplist pl = {0};
  S_apair *ps = NULL;
  size_t np = 0, cap = 0;
  size_t li = SIZE_MAX, lj = SIZE_MAX; /* the sentence pair in pl */
  for (size_t i = 0; i < sd[0].nvals; i++) {
    const S_val *x = &sd[0].vals[i];
    if (x->used || x->conflict || x->covered) continue;
    size_t tries = 0;
    for (size_t k = 0; k < sd[1].nvals && tries < ANCHOR_TRIES; k++) {
      const S_val *y = &sd[1].vals[k];
      if (y->used || y->conflict || y->covered || !plx_value_comparable(&x->v, &y->v)) continue;
      if (y->sentence < x->lo || y->sentence > x->hi) continue;
      tries++;
      if (x->sentence != li || y->sentence != lj) {
        plx__align_pairs(m, x->sentence, y->sentence, &pl);
        li = x->sentence;
        lj = y->sentence;
      }
      uint32_t fa = A->first[x->sentence], fb = B->first[y->sentence];
      uint32_t ea = A->first[x->sentence + 1], eb = B->first[y->sentence + 1];
      S_apair a = {i, k, 0, S_value_dist(&x->v, &y->v), 0, 0};
      for (size_t q = 0; q < pl.n; q++) {
        uint32_t ta = fa + pl.p[q].ta, tb = fb + pl.p[q].tb;
        if (ta >= ea || tb >= eb) continue;
        const plx__tk *u = &A->tok[ta], *v = &B->tok[tb];
        if ((u->flags | v->flags) & (PLX__TF_STOP | PLX__TF_NUMBER)) continue;
        int near_a = ta + ANCHOR_WINDOW >= x->t0 && ta < x->t1 + ANCHOR_WINDOW;
        int near_b = tb + ANCHOR_WINDOW >= y->t0 && tb < y->t1 + ANCHOR_WINDOW;
        if (!near_a || !near_b) continue;
        if (!a.strength) a.ta = ta, a.tb = tb;
        a.strength++;
      }
      if (a.strength) PLX__PUSH(ps, np, cap, a);
    }
  }
  if (np) qsort(ps, np, sizeof *ps, S_cmp_apair);
  for (size_t k = 0; k < np; k++) {
    S_val *x = &sd[0].vals[ps[k].x], *y = &sd[1].vals[ps[k].y];
    if (x->conflict || y->conflict) continue;
    x->conflict = (int)ps[k].y + 1;
    y->conflict = (int)ps[k].x + 1;
    x->anchor_a = y->anchor_a = ps[k].ta;
    x->anchor_b = y->anchor_b = ps[k].tb;
    x->anchored = y->anchored = ps[k].strength;
  }
  free(ps);
  free(pl.p);
}

static void S_value_facts(const plx_alignment *al, S_side *sd, const S_cov *c, plx_fact **f,
                          size_t *n, size_t *cap) {
  S_match_equal(al, sd, 0);
  S_pair_conflicts(al, sd, c);
  S_match_equal(al, sd, 1);
  S_anchor_conflicts(al, sd);
  for (int side = 0; side < 2; side++) {
    size_t len;
    const char *text = plx_doc_text(al->doc[side], &len);
    for (size_t i = 0; i < sd[side].nvals; i++) {
      S_val *x = &sd[side].vals[i];
      S_side *o = &sd[!side];
      plx_fact fct;
      plx__fact_init(&fct, side, x->sentence, x->v.start, x->v.end, plx_value_type_name(x->v.type));
      S_set_str(&fct.value, x->v.value);
      const S_val *cp = NULL;
      double wgt = S_value_weight(&x->v, text);
      int linked = sd[side].nlinks_of[x->sentence] > 0;
      if (x->used) {
        fct.status = PLX_FACT_MATCHED;
        cp = &o->vals[x->used - 1];
      } else if (x->conflict && x->anchored) {
        /* tied by the words next to them, outside linked sentences: two
         * anchors are surer than one */
        fct.status = PLX_FACT_CONFLICT;
        cp = &o->vals[x->conflict - 1];
        fct.score = wgt * (x->anchored >= 2 ? 0.85 : 0.7);
        const plx__tk *ua = &al->ana[0].tok[x->anchor_a], *ub = &al->ana[1].tok[x->anchor_b];
        size_t la, lb;
        const char *ta = plx_doc_text(al->doc[0], &la), *tb = plx_doc_text(al->doc[1], &lb);
        plx__buf ev = {0};
        plx__buf_put(&ev, ta + ua->start, ua->end - ua->start);
        plx__buf_putc(&ev, '=');
        plx__buf_put(&ev, tb + ub->start, ub->end - ub->start);
        S_set_value(&fct.evidence, ev.data, 0, ev.len);
        plx__buf_free(&ev);
      } else if (x->conflict) {
        fct.status = PLX_FACT_CONFLICT;
        cp = &o->vals[x->conflict - 1];
        /* aligned to each other: surely the same slot */
        const S_val *a = side ? cp : x, *b = side ? x : cp;
        fct.score = wgt * (S_aligned_vals(al, sd, c, a, b) ? 1.0 : 0.8);
      } else if (x->covered && linked) {
        /* a word of the other side stands for it */
        fct.status = PLX_FACT_MATCHED;
        int32_t g = c->other[side][x->covered - 1];
        const plx__tk *ot = &al->ana[!side].tok[g];
        size_t os = 0;
        while (os + 1 < al->n[!side] && al->ana[!side].first[os + 1] <= (uint32_t)g) os++;
        fct.has_counterpart = 1;
        fct.cp_sentence = os;
        fct.cp_start = ot->start;
        fct.cp_end = ot->end;
      } else {
        fct.status = PLX_FACT_MISSING;
        /* in a linked sentence: how well the rest of it is aligned says
         * how sure the absence is; in a sentence with no counterpart the
         * sentence itself is the news */
        fct.score = wgt * (linked ? 0.75 + 0.25 * S_sentence_q(&sd[side], c, x->sentence) : 0.8);
      }
      if (cp) {
        fct.has_counterpart = 1;
        fct.cp_sentence = cp->sentence;
        fct.cp_start = cp->v.start;
        fct.cp_end = cp->v.end;
        S_set_str(&fct.cp_value, cp->v.value);
      }
      S_push_fact(f, n, cap, &fct);
    }
  }
}

/* ---- names ---- */

/* How many words of names (a capitalised word inside its sentence, or a
 * word of the names table) that nothing covers the other side has in the
 * place of tokens [t, e) of sentence i (between the partners of the
 * aligned words around them, in the link the sentence is read against). */
static size_t S_other_name(const plx_alignment *al, const S_side *sd, const S_cov *c, int side,
                           size_t i, size_t t, size_t e) {
  int32_t k = S_primary(sd, c, side, i);
  if (k < 0) return 0;
  const plx__wl *w = plx__words(al, (size_t)k);
  size_t x0 = 0;
  while (x0 < w->n[side] && w->sent[side][x0] != i) x0++;
  size_t y0, y1;
  if (x0 + e > w->n[side]) return 0;
  if (!plx__wl_facing(w, side, x0 + t, x0 + e, &y0, &y1)) {
    /* the words around were reordered ("New Kingdom" / "Imperio Nuevo"):
     * a few words either side of the partner of the word next to it */
    long p = -1;
    if (x0 + t > 0 && w->best[side][x0 + t - 1] >= 0) p = w->best[side][x0 + t - 1];
    else if (x0 + e < w->n[side] && w->best[side][x0 + e] >= 0) p = w->best[side][x0 + e];
    if (p < 0) return 0;
    y0 = p >= 3 ? (size_t)p - 3 : 0;
    y1 = (size_t)p + 4 < w->n[!side] ? (size_t)p + 4 : w->n[!side];
  }
  const plx__ana *on = &al->ana[!side];
  size_t n = 0;
  /* in a translation, the name may be anywhere in the linked sentences
   * (word order differs); two reports share only part of a sentence */
  if (al->mode != PLX_MODE_COMPARABLE) {
    y0 = 0;
    y1 = w->n[!side];
  }
  for (size_t y = y0; y < y1; y++) {
    uint32_t g = on->first[w->sent[!side][y]] + w->tok[!side][y];
    const plx__tk *u = &on->tok[g];
    if (c->state[!side][g] == COV_LEX || (u->flags & (PLX__TF_NUMBER | PLX__TF_STOP))) continue;
    if ((u->flags & PLX__TF_NAME) || ((u->flags & PLX__TF_UPPER) && w->tok[!side][y] > 0)) n++;
  }
  return n;
}

/* Whether token t (index in its sentence; t - 1 is the token before)
 * opens a sentence, where a capital says nothing: the first token, or one
 * after a full stop, a question or exclamation mark or a colon (a segment
 * of a translation may hold two sentences). */
static int S_opens(const char *text, const plx__tk *t, size_t index) {
  if (index == 0) return 1;
  for (size_t k = t[-1].end; k < t->start; k++)
    if (text[k] == '.' || text[k] == '!' || text[k] == '?' || text[k] == ':') return 1;
  return 0;
}

/* Whether a token is written in capitals only (initials). */
static int S_all_caps(const char *text, const plx__tk *t) {
  if (t->end - t->start < 2) return 0;
  for (size_t k = t->start; k < t->end; k++)
    if ((unsigned char)text[k] < 0x80 && (text[k] < 'A' || text[k] > 'Z')) return 0;
  return 1;
}

/* A word that joins the words of a name ("of", "de", "del", "y"). */
static int S_connective(const char *text, const plx__tk *t) {
  static const char *const words[] = {"of", "the", "and", "for", "de", "del", "la", "las",
                                      "los", "el", "y", "para"};
  size_t n = t->end - t->start;
  for (size_t k = 0; k < sizeof words / sizeof *words; k++)
    if (strlen(words[k]) == n && !memcmp(text + t->start, words[k], n)) return 1;
  return 0;
}

/* A Roman numeral ("XII", "XIII", "II"): a number, not a name. */
static int S_roman_numeral(const char *text, const plx__tk *t) {
  if (t->end - t->start > 8) return 0;
  for (size_t k = t->start; k < t->end; k++)
    if (!strchr("IVXLCDM", text[k]) || !text[k]) return 0;
  return 1;
}

/* A title before a name: a capitalised word of at most three letters
 * followed by a full stop ("Dr.", "St.", "Sra."). */
static int S_title(const char *text, size_t tlen, const plx__tk *t) {
  return t->end - t->start <= 3 && t->end < tlen && text[t->end] == '.';
}

static void S_name_facts(const plx_alignment *al, const S_side *sd, const S_cov *c, plx_fact **f,
                         size_t *n, size_t *cap) {
  for (int side = 0; side < 2; side++) {
    size_t len;
    const char *text = plx_doc_text(al->doc[side], &len);
    const plx__ana *an = &al->ana[side];
    for (size_t i = 0; i < al->n[side]; i++) {
      if (!al->content[side][i]) continue;
      uint32_t base = an->first[i];
      const plx__tk *tk = an->tok + base;
      size_t nt = plx__ana_len(an, i);
      for (size_t t = 0; t < nt;) {
        uint16_t fl = tk[t].flags;
        /* proper names: capitalised, and either inside the sentence or
         * known to the names table ("Microsoft" opening a sentence) */
        int is_name = !(fl & (PLX__TF_NUMBER | PLX__TF_STOP)) && (fl & PLX__TF_UPPER) &&
                      (!S_opens(text, &tk[t], t) || (fl & PLX__TF_NAME)) &&
                      !S_title(text, len, &tk[t]) &&
                      !S_roman_numeral(text, &tk[t]);
        if (!is_name) {
          t++;
          continue;
        }
        /* a run of capitalised words is one name, a connective between
         * two of them included ("Tribunal de Cuentas", "Department of
         * Defense") */
        size_t e = t + 1;
        while (e < nt) {
          uint16_t g = tk[e].flags;
          if ((g & PLX__TF_STOP) && e + 1 < nt && S_connective(text, &tk[e]) &&
              (tk[e + 1].flags & PLX__TF_UPPER) &&
              !(tk[e + 1].flags & (PLX__TF_NUMBER | PLX__TF_STOP))) {
            e++;
            continue;
          }
          if ((g & (PLX__TF_NUMBER | PLX__TF_STOP)) || !(g & PLX__TF_UPPER) ||
              S_roman_numeral(text, &tk[e]))
            break;
          /* only spaces or a hyphen between the words of one name */
          int joined = 1;
          for (size_t q = tk[e - 1].end; q < tk[e].start; q++)
            if (text[q] != ' ' && text[q] != '-') joined = 0;
          if (!joined) break;
          e++;
        }
        /* covered by the word alignment, or named where the other
         * article may say it (S_window) */
        size_t covered = 0, found = 0, wlo, whi;
        S_window(al, sd, side, i, &wlo, &whi);
        long where = -1;
        int32_t cover_tok = -1;
        size_t words = 0;
        for (size_t k = t; k < e; k++) {
          if (tk[k].flags & PLX__TF_STOP) continue; /* a connective */
          words++;
          /* by meaning, or by place ("Labour" / "laboristas": a
           * translation renders names it does not keep) */
          int st = c->state[side][base + k];
          if (st != COV_NONE) {
            covered++;
            if (cover_tok < 0) cover_tok = c->other[side][base + k];
          }
          long s = plx__align_found_in(al, side, i, k, wlo, whi);
          if (s >= 0) {
            found++;
            if (where < 0) where = s;
          }
        }
        plx_fact fct;
        plx__fact_init(&fct, side, i, tk[t].start, tk[e - 1].end, "name");
        S_set_value(&fct.value, text, fct.start, fct.end);
        int linked = sd[side].nlinks_of[i] > 0;
        if (covered * 2 >= words || found * 2 >= words) {
          fct.status = PLX_FACT_MATCHED;
        } else {
          fct.status = PLX_FACT_MISSING;
          /* a known name (the names table) is surely a name; a
           * capitalised word may be a title's word or an emphasis, and
           * unknown initials are as often spelt out or translated ("NGO"
           * / "ONG", "non-governmental organisation") */
          double known = (tk[t].flags & PLX__TF_NAME) ? 1.0 : 0.85;
          if (!(tk[t].flags & PLX__TF_NAME) && e - t == 1 && S_all_caps(text, &tk[t])) known = 0.65;
          /* absent from the whole other article: sure, however loosely
           * the sentence is linked */
          fct.score = 0.8 * known;
          /* a name of the linked sentences that nothing covers either is
           * most likely this one in the other language ("Greenland" /
           * "Groenlandia", "ISIL" / "EIIL", "WWII" / "Segunda Guerra
           * Mundial") when it stands in the same place: the lexicon cannot
           * say, so the verdict is unsure */
          if (linked) {
            /* as many words as are uncovered here: a rendering; fewer:
             * part of the name is left out ("Brazilian Unified National
             * Health System" / "Sistema Único de Salud") */
            size_t mine = words - covered, theirs = S_other_name(al, sd, c, side, i, t, e);
            if (theirs >= mine) fct.score *= 0.35;
            else if (theirs) fct.score *= 0.35 + 0.65 * (double)(mine - theirs) / (double)mine;
          }
        }
        if (cover_tok >= 0) {
          const plx__ana *on = &al->ana[!side];
          size_t os = 0;
          while (os + 1 < al->n[!side] && on->first[os + 1] <= (uint32_t)cover_tok) os++;
          fct.has_counterpart = 1;
          fct.cp_sentence = os;
          fct.cp_start = on->tok[cover_tok].start;
          fct.cp_end = on->tok[cover_tok].end;
        } else if (where >= 0) {
          const plx_sentence *cs = plx_doc_sentence(al->doc[!side], (size_t)where);
          fct.has_counterpart = 1;
          fct.cp_sentence = (size_t)where;
          fct.cp_start = cs->start;
          fct.cp_end = cs->end;
        }
        S_push_fact(f, n, cap, &fct);
        t = e;
      }
    }
  }
}

/* ---- details ---- */

/* A token that stands as a fact of its own (a value, a name), so never
 * inside a detail. */
static int S_own_fact(const char *text, const plx__tk *t, size_t index) {
  if (t->flags & PLX__TF_NUMBER) return 1;
  if ((t->flags & PLX__TF_UPPER) && (!S_opens(text, t, index) || (t->flags & PLX__TF_NAME)))
    return 1;
  return 0;
}

/* The score of a detail: importance times the probability that it is
 * really missing (or really different).
 *
 * Importance grows with what its words say (S_info, summed): 1 - e^(-i/1.5)
 * (one noun 0.49, two 0.74, three 0.86; an adverb 0.23).
 *
 * The probability starts from what the words say (prior): how well the
 * rest of the link aligns (a link the lexicon barely reads says little
 * about any word), how many of the phrase's words the lexicon knows (a
 * word it cannot translate may well be there, unrecognised), and whether
 * the other side has uncovered words near that place that could render it
 * (local: the share of the phrase they cannot account for), at most
 * MISSING_PRIOR; a conflict, two phrases in one place, is most often a
 * free rendering (CONFLICT_PRIOR). With the default threshold (0.55), three
 * nouns nothing renders are reported, or two when the lengths show it.
 *
 * Then lengths (Gale and Church): if the phrase is missing from the other
 * side, this side should be longer than a translation's length by about
 * the phrase's length, d = its characters in standard deviations of the
 * link; if it is there, by nothing. The observed excess z weighs the two
 * as a likelihood ratio, exp(d (z - d/2)) (two normal densities of unit
 * variance), which turns the prior into the posterior. A long phrase with
 * the length to show for it becomes sure; one the lengths deny, unlikely;
 * a short one, whose absence lengths cannot see, keeps its prior. For a
 * conflict, d is the excess of this phrase over the other's. */
#define MISSING_PRIOR 0.7
#define CONFLICT_PRIOR 0.2
static double S_detail_score(double info, double known, double link_q, double local, int conflict,
                             int comparable, double d, double z) {
  double imp = 1.0 - exp(-info / 1.5);
  double prior = MISSING_PRIOR * (link_q < 0.7 ? link_q / 0.7 : 1.0) * (0.8 + 0.2 * known) *
                 (conflict ? CONFLICT_PRIOR / MISSING_PRIOR : local);
  if (prior < 0.02) prior = 0.02;
  if (prior > 0.98) prior = 0.98;
  double post = prior;
  if (!comparable && d > 0) {
    double lr = exp(d * (z - d / 2));
    if (lr > 20) lr = 20;
    if (lr < 0.05) lr = 0.05;
    post = prior * lr / (prior * lr + (1 - prior));
  }
  double sc = imp * post * (comparable ? COMPARABLE_DAMP : 1.0);
  return sc > 1 ? 1 : sc < 0 ? 0 : sc;
}

/* Content words of each side of link k that nothing covers, not even by
 * place (a word aligned by place has its rendering facing it), and that
 * are not names or values. */
static void S_uncovered(const plx_alignment *al, const plx__wl *w, const S_cov *c, double *u) {
  for (int side = 0; side < 2; side++) {
    const plx__ana *an = &al->ana[side];
    size_t len;
    const char *text = plx_doc_text(al->doc[side], &len);
    u[side] = 0;
    for (size_t t = 0; t < w->n[side]; t++) {
      size_t g = an->first[w->sent[side][t]] + w->tok[side][t];
      const plx__tk *tk = &an->tok[g];
      if (c->state[side][g] == COV_NONE && plx__tk_content(tk) && !S_own_fact(text, tk, w->tok[side][t]))
        u[side] += 1;
    }
  }
}

/* Characters a language takes for what English says in one: Spanish
 * runs about a fifth longer (1.19 on FLORES devtest, a professional
 * translation of 1012 sentences; localisation guides give 15-30 %). Used
 * when an article has too few confident links to measure its own ratio. */
static double S_expansion(const char *lang) {
  if (strcmp(lang, "es") == 0) return 1.19;
  return 1.0;
}

/* How far the lengths of link k's two sides are from a translation's, in
 * standard deviations (Gale and Church's model, as align.c uses it):
 * positive when B is longer than A would make it, negative when A is
 * longer. Text added on one side, or left out of the other, shows here
 * before any word says where. */
static double S_length_z(const plx_alignment *al, size_t k, double *sigma) {
  const S_ilink *l = &al->links[k];
  double la = 0, lb = 0;
  for (size_t x = 0; x < l->na; x++) la += (double)plx__align_chars(al, 0, l->ids[x]);
  for (size_t y = 0; y < l->nb; y++) lb += (double)plx__align_chars(al, 1, l->ids[l->na + y]);
  double r = al->ratio;
  if (r <= 0)
    r = S_expansion(al->lx->lang[al->ana[1].side]) / S_expansion(al->lx->lang[al->ana[0].side]);
  double mean = (la + lb / r) / 2;
  *sigma = sqrt(6.8 * (mean > 1 ? mean : 1));
  return (lb - r * la) / *sigma;
}


/* How much a word says: a noun (or a proper noun) most, then verbs and
 * adjectives, adverbs little, function words least; a word the tables do
 * not know is most often a rare or technical one ("cisplatin"). */
static double S_info(const plx_alignment *al, const plx__tk *t) {
  if (t->word == PLX__NONE) return 1.0;
  const plx__wrec *r = plx__word_rec(al->lx, t->side, t->word);
  uint8_t p = r->pos;
  if (!p) return (r->flags & PLX__WF_KNOWN) ? 0.6 : 0.9;
  if (p & (PLX__POS_NOUN | PLX__POS_PROPER)) return 1.0;
  if (p & (PLX__POS_ADJ | PLX__POS_VERB)) return 0.7;
  if (p & PLX__POS_ADV) return 0.4;
  return 0.3;
}

/* Whether text[s, e) (between two words) holds punctuation that ends a
 * phrase. */
static int S_punct_between(const char *text, size_t s, size_t e) {
  for (size_t k = s; k < e; k++)
    if (strchr(",;:()[]", text[k]) && text[k]) return 1;
  return 0;
}

/* A detail being made: tokens [t, last] of one side of a link. */
typedef struct S_run {
  double info;
  size_t t, last, words, known, chars;
  size_t oy0, oy1, owords; /* what faces it on the other side */
  int placed;
  double local;
} S_run;

/* The runs of one side of link k: content words not covered by meaning,
 * with at most DETAIL_SPAN function words between two of them. */
static void S_detail_facts(const plx_alignment *al, size_t k, const S_cov *c, const S_side *sd,
                           plx_fact **f, size_t *n, size_t *cap) {
  const plx__wl *w = plx__words(al, k);
  int comparable = al->mode == PLX_MODE_COMPARABLE;
  double q = c->link_q[k], u[2];
  S_uncovered(al, w, c, u);
  /* in a translation, the longer side is the likelier to hold what the
   * other lacks */
  double sigma = 1, z = comparable ? 0 : S_length_z(al, k, &sigma);
  S_run *runs = NULL;
  size_t nruns = 0, rcap = 0;
  for (int side = 0; side < 2; side++) {
    const plx__ana *an = &al->ana[side], *on = &al->ana[!side];
    size_t len, olen;
    const char *text = plx_doc_text(al->doc[side], &len);
    const char *otext = plx_doc_text(al->doc[!side], &olen);
    size_t nt = w->n[side];
    double balance = u[side] > 0 ? (u[side] - u[!side]) / u[side] : 0;
    nruns = 0;
    /* pu[x]: the words of [0, x) that a detail can be made of */
    size_t *pu = plx__malloc((nt + 1) * sizeof *pu);
    pu[0] = 0;
    for (size_t x = 0; x < nt; x++) {
      size_t gx = an->first[w->sent[side][x]] + w->tok[side][x];
      const plx__tk *xt = &an->tok[gx];
      pu[x + 1] = pu[x] + (c->state[side][gx] != COV_LEX && plx__tk_content(xt) &&
                           !S_own_fact(text, xt, w->tok[side][x]));
    }
    for (size_t t = 0; t < nt;) {
      size_t g = an->first[w->sent[side][t]] + w->tok[side][t];
      const plx__tk *tk = &an->tok[g];
      /* covered by meaning in any link; a sentence in several links (two
       * reports) is read against its best one */
      int lex = c->state[side][g] == COV_LEX;
      if (lex || !plx__tk_content(tk) || S_own_fact(text, tk, w->tok[side][t]) ||
          S_primary(sd, c, side, w->sent[side][t]) != (int32_t)k) {
        t++;
        continue;
      }
      /* a run from t: grow while the next uncovered content word is near */
      S_run r;
      memset(&r, 0, sizeof r);
      r.t = r.last = t;
      r.words = 1;
      r.info = S_info(al, tk);
      r.known = (tk->flags & PLX__TF_TRANSLATED) != 0;
      for (size_t e = t + 1; e < nt && w->sent[side][e] == w->sent[side][t]; e++) {
        size_t ge = an->first[w->sent[side][e]] + w->tok[side][e];
        const plx__tk *ut = &an->tok[ge];
        int ulex = c->state[side][ge] == COV_LEX;
        /* a phrase stays inside its clause */
        if (S_punct_between(text, an->tok[ge - 1].end, ut->start)) break;
        if (plx__tk_content(ut)) {
          if (ulex || S_own_fact(text, ut, w->tok[side][e])) break;
          r.last = e;
          r.words++;
          r.info += S_info(al, ut);
          r.known += (ut->flags & PLX__TF_TRANSLATED) != 0;
        } else if (e - r.last > DETAIL_SPAN) {
          break; /* function words may be aligned anywhere: they do not cut */
        }
      }
      size_t t1 = r.last + 1;
      /* what the other side has in the same place: its words not covered
       * by meaning between the partners of the nearest aligned words */
      size_t y0 = 0, y1 = 0;
      r.oy0 = SIZE_MAX;
      r.placed = plx__wl_facing(w, side, t, t1, &y0, &y1);
      for (size_t y = y0; r.placed && y < y1; y++) {
        size_t gy = on->first[w->sent[!side][y]] + w->tok[!side][y];
        const plx__tk *yt = &on->tok[gy];
        int ylex = c->state[!side][gy] == COV_LEX;
        if (ylex || !plx__tk_content(yt)) continue;
        if (r.oy0 == SIZE_MAX) r.oy0 = y;
        r.oy1 = y + 1;
        r.owords++;
      }
      /* words aligned by place only face their partners */
      for (size_t x = t; x < t1 && r.owords == 0; x++)
        if (w->best[side][x] >= 0) {
          size_t y = (size_t)w->best[side][x];
          if (r.oy0 == SIZE_MAX || y < r.oy0) r.oy0 = y;
          if (y + 1 > r.oy1) r.oy1 = y + 1;
        }
      if (r.oy0 != SIZE_MAX && !r.owords) r.owords = 1;
      /* the words facing the place are shared by every uncovered word of
       * this side between the same two aligned words ("engineers in the
       * desert, collapsed" / "se derrumbó": the one Spanish word is the
       * rendering of one English word, not of the phrase) */
      if (r.placed && r.owords) {
        size_t lo = t > 0 && w->prev[side][t - 1] >= 0 ? (size_t)w->prev[side][t - 1] + 1 : 0;
        size_t hi = t1 < nt ? (size_t)w->next[side][t1] : nt;
        size_t stretch = pu[hi] - pu[lo];
        if (stretch > r.words && (double)r.owords * (double)r.words / (double)stretch < 0.5) {
          r.owords = 0;
          r.oy0 = SIZE_MAX;
        }
      }
      /* nothing faces it: how much of it could the words around that
       * place, which nothing covers, still render (a translation moves
       * words: "yesterday evening" / "anoche" a few words away)? Where no
       * place faces it, the whole link is the measure. */
      r.local = balance;
      if (r.placed && !r.owords) {
        size_t wdw = 2 + r.words, near = 0;
        size_t lo = y0 > wdw ? y0 - wdw : 0, hi = y1 + wdw < w->n[!side] ? y1 + wdw : w->n[!side];
        for (size_t y = lo; y < hi; y++) {
          size_t gy = on->first[w->sent[!side][y]] + w->tok[!side][y];
          const plx__tk *yt = &on->tok[gy];
          if (c->state[!side][gy] == COV_NONE && plx__tk_content(yt) &&
              !S_own_fact(otext, yt, w->tok[!side][y]))
            near++;
        }
        r.local = near >= r.words ? 0 : (double)(r.words - near) / (double)r.words;
      }
      /* its characters (for a conflict, beyond the other's) */
      size_t gs = an->first[w->sent[side][r.t]] + w->tok[side][r.t];
      size_t ge = an->first[w->sent[side][r.last]] + w->tok[side][r.last];
      size_t mine = plx__align_span_chars(al, side, an->tok[gs].start, an->tok[ge].end), theirs = 0;
      if (r.owords) {
        size_t ga = on->first[w->sent[!side][r.oy0]] + w->tok[!side][r.oy0];
        size_t gb = on->first[w->sent[!side][r.oy1 - 1]] + w->tok[!side][r.oy1 - 1];
        if (w->sent[!side][r.oy1 - 1] == w->sent[!side][r.oy0])
          theirs = plx__align_span_chars(al, !side, on->tok[ga].start, on->tok[gb].end);
      }
      r.chars = mine > theirs ? mine - theirs : 0;
      PLX__PUSH(runs, nruns, rcap, r);
      t = t1;
    }
    /* The length excess of this side is evidence for its runs together:
     * text of D deviations uncovered here, an excess of zs observed. Each
     * run is judged by the larger of its own size and the share of the
     * excess the runs can account for (an omission the alignment cut into
     * pieces is one omission). */
    double zs = side ? z : -z, total = 0;
    for (size_t r = 0; r < nruns; r++) total += (double)runs[r].chars / sigma;
    double shared = zs > 0 ? (total < zs ? total : zs) : 0;
    for (size_t r = 0; r < nruns; r++) {
      const S_run *x = &runs[r];
      double d = (double)x->chars / sigma;
      if (shared > d) d = shared;
      size_t gs = an->first[w->sent[side][x->t]] + w->tok[side][x->t];
      size_t ge = an->first[w->sent[side][x->last]] + w->tok[side][x->last];
      /* the phrase takes in the function words next to it that nothing
       * aligned ("the process of readjustment when"), within its clause */
      size_t g0 = an->first[w->sent[side][x->t]], g1 = an->first[w->sent[side][x->t] + 1];
      while (gs > g0 && c->state[side][gs - 1] == COV_NONE && !plx__tk_content(&an->tok[gs - 1]) &&
             !S_punct_between(text, an->tok[gs - 1].end, an->tok[gs].start))
        gs--;
      while (ge + 1 < g1 && c->state[side][ge + 1] == COV_NONE && !plx__tk_content(&an->tok[ge + 1]) &&
             !S_punct_between(text, an->tok[ge].end, an->tok[ge + 1].start))
        ge++;
      plx_fact fct;
      plx__fact_init(&fct, side, w->sent[side][x->t], an->tok[gs].start, an->tok[ge].end, "detail");
      int conflict = x->owords > 0;
      fct.status = conflict ? PLX_FACT_CONFLICT : PLX_FACT_MISSING;
      fct.score = S_detail_score(x->info, (double)x->known / (double)x->words, q,
                                 x->local, conflict, comparable, d, zs);
      if (conflict) {
        size_t ga = on->first[w->sent[!side][x->oy0]] + w->tok[!side][x->oy0];
        size_t gb = on->first[w->sent[!side][x->oy1 - 1]] + w->tok[!side][x->oy1 - 1];
        fct.has_counterpart = 1;
        fct.cp_sentence = w->sent[!side][x->oy0];
        fct.cp_start = on->tok[ga].start;
        fct.cp_end = on->tok[gb].end;
        if (w->sent[!side][x->oy1 - 1] != w->sent[!side][x->oy0]) {
          const plx_sentence *os = plx_doc_sentence(al->doc[!side], fct.cp_sentence);
          fct.cp_end = os->end;
        }
      }
      S_push_fact(f, n, cap, &fct);
    }
    free(pu);
  }
  free(runs);
}

/* ---- sentences with no counterpart ---- */

static size_t S_words(const char *t, size_t s, size_t e) {
  size_t n = 0;
  int in = 0;
  for (size_t k = s; k < e; k++) {
    int w = (unsigned char)t[k] > ' ' && t[k] != ',' && t[k] != ';' && t[k] != ':';
    if (w && !in) n++;
    in = w;
  }
  return n;
}

static void S_gap_facts(const plx_alignment *al, const S_side *sd, plx_fact **f, size_t *n,
                        size_t *cap) {
  for (int side = 0; side < 2; side++) {
    const plx_doc *d = al->doc[side];
    size_t len;
    const char *t = plx_doc_text(d, &len);
    for (size_t i = 0; i < al->n[side]; i++) {
      if (!al->content[side][i] || sd[side].nlinks_of[i]) continue;
      const plx_sentence *se = plx_doc_sentence(d, i);
      size_t nw = S_words(t, se->start, se->end);
      if (nw == 0) continue;
      size_t s = se->start, e = se->end;
      while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\n')) e--;
      plx_fact fct;
      plx__fact_init(&fct, side, i, s, e, "clause");
      fct.status = PLX_FACT_MISSING;
      /* a whole sentence; a short one (a line of a list, a tag) less */
      fct.score = 0.5 + 0.5 * (1.0 - exp(-(double)nw / 6.0));
      S_push_fact(f, n, cap, &fct);
    }
  }
}

/* ---- all facts ---- */

int plx__fact_cmp(const void *x, const void *y) {
  const plx_fact *a = x, *b = y;
  if (a->side != b->side) return a->side - b->side;
  if (a->sentence != b->sentence) return a->sentence < b->sentence ? -1 : 1;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  return strcmp(a->type, b->type);
}

plx_status plx_facts(const plx_alignment *al, plx_fact **facts, size_t *nfacts, plx_error *err) {
  (void)err;
  S_side sd[2];
  memset(sd, 0, sizeof sd);
  for (int side = 0; side < 2; side++) {
    size_t m = al->n[side] + 1;
    sd[side].links_of = plx__calloc(m, sizeof *sd[side].links_of);
    sd[side].nlinks_of = plx__calloc(m, sizeof *sd[side].nlinks_of);
    sd[side].caplinks_of = plx__calloc(m, sizeof *sd[side].caplinks_of);
    sd[side].link_ids = plx__calloc(m, sizeof *sd[side].link_ids);
    sd[side].nlink_ids = plx__calloc(m, sizeof *sd[side].nlink_ids);
    sd[side].caplink_ids = plx__calloc(m, sizeof *sd[side].caplink_ids);
  }
  for (size_t k = 0; k < al->nlinks; k++) {
    const S_ilink *l = &al->links[k];
    for (size_t x = 0; x < l->na; x++)
      for (size_t y = 0; y < l->nb; y++) {
        size_t a = l->ids[x], b = l->ids[l->na + y];
        PLX__PUSH(sd[0].links_of[a], sd[0].nlinks_of[a], sd[0].caplinks_of[a], b);
        PLX__PUSH(sd[1].links_of[b], sd[1].nlinks_of[b], sd[1].caplinks_of[b], a);
      }
    for (int side = 0; side < 2; side++) {
      const size_t *ids = l->ids + (side ? l->na : 0);
      size_t nid = side ? l->nb : l->na;
      for (size_t x = 0; x < nid; x++)
        PLX__PUSH(sd[side].link_ids[ids[x]], sd[side].nlink_ids[ids[x]],
                  sd[side].caplink_ids[ids[x]], (int32_t)k);
    }
  }
  S_cov cov;
  memset(&cov, 0, sizeof cov);
  S_cover(al, &cov);
  S_collect_values(al, sd, 0, &sd[0], &cov);
  S_collect_values(al, sd, 1, &sd[1], &cov);
  plx_fact *f = NULL;
  size_t n = 0, cap = 0;
  S_value_facts(al, sd, &cov, &f, &n, &cap);
  S_name_facts(al, sd, &cov, &f, &n, &cap);
  for (size_t k = 0; k < al->nlinks; k++) S_detail_facts(al, k, &cov, sd, &f, &n, &cap);
  S_gap_facts(al, sd, &f, &n, &cap);
  if (n) qsort(f, n, sizeof *f, plx__fact_cmp);
  for (int side = 0; side < 2; side++) {
    for (size_t i = 0; i < al->n[side]; i++) {
      free(sd[side].links_of[i]);
      free(sd[side].link_ids[i]);
    }
    free(sd[side].links_of);
    free(sd[side].nlinks_of);
    free(sd[side].caplinks_of);
    free(sd[side].link_ids);
    free(sd[side].nlink_ids);
    free(sd[side].caplink_ids);
    free(sd[side].vals);
  }
  S_cover_free(&cov);
  *facts = plx__facts_pack(f, n);
  *nfacts = n;
  for (size_t k = 0; k < n; k++) S_fact_strings_free(&f[k]);
  free(f);
  return PLX_OK;
}

plx_fact *plx__facts_pack(const plx_fact *f, size_t n) {
  size_t bytes = n * sizeof *f + 1;
  for (size_t k = 0; k < n; k++)
    bytes += strlen(f[k].value) + strlen(f[k].cp_value) + strlen(f[k].evidence) + 3;
  plx_fact *out = plx__malloc(bytes);
  char *pool = (char *)(out + n), *end = pool;
  *end++ = '\0'; /* every empty string */
  for (size_t k = 0; k < n; k++) {
    out[k] = f[k];
    const char **str[3] = {&out[k].value, &out[k].cp_value, &out[k].evidence};
    for (int q = 0; q < 3; q++) {
      size_t len = strlen(*str[q]);
      if (!len) {
        *str[q] = pool;
        continue;
      }
      memcpy(end, *str[q], len + 1);
      *str[q] = end;
      end += len + 1;
    }
  }
  return out;
}

void plx_facts_free(plx_fact *facts) { free(facts); }

/* ---- choosing what to report ---- */

static const char *const S_type_names[] = {"number", "ordinal", "percent", "amount", "date",
                                           "duration", "name", "detail", "clause",
                                           "tag", "untranslated"};

void plx_fact_filter_init(plx_fact_filter *filter) {
  filter->min_score = PLX_FACT_MIN_SCORE;
  filter->types = PLX_FACT_ALL;
}

unsigned plx_fact_type_bit(const char *type) {
  for (unsigned k = 0; k < sizeof S_type_names / sizeof *S_type_names; k++)
    if (type && strcmp(type, S_type_names[k]) == 0) return 1u << k;
  return 0;
}

plx_status plx_fact_types_parse(const char *list, unsigned *types, plx_error *err) {
  unsigned bits = 0;
  if (!list || !types) return plx__fail(err, PLX_ERR_USAGE, "plx_fact_types_parse: NULL argument");
  for (const char *p = list; *p;) {
    const char *e = strchr(p, ',');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    char word[32];
    if (n == 0 || n >= sizeof word)
      return plx__fail(err, PLX_ERR_USAGE, "'%.*s' is not a fact type", (int)(n < 40 ? n : 40), p);
    memcpy(word, p, n);
    word[n] = '\0';
    unsigned b = plx_fact_type_bit(word);
    if (!b && strcmp(word, "values") == 0) b = PLX_FACT_VALUES;
    if (!b && strcmp(word, "all") == 0) b = PLX_FACT_ALL;
    if (!b)
      return plx__fail(err, PLX_ERR_USAGE,
                       "'%s' is not a fact type (number, ordinal, percent, amount, date, "
                       "duration, values, name, detail, clause, tag, untranslated, all)",
                       word);
    bits |= b;
    p += n;
    if (*p == ',') p++;
  }
  *types = bits;
  return PLX_OK;
}

size_t plx_facts_select(plx_fact *facts, size_t n, const plx_fact_filter *filter) {
  size_t kept = 0;
  for (size_t k = 0; k < n; k++) {
    const plx_fact *f = &facts[k];
    if (!(plx_fact_type_bit(f->type) & filter->types)) continue;
    if (f->status != PLX_FACT_MATCHED && f->score + 1e-9 < filter->min_score) continue;
    facts[kept++] = *f;
  }
  return kept;
}
