/* plx_report.h: render results and write them safely.
 *
 * Renderers build the whole report in memory and hand it to the caller as a
 * string; plx_output then writes it so that a report file is either complete
 * or absent: a regular file (or a path that does not exist yet) is written to
 * a temporary file beside it and renamed into place only once everything has
 * been written and flushed; a device, pipe or standard output is written in
 * place and never replaced.
 */
#ifndef PLX_REPORT_H
#define PLX_REPORT_H

#include <stddef.h>
#include "plx_base.h"
#include "plx_corpus.h"
#include "plx_align.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum plx_format {
  PLX_FORMAT_TEXT = 0,
  PLX_FORMAT_JSON,
  PLX_FORMAT_HTML,
  PLX_FORMAT_TMX
} plx_format;

/* The format of a name ("text", "json", "html", "tmx"): PLX_OK and *out
 * set, or PLX_ERR_USAGE (naming the known ones) and *out unchanged. */
plx_status plx_format_parse(const char *name, plx_format *out, plx_error *err);

/* Render the sentences of a document, as `parallax split` prints them.
 * Text: one sentence per line (line breaks inside a sentence become spaces).
 * JSON: {"lang", "input", "sentences": [{"id","start","end","text","kind"}]}
 * plus "text" (the extracted text) for HTML and XML input. path may be NULL.
 * On success *out is a NUL-terminated string the caller frees. */
plx_status plx_split_render(const plx_doc *doc, const char *path,
                            plx_format format, char **out, size_t *len,
                            plx_error *err);

/* Render an alignment: `parallax align` (with_facts == 0: links and gaps)
 * or `parallax diff` (with_facts != 0: also each fact and its status).
 * JSON per INTERFACE.md, a text report, TMX (align only: translation
 * units for links scoring at least min_score), or HTML (diff only: one
 * self-contained side-by-side page; PLX_ERR_USAGE without facts).
 * *differences (may be NULL) is set when a fact is missing or in conflict.
 * Caller frees *out. */
plx_status plx_alignment_render(const plx_alignment *al, const plx_doc *a, const plx_doc *b,
                                const char *path_a, const char *path_b, plx_format format,
                                int with_facts, double min_score, char **out, size_t *len,
                                int *differences, plx_error *err);

/* How to render an alignment (see plx_alignment_report). */
typedef struct plx_report_options {
  plx_format format;
  int with_facts;   /* diff (facts) rather than align */
  double min_score; /* TMX: only links scoring at least this (0.5) */
  int color;        /* text: ANSI colours and bold (for a terminal) */
  plx_fact_filter facts; /* diff: the facts reported (and that make a difference) */
} plx_report_options;

void plx_report_options_init(plx_report_options *options);

/* plx_alignment_render with options; the text report is in colour when
 * options->color is set (the caller decides: a terminal, NO_COLOR unset). */
plx_status plx_alignment_report(const plx_alignment *al, const plx_doc *a, const plx_doc *b,
                                const char *path_a, const char *path_b,
                                const plx_report_options *options, char **out, size_t *len,
                                int *differences, plx_error *err);

/* How many terminal columns UTF-8 text takes: East Asian wide and
 * full-width characters count two, combining marks and format characters
 * none, others one (so that accents and CJK line up in a fixed-width
 * font). Invalid bytes count one each. */
size_t plx_display_width(const char *s, size_t len);

typedef struct plx_output plx_output;

/* Open a destination: NULL or "-" for standard output, else a path. */
plx_status plx_output_open(const char *path, plx_output **out, plx_error *err);

/* Append bytes. Errors are remembered and reported by commit as well. */
plx_status plx_output_write(plx_output *o, const char *data, size_t len,
                            plx_error *err);

/* Finish: flush, check for errors, rename the temporary file into place.
 * Frees o whatever the outcome; on failure nothing is left behind. */
plx_status plx_output_commit(plx_output *o, plx_error *err);

/* Give up: remove the temporary file, if any, and free o. Accepts NULL. */
void plx_output_abort(plx_output *o);

#ifdef __cplusplus
}
#endif
#endif
