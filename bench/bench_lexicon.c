/* bench_lexicon.c: start-up time and look-up throughput of the lexicon.
 *
 * Usage: bench_lexicon FILE_EN FILE_ES (line-aligned sentences)
 * Prints the time to open the lexicon (mapping and indexing the data
 * files), the time of the first analysis in each language (which loads
 * Hunspell if a word needs it), then sentences analysed per second (each
 * word once: the cache is emptied by a new lexicon) and similarities
 * computed per second. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plx_lexicon.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char **lines(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    exit(2);
  }
  char **v = NULL, *line = NULL;
  size_t cap = 0, lcap = 0;
  ssize_t len;
  *n = 0;
  while ((len = getline(&line, &lcap, f)) >= 0) {
    if (len && line[len - 1] == '\n') line[--len] = '\0';
    if (*n == cap) v = realloc(v, (cap = cap ? cap * 2 : 1024) * sizeof *v);
    v[(*n)++] = strdup(line);
  }
  free(line);
  fclose(f);
  return v;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: bench_lexicon FILE_EN FILE_ES\n");
    return 2;
  }
  size_t ne, ns;
  char **en = lines(argv[1], &ne), **es = lines(argv[2], &ns);
  size_t n = ne < ns ? ne : ns;
  plx_error err = {0};
  double t0 = now();
  plx_lexicon *lex = NULL;
  if (plx_lexicon_new(NULL, &lex, &err)) {
    fprintf(stderr, "bench_lexicon: %s\n", err.message);
    return 2;
  }
  double t_open = now() - t0;
  plx_bag **be = calloc(n, sizeof *be), **bs = calloc(n, sizeof *bs);
  t0 = now();
  plx_bag_new(lex, "en", en[0], strlen(en[0]), &be[0], &err);
  double t_first_en = now() - t0;
  t0 = now();
  plx_bag_new(lex, "es", es[0], strlen(es[0]), &bs[0], &err);
  double t_first_es = now() - t0;
  t0 = now();
  size_t words = 0;
  for (size_t i = 1; i < n; i++) {
    plx_bag_new(lex, "en", en[i], strlen(en[i]), &be[i], &err);
    plx_bag_new(lex, "es", es[i], strlen(es[i]), &bs[i], &err);
    words += plx_bag_size(be[i]) + plx_bag_size(bs[i]);
  }
  double t_bags = now() - t0;
  plx_weights *w = plx_weights_new();
  for (size_t i = 0; i < n; i++) {
    plx_weights_add(w, be[i]);
    plx_weights_add(w, bs[i]);
  }
  size_t pairs = 0;
  double sum = 0;
  t0 = now();
  for (size_t i = 0; i < n && pairs < 2000000; i++)
    for (size_t j = 0; j < 100 && j < n; j++, pairs++) sum += plx_bag_similarity(lex, be[i], bs[j], w);
  double t_sim = now() - t0;
  printf("lexicon open     %.1f ms (%zu bilingual pairs mapped and indexed)\n", t_open * 1e3,
         plx_lexicon_size(lex));
  printf("first sentence   en %.1f ms, es %.1f ms (Hunspell loaded on first need)\n",
         t_first_en * 1e3, t_first_es * 1e3);
  printf("analysis         %.0f sentences/s (%.0f words/s, cold cache)\n", 2.0 * (n - 1) / t_bags,
         (double)words / t_bags);
  printf("similarity       %.0f sentence pairs/s (checksum %.1f)\n", (double)pairs / t_sim, sum);
  for (size_t i = 0; i < n; i++) {
    plx_bag_free(be[i]);
    plx_bag_free(bs[i]);
  }
  for (size_t i = 0; i < ne; i++) free(en[i]);
  for (size_t i = 0; i < ns; i++) free(es[i]);
  free(en);
  free(es);
  free(be);
  free(bs);
  plx_weights_free(w);
  plx_lexicon_free(lex);
  return 0;
}
