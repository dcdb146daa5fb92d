/* bench_split.c: sentence splitting speed against ICU's bare iterator.
 *
 * Usage: bench_split FILE LANG
 * Prints the time and MB/s of (a) ICU's sentence break iterator over a UTF-8
 * UText of the whole file, with no copies, and (b) plx_doc_parse (encoding
 * check, blocks, segmentation with the rules, kinds), the best of seven
 * alternating runs each, their ratio, and the peak resident memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "internal.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: bench_split FILE LANG\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 2;
  }
  plx__buf b = {0};
  char chunk[1 << 16];
  size_t r;
  while ((r = fread(chunk, 1, sizeof chunk, f)) > 0) plx__buf_put(&b, chunk, r);
  fclose(f);
  double mb = (double)b.len / 1e6;

  /* ICU and Parallax runs alternate, and each keeps its best of seven, so
   * that a busy machine slows both alike. */
  double best_icu = 1e9, best_plx = 1e9;
  long icu_count = 0;
  size_t plx_count = 0;
  for (int run = 0; run < 7; run++) {
    double t0 = now();
    UErrorCode e = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, b.data, (int64_t)b.len, &e);
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, argv[2], NULL, 0, &e);
    ubrk_setUText(bi, ut, &e);
    icu_count = 0;
    for (int32_t p = ubrk_first(bi); p != UBRK_DONE; p = ubrk_next(bi)) icu_count++;
    ubrk_close(bi);
    utext_close(ut);
    double t = now() - t0;
    if (U_FAILURE(e)) {
      fprintf(stderr, "ICU: %s\n", u_errorName(e));
      return 2;
    }
    if (t < best_icu) best_icu = t;

    plx_doc_options o;
    plx_doc_options_init(&o);
    o.lang = argv[2];
    o.max_input_bytes = 0;
    plx_doc *doc = NULL;
    plx_error err = {0};
    t0 = now();
    if (plx_doc_parse(b.data, b.len, &o, &doc, &err)) {
      fprintf(stderr, "parallax: %s\n", err.message);
      return 2;
    }
    t = now() - t0;
    plx_count = plx_doc_sentence_count(doc);
    plx_doc_free(doc);
    if (t < best_plx) best_plx = t;
  }
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("input            %.1f MB (%s)\n", mb, argv[2]);
  printf("icu ubrk         %.3f s  %7.1f MB/s  %ld boundaries\n", best_icu, mb / best_icu, icu_count);
  printf("parallax split   %.3f s  %7.1f MB/s  %zu sentences\n", best_plx, mb / best_plx, plx_count);
  printf("ratio            %.2fx the bare iterator's time (target <= 2x)\n", best_plx / best_icu);
  printf("peak memory      %.1f MB (%.1fx the input)\n", (double)ru.ru_maxrss / 1024.0,
         (double)ru.ru_maxrss * 1024.0 / (double)b.len);
  plx__buf_free(&b);
  return 0;
}
