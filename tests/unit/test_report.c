/* test_report.c: renderers and batch jobs. TMX is parsed back with libxml2
 * and checked against the alignment it came from; display widths; the
 * parsing of batch job lines. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plx_align.h"
#include "plx_batch.h"
#include "plx_report.h"
#include "test.h"

static plx_doc *load(const char *src, const char *name, const char *lang) {
  char path[1024];
  snprintf(path, sizeof path, "%s/tests/data/%s", src, name);
  plx_doc_options o;
  plx_doc_options_init(&o);
  o.lang = lang;
  o.segmented = 1;
  plx_doc *d = NULL;
  plx_error err = {0};
  if (plx_doc_load(path, &o, &d, &err)) fprintf(stderr, "%s: %s\n", path, err.message);
  return d;
}

/* The sentences of a link side joined as TMX writes them. */
static void joined(const plx_doc *d, const size_t *ids, size_t n, char *out, size_t cap) {
  size_t len, k = 0;
  const char *t = plx_doc_text(d, &len);
  for (size_t x = 0; x < n; x++) {
    const plx_sentence *s = plx_doc_sentence(d, ids[x]);
    if (x && k + 1 < cap) out[k++] = ' ';
    for (size_t q = s->start; q < s->end && k + 1 < cap; q++)
      out[k++] = t[q] == '\n' || t[q] == '\r' ? ' ' : t[q];
  }
  out[k] = '\0';
}

static xmlNodePtr child(xmlNodePtr n, const char *name) {
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name)) return c;
  return NULL;
}

static void test_tmx(const char *src) {
  plx_doc *a = load(src, "parallel-en.txt", "en"), *b = load(src, "parallel-es.txt", "es");
  CHECK(a && b);
  if (!a || !b) return;
  plx_lexicon *lex = NULL;
  plx_error err = {0};
  CHECK_INT(plx_lexicon_new(NULL, &lex, &err), PLX_OK);
  plx_align_options ao;
  plx_align_options_init(&ao);
  ao.mode = PLX_MODE_PARALLEL;
  plx_alignment *al = NULL;
  CHECK_INT(plx_align(lex, a, b, &ao, &al, &err), PLX_OK);
  for (int pass = 0; pass < 2; pass++) {
    double min = pass ? 0.6 : 0.0;
    plx_report_options ro;
    plx_report_options_init(&ro);
    ro.format = PLX_FORMAT_TMX;
    ro.min_score = min;
    char *out = NULL;
    size_t len = 0;
    CHECK_INT(plx_alignment_report(al, a, b, NULL, NULL, &ro, &out, &len, NULL, &err), PLX_OK);
    xmlDocPtr x = xmlReadMemory(out, (int)len, "tmx.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    CHECK(x != NULL);
    xmlNodePtr root = x ? xmlDocGetRootElement(x) : NULL;
    CHECK(root && !strcmp((const char *)root->name, "tmx"));
    if (!root) {
      free(out);
      continue;
    }
    xmlChar *v = xmlGetProp(root, BAD_CAST "version");
    CHECK_STR((const char *)v, "1.4");
    xmlFree(v);
    /* TMX 1.4b requires these header attributes */
    xmlNodePtr header = child(root, "header");
    static const char *required[] = {"creationtool", "creationtoolversion", "segtype", "o-tmf",
                                     "adminlang", "srclang", "datatype"};
    for (size_t k = 0; k < sizeof required / sizeof *required; k++) {
      xmlChar *h = header ? xmlGetProp(header, BAD_CAST required[k]) : NULL;
      CHECK(h && h[0]);
      xmlFree(h);
    }
    xmlChar *srclang = header ? xmlGetProp(header, BAD_CAST "srclang") : NULL;
    CHECK_STR((const char *)srclang, "en");
    xmlFree(srclang);
    /* read back: the units are the links at or above min, in order, and
     * their segments are the linked sentences */
    xmlNodePtr tu = child(child(root, "body"), "tu");
    size_t want = 0;
    for (size_t k = 0; k < plx_alignment_link_count(al); k++) {
      const plx_link *l = plx_alignment_link(al, k);
      if (l->score < min) continue;
      want++;
      CHECK(tu != NULL);
      if (!tu) break;
      xmlNodePtr tuv = child(tu, "tuv");
      for (int side = 0; side < 2; side++, tuv = tuv ? tuv->next : NULL) {
        while (tuv && tuv->type != XML_ELEMENT_NODE) tuv = tuv->next;
        CHECK(tuv && !strcmp((const char *)tuv->name, "tuv"));
        if (!tuv) break;
        xmlChar *lang = xmlNodeGetLang(tuv);
        CHECK_STR((const char *)lang, side ? "es" : "en");
        xmlFree(lang);
        char text[8192];
        joined(side ? b : a, side ? l->b : l->a, side ? l->nb : l->na, text, sizeof text);
        xmlChar *seg = xmlNodeGetContent(child(tuv, "seg"));
        CHECK_STR((const char *)seg, text);
        xmlFree(seg);
      }
      do tu = tu->next;
      while (tu && tu->type != XML_ELEMENT_NODE);
    }
    CHECK(tu == NULL);
    if (pass == 0) CHECK_INT(want, plx_alignment_link_count(al));
    else CHECK(want < plx_alignment_link_count(al) && want > 0);
    xmlFreeDoc(x);
    free(out);
  }
  plx_alignment_free(al);
  plx_lexicon_free(lex);
  plx_doc_free(a);
  plx_doc_free(b);
}

static void test_width(void) {
  CHECK_INT(plx_display_width("abc", 3), 3);
  CHECK_INT(plx_display_width("año", strlen("año")), 3);
  /* e + combining acute accent: one column */
  CHECK_INT(plx_display_width("e\xcc\x81", 3), 1);
  CHECK_INT(plx_display_width("漢字", strlen("漢字")), 4);
  CHECK_INT(plx_display_width("ｆｕｌｌ", strlen("ｆｕｌｌ")), 8);
  CHECK_INT(plx_display_width("\xff\xfe", 2), 2); /* invalid bytes: one each */
  CHECK_INT(plx_display_width("", 0), 0);
}

static void test_job(void) {
  plx_batch_job *j = NULL;
  plx_error err = {0};
  const char *ok = "{\"a\": \"x.txt\", \"b\": \"y.txt\", \"id\": {\"k\": [1, 2]}, \"mode\": \"parallel\"}";
  CHECK_INT(plx_batch_job_parse(ok, strlen(ok), &j, &err), PLX_OK);
  CHECK(j && !strcmp(j->a, "x.txt") && !strcmp(j->b, "y.txt") && !j->out);
  CHECK_STR(j ? j->id : NULL, "{\"k\":[1,2]}");
  CHECK_STR(j ? j->mode : NULL, "parallel");
  plx_batch_job_free(j);
  static const struct {
    const char *line, *message;
  } bad[] = {
      {"", "not JSON"},
      {"[1, 2]", "not a JSON object"},
      {"{\"a\": \"x\"}", "\"b\" is missing"},
      {"{\"a\": 1, \"b\": \"y\"}", "\"a\" must be a string"},
      {"{\"a\": \"\", \"b\": \"y\"}", "\"a\" is empty"},
      {"{\"a\": \"x\\u0000z\", \"b\": \"y\"}", "not JSON"},
      {"{\"a\": \"x\", \"b\": \"y\", \"a\": \"z\"}", "not JSON"},
      {"{\"a\": \"x\", \"b\": \"y\", \"ouput\": \"z\"}", "unknown key \"ouput\""},
      {"{\"a\": \"x\", \"b\": \"y\", \"mode\": \"fast\"}", "unknown mode"},
      {"{\"a\": \"x\", \"b\": \"y\", \"lang_a\": \"fr\"}", "unsupported language"},
      {"{\"a\": \"x\", \"b\": \"y\"} trailing", "not JSON"},
  };
  for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
    j = (plx_batch_job *)1;
    plx_status st = plx_batch_job_parse(bad[k].line, strlen(bad[k].line), &j, &err);
    CHECK(st != PLX_OK && j == NULL);
    if (!strstr(err.message, bad[k].message))
      fprintf(stderr, "job %zu: message \"%s\" lacks \"%s\"\n", k, err.message, bad[k].message);
    CHECK(strstr(err.message, bad[k].message) != NULL);
  }
}

static void test_mode_names(void) {
  for (int m = PLX_MODE_AUTO; m <= PLX_MODE_PAIRED; m++) {
    plx_align_mode got = PLX_MODE_AUTO;
    CHECK_INT(plx_align_mode_parse(plx_align_mode_name((plx_align_mode)m), &got, NULL), PLX_OK);
    CHECK_INT(got, m);
  }
  plx_align_mode kept = PLX_MODE_PARALLEL;
  plx_error err = {0};
  CHECK_INT(plx_align_mode_parse("fast", &kept, &err), PLX_ERR_USAGE);
  CHECK(kept == PLX_MODE_PARALLEL && strstr(err.message, "'fast'") && strstr(err.message, "paired"));
  CHECK_INT(plx_align_mode_parse(NULL, &kept, NULL), PLX_ERR_USAGE);
  static const char *formats[] = {"text", "json", "html", "tmx"};
  for (int k = 0; k < 4; k++) {
    plx_format f = (plx_format)-1;
    CHECK_INT(plx_format_parse(formats[k], &f, NULL), PLX_OK);
    CHECK_INT(f, k);
  }
  plx_format f = PLX_FORMAT_HTML;
  CHECK_INT(plx_format_parse("pdf", &f, &err), PLX_ERR_USAGE);
  CHECK(f == PLX_FORMAT_HTML && strstr(err.message, "'pdf'"));
}

int main(void) {
  const char *src = getenv("srcdir");
  if (!src) src = ".";
  test_tmx(src);
  test_width();
  test_job();
  test_mode_names();
  TEST_DONE();
}
