/* plx_batch.h: compare many article pairs in one run.
 *
 * A batch is a list of jobs in JSON Lines, one object per line:
 *
 *   {"a": "en/1.txt", "b": "es/1.txt", "out": "reports/1.json", "id": 1}
 *
 * "a" and "b" are required; "out" (write the pair's report there, whole or
 * not at all), "id" (any JSON value, echoed back), "lang_a", "lang_b" and
 * "mode" (overriding the batch's options for this pair) are optional; any
 * other key is an error, so that a misspelt key is not silently ignored.
 * Blank lines are skipped.
 *
 * For each job, in input order, the sink receives one result line (JSON and
 * a newline): the job's "line" number and "id", its "status" ("same",
 * "different" or "error"), and either a "summary" with the counts of the
 * report and the report itself ("report", or "out" when it was written to a
 * file) or an "error" message. A failing job never stops the others.
 *
 * Jobs run on worker threads. Each worker opens its own plx_lexicon once,
 * for the whole batch (a lexicon's caches are not shared between threads);
 * the data files are mapped, so their pages are shared by all workers.
 */
#ifndef PLX_BATCH_H
#define PLX_BATCH_H

#include <stddef.h>
#include "plx_base.h"
#include "plx_corpus.h"
#include "plx_lexicon.h"
#include "plx_align.h"
#include "plx_report.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One job, parsed from a line of the batch input. */
typedef struct plx_batch_job {
  char *a, *b;           /* article paths */
  char *out;             /* report path, or NULL: report in the result line */
  char *id;              /* the "id" value as compact JSON, or NULL */
  char *lang_a, *lang_b; /* per-job languages, or NULL */
  char *mode;            /* "auto", "parallel", "comparable", or NULL */
} plx_batch_job;

/* Parse one line (without its newline). On failure err says why (without
 * the line number, which the caller knows) and *job is NULL. Free with
 * plx_batch_job_free. */
plx_status plx_batch_job_parse(const char *line, size_t len, plx_batch_job **job,
                               plx_error *err);
void plx_batch_job_free(plx_batch_job *job);

/* Receives each result line, in input order; a nonzero status stops the
 * batch (e.g. the output cannot be written) and is returned by
 * plx_batch_run with err as the sink filled it. */
typedef plx_status (*plx_batch_sink)(const char *line, size_t len, void *data,
                                     plx_error *err);

/* Called after each job with how many are done out of how many. */
typedef void (*plx_batch_progress)(size_t done, size_t total, void *data);

typedef struct plx_batch_options {
  plx_doc_options doc;         /* for both articles (lang: see lang_a, lang_b) */
  const char *lang_a, *lang_b; /* default languages, or NULL to detect */
  plx_align_options align;
  plx_lexicon_options lexicon; /* how each worker opens its lexicon */
  plx_format out_format;       /* format of "out" files (default JSON) */
  int out_format_from_name;    /* nonzero: an "out" ending in .html, .htm or
                                * .txt is written as HTML or text, others
                                * in out_format */
  plx_fact_filter facts;       /* the facts reported, and that make a pair different */
  unsigned threads;            /* workers; 0: one per online processor */
  plx_batch_progress progress; /* may be NULL */
  void *progress_data;
} plx_batch_options;

void plx_batch_options_init(plx_batch_options *options);

typedef struct plx_batch_stats {
  size_t jobs, same, different, failed;
  unsigned threads; /* workers actually used */
} plx_batch_stats;

/* Run the jobs of input[0,len) (JSON Lines). Returns PLX_OK when every job
 * was run and its result given to the sink, whatever the jobs' outcomes
 * (see stats); an error only when the batch itself could not go on (the
 * lexicon cannot be opened, a thread cannot start, the sink failed). */
plx_status plx_batch_run(const plx_batch_options *options, const char *input, size_t len,
                         plx_batch_sink sink, void *sink_data, plx_batch_stats *stats,
                         plx_error *err);

#ifdef __cplusplus
}
#endif
#endif
