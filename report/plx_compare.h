/* plx_compare.h: the common case in one call.
 *
 * Two articles (files or buffers), or one bilingual file (XLIFF, TMX), in:
 * the documents read, the lexicon of their two languages opened, the
 * alignment made and its facts computed, all held by one plx_comparison
 * until plx_comparison_free. For finer control use the modules it calls
 * (plx_corpus.h, plx_lexicon.h, plx_align.h, plx_bitext.h, plx_units.h).
 *
 *   plx_comparison *c;
 *   plx_error err = {0};
 *   if (plx_compare_files("en.txt", "es.txt", NULL, &c, &err) == PLX_OK) {
 *     size_t n;
 *     const plx_fact *f = plx_comparison_facts(c, &n);
 *     ...
 *     plx_comparison_free(c);
 *   }
 */
#ifndef PLX_COMPARE_H
#define PLX_COMPARE_H

#include <stddef.h>
#include "plx_base.h"
#include "plx_corpus.h"
#include "plx_lexicon.h"
#include "plx_align.h"
#include "plx_bitext.h"
#include "plx_report.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct plx_compare_options {
  plx_doc_options doc;          /* how articles are read (its lang is not used) */
  const char *lang_a, *lang_b;  /* NULL: detected (articles) or the file's own
                                 * (bilingual files) */
  plx_align_options align;      /* mode: ignored for bilingual files (paired) */
  plx_lexicon_options lexicon;  /* data_dir, dict_dir, an extra lexicon; the
                                 * languages follow the documents */
  plx_lexicon *lexicon_shared;  /* an open lexicon of the documents' pair to
                                 * use (not freed; one thread at a time), or
                                 * NULL to open one */
} plx_compare_options;

void plx_compare_options_init(plx_compare_options *options);

typedef struct plx_comparison plx_comparison;

/* Two articles: read, align, facts. The paths are kept for reports. */
plx_status plx_compare_files(const char *path_a, const char *path_b,
                             const plx_compare_options *options, plx_comparison **out,
                             plx_error *err);
plx_status plx_compare_buffers(const char *a, size_t a_len, const char *b, size_t b_len,
                               const plx_compare_options *options, plx_comparison **out,
                               plx_error *err);

/* One bilingual file: each unit's target against its source. */
plx_status plx_compare_bitext_file(const char *path, const plx_compare_options *options,
                                   plx_comparison **out, plx_error *err);
plx_status plx_compare_bitext_buffer(const char *bytes, size_t len,
                                     const plx_compare_options *options, plx_comparison **out,
                                     plx_error *err);

void plx_comparison_free(plx_comparison *c);

/* The documents (0 = A or the sources, 1 = B or the targets), the
 * alignment, and the bilingual file (NULL for two articles): owned by c. */
const plx_doc *plx_comparison_doc(const plx_comparison *c, int side);
const plx_alignment *plx_comparison_alignment(const plx_comparison *c);
const plx_bitext *plx_comparison_bitext(const plx_comparison *c);

/* Every fact, unfiltered (owned by c; plx_facts_select works on a copy). */
const plx_fact *plx_comparison_facts(const plx_comparison *c, size_t *n);

/* How many facts filter (NULL: the defaults) reports as missing or in
 * conflict, a conflict counted once: 0 means the two agree. */
size_t plx_comparison_differences(const plx_comparison *c, const plx_fact_filter *filter);

/* The report, as `parallax diff` writes it (options->with_facts is
 * implied). For a bilingual file: JSON and text by unit, HTML as two
 * columns of units. Caller frees *out. */
plx_status plx_comparison_report(const plx_comparison *c, const plx_report_options *options,
                                 char **out, size_t *len, int *differences, plx_error *err);

#ifdef __cplusplus
}
#endif
#endif
