/* report_internal.h: shared by the report renderers; not installed. */
#ifndef PLX_REPORT_INTERNAL_H
#define PLX_REPORT_INTERNAL_H

#include <jansson.h>

#include "plx_corpus.h"
#include "plx_align.h"

/* A document as INTERFACE.md's JSON has it: path (if given), lang, input,
 * the extracted text for HTML and XML, and the sentences. New reference. */
json_t *plx__doc_json(const plx_doc *doc, const char *path);

/* An alignment as INTERFACE.md's JSON has it (align: with_facts == 0;
 * diff: with the facts given). New reference. */
json_t *plx__alignment_json(const plx_alignment *al, const plx_doc *a, const plx_doc *b,
                            const char *pa, const char *pb, const plx_fact *facts, size_t nf,
                            int with_facts);

#endif
