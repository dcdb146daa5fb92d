/* plx_words.h: which words of two linked sentences stand for each other.
 *
 * Inside each link of an alignment (plx_align.h), the words of its A
 * sentences are aligned with the words of its B sentences. The evidence is
 * the lexicon's: a shared meaning through lemmas and translations, a name
 * or a value read as one word ("Estados Unidos", "10.000 millones de
 * dólares"), identical words, cognates; besides, names spelt alike across
 * the languages ("Nova Scotia" / "Nueva Escocia", "Devonport" /
 * "Davenport", initials in another order: "NSA" / "ASN"), two values of one
 * kind in the same place (a changed figure is aligned with the figure it
 * replaces), and where a word stands in its sentence. Words are chosen by
 * mutual best match, iterated (SimAlign's "itermax", with lexical scores
 * instead of embeddings), and the gaps between aligned words are filled
 * where one word on each side is left between the same two aligned words.
 *
 * The words one side has that nothing on the other covers are what the
 * facts (plx_facts) report as details, missing names and missing values.
 */
#ifndef PLX_WORDS_H
#define PLX_WORDS_H

#include <stddef.h>
#include "plx_align.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How a pair of words was aligned. */
typedef enum plx_word_how {
  PLX_WORD_MEANING = 0, /* a shared meaning, name, value or identical word */
  PLX_WORD_COGNATE,     /* cognates, or a name spelt alike */
  PLX_WORD_VALUE,       /* two values of one kind in the same place (they differ) */
  PLX_WORD_PLACE        /* the one word left between the same aligned words */
} plx_word_how;

/* A pair of aligned words (a name or a value read as one word counts as
 * one): byte spans in A's and B's document text, as plx_sentence spans. */
typedef struct plx_word_link {
  size_t a_sentence, a_start, a_end;
  size_t b_sentence, b_start, b_end;
  double score;     /* strength of the evidence, in (0,1] */
  plx_word_how how;
} plx_word_link;

/* The aligned word pairs of link k of al (0 <= k <
 * plx_alignment_link_count(al)), ordered by A's words, then B's; a word
 * may be in several pairs. *pairs points into the alignment, which keeps
 * the word alignment once it is made (the first call for a link makes it:
 * calls on one alignment must not run concurrently). */
plx_status plx_alignment_words(const plx_alignment *al, size_t k, const plx_word_link **pairs,
                               size_t *n, plx_error *err);

#ifdef __cplusplus
}
#endif
#endif
