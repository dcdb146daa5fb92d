/* lexicon_internal.h: shared by the lexicon module's files; not installed. */
#ifndef PLX_LEXICON_INTERNAL_H
#define PLX_LEXICON_INTERNAL_H

#include <stdint.h>
#include <unicode/utrans.h>

#include "internal.h"
#include "plx_lexicon.h"

/* A mapped TSV file, its data rows indexed by the first column and, on
 * request, by the second. */
typedef struct S_table {
  const char *data;
  size_t len;
  int mapped;
  char *owned;
  uint32_t *rows, *by1;
  size_t nrows;
} S_table;

/* Interned strings: id <-> bytes. */
typedef struct plx__strmap {
  plx__buf pool;
  size_t *off;
  uint32_t *len, *hash;
  size_t n, cap;
  uint32_t *slots; /* id + 1; 0 is empty */
  size_t nslots;
} plx__strmap;

uint32_t plx__intern(plx__strmap *m, const char *s, size_t n, int *created);
/* The id of s, or UINT32_MAX when it was never interned. */
uint32_t plx__lookup(const plx__strmap *m, const char *s, size_t n);
const char *plx__interned(const plx__strmap *m, uint32_t id);
void plx__strmap_free(plx__strmap *m);

/* The analysis of one word form in one language, cached. */
typedef struct plx__wordinfo {
  uint32_t *concepts;  /* sorted concept ids; the first is the primary lemma */
  uint32_t nconcepts;
  uint32_t lemma;      /* concept id of the first lemma ("L:lemma") */
  uint32_t cognate;    /* concept id of the cognate key, or UINT32_MAX */
  uint32_t skeleton;   /* concept id "=:skeleton", or UINT32_MAX */
  int stop;
  int translated;      /* some translation into the other language */
} plx__wordinfo;

/* A name with its forms: variant token sequences → canonical id. */
typedef struct plx__name {
  uint32_t key;      /* interned folded variant ("estados unidos") */
  uint32_t concept;  /* concept id "N:canonical" */
  uint8_t ntokens;
  uint8_t needs_upper; /* written with a capital: only capitalised text matches */
} plx__name;

typedef struct plx__lex {
  char lang[2][8];
  char dir[4096];
  char dict_dir[4096];
  S_table bi[2];     /* default bilingual lexicon, user lexicon */
  S_table forms[2];  /* form -> lemma, per side */
  S_table names;
  void *hun[2];      /* Hunhandle*, loaded on first need */
  int hun_failed[2];
  UTransliterator *translit;
  int translit_failed;
  plx__strmap words;     /* stop words and other word lists */
  uint8_t *stopflag[2];
  size_t nstop[2], stopcap[2];
  plx__strmap concepts;  /* "L:lemma", "=:skeleton", ... */
  plx__strmap cache_keys;  /* "side\x01form" -> index into cache */
  plx__wordinfo *cache;
  size_t ncache, cachecap;
  plx__name *namev;
  size_t nnames, namecap;
  plx__strmap name_keys;
  int name_max_tokens;
  S_table expansions;     /* LANG FORM WORDS */
  plx__strmap exp_keys;   /* "SIDE\x01FORM" -> index into exp_rows */
  S_table clitics[2];     /* ENDING PRONOUNS, longest first, per side */
  uint32_t *exp_rows;
} plx__lex;

int plx__side(const plx__lex *lex, const char *lang);
int plx__side_n(const plx__lex *lex, const char *lang, size_t n);
const char *plx__expansion(const plx__lex *lex, int side, const char *form, size_t n,
                           size_t *len);
/* If form is a word the tables do not know followed by enclitic pronouns
 * (clitics-LANG.txt), the length of the word part, the pronouns in *pron
 * (not NUL-terminated, *plen bytes) and the word part as the tables know it
 * (accent dropped) in base; else 0. */
size_t plx__clitic_split(plx__lex *lex, int side, const char *form, size_t n, plx__buf *base,
                         const char **pron, size_t *plen);
int plx__is_stop(const plx__lex *lex, int side, const char *w, size_t n);
int plx__known_lemma(const plx__lex *lex, int side, const char *w, size_t n);
void plx__translations(plx__lex *lex, int side, const char *lemma, size_t n, char ***out,
                       size_t *nout);
void plx__lemmas(plx__lex *lex, int side, const char *form, size_t n, char ***out,
                 size_t *nout);
void plx__skeleton(plx__lex *lex, const char *w, size_t n, plx__buf *out);

/* names.c */
plx_status plx__names_index(plx__lex *lex, plx_error *err);
void plx__names_free(plx__lex *lex);

/* Tokens of a text: folded word forms with their byte spans (bag.c). */
typedef struct plx__tok {
  size_t start, end;
  char *form;      /* case-folded */
  int upper;       /* starts with a capital letter */
  int digits;      /* has a digit */
} plx__tok;
void plx__tokenize(const char *text, size_t len, plx__tok **toks, size_t *n);
void plx__toks_free(plx__tok *toks, size_t n);

/* For the aligner (bag.c): a token's concepts (names and values
 * included) and whether it is a stop word. */
void plx__bag_token_concepts(const plx_bag *b, size_t i, const uint32_t **ids, size_t *n,
                             uint32_t *extra, int *stop, int *upper);
/* Similarity, and how much of each side's weight was matched. */
double plx__bag_overlap(const plx_bag *a, const plx_bag *b, const plx_weights *w,
                        double *cover_a, double *cover_b);
/* The weight of a token (its informativeness). */
double plx__bag_token_weight(const plx_bag *b, size_t i, const plx_weights *w);
/* The language side of a bag (0 or 1). */
int plx__bag_side(const plx_bag *b);

#endif
