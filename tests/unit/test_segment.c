/* test_segment.c: the sentence splitter against tests/data/segment_spec.txt
 * and tests/data/segment_regressions.txt, plus span invariants on the demo
 * articles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "test.h"

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  plx__buf b = {0};
  char chunk[4096];
  size_t r;
  while ((r = fread(chunk, 1, sizeof chunk, f)) > 0) plx__buf_put(&b, chunk, r);
  fclose(f);
  return plx__buf_detach(&b, len);
}

static const char *srcdir(void) {
  const char *s = getenv("srcdir");
  return s ? s : ".";
}

/* Sentence i as one line: a line break inside it is written "\n". */
static char *sentence_line(const plx_doc *doc, size_t i) {
  size_t len;
  const char *t = plx_doc_text(doc, &len);
  const plx_sentence *s = plx_doc_sentence(doc, i);
  plx__buf b = {0};
  for (size_t k = s->start; k < s->end; k++) {
    if (t[k] == '\r') continue;
    if (t[k] == '\n') plx__buf_puts(&b, "\\n");
    else plx__buf_putc(&b, t[k]);
  }
  return plx__buf_detach(&b, NULL);
}

static int run_spec(const char *name) {
  char path[1024];
  snprintf(path, sizeof path, "%s/tests/data/%s", srcdir(), name);
  size_t len;
  char *spec = slurp(path, &len);
  CHECK(spec != NULL);
  if (!spec) return 0;
  int examples = 0;
  char *p = spec;
  /* examples start at a line beginning "### " */
  while ((p = (strncmp(p, "### ", 4) == 0) ? p : strstr(p, "\n### ")) != NULL) {
    if (*p == '\n') p++;
    char *title = p + 4;
    char *eol = strchr(title, '\n');
    if (!eol) break;
    *eol = '\0';
    char *lang = eol + 1;
    if (strncmp(lang, "@@ ", 3) != 0) {
      fprintf(stderr, "%s: malformed example '%s'\n", name, title);
      t_failed++;
      break;
    }
    lang += 3;
    char *lend = strchr(lang, '\n');
    *lend = '\0';
    char *input = lend + 1;
    char *sep = strstr(input, "\n--\n");
    if (!sep) break;
    *sep = '\0';
    char *exp = sep + 4;
    char *expend = strstr(exp, "\n\n");
    if (!expend) expend = exp + strlen(exp);
    char *next = *expend ? expend + 2 : expend;
    *expend = '\0';
    while (expend > exp && expend[-1] == '\n') *--expend = '\0';

    plx__buf in = {0};
    int crlf = strstr(title, "CRLF") != NULL;
    for (char *c = input; *c; c++) {
      if (*c == '\n' && crlf) plx__buf_putc(&in, '\r');
      plx__buf_putc(&in, *c);
    }
    plx_doc_options o;
    plx_doc_options_init(&o);
    o.lang = lang;
    o.format = PLX_INPUT_TEXT;
    plx_doc *doc = NULL;
    plx_error err = {0};
    t_run++;
    if (plx_doc_parse(in.data, in.len, &o, &doc, &err)) {
      t_failed++;
      fprintf(stderr, "%s: '%s': %s\n", name, title, err.message);
    } else {
      plx__buf got = {0};
      for (size_t i = 0; i < plx_doc_sentence_count(doc); i++) {
        char *s = sentence_line(doc, i);
        plx__buf_puts(&got, s);
        if (i + 1 < plx_doc_sentence_count(doc)) plx__buf_putc(&got, '\n');
        free(s);
      }
      if (strcmp(got.data ? got.data : "", exp) != 0) {
        t_failed++;
        fprintf(stderr, "%s: '%s'\n--- want\n%s\n--- got\n%s\n", name, title, exp,
                got.data ? got.data : "");
      }
      plx__buf_free(&got);
      plx_doc_free(doc);
    }
    plx__buf_free(&in);
    examples++;
    p = next;
  }
  free(spec);
  return examples;
}

/* Every sentence of the demo articles is a trimmed, non-empty span inside
 * the text, in order, with no overlap. */
static void check_spans(const char *file, const char *lang, size_t want_count) {
  char path[1024];
  snprintf(path, sizeof path, "%s/corpus/jedi/%s", srcdir(), file);
  size_t len;
  char *bytes = slurp(path, &len);
  CHECK(bytes != NULL);
  if (!bytes) return;
  plx_doc_options o;
  plx_doc_options_init(&o);
  o.lang = lang;
  plx_doc *doc = NULL;
  plx_error err = {0};
  CHECK_INT(plx_doc_parse(bytes, len, &o, &doc, &err), PLX_OK);
  if (doc) {
    size_t tl;
    const char *t = plx_doc_text(doc, &tl);
    CHECK_INT(tl, len);
    CHECK(memcmp(t, bytes, len) == 0);
    size_t prev_end = 0;
    for (size_t i = 0; i < plx_doc_sentence_count(doc); i++) {
      const plx_sentence *s = plx_doc_sentence(doc, i);
      CHECK(s->start < s->end && s->end <= len && s->start >= prev_end);
      CHECK(t[s->start] != ' ' && t[s->start] != '\n' && t[s->end - 1] != ' ' &&
            t[s->end - 1] != '\n');
      prev_end = s->end;
    }
    CHECK_INT(plx_doc_sentence_count(doc), want_count);
    plx_doc_free(doc);
  }
  free(bytes);
}

int main(void) {
  int n = run_spec("segment_spec.txt");
  CHECK(n >= 25);
  run_spec("segment_regressions.txt");
  check_spans("en.txt", "en", 20);
  check_spans("es.txt", "es", 28);
  TEST_DONE();
}
