/* score.c: `parallax score`: one similarity per line of TAB-separated
 * sentence pairs. Informativeness weights are the document frequencies of
 * all the sentences given, each side in its own language: the input is read
 * whole before anything is scored. */
#include "lexicon_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

plx_status plx_score_lines(plx_lexicon *lex, const char *lang_a, const char *lang_b,
                           const char *input, size_t len, double **scores, size_t *n,
                           plx_error *err) {
  *scores = NULL;
  *n = 0;
  typedef struct span { size_t a0, a1, b0, b1; } span;
  span *lines = NULL;
  size_t nl = 0, cap = 0;
  /* like every other input, pairs must be UTF-8: a score of invalid
   * text would be a number about bytes nobody wrote */
  size_t bad = plx__utf8_invalid_at(input, len);
  if (bad < len) {
    size_t lineno = 1;
    for (size_t k = 0; k < bad; k++) lineno += input[k] == '\n';
    return plx__fail(err, PLX_ERR_ENCODING, "line %zu: invalid UTF-8 at byte %zu", lineno, bad);
  }
  for (size_t i = 0, lineno = 1; i < len; lineno++) {
    const char *nlp = memchr(input + i, '\n', len - i);
    size_t e = nlp ? (size_t)(nlp - input) : len;
    size_t ce = e > i && input[e - 1] == '\r' ? e - 1 : e;
    const char *tab = memchr(input + i, '\t', ce - i);
    if (!tab) {
      free(lines);
      return plx__fail(err, PLX_ERR_INPUT, "line %zu: no TAB between the two sentences", lineno);
    }
    size_t t = (size_t)(tab - input);
    span s = {i, t, t + 1, ce};
    PLX__PUSH(lines, nl, cap, s);
    i = e + 1;
  }
  char la[8], lb[8];
  for (int side = 0; side < 2; side++) {
    const char *given = side ? lang_b : lang_a;
    char *dst = side ? lb : la;
    if (given && strcmp(given, "auto") != 0) {
      snprintf(dst, 8, "%s", given);
      continue;
    }
    plx__buf all = {0};
    for (size_t k = 0; k < nl && all.len < 65536; k++) {
      size_t s0 = side ? lines[k].b0 : lines[k].a0, s1 = side ? lines[k].b1 : lines[k].a1;
      plx__buf_put(&all, input + s0, s1 - s0);
      plx__buf_putc(&all, '\n');
    }
    const char *det = plx_lang_detect(all.data ? all.data : "", all.len, NULL);
    plx__buf_free(&all);
    if (!det) {
      free(lines);
      return plx__fail(err, PLX_ERR_LANGUAGE,
                       "side %c: unsupported or undetected language (give --lang-%c)",
                       side ? 'B' : 'A', side ? 'b' : 'a');
    }
    snprintf(dst, 8, "%s", det);
  }
  plx_bag **bags = plx__calloc(nl * 2 + 1, sizeof *bags);
  plx_weights *w = plx_weights_new();
  plx_status st = PLX_OK;
  for (size_t k = 0; k < nl && !st; k++) {
    st = plx_bag_new(lex, la, input + lines[k].a0, lines[k].a1 - lines[k].a0, &bags[2 * k], err);
    if (!st)
      st = plx_bag_new(lex, lb, input + lines[k].b0, lines[k].b1 - lines[k].b0, &bags[2 * k + 1],
                       err);
    if (!st) {
      plx_weights_add(w, bags[2 * k]);
      plx_weights_add(w, bags[2 * k + 1]);
    }
  }
  if (!st) {
    *scores = plx__malloc((nl ? nl : 1) * sizeof **scores);
    for (size_t k = 0; k < nl; k++)
      (*scores)[k] = plx_bag_similarity(lex, bags[2 * k], bags[2 * k + 1], w);
    *n = nl;
  }
  for (size_t k = 0; k < nl * 2; k++) plx_bag_free(bags[k]);
  free(bags);
  plx_weights_free(w);
  free(lines);
  return st;
}
