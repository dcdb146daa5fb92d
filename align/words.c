/* words.c: word alignment inside a link (plx_words.h).
 *
 * The tokens of a link are its A sentences' tokens in order, then its B
 * sentences' (the analysis of alignment, read again, never re-made).
 *
 * Candidates. A pair of tokens is a candidate when the lexicon says they
 * can stand for each other (the matcher's pairs: a shared concept 1,
 * cognates 0.7), when they are the same word written alike (1: initials,
 * short capitalised words the lexicon has no skeleton for), when they
 * hold the same digits ("1980s" / "1980", "12.00" / "12:00": 0.9), when
 * their spellings are close enough to be one name written in two
 * languages (accent-free skeletons within a Levenshtein distance of half
 * their length, for words that are capitalised or that the lexicon does
 * not translate: "Escocia"/"Scotia" 0.45-0.9 by distance; initials with
 * the same letters, "NSA"/"ASN", 0.8), or when both are values of one
 * kind that differ (0.5: a changed figure stands where the original
 * stood).
 *
 * Selection. (1) Content words first: each keeps its best candidate,
 * weighed by a prior that prefers the same relative place in the two
 * texts, and a pair that is the best of both of its words (mutual best)
 * is aligned: these are anchors. (2) Every word, weighed by its distance
 * from the place the nearest anchor predicts (a function word only near
 * it, unless it is the only candidate of both words); mutual best again,
 * for words one of which is still unaligned (one round, as SimAlign's
 * itermax by default). (3) Gaps: between two aligned words, a run of
 * unaligned words of A faces the run of B between their partners; when
 * both are short (MAX_FILL) and of like length, their words are aligned in
 * proportion, as the words a translation put in the same place ("by
 * convention" / "en rigor"), more weakly when the lengths differ.
 *
 * Cost: linear in the candidate pairs, which the lexicon bounds; spelling
 * is compared only for capitalised or untranslated words, and not at all
 * when a link holds more than MAX_SPELL token pairs.
 */
#include "align_internal.h"
#include "plx_words.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SPELL 40000   /* token pairs compared for spelling, per link */
#define SPELL_MIN 0.5     /* similarity of spellings below which no candidate */
#define VALUE_PAIR 0.5f   /* two values of one kind that differ */
#define ACRONYM 0.8f      /* initials with the same letters in another order */
#define DIGITS 0.9f       /* the same digits written another way */
#define PLACE_SCORE 0.3f  /* a word aligned for its place between anchors */
#define PLACE_UNEVEN 0.2f /* the same, between runs of unlike length */
#define MAX_FILL 5         /* longest runs filled by place */
#define ITER 1            /* mutual-best rounds after the anchors */

typedef struct S_cand {
  uint32_t x, y; /* token of A, of B (link indices) */
  float lex;     /* lexical evidence */
  float s;       /* with the position prior of the current round */
  uint8_t how;
} S_cand;

typedef struct S_ctx {
  plx_alignment *al;
  plx__wl *w;
  const plx__tk **tk[2]; /* each link token */
  S_cand *c;
  size_t nc, cc;
  int32_t *rbest, *cbest; /* per token: its best candidate this round */
  uint32_t *deg[2];       /* partners so far */
  uint32_t *ncand[2];     /* candidates of each token */
} S_ctx;

/* ---- tokens ---- */

static void S_tokens(S_ctx *x, const S_ilink *l) {
  plx__wl *w = x->w;
  for (int side = 0; side < 2; side++) {
    const plx__ana *an = &x->al->ana[side];
    const size_t *ids = l->ids + (side ? l->na : 0);
    size_t nid = side ? l->nb : l->na, n = 0;
    for (size_t k = 0; k < nid; k++) n += plx__ana_len(an, ids[k]);
    w->n[side] = n;
    w->sent[side] = plx__malloc((n + 1) * sizeof *w->sent[side]);
    w->tok[side] = plx__malloc((n + 1) * sizeof *w->tok[side]);
    w->best[side] = plx__malloc((n + 1) * sizeof *w->best[side]);
    w->bscore[side] = plx__calloc(n + 1, sizeof *w->bscore[side]);
    w->bhow[side] = plx__calloc(n + 1, sizeof *w->bhow[side]);
    x->tk[side] = plx__malloc((n + 1) * sizeof *x->tk[side]);
    x->deg[side] = plx__calloc(n + 1, sizeof *x->deg[side]);
    n = 0;
    for (size_t k = 0; k < nid; k++) {
      size_t len = plx__ana_len(an, ids[k]);
      for (size_t t = 0; t < len; t++, n++) {
        w->sent[side][n] = (uint32_t)ids[k];
        w->tok[side][n] = (uint32_t)t;
        w->best[side][n] = -1;
        x->tk[side][n] = &an->tok[an->first[ids[k]] + t];
      }
    }
  }
}

/* ---- candidates ---- */

static void S_add(S_ctx *x, uint32_t a, uint32_t b, float lex, int how) {
  PLX__PUSH(x->c, x->nc, x->cc, ((S_cand){a, b, lex, 0, (uint8_t)how}));
}

/* The skeleton of a word token ("pentagono"), or NULL. */
static const char *S_skel(const plx_alignment *al, const plx__tk *t, size_t *n) {
  if (t->word == PLX__NONE) return NULL;
  uint32_t c = plx__word_rec(al->lx, t->side, t->word)->skeleton;
  if (c == PLX__NONE) return NULL;
  const char *s = plx__concept_str(al->lx, c);
  if (s[0] != '=' || s[1] != ':') return NULL;
  *n = strlen(s + 2);
  return s + 2;
}

/* Whether token t is written in capitals only (initials: "NSA", "ONU"). */
static int S_initials(const char *text, const plx__tk *t) {
  size_t n = t->end - t->start;
  if (n < 2 || n > 6) return 0;
  for (size_t k = t->start; k < t->end; k++)
    if (text[k] < 'A' || text[k] > 'Z') return 0;
  return 1;
}

static int S_same_letters(const char *a, const char *b, size_t n) {
  int cnt[26] = {0};
  for (size_t k = 0; k < n; k++) {
    cnt[a[k] - 'A']++;
    cnt[b[k] - 'A']--;
  }
  for (int k = 0; k < 26; k++)
    if (cnt[k]) return 0;
  return 1;
}

/* Spellings of a word of A and a word of B that may be one name. */
static float S_spelling(const S_ctx *x, uint32_t a, uint32_t b, const char *ta, const char *tb) {
  const plx__tk *p = x->tk[0][a], *q = x->tk[1][b];
  if ((p->flags & PLX__TF_NUMBER) || (q->flags & PLX__TF_NUMBER)) return 0;
  if (S_initials(ta, p) && S_initials(tb, q)) {
    size_t n = p->end - p->start;
    if (n == q->end - q->start && S_same_letters(ta + p->start, tb + q->start, n)) return ACRONYM;
    return 0;
  }
  /* names and the words the lexicon cannot translate */
  int ua = (p->flags & PLX__TF_UPPER) || !(p->flags & PLX__TF_TRANSLATED);
  int ub = (q->flags & PLX__TF_UPPER) || !(q->flags & PLX__TF_TRANSLATED);
  if (!ua || !ub || !plx__tk_content(p) || !plx__tk_content(q)) return 0;
  size_t n, m;
  const char *sa = S_skel(x->al, p, &n), *sb = S_skel(x->al, q, &m);
  if (!sa || !sb || n < 3 || m < 3 || n > PLX__LEV_MAX || m > PLX__LEV_MAX) return 0;
  size_t longest = n > m ? n : m, diff = n > m ? n - m : m - n;
  if ((double)diff > (1 - SPELL_MIN) * (double)longest) return 0;
  double sim = 1.0 - (double)plx__levenshtein(sa, n, sb, m) / (double)longest;
  if (sim < SPELL_MIN) return 0;
  return (float)(0.9 * sim);
}

/* Whether two word tokens have the same folded form. */
static int S_same_form(const plx_alignment *al, const plx__tk *p, const plx__tk *q) {
  if (p->word == PLX__NONE || q->word == PLX__NONE) return 0;
  /* "a", "de", "no" are other words in the other language, unless both
   * are capitalised ("OR", odds ratio) */
  if (((p->flags | q->flags) & PLX__TF_STOP) && !(p->flags & q->flags & PLX__TF_UPPER)) return 0;
  const plx__wrec *r = plx__word_rec(al->lx, p->side, p->word);
  const plx__wrec *u = plx__word_rec(al->lx, q->side, q->word);
  return r->form_len == u->form_len && r->form_len > 0 &&
         !memcmp(plx__word_str(al->lx, p->word, r->form), plx__word_str(al->lx, q->word, u->form),
                 r->form_len);
}

size_t plx__same_digits(const char *ta, size_t as, size_t ae, const char *tb, size_t bs,
                        size_t be) {
  size_t i = as, j = bs, n = 0;
  for (;;) {
    while (i < ae && (ta[i] < '0' || ta[i] > '9')) i++;
    while (j < be && (tb[j] < '0' || tb[j] > '9')) j++;
    if (i >= ae || j >= be) return i >= ae && j >= be ? n : 0;
    if (ta[i] != tb[j]) return 0;
    i++, j++, n++;
  }
}

/* The value a value token stands for, or NULL. */
static const plx_value *S_value(const plx_alignment *al, int side, uint32_t sent,
                                const plx__tk *t) {
  if (!(t->flags & PLX__TF_NUMBER)) return NULL;
  const plx__ana *an = &al->ana[side];
  /* values are in text order and never overlap: the last one starting at
   * or before the token (a binary search: a long sentence has many) */
  uint32_t lo = an->vfirst[sent], hi = an->vfirst[sent + 1];
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (an->vals[mid].start <= t->start) lo = mid + 1;
    else hi = mid;
  }
  if (lo == an->vfirst[sent]) return NULL;
  const plx_value *v = &an->vals[lo - 1];
  return t->end <= v->end ? v : NULL;
}

static int S_cmp_cand(const void *p, const void *q) {
  const S_cand *a = p, *b = q;
  if (a->x != b->x) return a->x < b->x ? -1 : 1;
  if (a->y != b->y) return a->y < b->y ? -1 : 1;
  return a->lex > b->lex ? -1 : a->lex < b->lex;
}

static void S_candidates(S_ctx *x, const S_ilink *l) {
  plx_alignment *al = x->al;
  plx__wl *w = x->w;
  size_t lenA, lenB;
  const char *ta = plx_doc_text(al->doc[0], &lenA), *tb = plx_doc_text(al->doc[1], &lenB);
  plx__tplist pl = {0};
  /* the lexicon's pairs, sentence pair by sentence pair */
  size_t oa = 0;
  for (size_t p = 0; p < l->na; p++) {
    size_t i = l->ids[p], ob = 0;
    for (size_t q = 0; q < l->nb; q++) {
      size_t j = l->ids[l->na + q];
      plx__align_pairs(al, i, j, &pl);
      for (size_t k = 0; k < pl.n; k++)
        S_add(x, (uint32_t)(oa + pl.p[k].ta), (uint32_t)(ob + pl.p[k].tb), pl.p[k].s,
              pl.p[k].s >= 1.0f ? PLX_WORD_MEANING : PLX_WORD_COGNATE);
      ob += plx__ana_len(&al->ana[1], j);
    }
    oa += plx__ana_len(&al->ana[0], i);
  }
  free(pl.p);
  /* spellings and values, where the lexicon gave nothing */
  size_t na = w->n[0], nb = w->n[1], nlex = x->nc;
  unsigned char *has = NULL;
  int spell = na * nb <= MAX_SPELL;
  if (spell) {
    has = plx__calloc(na * nb + 1, 1);
    for (size_t k = 0; k < nlex; k++) has[(size_t)x->c[k].x * nb + x->c[k].y] = 1;
  }
  for (uint32_t a = 0; a < na; a++) {
    const plx__tk *p = x->tk[0][a];
    const plx_value *va = S_value(al, 0, w->sent[0][a], p);
    int cand_a = va || (p->flags & (PLX__TF_UPPER | PLX__TF_DIGITS)) ||
                 !(p->flags & PLX__TF_TRANSLATED);
    if (!cand_a || (!plx__tk_content(p) && !(p->flags & PLX__TF_UPPER))) continue;
    for (uint32_t b = 0; b < nb; b++) {
      if (has && has[(size_t)a * nb + b]) continue;
      const plx__tk *q = x->tk[1][b];
      /* the same word, written alike in both languages: short words the
       * lexicon has no skeleton for ("D K" / "D.K.", "TV") */
      if (S_same_form(al, p, q)) {
        S_add(x, a, b, 1.0f, PLX_WORD_MEANING);
        continue;
      }
      /* the same digits, however written: "1980s" / "1980", "12.00" /
       * "12:00", "COVID-19" / "COVID-19" */
      if ((p->flags & PLX__TF_DIGITS) || va) {
        if (plx__same_digits(ta, p->start, p->end, tb, q->start, q->end)) {
          S_add(x, a, b, DIGITS, PLX_WORD_MEANING);
          continue;
        }
      }
      if (va) {
        const plx_value *vb = S_value(al, 1, w->sent[1][b], q);
        if (vb && !plx_value_equal(va, vb) && plx_value_comparable(va, vb))
          S_add(x, a, b, VALUE_PAIR, PLX_WORD_VALUE);
        continue;
      }
      if (!spell) continue;
      float s = S_spelling(x, a, b, ta, tb);
      if (s > 0) S_add(x, a, b, s, PLX_WORD_COGNATE);
    }
  }
  free(has);
  /* one candidate per pair of tokens, its best */
  if (x->nc > 1) {
    qsort(x->c, x->nc, sizeof *x->c, S_cmp_cand);
    size_t k = 0;
    for (size_t q = 0; q < x->nc; q++)
      if (!k || x->c[q].x != x->c[k - 1].x || x->c[q].y != x->c[k - 1].y) x->c[k++] = x->c[q];
    x->nc = k;
  }
}

/* ---- selection ---- */

static void S_align(S_ctx *x, uint32_t a, uint32_t b, float s, int how) {
  plx__wl *w = x->w;
  PLX__PUSH(w->pairs, w->npairs, w->cap, ((plx__wpair){a, b, s, (uint8_t)how}));
  x->deg[0][a]++;
  x->deg[1][b]++;
  if (w->best[0][a] < 0 || s > w->bscore[0][a]) {
    w->best[0][a] = (int32_t)b;
    w->bscore[0][a] = s;
    w->bhow[0][a] = (uint8_t)how;
  }
  if (w->best[1][b] < 0 || s > w->bscore[1][b]) {
    w->best[1][b] = (int32_t)a;
    w->bscore[1][b] = s;
    w->bhow[1][b] = (uint8_t)how;
  }
}

/* One round of mutual best over the candidates whose s > 0. */
static size_t S_mutual(S_ctx *x, int need_unaligned) {
  plx__wl *w = x->w;
  for (size_t t = 0; t < w->n[0]; t++) x->rbest[t] = -1;
  for (size_t t = 0; t < w->n[1]; t++) x->cbest[t] = -1;
  for (size_t k = 0; k < x->nc; k++) {
    const S_cand *c = &x->c[k];
    if (c->s <= 0) continue;
    int32_t r = x->rbest[c->x], q = x->cbest[c->y];
    if (r < 0 || c->s > x->c[r].s) x->rbest[c->x] = (int32_t)k;
    if (q < 0 || c->s > x->c[q].s) x->cbest[c->y] = (int32_t)k;
  }
  size_t added = 0;
  for (size_t t = 0; t < w->n[0]; t++) {
    int32_t k = x->rbest[t];
    if (k < 0 || x->cbest[x->c[k].y] != k) continue;
    const S_cand *c = &x->c[k];
    if (need_unaligned && x->deg[0][c->x] && x->deg[1][c->y]) continue;
    S_align(x, c->x, c->y, c->lex, c->how);
    x->c[k].s = 0; /* taken */
    added++;
  }
  return added;
}

/* Where the anchors around token a of A put its partner in B: next to
 * the partner of the nearest aligned token, on the same side of it. */
/* prev[t], next[t]: the nearest token at or before, at or after t that
 * is aligned (best >= 0); -1 and n where there is none. */
static void S_nearest(const int32_t *best, size_t n, int32_t *prev, int32_t *next) {
  int32_t last = -1;
  for (size_t t = 0; t < n; t++) {
    if (best[t] >= 0) last = (int32_t)t;
    prev[t] = last;
  }
  last = (int32_t)n;
  for (size_t t = n; t-- > 0;) {
    if (best[t] >= 0) last = (int32_t)t;
    next[t] = last;
  }
}

static double S_expected(const S_ctx *x, const int32_t *prev, const int32_t *next, uint32_t a) {
  const plx__wl *w = x->w;
  /* the aligned tokens nearest to a, before and after it */
  int32_t l = a > 0 ? prev[a - 1] : -1;
  int32_t r = (size_t)a + 1 < w->n[0] ? next[a + 1] : -1;
  if (r == (int32_t)w->n[0]) r = -1;
  double na = (double)w->n[0], nb = (double)w->n[1];
  if (l >= 0 && (r < 0 || (long)a - l <= (long)r - (long)a))
    return w->best[0][l] + ((double)a - l);
  if (r >= 0) return w->best[0][r] - ((double)r - a);
  return na > 0 ? ((double)a + 0.5) * nb / na : 0;
}

static void S_select(S_ctx *x) {
  plx__wl *w = x->w;
  size_t na = w->n[0], nb = w->n[1];
  for (int side = 0; side < 2; side++) x->ncand[side] = plx__calloc(w->n[side] + 1, sizeof *x->ncand[side]);
  for (size_t k = 0; k < x->nc; k++) {
    x->ncand[0][x->c[k].x]++;
    x->ncand[1][x->c[k].y]++;
  }
  x->rbest = plx__malloc((na + 1) * sizeof *x->rbest);
  x->cbest = plx__malloc((nb + 1) * sizeof *x->cbest);
  /* (1) anchors: content words, global place */
  for (size_t k = 0; k < x->nc; k++) {
    S_cand *c = &x->c[k];
    double d = fabs(((double)c->x + 0.5) / (double)na - ((double)c->y + 0.5) / (double)nb);
    int content = plx__tk_content(x->tk[0][c->x]) && plx__tk_content(x->tk[1][c->y]);
    c->s = content ? c->lex * (float)(1.0 - 0.3 * d) : 0;
  }
  S_mutual(x, 0);
  /* (2) every word, by the place the anchors predict */
  int32_t *left = plx__malloc((na + 1) * sizeof *left), *right = plx__malloc((na + 1) * sizeof *right);
  for (int round = 0; round < ITER; round++) {
    S_nearest(w->best[0], na, left, right);
    for (size_t k = 0; k < x->nc; k++) {
      S_cand *c = &x->c[k];
      if (c->s == 0 && round > 0) continue; /* taken, or out */
      if (x->deg[0][c->x] && x->deg[1][c->y]) {
        c->s = 0;
        continue;
      }
      double off = fabs((double)c->y - S_expected(x, left, right, c->x));
      int function = !plx__tk_content(x->tk[0][c->x]) || !plx__tk_content(x->tk[1][c->y]);
      /* a function word goes with the words around it, or not at all,
       * unless it is the only candidate of either word ("between" and
       * "entre", once each) */
      int only = x->ncand[0][c->x] == 1 && x->ncand[1][c->y] == 1;
      if (function && off > (only ? 12 : 3)) {
        c->s = 0;
        continue;
      }
      double prior = function ? 1.0 / (1.0 + off) : 1.0 - 0.4 * (off > 10 ? 1.0 : off / 10.0);
      /* a word already aligned takes another partner less readily */
      double again = (x->deg[0][c->x] || x->deg[1][c->y]) ? 0.9 : 1.0;
      c->s = (float)(c->lex * prior * again);
    }
    if (!S_mutual(x, 1)) break;
  }
  free(left);
  free(right);
}

/* (3) The runs of unaligned tokens facing each other between two aligned
 * tokens: content words aligned in order where the counts agree. */
static void S_fill_gaps(S_ctx *x) {
  plx__wl *w = x->w;
  size_t na = w->n[0];
  size_t a = 0;
  while (a < na) {
    if (x->deg[0][a]) {
      a++;
      continue;
    }
    size_t a1 = a;
    while (a1 < na && !x->deg[0][a1]) a1++;
    size_t y0, y1;
    if (plx__wl_facing(w, 0, a, a1, &y0, &y1) && y1 > y0) {
      /* the words of B between the same two aligned words, all free */
      uint32_t fb[MAX_FILL];
      size_t lb = 0, la = a1 - a;
      for (size_t y = y0; y < y1 && lb <= MAX_FILL; y++) {
        if (x->deg[1][y]) {
          lb = MAX_FILL + 1; /* not a run of free words */
          break;
        }
        if (lb < MAX_FILL) fb[lb] = (uint32_t)y;
        lb++;
      }
      /* short runs: word by word in proportion (a translation puts its
       * words in the same place, in about the same order); runs of very
       * different lengths are no word-for-word rendering (the longer
       * holds something the other lacks) */
      size_t mn = la < lb ? la : lb, mx = la < lb ? lb : la;
      if (lb >= 1 && la <= MAX_FILL && lb <= MAX_FILL && mx <= 2 * mn + 1) {
        size_t lo = la >= lb ? la : lb;
        for (size_t k = 0; k < lo; k++) {
          size_t t = a + (la >= lb ? k : (size_t)(((double)k + 0.5) * (double)la / (double)lb));
          size_t y = fb[la >= lb ? (size_t)(((double)k + 0.5) * (double)lb / (double)la) : k];
          S_align(x, (uint32_t)t, (uint32_t)y, la == lb ? PLACE_SCORE : PLACE_UNEVEN,
                  PLX_WORD_PLACE);
        }
      }
    }
    a = a1;
  }
}

int plx__wl_facing(const plx__wl *w, int side, size_t x0, size_t x1, size_t *y0, size_t *y1) {
  size_t n = w->n[side], m = w->n[!side];
  long before = -1, after = (long)m;
  /* the nearest aligned tokens around [x0, x1) and their partners: from
   * the tables made once the alignment is complete, else by a scan (the
   * gap filling asks only next to aligned tokens) */
  long p = -1, q = (long)n;
  if (w->prev[side]) {
    p = x0 > 0 ? w->prev[side][x0 - 1] : -1;
    q = x1 < n ? w->next[side][x1] : (long)n;
  } else {
    for (size_t t = x0; t-- > 0;)
      if (w->best[side][t] >= 0) {
        p = (long)t;
        break;
      }
    for (size_t t = x1; t < n; t++)
      if (w->best[side][t] >= 0) {
        q = (long)t;
        break;
      }
  }
  if (p >= 0) before = w->best[side][p];
  if (q < (long)n) after = w->best[side][q];
  if (before >= after) return 0; /* the words around were reordered */
  *y0 = (size_t)(before + 1);
  *y1 = (size_t)after;
  return 1;
}

static int S_cmp_pair(const void *p, const void *q) {
  const plx__wpair *a = p, *b = q;
  if (a->x != b->x) return a->x < b->x ? -1 : 1;
  return a->y < b->y ? -1 : a->y > b->y;
}

static plx__wl *S_make(plx_alignment *al, size_t k) {
  const S_ilink *l = &al->links[k];
  plx__wl *w = plx__calloc(1, sizeof *w);
  S_ctx x;
  memset(&x, 0, sizeof x);
  x.al = al;
  x.w = w;
  S_tokens(&x, l);
  if (w->n[0] && w->n[1]) {
    S_candidates(&x, l);
    S_select(&x);
    S_fill_gaps(&x);
  }
  if (w->npairs > 1) qsort(w->pairs, w->npairs, sizeof *w->pairs, S_cmp_pair);
  /* the nearest aligned token at or before, at or after each token */
  for (int side = 0; side < 2; side++) {
    size_t n = w->n[side];
    w->prev[side] = plx__malloc((n + 1) * sizeof *w->prev[side]);
    w->next[side] = plx__malloc((n + 1) * sizeof *w->next[side]);
    S_nearest(w->best[side], n, w->prev[side], w->next[side]);
  }
  for (int side = 0; side < 2; side++) {
    free(x.tk[side]);
    free(x.deg[side]);
    free(x.ncand[side]);
  }
  free(x.c);
  free(x.rbest);
  free(x.cbest);
  return w;
}

const plx__wl *plx__words(const plx_alignment *al, size_t k) {
  plx_alignment *m = (plx_alignment *)al;
  if (k >= al->nlinks) return NULL;
  if (!m->words) m->words = plx__calloc(al->nlinks + 1, sizeof *m->words);
  if (!m->words[k]) m->words[k] = S_make(m, k);
  return m->words[k];
}

int plx__words_cached(const plx_alignment *al, size_t k) {
  return al->words && k < al->nlinks && al->words[k];
}

void plx__words_drop(const plx_alignment *al, size_t k) {
  if (!plx__words_cached(al, k)) return;
  plx__wl_free(al->words[k]);
  al->words[k] = NULL;
}

void plx__wl_free(plx__wl *w) {
  if (!w) return;
  for (int side = 0; side < 2; side++) {
    free(w->sent[side]);
    free(w->tok[side]);
    free(w->best[side]);
    free(w->bscore[side]);
    free(w->bhow[side]);
    free(w->prev[side]);
    free(w->next[side]);
  }
  free(w->pairs);
  free(w->pub);
  free(w);
}

plx_status plx_alignment_words(const plx_alignment *al, size_t k, const plx_word_link **pairs,
                               size_t *n, plx_error *err) {
  if (!al || !pairs || !n) return plx__fail(err, PLX_ERR_USAGE, "plx_alignment_words: NULL argument");
  if (k >= al->nlinks)
    return plx__fail(err, PLX_ERR_USAGE, "plx_alignment_words: no link %zu (%zu links)", k,
                     al->nlinks);
  plx__wl *w = (plx__wl *)plx__words(al, k);
  if (!w->pub) {
    /* the public view, made when asked for (the facts do not need it) */
    w->pub = plx__calloc(w->npairs + 1, sizeof *w->pub);
    const plx__ana *A = &al->ana[0], *B = &al->ana[1];
    for (size_t q = 0; q < w->npairs; q++) {
      const plx__wpair *p = &w->pairs[q];
      const plx__tk *a = &A->tok[A->first[w->sent[0][p->x]] + w->tok[0][p->x]];
      const plx__tk *b = &B->tok[B->first[w->sent[1][p->y]] + w->tok[1][p->y]];
      w->pub[q] = (plx_word_link){w->sent[0][p->x], a->start, a->end, w->sent[1][p->y],
                                  b->start, b->end, p->s, (plx_word_how)p->how};
    }
  }
  *pairs = w->pub;
  *n = w->npairs;
  return PLX_OK;
}
