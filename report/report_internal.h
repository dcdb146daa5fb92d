/* report_internal.h: shared by the report renderers; not installed. */
#ifndef PLX_REPORT_INTERNAL_H
#define PLX_REPORT_INTERNAL_H

#include "internal.h"
#include "plx_align.h"
#include "plx_report.h"
#include "plx_corpus.h"
#include "plx_align.h"

/* ---- JSON written as it is produced (jsonw.c) ---- */

#define PLX__JW_DEPTH 32
typedef struct plx__jw {
  plx__buf *b;
  int depth, key;
  unsigned count[PLX__JW_DEPTH];
} plx__jw;

void plx__jw_init(plx__jw *w, plx__buf *b);
void plx__jw_object(plx__jw *w);
void plx__jw_object_end(plx__jw *w);
void plx__jw_array(plx__jw *w);
void plx__jw_array_end(plx__jw *w);
/* A member's key; its value follows. */
void plx__jw_key(plx__jw *w, const char *k);
void plx__jw_str(plx__jw *w, const char *s);
void plx__jw_strn(plx__jw *w, const char *s, size_t n);
void plx__jw_int(plx__jw *w, long long v);
void plx__jw_real(plx__jw *w, double v);
void plx__jw_bool(plx__jw *w, int v);
void plx__jw_null(plx__jw *w);
/* A value already serialised (compact JSON). */
void plx__jw_raw(plx__jw *w, const char *json, size_t n);

/* A document as INTERFACE.md's JSON has it: path (if given), lang, input,
 * the extracted text for HTML and XML, and the sentences. */
void plx__doc_json(plx__jw *w, const plx_doc *doc, const char *path);

/* An alignment as INTERFACE.md's JSON has it (align: with_facts == 0;
 * diff: with the facts given). */
void plx__alignment_json(plx__jw *w, const plx_alignment *al, const plx_doc *a,
                         const plx_doc *b, const char *pa, const char *pb,
                         const plx_fact *facts, size_t nf, int with_facts);

/* The counts of a report (plx__report_count) as a JSON object: sentences,
 * links, gaps, missing facts per side, conflicts. */
void plx__summary_json(plx__jw *w, const plx_alignment *al, const plx_doc *a, const plx_doc *b,
                       const plx_fact *facts, size_t nf);

/* The side-by-side HTML report of `parallax diff` (html_out.c): one
 * self-contained page with both articles, the facts (nf of them, as
 * plx_facts gives them) marked, a summary, filters and the evidence of each
 * link. path_a, path_b may be NULL (standard input). Caller frees *out. */
plx_status plx__alignment_html(const plx_alignment *al, const plx_doc *a, const plx_doc *b,
                               const char *path_a, const char *path_b, const plx_fact *facts,
                               size_t nf, char **out, size_t *len, plx_error *err);

/* plx_alignment_report for facts already computed (with_facts: the facts
 * of plx_facts; else none), so that a caller that needs them too does not
 * compute them twice. */
plx_status plx__alignment_render_facts(const plx_alignment *al, const plx_doc *a,
                                      const plx_doc *b, const char *path_a, const char *path_b,
                                      const plx_report_options *o, const plx_fact *facts,
                                      size_t nf, char **out, size_t *len, plx_error *err);

/* What a report's summary counts: sentences with no counterpart and facts
 * missing, per side (0 = A), and conflicts, each counted once (a conflict
 * is reported from both sides). */
typedef struct plx__report_counts {
  size_t gaps[2], missing[2], conflicts;
} plx__report_counts;

void plx__report_count(const plx_alignment *al, const plx_doc *a, const plx_doc *b,
                       const plx_fact *facts, size_t nf, plx__report_counts *c);

/* The report of a bilingual file's units (bitext_out.c): JSON and text by
 * unit, HTML as the side-by-side page of the two columns of units. The
 * facts are those of plx_units_facts, filtered. */
struct plx_bitext;
plx_status plx__bitext_render(const struct plx_bitext *bt, const plx_alignment *al,
                              const plx_doc *src, const plx_doc *trg, const char *path,
                              const plx_report_options *o, const plx_fact *facts, size_t nf,
                              char **out, size_t *len, plx_error *err);

#endif
