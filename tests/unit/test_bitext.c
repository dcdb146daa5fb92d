/* test_bitext.c: XLIFF 1.2, XLIFF 2 and TMX read as units (plx_bitext.h),
 * and the documents made of them. */
#include "test.h"
#include "plx_bitext.h"
#include "plx_compare.h"
#include "internal.h"

#include <stdlib.h>

static plx_bitext *S_parse(const char *x, plx_status want, const char *msg) {
  plx_bitext *bt = NULL;
  plx_error err = {0};
  plx_status st = plx_bitext_parse(x, strlen(x), NULL, &bt, &err);
  CHECK_INT(st, want);
  if (msg) {
    CHECK(strstr(err.message, msg) != NULL);
    if (!strstr(err.message, msg)) fprintf(stderr, "  message: %s\n", err.message);
  }
  return bt;
}

static void test_sniff(void) {
  const char *x1 = "\xEF\xBB\xBF<?xml version='1.0'?>\n<!-- c -->\n<!DOCTYPE xliff [<!ENTITY a 'b'>]>"
                   "<xliff version='1.2'>";
  CHECK_INT(plx_bitext_sniff(x1, strlen(x1)), PLX_BITEXT_XLIFF1);
  const char *x2 = "<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' srcLang='en'>";
  CHECK_INT(plx_bitext_sniff(x2, strlen(x2)), PLX_BITEXT_XLIFF2);
  const char *t = "<?xml version=\"1.0\"?><tmx version=\"1.4\">";
  CHECK_INT(plx_bitext_sniff(t, strlen(t)), PLX_BITEXT_TMX);
  const char *h = "<html><body>xliff</body></html>", *p = "The xliff format";
  CHECK_INT(plx_bitext_sniff(h, strlen(h)), PLX_BITEXT_NONE);
  CHECK_INT(plx_bitext_sniff(p, strlen(p)), PLX_BITEXT_NONE);
}

static void test_xliff1(void) {
  plx_bitext *bt = S_parse(
      "<xliff version='1.2'><file source-language='en-GB' target-language='es-MX'><body>"
      "<group id='g'><trans-unit id='a'><source>Press <g id='1'>Save</g> now<x id='2'/>.</source>"
      "<target>Pulse <g id='1'>Guardar</g> ahora.</target></trans-unit></group>"
      "<trans-unit id='b' translate='no'><source>CODE-1</source></trans-unit>"
      "<trans-unit id='c'><source>Two\nlines</source></trans-unit>"
      "</body></file></xliff>",
      PLX_OK, NULL);
  if (!bt) return;
  CHECK_STR(plx_bitext_lang(bt, 0), "en");
  CHECK_STR(plx_bitext_lang(bt, 1), "es");
  CHECK_INT(plx_bitext_unit_count(bt), 2);
  const plx_unit *u = plx_bitext_unit(bt, 0);
  CHECK_STR(u->id, "a");
  CHECK_STR(u->text[0], "Press Save now.");
  CHECK_STR(u->text[1], "Pulse Guardar ahora.");
  CHECK_INT(u->ntags[0], 2);
  CHECK_INT(u->ntags[1], 1);
  CHECK_STR(u->tags[0][0].key, "g#1");
  CHECK_STR(u->tags[0][0].display, "<g id=\"1\">");
  CHECK_INT(u->tags[0][0].offset, 6);
  CHECK_STR(u->tags[0][1].display, "<x id=\"2\"/>");
  CHECK_INT(u->tags[0][1].offset, 14);
  /* no target; a line break read as a space */
  u = plx_bitext_unit(bt, 1);
  CHECK(!u->has_target && u->len[1] == 0);
  CHECK_STR(u->text[0], "Two lines");
  CHECK(plx_bitext_unit(bt, 2) == NULL);
  /* the documents: unit i is sentence i on both sides */
  plx_doc *s = NULL, *t = NULL;
  plx_error err = {0};
  CHECK_INT(plx_bitext_docs(bt, &s, &t, &err), PLX_OK);
  if (s && t) {
    CHECK_INT(plx_doc_sentence_count(s), 2);
    CHECK_INT(plx_doc_sentence_count(t), 2);
    size_t len;
    const char *text = plx_doc_text(s, &len);
    const plx_sentence *se = plx_doc_sentence(s, 1);
    CHECK_INT(se->start, plx_bitext_unit_offset(bt, 0, 1));
    CHECK(!strncmp(text + se->start, "Two lines", 9));
    CHECK(plx_doc_sentence(t, 1)->start == plx_doc_sentence(t, 1)->end);
  }
  plx_doc_free(s);
  plx_doc_free(t);
  plx_bitext_free(bt);
}

static void test_xliff2(void) {
  plx_bitext *bt = S_parse(
      "<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.0' srcLang='es' "
      "trgLang='en'><file id='f'><unit id='u'>"
      "<segment id='s1'><source>Uno<cp hex='E9'/>.</source><target>One.</target></segment>"
      "<ignorable><source> </source></ignorable>"
      "<segment><source>Dos <sc id='1'/>tres<ec startRef='1'/>.</source>"
      "<target>Two <sc id='1'/>three<ec startRef='1'/>.</target></segment>"
      "</unit></file></xliff>",
      PLX_OK, NULL);
  if (!bt) return;
  CHECK_STR(plx_bitext_lang(bt, 0), "es");
  CHECK_INT(plx_bitext_unit_count(bt), 2);
  CHECK_STR(plx_bitext_unit(bt, 0)->id, "u/s1");
  CHECK_STR(plx_bitext_unit(bt, 0)->text[0], "Uno\xC3\xA9.");
  CHECK_STR(plx_bitext_unit(bt, 1)->id, "u/2");
  CHECK_INT(plx_bitext_unit(bt, 1)->ntags[1], 2);
  CHECK_STR(plx_bitext_unit(bt, 1)->tags[1][1].key, "ec#1");
  plx_bitext_free(bt);
}

static void test_tmx(void) {
  /* no srclang: the first variant is the source; a third language is
   * not the target */
  plx_bitext *bt = S_parse(
      "<tmx version='1.4'><header srclang='*all*'/><body>"
      "<tu tuid='x1'><tuv xml:lang='es'><seg>Hola <ph x='1'>&lt;br/&gt;</ph>mundo.</seg></tuv>"
      "<tuv xml:lang='fr'><seg>Bonjour.</seg></tuv>"
      "<tuv xml:lang='en-US'><seg>Hello <ph>&lt;br/&gt;</ph>world.</seg></tuv></tu>"
      "</body></tmx>",
      PLX_OK, NULL);
  if (!bt) return;
  CHECK_STR(plx_bitext_lang(bt, 0), "es");
  CHECK_STR(plx_bitext_lang(bt, 1), "en");
  const plx_unit *u = plx_bitext_unit(bt, 0);
  CHECK_STR(u->id, "x1");
  CHECK_STR(u->text[1], "Hello world.");
  CHECK_STR(u->tags[0][0].key, "ph#1");
  CHECK_STR(u->tags[1][0].key, "ph:<br/>");
  plx_bitext_free(bt);
}

static void test_refused(void) {
  S_parse("<html><p>no</p></html>", PLX_ERR_INPUT, "not a bilingual file");
  S_parse("<xliff version='1.2'><file source-language='en' target-language='es'><body/></file>"
          "</xliff>", PLX_ERR_INPUT, "no translatable unit");
  S_parse("<xliff version='1.2'><file source-language='en' target-language='de'><body>"
          "<trans-unit id='1'><source>a</source><target>b</target></trans-unit></body></file>"
          "</xliff>", PLX_ERR_LANGUAGE, "'de'");
  S_parse("<xliff version='1.2'><file source-language='en' target-language='en-GB'><body>"
          "<trans-unit id='1'><source>a</source><target>b</target></trans-unit></body></file>"
          "</xliff>", PLX_ERR_LANGUAGE, "both in 'en'");
  S_parse("<xliff version='1.2'><file source-language='en' target-language='es'><body>"
          "<trans-unit id='1'><source>a</source></body></file></xliff>",
          PLX_ERR_INPUT, "not well-formed");
  S_parse("<tmx version='1.4'><body><tu><tuv xml:lang='en'><seg>\xFF</seg></tuv></tu></body></tmx>",
          PLX_ERR_ENCODING, "UTF-8");
}

/* Placeholders of software strings: lost or renamed ones are tags
 * missing; per cent signs of prose are not placeholders. Each unit says
 * how many tag facts it should have missing on each side. */
static void test_placeholders(void) {
  static const struct {
    const char *src, *tgt;
    int miss_src, miss_tgt;
  } cases[] = {
      {"Deleted %d files from %s.", "Se borraron %d archivos.", 1, 0},
      {"Page %1 of %2", "Página %2 de %1", 0, 0},
      {"%(user)s joined %1$s.", "%(usuario)s se unió a %1$s.", 1, 1},
      {"Hello, {name}!", "¡Hola, {nombre}!", 1, 1},
      {"{{count}} items, {0,number} left", "{{count}} elementos, quedan {0,number}", 0, 0},
      {"Saved 50% of 100%% and 5%d", "Se ahorró el 50 % de 100%% y 5%d", 0, 0},
      {"A 20% drop in 2% of cases", "Una caída del 20% en el 2 % de los casos", 0, 0},
      {"Price: ${amount}", "Precio: {amount}", 1, 1},
  };
  size_t nc = sizeof cases / sizeof cases[0];
  plx__buf x = {0};
  plx__buf_puts(&x, "<tmx version='1.4'><header srclang='en'/><body>");
  for (size_t k = 0; k < nc; k++)
    plx__buf_printf(&x, "<tu tuid='%zu'><tuv xml:lang='en'><seg>%s</seg></tuv>"
                        "<tuv xml:lang='es'><seg>%s</seg></tuv></tu>",
                    k, cases[k].src, cases[k].tgt);
  plx__buf_puts(&x, "</body></tmx>");
  plx_comparison *c = NULL;
  plx_error err = {0};
  plx_status st = plx_compare_bitext_buffer(x.data, x.len, NULL, &c, &err);
  plx__buf_free(&x);
  CHECK_INT(st, PLX_OK);
  if (st) {
    fprintf(stderr, "  %s\n", err.message);
    return;
  }
  size_t n = 0;
  const plx_fact *f = plx_comparison_facts(c, &n);
  for (size_t k = 0; k < nc; k++) {
    int miss[2] = {0, 0};
    for (size_t i = 0; i < n; i++)
      if (f[i].sentence == k && !strcmp(f[i].type, "tag") && f[i].status == PLX_FACT_MISSING)
        miss[f[i].side]++;
    CHECK_INT(miss[0], cases[k].miss_src);
    CHECK_INT(miss[1], cases[k].miss_tgt);
    if (miss[0] != cases[k].miss_src || miss[1] != cases[k].miss_tgt)
      fprintf(stderr, "  unit %zu: \"%s\" / \"%s\"\n", k, cases[k].src, cases[k].tgt);
  }
  plx_comparison_free(c);
}

int main(void) {
  test_sniff();
  test_xliff1();
  test_xliff2();
  test_tmx();
  test_refused();
  test_placeholders();
  TEST_DONE();
}
