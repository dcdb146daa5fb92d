/* fuzz_lexicon.c: the user lexicon loader (--lexicon FILE) and the pairs
 * read by `parallax score`.
 *
 * The input is written to a temporary file and opened as the user lexicon,
 * replacing the default bilingual table (replace_default), with the small
 * test data (tests/data/lexicon, tests/data/hunspell) for the other tables
 * so that a load stays cheap. Checked: a load either fails with a message
 * or has at least one pair; every entry LEMMA_EN<TAB>LEMMA_ES of the file
 * is found by plx_lexicon_translate in both directions. Then the same bytes
 * are scored as `parallax score` input (lines A<TAB>B, which is the shape
 * of a lexicon too), with the languages given (even length) or detected
 * (odd length), by the lexicon just loaded or, when the bytes are no
 * lexicon, by the test lexicon; every score lies in [0,1]. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "plx_lexicon.h"

#ifndef PLX_FUZZ_SRCDIR
#define PLX_FUZZ_SRCDIR "."
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char S_dir[4096], S_path[4200];

static void S_cleanup(void) {
  if (S_path[0]) unlink(S_path);
  if (S_dir[0]) rmdir(S_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *tmp = getenv("TMPDIR");
  snprintf(S_dir, sizeof S_dir, "%s/plx-fuzz-lexicon-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(S_dir)) {
    perror("fuzz_lexicon: mkdtemp");
    exit(1);
  }
  snprintf(S_path, sizeof S_path, "%s/user.tsv", S_dir);
  atexit(S_cleanup);
  return 0;
}

static int S_write(const uint8_t *data, size_t size) {
  FILE *f = fopen(S_path, "wb");
  if (!f) return -1;
  size_t w = size ? fwrite(data, 1, size, f) : 0;
  return fclose(f) == 0 && w == size ? 0 : -1;
}

/* Whether some string of list equals s[0,n). */
static int S_has(char **list, size_t nlist, const char *s, size_t n) {
  for (size_t i = 0; i < nlist; i++)
    if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0) return 1;
  return 0;
}

/* Check entry [s, e) of the file: a data line (not a comment, with a TAB)
 * LEMMA_EN<TAB>LEMMA_ES... translates both ways. */
static void S_check_entry(plx_lexicon *lex, const char *s, const char *e) {
  if (e == s || *s == '#' || !memchr(s, '\t', (size_t)(e - s))) return;
  const char *tab = memchr(s, '\t', (size_t)(e - s));
  const char *a1 = s;
  while (a1 < tab && *a1 != '\r') a1++;
  const char *b0 = tab + 1, *b1 = b0;
  while (b1 < e && *b1 != '\t' && *b1 != '\r') b1++;
  size_t na = (size_t)(a1 - s), nb = (size_t)(b1 - b0);
  if (!na || !nb || na > 200 || nb > 200) return;
  char a[256], b[256];
  memcpy(a, s, na);
  a[na] = '\0';
  memcpy(b, b0, nb);
  b[nb] = '\0';
  char **out = NULL;
  size_t n = 0;
  PLX_FUZZ_CHECK(plx_lexicon_translate(lex, "en", a, &out, &n) == PLX_OK);
  PLX_FUZZ_CHECK(S_has(out, n, b, nb));
  plx_strings_free(out, n);
  PLX_FUZZ_CHECK(plx_lexicon_translate(lex, "es", b, &out, &n) == PLX_OK);
  PLX_FUZZ_CHECK(S_has(out, n, a, na));
  plx_strings_free(out, n);
  PLX_FUZZ_CHECK(plx_lexicon_lemmas(lex, "en", a, &out, &n) == PLX_OK && n >= 1);
  plx_strings_free(out, n);
  PLX_FUZZ_CHECK(plx_lexicon_lemmas(lex, "es", b, &out, &n) == PLX_OK && n >= 1);
  plx_strings_free(out, n);
}

/* The small test lexicon, for scoring what is not a valid lexicon (the
 * score input need not be one: invalid UTF-8, lines without a TAB...).
 * Kept across inputs, reloaded every 20,000 (its word cache grows). */
static plx_lexicon *S_fallback(void) {
  static plx_lexicon *lex;
  static unsigned long runs;
  if (lex && ++runs % 20000 == 0) {
    plx_lexicon_free(lex);
    lex = NULL;
  }
  if (!lex) {
    plx_lexicon_options lo;
    plx_lexicon_options_init(&lo);
    lo.data_dir = PLX_FUZZ_SRCDIR "/tests/data/lexicon";
    lo.dict_dir = PLX_FUZZ_SRCDIR "/tests/data/hunspell";
    plx_error err = {0};
    if (plx_lexicon_new(&lo, &lex, &err) != PLX_OK) {
      fprintf(stderr, "fuzz_lexicon: cannot load the test lexicon: %s\n", err.message);
      abort();
    }
  }
  return lex;
}

static void S_score(plx_lexicon *lex, const uint8_t *data, size_t size) {
  double *scores = NULL;
  size_t n = 0;
  const char *la = (size & 1) ? NULL : "en", *lb = (size & 1) ? NULL : "es";
  plx_error serr = {0};
  plx_status st = plx_score_lines(lex, la, lb, (const char *)data, size, &scores, &n, &serr);
  PLX_FUZZ_CHECK_ERROR(st, serr);
  for (size_t i = 0; st == PLX_OK && i < n; i++)
    PLX_FUZZ_CHECK(scores[i] >= 0.0 && scores[i] <= 1.0);
  free(scores);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (S_write(data, size) != 0) return 0;
  plx_lexicon_options lo;
  plx_lexicon_options_init(&lo);
  lo.data_dir = PLX_FUZZ_SRCDIR "/tests/data/lexicon";
  lo.dict_dir = PLX_FUZZ_SRCDIR "/tests/data/hunspell";
  lo.lexicon_path = S_path;
  lo.replace_default = 1;
  plx_lexicon *lex = NULL;
  plx_error err = {0};
  plx_status st = plx_lexicon_new(&lo, &lex, &err);
  PLX_FUZZ_CHECK_ERROR(st, err);
  PLX_FUZZ_CHECK((st == PLX_OK) == (lex != NULL));
  if (!lex) {
    S_score(S_fallback(), data, size);
    return 0;
  }
  PLX_FUZZ_CHECK(plx_lexicon_size(lex) >= 1);

  /* The entries of the file (a NUL cannot be passed as a C string, so a
   * line holding one is not checked), the first 64 data lines. */
  const char *t = (const char *)data, *end = t + size;
  for (int k = 0; t < end && k < 64; k++) {
    const char *nl = memchr(t, '\n', (size_t)(end - t));
    const char *e = nl ? nl : end;
    if (!memchr(t, '\0', (size_t)(e - t))) S_check_entry(lex, t, e);
    t = e + 1;
  }

  S_score(lex, data, size);
  plx_lexicon_free(lex);
  return 0;
}
