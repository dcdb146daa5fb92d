/* fuzz_text.c: the plain-text reader and the sentence splitter.
 *
 * The first byte chooses the options, the rest is the article:
 *   bit 0  language: 0 English, 1 Spanish
 *   bit 1  --segmented (one sentence per line)
 *   bit 2  the format found by content (PLX_INPUT_AUTO) instead of text,
 *          so the sniffer and, when it says so, the HTML or XML reader run
 * Seeds are prefixed with 'd' (0x64: English, split) and 'e' (Spanish);
 * see fuzz/run.sh. The sentences are then checked (common.h) and rendered
 * as `parallax split` does, in text and JSON. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <jansson.h>

#include "common.h"
#include "plx_corpus.h"
#include "plx_report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  unsigned flags = data[0];
  const char *text = (const char *)data + 1;
  size_t len = size - 1;

  plx_doc_options opt;
  plx_doc_options_init(&opt);
  opt.lang = (flags & 1) ? "es" : "en";
  opt.segmented = (flags & 2) != 0;
  opt.format = (flags & 4) ? PLX_INPUT_AUTO : PLX_INPUT_TEXT;

  plx_doc *doc = NULL;
  plx_error err = {0};
  plx_status st = plx_doc_parse(text, len, &opt, &doc, &err);
  PLX_FUZZ_CHECK_ERROR(st, err);
  PLX_FUZZ_CHECK((st == PLX_OK) == (doc != NULL));
  if (!doc) return 0;
  plx_fuzz_check_doc(doc);
  if (opt.format == PLX_INPUT_TEXT) {
    size_t dlen;
    plx_doc_text(doc, &dlen);
    PLX_FUZZ_CHECK(dlen == len);
  }
  if (opt.segmented) {
    /* one sentence a line; a final line break opens no other line */
    size_t lines = 0, from = (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
    for (size_t i = from; i < len; i++) lines += text[i] == '\n';
    if (len > from && text[len - 1] != '\n') lines++;
    PLX_FUZZ_CHECK(plx_doc_sentence_count(doc) == lines);
  }

  for (int f = 0; f < 2; f++) {
    char *out = NULL;
    size_t olen = 0;
    plx_error rerr = {0};
    st = plx_split_render(doc, "fuzz.txt", f ? PLX_FORMAT_JSON : PLX_FORMAT_TEXT, &out, &olen,
                          &rerr);
    PLX_FUZZ_CHECK(st == PLX_OK && out != NULL);
    PLX_FUZZ_CHECK(strlen(out) == olen);
    if (f) {
      /* the JSON reads back, every sentence with its text */
      json_error_t jerr;
      json_t *root = json_loadb(out, olen, 0, &jerr);
      PLX_FUZZ_CHECK(root != NULL);
      json_t *sents = json_object_get(root, "sentences");
      PLX_FUZZ_CHECK(json_array_size(sents) == plx_doc_sentence_count(doc));
      for (size_t i = 0; i < json_array_size(sents); i++)
        PLX_FUZZ_CHECK(json_is_string(json_object_get(json_array_get(sents, i), "text")));
      json_decref(root);
    }
    free(out);
  }
  plx_doc_free(doc);
  return 0;
}
