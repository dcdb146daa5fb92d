/* test_words.c: the word aligner inside links (plx_words.h) and the facts
 * it decides (plx_facts): which words stand for each other, details missing
 * or in conflict, names covered by their rendering, values paired by
 * place, numbers in compounds, the score threshold and type filters. */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plx_align.h"
#include "plx_words.h"
#include "test.h"

static plx_lexicon *lex;

typedef struct pair {
  plx_doc *a, *b;
  plx_alignment *al;
  plx_fact *facts;
  size_t nf;
} pair;

static plx_doc *doc(const char *text, const char *lang) {
  plx_doc_options o;
  plx_doc_options_init(&o);
  o.lang = lang;
  o.segmented = 1;
  plx_doc *d = NULL;
  plx_error err = {0};
  if (plx_doc_parse(text, strlen(text), &o, &d, &err)) fprintf(stderr, "doc: %s\n", err.message);
  return d;
}

static pair make(const char *en, const char *es, plx_align_mode mode) {
  pair p;
  memset(&p, 0, sizeof p);
  p.a = doc(en, "en");
  p.b = doc(es, "es");
  plx_align_options ao;
  plx_align_options_init(&ao);
  ao.mode = mode;
  plx_error err = {0};
  if (p.a && p.b && plx_align(lex, p.a, p.b, &ao, &p.al, &err) == PLX_OK)
    plx_facts(p.al, &p.facts, &p.nf, &err);
  return p;
}

static void drop(pair *p) {
  free(p->facts);
  plx_alignment_free(p->al);
  plx_doc_free(p->a);
  plx_doc_free(p->b);
}

/* Whether link 0 aligns the word wa of A with wb of B. */
static int aligned(const pair *p, const char *wa, const char *wb) {
  const plx_word_link *w;
  size_t n, la, lb;
  const char *ta = plx_doc_text(p->a, &la), *tb = plx_doc_text(p->b, &lb);
  if (!p->al || plx_alignment_link_count(p->al) == 0) return 0;
  if (plx_alignment_words(p->al, 0, &w, &n, NULL) != PLX_OK) return 0;
  for (size_t k = 0; k < n; k++)
    if (w[k].a_end - w[k].a_start == strlen(wa) && !memcmp(ta + w[k].a_start, wa, strlen(wa)) &&
        w[k].b_end - w[k].b_start == strlen(wb) && !memcmp(tb + w[k].b_start, wb, strlen(wb)))
      return 1;
  return 0;
}

/* The fact of type on side whose text is exactly text, or NULL. */
static const plx_fact *fact(const pair *p, int side, const char *type, const char *text) {
  for (size_t k = 0; k < p->nf; k++) {
    const plx_fact *f = &p->facts[k];
    size_t len;
    const char *t = plx_doc_text(f->side ? p->b : p->a, &len);
    if (f->side == side && !strcmp(f->type, type) && f->end - f->start == strlen(text) &&
        !memcmp(t + f->start, text, strlen(text)))
      return f;
  }
  return NULL;
}

/* The number of facts not matched that score at least min. */
static size_t reported(const pair *p, double min) {
  size_t n = 0;
  for (size_t k = 0; k < p->nf; k++)
    if (p->facts[k].status != PLX_FACT_MATCHED && p->facts[k].score >= min) n++;
  return n;
}

static void test_alignment(void) {
  pair p = make("The president visited Iceland on Monday with his two daughters.\n",
                "El presidente visitó Islandia el lunes con sus dos hijas.\n", PLX_MODE_AUTO);
  CHECK(p.al && plx_alignment_link_count(p.al) == 1);
  CHECK(aligned(&p, "president", "presidente"));
  CHECK(aligned(&p, "visited", "visitó"));
  CHECK(aligned(&p, "Iceland", "Islandia"));
  CHECK(aligned(&p, "Monday", "lunes"));
  CHECK(aligned(&p, "daughters", "hijas"));
  CHECK(aligned(&p, "two", "dos"));
  CHECK(!aligned(&p, "president", "hijas"));
  /* a faithful translation comes out clean */
  CHECK_INT(reported(&p, PLX_FACT_MIN_SCORE), 0);
  /* every pair points inside its sentences, in A's order */
  const plx_word_link *w;
  size_t n;
  CHECK_INT(plx_alignment_words(p.al, 0, &w, &n, NULL), PLX_OK);
  for (size_t k = 0; k < n; k++) {
    CHECK(w[k].a_start < w[k].a_end && w[k].b_start < w[k].b_end);
    CHECK(w[k].score > 0 && w[k].score <= 1);
    if (k) CHECK(w[k - 1].a_start <= w[k].a_start);
  }
  plx_error err = {0};
  CHECK_INT(plx_alignment_words(p.al, 5, &w, &n, &err), PLX_ERR_USAGE);
  drop(&p);
}

static void test_names(void) {
  /* a name written in the other language's spelling, initials in another
   * order: covered, not missing */
  pair p = make("Officials in Nova Scotia said the NSA had asked for the data.\n",
                "Las autoridades de Nueva Escocia dijeron que la ASN había pedido los datos.\n",
                PLX_MODE_PARALLEL);
  CHECK(aligned(&p, "NSA", "ASN"));
  const plx_fact *f = fact(&p, 0, "name", "Nova Scotia");
  CHECK(f && f->status == PLX_FACT_MATCHED);
  CHECK_INT(reported(&p, PLX_FACT_MIN_SCORE), 0);
  drop(&p);
  /* a name the other side does not have at all */
  p = make("The minister arrived in Berlin on Tuesday with Angela Merkel.\n",
           "El ministro llegó a Berlín el martes.\n", PLX_MODE_PARALLEL);
  f = fact(&p, 0, "name", "Angela Merkel");
  CHECK(f && f->status == PLX_FACT_MISSING && f->score >= PLX_FACT_MIN_SCORE);
  drop(&p);
}

static void test_values(void) {
  /* values paired by their place, not by their order */
  pair p = make("Police said 30 people were hurt and 4 cars burned.\n",
                "La policía dijo que 27 personas resultaron heridas y 4 coches ardieron.\n",
                PLX_MODE_PARALLEL);
  const plx_fact *f = fact(&p, 0, "number", "30");
  CHECK(f && f->status == PLX_FACT_CONFLICT && f->score >= PLX_FACT_MIN_SCORE);
  f = fact(&p, 0, "number", "4");
  CHECK(f && f->status == PLX_FACT_MATCHED);
  drop(&p);
  /* a number word inside a compound is no value; a bare age meets "de 37
   * años" */
  p = make("The three-dimensional model of Smith, 37, was shown.\n",
           "Se mostró el modelo tridimensional de Smith, de 37 años.\n", PLX_MODE_PARALLEL);
  CHECK(!fact(&p, 0, "number", "three"));
  f = fact(&p, 0, "number", "37");
  CHECK(f && f->status == PLX_FACT_MATCHED);
  CHECK_INT(reported(&p, PLX_FACT_MIN_SCORE), 0);
  drop(&p);
}

static void test_anchored(void) {
  /* two reports that the alignment does not link (links are asked to be
   * near-identical here): the year tied to one title is a conflict, with
   * the title as evidence; another year is not */
  plx_doc *a = doc("Critics still praise the music of Firefly (2002), a series about smugglers.\n"
                   "The network was sold in 1998.\n",
                   "en");
  plx_doc *b = doc("Nadie en la cadena entendió a los personajes de Firefly (2001).\n", "es");
  plx_align_options ao;
  plx_align_options_init(&ao);
  ao.mode = PLX_MODE_COMPARABLE;
  ao.min_link = 0.99;
  plx_alignment *al = NULL;
  plx_fact *fs = NULL;
  size_t nf = 0;
  plx_error err = {0};
  CHECK_INT(plx_align(lex, a, b, &ao, &al, &err), PLX_OK);
  CHECK_INT(plx_alignment_link_count(al), 0);
  CHECK_INT(plx_facts(al, &fs, &nf, &err), PLX_OK);
  pair p = {a, b, al, fs, nf};
  const plx_fact *f = fact(&p, 0, "date", "2002");
  CHECK(f && f->status == PLX_FACT_CONFLICT && !strcmp(f->cp_value, "2001"));
  CHECK(f && !strcmp(f->evidence, "Firefly=Firefly"));
  f = fact(&p, 0, "date", "1998");
  CHECK(f && f->status == PLX_FACT_MISSING);
  drop(&p);
}

static void test_details(void) {
  /* a phrase added on one side, nothing in its place on the other */
  pair p = make("The bridge, which was built by Roman engineers in the desert, collapsed after the "
                "heavy storm.\n",
                "El puente se derrumbó después de la fuerte tormenta.\n", PLX_MODE_PARALLEL);
  int found = 0;
  for (size_t k = 0; k < p.nf; k++) {
    const plx_fact *f = &p.facts[k];
    if (f->side == 0 && !strcmp(f->type, "detail") && f->status == PLX_FACT_MISSING &&
        f->score >= PLX_FACT_MIN_SCORE) {
      size_t len;
      const char *t = plx_doc_text(p.a, &len);
      found |= memmem(t + f->start, f->end - f->start, "engineers", 9) != NULL;
    }
  }
  CHECK(found);
  /* the words both sides share are no detail */
  CHECK(!fact(&p, 0, "detail", "bridge"));
  CHECK(!fact(&p, 0, "detail", "storm"));
  drop(&p);
}

static void test_order(void) {
  /* the library takes the languages in either order: a lexicon asked for
   * es-en, a Spanish A and an English B */
  plx_lexicon_options lo;
  plx_lexicon_options_init(&lo);
  lo.lang_a = "es";
  lo.lang_b = "en";
  plx_lexicon *rev = NULL;
  plx_error err = {0};
  CHECK_INT(plx_lexicon_new(&lo, &rev, &err), PLX_OK);
  if (!rev) return;
  plx_doc *a = doc("El presidente visitó Islandia el lunes.\n", "es");
  plx_doc *b = doc("The president visited Iceland on Monday.\n", "en");
  plx_align_options ao;
  plx_align_options_init(&ao);
  plx_alignment *al = NULL;
  CHECK_INT(plx_align(rev, a, b, &ao, &al, &err), PLX_OK);
  pair p = {a, b, al, NULL, 0};
  CHECK(al && plx_alignment_link_count(al) == 1);
  CHECK(aligned(&p, "presidente", "president"));
  CHECK(aligned(&p, "lunes", "Monday"));
  /* two articles in one language are refused by the library itself */
  plx_doc *c = doc("The minister visited Paris.\n", "en");
  plx_alignment *same = NULL;
  CHECK_INT(plx_align(rev, b, c, &ao, &same, &err), PLX_ERR_LANGUAGE);
  CHECK(same == NULL && strstr(err.message, "both articles are in 'en'") != NULL);
  plx_doc_free(c);
  drop(&p);
  plx_lexicon_free(rev);
}

static void test_filter(void) {
  plx_fact f[4];
  memset(f, 0, sizeof f);
  f[0].type = "number", f[0].status = PLX_FACT_MISSING, f[0].score = 0.9;
  f[1].type = "detail", f[1].status = PLX_FACT_MISSING, f[1].score = 0.2;
  f[2].type = "name", f[2].status = PLX_FACT_MATCHED, f[2].score = 0;
  f[3].type = "detail", f[3].status = PLX_FACT_CONFLICT, f[3].score = 0.7;
  plx_fact_filter flt;
  plx_fact_filter_init(&flt);
  plx_fact g[4];
  memcpy(g, f, sizeof f);
  CHECK_INT(plx_facts_select(g, 4, &flt), 3); /* the 0.2 detail is left out */
  CHECK(!strcmp(g[0].type, "number") && !strcmp(g[1].type, "name") && g[2].score == 0.7);
  memcpy(g, f, sizeof f);
  plx_error err = {0};
  CHECK_INT(plx_fact_types_parse("detail,values", &flt.types, &err), PLX_OK);
  flt.min_score = 0;
  CHECK_INT(plx_facts_select(g, 4, &flt), 3);
  CHECK_INT(plx_fact_types_parse("names", &flt.types, &err), PLX_ERR_USAGE);
  CHECK(strstr(err.message, "names") != NULL);
  CHECK_INT(plx_fact_type_bit("clause"), PLX_FACT_CLAUSE);
  CHECK_INT(plx_fact_type_bit("nothing"), 0);
}

int main(void) {
  plx_error err = {0};
  if (plx_lexicon_new(NULL, &lex, &err)) {
    fprintf(stderr, "lexicon: %s\n", err.message);
    return 1;
  }
  test_alignment();
  test_names();
  test_values();
  test_details();
  test_anchored();
  test_order();
  test_filter();
  plx_lexicon_free(lex);
  TEST_DONE();
}
