/* test_lexicon.c: the lexicon module on the mini data of tests/data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plx_lexicon.h"
#include "test.h"
#include "token.h"

static char datadir[1024], dictdir[1024], userlex[1024];

static plx_lexicon *open_lex(const char *user, int replace) {
  plx_lexicon_options o;
  plx_lexicon_options_init(&o);
  o.data_dir = datadir;
  o.dict_dir = dictdir;
  o.lexicon_path = user;
  o.replace_default = replace;
  plx_lexicon *lex = NULL;
  plx_error err = {0};
  if (plx_lexicon_new(&o, &lex, &err)) fprintf(stderr, "lexicon: %s\n", err.message);
  return lex;
}

static int has(char **list, size_t n, const char *s) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(list[i], s) == 0) return 1;
  return 0;
}

static double sim(plx_lexicon *lex, const char *a, const char *b) {
  plx_bag *ba = NULL, *bb = NULL;
  plx_error err = {0};
  plx_bag_new(lex, "en", a, strlen(a), &ba, &err);
  plx_bag_new(lex, "es", b, strlen(b), &bb, &err);
  double s = plx_bag_similarity(lex, ba, bb, NULL);
  plx_bag_free(ba);
  plx_bag_free(bb);
  return s;
}

static void test_lookups(plx_lexicon *lex) {
  char **l;
  size_t n;
  CHECK_INT(plx_lexicon_translate(lex, "en", "contract", &l, &n), PLX_OK);
  CHECK(n == 1 && has(l, n, "contrato"));
  plx_strings_free(l, n);
  CHECK_INT(plx_lexicon_translate(lex, "es", "contrato", &l, &n), PLX_OK);
  CHECK(n == 1 && has(l, n, "contract"));
  plx_strings_free(l, n);
  /* irregular forms from the form table, every lemma of an ambiguous form */
  plx_lexicon_lemmas(lex, "en", "went", &l, &n);
  CHECK(has(l, n, "go"));
  plx_strings_free(l, n);
  plx_lexicon_lemmas(lex, "es", "fue", &l, &n);
  CHECK(n == 2 && has(l, n, "ir") && has(l, n, "ser"));
  plx_strings_free(l, n);
  /* Hunspell for what the tables do not know */
  plx_lexicon_lemmas(lex, "en", "suppliers", &l, &n);
  CHECK(has(l, n, "supplier"));
  plx_strings_free(l, n);
  plx_lexicon_lemmas(lex, "es", "proveedores", &l, &n);
  CHECK(has(l, n, "proveedor"));
  plx_strings_free(l, n);
  /* unknown everywhere: the form itself */
  plx_lexicon_lemmas(lex, "en", "xyzzy", &l, &n);
  CHECK(n == 1 && has(l, n, "xyzzy"));
  plx_strings_free(l, n);
  CHECK_INT(plx_lexicon_translate(lex, "fr", "x", &l, &n), PLX_ERR_LANGUAGE);
}

static void test_similarity(plx_lexicon *lex) {
  double same = sim(lex, "The government signed the contracts.", "El gobierno firmó los contratos.");
  double other = sim(lex, "The government signed the contracts.", "La nube.");
  CHECK(same > 0.7);
  CHECK(other < 0.3);
  CHECK(same > other);
  /* names in both languages, as token sequences */
  CHECK(sim(lex, "United States", "Estados Unidos") > 0.99);
  CHECK(sim(lex, "the U.S. government", "el gobierno de EE. UU.") > 0.6);
  /* "may" is not the month unless written May */
  CHECK(sim(lex, "may", "mayo") < 0.5);
  CHECK(sim(lex, "May", "mayo") > 0.99);
  /* numbers: grouping by language */
  CHECK(sim(lex, "10,000", "10.000") > 0.99);
  CHECK(sim(lex, "3.5", "3,5") > 0.99);
  CHECK(sim(lex, "10,000", "3,5") < 0.01);
  /* cognates and identical names */
  CHECK(sim(lex, "infrastructure", "infraestructura") > 0.6);
  CHECK(sim(lex, "Microsoft", "Microsoft") > 0.99);
  CHECK(sim(lex, "Pentagon", "Pentágono") > 0.99);
  /* a clause more on one side costs in proportion */
  double part = sim(lex, "The government signed the contracts with the company.",
                    "El gobierno firmó los contratos.");
  CHECK(part < sim(lex, "The government signed the contracts.", "El gobierno firmó los contratos."));
  CHECK(part > 0.3);
  CHECK(sim(lex, "", "") == 1.0);
  CHECK(sim(lex, "contract", "") == 0.0);
}

static void test_weights(plx_lexicon *lex) {
  /* informativeness: a word in every document weighs less than a rare one */
  const char *en[] = {"the contract", "the cloud", "the company"};
  plx_weights *w = plx_weights_new();
  plx_bag *b[3];
  plx_error err = {0};
  for (int i = 0; i < 3; i++) {
    plx_bag_new(lex, "en", en[i], strlen(en[i]), &b[i], &err);
    plx_weights_add(w, b[i]);
  }
  plx_bag *es1 = NULL, *es2 = NULL;
  plx_bag_new(lex, "es", "el contrato", 11, &es1, &err);
  plx_bag_new(lex, "es", "el", 2, &es2, &err);
  double rare = plx_bag_similarity(lex, b[0], es1, w);
  double common = plx_bag_similarity(lex, b[0], es2, w);
  CHECK(rare > common);
  long ev[8];
  plx_bag_similarity_evidence(lex, b[0], es1, w, ev);
  CHECK_INT(ev[0], 0); /* the ~ el */
  CHECK_INT(ev[1], 1); /* contract ~ contrato */
  for (int i = 0; i < 3; i++) plx_bag_free(b[i]);
  plx_bag_free(es1);
  plx_bag_free(es2);
  plx_weights_free(w);
}

static void test_user_lexicon(void) {
  plx_lexicon *add = open_lex(userlex, 0);
  CHECK(add != NULL);
  if (!add) return;
  CHECK(plx_lexicon_size(add) > 1);
  CHECK(sim(add, "springboard", "trampolín") > 0.99);
  CHECK(sim(add, "contract", "contrato") > 0.99);
  plx_lexicon_free(add);
  plx_lexicon *only = open_lex(userlex, 1);
  CHECK(only != NULL);
  if (!only) return;
  CHECK_INT(plx_lexicon_size(only), 1);
  CHECK(sim(only, "springboard", "trampolín") > 0.99);
  CHECK(sim(only, "contract", "contrato") < 0.99); /* only the cognate key is left */
  plx_lexicon_free(only);
  /* a missing lexicon file is an error that names it */
  plx_lexicon_options o;
  plx_lexicon_options_init(&o);
  o.data_dir = datadir;
  o.lexicon_path = "/nonexistent/lexicon.tsv";
  plx_lexicon *lex = NULL;
  plx_error err = {0};
  CHECK_INT(plx_lexicon_new(&o, &lex, &err), PLX_ERR_DATA);
  CHECK(strstr(err.message, "/nonexistent/lexicon.tsv") != NULL);
}

static void test_score_lines(plx_lexicon *lex) {
  const char *in = "The contracts.\tLos contratos.\nThe cloud.\tEl gobierno.\n";
  double *s = NULL;
  size_t n = 0;
  plx_error err = {0};
  CHECK_INT(plx_score_lines(lex, "en", "es", in, strlen(in), &s, &n, &err), PLX_OK);
  CHECK_INT(n, 2);
  if (n == 2) CHECK(s[0] > s[1]);
  free(s);
  CHECK_INT(plx_score_lines(lex, "en", "es", "no tab here\n", 12, &s, &n, &err), PLX_ERR_INPUT);
  CHECK(strstr(err.message, "line 1") != NULL);
}

/* Names across scripts: a Russian name and its English spelling share a
 * consonant key; other names do not; short words have none. */
static void S_key(const char *w, plx__buf *b) {
  plx__buf f = {0};
  plx__fold(w, strlen(w), &f);
  plx__name_key(f.data, f.len, b);
  plx__buf_free(&f);
}

static void test_name_keys(void) {
  static const char *same[][2] = {{"Джонсон", "Johnson"},   {"Корен", "Cohren"},
                                  {"Хьюстон", "Houston"},   {"Вашингтон", "Washington"},
                                  {"Нисси", "Nyssi"},       {"Москва", "Moscow"},
                                  {"Жуков", "Zhukov"},      {"Щукин", "Shchukin"},
                                  {"Тассалин", "Thassalin"}, {"Чикаго", "Chicago"}};
  plx__buf a = {0}, b = {0};
  for (size_t k = 0; k < sizeof same / sizeof *same; k++) {
    S_key(same[k][0], &a);
    S_key(same[k][1], &b);
    CHECK(a.len > 0 && a.len == b.len && !memcmp(a.data, b.data, a.len));
    if (!(a.len > 0 && a.len == b.len && !memcmp(a.data, b.data, a.len)))
      fprintf(stderr, "  %s: %.*s, %s: %.*s\n", same[k][0], (int)a.len, a.data, same[k][1],
              (int)b.len, b.data);
  }
  S_key("Иван", &a);
  S_key("John", &b);
  CHECK(!(a.len == b.len && !memcmp(a.data, b.data, a.len)));
  S_key("Том", &a); /* three letters: too short to say */
  CHECK(a.len == 0);
  plx__buf_free(&a);
  plx__buf_free(&b);
}

int main(void) {
  test_name_keys();
  const char *src = getenv("srcdir");
  if (!src) src = ".";
  snprintf(datadir, sizeof datadir, "%s/tests/data/lexicon", src);
  snprintf(dictdir, sizeof dictdir, "%s/tests/data/hunspell", src);
  snprintf(userlex, sizeof userlex, "%s/tests/data/user-lexicon.tsv", src);
  plx_lexicon *lex = open_lex(NULL, 0);
  CHECK(lex != NULL);
  if (!lex) TEST_DONE();
  test_lookups(lex);
  test_similarity(lex);
  test_weights(lex);
  test_score_lines(lex);
  plx_lexicon_free(lex);
  test_user_lexicon();
  TEST_DONE();
}
