/* compare.c: read, align and find the facts in one call (plx_compare.h). */
#include "report_internal.h"
#include "plx_compare.h"
#include "plx_units.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct plx_comparison {
  plx_doc *doc[2];
  char *path[2];
  plx_bitext *bt;
  plx_lexicon *lex;
  int own_lex;
  plx_alignment *al;
  plx_fact *facts;
  size_t nfacts;
};

void plx_compare_options_init(plx_compare_options *o) {
  memset(o, 0, sizeof *o);
  plx_doc_options_init(&o->doc);
  plx_align_options_init(&o->align);
  plx_lexicon_options_init(&o->lexicon);
}

void plx_comparison_free(plx_comparison *c) {
  if (!c) return;
  free(c->facts);
  plx_alignment_free(c->al);
  if (c->own_lex) plx_lexicon_free(c->lex);
  plx_doc_free(c->doc[0]);
  plx_doc_free(c->doc[1]);
  plx_bitext_free(c->bt);
  free(c->path[0]);
  free(c->path[1]);
  free(c);
}

/* The documents are read: open the lexicon, align, find the facts. */
static plx_status S_finish(plx_comparison *c, const plx_compare_options *o, plx_error *err) {
  const char *la = plx_doc_lang(c->doc[0]), *lb = plx_doc_lang(c->doc[1]);
  if (!strcmp(la, lb))
    return plx__fail(err, PLX_ERR_LANGUAGE,
                     "both articles are in '%s'; Parallax compares two languages", la);
  if (o->lexicon_shared) {
    c->lex = o->lexicon_shared;
  } else {
    plx_lexicon_options lo = o->lexicon;
    lo.lang_a = la;
    lo.lang_b = lb;
    plx_status st = plx_lexicon_new(&lo, &c->lex, err);
    if (st) return st;
    c->own_lex = 1;
  }
  plx_align_options ao = o->align;
  if (c->bt) ao.mode = PLX_MODE_PAIRED;
  plx_status st = plx_align(c->lex, c->doc[0], c->doc[1], &ao, &c->al, err);
  if (st) return st;
  return c->bt ? plx_units_facts(c->bt, c->al, &c->facts, &c->nfacts, err)
               : plx_facts(c->al, &c->facts, &c->nfacts, err);
}

static plx_status S_articles(const char *const path[2], const char *const buf[2],
                             const size_t len[2], const plx_compare_options *o,
                             plx_comparison **out, plx_error *err) {
  plx_compare_options defaults;
  if (!o) {
    plx_compare_options_init(&defaults);
    o = &defaults;
  }
  *out = NULL;
  plx_comparison *c = plx__calloc(1, sizeof *c);
  plx_status st = PLX_OK;
  for (int side = 0; side < 2 && !st; side++) {
    plx_doc_options d = o->doc;
    d.lang = side ? o->lang_b : o->lang_a;
    if (path[side]) c->path[side] = plx__strndup(path[side], strlen(path[side]));
    st = buf[side] ? plx_doc_parse(buf[side], len[side], &d, &c->doc[side], err)
                   : plx_doc_load(path[side], &d, &c->doc[side], err);
    if (st && path[side]) {
      /* say which article: the message is the library's, the file the caller's */
      char m[sizeof err->message];
      if (err) {
        snprintf(m, sizeof m, "%s", err->message);
        plx__fail(err, st, "%s: %s", path[side], m);
      }
    }
  }
  if (!st) st = S_finish(c, o, err);
  if (st) {
    plx_comparison_free(c);
    return st;
  }
  *out = c;
  return PLX_OK;
}

plx_status plx_compare_files(const char *path_a, const char *path_b,
                             const plx_compare_options *o, plx_comparison **out,
                             plx_error *err) {
  if (!path_a || !path_b) {
    *out = NULL;
    return plx__fail(err, PLX_ERR_USAGE, "plx_compare_files: two paths are needed");
  }
  const char *path[2] = {path_a, path_b}, *buf[2] = {NULL, NULL};
  size_t len[2] = {0, 0};
  return S_articles(path, buf, len, o, out, err);
}

plx_status plx_compare_buffers(const char *a, size_t a_len, const char *b, size_t b_len,
                               const plx_compare_options *o, plx_comparison **out,
                               plx_error *err) {
  const char *path[2] = {NULL, NULL}, *buf[2] = {a ? a : "", b ? b : ""};
  size_t len[2] = {a ? a_len : 0, b ? b_len : 0};
  return S_articles(path, buf, len, o, out, err);
}

static plx_status S_bitext(const char *path, const char *bytes, size_t len,
                           const plx_compare_options *o, plx_comparison **out, plx_error *err) {
  plx_compare_options defaults;
  if (!o) {
    plx_compare_options_init(&defaults);
    o = &defaults;
  }
  *out = NULL;
  plx_bitext_options bo;
  plx_bitext_options_init(&bo);
  bo.lang_source = o->lang_a;
  bo.lang_target = o->lang_b;
  bo.max_input_bytes = o->doc.max_input_bytes;
  plx_comparison *c = plx__calloc(1, sizeof *c);
  plx_status st = path ? plx_bitext_load(path, &bo, &c->bt, err)
                       : plx_bitext_parse(bytes, len, &bo, &c->bt, err);
  if (path) {
    c->path[0] = plx__strndup(path, strlen(path));
    c->path[1] = plx__strndup(path, strlen(path));
  }
  if (!st) st = plx_bitext_docs(c->bt, &c->doc[0], &c->doc[1], err);
  if (!st) st = S_finish(c, o, err);
  if (st) {
    plx_comparison_free(c);
    return st;
  }
  *out = c;
  return PLX_OK;
}

plx_status plx_compare_bitext_file(const char *path, const plx_compare_options *o,
                                   plx_comparison **out, plx_error *err) {
  if (!path) {
    *out = NULL;
    return plx__fail(err, PLX_ERR_USAGE, "plx_compare_bitext_file: no path");
  }
  return S_bitext(path, NULL, 0, o, out, err);
}

plx_status plx_compare_bitext_buffer(const char *bytes, size_t len,
                                     const plx_compare_options *o, plx_comparison **out,
                                     plx_error *err) {
  return S_bitext(NULL, bytes ? bytes : "", bytes ? len : 0, o, out, err);
}

const plx_doc *plx_comparison_doc(const plx_comparison *c, int side) {
  return c->doc[side ? 1 : 0];
}
const plx_alignment *plx_comparison_alignment(const plx_comparison *c) { return c->al; }
const plx_bitext *plx_comparison_bitext(const plx_comparison *c) { return c->bt; }

const plx_fact *plx_comparison_facts(const plx_comparison *c, size_t *n) {
  if (n) *n = c->nfacts;
  return c->facts;
}

/* A copy of the facts' structs (their strings stay in c's block), with
 * those filter selects. */
static plx_fact *S_selected(const plx_comparison *c, const plx_fact_filter *filter, size_t *n) {
  plx_fact *f = plx__malloc((c->nfacts + 1) * sizeof *f);
  if (c->nfacts) memcpy(f, c->facts, c->nfacts * sizeof *f);
  *n = plx_facts_select(f, c->nfacts, filter);
  return f;
}

size_t plx_comparison_differences(const plx_comparison *c, const plx_fact_filter *filter) {
  plx_fact_filter defaults;
  if (!filter) {
    plx_fact_filter_init(&defaults);
    filter = &defaults;
  }
  size_t nf;
  plx_fact *f = S_selected(c, filter, &nf);
  /* as the reports count them: a conflict once */
  plx__report_counts rc;
  plx__report_count(c->al, c->doc[0], c->doc[1], f, nf, &rc);
  free(f);
  return rc.missing[0] + rc.missing[1] + rc.conflicts;
}

plx_status plx_comparison_report(const plx_comparison *c, const plx_report_options *o,
                                 char **out, size_t *len, int *differences, plx_error *err) {
  plx_report_options defaults;
  if (!o) {
    plx_report_options_init(&defaults);
    o = &defaults;
  }
  *out = NULL;
  if (differences) *differences = 0;
  size_t nf;
  plx_fact *f = S_selected(c, &o->facts, &nf);
  for (size_t k = 0; k < nf && differences; k++)
    if (f[k].status != PLX_FACT_MATCHED) *differences = 1;
  plx_status st;
  if (c->bt) {
    st = plx__bitext_render(c->bt, c->al, c->doc[0], c->doc[1], c->path[0], o, f, nf, out, len,
                            err);
  } else {
    plx_report_options ro = *o;
    ro.with_facts = 1;
    st = plx__alignment_render_facts(c->al, c->doc[0], c->doc[1], c->path[0], c->path[1], &ro, f,
                                     nf, out, len, err);
  }
  free(f);
  return st;
}
