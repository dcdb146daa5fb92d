/* test_util.c: UTF-8 checks, buffers, encoding errors and atomic output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "plx_report.h"
#include "test.h"

static void test_utf8(void) {
  CHECK_INT(plx__utf8_invalid_at("abc", 3), 3);
  CHECK_INT(plx__utf8_invalid_at("a\xC3\xA9z", 4), 4);        /* é */
  CHECK_INT(plx__utf8_invalid_at("a\xC3", 2), 1);             /* truncated */
  CHECK_INT(plx__utf8_invalid_at("a\xC0\x80", 3), 1);         /* overlong */
  CHECK_INT(plx__utf8_invalid_at("\xED\xA0\x80", 3), 0);      /* surrogate */
  CHECK_INT(plx__utf8_invalid_at("\xF4\x90\x80\x80", 4), 0);  /* > U+10FFFF */
  CHECK_INT(plx__utf8_invalid_at("\xF0\x9F\x98\x80", 4), 4);  /* emoji */
  size_t i = 0;
  CHECK_INT(plx__utf8_next("\xC3\xB1", 2, &i), 0xF1);
  CHECK_INT(i, 2);
  i = 3;
  CHECK_INT(plx__utf8_prev("a\xC3\xB1", &i), 0xF1);
  CHECK_INT(i, 1);
}

static void test_buf(void) {
  plx__buf b = {0};
  for (int k = 0; k < 1000; k++) plx__buf_printf(&b, "%d,", k);
  CHECK(b.len > 3000);
  CHECK(strncmp(b.data, "0,1,2,", 6) == 0);
  size_t n;
  char *d = plx__buf_detach(&b, &n);
  CHECK(b.data == NULL && n == strlen(d));
  free(d);
}

static plx_status parse(const char *bytes, size_t len, plx_error *err) {
  plx_doc_options o;
  plx_doc_options_init(&o);
  o.lang = "en";
  plx_doc *doc = NULL;
  plx_status st = plx_doc_parse(bytes, len, &o, &doc, err);
  plx_doc_free(doc);
  return st;
}

static void test_encoding_errors(void) {
  plx_error err = {0};
  CHECK_INT(parse("ab\xFF" "cd. Ef.", 9, &err), PLX_ERR_ENCODING);
  CHECK(strstr(err.message, "offset 2") != NULL);
  CHECK_INT(parse("ab\0cd", 5, &err), PLX_ERR_ENCODING);
  CHECK(strstr(err.message, "NUL") != NULL);
  CHECK_INT(parse("\xFF\xFEh\0i\0", 6, &err), PLX_ERR_ENCODING);
  CHECK(strstr(err.message, "UTF-16") != NULL);
  CHECK_INT(parse("", 0, &err), PLX_OK);
  CHECK_INT(parse("\xEF\xBB\xBFHello there. Bye.", 20, &err), PLX_OK);
  plx_doc_options o;
  plx_doc_options_init(&o);
  o.lang = "en";
  o.max_input_bytes = 4;
  plx_doc *doc = NULL;
  CHECK_INT(plx_doc_parse("Hello.", 6, &o, &doc, &err), PLX_ERR_TOO_LARGE);
  CHECK(doc == NULL);
  o.max_input_bytes = 0;
  o.lang = "fr";
  CHECK_INT(plx_doc_parse("Bonjour.", 8, &o, &doc, &err), PLX_ERR_LANGUAGE);
}

static void test_bom_offsets(void) {
  const char *s = "\xEF\xBB\xBFHello there. Bye.";
  plx_doc_options o;
  plx_doc_options_init(&o);
  o.lang = "en";
  plx_doc *doc = NULL;
  plx_error err = {0};
  CHECK_INT(plx_doc_parse(s, strlen(s), &o, &doc, &err), PLX_OK);
  CHECK_INT(plx_doc_sentence_count(doc), 2);
  CHECK_INT(plx_doc_sentence(doc, 0)->start, 3); /* the BOM counts in offsets */
  plx_doc_free(doc);
}

static void test_segmented(void) {
  const char *s = "One. Two.\n\nThree\r\nFour\n";
  plx_doc_options o;
  plx_doc_options_init(&o);
  o.lang = "en";
  o.segmented = 1;
  plx_doc *doc = NULL;
  plx_error err = {0};
  CHECK_INT(plx_doc_parse(s, strlen(s), &o, &doc, &err), PLX_OK);
  CHECK_INT(plx_doc_sentence_count(doc), 4);
  CHECK_INT(plx_doc_sentence(doc, 1)->end - plx_doc_sentence(doc, 1)->start, 0);
  CHECK_INT(plx_doc_sentence(doc, 2)->end - plx_doc_sentence(doc, 2)->start, 5);
  plx_doc_free(doc);
}

static void test_output(void) {
  char dir[] = "/tmp/plx-test-XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  char path[256];
  snprintf(path, sizeof path, "%s/report.txt", dir);
  plx_output *o = NULL;
  plx_error err = {0};
  /* abort leaves nothing behind */
  CHECK_INT(plx_output_open(path, &o, &err), PLX_OK);
  CHECK_INT(plx_output_write(o, "half", 4, &err), PLX_OK);
  plx_output_abort(o);
  struct stat st;
  CHECK(stat(path, &st) != 0);
  /* commit makes the file whole */
  CHECK_INT(plx_output_open(path, &o, &err), PLX_OK);
  CHECK_INT(plx_output_write(o, "whole\n", 6, &err), PLX_OK);
  CHECK_INT(plx_output_commit(o, &err), PLX_OK);
  CHECK(stat(path, &st) == 0 && st.st_size == 6);
  /* a symbolic link to a regular file stays a link; its target is replaced */
  char link[256];
  snprintf(link, sizeof link, "%s/link.txt", dir);
  CHECK(symlink("report.txt", link) == 0);
  CHECK_INT(plx_output_open(link, &o, &err), PLX_OK);
  CHECK_INT(plx_output_write(o, "replaced!\n", 10, &err), PLX_OK);
  CHECK_INT(plx_output_commit(o, &err), PLX_OK);
  CHECK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
  CHECK(stat(path, &st) == 0 && st.st_size == 10);
  unlink(link);
  unlink(path);
  /* only the target remains in the directory: no temporary files */
  CHECK(rmdir(dir) == 0);
  /* a device is written in place and its errors are reported */
  if (access("/dev/full", W_OK) == 0) {
    CHECK_INT(plx_output_open("/dev/full", &o, &err), PLX_OK);
    plx_status st1 = plx_output_write(o, "x", 1, &err);
    plx_status st2 = plx_output_commit(o, &err);
    CHECK(st1 == PLX_ERR_IO || st2 == PLX_ERR_IO);
  }
  CHECK_INT(plx_output_open("/tmp", &o, &err), PLX_ERR_IO);
}

/* The numeric version macros say what the version string says. */
static void test_version(void) {
  char want[32];
  snprintf(want, sizeof want, "%d.%d.%d", PLX_VERSION_MAJOR, PLX_VERSION_MINOR,
           PLX_VERSION_PATCH);
  CHECK_STR(plx_version(), want);
  CHECK_STR(PLX_VERSION_STRING, want);
  CHECK(PLX_VERSION_NUMBER == PLX_VERSION_ENCODE(PLX_VERSION_MAJOR, PLX_VERSION_MINOR,
                                                 PLX_VERSION_PATCH));
  CHECK(PLX_VERSION_ENCODE(0, 2, 0) > PLX_VERSION_ENCODE(0, 1, 9));
}

int main(void) {
  test_version();
  test_utf8();
  test_buf();
  test_encoding_errors();
  test_bom_offsets();
  test_segmented();
  test_output();
  TEST_DONE();
}
