/* lexicon_internal.h: shared by the lexicon module's files; not installed. */
#ifndef PLX_LEXICON_INTERNAL_H
#define PLX_LEXICON_INTERNAL_H

#include <stdint.h>

#include "image.h"
#include "internal.h"
#include "plx_lexicon.h"
#include "plx_values.h"
#include "token.h"

/* ---- interned strings (strmap.c) ---- */

typedef struct plx__strmap {
  plx__buf pool;
  size_t *off;
  uint32_t *len, *hash;
  size_t n, cap;
  uint32_t *slots; /* id + 1; 0 is empty */
  size_t nslots;
} plx__strmap;

uint32_t plx__intern(plx__strmap *m, const char *s, size_t n, int *created);
uint32_t plx__intern_h(plx__strmap *m, const char *s, size_t n, uint32_t h, int *created);
/* The id of s, or PLX__NONE when it was never interned. */
uint32_t plx__lookup(const plx__strmap *m, const char *s, size_t n);
uint32_t plx__lookup_h(const plx__strmap *m, const char *s, size_t n, uint32_t h);
const char *plx__interned(const plx__strmap *m, uint32_t id);
void plx__strmap_free(plx__strmap *m);

/* ---- the lexicon (lexicon.c) ---- */

/* Words the image does not know get a record made at run time, kept in
 * the lexicon handle; their references have this bit set. */
#define PLX__RT 0x80000000u

typedef struct plx__lex {
  char lang[2][8];
  char dir[4096];      /* the pair's TSV folder */
  char dict_dir[4096]; /* Hunspell folder given by the caller, or "" */
  plx__image im;
  int hunspell;        /* ask Hunspell about words the image lacks */
  /* the pair is written in two scripts (Russian with English or Spanish):
   * words no table translates also get a name key (plx__name_key) */
  int cross_script;
  /* concepts beyond the image: ids from im.h->nconcepts up */
  plx__strmap rt_concepts;
  uint8_t *rt_kind;
  size_t rt_kind_cap;
  /* words beyond the image, per side */
  plx__wrec *rt_words[2];
  size_t nrt[2], rtcap[2];
  plx__strmap rt_forms[2];
  plx__buf rt_str;     /* forms and expansions of run-time words */
  uint32_t *rt_ids;
  size_t nrt_ids, rt_ids_cap;
  plx__buf scratch, scratch2;
  /* the words met lately, by hash (direct-mapped): a look-up in the image
   * is a probe of a table of megabytes, the same few thousand words make
   * most of a text */
  struct plx__wcache {
    uint32_t hash, ref;
    uint8_t side, len;
    char form[22];
  } *wcache;
} plx__lex;

int plx__side(const plx__lex *lex, const char *lang);
int plx__side_n(const plx__lex *lex, const char *lang, size_t n);

/* The concept of a string ("#:16", "=:nadella"): the image's, or one
 * made for this handle. */
uint32_t plx__concept(plx__lex *lex, const char *s, size_t n);
/* The concept of a name across scripts: the consonant key of form
 * (plx__name_key) as "=:%KEY"; PLX__NONE when the form has none. */
uint32_t plx__name_concept(plx__lex *lex, const char *form, size_t n);
int plx__concept_kind(const plx__lex *lex, uint32_t id);
const char *plx__concept_str(const plx__lex *lex, uint32_t id);

/* The record of a folded word form of side: from the image, or made
 * (and kept) for this handle. digits: the token has a digit (a number). */
uint32_t plx__word_ref(plx__lex *lex, int side, const char *form, size_t n, int digits);

static inline const plx__wrec *plx__word_rec(const plx__lex *lex, int side, uint32_t ref) {
  return (ref & PLX__RT) ? &lex->rt_words[side][ref & ~PLX__RT] : &lex->im.words[side][ref];
}
static inline const uint32_t *plx__word_ids(const plx__lex *lex, uint32_t ref,
                                            const plx__wrec *w) {
  return (ref & PLX__RT) ? lex->rt_ids + w->ids : lex->im.ids + w->ids;
}
static inline const char *plx__word_str(const plx__lex *lex, uint32_t ref, uint32_t off) {
  return (ref & PLX__RT) ? lex->rt_str.data + off : lex->im.str + off;
}

/* Lemmas and translations as strings, for the public look-ups. */
void plx__lemmas(plx__lex *lex, int side, const char *form, size_t n, char ***out, size_t *nout);

/* ---- analysis of sentences (analysis.c) ---- */

enum {
  PLX__TF_STOP = 1 << 0,
  PLX__TF_UPPER = 1 << 1,      /* starts with a capital */
  PLX__TF_NUMBER = 1 << 2,     /* a number or another value */
  PLX__TF_TRANSLATED = 1 << 3, /* has a translation, or is a name or a value */
  PLX__TF_DIGITS = 1 << 4,
  PLX__TF_MULTI = 1 << 5,      /* several words read as one (a name, a value) */
  PLX__TF_NAME = 1 << 6        /* a name of the names table */
};

/* One token of an analysis. A word token has its word record (word) and
 * maybe a name's or a one-word value's concept (extra); several words
 * read as one (a name, a value) have only extra. */
typedef struct plx__tk {
  uint32_t start, end; /* byte span in the analysed text */
  uint32_t word;       /* word reference, or PLX__NONE */
  uint32_t extra;      /* concept, or PLX__NONE */
  uint16_t flags;
  uint16_t side;
} plx__tk;

/* A content word: not a stop word (a name or a value is content). */
static inline int plx__tk_content(const plx__tk *t) { return !(t->flags & PLX__TF_STOP); }

/* The concept counted for a token's informativeness: its word's first
 * lemma, or the name or value it is. */
static inline uint32_t plx__tk_key(const struct plx__lex *lex, const plx__tk *t) {
  return t->word != PLX__NONE ? plx__word_rec(lex, t->side, t->word)->lemma : t->extra;
}

/* The analysis of the sentences of one text: their tokens and values.
 * Sentence s has tokens [first[s], first[s + 1]) and values [vfirst[s],
 * vfirst[s + 1]); spans are offsets into the text given. */
typedef struct plx__ana {
  int side;
  size_t nsent;
  plx__tk *tok;
  size_t ntok, tokcap;
  uint32_t *first, *vfirst;
  size_t firstcap, vfirstcap;
  plx_value *vals;
  size_t nvals, valcap;
} plx__ana;

/* Reusable scratch for plx__ana_add. */
typedef struct plx__anascratch {
  plx__toks toks;
  plx__toks exp;
  uint32_t *refs;
  size_t refcap;
} plx__anascratch;

void plx__ana_init(plx__ana *a, int side);
/* Analyse text[start, end) as the next sentence of a. */
void plx__ana_add(plx__lex *lex, plx__ana *a, const char *text, size_t start, size_t end,
                  plx__anascratch *s);
void plx__ana_free(plx__ana *a);
void plx__anascratch_free(plx__anascratch *s);

static inline size_t plx__ana_len(const plx__ana *a, size_t s) {
  return a->first[s + 1] - a->first[s];
}

/* A token's concepts into buf (at most cap): its word's (all of them, or
 * with small only its lemmas and skeleton), its one-word name, and its
 * extra (a value, or the concept of several words read as one). */
size_t plx__tk_concept_list(const plx__lex *lex, const plx__tk *t, int small, uint32_t *buf,
                            size_t cap);

/* The same tagged with what sharing it means (PLX__TAG_*), the cognate
 * keys of a word last; probe: all concepts (for the side that looks up),
 * else its own (for the side indexed). */
enum { PLX__TAG_SHARE = 0, PLX__TAG_COGNATE = 1, PLX__TAG_PREFIX = 2 };
typedef struct plx__tc {
  uint32_t c;
  uint32_t tag;
} plx__tc;
size_t plx__tk_tagged(const plx__lex *lex, const plx__tk *t, int probe, plx__tc *out, size_t cap);

/* ---- matching tokens of two analyses (match.c) ---- */

/* Informativeness: document frequencies of keys per language, and the
 * weight of each token of an analysis. */
typedef struct plx__df {
  uint32_t *keys, *counts, *seen;
  size_t nslots, n;
  size_t ndocs[2];
  uint32_t doc;
} plx__df;

void plx__df_init(plx__df *df);
void plx__df_free(plx__df *df);
/* Count each key of sentence s of a once. */
void plx__df_add(plx__df *df, const plx__lex *lex, const plx__ana *a, size_t s);
/* The weight of a token: sqrt(ln(1 + N / df)), x0.6 for a stop word;
 * df NULL: 1 (0.6 for a stop word). */
double plx__df_weight(const plx__df *df, const plx__lex *lex, const plx__tk *t);

/* A pair of tokens that can match: ta of sentence i of A, tb of sentence
 * j of B (indices within their sentences), worth s (1: a shared concept;
 * 0.7: cognates). */
typedef struct plx__tp {
  uint32_t ta, tb;
  float s;
} plx__tp;

/* B indexed by concept (lemmas, skeletons, names, values, cognate keys):
 * what the tokens of a sentence of A can match, found in one pass. */
typedef struct plx__index plx__index;

/* tokens: postings of every token, and each token's concepts (the side a
 * matcher pairs with); else a posting per sentence and concept (a side
 * only asked which sentences hold a concept). */
plx__index *plx__index_new(const plx__lex *lex, const plx__ana *b, int tokens);
void plx__index_free(plx__index *x);

/* A posting: a token of an indexed sentence that has a concept. */
#define PLX__POST_TOK 0x1FFFFFFFu  /* token index within its sentence (first, sentence-level) */
#define PLX__POST_STOP 0x20000000u /* the token is a stop word */
typedef struct plx__post {
  uint32_t sent;
  uint32_t tok; /* index | PLX__POST_STOP | tag << 30 */
} plx__post;
/* The postings of concept c, in sentence order (*n of them; NULL when
 * none). */
const plx__post *plx__index_find(const plx__index *x, uint32_t c, size_t *n);

/* The candidate pairs of sentence i of A with each sentence of B in js
 * (ascending, distinct): pairs of js[k] go to out[k] (cleared first). */
typedef struct plx__tplist {
  plx__tp *p;
  size_t n, cap;
} plx__tplist;

typedef struct plx__matcher plx__matcher;
plx__matcher *plx__matcher_new(const plx__lex *lex, const plx__ana *a, const plx__ana *b,
                               const plx__index *x);
void plx__matcher_free(plx__matcher *m);
void plx__pairs_row(plx__matcher *m, size_t i, const uint32_t *js, size_t njs, plx__tplist *out);

/* Greedy one-to-one matching of candidate pairs: the most valuable pair
 * first (s * (wa + wb)), each token at most once. Similarity is the
 * matched value over the weight of both sides (totals ta, tb); covers
 * are the matched weight of each side over its total. When given, match_a
 * (na) receives each A token's partner (or -1). */
typedef struct plx__msum {
  double sim, cover_a, cover_b;
} plx__msum;
plx__msum plx__match(const plx__tp *p, size_t np, const double *wa, size_t na, double tot_a,
                     const double *wb, size_t nb, double tot_b, long *match_a);

/* The same in two steps, so that sorted pairs can be kept and merged: a
 * pair with its value, ordered by value (highest first), then ta, tb. */
typedef struct plx__vp {
  uint64_t key;   /* ~bits of the value (positive doubles order as their bits) */
  uint64_t order; /* ta << 32 | tb */
  float s;
} plx__vp;
static inline int plx__vp_before(const plx__vp *x, const plx__vp *y) {
  return x->key != y->key ? x->key < y->key : x->order < y->order;
}
/* v (np entries) gets the pairs with their values, sorted. */
size_t plx__vp_sorted(const plx__tp *p, size_t np, const double *wa, const double *wb,
                      plx__vp *v);
plx__msum plx__match_sorted(const plx__vp *v, size_t np, const double *wa, size_t na,
                            double tot_a, const double *wb, size_t nb, double tot_b,
                            long *match_a);

/* Levenshtein test of two cognate skeletons (cached by the matcher). */
int plx__cognates(const char *a, size_t n, const char *b, size_t m);

/* The Levenshtein distance of two byte strings (at most PLX__LEV_MAX bytes
 * of each are compared). */
#define PLX__LEV_MAX 64
unsigned plx__levenshtein(const char *a, size_t n, const char *b, size_t m);

#endif
