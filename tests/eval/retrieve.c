/* retrieve.c: cross-lingual sentence retrieval with the lexicon's
 * similarity, for the evaluations (Tatoeba, FLORES).
 *
 * Usage: retrieve LANG_A FILE_A LANG_B FILE_B
 * The files are line-aligned translations. For each line of A, the line of B
 * with the highest similarity is retrieved (and the other way round);
 * accuracy is the share of lines whose best match is their own translation.
 * Informativeness weights come from the lines of both files.
 * Prints: "a2b CORRECT TOTAL", "b2a CORRECT TOTAL", then the misses as
 * "miss a2b LINE GOT" (1-based). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plx_lexicon.h"

static char **read_lines(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    exit(2);
  }
  char **lines = NULL;
  size_t cap = 0;
  *n = 0;
  char *line = NULL;
  size_t lcap = 0;
  ssize_t len;
  while ((len = getline(&line, &lcap, f)) >= 0) {
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
    if (*n == cap) {
      cap = cap ? cap * 2 : 1024;
      lines = realloc(lines, cap * sizeof *lines);
    }
    lines[(*n)++] = strdup(line);
  }
  free(line);
  fclose(f);
  return lines;
}

/* --coverage LANG_A FILE_A LANG_B FILE_B: for each article, the share of
 * its content words (not stop words) that the lexicon translates (or knows
 * as a name or a value), and the share matched with a word of the other
 * article; then the words without a translation, and the lemmas of the
 * translated words left unmatched. */
static int coverage(char **argv) {
  plx_lexicon *lex = NULL;
  plx_error err = {0};
  plx_lexicon_options lo;
  plx_lexicon_options_init(&lo);
  lo.lang_a = argv[2];
  lo.lang_b = argv[4];
  if (plx_lexicon_new(&lo, &lex, &err)) {
    fprintf(stderr, "retrieve: %s\n", err.message);
    return 2;
  }
  plx_bag *bag[2];
  char *text[2];
  for (int s = 0; s < 2; s++) {
    FILE *f = fopen(argv[3 + 2 * s], "rb");
    if (!f) {
      perror(argv[3 + 2 * s]);
      return 2;
    }
    size_t cap = 1 << 16, n = 0, r;
    text[s] = malloc(cap);
    while ((r = fread(text[s] + n, 1, cap - n, f)) > 0) {
      n += r;
      if (n == cap) text[s] = realloc(text[s], cap *= 2);
    }
    fclose(f);
    if (plx_bag_new(lex, argv[2 + 2 * s], text[s], n, &bag[s], &err)) {
      fprintf(stderr, "retrieve: %s\n", err.message);
      return 2;
    }
  }
  for (int s = 0; s < 2; s++) {
    plx_bag *a = bag[s], *b = bag[!s];
    size_t na = plx_bag_size(a);
    long *ev = malloc((na + 1) * sizeof *ev);
    plx_bag_similarity_evidence(lex, a, b, NULL, ev);
    size_t content = 0, translated = 0, matched = 0;
    printf("%s (%s): ", argv[3 + 2 * s], argv[2 + 2 * s]);
    for (size_t i = 0; i < na; i++) {
      const plx_token *t = plx_bag_token(a, i);
      if (t->stop) continue;
      content++;
      translated += t->translated != 0;
      matched += ev[i] >= 0;
    }
    printf("%zu content words, %.1f %% translated/name/value, %.1f %% matched in the other article\n",
           content, 100.0 * translated / (content ? content : 1), 100.0 * matched / (content ? content : 1));
    printf("  without a translation:");
    for (size_t i = 0; i < na; i++) {
      const plx_token *t = plx_bag_token(a, i);
      if (!t->stop && !t->translated) printf(" %s", t->form);
    }
    printf("\n  translated, not matched:");
    for (size_t i = 0; i < na; i++) {
      const plx_token *t = plx_bag_token(a, i);
      if (!t->stop && t->translated && ev[i] < 0) printf(" %s", t->lemma ? t->lemma : t->form);
    }
    printf("\n");
    free(ev);
  }
  plx_bag_free(bag[0]);
  plx_bag_free(bag[1]);
  free(text[0]);
  free(text[1]);
  plx_lexicon_free(lex);
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 6 && strcmp(argv[1], "--coverage") == 0) return coverage(argv);
  if (argc != 5) {
    fprintf(stderr, "usage: retrieve LANG_A FILE_A LANG_B FILE_B\n");
    return 2;
  }
  plx_lexicon *lex = NULL;
  plx_error err = {0};
  plx_lexicon_options lo;
  plx_lexicon_options_init(&lo);
  lo.lang_a = argv[1];
  lo.lang_b = argv[3];
  if (plx_lexicon_new(&lo, &lex, &err)) {
    fprintf(stderr, "retrieve: %s\n", err.message);
    return 2;
  }
  size_t na, nb;
  char **a = read_lines(argv[2], &na), **b = read_lines(argv[4], &nb);
  if (na != nb) {
    fprintf(stderr, "retrieve: %zu lines against %zu\n", na, nb);
    return 2;
  }
  plx_bag **ba = calloc(na, sizeof *ba), **bb = calloc(nb, sizeof *bb);
  plx_weights *w = plx_weights_new();
  for (size_t i = 0; i < na; i++) {
    if (plx_bag_new(lex, argv[1], a[i], strlen(a[i]), &ba[i], &err) ||
        plx_bag_new(lex, argv[3], b[i], strlen(b[i]), &bb[i], &err)) {
      fprintf(stderr, "retrieve: %s\n", err.message);
      return 2;
    }
    plx_weights_add(w, ba[i]);
    plx_weights_add(w, bb[i]);
  }
  double *sim = malloc(na * nb * sizeof *sim);
  for (size_t i = 0; i < na; i++)
    for (size_t j = 0; j < nb; j++) sim[i * nb + j] = plx_bag_similarity(lex, ba[i], bb[j], w);
  size_t ok_ab = 0, ok_ba = 0;
  for (size_t i = 0; i < na; i++) {
    size_t best = 0;
    for (size_t j = 1; j < nb; j++)
      if (sim[i * nb + j] > sim[i * nb + best]) best = j;
    if (best == i) ok_ab++;
  }
  for (size_t j = 0; j < nb; j++) {
    size_t best = 0;
    for (size_t i = 1; i < na; i++)
      if (sim[i * nb + j] > sim[best * nb + j]) best = i;
    if (best == j) ok_ba++;
  }
  printf("a2b %zu %zu\nb2a %zu %zu\n", ok_ab, na, ok_ba, nb);
  for (size_t i = 0; i < na; i++) {
    size_t best = 0;
    for (size_t j = 1; j < nb; j++)
      if (sim[i * nb + j] > sim[i * nb + best]) best = j;
    if (best != i) printf("miss a2b %zu %zu %.3f %.3f\n", i + 1, best + 1, sim[i * nb + i], sim[i * nb + best]);
  }
  for (size_t i = 0; i < na; i++) {
    plx_bag_free(ba[i]);
    plx_bag_free(bb[i]);
    free(a[i]);
    free(b[i]);
  }
  free(ba);
  free(bb);
  free(a);
  free(b);
  free(sim);
  plx_weights_free(w);
  plx_lexicon_free(lex);
  return 0;
}
