/* plx_align.h: which sentences of two articles say the same thing, and
 * which facts one has that the other lacks or contradicts.
 *
 * Alignment works on two plx_docs of the two languages of a plx_lexicon.
 * Parallel mode (a translation) is a monotone dynamic programme over
 * sentence pairs, in a band around the diagonal; comparable mode (two
 * reports of one story) finds candidate pairs through an inverted index of
 * shared concepts and keeps links whose overlap is strong enough, in any
 * order and many to many. Auto mode picks by how diagonal the strong matches
 * are. See align.c for the cost model.
 *
 * Facts are the checkable units of each sentence: values (numbers, amounts,
 * percentages, dates, durations), names, details (a phrase of a linked
 * sentence that nothing in the sentences it is linked to covers, found
 * through the word alignment of plx_words.h), and sentences with no
 * counterpart as a whole (type "clause"). Each is matched, missing or in
 * conflict (a counterpart of the same kind that disagrees), with a score:
 * how important and how certain the verdict is.
 */
#ifndef PLX_ALIGN_H
#define PLX_ALIGN_H

#include <stddef.h>
#include "plx_base.h"
#include "plx_corpus.h"
#include "plx_lexicon.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum plx_align_mode {
  PLX_MODE_AUTO = 0,
  PLX_MODE_PARALLEL,
  PLX_MODE_COMPARABLE,
  PLX_MODE_PAIRED  /* pre-aligned: sentence i of A is sentence i of B (the
                    * units of a bilingual file, two files line by line);
                    * a sentence facing an empty one is a gap. Facts are
                    * judged as in a translation. */
} plx_align_mode;

/* "auto", "parallel", "comparable", "paired". Static string. */
const char *plx_align_mode_name(plx_align_mode mode);

/* The mode of a name plx_align_mode_name gives: PLX_OK and *out set, or
 * PLX_ERR_USAGE (naming the known ones) and *out unchanged. */
plx_status plx_align_mode_parse(const char *name, plx_align_mode *out, plx_error *err);

typedef struct plx_align_options {
  plx_align_mode mode;
  double min_link;     /* links weaker than this are not kept (default 0.2) */
} plx_align_options;

void plx_align_options_init(plx_align_options *options);

/* A group of sentences of A and of B that say the same thing. */
typedef struct plx_link {
  const size_t *a, *b; /* sentence ids, ascending */
  size_t na, nb;
  double score;        /* similarity of the group, in [0,1] */
} plx_link;

typedef struct plx_alignment plx_alignment;

/* Align two documents (a and b in the two languages of lex). On success
 * *out is a new alignment (plx_alignment_free); the documents and the
 * lexicon must outlive it. */
plx_status plx_align(plx_lexicon *lex, const plx_doc *a, const plx_doc *b,
                     const plx_align_options *options, plx_alignment **out, plx_error *err);
void plx_alignment_free(plx_alignment *al);

/* The mode used (never PLX_MODE_AUTO), and why auto chose it (a static
 * or alignment-owned string; empty when the mode was given). */
plx_align_mode plx_alignment_mode(const plx_alignment *al);
const char *plx_alignment_reason(const plx_alignment *al);

size_t plx_alignment_link_count(const plx_alignment *al);
const plx_link *plx_alignment_link(const plx_alignment *al, size_t i);

/* Whether sentence id of side (0 = A, 1 = B) is a gap: content (not
 * boilerplate or a duplicate) with no counterpart on the other side. */
int plx_alignment_is_gap(const plx_alignment *al, int side, size_t id);

/* The words that matched between sentence ia of A and ib of B, as
 * evidence: a newly allocated string "w1=w1', w2=w2'..." (caller frees). */
char *plx_alignment_evidence(const plx_alignment *al, size_t ia, size_t ib);

/* ---- facts ---- */

typedef enum plx_fact_status {
  PLX_FACT_MATCHED = 0,
  PLX_FACT_MISSING,
  PLX_FACT_CONFLICT
} plx_fact_status;

const char *plx_fact_status_name(plx_fact_status status);

typedef struct plx_fact {
  int side;              /* 0 = A, 1 = B */
  size_t sentence;       /* id of the sentence that states it */
  size_t start, end;     /* byte span in that document's text */
  const char *type;      /* "number", "ordinal", "percent", "amount", "date",
                          * "duration", "name", "detail", "clause"; for
                          * bilingual files also "tag", "untranslated"
                          * (plx_units.h) (static) */
  const char *value;     /* language-neutral value; for names the canonical
                          * form; for clauses "" (never NULL) */
  plx_fact_status status;
  double score;          /* for missing and conflicting facts, in [0,1]:
                          * importance times certainty (a changed amount
                          * near 1, a word a free translation left out
                          * low); 0 for matched facts */
  int has_counterpart;   /* a counterpart on the other side: */
  size_t cp_sentence, cp_start, cp_end;
  const char *cp_value;  /* the counterpart's value, or "" */
  const char *evidence;  /* a conflict found outside linked sentences: the
                          * words that tie the two values to one claim
                          * ("speakers=hablantes"); else "" */
} plx_fact;

/* The facts of both documents with their status, in document order (A's
 * first). A conflict is two facts, one on each side, each naming the other
 * as its counterpart (reports count it once). *facts is a new array of *n
 * in one allocation that also holds the strings its facts point to: free
 * it with free() (or plx_facts_free), and copy a string before that to
 * keep it. plx_facts_select and qsort may move the facts within it. */
plx_status plx_facts(const plx_alignment *al, plx_fact **facts, size_t *n, plx_error *err);

/* free(facts); for bindings that cannot call the C library's free. */
void plx_facts_free(plx_fact *facts);

/* ---- choosing what to report ---- */

/* Fact types as bits, for a filter. */
enum {
  PLX_FACT_NUMBER = 1u << 0,
  PLX_FACT_ORDINAL = 1u << 1,
  PLX_FACT_PERCENT = 1u << 2,
  PLX_FACT_AMOUNT = 1u << 3,
  PLX_FACT_DATE = 1u << 4,
  PLX_FACT_DURATION = 1u << 5,
  PLX_FACT_NAME = 1u << 6,
  PLX_FACT_DETAIL = 1u << 7,
  PLX_FACT_CLAUSE = 1u << 8,
  PLX_FACT_TAG = 1u << 9,          /* bilingual files (plx_units.h) */
  PLX_FACT_UNTRANSLATED = 1u << 10,
  PLX_FACT_VALUES = 0x3Fu, /* number .. duration */
  PLX_FACT_ALL = 0x7FFu
};

/* The default score threshold: a missing or conflicting fact scoring
 * below it is not reported (calibrated so that faithful translations come
 * out clean; see EVALUATION.md). */
#define PLX_FACT_MIN_SCORE 0.55

typedef struct plx_fact_filter {
  double min_score; /* missing and conflicting facts below it are left out */
  unsigned types;   /* PLX_FACT_* bits of the types kept */
} plx_fact_filter;

/* min_score PLX_FACT_MIN_SCORE, every type. */
void plx_fact_filter_init(plx_fact_filter *filter);

/* The bit of a type name ("number", ..., "clause"), 0 when unknown. */
unsigned plx_fact_type_bit(const char *type);

/* The bits of a comma-separated list of type names, "values" (the six
 * value types) or "all". PLX_ERR_USAGE, naming the word, when one is
 * unknown. */
plx_status plx_fact_types_parse(const char *list, unsigned *types, plx_error *err);

/* Keep, in place and in order, the facts the filter selects: those of its
 * types, and of those the missing and conflicting ones scoring at least
 * min_score. Returns how many are kept. */
size_t plx_facts_select(plx_fact *facts, size_t n, const plx_fact_filter *filter);

#ifdef __cplusplus
}
#endif
#endif
