/* fuzz_diff.c: the whole comparison, two articles in, a report out
 * (`parallax diff`, `parallax align`).
 *
 * Input: one byte of options, then article A, a NUL byte, article B (no
 * NUL: B is empty). The option bits:
 *   0-1  mode: auto, parallel, comparable, auto
 *   2    --segmented (else the format is found by content: text, HTML, XML)
 *   3    A is Spanish and B English (else A English, B Spanish)
 *   4-5  report: JSON with facts (diff), text with facts, JSON without
 *        facts (align), TMX
 * The lexicon (the default data of the source tree, the system's Hunspell
 * dictionaries) is loaded once and kept across inputs, as a long-running
 * caller would; it caches word analyses, so it is reloaded every
 * S_RELOAD inputs to keep memory bounded. Checked: facts lie in their
 * sentences and in the text, counterparts name sentences that exist, the
 * JSON report reads back. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "common.h"
#include "plx_align.h"
#include "plx_corpus.h"
#include "plx_lexicon.h"
#include "plx_report.h"

#define S_RELOAD 20000

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static plx_lexicon *S_lex;
static unsigned long S_runs;

static plx_lexicon *S_lexicon(void) {
  if (S_lex && ++S_runs % S_RELOAD == 0) {
    plx_lexicon_free(S_lex);
    S_lex = NULL;
  }
  if (!S_lex) {
    plx_error err = {0};
    if (plx_lexicon_new(NULL, &S_lex, &err) != PLX_OK) {
      fprintf(stderr, "fuzz_diff: cannot load the lexicon: %s\n", err.message);
      abort();
    }
  }
  return S_lex;
}

static void S_check_facts(const plx_fact *f, size_t nf, const plx_doc *d[2]) {
  for (size_t k = 0; k < nf; k++) {
    PLX_FUZZ_CHECK(f[k].side == 0 || f[k].side == 1);
    const plx_doc *doc = d[f[k].side], *other = d[!f[k].side];
    PLX_FUZZ_CHECK(f[k].sentence < plx_doc_sentence_count(doc));
    const plx_sentence *s = plx_doc_sentence(doc, f[k].sentence);
    PLX_FUZZ_CHECK(s->start <= f[k].start && f[k].start <= f[k].end && f[k].end <= s->end);
    size_t len;
    const char *t = plx_doc_text(doc, &len);
    PLX_FUZZ_CHECK(plx_fuzz_utf8_ok(t + f[k].start, f[k].end - f[k].start));
    PLX_FUZZ_CHECK(f[k].type != NULL);
    PLX_FUZZ_CHECK(f[k].value && f[k].cp_value && f[k].evidence);
    PLX_FUZZ_CHECK(plx_fuzz_utf8_ok(f[k].value, strlen(f[k].value)));
    PLX_FUZZ_CHECK((unsigned)f[k].status <= PLX_FACT_CONFLICT);
    if (f[k].has_counterpart) {
      PLX_FUZZ_CHECK(f[k].cp_sentence < plx_doc_sentence_count(other));
      const plx_sentence *c = plx_doc_sentence(other, f[k].cp_sentence);
      PLX_FUZZ_CHECK(c->start <= f[k].cp_start && f[k].cp_start <= f[k].cp_end &&
                     f[k].cp_end <= c->end);
    }
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  unsigned flags = data[0];
  const char *a = (const char *)data + 1, *b = "";
  size_t alen = size - 1, blen = 0;
  const char *nul = memchr(a, '\0', alen);
  if (nul) {
    b = nul + 1;
    blen = alen - (size_t)(b - a);
    alen = (size_t)(nul - a);
  }
  plx_align_mode mode = (flags & 3) == 1 ? PLX_MODE_PARALLEL
                        : (flags & 3) == 2 ? PLX_MODE_COMPARABLE
                                           : PLX_MODE_AUTO;
  int swap = (flags & 8) != 0, report = (flags >> 4) & 3;

  plx_doc *doc[2] = {NULL, NULL};
  plx_doc_options opt;
  plx_doc_options_init(&opt);
  opt.segmented = (flags & 4) != 0;
  for (int side = 0; side < 2; side++) {
    opt.lang = (side ^ swap) ? "es" : "en";
    plx_error err = {0};
    plx_status st = plx_doc_parse(side ? b : a, side ? blen : alen, &opt, &doc[side], &err);
    PLX_FUZZ_CHECK_ERROR(st, err);
    if (st) goto done;
    plx_fuzz_check_doc(doc[side]);
  }

  plx_lexicon *lex = S_lexicon();
  plx_align_options ao;
  plx_align_options_init(&ao);
  ao.mode = mode;
  plx_alignment *al = NULL;
  plx_error err = {0};
  plx_status st = plx_align(lex, doc[0], doc[1], &ao, &al, &err);
  PLX_FUZZ_CHECK_ERROR(st, err);
  if (st) goto done;
  PLX_FUZZ_CHECK(plx_alignment_mode(al) != PLX_MODE_AUTO);
  for (size_t k = 0; k < plx_alignment_link_count(al); k++) {
    const plx_link *l = plx_alignment_link(al, k);
    PLX_FUZZ_CHECK(l->na >= 1 && l->nb >= 1);
    PLX_FUZZ_CHECK(l->score >= 0.0 && l->score <= 1.0);
    for (size_t i = 0; i < l->na; i++)
      PLX_FUZZ_CHECK(l->a[i] < plx_doc_sentence_count(doc[0]) && (i == 0 || l->a[i - 1] < l->a[i]));
    for (size_t i = 0; i < l->nb; i++)
      PLX_FUZZ_CHECK(l->b[i] < plx_doc_sentence_count(doc[1]) && (i == 0 || l->b[i - 1] < l->b[i]));
  }
  plx_fact *facts = NULL;
  size_t nf = 0;
  st = plx_facts(al, &facts, &nf, &err);
  PLX_FUZZ_CHECK_ERROR(st, err);
  if (!st) S_check_facts(facts, nf, (const plx_doc **)doc);
  free(facts);

  static const plx_format formats[4] = {PLX_FORMAT_JSON, PLX_FORMAT_TEXT, PLX_FORMAT_JSON,
                                        PLX_FORMAT_TMX};
  char *out = NULL;
  size_t olen = 0;
  int differences = 0;
  st = plx_alignment_render(al, doc[0], doc[1], "a.txt", "b.txt", formats[report], report != 2,
                            0.5, &out, &olen, &differences, &err);
  PLX_FUZZ_CHECK_ERROR(st, err);
  if (!st) {
    PLX_FUZZ_CHECK(out != NULL && strlen(out) == olen);
    PLX_FUZZ_CHECK(plx_fuzz_utf8_ok(out, olen));
    if (formats[report] == PLX_FORMAT_JSON) {
      json_error_t jerr;
      json_t *root = json_loadb(out, olen, 0, &jerr);
      PLX_FUZZ_CHECK(root != NULL);
      for (int side = 0; side < 2; side++) {
        json_t *sents = json_object_get(json_object_get(root, side ? "b" : "a"), "sentences");
        PLX_FUZZ_CHECK(json_array_size(sents) == plx_doc_sentence_count(doc[side]));
      }
      json_decref(root);
    }
  }
  free(out);
  plx_alignment_free(al);
done:
  plx_doc_free(doc[0]);
  plx_doc_free(doc[1]);
  return 0;
}
