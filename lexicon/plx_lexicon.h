/* plx_lexicon.h: map words of two languages onto shared meaning.
 *
 * A plx_lexicon holds, for one language pair (English–Spanish by default),
 * a bilingual lexicon of lemma pairs, form → lemma tables for both languages,
 * Hunspell dictionaries for words the tables do not know, a table of names
 * with their forms in both languages, and stop words. Data files live in a
 * folder per pair (lexicon/data/en-es/, installed in $(pkgdatadir)); see
 * lexicon/data/en-es/README.md for their formats.
 *
 * A sentence is analysed into a plx_bag: its tokens, each with the concepts
 * it can stand for (its lemmas, their translations, a name, a number, a
 * cognate key). Two bags of different languages are compared by
 * plx_bag_similarity, which matches tokens one to one and weighs each by its
 * informativeness: rare words count more than common ones. The weights come
 * from a plx_weights built from the documents being compared (document
 * frequencies), with stop words damped; nothing is learnt from test sets.
 *
 * Thread safety: lexicons may be opened, used and freed by several threads
 * at once, each its own (parallax batch gives each worker one). One
 * plx_lexicon may be shared by threads only for plx_bag_similarity;
 * plx_bag_new caches analyses and must be serialised.
 */
#ifndef PLX_LEXICON_H
#define PLX_LEXICON_H

#include <stddef.h>
#include "plx_base.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct plx_lexicon_options {
  const char *lang_a, *lang_b; /* the pair, e.g. "en", "es" (the default) */
  const char *data_dir;        /* folder with the pair's files; NULL: default */
  const char *lexicon_path;    /* an extra bilingual TSV (--lexicon), or NULL */
  int replace_default;         /* nonzero: lexicon_path replaces bilingual.tsv */
  const char *dict_dir;        /* Hunspell folder (--dict-dir), or NULL */
} plx_lexicon_options;

void plx_lexicon_options_init(plx_lexicon_options *options);

typedef struct plx_lexicon plx_lexicon;

/* Open the data for a language pair. Files are mapped, not parsed, so this
 * is cheap; Hunspell dictionaries are loaded on first need. On failure *out
 * is NULL and err says why. Free with plx_lexicon_free. */
plx_status plx_lexicon_new(const plx_lexicon_options *options, plx_lexicon **out,
                           plx_error *err);
void plx_lexicon_free(plx_lexicon *lex);

/* How many bilingual pairs were loaded (default plus --lexicon). */
size_t plx_lexicon_size(const plx_lexicon *lex);

/* The translations of a lemma from language `from` into the pair's other
 * language, as a newly allocated array of strings (free each and the array
 * with plx_strings_free). */
plx_status plx_lexicon_translate(plx_lexicon *lex, const char *from, const char *lemma,
                                 char ***out, size_t *n);

/* The lemmas of a word form (lower-cased) in language lang: from the form
 * tables, then Hunspell, then the form itself. Same ownership as above. */
plx_status plx_lexicon_lemmas(plx_lexicon *lex, const char *lang, const char *form,
                              char ***out, size_t *n);

void plx_strings_free(char **strings, size_t n);

/* ---- sentences as bags of concepts ---- */

typedef struct plx_bag plx_bag;

/* Analyse text[0,len) (UTF-8) of language lang ("en" or "es", one of the
 * pair). Free with plx_bag_free. */
plx_status plx_bag_new(plx_lexicon *lex, const char *lang, const char *text, size_t len,
                       plx_bag **out, plx_error *err);
void plx_bag_free(plx_bag *bag);

/* Number of tokens (words, numbers) in the bag. */
size_t plx_bag_size(const plx_bag *bag);

/* Document frequencies of concepts, for informativeness weights. */
typedef struct plx_weights plx_weights;
plx_weights *plx_weights_new(void);
void plx_weights_free(plx_weights *w);
/* Count each concept of the bag once, for the bag's language. */
void plx_weights_add(plx_weights *w, const plx_bag *bag);

/* How much of the content of a and b is shared, in [0,1]: the weight of the
 * tokens matched one to one (by translation, lemma, name, number or
 * cognate) over the weight of all tokens of both. w may be NULL (then only
 * stop words are damped). */
double plx_bag_similarity(const plx_lexicon *lex, const plx_bag *a, const plx_bag *b,
                          const plx_weights *w);

/* One token of a bag, for showing evidence. */
typedef struct plx_token {
  size_t start, end; /* byte span in the analysed text */
  const char *form;  /* case-folded form */
  const char *lemma; /* first lemma */
  int stop;          /* a stop word */
  int number;        /* a number or another value (amount, date...) */
  int translated;    /* has a translation, or is a name or a value */
} plx_token;

const plx_token *plx_bag_token(const plx_bag *bag, size_t i);

/* Which token of b (index, or -1) token i of a was matched with by the last
 * plx_bag_similarity computation; filled only when evidence != NULL. */
double plx_bag_similarity_evidence(const plx_lexicon *lex, const plx_bag *a, const plx_bag *b,
                                   const plx_weights *w, long *evidence);

/* Score sentence pairs, one per line of input ("A<TAB>B"): *scores gets
 * one similarity per line (caller frees). lang_a, lang_b: a language of the
 * pair, or NULL/"auto" to detect each side from all its lines. A line
 * without a TAB is an error naming the line. */
plx_status plx_score_lines(plx_lexicon *lex, const char *lang_a, const char *lang_b,
                           const char *input, size_t len, double **scores, size_t *n,
                           plx_error *err);

#ifdef __cplusplus
}
#endif
#endif
