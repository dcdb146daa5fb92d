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
 * the grouped sentences (their texts read as one), so a link weaker than
 * THETA costs more than leaving both sentences unlinked; a merge (2-1 and
 * beyond) pays MERGE_COST more, so it is taken only when it says more than
 * the 1-1 link would. Skipping is worth 0. The programme runs in a band of
 * BAND cells either side of the path through strong anchors (S_band), so
 * time grows linearly with the length of the articles; merges are only
 * tried where a sentence of the group already overlaps.
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
#define BAND 15
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
  }
  return "auto";
}

int plx_align_mode_parse(const char *name) {
  static const plx_align_mode modes[] = {PLX_MODE_AUTO, PLX_MODE_PARALLEL, PLX_MODE_COMPARABLE};
  for (size_t k = 0; name && k < sizeof modes / sizeof *modes; k++)
    if (!strcmp(name, plx_align_mode_name(modes[k]))) return (int)modes[k];
  return -1;
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

/* A bag for sentences first..last of a side, read as one text. */
static plx_bag *S_group_bag(plx_alignment *al, int side, size_t first, size_t last) {
  const plx_sentence *s0 = plx_doc_sentence(al->doc[side], first);
  const plx_sentence *s1 = plx_doc_sentence(al->doc[side], last);
  size_t len;
  const char *t = plx_doc_text(al->doc[side], &len);
  plx_bag *b = NULL;
  plx_error err = {0};
  plx_bag_new(al->lex, plx_doc_lang(al->doc[side]), t + s0->start, s1->end - s0->start, &b, &err);
  return b;
}

double plx__align_sim(plx_alignment *al, size_t i, size_t j) {
  return plx_bag_similarity(al->lex, al->bag[0][i], al->bag[1][j], al->w);
}

/* ---- parallel: the banded dynamic programme ---- */

typedef struct S_step {
  int di, dj;
} S_step;

static const S_step S_steps[] = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3}};
#define NSTEPS (sizeof S_steps / sizeof S_steps[0])

/* The bag of k sentences from first (k = 1, 2, 3), made once. */
static const plx_bag *S_cached_group(plx_alignment *al, int side, size_t first, int k) {
  if (k == 1) return al->bag[side][first];
  plx_bag **g = al->group[side][k - 2];
  if (!g) g = al->group[side][k - 2] = plx__calloc(al->n[side] + 1, sizeof *g);
  if (!g[first]) g[first] = S_group_bag(al, side, first, first + (size_t)k - 1);
  return g[first];
}

/* Value of linking a[i-di, i) with b[j-dj, j). */
static double S_step_value(plx_alignment *al, size_t i, size_t j, int di, int dj,
                           const double *sim11, double *score) {
  *score = 0;
  if (di == 0 || dj == 0) return 0;
  /* every sentence of a group must be content */
  for (int k = 1; k <= di; k++)
    if (!al->content[0][i - (size_t)k]) return -1e9;
  for (int k = 1; k <= dj; k++)
    if (!al->content[1][j - (size_t)k]) return -1e9;
  if (di == 1 && dj == 1) {
    *score = *sim11;
    return *score - THETA;
  }
  /* merges: only where the 1-1 part already overlaps */
  if (*sim11 < 0.05) return -1e9;
  const plx_bag *xa = S_cached_group(al, 0, i - (size_t)di, di);
  const plx_bag *xb = S_cached_group(al, 1, j - (size_t)dj, dj);
  *score = xa && xb ? plx_bag_similarity(al->lex, xa, xb, al->w) : 0;
  return *score - THETA - MERGE_COST * (double)(di + dj - 2);
}

static int S_cmp_post(const void *x, const void *y) {
  const plx__post *a = x, *b = y;
  if (a->concept != b->concept) return a->concept < b->concept ? -1 : 1;
  return a->sent < b->sent ? -1 : a->sent > b->sent;
}

void plx__align_postings(const plx_alignment *al, int side, int with_stop, plx__post **out,
                         size_t *nout) {
  plx__post *p = NULL;
  size_t n = 0, cap = 0;
  for (size_t j = 0; j < al->n[side]; j++) {
    if (!al->content[side][j]) continue;
    const plx_bag *b = al->bag[side][j];
    for (size_t t = 0; t < plx_bag_size(b); t++) {
      const uint32_t *ids;
      size_t nid;
      uint32_t extra;
      int stop, upper;
      plx__bag_token_concepts(b, t, &ids, &nid, &extra, &stop, &upper);
      if (stop && !with_stop) continue;
      for (size_t k = 0; k <= nid; k++) {
        uint32_t c = k < nid ? ids[k] : extra;
        if (c == UINT32_MAX) continue;
        plx__post x = {c, (uint32_t)j};
        PLX__PUSH(p, n, cap, x);
      }
    }
  }
  if (n) qsort(p, n, sizeof *p, S_cmp_post);
  *out = p;
  *nout = n;
}

size_t plx__postings_find(const plx__post *p, size_t n, uint32_t c) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (p[mid].concept < c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Postings of B, stop words left out: where candidates are found. */
static void S_index(plx_alignment *al, plx__post **out, size_t *nout) {
  plx__align_postings(al, 1, 0, out, nout);
}

/* Candidates of sentence i of A: the sentences of B that share the most
 * concepts with its content words, at most MAX_CAND of them. A concept found
 * in many sentences of B (over half, or over MAX_POSTINGS) says little and
 * is skipped: that keeps the search linear in the length of the articles.
 * count is a zeroed array of m counters, left zeroed. */
#define MAX_CAND 24
#define MAX_POSTINGS 200

static size_t S_candidates_of(plx_alignment *al, int side, const plx__post *p, size_t np,
                              size_t i, unsigned char *count, uint32_t *list) {
  size_t nl = 0;
  const plx_bag *a = al->bag[side][i];
  size_t limit = al->n[!side] / 2 + 2;
  if (limit > MAX_POSTINGS) limit = MAX_POSTINGS;
  for (size_t t = 0; t < plx_bag_size(a); t++) {
    const uint32_t *ids;
    size_t nid;
    uint32_t extra;
    int stop, upper;
    plx__bag_token_concepts(a, t, &ids, &nid, &extra, &stop, &upper);
    if (stop) continue;
    for (size_t k = 0; k <= nid; k++) {
      uint32_t c = k < nid ? ids[k] : extra;
      if (c == UINT32_MAX) continue;
      size_t lo = plx__postings_find(p, np, c), e = lo;
      while (e < np && p[e].concept == c) e++;
      if (e - lo > limit) continue;
      for (size_t q = lo; q < e; q++) {
        if (!count[p[q].sent]) list[nl++] = p[q].sent;
        if (count[p[q].sent] < 255) count[p[q].sent]++;
      }
    }
  }
  if (nl > MAX_CAND) {
    /* keep those that share the most */
    for (size_t x = 0; x < MAX_CAND; x++) {
      size_t bestq = x;
      for (size_t q = x + 1; q < nl; q++)
        if (count[list[q]] > count[list[bestq]]) bestq = q;
      uint32_t tmp = list[x];
      list[x] = list[bestq];
      list[bestq] = tmp;
    }
    for (size_t q = MAX_CAND; q < nl; q++) count[list[q]] = 0;
    nl = MAX_CAND;
  }
  for (size_t q = 0; q < nl; q++) count[list[q]] = 0;
  return nl;
}

/* Candidates in B of sentence i of A (p: the postings of B). */
static size_t S_candidates(plx_alignment *al, const plx__post *p, size_t np, size_t i,
                           unsigned char *count, uint32_t *list) {
  return S_candidates_of(al, 0, p, np, i, count, list);
}

/* Strong mutual matches, in order of A, and the longest chain of them in
 * increasing order of B: the anchors of the parallel band and the evidence
 * of auto mode. On return *ai holds the na anchors (sentence ids of A),
 * *aj their sentences of B, *chain the ids (into ai) of the chain, from last
 * to first, *nchain its length; *content0 counts the content sentences of A.
 * The caller frees the three arrays. */
static void S_anchors(plx_alignment *al, size_t **ai_out, size_t **aj_out, size_t *na_out,
                      size_t **chain_out, size_t *nchain_out, size_t *content0) {
  size_t n = al->n[0], m = al->n[1];
  plx__post *p;
  size_t np;
  S_index(al, &p, &np);
  unsigned char *count = plx__calloc(m + 1, 1);
  uint32_t *list = plx__malloc((m + 1) * sizeof *list);
  long *bj = plx__malloc((n + 1) * sizeof *bj);
  double *bs = plx__calloc(n + 1, sizeof *bs);
  double *best_b = plx__calloc(m + 1, sizeof *best_b);
  *content0 = 0;
  for (size_t i = 0; i < n; i++) {
    bj[i] = -1;
    if (!al->content[0][i]) continue;
    (*content0)++;
    size_t nl = S_candidates(al, p, np, i, count, list);
    for (size_t q = 0; q < nl; q++) {
      double s = plx__align_sim(al, i, list[q]);
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
  free(p);
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

static plx_status S_parallel(plx_alignment *al, plx_error *err) {
  size_t n = al->n[0], m = al->n[1];
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
  for (size_t i = 0; i <= n; i++) {
    for (long jj = lo[i]; jj <= hi[i]; jj++) {
      size_t j = (size_t)jj;
      if (i == 0 && j == 0) continue;
      double best = -1e18, bestsc = 0;
      int bstep = 255;
      double sim11 = (i > 0 && j > 0 && al->content[0][i - 1] && al->content[1][j - 1])
                         ? plx__align_sim(al, i - 1, j - 1)
                         : 0;
      for (size_t s = 0; s < NSTEPS; s++) {
        int di = S_steps[s].di, dj = S_steps[s].dj;
        if ((size_t)di > i || (size_t)dj > j) continue;
        size_t pi = i - (size_t)di, pj = j - (size_t)dj;
        if (!INBAND(pi, pj)) continue;
        double prev = D[IDX(pi, pj)];
        if (prev <= -1e17) continue;
        if (prev + 1.0 < best && (di > 1 || dj > 1)) continue; /* cannot win */
        double score;
        double v = S_step_value(al, i, j, di, dj, &sim11, &score);
        if (v <= -1e8) continue;
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

/* ---- comparable: candidates from an inverted index ---- */

typedef struct S_cand {
  uint32_t i, j;
  double sim, contain;
} S_cand;

static plx_status S_comparable(plx_alignment *al) {
  plx__post *p;
  size_t np;
  S_index(al, &p, &np);
  unsigned char *mark = plx__calloc(al->n[1] + 1, 1);
  uint32_t *list = plx__malloc((al->n[1] + 1) * sizeof *list);
  S_cand *c = NULL;
  size_t nc = 0, cap = 0;
  double *best[2];
  best[0] = plx__calloc(al->n[0] + 1, sizeof *best[0]);
  best[1] = plx__calloc(al->n[1] + 1, sizeof *best[1]);
  for (size_t i = 0; i < al->n[0]; i++) {
    if (!al->content[0][i]) continue;
    size_t nl = S_candidates(al, p, np, i, mark, list);
    for (size_t q = 0; q < nl; q++) {
      size_t j = list[q];
      double ca, cb;
      double s = plx__bag_overlap(al->bag[0][i], al->bag[1][j], al->w, &ca, &cb);
      if (s < al->min_link / 2) continue;
      /* the smaller of the two, largely found in the other */
      double contain = plx_bag_size(al->bag[0][i]) < plx_bag_size(al->bag[1][j]) ? ca : cb;
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
  free(p);
  return PLX_OK;
}

/* After the monotone programme: sentences left without a counterpart on
 * both sides may still correspond out of order (two paragraphs swapped in a
 * translation). A pair of such sentences is linked when each is the other's
 * best among them and the similarity is clearly a match (REPAIR_MIN). */
#define REPAIR_MIN 0.35

static void S_repair(plx_alignment *al) {
  plx__post *p;
  size_t np;
  S_index(al, &p, &np);
  unsigned char *count = plx__calloc(al->n[1] + 1, 1);
  uint32_t *list = plx__malloc((al->n[1] + 1) * sizeof *list);
  long *best_j = plx__malloc((al->n[0] + 1) * sizeof *best_j);
  double *best_s = plx__calloc(al->n[0] + 1, sizeof *best_s);
  double *best_b = plx__calloc(al->n[1] + 1, sizeof *best_b);
  for (size_t i = 0; i < al->n[0]; i++) {
    best_j[i] = -1;
    if (!plx_alignment_is_gap(al, 0, i)) continue;
    size_t nl = S_candidates(al, p, np, i, count, list);
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
  free(p);
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
  plx__post *p;
  size_t np;
  plx__align_postings(al, !side, 0, &p, &np);
  unsigned char *count = plx__calloc(al->n[!side] + 1, 1);
  uint32_t *list = plx__malloc((al->n[!side] + 1) * sizeof *list);
  for (size_t x = 0; x < al->n[side]; x++) {
    if (!plx_alignment_is_gap(al, side, x)) continue;
    size_t nl = S_candidates_of(al, side, p, np, x, count, list), by = 0;
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
  free(p);
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
static size_t S_chars(const plx_alignment *al, int side, size_t i) {
  size_t len;
  const char *t = plx_doc_text(al->doc[side], &len);
  const plx_sentence *se = plx_doc_sentence(al->doc[side], i);
  size_t n = 0;
  for (size_t k = se->start; k < se->end; k++) n += ((unsigned char)t[k] & 0xC0) != 0x80;
  return n;
}

/* Characters of B per character of A, from the document's own confident
 * one-to-one links (Spanish runs longer than English, by how much depends
 * on the text); 1 when there are too few to tell. */
#define RATIO_LINK 0.5
#define RATIO_MIN_CHARS 200

static double S_length_ratio(const plx_alignment *al) {
  double ca = 0, cb = 0;
  for (size_t k = 0; k < al->nlinks; k++) {
    const S_ilink *l = &al->links[k];
    if (l->na != 1 || l->nb != 1 || l->score < RATIO_LINK) continue;
    ca += (double)S_chars(al, 0, l->ids[0]);
    cb += (double)S_chars(al, 1, l->ids[1]);
  }
  return ca >= RATIO_MIN_CHARS && cb > 0 ? cb / ca : 1.0;
}

/* How well the lengths of sentence i of A and j of B agree, as Gale and
 * Church's length model has it: the difference from the expected length,
 * in standard deviations (variance LENGTH_VAR per character), turned into
 * the two-sided probability of a difference at least this large between a
 * sentence and its translation (1: as expected; 0.05: |delta| of 2). */
#define LENGTH_VAR 6.8

static double S_length_fit(const plx_alignment *al, double ratio, size_t i, size_t j) {
  double la = (double)S_chars(al, 0, i), lb = (double)S_chars(al, 1, j);
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
 * candidates of the other side (p: its postings), leaving out sentence
 * skip. count, list: scratch as for S_candidates_of. */
static double S_background(plx_alignment *al, int side, size_t x, size_t skip,
                           const plx__post *p, size_t np, unsigned char *count,
                           uint32_t *list) {
  double top[MARGIN_K] = {0};
  size_t nl = S_candidates_of(al, side, p, np, x, count, list);
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
                              double score, const plx__post *const p[2], const size_t np[2],
                              unsigned char *count, uint32_t *list) {
  if (S_length_fit(al, ratio, i, j) < LENGTH_UNLIKELY) return 1;
  double bg = (S_background(al, 0, i, j, p[1], np[1], count, list) +
               S_background(al, 1, j, i, p[0], np[0], count, list)) / 2;
  return score < bg;
}

static void S_weak_check(plx_alignment *al, double ratio) {
  plx__post *p[2];
  size_t np[2];
  plx__align_postings(al, 0, 0, &p[0], &np[0]);
  plx__align_postings(al, 1, 0, &p[1], &np[1]);
  size_t most = al->n[0] > al->n[1] ? al->n[0] : al->n[1];
  unsigned char *count = plx__calloc(most + 1, 1);
  uint32_t *list = plx__malloc((most + 1) * sizeof *list);
  size_t kept = 0;
  for (size_t k = 0; k < al->nlinks; k++) {
    S_ilink *l = &al->links[k];
    if (l->na == 1 && l->nb == 1 && l->score < WEAK_LINK &&
        S_weak_unsupported(al, ratio, l->ids[0], l->ids[1], l->score,
                           (const plx__post *const *)p, np, count, list)) {
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
  free(p[0]);
  free(p[1]);
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
  plx_alignment *al = plx__calloc(1, sizeof *al);
  al->lex = lex;
  al->doc[0] = a;
  al->doc[1] = b;
  al->min_link = opt->min_link > 0 ? opt->min_link : 0.2;
  al->w = plx_weights_new();
  plx_status st = PLX_OK;
  for (int side = 0; side < 2; side++) {
    const plx_doc *d = al->doc[side];
    size_t n = plx_doc_sentence_count(d), len;
    const char *t = plx_doc_text(d, &len);
    al->n[side] = n;
    al->bag[side] = plx__calloc(n + 1, sizeof *al->bag[side]);
    al->content[side] = plx__calloc(n + 1, 1);
    al->linked[side] = plx__calloc(n + 1, sizeof *al->linked[side]);
    for (size_t i = 0; i < n; i++) {
      const plx_sentence *s = plx_doc_sentence(d, i);
      st = plx_bag_new(lex, plx_doc_lang(d), t + s->start, s->end - s->start, &al->bag[side][i], err);
      if (st) goto fail;
      al->content[side][i] = (unsigned char)S_is_content(d, i);
      if (al->content[side][i]) plx_weights_add(al->w, al->bag[side][i]);
    }
  }
  al->mode = opt->mode;
  if (al->mode == PLX_MODE_AUTO) al->mode = S_choose(al);
  st = al->mode == PLX_MODE_PARALLEL ? S_parallel(al, err) : S_comparable(al);
  if (st) goto fail;
  if (al->mode == PLX_MODE_PARALLEL) {
    double ratio = S_length_ratio(al);
    S_weak_check(al, ratio);
    S_repair(al);
    S_relink(al);
    S_fill_holes(al, ratio);
  }
  *out = al;
  return PLX_OK;
fail:
  plx_alignment_free(al);
  return st;
}

void plx_alignment_free(plx_alignment *al) {
  if (!al) return;
  for (int side = 0; side < 2; side++) {
    for (size_t i = 0; i < al->n[side]; i++) plx_bag_free(al->bag[side][i]);
    free(al->bag[side]);
    for (int k = 0; k < 2; k++) {
      if (!al->group[side][k]) continue;
      for (size_t i = 0; i < al->n[side]; i++) plx_bag_free(al->group[side][k][i]);
      free(al->group[side][k]);
    }
    free(al->content[side]);
    free(al->linked[side]);
  }
  for (size_t k = 0; k < al->nlinks; k++) free(al->links[k].ids);
  free(al->links);
  free(al->pub);
  plx_weights_free(al->w);
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

char *plx_alignment_evidence(const plx_alignment *al, size_t ia, size_t ib) {
  plx__buf out = {0};
  if (ia >= al->n[0] || ib >= al->n[1]) return plx__buf_detach(&out, NULL);
  const plx_bag *a = al->bag[0][ia], *b = al->bag[1][ib];
  long *ev = plx__malloc((plx_bag_size(a) + 1) * sizeof *ev);
  plx_bag_similarity_evidence(al->lex, a, b, al->w, ev);
  for (size_t t = 0; t < plx_bag_size(a); t++) {
    if (ev[t] < 0) continue;
    const plx_token *x = plx_bag_token(a, t), *y = plx_bag_token(b, (size_t)ev[t]);
    if (x->stop && y->stop) continue;
    if (out.len) plx__buf_puts(&out, ", ");
    plx__buf_printf(&out, "%s=%s", x->form, y->form);
  }
  free(ev);
  return plx__buf_detach(&out, NULL);
}
