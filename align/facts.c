/* facts.c: the checkable units of each sentence, and whether the other
 * article has them.
 *
 * Values (numbers, amounts, percentages, dates, durations, ordinals) come
 * from the values normaliser. A value is matched when an equal value is in a
 * linked sentence; failing that, in conflict when a linked sentence has a
 * value of the same kind left unmatched too (another number, another date:
 * 16 vs 18 September), paired one to one; failing that, matched when an
 * equal value is anywhere in the other article; otherwise missing.
 *
 * Names are capitalised words inside a sentence (and names of the names
 * table anywhere), runs of them taken together ("Patricia Campbell-Smith"):
 * matched when the other article names them too.
 *
 * Clauses: a sentence is cut at semicolons, and at a comma or a colon that
 * is followed by a conjunction ("but", "pero") or precedes enough words to
 * stand alone; each clause is matched when enough of its weight is found in
 * the sentences linked to its sentence, missing otherwise ("refused to
 * directly confirm the negotiations" absent from the other side). A sentence
 * with no counterpart at all has all its clauses missing.
 */
#include "align_internal.h"
#include "plx_values.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CLAUSE_COVER 0.35
#define CLAUSE_MIN_WORDS 4

const char *plx_fact_status_name(plx_fact_status s) {
  switch (s) {
  case PLX_FACT_MATCHED: return "matched";
  case PLX_FACT_MISSING: return "missing";
  case PLX_FACT_CONFLICT: return "conflict";
  }
  return "matched";
}

typedef struct S_val {
  plx_value v;      /* span in document text */
  size_t sentence;
  int used;         /* matched by an equal value on the other side (index + 1) */
  int conflict;     /* paired with an unequal one in a linked sentence (index + 1) */
} S_val;

typedef struct S_side {
  S_val *vals;
  size_t nvals, cap;
  size_t **links_of; /* per sentence: linked sentences of the other side */
  size_t *nlinks_of, *caplinks_of;
} S_side;

/* The values of each content sentence, as the analysis read them. */
static void S_collect_values(const plx_alignment *al, int side, S_side *s) {
  const plx__ana *an = &al->ana[side];
  for (size_t i = 0; i < al->n[side]; i++) {
    if (!al->content[side][i]) continue;
    for (uint32_t k = an->vfirst[i]; k < an->vfirst[i + 1]; k++) {
      S_val x = {an->vals[k], i, 0, 0};
      PLX__PUSH(s->vals, s->nvals, s->cap, x);
    }
  }
}

static int S_linked(const S_side *s, size_t sent, size_t other) {
  for (size_t k = 0; k < s->nlinks_of[sent]; k++)
    if (s->links_of[sent][k] == other) return 1;
  return 0;
}

static void S_push_fact(plx_fact **f, size_t *n, size_t *cap, const plx_fact *x) {
  PLX__PUSH(*f, *n, *cap, *x);
}

/* ---- values ---- */

/* Match equal values: pass 0 only between linked sentences, pass 1
 * anywhere. */
static void S_match_equal(S_side *sd, int pass) {
  for (int side = 0; side < 2; side++)
    for (size_t i = 0; i < sd[side].nvals; i++) {
      S_val *x = &sd[side].vals[i];
      if (x->used || x->conflict) continue;
      S_side *o = &sd[!side];
      for (size_t k = 0; k < o->nvals; k++) {
        S_val *y = &o->vals[k];
        if (y->conflict || !plx_value_equal(&x->v, &y->v)) continue;
        if (pass == 0 && !S_linked(&sd[side], x->sentence, y->sentence)) continue;
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
 * 13 of something. Where a sentence has several, the closest values pair
 * first (a changed figure is usually near the one it replaces: "an
 * airspeed of 65" against "16 millas ... 66"), then in text order. */
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

static void S_pair_conflicts(S_side *sd) {
  S_vpair *p = NULL;
  size_t np = 0, cap = 0;
  for (size_t i = 0; i < sd[0].nvals; i++) {
    const S_val *x = &sd[0].vals[i];
    if (x->used) continue;
    for (size_t k = 0; k < sd[1].nvals; k++) {
      const S_val *y = &sd[1].vals[k];
      if (y->used || !S_linked(&sd[0], x->sentence, y->sentence)) continue;
      if (!plx_value_comparable(&x->v, &y->v)) continue;
      S_vpair v = {i, k, S_value_dist(&x->v, &y->v)};
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

static void S_value_facts(const plx_alignment *al, S_side *sd, plx_fact **f, size_t *n,
                          size_t *cap) {
  (void)al;
  S_match_equal(sd, 0);
  S_pair_conflicts(sd);
  S_match_equal(sd, 1);
  for (int side = 0; side < 2; side++)
    for (size_t i = 0; i < sd[side].nvals; i++) {
      S_val *x = &sd[side].vals[i];
      S_side *o = &sd[!side];
      plx_fact fct;
      memset(&fct, 0, sizeof fct);
      fct.side = side;
      fct.sentence = x->sentence;
      fct.start = x->v.start;
      fct.end = x->v.end;
      fct.type = plx_value_type_name(x->v.type);
      snprintf(fct.value, sizeof fct.value, "%s", x->v.value);
      const S_val *cp = NULL;
      if (x->used) {
        fct.status = PLX_FACT_MATCHED;
        cp = &o->vals[x->used - 1];
      } else if (x->conflict) {
        fct.status = PLX_FACT_CONFLICT;
        cp = &o->vals[x->conflict - 1];
      } else {
        fct.status = PLX_FACT_MISSING;
      }
      if (cp) {
        fct.has_counterpart = 1;
        fct.cp_sentence = cp->sentence;
        fct.cp_start = cp->v.start;
        fct.cp_end = cp->v.end;
        snprintf(fct.cp_value, sizeof fct.cp_value, "%s", cp->v.value);
      }
      S_push_fact(f, n, cap, &fct);
    }
}

/* ---- names ---- */

static void S_name_facts(const plx_alignment *al, plx_fact **f, size_t *n, size_t *cap) {
  for (int side = 0; side < 2; side++) {
    size_t len;
    const char *text = plx_doc_text(al->doc[side], &len);
    const plx__ana *an = &al->ana[side];
    for (size_t i = 0; i < al->n[side]; i++) {
      if (!al->content[side][i]) continue;
      const plx__tk *tk = an->tok + an->first[i];
      size_t nt = plx__ana_len(an, i);
      for (size_t t = 0; t < nt;) {
        uint16_t fl = tk[t].flags;
        /* proper names: capitalised, and either inside the sentence or
         * known to the names table ("Microsoft" opening a sentence) */
        int is_name = !(fl & (PLX__TF_NUMBER | PLX__TF_STOP)) && (fl & PLX__TF_UPPER) &&
                      (t > 0 || (fl & PLX__TF_NAME));
        if (!is_name) {
          t++;
          continue;
        }
        /* a run of capitalised words is one name */
        size_t e = t + 1;
        while (e < nt) {
          uint16_t g = tk[e].flags;
          if ((g & (PLX__TF_NUMBER | PLX__TF_STOP)) || !(g & PLX__TF_UPPER)) break;
          /* only spaces or a hyphen between the words of one name */
          int joined = 1;
          for (size_t q = tk[e - 1].end; q < tk[e].start; q++)
            if (text[q] != ' ' && text[q] != '-') joined = 0;
          if (!joined) break;
          e++;
        }
        size_t found = 0;
        long where = -1;
        for (size_t k = t; k < e; k++) {
          long s = plx__align_found(al, side, i, k);
          if (s >= 0) {
            found++;
            if (where < 0) where = s;
          }
        }
        plx_fact fct;
        memset(&fct, 0, sizeof fct);
        fct.side = side;
        fct.sentence = i;
        fct.start = tk[t].start;
        fct.end = tk[e - 1].end;
        fct.type = "name";
        size_t vl = fct.end - fct.start < sizeof fct.value - 1 ? fct.end - fct.start
                                                                : sizeof fct.value - 1;
        memcpy(fct.value, text + fct.start, vl);
        fct.value[vl] = '\0';
        fct.status = found * 2 >= e - t ? PLX_FACT_MATCHED : PLX_FACT_MISSING;
        if (where >= 0) {
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

/* ---- clauses ---- */

static int S_conj(const char *w, size_t n) {
  static const char *words[] = {"but", "and", "while", "whereas", "although", "pero", "y",
                                "sino", "aunque", "mientras", "so", "así"};
  for (size_t k = 0; k < sizeof words / sizeof *words; k++)
    if (strlen(words[k]) == n && strncmp(w, words[k], n) == 0) return 1;
  return 0;
}

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

/* Clause boundaries of sentence [s, e): byte offsets, s and e included. */
static size_t S_clauses(const char *t, size_t s, size_t e, size_t *cut, size_t max) {
  size_t n = 0;
  cut[n++] = s;
  for (size_t k = s; k < e && n + 1 < max; k++) {
    if (t[k] != ';' && t[k] != ',' && t[k] != ':') continue;
    size_t q = k + 1;
    while (q < e && t[q] == ' ') q++;
    size_t we = q;
    while (we < e && t[we] != ' ' && t[we] != ',') we++;
    int conj = S_conj(t + q, we - q);
    if (t[k] == ',' && !conj) continue;
    if (S_words(t, cut[n - 1], k) < CLAUSE_MIN_WORDS || S_words(t, q, e) < CLAUSE_MIN_WORDS)
      continue;
    cut[n++] = q;
  }
  cut[n] = e;
  return n;
}

/* The candidate pairs of sentence i of side with its linked sentences
 * ids[0, n) of the other side, read as one text: side's tokens first
 * (index within sentence i), the others' numbered in the order of ids.
 * wb gets the other side's weights in that order; returns their total. */
static double S_union_pairs(plx_alignment *al, int side, size_t i, const size_t *ids, size_t n,
                            plx__tplist *out, double **wb, size_t *nb) {
  const plx__ana *o = &al->ana[!side];
  plx__tplist pl = {0};
  out->n = 0;
  size_t total = 0;
  for (size_t k = 0; k < n; k++) total += plx__ana_len(o, ids[k]);
  *wb = plx__malloc((total + 1) * sizeof **wb);
  *nb = total;
  double tot = 0;
  uint32_t off = 0;
  for (size_t k = 0; k < n; k++) {
    size_t j = ids[k], len = plx__ana_len(o, j);
    memcpy(*wb + off, al->w[!side] + o->first[j], len * sizeof **wb);
    tot += al->tot[!side][j];
    if (side == 0) plx__align_pairs(al, i, j, &pl);
    else plx__align_pairs(al, j, i, &pl);
    plx__grow((void **)&out->p, &out->cap, out->n + pl.n, sizeof *out->p);
    for (size_t q = 0; q < pl.n; q++) {
      uint32_t mine = side == 0 ? pl.p[q].ta : pl.p[q].tb;
      uint32_t theirs = side == 0 ? pl.p[q].tb : pl.p[q].ta;
      out->p[out->n++] = (plx__tp){mine, theirs + off, pl.p[q].s};
    }
    off += (uint32_t)len;
  }
  free(pl.p);
  return tot;
}

static void S_clause_facts(const plx_alignment *al, S_side *sd, plx_fact **f, size_t *n,
                           size_t *cap) {
  plx_alignment *m = (plx_alignment *)al;
  plx__tplist uni = {0}, sub = {0};
  for (int side = 0; side < 2; side++) {
    const plx_doc *d = al->doc[side], *od = al->doc[!side];
    const plx__ana *an = &al->ana[side];
    size_t len;
    const char *t = plx_doc_text(d, &len);
    for (size_t i = 0; i < al->n[side]; i++) {
      if (!al->content[side][i]) continue;
      const plx_sentence *se = plx_doc_sentence(d, i);
      if (S_words(t, se->start, se->end) == 0) continue;
      size_t nl = sd[side].nlinks_of[i], best = 0;
      double bests = -1;
      for (size_t k = 0; k < nl; k++) {
        size_t j = sd[side].links_of[i][k];
        double s = side == 0 ? plx__align_sim(m, i, j) : plx__align_sim(m, j, i);
        if (s > bests) {
          bests = s;
          best = j;
        }
      }
      double *wb = NULL, totb = 0;
      size_t nb = 0;
      if (nl) totb = S_union_pairs(m, side, i, sd[side].links_of[i], nl, &uni, &wb, &nb);
      size_t cut[64];
      size_t nc = S_clauses(t, se->start, se->end, cut, 63);
      const plx__tk *tk = an->tok + an->first[i];
      size_t nt = plx__ana_len(an, i);
      const double *wa = al->w[side] + an->first[i];
      for (size_t c = 0; c < nc; c++) {
        size_t cs = cut[c], ce = cut[c + 1];
        while (ce > cs && (t[ce - 1] == ' ' || t[ce - 1] == ',' || t[ce - 1] == ';')) ce--;
        plx_fact fct;
        memset(&fct, 0, sizeof fct);
        fct.side = side;
        fct.sentence = i;
        fct.start = cs;
        fct.end = ce;
        fct.type = "clause";
        fct.status = PLX_FACT_MISSING;
        if (nl) {
          /* the clause's tokens: those inside its span */
          size_t t0 = 0;
          while (t0 < nt && tk[t0].start < cs) t0++;
          size_t t1 = t0;
          while (t1 < nt && tk[t1].end <= ce) t1++;
          double tota = 0;
          for (size_t q = t0; q < t1; q++) tota += wa[q];
          sub.n = 0;
          plx__grow((void **)&sub.p, &sub.cap, uni.n + 1, sizeof *sub.p);
          for (size_t q = 0; q < uni.n; q++)
            if (uni.p[q].ta >= t0 && uni.p[q].ta < t1)
              sub.p[sub.n++] = (plx__tp){uni.p[q].ta - (uint32_t)t0, uni.p[q].tb, uni.p[q].s};
          plx__msum r = plx__match(sub.p, sub.n, wa + t0, t1 - t0, tota, wb, nb, totb, NULL);
          if (r.cover_a >= CLAUSE_COVER || nc == 1) fct.status = PLX_FACT_MATCHED;
          const plx_sentence *os = plx_doc_sentence(od, best);
          fct.has_counterpart = 1;
          fct.cp_sentence = best;
          fct.cp_start = os->start;
          fct.cp_end = os->end;
        }
        S_push_fact(f, n, cap, &fct);
      }
      free(wb);
    }
  }
  free(uni.p);
  free(sub.p);
}

/* ---- all facts ---- */

static int S_cmp_fact(const void *x, const void *y) {
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
    sd[side].links_of = plx__calloc(al->n[side] + 1, sizeof *sd[side].links_of);
    sd[side].nlinks_of = plx__calloc(al->n[side] + 1, sizeof *sd[side].nlinks_of);
    sd[side].caplinks_of = plx__calloc(al->n[side] + 1, sizeof *sd[side].caplinks_of);
  }
  for (size_t k = 0; k < al->nlinks; k++) {
    const S_ilink *l = &al->links[k];
    for (size_t x = 0; x < l->na; x++)
      for (size_t y = 0; y < l->nb; y++) {
        size_t a = l->ids[x], b = l->ids[l->na + y];
        PLX__PUSH(sd[0].links_of[a], sd[0].nlinks_of[a], sd[0].caplinks_of[a], b);
        PLX__PUSH(sd[1].links_of[b], sd[1].nlinks_of[b], sd[1].caplinks_of[b], a);
      }
  }
  S_collect_values(al, 0, &sd[0]);
  S_collect_values(al, 1, &sd[1]);
  plx_fact *f = NULL;
  size_t n = 0, cap = 0;
  S_value_facts(al, sd, &f, &n, &cap);
  S_name_facts(al, &f, &n, &cap);
  S_clause_facts(al, sd, &f, &n, &cap);
  if (n) qsort(f, n, sizeof *f, S_cmp_fact);
  for (int side = 0; side < 2; side++) {
    for (size_t i = 0; i < al->n[side]; i++) free(sd[side].links_of[i]);
    free(sd[side].links_of);
    free(sd[side].nlinks_of);
    free(sd[side].caplinks_of);
    free(sd[side].vals);
  }
  *facts = f;
  *nfacts = n;
  return PLX_OK;
}
