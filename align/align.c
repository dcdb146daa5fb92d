/* align.c: sentence alignment of two articles in two languages.
 *
 * Every sentence becomes a bag of concepts (lexicon/); informativeness
 * weights are the document frequencies over the sentences of both articles.
 * Boilerplate, duplicates and empty lines are never linked and never gaps.
 *
 * Parallel mode (a translation, order kept). A dynamic programme over the
 * pairs (i, j) of prefixes finds the monotone alignment of greatest value,
 * with steps 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1 and 1-3. A step that links
 * sentences is worth sim - THETA, where sim is the lexicon's similarity of
 * the grouped sentences (their tokens taken together: the candidate pairs
 * of a group are the union of its 1-1 parts' pairs, so a group is scored
 * from the rows of pairs already found, never by reading its text again),
 * so a link weaker than THETA costs more than leaving both sentences
 * unlinked; a merge (2-1 and beyond) pays MERGE_COST more, so it is taken
 * only when it says more than the 1-1 link would. Skipping is worth 0. The
 * programme runs in a band of BAND cells either side of the path through
 * strong anchors (S_band), so time grows linearly with the length of the
 * articles; merges are only tried where a sentence of the group already
 * overlaps.
 *
 * After the programme, lengths are consulted (Gale and Church: the length
 * of a translation is proportional to the original's, with a variance that
 * grows with the length; the proportion is measured on the document's own
 * confident links). A weak link whose lengths disagree, or whose
 * similarity does not stand out from its sentences' other candidates, is
 * dropped; a lone pair of sentences left between two links whose lengths
 * agree is linked; moved sentences are linked out of order (S_repair,
 * S_relink).
 *
 * Comparable mode (two reports of one story, any order). An inverted index
 * from concepts (of content words, names and values) to the sentences of B
 * gives each sentence of A its candidates: only pairs that share something
 * are scored, never all N x M. Two articles on one story share their topic
 * words in almost every sentence, so a pair is linked only when it is among
 * the best of one of its sentences (within RELATIVE of that sentence's best
 * score) and either its similarity reaches min_link or one sentence is
 * largely contained in the other (coverage of the smaller >= CONTAIN, the
 * best pair of one of them, similarity >= min_link / 2), which lets one long
 * sentence link to the several short ones that share its content. A
 * sentence may be in several links.
 *
 * Auto mode. Strong mutual matches (each sentence the other's best) are
 * checked for order: if most of them (80 %) lie on one increasing chain and
 * they cover a third of the sentences, the articles are a translation
 * (parallel, with repairs for moved sentences); otherwise comparable.
 */
#include "align_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THETA 0.12
#define MERGE_COST 0.04
#define BAND 10
#define CONTAIN 0.6
#define RELATIVE 0.9
#define MARGIN 1.1
#define MARGIN_K 4
#define ANCHOR_MIN 0.3
#define CHOOSE_COVER 3

const char *plx_align_mode_name(plx_align_mode m) {
  switch (m) {
  case PLX_MODE_AUTO: return "auto";
  case PLX_MODE_PARALLEL: return "parallel";
  case PLX_MODE_COMPARABLE: return "comparable";
  case PLX_MODE_PAIRED: return "paired";
  }
  return "auto";
}

plx_status plx_align_mode_parse(const char *name, plx_align_mode *out, plx_error *err) {
  static const plx_align_mode modes[] = {PLX_MODE_AUTO, PLX_MODE_PARALLEL, PLX_MODE_COMPARABLE,
                                         PLX_MODE_PAIRED};
  for (size_t k = 0; name && k < sizeof modes / sizeof *modes; k++)
    if (!strcmp(name, plx_align_mode_name(modes[k]))) {
      *out = modes[k];
      return PLX_OK;
    }
  return plx__fail(err, PLX_ERR_USAGE,
                   "unknown mode '%.60s' (auto, parallel, comparable, paired)", name ? name : "");
}

void plx_align_options_init(plx_align_options *o) {
  memset(o, 0, sizeof *o);
  o->mode = PLX_MODE_AUTO;
  o->min_link = 0.2;
}

/* ---- links ---- */

static void S_add_link(plx_alignment *al, const size_t *a, size_t na, const size_t *b, size_t nb,
                       double score) {
  S_ilink l;
  l.na = na;
  l.nb = nb;
  l.ids = plx__malloc((na + nb) * sizeof *l.ids);
  memcpy(l.ids, a, na * sizeof *a);
  memcpy(l.ids + na, b, nb * sizeof *b);
  l.score = score;
  PLX__PUSH(al->links, al->nlinks, al->linkcap, l);
  for (size_t k = 0; k < na; k++) al->linked[0][a[k]]++;
  for (size_t k = 0; k < nb; k++) al->linked[1][b[k]]++;
}

/* ---- similarity of sentence pairs, each computed once ---- */

static uint64_t S_key(size_t i, size_t j) { return ((uint64_t)i << 32) | (uint64_t)j; }

static size_t S_cache_slot(const plx__simcache *c, uint64_t key) {
  size_t q = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 17) & (c->nslots - 1);
  while (c->keys[q] != UINT64_MAX && c->keys[q] != key) q = (q + 1) & (c->nslots - 1);
  return q;
}

static void S_cache_put(plx__simcache *c, uint64_t key, plx__msum m) {
  plx__csum v = {(float)m.sim, (float)m.cover_a, (float)m.cover_b};
  if (c->nslots == 0 || (c->n + 1) * 2 > c->nslots) {
    size_t ns = c->nslots ? c->nslots * 2 : 1024;
    plx__simcache d = {plx__malloc(ns * sizeof *d.keys), plx__malloc(ns * sizeof *d.vals), ns,
                       c->n};
    memset(d.keys, 0xFF, ns * sizeof *d.keys);
    for (size_t q = 0; q < c->nslots; q++)
      if (c->keys[q] != UINT64_MAX) {
        size_t r = S_cache_slot(&d, c->keys[q]);
        d.keys[r] = c->keys[q];
        d.vals[r] = c->vals[q];
      }
    free(c->keys);
    free(c->vals);
    *c = d;
  }
  size_t q = S_cache_slot(c, key);
  if (c->keys[q] == UINT64_MAX) c->n++;
  c->keys[q] = key;
  c->vals[q] = v;
}

static int S_cache_get(const plx__simcache *c, uint64_t key, plx__msum *v) {
  if (!c->nslots) return 0;
  size_t q = S_cache_slot(c, key);
  if (c->keys[q] == UINT64_MAX) return 0;
  v->sim = c->vals[q].sim;
  v->cover_a = c->vals[q].cover_a;
  v->cover_b = c->vals[q].cover_b;
  return 1;
}

static plx__tplist *S_rows(plx_alignment *al, size_t n) {
  if (n > al->rowcap) {
    al->row = plx__realloc(al->row, n * sizeof *al->row);
    memset(al->row + al->rowcap, 0, (n - al->rowcap) * sizeof *al->row);
    al->rowcap = n;
  }
  return al->row;
}

static plx__msum S_match(const plx_alignment *al, const plx__tplist *p, size_t i, size_t j) {
  const plx__ana *a = &al->ana[0], *b = &al->ana[1];
  return plx__match(p->p, p->n, al->w[0] + a->first[i], plx__ana_len(a, i), al->tot[0][i],
                    al->w[1] + b->first[j], plx__ana_len(b, j), al->tot[1][j], NULL);
}

/* An upper bound of the similarity of candidate pairs p of sentence i of
 * A and j of B, without sorting them: each token is matched once at most,
 * so the matched value is at most the sum of each token's best pair. */
static double S_bound(plx_alignment *al, const plx__tplist *p, size_t i, size_t j) {
  const plx__ana *A = &al->ana[0], *B = &al->ana[1];
  const double *wa = al->w[0] + A->first[i], *wb = al->w[1] + B->first[j];
  /* each token's best pair, in scratch stamped per call (nothing to clear) */
  size_t need = plx__ana_len(A, i) > plx__ana_len(B, j) ? plx__ana_len(A, i) : plx__ana_len(B, j);
  if (need > al->bcap) {
    free(al->bmax);
    free(al->bstamp);
    al->bcap = need;
    al->bmax = plx__malloc(2 * need * sizeof *al->bmax);
    al->bstamp = plx__calloc(2 * need, sizeof *al->bstamp);
  }
  uint32_t stamp = ++al->bnow;
  if (stamp == 0) {
    memset(al->bstamp, 0, 2 * al->bcap * sizeof *al->bstamp);
    stamp = al->bnow = 1;
  }
  double *ma = al->bmax, *mb = al->bmax + al->bcap;
  uint32_t *sa = al->bstamp, *sb = al->bstamp + al->bcap;
  double ua = 0, ub = 0;
  for (size_t k = 0; k < p->n; k++) {
    uint32_t ta = p->p[k].ta, tb = p->p[k].tb;
    double v = p->p[k].s * (wa[ta] + wb[tb]);
    if (sa[ta] != stamp) sa[ta] = stamp, ma[ta] = 0;
    if (sb[tb] != stamp) sb[tb] = stamp, mb[tb] = 0;
    /* a token's sum grows by what its best pair gains */
    if (v > ma[ta]) ua += v - ma[ta], ma[ta] = v;
    if (v > mb[tb]) ub += v - mb[tb], mb[tb] = v;
  }
  double tot = al->tot[0][i] + al->tot[1][j];
  double b = tot > 0 ? (ua < ub ? ua : ub) / tot : 0;
  return b > 1 ? 1 : b;
}

/* Similarities of sentence i of A with the sentences js of B (ascending),
 * into out (may be NULL), computing only those not known yet. A pair whose
 * bound is below floor is not matched: out gets the bound (below floor,
 * which is all the caller asked to know), and it is not cached. */
static void S_row_sims_floor(plx_alignment *al, size_t i, const uint32_t *js, size_t n,
                             double *out, double floor) {
  uint32_t stack[64];
  uint32_t *todo = n <= 64 ? stack : plx__malloc(n * sizeof *todo);
  size_t nt = 0;
  for (size_t k = 0; k < n; k++) {
    plx__msum v;
    if (S_cache_get(&al->cache, S_key(i, js[k]), &v)) {
      if (out) out[k] = v.sim;
    } else {
      todo[nt++] = js[k];
    }
  }
  if (nt) {
    plx__tplist *row = S_rows(al, nt);
    plx__pairs_row(al->m, i, todo, nt, row);
    for (size_t k = 0, q = 0; k < nt; k++) {
      double b = floor > 0 ? S_bound(al, &row[k], i, todo[k]) : 1;
      /* (two sentences without a word are alike by definition) */
      if (al->tot[0][i] + al->tot[1][todo[k]] <= 0) b = 1;
      double sim;
      if (b < floor) {
        sim = b;
      } else {
        plx__msum v = S_match(al, &row[k], i, todo[k]);
        S_cache_put(&al->cache, S_key(i, todo[k]), v);
        sim = v.sim;
      }
      if (out) {
        while (js[q] != todo[k]) q++;
        out[q] = sim;
      }
    }
  }
  if (todo != stack) free(todo);
}

static void S_row_sims(plx_alignment *al, size_t i, const uint32_t *js, size_t n, double *out) {
  S_row_sims_floor(al, i, js, n, out, 0);
}

plx__msum plx__align_pair(plx_alignment *al, size_t i, size_t j) {
  plx__msum v;
  if (S_cache_get(&al->cache, S_key(i, j), &v)) return v;
  uint32_t j32 = (uint32_t)j;
  S_row_sims(al, i, &j32, 1, NULL);
  S_cache_get(&al->cache, S_key(i, j), &v);
  return v;
}

double plx__align_sim(plx_alignment *al, size_t i, size_t j) { return plx__align_pair(al, i, j).sim; }

void plx__align_pairs(plx_alignment *al, size_t i, size_t j, plx__tplist *out) {
  uint32_t j32 = (uint32_t)j;
  plx__pairs_row(al->m, i, &j32, 1, out);
}

/* ---- candidates through the indexes ---- */

/* Candidates of sentence i of side: the sentences of the other side that
 * share the most concepts with its content words, at most MAX_CAND of
 * them, in ascending order. A concept found in many sentences (over half,
 * or over MAX_POSTINGS) says little and is skipped: that keeps the search
 * linear in the length of the articles. count is a zeroed array of one
 * counter per sentence of the other side, left zeroed. */
#define MAX_CAND 24
#define MAX_POSTINGS 64

static int S_cmp_u32(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return a < b ? -1 : a > b;
}

static size_t S_candidates_top(plx_alignment *al, int side, size_t i, unsigned char *count,
                               uint32_t *list, size_t max_cand, size_t max_postings) {
  size_t nl = 0;
  const plx__ana *a = &al->ana[side];
  const plx__index *x = al->index[!side];
  size_t limit = al->n[!side] / 2 + 2;
  if (limit > max_postings) limit = max_postings;
  plx__tc tc[640];
  for (uint32_t t = a->first[i]; t < a->first[i + 1]; t++) {
    const plx__tk *tk = &a->tok[t];
    if (tk->flags & PLX__TF_STOP) continue;
    size_t nc = plx__tk_tagged(al->lx, tk, 1, tc, 640);
    for (size_t k = 0; k < nc; k++) {
      if (tc[k].tag != PLX__TAG_SHARE) continue;
      size_t np;
      const plx__post *p = plx__index_find(x, tc[k].c, &np);
      if (np > limit) continue;
      for (size_t q = 0; q < np; q++) {
        if ((p[q].tok & PLX__POST_STOP) || !al->content[!side][p[q].sent]) continue;
        uint32_t s = p[q].sent;
        if (!count[s]) list[nl++] = s;
        if (count[s] < 255) count[s]++;
      }
    }
  }
  if (nl > max_cand) {
    /* keep those that share the most */
    for (size_t k = 0; k < max_cand; k++) {
      size_t bestq = k;
      for (size_t q = k + 1; q < nl; q++)
        if (count[list[q]] > count[list[bestq]]) bestq = q;
      uint32_t tmp = list[k];
      list[k] = list[bestq];
      list[bestq] = tmp;
    }
    for (size_t q = max_cand; q < nl; q++) count[list[q]] = 0;
    nl = max_cand;
  }
  for (size_t q = 0; q < nl; q++) count[list[q]] = 0;
  qsort(list, nl, sizeof *list, S_cmp_u32);
  return nl;
}

static size_t S_candidates_of(plx_alignment *al, int side, size_t i, unsigned char *count,
                              uint32_t *list) {
  return S_candidates_top(al, side, i, count, list, MAX_CAND, MAX_POSTINGS);
}

/* Anchors need a sentence's clear counterpart only: its few best
 * candidates, found through its distinctive concepts. */
#define ANCHOR_CAND 8
#define ANCHOR_POSTINGS MAX_POSTINGS

/* Strong mutual matches, in order of A, and the longest chain of them in
 * increasing order of B: the anchors of the parallel band and the evidence
 * of auto mode. On return *ai holds the na anchors (sentence ids of A),
 * *aj their sentences of B, *chain the ids (into ai) of the chain, from last
 * to first, *nchain its length; *content0 counts the content sentences of A.
 * The caller frees the three arrays. */
static void S_anchors(plx_alignment *al, size_t **ai_out, size_t **aj_out, size_t *na_out,
                      size_t **chain_out, size_t *nchain_out, size_t *content0) {
  size_t n = al->n[0], m = al->n[1];
  unsigned char *count = plx__calloc(m + 1, 1);
  uint32_t *list = plx__malloc((m + 1) * sizeof *list);
  double sims[MAX_CAND];
  long *bj = plx__malloc((n + 1) * sizeof *bj);
  double *bs = plx__calloc(n + 1, sizeof *bs);
  double *best_b = plx__calloc(m + 1, sizeof *best_b);
  *content0 = 0;
  for (size_t i = 0; i < n; i++) {
    bj[i] = -1;
    if (!al->content[0][i]) continue;
    (*content0)++;
    size_t nl = S_candidates_top(al, 0, i, count, list, ANCHOR_CAND, ANCHOR_POSTINGS);
    /* below ANCHOR_MIN a similarity decides nothing here: bounds will do */
    S_row_sims_floor(al, i, list, nl, sims, ANCHOR_MIN);
    for (size_t q = 0; q < nl; q++) {
      double s = sims[q];
      if (s > bs[i]) {
        bs[i] = s;
        bj[i] = list[q];
      }
      if (s > best_b[list[q]]) best_b[list[q]] = s;
    }
  }
  size_t *ai = plx__malloc((n + 1) * sizeof *ai), *aj = plx__malloc((n + 1) * sizeof *aj);
  size_t na = 0;
  for (size_t i = 0; i < n; i++)
    if (bj[i] >= 0 && bs[i] >= ANCHOR_MIN && bs[i] >= best_b[bj[i]]) {
      ai[na] = i;
      aj[na++] = (size_t)bj[i];
    }
  long *len = plx__malloc((na + 1) * sizeof *len), *prev = plx__malloc((na + 1) * sizeof *prev);
  long bestk = -1;
  for (size_t k = 0; k < na; k++) {
    len[k] = 1;
    prev[k] = -1;
    /* quadratic in anchors only when they are dense; bounded look-back */
    for (size_t q = k > 400 ? k - 400 : 0; q < k; q++)
      if (aj[q] < aj[k] && len[q] + 1 > len[k]) {
        len[k] = len[q] + 1;
        prev[k] = (long)q;
      }
    if (bestk < 0 || len[k] > len[bestk]) bestk = (long)k;
  }
  size_t *chain = plx__malloc((na + 1) * sizeof *chain), nchain = 0;
  for (long k = bestk; k >= 0; k = prev[k]) chain[nchain++] = (size_t)k;
  free(len);
  free(prev);
  free(bj);
  free(bs);
  free(best_b);
  free(count);
  free(list);
  *ai_out = ai;
  *aj_out = aj;
  *na_out = na;
  *chain_out = chain;
  *nchain_out = nchain;
}

/* The band: anchors are sentences whose best candidate (through the index)
 * is strong and chooses them back; the longest chain of anchors in
 * increasing order is the expected path, interpolated between anchors, and
 * each row of the programme spans BAND cells either side of it (more where
 * the path is steep, so that rows stay connected). A fixed band keeps the
 * time linear in the length of the articles. */
static void S_band(plx_alignment *al, long *lo, long *hi) {
  size_t n = al->n[0], m = al->n[1];
  size_t *ai, *aj, na, *chain, nc, content0;
  S_anchors(al, &ai, &aj, &na, &chain, &nc, &content0);
  size_t *ci = plx__malloc((nc + 1) * sizeof *ci), *cj = plx__malloc((nc + 1) * sizeof *cj);
  for (size_t k = 0; k < nc; k++) {
    ci[k] = ai[chain[k]];
    cj[k] = aj[chain[k]];
  }
  free(ai);
  free(aj);
  free(chain);
  /* reverse, and add the corners */
  size_t *pi = plx__malloc((nc + 2) * sizeof *pi), *pj = plx__malloc((nc + 2) * sizeof *pj);
  size_t npth = 0;
  pi[npth] = 0;
  pj[npth++] = 0;
  for (size_t k = nc; k-- > 0;) {
    if (ci[k] + 1 <= pi[npth - 1] || cj[k] + 1 <= pj[npth - 1]) continue;
    pi[npth] = ci[k] + 1;
    pj[npth++] = cj[k] + 1;
  }
  if (pi[npth - 1] != n || pj[npth - 1] != m) {
    pi[npth] = n;
    pj[npth++] = m;
  }
  long *center = plx__malloc((n + 1) * sizeof *center);
  size_t seg = 0;
  for (size_t i = 0; i <= n; i++) {
    while (seg + 1 < npth - 1 && pi[seg + 1] < i) seg++;
    size_t i0 = pi[seg], i1 = pi[seg + 1 < npth ? seg + 1 : seg];
    size_t j0 = pj[seg], j1 = pj[seg + 1 < npth ? seg + 1 : seg];
    double f = i1 > i0 ? (double)(i - i0) / (double)(i1 - i0) : 1.0;
    center[i] = (long)llround((double)j0 + f * (double)((long)j1 - (long)j0));
  }
  for (size_t i = 0; i <= n; i++) {
    long c0 = center[i], cp = i ? center[i - 1] : c0, cn = i < n ? center[i + 1] : c0;
    long a = c0 < cp ? c0 : cp, b = c0 > cn ? c0 : cn;
    lo[i] = a - BAND < 0 ? 0 : a - BAND;
    hi[i] = b + BAND > (long)m ? (long)m : b + BAND;
    if (i == 0) lo[i] = 0;
    if (i == n) hi[i] = (long)m;
  }
  free(center);
  free(pi);
  free(pj);
  free(ci);
  free(cj);
}

/* ---- parallel: the banded dynamic programme ---- */

typedef struct S_step {
  int di, dj;
} S_step;

static const S_step S_steps[] = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3}};
#define NSTEPS (sizeof S_steps / sizeof S_steps[0])

/* The pairs of one sentence pair of the band, kept for the groups that
 * contain it: sorted only when a group is scored (most never are). */
typedef struct S_vplist {
  plx__tp *p;    /* the candidate pairs */
  size_t n, cap;
  plx__vp *v;    /* the same with their values, sorted, once needed */
  size_t vcap;
  int sorted;
  double ua, ub; /* sum over A's (B's) tokens of their best pair's value */
  double sim;    /* the similarity of the pair, or its bound below THETA */
  int exact;     /* sim is the similarity */
} S_vplist;

/* What the matching of the pairs of l can reach at most, counted from each
 * side: every token is matched once at most, so the matched value is at
 * most the sum of each token's best pair. A group's bound is the sum of
 * its parts'. */
static void S_bounds(S_vplist *l, const double *wa, size_t na, const double *wb, size_t nb) {
  double sa[256], sb[256];
  double *ma = na <= 256 ? sa : plx__calloc(na, sizeof *ma);
  double *mb = nb <= 256 ? sb : plx__calloc(nb, sizeof *mb);
  if (na <= 256) memset(ma, 0, na * sizeof *ma);
  if (nb <= 256) memset(mb, 0, nb * sizeof *mb);
  for (size_t k = 0; k < l->n; k++) {
    const plx__tp *x = &l->p[k];
    double v = x->s * (wa[x->ta] + wb[x->tb]);
    if (v > ma[x->ta]) ma[x->ta] = v;
    if (v > mb[x->tb]) mb[x->tb] = v;
  }
  l->ua = l->ub = 0;
  for (size_t t = 0; t < na; t++) l->ua += ma[t];
  for (size_t t = 0; t < nb; t++) l->ub += mb[t];
  if (ma != sa) free(ma);
  if (mb != sb) free(mb);
}

static const plx__vp *S_sorted(S_vplist *l, const double *wa, const double *wb) {
  if (!l->sorted) {
    plx__grow((void **)&l->v, &l->vcap, l->n + 1, sizeof *l->v);
    plx__vp_sorted(l->p, l->n, wa, wb, l->v);
    l->sorted = 1;
  }
  return l->v;
}

/* A part of a group: its sorted pairs and where its tokens start in the
 * group's (A offset << 32 | B offset). */
typedef struct S_part {
  const plx__vp *v;
  size_t n;
  uint64_t off;
  S_vplist *l;            /* where v comes from, sorted on need */
  const double *wa, *wb;  /* the weights of its two sentences */
} S_part;

/* Merge the parts' sorted lists into out, in the same order a sort of the
 * union would give (the values do not change; offsets keep token order). */
static size_t S_merge_parts(S_part *p, size_t np, plx__vp *out) {
  size_t pos[4] = {0, 0, 0, 0}, n = 0;
  for (;;) {
    int best = -1;
    plx__vp cand, bestv;
    for (size_t k = 0; k < np; k++) {
      if (pos[k] == p[k].n) continue;
      cand = p[k].v[pos[k]];
      cand.order += p[k].off;
      if (best < 0 || plx__vp_before(&cand, &bestv)) {
        best = (int)k;
        bestv = cand;
      }
    }
    if (best < 0) return n;
    out[n++] = bestv;
    pos[best]++;
  }
}

static plx_status S_parallel(plx_alignment *al, plx_error *err) {
  size_t n = al->n[0], m = al->n[1];
  const plx__ana *A = &al->ana[0], *B = &al->ana[1];
  long *lo = plx__malloc((n + 1) * sizeof *lo), *hi = plx__malloc((n + 1) * sizeof *hi);
  S_band(al, lo, hi);
  size_t *off = plx__malloc((n + 2) * sizeof *off);
  off[0] = 0;
  for (size_t i = 0; i <= n; i++) off[i + 1] = off[i] + (size_t)(hi[i] - lo[i] + 1);
  size_t cells = off[n + 1];
  double *D = plx__malloc(cells * sizeof *D);
  unsigned char *from = plx__malloc(cells);
  double *sc = plx__malloc(cells * sizeof *sc);
#define INBAND(i, j) ((long)(j) >= lo[i] && (long)(j) <= hi[i])
#define IDX(i, j) (off[i] + (size_t)((long)(j)-lo[i]))
  for (size_t k = 0; k < cells; k++) {
    D[k] = -1e18;
    from[k] = 255;
  }
  D[IDX(0, 0)] = 0;
  /* The candidate pairs of the last four sentences of A with the columns
   * of B their cells can reach: row r holds sentence r's pairs with B
   * sentences [rlo[r % 4], rlo + rn). */
  S_vplist *ring[4] = {NULL, NULL, NULL, NULL};
  size_t ringcap[4] = {0, 0, 0, 0}, rlo[4] = {0}, rn[4] = {0};
  uint32_t *js = plx__malloc((m + 1) * sizeof *js);
  S_vplist uni = {0};
  for (size_t i = 0; i <= n; i++) {
    if (i > 0) {
      /* sentence r = i - 1 serves rows i..i+2; its columns j - 3 .. j - 1 */
      size_t r = i - 1, slot = r % 4;
      long clo = lo[i], chi = hi[i];
      for (size_t q = i + 1; q <= n && q <= i + 2; q++) {
        if (lo[q] < clo) clo = lo[q];
        if (hi[q] > chi) chi = hi[q];
      }
      clo = clo - 3 < 0 ? 0 : clo - 3;
      chi = chi - 1 > (long)m - 1 ? (long)m - 1 : chi - 1;
      rlo[slot] = (size_t)clo;
      rn[slot] = chi >= clo ? (size_t)(chi - clo + 1) : 0;
      if (rn[slot] > ringcap[slot]) {
        ring[slot] = plx__realloc(ring[slot], rn[slot] * sizeof **ring);
        memset(ring[slot] + ringcap[slot], 0, (rn[slot] - ringcap[slot]) * sizeof **ring);
        ringcap[slot] = rn[slot];
      }
      for (size_t k = 0; k < rn[slot]; k++)
        ring[slot][k].n = 0, ring[slot][k].sim = 0, ring[slot][k].sorted = 0;
      if (al->content[0][r]) {
        size_t nj = 0;
        for (size_t c = rlo[slot]; c < rlo[slot] + rn[slot]; c++)
          if (al->content[1][c]) js[nj++] = (uint32_t)c;
        plx__tplist *row = S_rows(al, nj);
        plx__pairs_row(al->m, r, js, nj, row);
        const double *wa = al->w[0] + A->first[r];
        for (size_t k = 0; k < nj; k++) {
          size_t c = js[k];
          S_vplist *dst = &ring[slot][c - rlo[slot]];
          /* the row's pair list and the cell's change hands: no copy */
          plx__tp *tp = dst->p;
          size_t tcap = dst->cap;
          dst->p = row[k].p;
          dst->n = row[k].n;
          dst->cap = row[k].cap;
          row[k].p = tp;
          row[k].cap = tcap;
          row[k].n = 0;
          const double *wb = al->w[1] + B->first[c];
          S_bounds(dst, wa, plx__ana_len(A, r), wb, plx__ana_len(B, c));
          /* kept here, not in the cache: most cells of the band are never
           * asked for again, and there are band-width times more of them
           * than sentences. A 1-1 step scoring below THETA never beats the
           * skips beside it (they reach its cell from cells at least as
           * good, for nothing) and never makes a link (min_link is above
           * THETA): below THETA the bound serves, and opens the gate of the
           * merges (which are scored on their own). */
          double tot = al->tot[0][r] + al->tot[1][c];
          double ub = tot > 0 ? (dst->ua < dst->ub ? dst->ua : dst->ub) / tot : 0;
          /* (two sentences without a word, emoji posts, are alike by
           * definition: no bound there) */
          dst->exact = ub >= THETA || tot <= 0;
          dst->sim = !dst->exact ? ub
                                 : plx__match(dst->p, dst->n, wa, plx__ana_len(A, r),
                                              al->tot[0][r], wb, plx__ana_len(B, c),
                                              al->tot[1][c], NULL)
                                       .sim;
        }
      }
    }
    for (long jj = lo[i]; jj <= hi[i]; jj++) {
      size_t j = (size_t)jj;
      if (i == 0 && j == 0) continue;
      double best = -1e18, bestsc = 0;
      int bstep = 255;
      double sim11 = 0;
      S_vplist *cell11 = NULL;
      if (i > 0 && j > 0 && al->content[0][i - 1] && al->content[1][j - 1]) {
        size_t slot = (i - 1) % 4;
        if (j - 1 >= rlo[slot] && j - 1 < rlo[slot] + rn[slot]) {
          cell11 = &ring[slot][j - 1 - rlo[slot]];
          sim11 = cell11->sim;
        }
      }
      if (cell11 && !cell11->exact) {
        /* the bound stands for the score only where a skip reaches this
         * cell; at a corner of the band, the score itself */
        int skip = (INBAND(i - 1, j) && D[IDX(i - 1, j)] > -1e17) ||
                   (INBAND(i, j - 1) && D[IDX(i, j - 1)] > -1e17);
        if (!skip) {
          cell11->sim = plx__match(cell11->p, cell11->n, al->w[0] + A->first[i - 1],
                                   plx__ana_len(A, i - 1), al->tot[0][i - 1],
                                   al->w[1] + B->first[j - 1], plx__ana_len(B, j - 1),
                                   al->tot[1][j - 1], NULL)
                            .sim;
          cell11->exact = 1;
          sim11 = cell11->sim;
        }
      }
      for (size_t s = 0; s < NSTEPS; s++) {
        int di = S_steps[s].di, dj = S_steps[s].dj;
        if ((size_t)di > i || (size_t)dj > j) continue;
        size_t pi = i - (size_t)di, pj = j - (size_t)dj;
        if (!INBAND(pi, pj)) continue;
        double prev = D[IDX(pi, pj)];
        if (prev <= -1e17) continue;
        if (prev + 1.0 < best && (di > 1 || dj > 1)) continue; /* cannot win */
        double score = 0, v = 0;
        if (di && dj) {
          /* every sentence of a group must be content */
          int ok = 1;
          for (int k = 1; k <= di; k++) ok &= al->content[0][i - (size_t)k];
          for (int k = 1; k <= dj; k++) ok &= al->content[1][j - (size_t)k];
          if (!ok) continue;
          if (di == 1 && dj == 1) {
            score = sim11;
            v = score - THETA;
          } else {
            /* merges: only where the 1-1 part already overlaps */
            if (sim11 < 0.05) continue;
            /* the group's pairs: its parts' sorted lists, merged */
            size_t a0 = A->first[pi], b0 = B->first[pj];
            double ta = 0, tb = 0;
            for (size_t r = pi; r < i; r++) ta += al->tot[0][r];
            for (size_t c = pj; c < j; c++) tb += al->tot[1][c];
            S_part parts[4];
            size_t np = 0, total = 0;
            double ua = 0, ub = 0;
            for (size_t r = pi; r < i; r++) {
              size_t slot = r % 4;
              for (size_t c = pj; c < j; c++) {
                if (c < rlo[slot] || c >= rlo[slot] + rn[slot]) continue;
                S_vplist *pl = &ring[slot][c - rlo[slot]];
                if (!pl->n || np == 4) continue;
                parts[np].v = pl->v; /* sorted below, if the group is scored */
                parts[np].l = pl;
                parts[np].wa = al->w[0] + A->first[r];
                parts[np].wb = al->w[1] + B->first[c];
                parts[np].n = pl->n;
                parts[np].off = (uint64_t)(A->first[r] - a0) << 32 | (B->first[c] - b0);
                total += pl->n;
                ua += pl->ua;
                ub += pl->ub;
                np++;
              }
            }
            /* a merge that cannot win, even at its bound, is not scored */
            double cost = THETA + MERGE_COST * (double)(di + dj - 2);
            double bound = ta + tb > 0 ? (ua < ub ? ua : ub) / (ta + tb) : 0;
            if (prev + (bound > 1 ? 1 : bound) - cost + 1e-9 <= best) continue;
            for (size_t q = 0; q < np; q++) parts[q].v = S_sorted(parts[q].l, parts[q].wa, parts[q].wb);
            plx__grow((void **)&uni.v, &uni.cap, total + 1, sizeof *uni.v);
            uni.n = S_merge_parts(parts, np, uni.v);
            plx__msum g = plx__match_sorted(uni.v, uni.n, al->w[0] + a0, A->first[i] - a0, ta,
                                            al->w[1] + b0, B->first[j] - b0, tb, NULL);
            score = g.sim;
            v = score - cost;
          }
        }
        if (prev + v > best) {
          best = prev + v;
          bstep = (int)s;
          bestsc = score;
        }
      }
      D[IDX(i, j)] = best;
      from[IDX(i, j)] = (unsigned char)bstep;
      sc[IDX(i, j)] = bestsc;
    }
  }
  for (int k = 0; k < 4; k++) {
    for (size_t q = 0; q < ringcap[k]; q++) {
      free(ring[k][q].v);
      free(ring[k][q].p);
    }
    free(ring[k]);
  }
  free(uni.v);
  free(js);
  plx_status st = PLX_OK;
  if (!INBAND(n, m) || from[IDX(n, m)] == 255) {
    st = plx__fail(err, PLX_ERR_INTERNAL, "no monotone alignment within the band");
    goto done;
  }
  /* backtrack */
  size_t i = n, j = m;
  S_ilink *rev = NULL;
  size_t nrev = 0, revcap = 0;
  while (i > 0 || j > 0) {
    int s = from[IDX(i, j)];
    int di = S_steps[s].di, dj = S_steps[s].dj;
    double score = sc[IDX(i, j)];
    if (di && dj && score >= al->min_link) {
      S_ilink l = {NULL, (size_t)di, (size_t)dj, score};
      l.ids = plx__malloc((size_t)(di + dj) * sizeof *l.ids);
      for (int k = 0; k < di; k++) l.ids[k] = i - (size_t)di + (size_t)k;
      for (int k = 0; k < dj; k++) l.ids[di + k] = j - (size_t)dj + (size_t)k;
      PLX__PUSH(rev, nrev, revcap, l);
    }
    i -= (size_t)di;
    j -= (size_t)dj;
  }
  for (size_t k = nrev; k-- > 0;) {
    S_add_link(al, rev[k].ids, rev[k].na, rev[k].ids + rev[k].na, rev[k].nb, rev[k].score);
    free(rev[k].ids);
  }
  free(rev);
done:
  free(D);
  free(from);
  free(sc);
  free(lo);
  free(hi);
  free(off);
#undef IDX
#undef INBAND
  return st;
}

/* ---- comparable: candidates from the indexes ---- */

typedef struct S_cand {
  uint32_t i, j;
  double sim, contain;
} S_cand;

static plx_status S_comparable(plx_alignment *al) {
  unsigned char *mark = plx__calloc(al->n[1] + 1, 1);
  uint32_t *list = plx__malloc((al->n[1] + 1) * sizeof *list);
  S_cand *c = NULL;
  size_t nc = 0, cap = 0;
  double *best[2];
  best[0] = plx__calloc(al->n[0] + 1, sizeof *best[0]);
  best[1] = plx__calloc(al->n[1] + 1, sizeof *best[1]);
  for (size_t i = 0; i < al->n[0]; i++) {
    if (!al->content[0][i]) continue;
    size_t nl = S_candidates_of(al, 0, i, mark, list);
    /* a candidate below min_link / 2 is dropped: its bound will do */
    double sims[MAX_CAND];
    S_row_sims_floor(al, i, list, nl, sims, al->min_link / 2);
    for (size_t q = 0; q < nl; q++) {
      size_t j = list[q];
      if (sims[q] < al->min_link / 2) continue;
      plx__msum v = plx__align_pair(al, i, j);
      double s = v.sim;
      if (s < al->min_link / 2) continue;
      /* the smaller of the two, largely found in the other */
      double contain = plx__ana_len(&al->ana[0], i) < plx__ana_len(&al->ana[1], j) ? v.cover_a
                                                                                   : v.cover_b;
      S_cand x = {(uint32_t)i, (uint32_t)j, s, contain};
      PLX__PUSH(c, nc, cap, x);
      if (s > best[0][i]) best[0][i] = s;
      if (s > best[1][j]) best[1][j] = s;
    }
  }
  /* Two articles on one story share their topic words everywhere, so a
   * sentence whose counterpart is absent still has a best candidate. What
   * tells a real pair is that it stands out (a margin, as in LASER's
   * mining): its similarity over the mean of the best few of both of its
   * sentences' candidates. */
  double *bg[2];
  for (int side = 0; side < 2; side++) {
    size_t n = al->n[side];
    bg[side] = plx__calloc(n + 1, sizeof *bg[side]);
    double *top = plx__calloc((n + 1) * MARGIN_K, sizeof *top);
    for (size_t k = 0; k < nc; k++) {
      size_t id = side ? c[k].j : c[k].i;
      double *t = top + id * MARGIN_K, v = c[k].sim;
      for (int q = 0; q < MARGIN_K; q++)
        if (v > t[q]) {
          double tmp = t[q];
          t[q] = v;
          v = tmp;
        }
    }
    for (size_t id = 0; id < n; id++) {
      double sum = 0;
      for (int q = 0; q < MARGIN_K; q++) sum += top[id * MARGIN_K + q];
      bg[side][id] = sum / MARGIN_K;
    }
    free(top);
  }
  for (size_t k = 0; k < nc; k++) {
    const S_cand *x = &c[k];
    double base = (bg[0][x->i] + bg[1][x->j]) / 2;
    double margin = base > 0 ? x->sim / base : 0;
    int top = x->sim >= RELATIVE * best[0][x->i] || x->sim >= RELATIVE * best[1][x->j];
    int strong = x->sim >= al->min_link && margin >= MARGIN;
    int contained = x->contain >= CONTAIN && margin >= MARGIN &&
                    (x->sim >= best[0][x->i] || x->sim >= best[1][x->j]);
    if (top && (strong || contained)) {
      size_t a1[1] = {x->i}, b1[1] = {x->j};
      S_add_link(al, a1, 1, b1, 1, x->sim);
    }
  }
  free(best[0]);
  free(best[1]);
  free(bg[0]);
  free(bg[1]);
  free(c);
  free(mark);
  free(list);
  return PLX_OK;
}

/* Pre-aligned input: the pairs are given, whatever their similarity (a
 * unit of a bilingual file is one even when its target says nothing of
 * its source: that is what the facts then report). */
static void S_paired(plx_alignment *al) {
  for (size_t i = 0; i < al->n[0]; i++) {
    if (!al->content[0][i] || !al->content[1][i]) continue;
    size_t a1[1] = {i}, b1[1] = {i};
    S_add_link(al, a1, 1, b1, 1, plx__align_sim(al, i, i));
  }
}

/* After the monotone programme: sentences left without a counterpart on
 * both sides may still correspond out of order (two paragraphs swapped in a
 * translation). A pair of such sentences is linked when each is the other's
 * best among them and the similarity is clearly a match (REPAIR_MIN). */
#define REPAIR_MIN 0.35

static void S_repair(plx_alignment *al) {
  unsigned char *count = plx__calloc(al->n[1] + 1, 1);
  uint32_t *list = plx__malloc((al->n[1] + 1) * sizeof *list);
  long *best_j = plx__malloc((al->n[0] + 1) * sizeof *best_j);
  double *best_s = plx__calloc(al->n[0] + 1, sizeof *best_s);
  double *best_b = plx__calloc(al->n[1] + 1, sizeof *best_b);
  for (size_t i = 0; i < al->n[0]; i++) {
    best_j[i] = -1;
    if (!plx_alignment_is_gap(al, 0, i)) continue;
    size_t nl = S_candidates_of(al, 0, i, count, list);
    for (size_t q = 0; q < nl; q++) {
      size_t j = list[q];
      if (!plx_alignment_is_gap(al, 1, j)) continue;
      double s = plx__align_sim(al, i, j);
      if (s > best_s[i]) {
        best_s[i] = s;
        best_j[i] = (long)j;
      }
      if (s > best_b[j]) best_b[j] = s;
    }
  }
  for (size_t i = 0; i < al->n[0]; i++) {
    if (best_j[i] < 0 || best_s[i] < REPAIR_MIN || best_s[i] < best_b[best_j[i]]) continue;
    size_t a1[1] = {i}, b1[1] = {(size_t)best_j[i]};
    S_add_link(al, a1, 1, b1, 1, best_s[i]);
  }
  free(best_j);
  free(best_s);
  free(best_b);
  free(count);
  free(list);
}

/* Remove every link that sentence id of side is in. */
static void S_drop_links(plx_alignment *al, int side, size_t id) {
  size_t kept = 0;
  for (size_t k = 0; k < al->nlinks; k++) {
    S_ilink *l = &al->links[k];
    const size_t *ids = side ? l->ids + l->na : l->ids;
    size_t n = side ? l->nb : l->na, x = 0;
    while (x < n && ids[x] != id) x++;
    if (x == n) {
      al->links[kept++] = *l;
      continue;
    }
    for (size_t q = 0; q < l->na; q++) al->linked[0][l->ids[q]]--;
    for (size_t q = 0; q < l->nb; q++) al->linked[1][l->ids[l->na + q]]--;
    free(l->ids);
  }
  al->nlinks = kept;
}

/* The score of the strongest link of each sentence of side: a new array. */
static double *S_strongest(const plx_alignment *al, int side) {
  double *best = plx__calloc(al->n[side] + 1, sizeof *best);
  for (size_t k = 0; k < al->nlinks; k++) {
    const S_ilink *l = &al->links[k];
    const size_t *ids = side ? l->ids + l->na : l->ids;
    size_t n = side ? l->nb : l->na;
    for (size_t x = 0; x < n; x++)
      if (l->score > best[ids[x]]) best[ids[x]] = l->score;
  }
  return best;
}

/* When two paragraphs of a translation are swapped, the monotone programme
 * fills the place of each with whatever sits there, weakly, and the repair
 * above finds no free counterpart for the moved sentence. A sentence left
 * without a counterpart whose best match is clear (REPAIR_MIN) and RELINK_GAIN
 * times stronger than every link of that match takes it: the weak links give
 * way (their other sentences become gaps, which they are). */
#define RELINK_GAIN 2.0

typedef struct S_relink_cand {
  size_t x, y; /* sentence of side, sentence of the other side */
  int side;
  double sim;
} S_relink_cand;

static int S_cmp_relink(const void *p, const void *q) {
  const S_relink_cand *a = p, *b = q;
  return a->sim > b->sim ? -1 : a->sim < b->sim;
}

static void S_relink_side(plx_alignment *al, int side, S_relink_cand **rc, size_t *nrc,
                          size_t *cap) {
  unsigned char *count = plx__calloc(al->n[!side] + 1, 1);
  uint32_t *list = plx__malloc((al->n[!side] + 1) * sizeof *list);
  for (size_t x = 0; x < al->n[side]; x++) {
    if (!plx_alignment_is_gap(al, side, x)) continue;
    size_t nl = S_candidates_of(al, side, x, count, list), by = 0;
    double bs = 0;
    for (size_t q = 0; q < nl; q++) {
      double s = side ? plx__align_sim(al, list[q], x) : plx__align_sim(al, x, list[q]);
      if (s > bs) {
        bs = s;
        by = list[q];
      }
    }
    if (bs < REPAIR_MIN || plx_alignment_is_gap(al, !side, by)) continue;
    S_relink_cand c = {x, by, side, bs};
    PLX__PUSH(*rc, *nrc, *cap, c);
  }
  free(count);
  free(list);
}

static void S_relink(plx_alignment *al) {
  S_relink_cand *rc = NULL;
  size_t n = 0, cap = 0;
  S_relink_side(al, 0, &rc, &n, &cap);
  S_relink_side(al, 1, &rc, &n, &cap);
  if (n) qsort(rc, n, sizeof *rc, S_cmp_relink);
  /* strongest link per sentence; after a drop the values of the partners
   * are stale (too high), which only makes a later relink less likely */
  double *strongest[2] = {S_strongest(al, 0), S_strongest(al, 1)};
  for (size_t k = 0; k < n; k++) {
    const S_relink_cand *c = &rc[k];
    if (!plx_alignment_is_gap(al, c->side, c->x)) continue;
    if (strongest[!c->side][c->y] * RELINK_GAIN > c->sim) continue;
    S_drop_links(al, !c->side, c->y);
    size_t x1[1] = {c->x}, y1[1] = {c->y};
    if (c->side) S_add_link(al, y1, 1, x1, 1, c->sim);
    else S_add_link(al, x1, 1, y1, 1, c->sim);
    strongest[c->side][c->x] = strongest[!c->side][c->y] = c->sim;
  }
  free(strongest[0]);
  free(strongest[1]);
  free(rc);
}


/* ---- lengths: a translation's sentences have proportional lengths ---- */

/* Characters (code points) of sentence i of side. */
size_t plx__align_span_chars(const plx_alignment *al, int side, size_t start, size_t end) {
  size_t len, n = 0;
  const char *t = plx_doc_text(al->doc[side], &len);
  for (size_t k = start; k < end && k < len; k++) n += ((unsigned char)t[k] & 0xC0) != 0x80;
  return n;
}

size_t plx__align_chars(const plx_alignment *al, int side, size_t i) {
  const plx_sentence *se = plx_doc_sentence(al->doc[side], i);
  return plx__align_span_chars(al, side, se->start, se->end);
}

/* Characters of B per character of A, from the document's own confident
 * one-to-one links (Spanish runs longer than English, by how much depends
 * on the text); 0 when there are too few to tell. */
#define RATIO_LINK 0.5
#define RATIO_MIN_CHARS 200

static double S_measured_ratio(const plx_alignment *al) {
  double ca = 0, cb = 0;
  for (size_t k = 0; k < al->nlinks; k++) {
    const S_ilink *l = &al->links[k];
    if (l->na != 1 || l->nb != 1 || l->score < RATIO_LINK) continue;
    ca += (double)plx__align_chars(al, 0, l->ids[0]);
    cb += (double)plx__align_chars(al, 1, l->ids[1]);
  }
  return ca >= RATIO_MIN_CHARS && cb > 0 ? cb / ca : 0;
}

/* The same, 1 (no correction) when there are too few to tell. */
static double S_length_ratio(const plx_alignment *al) {
  double r = S_measured_ratio(al);
  return r > 0 ? r : 1.0;
}

/* How well the lengths of sentence i of A and j of B agree, as Gale and
 * Church's length model has it: the difference from the expected length,
 * in standard deviations (variance LENGTH_VAR per character), turned into
 * the two-sided probability of a difference at least this large between a
 * sentence and its translation (1: as expected; 0.05: |delta| of 2). */
#define LENGTH_VAR 6.8

static double S_length_fit(const plx_alignment *al, double ratio, size_t i, size_t j) {
  double la = (double)plx__align_chars(al, 0, i), lb = (double)plx__align_chars(al, 1, j);
  double mean = (la + lb / ratio) / 2;
  double delta = (lb - ratio * la) / sqrt(LENGTH_VAR * (mean > 1 ? mean : 1));
  return erfc(fabs(delta) / sqrt(2.0));
}

/* A weak link of the programme (below WEAK_LINK) rests on a few shared
 * words, and a translation that lost sentences on both sides at one place
 * leaves two unrelated sentences there that the programme may link. Such a
 * link is dropped when the lengths of its two sentences disagree (a chance
 * below LENGTH_UNLIKELY), or when its similarity does not stand out: it is
 * below the mean of the best MARGIN_K other candidates of its two
 * sentences (the margin of comparable mode, at 1), so the two resemble the
 * rest of the article as much as each other. */
#define WEAK_LINK 0.3
#define LENGTH_UNLIKELY 0.05

/* The mean of the best MARGIN_K similarities of sentence x of side to the
 * candidates of the other side, leaving out sentence skip. count, list:
 * scratch as for S_candidates_of. */
static double S_background(plx_alignment *al, int side, size_t x, size_t skip,
                           unsigned char *count, uint32_t *list) {
  double top[MARGIN_K] = {0};
  size_t nl = S_candidates_of(al, side, x, count, list);
  for (size_t q = 0; q < nl; q++) {
    if (list[q] == skip) continue;
    double v = side ? plx__align_sim(al, list[q], x) : plx__align_sim(al, x, list[q]);
    for (int t = 0; t < MARGIN_K; t++)
      if (v > top[t]) {
        double tmp = top[t];
        top[t] = v;
        v = tmp;
      }
  }
  double sum = 0;
  for (int t = 0; t < MARGIN_K; t++) sum += top[t];
  return sum / MARGIN_K;
}

static int S_weak_unsupported(plx_alignment *al, double ratio, size_t i, size_t j,
                              double score, unsigned char *count, uint32_t *list) {
  if (S_length_fit(al, ratio, i, j) < LENGTH_UNLIKELY) return 1;
  double bg = (S_background(al, 0, i, j, count, list) +
               S_background(al, 1, j, i, count, list)) / 2;
  return score < bg;
}

static void S_weak_check(plx_alignment *al, double ratio) {
  size_t most = al->n[0] > al->n[1] ? al->n[0] : al->n[1];
  unsigned char *count = plx__calloc(most + 1, 1);
  uint32_t *list = plx__malloc((most + 1) * sizeof *list);
  size_t kept = 0;
  for (size_t k = 0; k < al->nlinks; k++) {
    S_ilink *l = &al->links[k];
    if (l->na == 1 && l->nb == 1 && l->score < WEAK_LINK &&
        S_weak_unsupported(al, ratio, l->ids[0], l->ids[1], l->score, count, list)) {
      al->linked[0][l->ids[0]]--;
      al->linked[1][l->ids[1]]--;
      free(l->ids);
      continue;
    }
    al->links[kept++] = *l;
  }
  al->nlinks = kept;
  free(count);
  free(list);
}

/* For each sentence of A, the first and the last sentence of B it is
 * linked to (-1 when none): new arrays. */
static void S_linked_span(const plx_alignment *al, long **first, long **last) {
  long *f = plx__malloc((al->n[0] + 1) * sizeof *f), *l = plx__malloc((al->n[0] + 1) * sizeof *l);
  for (size_t i = 0; i <= al->n[0]; i++) f[i] = l[i] = -1;
  for (size_t k = 0; k < al->nlinks; k++) {
    const S_ilink *x = &al->links[k];
    for (size_t p = 0; p < x->na; p++)
      for (size_t q = 0; q < x->nb; q++) {
        size_t i = x->ids[p];
        long j = (long)x->ids[x->na + q];
        if (f[i] < 0 || j < f[i]) f[i] = j;
        if (j > l[i]) l[i] = j;
      }
  }
  *first = f;
  *last = l;
}

/* Between two links of a translation, one sentence left on each side is
 * most likely the translation of the other even when the lexicon sees no
 * shared word ("yeeee!" and "¡Síii!", "Definitely." and "Por supuesto."):
 * for it not to be, both articles would have to lose a sentence at the
 * same place. Such a 1x1 hole is linked when the two lengths agree as a
 * translation's do (LENGTH_LIKELY), which a chance pair seldom does. */
#define LENGTH_LIKELY 0.32

static void S_fill_holes(plx_alignment *al, double ratio) {
  size_t n = al->n[0], m = al->n[1];
  long *first, *last;
  S_linked_span(al, &first, &last);
  long prev = -1; /* the last content sentence of A before i */
  for (size_t i = 0; i < n; i++) {
    if (!al->content[0][i]) continue;
    long p = prev;
    prev = (long)i;
    if (!plx_alignment_is_gap(al, 0, i)) continue;
    size_t nx = i + 1;
    while (nx < n && !al->content[0][nx]) nx++;
    if ((p >= 0 && plx_alignment_is_gap(al, 0, (size_t)p)) ||
        (nx < n && plx_alignment_is_gap(al, 0, nx)))
      continue;
    long lo = p >= 0 ? last[p] : -1;
    long hi = nx < n ? first[nx] : (long)m;
    if (lo >= hi) continue;
    long j = -1, count = 0;
    for (long q = lo + 1; q < hi; q++)
      if (al->content[1][q]) {
        count++;
        j = q;
      }
    if (count != 1 || !plx_alignment_is_gap(al, 1, (size_t)j)) continue;
    if (S_length_fit(al, ratio, i, (size_t)j) < LENGTH_LIKELY) continue;
    size_t a1[1] = {i}, b1[1] = {(size_t)j};
    S_add_link(al, a1, 1, b1, 1, plx__align_sim(al, i, (size_t)j));
    first[i] = last[i] = j;
  }
  free(first);
  free(last);
}

/* ---- auto: how diagonal are the strong matches? ---- */

static plx_align_mode S_choose(plx_alignment *al) {
  size_t *ai, *aj, na, *chain, nchain, content0;
  S_anchors(al, &ai, &aj, &na, &chain, &nchain, &content0);
  size_t ascents = 0;
  for (size_t k = 1; k < na; k++) ascents += aj[k] > aj[k - 1];
  free(ai);
  free(aj);
  free(chain);
  /* A translation keeps the order of its strong matches even with
   * omissions and a moved paragraph; two reports of one story do not. A
   * moved paragraph of a short article can break the longest chain badly
   * (a third of the matches off it), but the matches still come in runs:
   * most follow the one before them in the other article too (two thirds,
   * where order by chance gives a half). */
  int ordered = nchain * 10 >= na * 8 || (na >= 2 && ascents * 3 >= (na - 1) * 2);
  plx_align_mode mode = na >= 3 && ordered && na * CHOOSE_COVER >= content0
                            ? PLX_MODE_PARALLEL
                            : PLX_MODE_COMPARABLE;
  /* Articles of one to three sentences give too few matches to judge by;
   * with as many sentences on both sides and no match out of order, they
   * are read as a translation (a sentence and its translation, a short
   * paragraph), which links each sentence with its counterpart in turn
   * rather than only where the words say so. */
  size_t content1 = 0;
  for (size_t j = 0; j < al->n[1]; j++) content1 += al->content[1][j] != 0;
  if (mode == PLX_MODE_COMPARABLE && content0 <= 3 && content0 == content1 && content0 &&
      nchain == na) {
    snprintf(al->reason, sizeof al->reason,
             "%zu sentence%s on each side, %zu strong match%s in order: a translation (parallel)",
             content0, content0 == 1 ? "" : "s", na, na == 1 ? "" : "es");
    return PLX_MODE_PARALLEL;
  }
  snprintf(al->reason, sizeof al->reason,
           "%zu of %zu strong matches keep their order, %zu follow the one before: %s", nchain,
           na, ascents,
           mode == PLX_MODE_PARALLEL ? "a translation (parallel)" : "two reports (comparable)");
  return mode;
}

/* ---- the alignment object ---- */

static int S_is_content(const plx_doc *d, size_t i) {
  const plx_sentence *s = plx_doc_sentence(d, i);
  if (s->end <= s->start) return 0;
  return s->kind != PLX_KIND_BOILERPLATE && s->kind != PLX_KIND_DUPLICATE;
}

plx_status plx_align(plx_lexicon *lex, const plx_doc *a, const plx_doc *b,
                     const plx_align_options *opt, plx_alignment **out, plx_error *err) {
  plx_align_options defaults;
  if (!opt) {
    plx_align_options_init(&defaults);
    opt = &defaults;
  }
  *out = NULL;
  plx__lex *lx = (plx__lex *)lex;
  int sides[2] = {plx__side(lx, plx_doc_lang(a)), plx__side(lx, plx_doc_lang(b))};
  if (!strcmp(plx_doc_lang(a), plx_doc_lang(b)))
    return plx__fail(err, PLX_ERR_LANGUAGE,
                     "both articles are in '%s'; Parallax compares two languages",
                     plx_doc_lang(a));
  if (sides[0] < 0 || sides[1] < 0 || sides[0] == sides[1])
    return plx__fail(err, PLX_ERR_LANGUAGE, "the articles (%s, %s) are not the pair %s-%s",
                     plx_doc_lang(a), plx_doc_lang(b), lx->lang[0], lx->lang[1]);
  size_t la, lb;
  plx_doc_text(a, &la);
  plx_doc_text(b, &lb);
  if (la >= UINT32_MAX || lb >= UINT32_MAX)
    return plx__fail(err, PLX_ERR_TOO_LARGE, "an article over 4 GB cannot be aligned");
  plx_alignment *al = plx__calloc(1, sizeof *al);
  al->lex = lex;
  al->lx = lx;
  al->doc[0] = a;
  al->doc[1] = b;
  al->min_link = opt->min_link > 0 ? opt->min_link : 0.2;
  plx__df_init(&al->df);
  plx__anascratch scratch;
  memset(&scratch, 0, sizeof scratch);
  for (int side = 0; side < 2; side++) {
    const plx_doc *d = al->doc[side];
    size_t n = plx_doc_sentence_count(d), len;
    const char *t = plx_doc_text(d, &len);
    al->n[side] = n;
    al->content[side] = plx__calloc(n + 1, 1);
    al->linked[side] = plx__calloc(n + 1, sizeof *al->linked[side]);
    plx__ana *an = &al->ana[side];
    plx__ana_init(an, sides[side]);
    for (size_t i = 0; i < n; i++) {
      const plx_sentence *s = plx_doc_sentence(d, i);
      al->content[side][i] = (unsigned char)S_is_content(d, i);
      /* what is never linked need not be read (boilerplate, repeats) */
      if (al->content[side][i]) plx__ana_add(lx, an, t, s->start, s->end, &scratch);
      else plx__ana_add(lx, an, t, s->start, s->start, &scratch);
      if (al->content[side][i]) plx__df_add(&al->df, lx, an, i);
    }
  }
  plx__anascratch_free(&scratch);
  /* informativeness, once per token, and each sentence's total */
  for (int side = 0; side < 2; side++) {
    const plx__ana *an = &al->ana[side];
    al->w[side] = plx__malloc((an->ntok + 1) * sizeof *al->w[side]);
    al->tot[side] = plx__calloc(an->nsent + 1, sizeof *al->tot[side]);
    for (size_t s = 0; s < an->nsent; s++)
      for (uint32_t t = an->first[s]; t < an->first[s + 1]; t++)
        al->tot[side][s] += al->w[side][t] = plx__df_weight(&al->df, lx, &an->tok[t]);
    /* B's index pairs tokens with A's; A's is only asked which sentences
     * hold a concept */
    al->index[side] = plx__index_new(lx, an, side == 1);
  }
  al->m = plx__matcher_new(lx, &al->ana[0], &al->ana[1], al->index[1]);
  plx_status st = PLX_OK;
  al->mode = opt->mode;
  if (al->mode == PLX_MODE_AUTO) al->mode = S_choose(al);
  if (al->mode == PLX_MODE_PAIRED) {
    if (al->n[0] != al->n[1]) {
      st = plx__fail(err, PLX_ERR_INPUT,
                     "paired mode needs as many sentences in A (%zu) as in B (%zu): "
                     "give one sentence per line in both (--segmented)",
                     al->n[0], al->n[1]);
      goto fail;
    }
    S_paired(al);
  } else {
    st = al->mode == PLX_MODE_PARALLEL ? S_parallel(al, err) : S_comparable(al);
  }
  if (st) goto fail;
  if (al->mode == PLX_MODE_PARALLEL) {
    double ratio = S_length_ratio(al);
    S_weak_check(al, ratio);
    S_repair(al);
    S_relink(al);
    S_fill_holes(al, ratio);
  }
  al->ratio = S_measured_ratio(al);
  *out = al;
  return PLX_OK;
fail:
  plx_alignment_free(al);
  return st;
}

void plx_alignment_free(plx_alignment *al) {
  if (!al) return;
  for (int side = 0; side < 2; side++) {
    plx__ana_free(&al->ana[side]);
    free(al->w[side]);
    free(al->tot[side]);
    plx__index_free(al->index[side]);
    free(al->content[side]);
    free(al->linked[side]);
  }
  plx__matcher_free(al->m);
  for (size_t k = 0; k < al->rowcap; k++) free(al->row[k].p);
  free(al->row);
  free(al->cache.keys);
  free(al->cache.vals);
  free(al->bmax);
  free(al->bstamp);
  plx__df_free(&al->df);
  for (size_t k = 0; k < al->nlinks; k++) free(al->links[k].ids);
  free(al->links);
  free(al->pub);
  if (al->words)
    for (size_t k = 0; k < al->nlinks; k++) plx__wl_free(al->words[k]);
  free(al->words);
  free(al);
}

plx_align_mode plx_alignment_mode(const plx_alignment *al) { return al->mode; }
const char *plx_alignment_reason(const plx_alignment *al) { return al->reason; }
size_t plx_alignment_link_count(const plx_alignment *al) { return al->nlinks; }

const plx_link *plx_alignment_link(const plx_alignment *al, size_t i) {
  if (i >= al->nlinks) return NULL;
  plx_alignment *m = (plx_alignment *)al;
  if (!m->pub) {
    m->pub = plx__calloc(al->nlinks + 1, sizeof *m->pub);
    for (size_t k = 0; k < al->nlinks; k++) {
      m->pub[k].a = al->links[k].ids;
      m->pub[k].na = al->links[k].na;
      m->pub[k].b = al->links[k].ids + al->links[k].na;
      m->pub[k].nb = al->links[k].nb;
      m->pub[k].score = al->links[k].score;
    }
  }
  return &m->pub[i];
}

int plx_alignment_is_gap(const plx_alignment *al, int side, size_t id) {
  if (side < 0 || side > 1 || id >= al->n[side]) return 0;
  return al->content[side][id] && al->linked[side][id] == 0;
}

long plx__align_found(const plx_alignment *al, int side, size_t i, size_t t) {
  return plx__align_found_in(al, side, i, t, 0, al->n[!side] ? al->n[!side] - 1 : 0);
}

long plx__align_found_in(const plx_alignment *al, int side, size_t i, size_t t, size_t lo,
                         size_t hi) {
  const plx__ana *an = &al->ana[side];
  const plx__tk *tk = &an->tok[an->first[i] + t];
  plx__tc tc[640];
  size_t nc = plx__tk_tagged(al->lx, tk, 1, tc, 640);
  long best = -1;
  /* the name or value of the token first, then its words' concepts */
  for (size_t pass = 0; pass < 2 && best < 0; pass++)
    for (size_t k = 0; k < nc; k++) {
      if (tc[k].tag != PLX__TAG_SHARE) continue;
      if ((tc[k].c == tk->extra) != (pass == 0)) continue;
      size_t np;
      const plx__post *p = plx__index_find(al->index[!side], tc[k].c, &np);
      for (size_t q = 0; q < np; q++)
        if (al->content[!side][p[q].sent] && p[q].sent >= lo && p[q].sent <= hi) {
          if (best < 0 || (long)p[q].sent < best) best = (long)p[q].sent;
          break;
        }
      if (best >= 0) break;
    }
  return best;
}

/* The text of a token, for evidence: its word as the lexicon has it, or
 * the words of a name or a value as written. */
static void S_token_text(const plx_alignment *al, int side, const plx__tk *t, plx__buf *out) {
  if (t->word != PLX__NONE) {
    const plx__wrec *r = plx__word_rec(al->lx, t->side, t->word);
    plx__buf_put(out, plx__word_str(al->lx, t->word, r->form), r->form_len);
    return;
  }
  size_t len;
  const char *text = plx_doc_text(al->doc[side], &len);
  plx__fold(text + t->start, t->end - t->start, out);
}

char *plx_alignment_evidence(const plx_alignment *al, size_t ia, size_t ib) {
  plx__buf out = {0};
  if (ia >= al->n[0] || ib >= al->n[1]) return plx__buf_detach(&out, NULL);
  plx_alignment *m = (plx_alignment *)al;
  const plx__ana *A = &al->ana[0], *B = &al->ana[1];
  size_t na = plx__ana_len(A, ia), nb = plx__ana_len(B, ib);
  plx__tplist pl = {0};
  plx__align_pairs(m, ia, ib, &pl);
  long *ev = plx__malloc((na + 1) * sizeof *ev);
  plx__match(pl.p, pl.n, al->w[0] + A->first[ia], na, al->tot[0][ia], al->w[1] + B->first[ib],
             nb, al->tot[1][ib], ev);
  for (size_t t = 0; t < na; t++) {
    if (ev[t] < 0) continue;
    const plx__tk *x = &A->tok[A->first[ia] + t], *y = &B->tok[B->first[ib] + (size_t)ev[t]];
    if ((x->flags & PLX__TF_STOP) && (y->flags & PLX__TF_STOP)) continue;
    if (out.len) plx__buf_puts(&out, ", ");
    S_token_text(al, 0, x, &out);
    plx__buf_putc(&out, '=');
    S_token_text(al, 1, y, &out);
  }
  free(ev);
  free(pl.p);
  return plx__buf_detach(&out, NULL);
}
