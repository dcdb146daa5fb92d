/* common.h: what the fuzz targets share (fuzz/README.md).
 *
 * Each target is one input boundary of the library. A target never prints
 * and never exits: a crash, a sanitizer report, a leak, a timeout or an
 * out-of-memory is what libFuzzer reports; a refused input (a plx_status
 * other than PLX_OK) is a normal outcome. What a target does check is the
 * library's own promises, with PLX_FUZZ_CHECK, which aborts.
 */
#ifndef PLX_FUZZ_COMMON_H
#define PLX_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plx_base.h"
#include "plx_corpus.h"

#define PLX_FUZZ_CHECK(cond)                                                   \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__,    \
              #cond);                                                          \
      abort();                                                                 \
    }                                                                          \
  } while (0)

/* Every failure must come with a message (the CLI prints it). */
#define PLX_FUZZ_CHECK_ERROR(st, err)                                          \
  PLX_FUZZ_CHECK((st) == PLX_OK || (err).message[0] != '\0')

/* Whether s[0,n) is valid UTF-8 (written here again, not taken from the
 * library under test). */
static inline int plx_fuzz_utf8_ok(const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  for (size_t i = 0; i < n;) {
    unsigned c = s[i];
    size_t need;
    uint32_t cp, min;
    if (c < 0x80) {
      i++;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      need = 1, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      need = 2, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      need = 3, cp = c & 0x07, min = 0x10000;
    } else {
      return 0;
    }
    if (n - i <= need) return 0;
    for (size_t k = 1; k <= need; k++) {
      if ((s[i + k] & 0xC0) != 0x80) return 0;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    i += need + 1;
  }
  return 1;
}

/* What plx_corpus.h promises of a parsed document: sentences in document
 * order, not overlapping, inside the text, each valid UTF-8 (JSON cannot
 * carry anything else), a duplicate pointing back at an earlier sentence. */
static inline void plx_fuzz_check_doc(const plx_doc *doc) {
  size_t len, prev_end = 0;
  const char *text = plx_doc_text(doc, &len);
  PLX_FUZZ_CHECK(text != NULL || len == 0);
  PLX_FUZZ_CHECK(plx_doc_format(doc) != PLX_INPUT_AUTO);
  const char *lang = plx_doc_lang(doc);
  PLX_FUZZ_CHECK(lang && (strcmp(lang, "en") == 0 || strcmp(lang, "es") == 0));
  size_t n = plx_doc_sentence_count(doc);
  for (size_t i = 0; i < n; i++) {
    const plx_sentence *s = plx_doc_sentence(doc, i);
    PLX_FUZZ_CHECK(s != NULL);
    PLX_FUZZ_CHECK(s->start <= s->end && s->end <= len);
    PLX_FUZZ_CHECK(s->start >= prev_end);
    PLX_FUZZ_CHECK(plx_fuzz_utf8_ok(text + s->start, s->end - s->start));
    PLX_FUZZ_CHECK((unsigned)s->kind <= PLX_KIND_DUPLICATE);
    if (s->kind == PLX_KIND_DUPLICATE) PLX_FUZZ_CHECK(s->duplicate_of < i);
    prev_end = s->end;
  }
  PLX_FUZZ_CHECK(plx_doc_sentence(doc, n) == NULL);
}

#endif
