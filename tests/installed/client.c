/* A program as a user writes it against the installed library: built with
 * `pkg-config --cflags --libs parallax`, it compares two articles in the
 * order given (Spanish first too) and a bilingual file in one call each,
 * and frees everything, so that Valgrind finds nothing to report.
 * Usage: client A B [BITEXT] */
#include <parallax.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if PLX_VERSION_NUMBER < PLX_VERSION_ENCODE(0, 1, 0)
#error "the version macros are numbers"
#endif

static int S_compare(const char *a, const char *b) {
  plx_comparison *c = NULL;
  plx_error err = {0};
  if (plx_compare_files(a, b, NULL, &c, &err) != PLX_OK) {
    fprintf(stderr, "client: %s (%s)\n", err.message, plx_strerror(err.status));
    return 1;
  }
  size_t n;
  const plx_fact *f = plx_comparison_facts(c, &n);
  size_t missing = 0;
  for (size_t k = 0; k < n; k++) missing += f[k].status == PLX_FACT_MISSING;
  printf("%s-%s: %zu links, %zu facts, %zu missing, %zu differences\n",
         plx_doc_lang(plx_comparison_doc(c, 0)), plx_doc_lang(plx_comparison_doc(c, 1)),
         plx_alignment_link_count(plx_comparison_alignment(c)), n, missing,
         plx_comparison_differences(c, NULL));
  char *report = NULL;
  size_t len = 0;
  int differences = 0;
  plx_report_options ro;
  plx_report_options_init(&ro);
  ro.format = PLX_FORMAT_JSON;
  if (plx_comparison_report(c, &ro, &report, &len, &differences, &err) != PLX_OK ||
      !report || report[0] != '{') {
    fprintf(stderr, "client: report: %s\n", err.message);
    plx_comparison_free(c);
    return 1;
  }
  free(report);
  plx_comparison_free(c);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: client A B [BITEXT]\n");
    return 2;
  }
  int rc = S_compare(argv[1], argv[2]) || S_compare(argv[2], argv[1]);
  plx_format fmt;
  plx_align_mode mode;
  plx_error err = {0};
  if (plx_format_parse("html", &fmt, &err) != PLX_OK || fmt != PLX_FORMAT_HTML ||
      plx_format_parse("docx", &fmt, &err) != PLX_ERR_USAGE ||
      plx_align_mode_parse("paired", &mode, &err) != PLX_OK || mode != PLX_MODE_PAIRED) {
    fprintf(stderr, "client: parse functions\n");
    rc = 1;
  }
  if (argc > 3 && !rc) {
    plx_comparison *c = NULL;
    if (plx_compare_bitext_file(argv[3], NULL, &c, &err) != PLX_OK) {
      fprintf(stderr, "client: %s\n", err.message);
      return 1;
    }
    const plx_bitext *bt = plx_comparison_bitext(c);
    printf("%s %s-%s: %zu units, %zu differences\n",
           plx_bitext_format_name(plx_bitext_get_format(bt)), plx_bitext_lang(bt, 0),
           plx_bitext_lang(bt, 1), plx_bitext_unit_count(bt), plx_comparison_differences(c, NULL));
    plx_comparison_free(c);
  }
  plx_cleanup();
  return rc;
}
