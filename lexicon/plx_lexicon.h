/* plx_lexicon.h: map words of two languages onto shared meaning.
 *
 * A plx_lexicon holds, for one language pair (English–Spanish by default),
 * a bilingual lexicon of lemma pairs, form → lemma tables for both languages,
 * a table of names with their forms in both languages, and stop words. Data
 * files live in a folder per pair (lexicon/data/en-es/, installed in
 * $(pkgdatadir)); see lexicon/data/en-es/README.md for their formats.
 *
 * The files are compiled (plx_lexicon_compile, `parallax lexicon compile`)
 * into one image, lexicon.plx beside them, that is mapped read-only when a
 * lexicon is opened: every word the tables know is analysed in it already.
 * Without an image, or with a user lexicon given as TSV, the files are
 * compiled in memory when the lexicon is opened (a fraction of a second).
 * Hunspell is consulted, once per process and only on first need, for words
 * the image does not know when the image's form tables were not made from
 * the same dictionaries (a user lexicon, or a dictionary folder given).
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
 * at once, each its own (parallax batch gives each worker one; the image's
 * pages are shared). A plx_lexicon keeps the words it met that the image
 * does not know, so one handle must not be used by two threads at once.
 */
#ifndef PLX_LEXICON_H
#define PLX_LEXICON_H

#include <stddef.h>
#include "plx_base.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct plx_lexicon_options {
  const char *lang_a, *lang_b; /* the pair, e.g. "en", "es" (the default), in
                                * either order: the documents' languages
                                * decide which side is which */
  const char *data_dir;        /* folder holding the pair's folder ("en-es/");
                                * NULL: $PARALLAX_DATADIR if set, else the
                                * installed data (pkgdatadir). An installed
                                * library never reads the tree it was built
                                * in; only the program and tests run from
                                * that tree fall back to its data. */
  const char *lexicon_path;    /* an extra bilingual TSV (--lexicon), or a
                                * compiled lexicon (the whole pair), or NULL */
  int replace_default;         /* nonzero: lexicon_path replaces bilingual.tsv */
  const char *dict_dir;        /* Hunspell folder (--dict-dir), or NULL */
} plx_lexicon_options;

void plx_lexicon_options_init(plx_lexicon_options *options);

typedef struct plx_lexicon plx_lexicon;

/* Open the data for a language pair. A compiled image is mapped, not
 * parsed, so this is cheap. On failure *out is NULL and err says why
 * (PLX_ERR_DATA: a missing or damaged file, an image of another format or
 * byte order). Free with plx_lexicon_free. */
plx_status plx_lexicon_new(const plx_lexicon_options *options, plx_lexicon **out,
                           plx_error *err);
void plx_lexicon_free(plx_lexicon *lex);

/* Compile the pair's TSV files (and options->lexicon_path, a TSV that adds
 * to or, with replace_default, replaces bilingual.tsv) into an image at
 * path, written whole or not at all. Open it by giving its path as
 * lexicon_path. */
plx_status plx_lexicon_compile(const plx_lexicon_options *options, const char *path,
                               plx_error *err);

/* How many bilingual pairs were loaded (default plus --lexicon). */
size_t plx_lexicon_size(const plx_lexicon *lex);

/* The translations of a lemma of the bilingual table from language `from`
 * into the pair's other language, as a newly allocated array of strings
 * (free each and the array with plx_strings_free). */
plx_status plx_lexicon_translate(plx_lexicon *lex, const char *from, const char *lemma,
                                 char ***out, size_t *n);

/* The lemmas of a word form (lower-cased) in language lang: from the form
 * tables (Hunspell for a word they lack, as described above), else the form
 * itself. Same ownership as above. */
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
