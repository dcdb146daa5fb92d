/* test.h: a tiny unit-test harness (one binary per module, run by make check).
 * CHECK records a failure and goes on; the binary exits 1 if any failed. */
#ifndef PLX_TEST_H
#define PLX_TEST_H
#include <stdio.h>
#include <string.h>

static int t_failed, t_run;

#define CHECK(cond)                                                            \
  do {                                                                         \
    t_run++;                                                                   \
    if (!(cond)) {                                                             \
      t_failed++;                                                              \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                          \
  } while (0)

#define CHECK_STR(got, want)                                                   \
  do {                                                                         \
    const char *g_ = (got), *w_ = (want);                                      \
    t_run++;                                                                   \
    if (!g_ || strcmp(g_, w_) != 0) {                                          \
      t_failed++;                                                              \
      fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__,  \
              g_ ? g_ : "(null)", w_);                                         \
    }                                                                          \
  } while (0)

#define CHECK_INT(got, want)                                                   \
  do {                                                                         \
    long long g_ = (long long)(got), w_ = (long long)(want);                   \
    t_run++;                                                                   \
    if (g_ != w_) {                                                            \
      t_failed++;                                                              \
      fprintf(stderr, "%s:%d: %s = %lld, want %lld\n", __FILE__, __LINE__,     \
              #got, g_, w_);                                                   \
    }                                                                          \
  } while (0)

#define TEST_DONE()                                                            \
  do {                                                                         \
    printf("%d checks, %d failed\n", t_run, t_failed);                         \
    return t_failed ? 1 : 0;                                                   \
  } while (0)
#endif
