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
 * percentages, dates, durations), names, and the sentence's content as a
 * clause. Each is matched, missing (nowhere on the other side) or in
 * conflict (a counterpart of the same kind that disagrees).
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
  PLX_MODE_COMPARABLE
} plx_align_mode;

/* "auto", "parallel", "comparable". Static string. */
const char *plx_align_mode_name(plx_align_mode mode);

/* The mode of a name plx_align_mode_name gives; -1 when unknown. */
int plx_align_mode_parse(const char *name);

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
                          * "duration", "name", "clause" (static) */
  char value[64];        /* language-neutral value; for names the canonical
                          * form; for clauses empty */
  plx_fact_status status;
  int has_counterpart;   /* a counterpart on the other side: */
  size_t cp_sentence, cp_start, cp_end;
  char cp_value[64];
} plx_fact;

/* The facts of both documents with their status, in document order (A's
 * first). *facts is a new array of *n (free with free()). */
plx_status plx_facts(const plx_alignment *al, plx_fact **facts, size_t *n, plx_error *err);

#ifdef __cplusplus
}
#endif
#endif
