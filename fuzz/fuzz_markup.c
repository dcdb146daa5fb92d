/* fuzz_markup.c: the HTML reader (built as fuzz_html) and the XML reader
 * (built as fuzz_xml, with -DPLX_FUZZ_XML).
 *
 * The whole input is the document, read with the format forced, so that
 * seeds are plain HTML and XML files and libFuzzer's -dict= dictionaries
 * (fuzz/html.dict, fuzz/xml.dict) apply. The language alternates with the
 * input's length (even: English, odd: Spanish) so that both sets of
 * segmentation rules see extracted text. The extracted text and the
 * sentences are checked (common.h) and the JSON of `parallax split` is
 * rendered. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "common.h"
#include "plx_corpus.h"
#include "plx_report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  plx_doc_options opt;
  plx_doc_options_init(&opt);
  opt.lang = (size & 1) ? "es" : "en";
#ifdef PLX_FUZZ_XML
  opt.format = PLX_INPUT_XML;
#else
  opt.format = PLX_INPUT_HTML;
#endif
  plx_doc *doc = NULL;
  plx_error err = {0};
  plx_status st = plx_doc_parse((const char *)data, size, &opt, &doc, &err);
  PLX_FUZZ_CHECK_ERROR(st, err);
  PLX_FUZZ_CHECK((st == PLX_OK) == (doc != NULL));
  if (!doc) return 0;
  PLX_FUZZ_CHECK(plx_doc_format(doc) == opt.format);
  size_t len;
  const char *text = plx_doc_text(doc, &len);
  /* the extracted text is UTF-8 whatever the markup held */
  PLX_FUZZ_CHECK(plx_fuzz_utf8_ok(text, len));
  plx_fuzz_check_doc(doc);
  char *out = NULL;
  size_t olen = 0;
  plx_error rerr = {0};
  st = plx_split_render(doc, NULL, PLX_FORMAT_JSON, &out, &olen, &rerr);
  PLX_FUZZ_CHECK(st == PLX_OK && out != NULL);
  free(out);
  plx_doc_free(doc);
  return 0;
}
