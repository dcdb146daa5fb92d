/* align_internal.h: shared by align.c and facts.c; not installed. */
#ifndef PLX_ALIGN_INTERNAL_H
#define PLX_ALIGN_INTERNAL_H

#include "internal.h"
#include "lexicon_internal.h"
#include "plx_align.h"

typedef struct S_ilink {
  size_t *ids; /* na ids of A, then nb ids of B */
  size_t na, nb;
  double score;
} S_ilink;

/* Similarities already computed, by sentence pair (as floats: a cache
 * entry per candidate pair of a long article adds up). */
typedef struct plx__csum {
  float sim, cover_a, cover_b;
} plx__csum;
typedef struct plx__simcache {
  uint64_t *keys;
  plx__csum *vals;
  size_t nslots, n;
} plx__simcache;

/* The word alignment of one link (words.c). Its tokens are the link's A
 * sentences' tokens in order, then (side 1) its B sentences'. */
typedef struct plx__wpair {
  uint32_t x, y; /* token of A, token of B */
  float s;
  uint8_t how;   /* plx_word_how */
} plx__wpair;

typedef struct plx__wl {
  size_t n[2];
  uint32_t *sent[2], *tok[2]; /* each token's sentence, and index in it */
  int32_t *best[2];           /* each token's partner of highest score, or -1 */
  float *bscore[2];
  uint8_t *bhow[2];
  int32_t *prev[2], *next[2]; /* the nearest aligned token at or before,
                               * at or after each token (-1, n: none) */
  plx__wpair *pairs;          /* ordered by x, then y */
  size_t npairs, cap;
  struct plx_word_link *pub;
} plx__wl;

struct plx_alignment {
  plx_lexicon *lex;
  plx__lex *lx;
  const plx_doc *doc[2];
  plx_align_mode mode;
  char reason[256];
  double min_link;
  size_t n[2];
  plx__ana ana[2];           /* every sentence analysed once, here */
  double *w[2];              /* weight of each token */
  double *tot[2];            /* weight of each sentence */
  unsigned char *content[2]; /* sentence can be linked and be a gap */
  size_t *linked[2];         /* number of links a sentence is in */
  plx__df df;
  plx__index *index[2];      /* each side by concept */
  plx__matcher *m;           /* sentences of A against B's index */
  plx__tplist *row;          /* scratch for rows of pairs */
  size_t rowcap;
  plx__simcache cache;
  double *bmax;     /* S_bound's scratch: per token of A, then of B */
  uint32_t *bstamp;
  size_t bcap;
  uint32_t bnow;
  S_ilink *links;
  size_t nlinks, linkcap;
  plx_link *pub; /* public view of links, made on first request */
  plx__wl **words; /* per link, its word alignment, made on first request */
  double ratio;     /* characters of B per character of A in confident
                     * links; 0 when too few to tell */
};

/* Similarity of sentence i of A and j of B, with how much of each is
 * covered; computed once. */
plx__msum plx__align_pair(plx_alignment *al, size_t i, size_t j);
double plx__align_sim(plx_alignment *al, size_t i, size_t j);

/* The candidate pairs of sentence i of A with sentence j of B (token
 * indices within the two sentences), into *out (cleared). */
void plx__align_pairs(plx_alignment *al, size_t i, size_t j, plx__tplist *out);

/* The first sentence of the other side that has a concept of token t of
 * sentence i of side (stop words included), or -1. */
long plx__align_found(const plx_alignment *al, int side, size_t i, size_t t);
/* The same among sentences lo..hi of the other side. */
long plx__align_found_in(const plx_alignment *al, int side, size_t i, size_t t, size_t lo,
                         size_t hi);

/* Characters (not bytes) of sentence i of side; of text [start, end). */
size_t plx__align_chars(const plx_alignment *al, int side, size_t i);
size_t plx__align_span_chars(const plx_alignment *al, int side, size_t start, size_t end);

/* The word alignment of link k, made on first request and kept. */
const plx__wl *plx__words(const plx_alignment *al, size_t k);
void plx__wl_free(plx__wl *w);
/* How many digits text ta[as, ae) and tb[bs, be) are written with, when
 * they are the same digits in the same order whatever separates them
 * ("6,678" / "6.678", "1980s" / "1980"); 0 when they differ or have none. */
size_t plx__same_digits(const char *ta, size_t as, size_t ae, const char *tb, size_t bs,
                        size_t be);

/* Whether link k's word alignment is made; free it (a renderer that made
 * it only to write it out, so that a long article's links are not all
 * held at once). */
int plx__words_cached(const plx_alignment *al, size_t k);
void plx__words_drop(const plx_alignment *al, size_t k);

/* The tokens of the other side between the aligned tokens nearest to the
 * run [x0, x1) of side: [*y0, *y1) (maybe empty). 0 when those two are
 * reordered (no place faces the run). */
int plx__wl_facing(const plx__wl *w, int side, size_t x0, size_t x1, size_t *y0, size_t *y1);

/* A fact of side, sentence and span [start, end), matched, with no
 * strings (""): what every fact starts as. */
void plx__fact_init(plx_fact *f, int side, size_t sentence, size_t start, size_t end,
                    const char *type);
/* plx_facts' order, for qsort: side, sentence, start, type. */
int plx__fact_cmp(const void *x, const void *y);

/* Copy n facts into one allocation that holds their strings too (what
 * plx_facts returns: free() frees it all). */
plx_fact *plx__facts_pack(const plx_fact *f, size_t n);

#endif
