/* batch.c: many article pairs in one run, on worker threads, with results
 * given back in input order (see plx_batch.h). */
#include "internal.h"
#include "plx_batch.h"
#include "report_internal.h"

#include <jansson.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- parsing a job ---- */

void plx_batch_job_free(plx_batch_job *job) {
  if (!job) return;
  free(job->a);
  free(job->b);
  free(job->out);
  free(job->id);
  free(job->lang_a);
  free(job->lang_b);
  free(job->mode);
  free(job);
}

static char *S_strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = plx__malloc(n);
  memcpy(d, s, n);
  return d;
}

/* A string member: required or not, never empty. (A NUL inside, which
 * would make a path name another file, never gets here: jansson refuses
 * \u0000 unless asked to allow it.) */
static plx_status S_member(json_t *obj, const char *key, int required, char **out,
                           plx_error *err) {
  json_t *v = json_object_get(obj, key);
  if (!v) {
    if (required) return plx__fail(err, PLX_ERR_INPUT, "\"%s\" is missing", key);
    return PLX_OK;
  }
  if (!json_is_string(v)) return plx__fail(err, PLX_ERR_INPUT, "\"%s\" must be a string", key);
  size_t n = json_string_length(v);
  const char *s = json_string_value(v);
  if (n == 0 || !s[0]) return plx__fail(err, PLX_ERR_INPUT, "\"%s\" is empty", key);
  *out = S_strdup(s);
  return PLX_OK;
}

plx_status plx_batch_job_parse(const char *line, size_t len, plx_batch_job **job,
                               plx_error *err) {
  *job = NULL;
  json_error_t jerr;
  json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr);
  if (!root) return plx__fail(err, PLX_ERR_INPUT, "not JSON: %s (column %d)", jerr.text, jerr.column);
  plx_status st = PLX_OK;
  plx_batch_job *j = plx__calloc(1, sizeof *j);
  if (!json_is_object(root)) {
    st = plx__fail(err, PLX_ERR_INPUT, "not a JSON object");
    goto done;
  }
  static const char *known[] = {"a", "b", "out", "id", "lang_a", "lang_b", "mode"};
  const char *key;
  json_t *value;
  json_object_foreach(root, key, value) {
    size_t k = 0;
    while (k < sizeof known / sizeof *known && strcmp(key, known[k]) != 0) k++;
    if (k == sizeof known / sizeof *known) {
      st = plx__fail(err, PLX_ERR_INPUT,
                     "unknown key \"%.100s\" (known: a, b, out, id, lang_a, lang_b, mode)", key);
      goto done;
    }
  }
  if ((st = S_member(root, "a", 1, &j->a, err)) || (st = S_member(root, "b", 1, &j->b, err)) ||
      (st = S_member(root, "out", 0, &j->out, err)) ||
      (st = S_member(root, "lang_a", 0, &j->lang_a, err)) ||
      (st = S_member(root, "lang_b", 0, &j->lang_b, err)) ||
      (st = S_member(root, "mode", 0, &j->mode, err)))
    goto done;
  plx_align_mode mode;
  if (j->mode && plx_align_mode_parse(j->mode, &mode, NULL)) {
    st = plx__fail(err, PLX_ERR_INPUT, "\"mode\": unknown mode \"%.60s\"", j->mode);
    goto done;
  }
  for (int side = 0; side < 2; side++) {
    const char *l = side ? j->lang_b : j->lang_a;
    if (l && strcmp(l, "auto") && !plx_lang_supported(l)) {
      st = plx__fail(err, PLX_ERR_LANGUAGE, "\"%s\": unsupported language \"%.20s\"",
                     side ? "lang_b" : "lang_a", l);
      goto done;
    }
  }
  json_t *id = json_object_get(root, "id");
  if (id) j->id = json_dumps(id, JSON_COMPACT | JSON_ENCODE_ANY);
done:
  json_decref(root);
  if (st) {
    plx_batch_job_free(j);
    return st;
  }
  *job = j;
  return PLX_OK;
}

/* ---- running one pair ---- */

void plx_batch_options_init(plx_batch_options *o) {
  memset(o, 0, sizeof *o);
  plx_doc_options_init(&o->doc);
  plx_align_options_init(&o->align);
  plx_lexicon_options_init(&o->lexicon);
  o->out_format = PLX_FORMAT_JSON;
  plx_fact_filter_init(&o->facts);
  o->threads = 1;
}

typedef struct S_job {
  size_t line; /* 1-based line number in the input */
  const char *text;
  size_t len;
  char *result; /* the result line, once done */
  size_t result_len;
} S_job;

/* The job's id as compact JSON, also when the job was refused for another
 * reason, so that a pipeline can tell which of its jobs failed; NULL when
 * it has none. Caller frees. */
static char *S_id(const plx_batch_job *j, const S_job *x) {
  if (j) return j->id ? plx__strndup(j->id, strlen(j->id)) : NULL;
  json_t *root = json_loadb(x->text, x->len, JSON_DECODE_ANY, NULL);
  json_t *id = json_is_object(root) ? json_object_get(root, "id") : NULL;
  char *s = id ? json_dumps(id, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
  json_decref(root);
  return s;
}

static plx_status S_write_report(const char *path, const char *data, size_t len, plx_error *err) {
  plx_output *o = NULL;
  plx_status st = plx_output_open(path, &o, err);
  if (st) return st;
  if ((st = plx_output_write(o, data, len, err))) {
    plx_output_abort(o);
    return st;
  }
  return plx_output_commit(o, err);
}

/* Whether out names the same file as a or b (by device and inode): a
 * report must never replace an article. */
static int S_same_file(const char *out, const char *a, const char *b) {
  struct stat so, si;
  if (stat(out, &so) != 0) return 0;
  const char *in[2] = {a, b};
  for (int k = 0; k < 2; k++)
    if (stat(in[k], &si) == 0 && si.st_dev == so.st_dev && si.st_ino == so.st_ino) return 1;
  return 0;
}

struct S_worker;
static plx_status S_lexicon_for(struct S_worker *wk, const plx_batch_options *o, const char *la,
                                const char *lb, plx_lexicon **lex, plx_error *err);

/* Compare the pair of a job; writes with w the members of the result
 * line that follow "b" (mode, summary, and the report or where it went).
 * Returns the status of the failure, if any. */
static plx_status S_compare(const plx_batch_options *o, struct S_worker *wk,
                            const plx_batch_job *j, plx__jw *w, int *different,
                            plx_error *err) {
  plx_lexicon *lex = NULL;
  plx_doc_options dopt[2] = {o->doc, o->doc};
  dopt[0].lang = j->lang_a ? j->lang_a : o->lang_a;
  dopt[1].lang = j->lang_b ? j->lang_b : o->lang_b;
  plx_align_options aopt = o->align;
  if (j->mode) plx_align_mode_parse(j->mode, &aopt.mode, NULL);
  plx_doc *docs[2] = {NULL, NULL};
  plx_alignment *al = NULL;
  plx_fact *facts = NULL;
  size_t nf = 0;
  plx_status st = PLX_OK;
  for (int side = 0; side < 2 && !st; side++) {
    const char *path = side ? j->b : j->a;
    plx_error e = {0};
    st = plx_doc_load(path, &dopt[side], &docs[side], &e);
    if (st) plx__fail(err, st, "%s: %s", path, e.message[0] ? e.message : plx_strerror(st));
  }
  if (!st && !strcmp(plx_doc_lang(docs[0]), plx_doc_lang(docs[1])))
    st = plx__fail(err, PLX_ERR_LANGUAGE,
                   "both articles are in '%s'; Parallax compares two languages",
                   plx_doc_lang(docs[0]));
  if (!st) st = S_lexicon_for(wk, o, plx_doc_lang(docs[0]), plx_doc_lang(docs[1]), &lex, err);
  if (!st) st = plx_align(lex, docs[0], docs[1], &aopt, &al, err);
  if (!st) st = plx_facts(al, &facts, &nf, err);
  if (!st) nf = plx_facts_select(facts, nf, &o->facts);
  if (!st) {
    *different = 0;
    for (size_t k = 0; k < nf; k++)
      if (facts[k].status != PLX_FACT_MATCHED) *different = 1;
    plx__jw_key(w, "mode");
    plx__jw_str(w, plx_align_mode_name(plx_alignment_mode(al)));
    plx__jw_key(w, "summary");
    plx__summary_json(w, al, docs[0], docs[1], facts, nf);
    if (j->out && S_same_file(j->out, j->a, j->b)) {
      st = plx__fail(err, PLX_ERR_USAGE,
                     "%s: is an input file; the report would replace it", j->out);
    } else if (j->out) {
      char *report = NULL;
      size_t len = 0;
      plx_report_options ro;
      plx_report_options_init(&ro);
      ro.format = o->out_format;
      if (o->out_format_from_name) {
        size_t n = strlen(j->out);
        if ((n >= 5 && !strcmp(j->out + n - 5, ".html")) ||
            (n >= 4 && !strcmp(j->out + n - 4, ".htm")))
          ro.format = PLX_FORMAT_HTML;
        else if (n >= 4 && !strcmp(j->out + n - 4, ".txt"))
          ro.format = PLX_FORMAT_TEXT;
      }
      ro.with_facts = 1;
      ro.facts = o->facts;
      st = plx__alignment_render_facts(al, docs[0], docs[1], j->a, j->b, &ro, facts, nf,
                                       &report, &len, err);
      if (!st) st = S_write_report(j->out, report, len, err);
      free(report);
      if (!st) {
        plx__jw_key(w, "out");
        plx__jw_str(w, j->out);
      }
    } else {
      plx__jw_key(w, "report");
      plx__alignment_json(w, al, docs[0], docs[1], j->a, j->b, facts, nf, 1);
    }
  }
  free(facts);
  plx_alignment_free(al);
  plx_doc_free(docs[0]);
  plx_doc_free(docs[1]);
  return st;
}

/* Run job x and leave its result line in x->result. Returns 0 for same, 1
 * for different, 2 for a failure. */
static int S_run_job(const plx_batch_options *o, struct S_worker *wk, S_job *x) {
  plx_error err = {0};
  plx_batch_job *j = NULL;
  plx_status st = plx_batch_job_parse(x->text, x->len, &j, &err);
  /* what follows "b" is written aside: on a failure it is dropped, so that
   * the line keeps what a reader needs, the failure, not a half-made
   * summary */
  plx__buf tail = {0};
  plx__jw tw;
  plx__jw_init(&tw, &tail);
  tw.depth = 1;
  tw.count[0] = 1;
  int different = 0;
  if (!st) st = S_compare(o, wk, j, &tw, &different, &err);
  int outcome = st ? 2 : different;
  plx__buf b = {0};
  plx__jw w;
  plx__jw_init(&w, &b);
  plx__jw_object(&w);
  plx__jw_key(&w, "line");
  plx__jw_int(&w, (long long)x->line);
  plx__jw_key(&w, "id");
  char *id = S_id(j, x);
  if (id) plx__jw_raw(&w, id, strlen(id));
  else plx__jw_null(&w);
  free(id);
  plx__jw_key(&w, "status");
  plx__jw_str(&w, st ? "error" : different ? "different" : "same");
  if (j) {
    plx__jw_key(&w, "a");
    plx__jw_str(&w, j->a);
    plx__jw_key(&w, "b");
    plx__jw_str(&w, j->b);
  }
  if (st) {
    plx__jw_key(&w, "error");
    plx__jw_str(&w, err.message[0] ? err.message : plx_strerror(st));
  } else {
    plx__buf_put(&b, tail.data, tail.len);
  }
  plx__jw_object_end(&w);
  plx__buf_putc(&b, '\n');
  plx__buf_free(&tail);
  plx_batch_job_free(j);
  x->result = plx__buf_detach(&b, &x->result_len);
  return outcome;
}

/* ---- the workers ---- */

typedef struct S_batch {
  const plx_batch_options *o;
  S_job *jobs;
  size_t njobs;
  pthread_mutex_t lock;
  size_t next_job;  /* next job to start */
  size_t next_emit; /* next result to give to the sink */
  size_t done;
  int stop;         /* the sink failed: start no more jobs */
  plx_batch_sink sink;
  void *sink_data;
  plx_status sink_status;
  plx_error *err;
  plx_batch_stats *stats;
} S_batch;

/* A worker's lexicons, one per pair of languages met in its jobs (made on
 * first need): a batch may mix English-Spanish, English-Russian and
 * Spanish-Russian pairs. */
#define S_MAX_PAIRS 8

typedef struct S_worker {
  S_batch *batch;
  plx_lexicon *lex[S_MAX_PAIRS];
  char pair[S_MAX_PAIRS][2][8];
  size_t nlex;
  pthread_t thread;
} S_worker;

/* Give the sink every finished result at the head of the queue, so that
 * results come out in input order whatever order the workers finish in.
 * Called with the lock held. */
static void S_flush(S_batch *b) {
  while (b->next_emit < b->njobs && b->jobs[b->next_emit].result) {
    S_job *x = &b->jobs[b->next_emit];
    if (!b->stop) {
      plx_status st = b->sink(x->result, x->result_len, b->sink_data, b->err);
      if (st) {
        b->stop = 1;
        b->sink_status = st;
      }
    }
    free(x->result);
    x->result = (char *)""; /* emitted; not NULL so that the loop moves on */
    x->result_len = 0;
    b->next_emit++;
  }
}

/* The worker's lexicon for languages la and lb, in either order. The
 * batch's own (its options' pair, with the user lexicon if one was given)
 * is made before the jobs start; another pair gets the packaged data. */
static plx_status S_lexicon_for(struct S_worker *wk, const plx_batch_options *o, const char *la,
                                const char *lb, plx_lexicon **lex, plx_error *err) {
  for (size_t k = 0; k < wk->nlex; k++)
    if ((!strcmp(wk->pair[k][0], la) && !strcmp(wk->pair[k][1], lb)) ||
        (!strcmp(wk->pair[k][0], lb) && !strcmp(wk->pair[k][1], la))) {
      *lex = wk->lex[k];
      return PLX_OK;
    }
  if (wk->nlex == S_MAX_PAIRS)
    return plx__fail(err, PLX_ERR_INTERNAL, "too many language pairs in one batch");
  plx_lexicon_options lo = o->lexicon;
  lo.lang_a = la;
  lo.lang_b = lb;
  lo.lexicon_path = NULL;
  lo.replace_default = 0;
  plx_status st = plx_lexicon_new(&lo, &wk->lex[wk->nlex], err);
  if (st) return st;
  snprintf(wk->pair[wk->nlex][0], sizeof wk->pair[0][0], "%s", la);
  snprintf(wk->pair[wk->nlex][1], sizeof wk->pair[0][1], "%s", lb);
  *lex = wk->lex[wk->nlex++];
  return PLX_OK;
}

static void *S_work(void *arg) {
  S_worker *w = arg;
  S_batch *b = w->batch;
  for (;;) {
    pthread_mutex_lock(&b->lock);
    if (b->stop || b->next_job >= b->njobs) {
      pthread_mutex_unlock(&b->lock);
      return NULL;
    }
    S_job *x = &b->jobs[b->next_job++];
    pthread_mutex_unlock(&b->lock);
    int outcome = S_run_job(b->o, w, x);
    pthread_mutex_lock(&b->lock);
    if (outcome == 0) b->stats->same++;
    else if (outcome == 1) b->stats->different++;
    else b->stats->failed++;
    b->done++;
    S_flush(b);
    if (b->o->progress && !b->stop) b->o->progress(b->done, b->njobs, b->o->progress_data);
    pthread_mutex_unlock(&b->lock);
  }
}

static S_job *S_split_lines(const char *input, size_t len, size_t *n) {
  size_t cap = 0, count = 0, line = 0;
  S_job *jobs = NULL;
  size_t p = 0;
  while (p < len) {
    const char *nl = memchr(input + p, '\n', len - p);
    size_t e = nl ? (size_t)(nl - input) : len;
    line++;
    size_t s = p, t = e;
    while (s < t && (input[s] == ' ' || input[s] == '\t' || input[s] == '\r')) s++;
    while (t > s && (input[t - 1] == ' ' || input[t - 1] == '\t' || input[t - 1] == '\r')) t--;
    if (t > s) {
      if (count == cap) {
        cap = cap ? cap * 2 : 64;
        jobs = plx__realloc(jobs, cap * sizeof *jobs);
      }
      jobs[count++] = (S_job){line, input + s, t - s, NULL, 0};
    }
    p = e + 1;
  }
  *n = count;
  return jobs;
}

plx_status plx_batch_run(const plx_batch_options *o, const char *input, size_t len,
                         plx_batch_sink sink, void *sink_data, plx_batch_stats *stats,
                         plx_error *err) {
  plx_batch_stats local;
  if (!stats) stats = &local;
  memset(stats, 0, sizeof *stats);
  S_batch b = {.o = o, .sink = sink, .sink_data = sink_data, .err = err, .stats = stats};
  b.jobs = S_split_lines(input, len, &b.njobs);
  stats->jobs = b.njobs;
  if (b.njobs == 0) return PLX_OK;
  long online = sysconf(_SC_NPROCESSORS_ONLN);
  size_t nthreads = o->threads ? o->threads : (online > 0 ? (size_t)online : 1);
  if (nthreads > b.njobs) nthreads = b.njobs;
  /* libxml2 must be initialised once before threads use it */
  xmlInitParser();
  S_worker *w = plx__calloc(nthreads, sizeof *w);
  plx_status st = PLX_OK;
  /* Each worker gets its own lexicon: a lexicon caches analyses and is not
   * shared between threads; their mapped files are. */
  for (size_t k = 0; k < nthreads && !st; k++) {
    w[k].batch = &b;
    st = plx_lexicon_new(&o->lexicon, &w[k].lex[0], err);
    if (!st) {
      snprintf(w[k].pair[0][0], sizeof w[k].pair[0][0], "%s",
               o->lexicon.lang_a ? o->lexicon.lang_a : "en");
      snprintf(w[k].pair[0][1], sizeof w[k].pair[0][1], "%s",
               o->lexicon.lang_b ? o->lexicon.lang_b : "es");
      w[k].nlex = 1;
    }
  }
  pthread_mutex_init(&b.lock, NULL);
  size_t started = 0;
  if (!st) {
    if (nthreads == 1) {
      S_work(&w[0]);
      started = 0;
    } else {
      for (; started < nthreads; started++)
        if (pthread_create(&w[started].thread, NULL, S_work, &w[started]) != 0) break;
      if (started == 0) st = plx__fail(err, PLX_ERR_INTERNAL, "cannot start a worker thread");
      /* with fewer threads than asked the started ones still do every job */
      for (size_t k = 0; k < started; k++) pthread_join(w[k].thread, NULL);
    }
  }
  stats->threads = (unsigned)(nthreads == 1 ? 1 : started);
  pthread_mutex_destroy(&b.lock);
  if (!st && b.stop) st = b.sink_status;
  for (size_t k = 0; k < b.njobs; k++)
    if (b.jobs[k].result && b.jobs[k].result[0]) free(b.jobs[k].result);
  for (size_t k = 0; k < nthreads; k++)
    for (size_t q = 0; q < w[k].nlex; q++) plx_lexicon_free(w[k].lex[q]);
  free(w);
  free(b.jobs);
  return st;
}
