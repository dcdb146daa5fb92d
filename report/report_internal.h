/* report_internal.h: shared by the report renderers; not installed. */
#ifndef PLX_REPORT_INTERNAL_H
#define PLX_REPORT_INTERNAL_H

#include <jansson.h>

#include "plx_corpus.h"

/* A document as INTERFACE.md's JSON has it: path (if given), lang, input,
 * the extracted text for HTML and XML, and the sentences. New reference. */
json_t *plx__doc_json(const plx_doc *doc, const char *path);

#endif
