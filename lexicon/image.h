/* image.h: the compiled lexicon, an image mapped read-only at run time.
 *
 * The lexicon data of a language pair is text (lexicon/data/PAIR/, TSV files),
 * easy to review and regenerate but slow to use: a word's analysis needs
 * its lemmas from the form tables, their translations from the bilingual
 * table, its accent-free skeleton from ICU, names and stop words. The
 * compiler (compile.c) does all of that once, for every word the tables
 * know, and writes the result as one image: hash tables and records that
 * the program maps into memory and reads in place. Start-up is an mmap and
 * a header check; a known word is one hash probe.
 *
 * Layout (all integers in the byte order of the machine that compiled it;
 * the header records it, and an image of the other order is refused):
 *
 *   header     magic "PLXLEX\r\n", format version, byte-order mark, size,
 *              the two language codes, flags, counts, section table
 *   strings    NUL-terminated strings (forms, concept names, name keys)
 *   concepts   per concept: string offset, and a kind byte array;
 *              a hash table from the string to the concept id
 *   ids        concept lists of words (uint32)
 *   words[2]   per language: word records and their hash table
 *   names      multi-word names: key (folded tokens joined by spaces),
 *              concept, token count; their hash table
 *   clitics[2] enclitic endings, longest first, and the pronouns they are
 *   lemmas[2]  bilingual lemmas and their translations (as strings), for
 *              the public look-ups
 *
 * Hash tables are open-addressed, a power of two of uint32 slots holding
 * id + 1 (0: empty), probed linearly from FNV-1a of the key.
 *
 * Concepts are strings with a kind prefix: "en:house" (a lemma of English,
 * also the translation of "casa"), "=:microsoft" (a skeleton: case-folded,
 * accents removed), "~:infra" (a cognate key: the first five letters of
 * a long skeleton), "3:inf" (the first three, where two spellings may be
 * cognates by edit distance), "N:United States" (a name), "#:2" (a number).
 * Two words of the two languages mean the same when their concept lists
 * share one.
 */
#ifndef PLX_IMAGE_H
#define PLX_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"

#define PLX__IMAGE_MAGIC "PLXLEX\r\n"
#define PLX__IMAGE_VERSION 2u
#define PLX__IMAGE_BOM 0x01020304u
#define PLX__NONE UINT32_MAX

/* Concept kinds. */
enum {
  PLX__CK_LEMMA0 = 0, /* a lemma of language A ("en:house") */
  PLX__CK_LEMMA1,     /* a lemma of language B ("es:casa") */
  PLX__CK_SKEL,       /* "=:" */
  PLX__CK_COGNATE,    /* "~:" */
  PLX__CK_PREFIX,     /* "3:" */
  PLX__CK_NAME,       /* "N:" */
  PLX__CK_NUMBER,     /* "#:" */
  PLX__CK_VALUE,      /* "v:" */
  PLX__CK_OTHER
};

/* Word flags. */
enum {
  PLX__WF_STOP = 1 << 0,       /* a stop word (damped, never a candidate) */
  PLX__WF_TRANSLATED = 1 << 1, /* one of its lemmas has a translation */
  PLX__WF_NAME_START = 1 << 2, /* first token of a multi-word name */
  PLX__WF_NAME1_UPPER = 1 << 3,/* its one-word name needs a capital */
  PLX__WF_KNOWN = 1 << 4,      /* a lemma of the bilingual table or a form of the form table */
  PLX__WF_EXPANDS = 1 << 5,    /* stands for several words (expansion) */
  PLX__WF_CLITIC = 1 << 6      /* ... a verb and its enclitic pronouns */
};

/* One word form of one language. The concept list is ids[0, nids):
 * nlemma lemma concepts, then the skeleton (when there is one; nsmall
 * counts lemmas and skeleton), then translations into the other language. */
/* Parts of speech of a word (any of its lemmas), from the pos column of
 * the bilingual and form tables; 0 when the tables give none. */
enum {
  PLX__POS_NOUN = 1 << 0,   /* n */
  PLX__POS_PROPER = 1 << 1, /* np */
  PLX__POS_VERB = 1 << 2,   /* v */
  PLX__POS_ADJ = 1 << 3,    /* adj */
  PLX__POS_ADV = 1 << 4,    /* adv */
  PLX__POS_OTHER = 1 << 5   /* pr, cnj, det, prn, ij, num, other */
};

typedef struct plx__wrec {
  uint32_t hash;
  uint32_t form;      /* string offset of the (case-folded) form */
  uint32_t ids;       /* offset into the id array */
  uint16_t form_len;
  uint16_t nids;
  uint8_t nsmall;
  uint8_t nlemma;
  uint8_t flags;
  uint8_t pos;        /* PLX__POS_* of its lemmas, as the tables give them */
  uint32_t lemma;     /* the first lemma's concept (informativeness key) */
  uint32_t skeleton;  /* "=:..." or PLX__NONE */
  uint32_t cognate;   /* "~:..." or PLX__NONE */
  uint32_t prefix;    /* "3:..." or PLX__NONE */
  uint32_t name1;     /* concept of the one-word name it is, or PLX__NONE */
  uint32_t expansion; /* string offset of the words it stands for, or PLX__NONE */
} plx__wrec;

typedef struct plx__nrec {
  uint32_t hash;
  uint32_t key;       /* string offset of "tok tok ..." */
  uint32_t concept;
  uint16_t key_len;
  uint8_t ntokens;
  uint8_t needs_upper;
} plx__nrec;

/* A lemma of the bilingual table and its translations (string offsets in
 * the id array's sibling TRANS), for the public look-ups only. */
typedef struct plx__lrec {
  uint32_t hash;
  uint32_t str, len;
  uint32_t tr, ntr;
} plx__lrec;

typedef struct plx__crec {
  uint32_t ending, pronouns; /* string offsets */
  uint16_t ending_len, pronouns_len;
} plx__crec;

enum {
  PLX__SEC_STRINGS = 0,
  PLX__SEC_CONCEPT_STR,   /* uint32 per concept */
  PLX__SEC_CONCEPT_KIND,  /* uint8 per concept */
  PLX__SEC_CONCEPT_SLOTS,
  PLX__SEC_IDS,
  PLX__SEC_WORDS0,
  PLX__SEC_WORD_SLOTS0,
  PLX__SEC_WORDS1,
  PLX__SEC_WORD_SLOTS1,
  PLX__SEC_NAMES,
  PLX__SEC_NAME_SLOTS,
  PLX__SEC_CLITICS0,
  PLX__SEC_CLITICS1,
  PLX__SEC_LEMMAS0,
  PLX__SEC_LEMMA_SLOTS0,
  PLX__SEC_LEMMAS1,
  PLX__SEC_LEMMA_SLOTS1,
  PLX__SEC_TRANS,
  PLX__SEC_COUNT
};

/* Image flags. */
enum {
  /* The form tables hold every form the Hunspell dictionaries of the
   * packaged data give for the bilingual lemmas: Hunspell has nothing to
   * add for this image (it is loaded only with another dictionary folder). */
  PLX__IF_HUNSPELL_FORMS = 1 << 0
};

typedef struct plx__image_header {
  char magic[8];
  uint32_t version;
  uint32_t bom;
  uint64_t size;
  char lang[2][8];
  uint32_t flags;
  uint32_t pairs;         /* bilingual pairs compiled in */
  uint32_t nconcepts;
  uint32_t name_max_tokens;
  uint32_t nsec;
  uint32_t reserved;
  struct {
    uint64_t off, len;
  } sec[PLX__SEC_COUNT];
} plx__image_header;

/* A loaded image: its bytes (mapped or owned) and typed views. */
typedef struct plx__image {
  const char *data;
  size_t len;
  int mapped;
  char *owned;
  const plx__image_header *h;
  const char *str;
  size_t str_len;
  const uint32_t *cstr, *cslots, *ids;
  const uint8_t *ckind;
  size_t ncslots, nids;
  const plx__wrec *words[2];
  size_t nwords[2];
  const uint32_t *wslots[2];
  size_t nwslots[2];
  const plx__nrec *names;
  size_t nnames;
  const uint32_t *nslots;
  size_t nnslots;
  const plx__crec *clitics[2];
  size_t nclitics[2];
  const plx__lrec *lemmas[2];
  size_t nlemmas[2];
  const uint32_t *lslots[2];
  size_t nlslots[2];
  const uint32_t *trans;
  size_t ntrans;
} plx__image;

/* FNV-1a, 32 bits; plx__hash_more continues a hash over more bytes. */
static inline uint32_t plx__hash_more(uint32_t h, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 16777619u;
  }
  return h;
}
static inline uint32_t plx__hash(const char *s, size_t n) {
  return plx__hash_more(2166136261u, s, n);
}

/* What the compiler reads: the pair's folder of TSV files, and an extra
 * bilingual TSV (--lexicon) that adds to or replaces bilingual.tsv. */
typedef struct plx__image_src {
  const char *lang[2];
  const char *dir;       /* folder of the pair's TSV files */
  const char *user;      /* extra bilingual TSV, or NULL */
  int replace;           /* the extra TSV replaces bilingual.tsv */
} plx__image_src;

/* Compile the sources into an image held in *out (caller frees
 * out->data). */
plx_status plx__image_compile(const plx__image_src *src, plx__buf *out, plx_error *err);

/* Use len bytes at data (owned: freed by plx__image_close) as an image,
 * after checking the header and every section's bounds. */
plx_status plx__image_from_memory(plx__image *im, char *data, size_t len, const char *what,
                                  plx_error *err);
/* Map the image file at path. */
plx_status plx__image_map(plx__image *im, const char *path, plx_error *err);
void plx__image_close(plx__image *im);
/* Whether the file at path starts with the image magic. */
int plx__image_file_is_image(const char *path);

/* Look-ups. Return an index, or PLX__NONE. */
uint32_t plx__image_concept(const plx__image *im, const char *s, size_t n, uint32_t h);
uint32_t plx__image_word(const plx__image *im, int side, const char *form, size_t n, uint32_t h);
/* A lemma of the bilingual table (index into im->lemmas[side]). */
uint32_t plx__image_lemma(const plx__image *im, int side, const char *s, size_t n);
const char *plx__image_string(const plx__image *im, uint32_t off);

#endif
