/* fuzz_values.c: the value normaliser (plx_values.h).
 *
 * The first byte chooses the language (bit 0: 0 English, 1 Spanish); the
 * rest is the text, passed as is (invalid UTF-8 included: the function
 * must refuse it, not read past it). Checked: the values lie inside the
 * text, in order, without overlapping, on character boundaries; their
 * strings are terminated; a value equals itself and is comparable with
 * itself; equality and comparability are symmetric. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "plx_values.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  const char *lang = (data[0] & 1) ? "es" : "en";
  /* a copy of exactly the text's size, so that ASan sees any over-read */
  size_t len = size - 1;
  char *text = malloc(len ? len : 1);
  if (!text) return 0;
  memcpy(text, data + 1, len);

  plx_value *v = NULL;
  size_t n = 0;
  plx_error err = {0};
  plx_status st = plx_values_find(text, len, lang, &v, &n, &err);
  PLX_FUZZ_CHECK_ERROR(st, err);
  if (st != PLX_OK) {
    PLX_FUZZ_CHECK(v == NULL && n == 0);
    PLX_FUZZ_CHECK(st == PLX_ERR_ENCODING && !plx_fuzz_utf8_ok(text, len));
    free(text);
    return 0;
  }
  PLX_FUZZ_CHECK((n == 0) == (v == NULL));
  size_t prev_end = 0;
  for (size_t i = 0; i < n; i++) {
    const plx_value *x = &v[i];
    PLX_FUZZ_CHECK(x->start < x->end && x->end <= len && x->start >= prev_end);
    PLX_FUZZ_CHECK(plx_fuzz_utf8_ok(text + x->start, x->end - x->start));
    PLX_FUZZ_CHECK(memchr(x->value, '\0', sizeof x->value) != NULL && x->value[0] != '\0');
    PLX_FUZZ_CHECK(memchr(x->unit, '\0', sizeof x->unit) != NULL);
    PLX_FUZZ_CHECK(strcmp(plx_value_type_name(x->type), "unknown") != 0);
    PLX_FUZZ_CHECK(isfinite(x->number));
    PLX_FUZZ_CHECK(plx_value_equal(x, x));
    PLX_FUZZ_CHECK(plx_value_comparable(x, x));
    prev_end = x->end;
  }
  size_t m = n < 24 ? n : 24;
  for (size_t i = 0; i < m; i++)
    for (size_t j = i + 1; j < m; j++) {
      PLX_FUZZ_CHECK(!plx_value_equal(&v[i], &v[j]) == !plx_value_equal(&v[j], &v[i]));
      PLX_FUZZ_CHECK(!plx_value_comparable(&v[i], &v[j]) ==
                     !plx_value_comparable(&v[j], &v[i]));
    }
  free(v);
  free(text);
  return 0;
}
