/* match.c: which tokens of two sentences can stand for each other, and how
 * much of two sentences is shared.
 *
 * Similarity model. Each token t has a weight w(t): its informativeness,
 * sqrt(ln(1 + N / df)) over the sentences being compared (df counted per
 * language on the token's key: its first lemma, or its name or value), x0.6
 * for a stop word, so that "not" and "I" still count, a little. Tokens of
 * the two sentences are matched one to one, greedily by value: a shared
 * concept (a translation, a name, a number, an identical word) is worth 1,
 * cognates (a shared five-letter prefix of two long skeletons, or
 * skeletons that differ in at most a third of their letters) 0.7. The
 * score is the weight of what was matched, on both sides, over the weight
 * of everything:
 *
 *     sim(A, B) = sum over matches (t,u) of s(t,u) * (w(t) + w(u))
 *                 / (sum of w over A + sum of w over B)
 *
 * Sparse vectors. A token of language A carries all its concepts (lemmas,
 * translations, skeleton, name, value), a token of B only its own (lemmas,
 * skeleton, name, value): the bilingual table is symmetric, so a
 * translation of A's lemma that is B's lemma is found from either side,
 * and comparing A's long lists with B's short ones finds every shared
 * concept once. B is indexed by concept (plx__index), so the candidate
 * pairs of one sentence of A with a whole row of sentences of B are found
 * in one pass over A's concepts, touching only postings that match; a
 * group of sentences (an alignment's 2-1 or 1-3 step) has the union of
 * its parts' pairs, so it is scored without reading anything again.
 */
#include "lexicon_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define STOP_FACTOR 0.6
#define COGNATE_VALUE 0.7f

/* tags of postings and probes: what a shared concept means */
#define TAG_SHARE PLX__TAG_SHARE
#define TAG_COGNATE PLX__TAG_COGNATE
#define TAG_PREFIX PLX__TAG_PREFIX
#define TOK_MASK PLX__POST_TOK
#define TOK_STOP PLX__POST_STOP

/* ---- informativeness ---- */

void plx__df_init(plx__df *df) { memset(df, 0, sizeof *df); }

void plx__df_free(plx__df *df) {
  free(df->keys);
  free(df->counts);
  free(df->seen);
  memset(df, 0, sizeof *df);
}

static size_t S_df_slot(plx__df *df, uint32_t key) {
  if (df->nslots == 0 || (df->n + 1) * 2 > df->nslots) {
    size_t ns = df->nslots ? df->nslots * 2 : 1024;
    uint32_t *k = plx__malloc(ns * sizeof *k), *c = plx__calloc(ns, sizeof *c),
             *s = plx__calloc(ns, sizeof *s);
    memset(k, 0xFF, ns * sizeof *k);
    for (size_t i = 0; i < df->nslots; i++) {
      if (df->keys[i] == PLX__NONE) continue;
      size_t q = (df->keys[i] * 2654435761u) & (ns - 1);
      while (k[q] != PLX__NONE) q = (q + 1) & (ns - 1);
      k[q] = df->keys[i];
      c[q] = df->counts[i];
      s[q] = df->seen[i];
    }
    free(df->keys);
    free(df->counts);
    free(df->seen);
    df->keys = k;
    df->counts = c;
    df->seen = s;
    df->nslots = ns;
  }
  size_t q = (key * 2654435761u) & (df->nslots - 1);
  while (df->keys[q] != PLX__NONE && df->keys[q] != key) q = (q + 1) & (df->nslots - 1);
  if (df->keys[q] == PLX__NONE) {
    df->keys[q] = key;
    df->n++;
  }
  return q;
}

void plx__df_add(plx__df *df, const plx__lex *lex, const plx__ana *a, size_t s) {
  df->doc++;
  df->ndocs[a->side]++;
  for (uint32_t t = a->first[s]; t < a->first[s + 1]; t++) {
    uint32_t key = plx__tk_key(lex, &a->tok[t]);
    if (key == PLX__NONE) continue;
    size_t q = S_df_slot(df, key);
    if (df->seen[q] == df->doc) continue;
    df->seen[q] = df->doc;
    df->counts[q]++;
  }
}

static uint32_t S_df_count(const plx__df *df, uint32_t key) {
  if (!df->nslots) return 0;
  size_t q = (key * 2654435761u) & (df->nslots - 1);
  while (df->keys[q] != PLX__NONE) {
    if (df->keys[q] == key) return df->counts[q];
    q = (q + 1) & (df->nslots - 1);
  }
  return 0;
}

double plx__df_weight(const plx__df *df, const plx__lex *lex, const plx__tk *t) {
  double idf = 1.0;
  if (df && df->ndocs[t->side] > 0) {
    double n = S_df_count(df, plx__tk_key(lex, t));
    if (n < 1) n = 1;
    /* the square root: rarity counts, but a sentence is not its rarest word */
    idf = sqrt(log(1.0 + (double)df->ndocs[t->side] / n));
  }
  return (t->flags & PLX__TF_STOP) ? idf * STOP_FACTOR : idf;
}

/* ---- the concepts of a token ---- */

/* What token t offers: its concepts (all of them for a probe, its own for
 * the index), tagged; returns how many (at most cap). */
typedef plx__tc S_tc;

size_t plx__tk_tagged(const plx__lex *lex, const plx__tk *t, int probe, S_tc *out,
                               size_t cap) {
  uint32_t buf[600];
  size_t n = plx__tk_concept_list(lex, t, !probe, buf, cap < 600 ? cap : 600);
  for (size_t k = 0; k < n; k++) {
    out[k].c = buf[k];
    out[k].tag = TAG_SHARE;
  }
  if (t->word != PLX__NONE) {
    const plx__wrec *r = plx__word_rec(lex, t->side, t->word);
    if (r->cognate != PLX__NONE && n < cap) out[n++] = (S_tc){r->cognate, TAG_COGNATE};
    if (r->prefix != PLX__NONE && n < cap) out[n++] = (S_tc){r->prefix, TAG_PREFIX};
  }
  return n;
}

/* ---- the index ---- */

typedef plx__post S_post;

struct plx__index {
  const plx__lex *lex;
  const plx__ana *a;
  /* each token's own concepts, in token order: [tokoff[t], tokoff[t + 1]),
   * concept | tag << 30 (made for a token-level index only) */
  uint32_t *tokc;
  uint32_t *tokoff;
  /* hash: concept -> postings [start, start + count); one struct a slot,
   * so that a probe touches one cache line */
  struct S_islot {
    uint32_t key, start, count, cursor; /* cursor: a matcher's last window */
  } *slot;
  size_t nslots;
  S_post *post;
  size_t npost;
};

static size_t S_slot_of(const plx__index *x, uint32_t c) {
  size_t q = (c * 2654435761u) & (x->nslots - 1);
  while (x->slot[q].key != PLX__NONE && x->slot[q].key != c) q = (q + 1) & (x->nslots - 1);
  return q;
}

plx__index *plx__index_new(const plx__lex *lex, const plx__ana *a, int tokens) {
  plx__index *x = plx__calloc(1, sizeof *x);
  x->lex = lex;
  x->a = a;
  /* every (concept, token) once, then grouped by concept (counting sort:
   * postings of a concept stay in sentence order). Without tokens, every
   * (concept, sentence) once: what a side that is only asked which
   * sentences hold a concept needs, a posting a sentence, however long
   * the sentence (a 50 MB line of one word is a handful of postings). */
  typedef struct {
    uint32_t c, sent, tok;
  } S_trip;
  S_trip *tr = NULL;
  size_t ntr = 0, cap = 0;
  S_tc tc[640];
  /* the concepts of the current sentence (sentence-level): triple index + 1 */
  uint32_t *seen = NULL, *seenc = NULL;
  size_t nseen = 0, seenslots = 0;
  if (tokens) x->tokoff = plx__malloc((a->ntok + 1) * sizeof *x->tokoff);
  for (size_t s = 0; s < a->nsent; s++) {
    if (!tokens) {
      nseen = 0;
      if (seenslots) memset(seen, 0, seenslots * sizeof *seen);
    }
    for (uint32_t t = a->first[s]; t < a->first[s + 1]; t++) {
      const plx__tk *tk = &a->tok[t];
      if (tokens) x->tokoff[t] = (uint32_t)ntr;
      size_t n = plx__tk_tagged(lex, tk, 0, tc, 640);
      plx__grow((void **)&tr, &cap, ntr + n, sizeof *tr);
      uint32_t local = (t - a->first[s]) & TOK_MASK;
      int stop = (tk->flags & PLX__TF_STOP) != 0;
      if (stop) local |= TOK_STOP;
      for (size_t k = 0; k < n; k++) {
        /* a concept twice on one token (a lemma that is also a name) once */
        int dup = 0;
        for (size_t q = 0; q < k; q++) dup |= tc[q].c == tc[k].c;
        if (dup) continue;
        if (!tokens) {
          if ((nseen + 1) * 2 > seenslots) {
            /* grow, and place the sentence's concepts again */
            size_t ns = seenslots ? seenslots * 2 : 256;
            free(seen);
            free(seenc);
            seen = plx__calloc(ns, sizeof *seen);
            seenc = plx__calloc(ns, sizeof *seenc);
            seenslots = ns;
            for (size_t r = ntr - nseen; r < ntr; r++) {
              size_t q = (tr[r].c * 2654435761u) & (ns - 1);
              while (seen[q]) q = (q + 1) & (ns - 1);
              seen[q] = (uint32_t)r + 1;
              seenc[q] = tr[r].c;
            }
          }
          size_t q = (tc[k].c * 2654435761u) & (seenslots - 1);
          while (seen[q] && seenc[q] != tc[k].c) q = (q + 1) & (seenslots - 1);
          if (seen[q]) {
            /* the sentence has it already: a content word makes it content */
            if (!stop) tr[seen[q] - 1].tok &= ~TOK_STOP;
            continue;
          }
          seen[q] = (uint32_t)ntr + 1;
          seenc[q] = tc[k].c;
          nseen++;
        }
        tr[ntr].c = tc[k].c;
        tr[ntr].sent = (uint32_t)s;
        tr[ntr].tok = local | (tc[k].tag << 30);
        ntr++;
      }
    }
  }
  free(seen);
  free(seenc);
  if (tokens) x->tokoff[a->ntok] = (uint32_t)ntr;
  /* the hash of distinct concepts grows as they come (sized by the
   * postings it would be several times too large for long articles) */
  x->nslots = 64;
  x->slot = plx__calloc(x->nslots, sizeof *x->slot);
  for (size_t q = 0; q < x->nslots; q++) x->slot[q].key = PLX__NONE;
  size_t distinct = 0;
  for (size_t k = 0; k < ntr; k++) {
    size_t q = S_slot_of(x, tr[k].c);
    if (x->slot[q].key == PLX__NONE) {
      if ((distinct + 1) * 2 > x->nslots) {
        size_t ns = x->nslots * 2;
        struct S_islot *sl = plx__calloc(ns, sizeof *sl);
        for (size_t o = 0; o < ns; o++) sl[o].key = PLX__NONE;
        for (size_t o = 0; o < x->nslots; o++) {
          if (x->slot[o].key == PLX__NONE) continue;
          size_t r = (x->slot[o].key * 2654435761u) & (ns - 1);
          while (sl[r].key != PLX__NONE) r = (r + 1) & (ns - 1);
          sl[r] = x->slot[o];
        }
        free(x->slot);
        x->slot = sl;
        x->nslots = ns;
        q = S_slot_of(x, tr[k].c);
      }
      x->slot[q].key = tr[k].c;
      distinct++;
    }
    x->slot[q].count++;
  }
  uint32_t off = 0;
  for (size_t q = 0; q < x->nslots; q++) {
    x->slot[q].start = off;
    off += x->slot[q].count;
    x->slot[q].count = 0;
  }
  x->post = plx__malloc((ntr + 1) * sizeof *x->post);
  x->npost = ntr;
  for (size_t k = 0; k < ntr; k++) {
    size_t q = S_slot_of(x, tr[k].c);
    x->post[x->slot[q].start + x->slot[q].count++] = (S_post){tr[k].sent, tr[k].tok};
  }
  /* the triples, in token order, become each token's concept list (the
   * tag in the concept's top two bits) */
  if (tokens) {
    x->tokc = plx__malloc((ntr + 1) * sizeof *x->tokc);
    for (size_t k = 0; k < ntr; k++) x->tokc[k] = tr[k].c | (tr[k].tok >> 30) << 30;
  }
  free(tr);
  return x;
}

void plx__index_free(plx__index *x) {
  if (!x) return;
  free(x->tokc);
  free(x->tokoff);
  free(x->slot);
  free(x->post);
  free(x);
}

/* Postings of concept c: *n of them; *slot (may be NULL) gets the
 * concept's slot in the hash. */
static const S_post *S_find_slot(const plx__index *x, uint32_t c, size_t *n, size_t *slot) {
  size_t q = S_slot_of(x, c);
  if (slot) *slot = q;
  if (x->slot[q].key == PLX__NONE) {
    *n = 0;
    return NULL;
  }
  *n = x->slot[q].count;
  return x->post + x->slot[q].start;
}

static const S_post *S_find(const plx__index *x, uint32_t c, size_t *n) {
  return S_find_slot(x, c, n, NULL);
}

const plx__post *plx__index_find(const plx__index *x, uint32_t c, size_t *n) {
  return S_find(x, c, n);
}

/* The first posting of p[0, n) whose sentence is >= s. */
static size_t S_lower(const S_post *p, size_t n, uint32_t s) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (p[mid].sent < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* The same, from a hint: the answer to the last query on these postings.
 * The band of an alignment moves forward row by row, so the answer is
 * usually at or just after the hint (a gallop, not a search of the whole
 * list). */
static size_t S_lower_from(const S_post *p, size_t n, uint32_t s, size_t hint) {
  if (hint > n) hint = n;
  if (hint > 0 && p[hint - 1].sent >= s) return S_lower(p, hint, s);
  size_t lo = hint, step = 1;
  while (lo + step < n && p[lo + step - 1].sent < s) {
    lo += step;
    step *= 2;
  }
  size_t hi = lo + step < n ? lo + step : n;
  return lo + S_lower(p + lo, hi - lo, s);
}

/* ---- candidate pairs ---- */

/* Cognates by spelling: long words whose skeletons begin alike and differ
 * in at most a third of their letters (north/norte, adapted/adaptada,
 * parasitize/parasitar). Levenshtein distance on bytes of the skeletons,
 * which are ASCII. */
int plx__cognates(const char *a, size_t n, const char *b, size_t m) {
  if (n < 5 || m < 5 || n > 40 || m > 40) return 0;
  if (memcmp(a, b, 3) != 0) return 0;
  size_t longest = n > m ? n : m, diff = n > m ? n - m : m - n;
  if (diff * 3 > longest) return 0;
  return plx__levenshtein(a, n, b, m) * 3 <= longest;
}

unsigned plx__levenshtein(const char *a, size_t n, const char *b, size_t m) {
  unsigned row[PLX__LEV_MAX + 1];
  if (n > PLX__LEV_MAX) n = PLX__LEV_MAX;
  if (m > PLX__LEV_MAX) m = PLX__LEV_MAX;
  for (size_t j = 0; j <= m; j++) row[j] = (unsigned)j;
  for (size_t i = 1; i <= n; i++) {
    unsigned diag = row[0];
    row[0] = (unsigned)i;
    for (size_t j = 1; j <= m; j++) {
      unsigned up = row[j];
      unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
      unsigned best = diag + cost;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      if (up + 1 < best) best = up + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[m];
}

/* A concept of an A token that the index of B has: its slot there. */
typedef struct S_pres {
  uint32_t c, slot, tag;
} S_pres;

struct plx__matcher {
  const plx__lex *lex;
  const plx__ana *a, *b;
  const plx__index *x;
  uint32_t *mark;       /* per sentence of B: index into js + 1 */
  uint32_t *basetok;    /* per js entry: the A token whose pairs start at base */
  size_t *base, nbase;
  /* cognate tests by pair of skeleton concepts */
  uint64_t *ckeys;
  uint8_t *cvals;
  size_t cslots, cn;
  /* sentence rowi of A by concept, for scattered sentences of B: slots of
   * (concept, first entry), entries of (A token, tag, next) */
  size_t rowi;
  struct S_rslot {
    uint32_t key, head;
  } *rslot;
  uint32_t rslots;
  struct S_rent {
    uint32_t ta, tag, next;
  } *rent;
  size_t nrent, rentcap;
  uint32_t *pbase, *pbasetok; /* dedupe of the pairs of one B token */
  size_t npbase;
  /* per word of A, the concepts of it that B's index has (its slot there),
   * found once: most translations of a word never occur in B, and a probe
   * of a long article's index is a cache miss */
  uint32_t *wkeys;
  struct S_wl {
    uint32_t off, nshare, n;
  } *wvals;
  size_t wslots, wn;
  S_pres *pres;
  size_t npres, prescap;
};

plx__matcher *plx__matcher_new(const plx__lex *lex, const plx__ana *a, const plx__ana *b,
                               const plx__index *x) {
  plx__matcher *m = plx__calloc(1, sizeof *m);
  m->lex = lex;
  m->a = a;
  m->b = b;
  m->x = x;
  m->mark = plx__calloc(b->nsent + 1, sizeof *m->mark);
  m->rowi = SIZE_MAX;
  return m;
}

void plx__matcher_free(plx__matcher *m) {
  if (!m) return;
  free(m->rslot);
  free(m->rent);
  free(m->pbase);
  free(m->pbasetok);
  free(m->wkeys);
  free(m->wvals);
  free(m->pres);
  free(m->mark);
  free(m->basetok);
  free(m->base);
  free(m->ckeys);
  free(m->cvals);
  free(m);
}

static int S_cognate_cached(plx__matcher *m, uint32_t sa, uint32_t sb) {
  uint64_t key = ((uint64_t)sa << 32) | sb;
  if (m->cslots == 0 || (m->cn + 1) * 2 > m->cslots) {
    size_t ns = m->cslots ? m->cslots * 2 : 256;
    uint64_t *k = plx__malloc(ns * sizeof *k);
    uint8_t *v = plx__malloc(ns);
    memset(k, 0xFF, ns * sizeof *k);
    for (size_t i = 0; i < m->cslots; i++) {
      if (m->ckeys[i] == UINT64_MAX) continue;
      size_t q = (size_t)((m->ckeys[i] * 0x9E3779B97F4A7C15ull) >> 20) & (ns - 1);
      while (k[q] != UINT64_MAX) q = (q + 1) & (ns - 1);
      k[q] = m->ckeys[i];
      v[q] = m->cvals[i];
    }
    free(m->ckeys);
    free(m->cvals);
    m->ckeys = k;
    m->cvals = v;
    m->cslots = ns;
  }
  size_t q = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & (m->cslots - 1);
  while (m->ckeys[q] != UINT64_MAX) {
    if (m->ckeys[q] == key) return m->cvals[q];
    q = (q + 1) & (m->cslots - 1);
  }
  const char *a = plx__concept_str(m->lex, sa), *b = plx__concept_str(m->lex, sb);
  int r = plx__cognates(a + 2, strlen(a + 2), b + 2, strlen(b + 2));
  m->ckeys[q] = key;
  m->cvals[q] = (uint8_t)r;
  m->cn++;
  return r;
}

/* The skeleton concept of a token, or PLX__NONE. */
static uint32_t S_skel(const plx__lex *lex, const plx__tk *t) {
  if (t->word == PLX__NONE) return PLX__NONE;
  return plx__word_rec(lex, t->side, t->word)->skeleton;
}

static void S_emit(plx__matcher *m, plx__tplist *o, size_t k, uint32_t ta, uint32_t tb,
                   float s) {
  if (m->basetok[k] != ta) {
    m->basetok[k] = ta;
    m->base[k] = o->n;
  }
  for (size_t q = m->base[k]; q < o->n; q++)
    if (o->p[q].tb == tb) {
      if (s > o->p[q].s) o->p[q].s = s;
      return;
    }
  plx__grow((void **)&o->p, &o->cap, o->n + 1, sizeof *o->p);
  o->p[o->n++] = (plx__tp){ta, tb, s};
}

/* Whether out[k] already has (ta, tb) among the pairs of ta. */
static int S_has(const plx__matcher *m, const plx__tplist *o, size_t k, uint32_t ta,
                 uint32_t tb) {
  if (m->basetok[k] != ta) return 0;
  for (size_t q = m->base[k]; q < o->n; q++)
    if (o->p[q].tb == tb) return 1;
  return 0;
}

/* The cached list of word ref w of side: its SHARE concepts first (nshare
 * of them), then its cognate keys; only those B has. */
static const struct S_wl *S_word_present(plx__matcher *m, int side, uint32_t w) {
  if (m->wslots == 0 || (m->wn + 1) * 2 > m->wslots) {
    size_t ns = m->wslots ? m->wslots * 2 : 1024;
    uint32_t *k = plx__malloc(ns * sizeof *k);
    struct S_wl *v = plx__malloc(ns * sizeof *v);
    memset(k, 0xFF, ns * sizeof *k);
    for (size_t q = 0; q < m->wslots; q++) {
      if (m->wkeys[q] == PLX__NONE) continue;
      size_t r = (m->wkeys[q] * 2654435761u) & (ns - 1);
      while (k[r] != PLX__NONE) r = (r + 1) & (ns - 1);
      k[r] = m->wkeys[q];
      v[r] = m->wvals[q];
    }
    free(m->wkeys);
    free(m->wvals);
    m->wkeys = k;
    m->wvals = v;
    m->wslots = ns;
  }
  size_t q = (w * 2654435761u) & (m->wslots - 1);
  while (m->wkeys[q] != PLX__NONE && m->wkeys[q] != w) q = (q + 1) & (m->wslots - 1);
  if (m->wkeys[q] == w) return &m->wvals[q];
  const plx__wrec *r = plx__word_rec(m->lex, side, w);
  const uint32_t *ids = plx__word_ids(m->lex, w, r);
  struct S_wl l = {(uint32_t)m->npres, 0, 0};
  uint32_t extra[2] = {r->cognate, r->prefix};
  for (size_t k = 0; k < (size_t)r->nids + 2; k++) {
    uint32_t c = k < r->nids ? ids[k] : extra[k - r->nids];
    if (c == PLX__NONE) continue;
    size_t np, slot;
    S_find_slot(m->x, c, &np, &slot);
    if (!np) continue;
    uint32_t tag = k < r->nids ? PLX__TAG_SHARE : k == r->nids ? PLX__TAG_COGNATE : PLX__TAG_PREFIX;
    plx__grow((void **)&m->pres, &m->prescap, m->npres + 1, sizeof *m->pres);
    m->pres[m->npres++] = (S_pres){c, (uint32_t)slot, tag};
    l.n++;
    if (tag == PLX__TAG_SHARE) l.nshare++;
  }
  m->wkeys[q] = w;
  m->wvals[q] = l;
  m->wn++;
  return &m->wvals[q];
}

/* The concepts of A token t that B's index has, in the order of
 * plx__tk_tagged (shared concepts, then cognate keys), into out (cap). */
static size_t S_present(plx__matcher *m, const plx__tk *t, S_pres *out, size_t cap) {
  size_t n = 0;
  const struct S_wl *wl = NULL;
  if (t->word != PLX__NONE) {
    wl = S_word_present(m, t->side, t->word);
    for (uint32_t k = 0; k < wl->nshare && n < cap; k++) out[n++] = m->pres[wl->off + k];
  }
  uint32_t more[2] = {PLX__NONE, PLX__NONE};
  if (t->word != PLX__NONE && (t->flags & PLX__TF_NAME))
    more[0] = plx__word_rec(m->lex, t->side, t->word)->name1;
  more[1] = t->extra;
  for (int k = 0; k < 2; k++) {
    if (more[k] == PLX__NONE || n >= cap) continue;
    size_t np, slot;
    S_find_slot(m->x, more[k], &np, &slot);
    if (np) out[n++] = (S_pres){more[k], (uint32_t)slot, PLX__TAG_SHARE};
  }
  if (wl)
    for (uint32_t k = wl->nshare; k < wl->n && n < cap; k++) out[n++] = m->pres[wl->off + k];
  return n;
}

/* ---- scattered sentences: sentence i of A indexed, B probes it ---- */

static void S_row_index(plx__matcher *m, size_t i) {
  if (m->rowi == i) return;
  m->rowi = i;
  const plx__ana *a = m->a;
  size_t n = 0;
  S_pres tc[640];
  m->nrent = 0;
  size_t need = 64;
  for (uint32_t t = a->first[i]; t < a->first[i + 1]; t++) n += 12;
  while (need < n * 2) need <<= 1;
  if (need > m->rslots) {
    m->rslot = plx__realloc(m->rslot, need * sizeof *m->rslot);
    m->rslots = (uint32_t)need;
  }
  for (size_t q = 0; q < m->rslots; q++) m->rslot[q].key = PLX__NONE;
  size_t distinct = 0;
  for (uint32_t t = a->first[i]; t < a->first[i + 1]; t++) {
    size_t nc = S_present(m, &a->tok[t], tc, 640);
    for (size_t k = 0; k < nc; k++) {
      if ((distinct + 1) * 2 > m->rslots) {
        /* rare: grow and index the sentence again */
        m->rslots *= 2;
        m->rslot = plx__realloc(m->rslot, m->rslots * sizeof *m->rslot);
        m->rowi = SIZE_MAX;
        S_row_index(m, i);
        return;
      }
      size_t q = (tc[k].c * 2654435761u) & (m->rslots - 1);
      while (m->rslot[q].key != PLX__NONE && m->rslot[q].key != tc[k].c)
        q = (q + 1) & (m->rslots - 1);
      if (m->rslot[q].key == PLX__NONE) {
        m->rslot[q].key = tc[k].c;
        m->rslot[q].head = UINT32_MAX;
        distinct++;
      }
      plx__grow((void **)&m->rent, &m->rentcap, m->nrent + 1, sizeof *m->rent);
      /* entries of a concept in token order: prepend, tokens come in order
       * and are read back to front below */
      m->rent[m->nrent] = (struct S_rent){t - a->first[i], tc[k].tag, m->rslot[q].head};
      m->rslot[q].head = (uint32_t)m->nrent++;
    }
  }
}

/* The pairs of sentence i of A (indexed) with sentence j of B, into o. */
static void S_pairs_probe(plx__matcher *m, size_t j, plx__tplist *o) {
  const plx__ana *a = m->a, *b = m->b;
  size_t i = m->rowi, na = plx__ana_len(a, i);
  o->n = 0;
  /* for each A token, where its pairs with the current B token start */
  if (na > m->npbase) {
    m->pbase = plx__realloc(m->pbase, na * sizeof *m->pbase);
    m->pbasetok = plx__realloc(m->pbasetok, na * sizeof *m->pbasetok);
    m->npbase = na;
  }
  for (size_t t = 0; t < na; t++) m->pbasetok[t] = UINT32_MAX;
  for (uint32_t u = b->first[j]; u < b->first[j + 1]; u++) {
    const plx__tk *tk = &b->tok[u];
    uint32_t tb = u - b->first[j];
    /* its own concepts, as the index keeps them */
    const uint32_t *tcb = m->x->tokc + m->x->tokoff[u];
    size_t nc = m->x->tokoff[u + 1] - m->x->tokoff[u];
    uint32_t skel_b = PLX__NONE;
    size_t start = o->n; /* the pairs of this B token start here */
    for (size_t c = 0; c < nc; c++) {
      size_t q = ((tcb[c] & 0x3FFFFFFFu) * 2654435761u) & (m->rslots - 1);
      while (m->rslot[q].key != PLX__NONE && m->rslot[q].key != (tcb[c] & 0x3FFFFFFFu))
        q = (q + 1) & (m->rslots - 1);
      if (m->rslot[q].key == PLX__NONE) continue;
      for (uint32_t e = m->rslot[q].head; e != UINT32_MAX; e = m->rent[e].next) {
        uint32_t ta = m->rent[e].ta;
        if (m->rent[e].tag != (tcb[c] >> 30)) continue;
        /* one pair per (ta, tb), at its best value */
        size_t found = SIZE_MAX;
        for (size_t x = start; x < o->n; x++)
          if (o->p[x].ta == ta) {
            found = x;
            break;
          }
        float s;
        if ((tcb[c] >> 30) == PLX__TAG_SHARE) s = 1.0f;
        else if ((tcb[c] >> 30) == PLX__TAG_COGNATE) s = COGNATE_VALUE;
        else {
          if (found != SIZE_MAX) continue;
          if (skel_b == PLX__NONE) skel_b = S_skel(m->lex, tk);
          uint32_t skel_a = S_skel(m->lex, &a->tok[a->first[i] + ta]);
          if (skel_a == PLX__NONE || skel_b == PLX__NONE || !S_cognate_cached(m, skel_a, skel_b))
            continue;
          s = COGNATE_VALUE;
        }
        if (found != SIZE_MAX) {
          if (s > o->p[found].s) o->p[found].s = s;
          continue;
        }
        plx__grow((void **)&o->p, &o->cap, o->n + 1, sizeof *o->p);
        o->p[o->n++] = (plx__tp){ta, tb, s};
      }
    }
  }
}

void plx__pairs_row(plx__matcher *m, size_t i, const uint32_t *js, size_t njs,
                    plx__tplist *out) {
  const plx__ana *a = m->a, *b = m->b;
  if (njs > m->nbase) {
    m->basetok = plx__realloc(m->basetok, njs * sizeof *m->basetok);
    m->base = plx__realloc(m->base, njs * sizeof *m->base);
    m->nbase = njs;
  }
  for (size_t k = 0; k < njs; k++) {
    out[k].n = 0;
    m->mark[js[k]] = (uint32_t)k + 1;
    m->basetok[k] = UINT32_MAX;
  }
  if (!njs) return;
  uint32_t jlo = js[0], jhi = js[njs - 1];
  if (njs <= 2 || (njs < 64 && (size_t)(jhi - jlo) > 4 * njs + 8)) {
    /* scattered sentences (candidates) or one or two (a link's evidence):
     * sentence i indexed once (and kept for the next call about it), each
     * sentence of B probes it with its own concepts, instead of a search
     * in long postings per concept and sentence */
    for (size_t k = 0; k < njs; k++) m->mark[js[k]] = 0;
    S_row_index(m, i);
    for (size_t k = 0; k < njs; k++) S_pairs_probe(m, js[k], &out[k]);
    return;
  }
  S_pres tc[640];
  for (uint32_t t = a->first[i]; t < a->first[i + 1]; t++) {
    const plx__tk *tk = &a->tok[t];
    uint32_t ta = t - a->first[i];
    size_t nc = S_present(m, tk, tc, 640);
    uint32_t skel_a = PLX__NONE;
    for (size_t c = 0; c < nc; c++) {
      /* only the postings of sentences in [jlo, jhi]: a window, found from
       * where the last row's was (the hint lives in the index's slot: it
       * is only a hint, and each alignment has its own index) */
      struct S_islot *sl = &((plx__index *)m->x)->slot[tc[c].slot];
      const S_post *p = m->x->post + sl->start;
      size_t np = sl->count;
      size_t lo = S_lower_from(p, np, jlo, sl->cursor);
      sl->cursor = (uint32_t)lo;
      if (lo == np || p[lo].sent > jhi) continue;
      {
        for (size_t q = lo; q < np && p[q].sent <= jhi; q++) {
          uint32_t k = m->mark[p[q].sent];
          if (!k) continue;
          uint32_t tb = p[q].tok & TOK_MASK;
          plx__tplist *o = &out[k - 1];
          if (tc[c].tag == TAG_SHARE) {
            S_emit(m, o, k - 1, ta, tb, 1.0f);
          } else if (tc[c].tag == TAG_COGNATE) {
            S_emit(m, o, k - 1, ta, tb, COGNATE_VALUE);
          } else if (!S_has(m, o, k - 1, ta, tb)) {
            /* same first three letters: cognates if close enough */
            if (skel_a == PLX__NONE) skel_a = S_skel(m->lex, tk);
            uint32_t skel_b = S_skel(m->lex, &b->tok[b->first[p[q].sent] + tb]);
            if (skel_a != PLX__NONE && skel_b != PLX__NONE && S_cognate_cached(m, skel_a, skel_b))
              S_emit(m, o, k - 1, ta, tb, COGNATE_VALUE);
          }
        }
      }
    }
  }
  for (size_t k = 0; k < njs; k++) m->mark[js[k]] = 0;
}

/* ---- greedy one-to-one matching ---- */

/* A candidate pair with its value; sorted by value, highest first, then
 * by ta and tb. Values are positive doubles, whose bits order as
 * unsigned integers do: the comparison is two integer compares. */
typedef plx__vp S_vp;
#define S_vp_before plx__vp_before

/* Quicksort (median of three) down to runs of 16, then insertion sort:
 * inlined comparisons, for the few hundred pairs of a sentence pair. */
static void S_vp_sort(S_vp *v, size_t n) {
  while (n > 16) {
    size_t mid = n / 2;
    S_vp *a = &v[0], *b = &v[mid], *c = &v[n - 1], t;
    if (S_vp_before(b, a)) { t = *a; *a = *b; *b = t; }
    if (S_vp_before(c, b)) {
      t = *b; *b = *c; *c = t;
      if (S_vp_before(b, a)) { t = *a; *a = *b; *b = t; }
    }
    S_vp pivot = v[mid];
    size_t i = 0, j = n - 1;
    for (;;) {
      while (S_vp_before(&v[i], &pivot)) i++;
      while (S_vp_before(&pivot, &v[j])) j--;
      if (i >= j) break;
      t = v[i];
      v[i] = v[j];
      v[j] = t;
      i++;
      j--;
    }
    /* recurse on the smaller part, loop on the larger */
    if (j + 1 < n - j - 1) {
      S_vp_sort(v, j + 1);
      v += j + 1;
      n -= j + 1;
    } else {
      S_vp_sort(v + j + 1, n - j - 1);
      n = j + 1;
    }
  }
  for (size_t k = 1; k < n; k++) {
    S_vp x = v[k];
    size_t q = k;
    while (q > 0 && S_vp_before(&x, &v[q - 1])) {
      v[q] = v[q - 1];
      q--;
    }
    v[q] = x;
  }
}

static inline uint64_t S_bits(double d) {
  uint64_t u;
  memcpy(&u, &d, sizeof u);
  return u;
}

size_t plx__vp_sorted(const plx__tp *p, size_t np, const double *wa, const double *wb,
                      plx__vp *v) {
  for (size_t k = 0; k < np; k++) {
    double value = p[k].s * (wa[p[k].ta] + wb[p[k].tb]);
    v[k].key = ~S_bits(value > 0 ? value : 0);
    v[k].order = (uint64_t)p[k].ta << 32 | p[k].tb;
    v[k].s = p[k].s;
  }
  S_vp_sort(v, np);
  return np;
}

/* The similarity and covers of a matching: the matched weight (both
 * sides, and each side's) over the weights of everything. */
static plx__msum S_msum(double matched, double ma, double mb, double tot_a, double tot_b) {
  plx__msum r;
  double total = tot_a + tot_b;
  r.sim = total > 0 ? matched / total : 0;
  if (r.sim > 1) r.sim = 1;
  r.cover_a = tot_a > 0 ? ma / tot_a : 0;
  r.cover_b = tot_b > 0 ? mb / tot_b : 0;
  return r;
}

plx__msum plx__match_sorted(const plx__vp *v, size_t np, const double *wa, size_t na,
                            double tot_a, const double *wb, size_t nb, double tot_b,
                            long *match_a) {
  plx__msum r = {0, 0, 0};
  if (match_a)
    for (size_t i = 0; i < na; i++) match_a[i] = -1;
  if (na == 0 || nb == 0) {
    r.sim = na == 0 && nb == 0 ? 1.0 : 0.0;
    return r;
  }
  uint8_t sua[256], sub[256];
  uint8_t *ua = na <= 256 ? sua : plx__malloc(na), *ub = nb <= 256 ? sub : plx__malloc(nb);
  memset(ua, 0, na);
  memset(ub, 0, nb);
  double matched = 0, ma = 0, mb = 0;
  size_t left = na < nb ? na : nb;
  for (size_t k = 0; k < np && left; k++) {
    uint32_t ta = (uint32_t)(v[k].order >> 32), tb = (uint32_t)v[k].order;
    if (ua[ta] || ub[tb]) continue;
    ua[ta] = ub[tb] = 1;
    left--;
    double x = v[k].s * wa[ta], y = v[k].s * wb[tb];
    matched += x + y;
    ma += x;
    mb += y;
    if (match_a) match_a[ta] = (long)tb;
  }
  if (ua != sua) free(ua);
  if (ub != sub) free(ub);
  return S_msum(matched, ma, mb, tot_a, tot_b);
}

/* A pair whose two tokens are in no other pair is taken by the greedy
 * matching wherever its value ranks it: nothing can take its tokens first.
 * So only the pairs that compete (function words, mostly) are sorted. */
plx__msum plx__match(const plx__tp *p, size_t np, const double *wa, size_t na, double tot_a,
                     const double *wb, size_t nb, double tot_b, long *match_a) {
  plx__msum r = {0, 0, 0};
  if (match_a)
    for (size_t i = 0; i < na; i++) match_a[i] = -1;
  if (na == 0 || nb == 0) {
    r.sim = na == 0 && nb == 0 ? 1.0 : 0.0;
    return r;
  }
  uint8_t sca[256], scb[256];
  uint8_t *ca = na <= 256 ? sca : plx__malloc(na), *cb = nb <= 256 ? scb : plx__malloc(nb);
  memset(ca, 0, na);
  memset(cb, 0, nb);
  for (size_t k = 0; k < np; k++) {
    if (ca[p[k].ta] < 2) ca[p[k].ta]++;
    if (cb[p[k].tb] < 2) cb[p[k].tb]++;
  }
  S_vp stack[256];
  S_vp *v = np <= 256 ? stack : plx__malloc(np * sizeof *v);
  size_t nv = 0;
  double matched = 0, ma = 0, mb = 0;
  for (size_t k = 0; k < np; k++) {
    uint32_t ta = p[k].ta, tb = p[k].tb;
    if (ca[ta] == 1 && cb[tb] == 1) {
      double x = p[k].s * wa[ta], y = p[k].s * wb[tb];
      matched += x + y;
      ma += x;
      mb += y;
      if (match_a) match_a[ta] = (long)tb;
      continue;
    }
    double value = p[k].s * (wa[ta] + wb[tb]);
    v[nv].key = ~S_bits(value > 0 ? value : 0);
    v[nv].order = (uint64_t)ta << 32 | tb;
    v[nv].s = p[k].s;
    nv++;
  }
  if (nv) {
    S_vp_sort(v, nv);
    /* ca, cb become the used flags of the competing tokens */
    memset(ca, 0, na);
    memset(cb, 0, nb);
    for (size_t k = 0; k < nv; k++) {
      uint32_t ta = (uint32_t)(v[k].order >> 32), tb = (uint32_t)v[k].order;
      if (ca[ta] || cb[tb]) continue;
      ca[ta] = cb[tb] = 1;
      double x = v[k].s * wa[ta], y = v[k].s * wb[tb];
      matched += x + y;
      ma += x;
      mb += y;
      if (match_a) match_a[ta] = (long)tb;
    }
  }
  if (v != stack) free(v);
  if (ca != sca) free(ca);
  if (cb != scb) free(cb);
  return S_msum(matched, ma, mb, tot_a, tot_b);
}
