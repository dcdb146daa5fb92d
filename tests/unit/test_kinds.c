/* test_kinds.c: sentence kinds (corpus/kinds.c).
 *
 * Documents are cut into sentences here by a deliberately simple splitter
 * (lines, then ". " before a capital), so that the tests pin down the kind
 * rules and not the segmenter. Expected kinds are written one letter per
 * sentence: x text, T title, H heading, C caption, L list, B boilerplate,
 * D duplicate. */
#include "internal.h"
#include "test.h"

#include <pthread.h>
#include <stdlib.h>

typedef struct S_doc {
  const char *text;
  size_t len;
  plx_sentence *s;
  size_t n, cap;
  char kinds[256];
} S_doc;

static int S_is_bullet_line(const char *t, size_t a, size_t e) {
  if (e - a >= 4 && memcmp(t + a, "\xE2\x80\xA2 ", 4) == 0) return 1; /* "• " */
  return e - a >= 2 && t[a] == '-' && t[a + 1] == ' ';
}

static void S_push(S_doc *d, size_t s, size_t e, plx_kind kind) {
  while (e > s && (d->text[e - 1] == ' ' || d->text[e - 1] == '\r')) e--;
  if (e <= s) return;
  plx_sentence x = {s, e, kind, 0};
  PLX__PUSH(d->s, d->n, d->cap, x);
}

/* Lines; within a line, a break after . ? ! followed by a space and a
 * capital or a quote. A line starting with "• " or "- " is a list item
 * whose span includes the bullet, as the segmenter gives it. */
static void S_split(S_doc *d, const char *text, size_t len) {
  memset(d, 0, sizeof *d);
  d->text = text;
  d->len = len;
  for (size_t i = 0; i < len;) {
    const char *nl = memchr(text + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - text) : len, a = i;
    i = e + 1;
    while (a < e && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r')) a++;
    if (a == e) continue;
    plx_kind kind = S_is_bullet_line(text, a, e) ? PLX_KIND_LIST : PLX_KIND_TEXT;
    size_t s = a;
    for (size_t k = a; k + 2 < e; k++) {
      char c = text[k], n2 = text[k + 2];
      if ((c == '.' || c == '?' || c == '!') && text[k + 1] == ' ' &&
          ((n2 >= 'A' && n2 <= 'Z') || n2 == '"')) {
        S_push(d, s, k + 1, kind);
        kind = PLX_KIND_TEXT;
        s = k + 2;
      }
    }
    S_push(d, s, e, kind);
  }
}

static const char *S_letters(S_doc *d) {
  static const char code[] = "xTHCLBD";
  char *out = d->kinds;
  size_t i = 0;
  for (; i < d->n && i + 1 < sizeof d->kinds; i++) out[i] = code[d->s[i].kind];
  out[i] = '\0';
  return out;
}

/* Splits text, assigns kinds, and returns them as letters ("!" on error). */
static const char *S_kinds(S_doc *d, const char *text, const char *lang, int markup) {
  S_split(d, text, strlen(text));
  plx_error err = {0};
  plx_status st = plx__kinds_assign(lang, d->text, d->len, d->s, d->n, markup, &err);
  if (st) {
    fprintf(stderr, "kinds: %s\n", err.message);
    strcpy(d->kinds, "!");
    return d->kinds;
  }
  return S_letters(d);
}

static void S_free(S_doc *d) {
  free(d->s);
  d->s = NULL;
  d->n = d->cap = 0;
}

/* Is this one sentence boilerplate in this language? */
static int S_boiler(const char *lang, const char *sentence) {
  S_doc d;
  const char *k = S_kinds(&d, sentence, lang, 1);
  int b = d.n == 1 && k[0] == 'B';
  S_free(&d);
  return b;
}

static void test_title(void) {
  S_doc d;
  CHECK_STR(S_kinds(&d, "A plain title for the story\n\nThe body starts here. It goes on.\n", "en", 0),
            "Txx");
  S_free(&d);
  /* Final punctuation: prose, not a title. */
  CHECK_STR(S_kinds(&d, "The body starts here.\n\nThe body goes on. And on.\n", "en", 0), "xxx");
  S_free(&d);
  /* Not a whole line. */
  CHECK_STR(S_kinds(&d, "The body starts here. Then it goes on\n\nMore text. And more.\n", "en", 0),
            "xxxx");
  S_free(&d);
  /* More than 30 words is no title (nor a heading). */
  CHECK_STR(S_kinds(&d,
                    "one two three four five six seven eight nine ten eleven twelve thirteen "
                    "fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one "
                    "twenty-two twenty-three twenty-four twenty-five twenty-six\n\n"
                    "The body starts here. It goes on.\n",
                    "en", 0),
            "xxx");
  S_free(&d);
  /* Furniture before the title is skipped. */
  CHECK_STR(S_kinds(&d, "Advertisement\nThe real title\n\nThe body starts here. It goes on.\n",
                    "en", 0),
            "BTxx");
  S_free(&d);
  /* A question standing alone may be a title. */
  CHECK_STR(S_kinds(&d, "Is this the end of cash?\n\nNo, it is not. Cash goes on.\n", "en", 0),
            "Txx");
  S_free(&d);
  /* A list item is no title. */
  CHECK_STR(S_kinds(&d, "- first item\n- second item\n\nThe body starts here. It goes on.\n",
                    "en", 0),
            "LLxx");
  S_free(&d);
  /* A byte-order mark and CRLF line ends. */
  const char *bom = "\xEF\xBB\xBFThe title\r\n\r\nThe body starts here. It goes on.\r\n";
  S_split(&d, bom, strlen(bom));
  d.s[0].start = 3; /* the BOM is never in a sentence */
  CHECK_INT(plx__kinds_assign("en", d.text, d.len, d.s, d.n, 0, NULL), PLX_OK);
  CHECK_STR(S_letters(&d), "Txx");
  S_free(&d);
}

static void test_duplicate(void) {
  S_doc d;
  /* Case and white space aside. */
  CHECK_STR(S_kinds(&d,
                    "The body starts here. The minister  resigned on Monday.\n\n"
                    "THE MINISTER RESIGNED\xC2\xA0ON MONDAY.\n",
                    "en", 0),
            "xxD");
  CHECK_INT(d.s[2].duplicate_of, 1);
  CHECK_INT(d.s[1].duplicate_of, 0);
  S_free(&d);
  /* Short repeats stay. */
  CHECK_STR(S_kinds(&d, "He said it. Yes. She said it again. Yes.\n", "en", 0), "xxxx");
  S_free(&d);
  /* ... unless they repeat the title. */
  CHECK_STR(S_kinds(&d, "Breaking\n\nBreaking\n\nThe body starts here. It goes on.\n", "en", 0),
            "TDxx");
  CHECK_INT(d.s[1].duplicate_of, 0);
  S_free(&d);
  /* The demo's double title. */
  CHECK_STR(S_kinds(&d, "the cloud contract opened the doors\n\nthe cloud contract opened the doors\n\n"
                        "The body starts here. It goes on.\n",
                    "en", 0),
            "TDxx");
  S_free(&d);
  /* A repeated list item, and prose repeating a list item. */
  CHECK_STR(S_kinds(&d,
                    "The title\n\n- Prices rose by three percent.\n- Prices rose by three percent.\n\n"
                    "The body starts here. Prices rose by three percent.\n",
                    "en", 0),
            "TLDxD");
  CHECK_INT(d.s[2].duplicate_of, 1);
  CHECK_INT(d.s[4].duplicate_of, 1);
  S_free(&d);
  /* Recomputed: a stale DUPLICATE that repeats nothing becomes text, and a
   * second pass gives the same answer. */
  S_split(&d, "One sentence here. Another sentence here.",
          strlen("One sentence here. Another sentence here."));
  d.s[1].kind = PLX_KIND_DUPLICATE;
  d.s[1].duplicate_of = 0;
  CHECK_INT(plx__kinds_assign("en", d.text, d.len, d.s, d.n, 0, NULL), PLX_OK);
  CHECK_STR(S_letters(&d), "xx");
  S_free(&d);
  const char *twice = "The title\n\nThe body starts here. It goes on. The body starts here.\n";
  S_split(&d, twice, strlen(twice));
  CHECK_INT(plx__kinds_assign("en", d.text, d.len, d.s, d.n, 0, NULL), PLX_OK);
  CHECK_STR(S_letters(&d), "TxxD");
  CHECK_INT(plx__kinds_assign("en", d.text, d.len, d.s, d.n, 0, NULL), PLX_OK);
  CHECK_STR(S_letters(&d), "TxxD");
  CHECK_INT(d.s[3].duplicate_of, 1);
  S_free(&d);
}

static void test_boilerplate(void) {
  S_doc d;
  /* Boilerplate wins over duplicate and title. */
  CHECK_STR(S_kinds(&d, "Leave a Comment\n\nThe body starts here. It goes on.\n\nLeave a comment\n",
                    "en", 0),
            "BxxB");
  CHECK_INT(d.s[3].duplicate_of, 0);
  S_free(&d);
  /* A bulleted furniture line (bullet inside the span). */
  CHECK_STR(S_kinds(&d,
                    "El título\n\n\xE2\x80\xA2 Una idea clave del artículo.\n"
                    "\xE2\x80\xA2 Descubre más historias en Business Insider España.\n\n"
                    "El cuerpo empieza aquí. Sigue después.\n",
                    "es", 0),
            "TLBxx");
  S_free(&d);

  /* Furniture sharing a short line with other furniture or text. */
  CHECK_STR(S_kinds(&d,
                    "The title\n\nThe body starts here. It goes on.\n\n"
                    "\xC2\xA9 2020 Example Media. All rights reserved.\n",
                    "en", 0),
            "TxxBB");
  S_free(&d);
  /* In a long paragraph, a sentence is prose whatever it looks like. */
  CHECK_STR(S_kinds(&d,
                    "The body starts here and it runs on for quite a while, as body text does, "
                    "with many words in every one of its sentences. Advertisement. The "
                    "paragraph goes on after that with more words, and more, and more still, "
                    "until it is far longer than any line of site furniture.\n",
                    "en", 0),
            "xxx");
  S_free(&d);

  static const char *en_yes[] = {
      "Leave a Reply",
      "If you notice an error, select it with the mouse and press CTRL + ENTER.",
      "Read more: Why the Pentagon chose Microsoft",
      "Share this article",
      "Share on Facebook",
      "Sign up for our daily newsletter",
      "All rights reserved.",
      "Copyright 2020 Example Media Inc.",
      "\xC2\xA9 2020 Example Media, all rights reserved.",
      "Click here to subscribe.",
      "Follow us on Twitter",
      "Related: The cloud wars heat up",
      "ADVERTISEMENT",
      "Subscribe to our newsletter",
      "Story continues below advertisement",
      "Updated March 3, 2020 10:15 AM",
      "Last updated: 12/03/2020",
      "SHARE THIS ARTICLE",
      "3 min read",
      "12 Comments",
  };
  for (size_t i = 0; i < sizeof en_yes / sizeof en_yes[0]; i++) {
    int b = S_boiler("en", en_yes[i]);
    if (!b) fprintf(stderr, "not boilerplate: %s\n", en_yes[i]);
    CHECK(b);
  }
  static const char *en_no[] = {
      "Read the report carefully before you sign it.",
      "Shares in the company rose by three percent.",
      "If you find a mistake in your tax return, correct it quickly.",
      "Copyright law has changed a great deal.",
      "Related companies reported losses.",
      "The advertisement ran for three weeks.",
      "Sign the contract before Friday.",
  };
  for (size_t i = 0; i < sizeof en_no / sizeof en_no[0]; i++) {
    int b = S_boiler("en", en_no[i]);
    if (b) fprintf(stderr, "boilerplate: %s\n", en_no[i]);
    CHECK(!b);
  }
  static const char *es_yes[] = {
      "Leer m\xC3\xA1s:\xC2\xA0 Un astrof\xC3\xADsico espa\xC3\xB1ol que trabaja en Microsoft",
      "LEER MÁS: ¿Qué significan los nombres de Siri, Alexa y Cortana?",
      "Descubre más sobre , autor/a de este artículo.",
      "Conoce cómo trabajamos en Business Insider.",
      "Lee también: La guerra de la nube",
      "Suscríbete a nuestra newsletter",
      "Síguenos en Twitter",
      "Publicidad",
      "Todos los derechos reservados.",
      "Compártelo en Facebook",
      "Comparte en WhatsApp",
      "Más información: www.ejemplo.es",
      "Te puede interesar: Las claves del contrato",
      "También te puede interesar: Las claves del contrato",
      "Publicado el 3 de marzo de 2020",
      "Actualizado: 12/03/2020 10:15",
      "¿Has encontrado un error?",
      "5 minutos de lectura",
  };
  for (size_t i = 0; i < sizeof es_yes / sizeof es_yes[0]; i++) {
    int b = S_boiler("es", es_yes[i]);
    if (!b) fprintf(stderr, "not boilerplate: %s\n", es_yes[i]);
    CHECK(b);
  }
  static const char *es_no[] = {
      "Más información sobre el caso llegó el martes.",
      "La publicidad en internet creció un 10%.",
      "Si encuentras un error en tu declaración, corrígelo.",
      "Descubre cómo funciona el nuevo sistema de pagos.",
  };
  for (size_t i = 0; i < sizeof es_no / sizeof es_no[0]; i++) {
    int b = S_boiler("es", es_no[i]);
    if (b) fprintf(stderr, "boilerplate: %s\n", es_no[i]);
    CHECK(!b);
  }
  /* Each language has its own patterns. */
  CHECK(!S_boiler("en", "Publicidad"));
  CHECK(!S_boiler("es", "Advertisement"));
}

static void test_heading(void) {
  S_doc d;
  const char *t =
      "The title of the piece\n\n"
      "The body starts here. It goes on.\n\n"
      "Amazon Web Services, en desacuerdo por la decisión\n\n"
      "More prose follows. And more.\n\n"
      "This line ends with a colon:\n"
      "He said: \"we will see.\"\n"
      "A line that stands alone here\n";
  CHECK_STR(S_kinds(&d, t, "en", 0), "TxxHxxxxx");
  S_free(&d);
  /* Too long for a heading; a list item is not one. */
  CHECK_STR(S_kinds(&d,
                    "The title\n\nThe body starts here. It goes on.\n\n"
                    "one two three four five six seven eight nine ten eleven twelve thirteen "
                    "fourteen fifteen sixteen\n"
                    "- a list item\n\nMore prose follows. And more.\n",
                    "en", 0),
            "TxxxLxx");
  S_free(&d);
}

static void test_caption(void) {
  S_doc d;
  /* The demo's shape: title, caption (twice), bullets, then the body. */
  const char *t =
      "Microsoft ya tiene acuerdos gubernamentales\n\n"
      "Satya Nadella, CEO de Microsoft.\n"
      "Satya Nadella, CEO de Microsoft.\n"
      "  \xE2\x80\xA2 Microsoft está firmando acuerdos con gobiernos extranjeros.\n"
      "  \xE2\x80\xA2 Descubre más historias en Business Insider España.\n\n"
      "Microsoft está firmando acuerdos con gobiernos extranjeros para ofrecer paquetes "
      "cloud similares al que ensambló para el Departamento de Defensa, según CNBC.\n\n"
      "El Pentágono espera terminar la revisión.\n\n"
      "Otra frase más del cuerpo.\n";
  CHECK_STR(S_kinds(&d, t, "es", 0), "TCDLBxxx");
  CHECK_INT(d.s[2].duplicate_of, 1);
  S_free(&d);
  /* No title, no captions; none after the body starts either. */
  CHECK_STR(S_kinds(&d,
                    "A short first line.\n\nThe body starts here. It goes on.\n\n"
                    "A short line later.\n\nMore prose. And more.\n",
                    "en", 0),
            "xxxxxx");
  S_free(&d);
  /* No body at all: no captions. */
  CHECK_STR(S_kinds(&d, "The title\n\nA photo caption.\n", "en", 0), "Tx");
  S_free(&d);
  /* A long line between title and body is prose and ends the stretch. */
  CHECK_STR(S_kinds(&d,
                    "The title\n\n"
                    "This standfirst line runs on for quite a few words, many more than any "
                    "photo caption or credit line would ever need to use.\n\n"
                    "Photo by someone.\n\nThe body starts here. It goes on.\n",
                    "en", 0),
            "Txxxx");
  S_free(&d);
}

static void test_markup(void) {
  S_doc d;
  /* From markup: no title, heading or caption guessed from the text; kinds
   * from the markup are kept unless furniture or repeats. */
  const char *t = "Short line without a stop\n\nSection heading\n\nShare this\n\n"
                  "Photo of the minister.\n\nThe body starts here. It goes on.\n\n"
                  "Short line without a stop\n";
  S_split(&d, t, strlen(t));
  CHECK_INT(d.n, 7);
  d.s[0].kind = PLX_KIND_TITLE;
  d.s[1].kind = PLX_KIND_HEADING;
  d.s[2].kind = PLX_KIND_HEADING;
  d.s[3].kind = PLX_KIND_CAPTION;
  CHECK_INT(plx__kinds_assign("en", d.text, d.len, d.s, d.n, 1, NULL), PLX_OK);
  CHECK_STR(S_letters(&d), "THBCxxD");
  CHECK_INT(d.s[6].duplicate_of, 0);
  S_free(&d);
  CHECK_STR(S_kinds(&d, "Short line without a stop\n\nAnother one\n\nThe body starts here.\n", "en", 1),
            "xxx");
  S_free(&d);
}

static void test_errors(void) {
  plx_sentence s[1] = {{0, 4, PLX_KIND_TEXT, 0}};
  plx_error err = {0};
  CHECK_INT(plx__kinds_assign("fr", "Oui.", 4, s, 1, 0, &err), PLX_ERR_LANGUAGE);
  CHECK(err.message[0] != '\0');
  CHECK_INT(plx__kinds_assign(NULL, "Oui.", 4, s, 1, 0, NULL), PLX_ERR_LANGUAGE);
  s[0].end = 9;
  CHECK_INT(plx__kinds_assign("en", "Oui.", 4, s, 1, 0, &err), PLX_ERR_USAGE);
  CHECK_INT(plx__kinds_assign("en", "", 0, NULL, 0, 0, NULL), PLX_OK);
}

/* Read a demo file under $srcdir (or "."). */
static char *S_read(const char *rel, size_t *len) {
  const char *dir = getenv("srcdir");
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : ".", rel);
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "cannot open %s\n", path);
    return NULL;
  }
  plx__buf b = {0};
  char chunk[4096];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) plx__buf_put(&b, chunk, got);
  fclose(f);
  return plx__buf_detach(&b, len);
}

static int S_starts(const S_doc *d, size_t i, const char *prefix) {
  size_t n = strlen(prefix);
  return d->s[i].end - d->s[i].start >= n && memcmp(d->text + d->s[i].start, prefix, n) == 0;
}

static void test_demo(void) {
  size_t len;
  char *en = S_read("corpus/jedi/en.txt", &len);
  CHECK(en != NULL);
  if (en) {
    S_doc d;
    S_split(&d, en, len);
    CHECK_INT(plx__kinds_assign("en", d.text, d.len, d.s, d.n, 0, NULL), PLX_OK);
    CHECK(d.n > 6);
    if (d.n > 6) {
      CHECK_INT(d.s[0].kind, PLX_KIND_TITLE);
      CHECK_INT(d.s[1].kind, PLX_KIND_DUPLICATE);
      CHECK_INT(d.s[1].duplicate_of, 0);
      CHECK(S_starts(&d, d.n - 2, "If you notice an error"));
      CHECK_INT(d.s[d.n - 2].kind, PLX_KIND_BOILERPLATE);
      CHECK_INT(d.s[d.n - 1].kind, PLX_KIND_BOILERPLATE);
      for (size_t i = 2; i + 2 < d.n; i++) CHECK_INT(d.s[i].kind, PLX_KIND_TEXT);
    }
    S_free(&d);
    free(en);
  }
  char *es = S_read("corpus/jedi/es.txt", &len);
  CHECK(es != NULL);
  if (es) {
    S_doc d;
    S_split(&d, es, len);
    CHECK_INT(plx__kinds_assign("es", d.text, d.len, d.s, d.n, 0, NULL), PLX_OK);
    size_t lists = 0, boiler = 0, headings = 0, captions = 0, titles = 0;
    for (size_t i = 0; i < d.n; i++) {
      plx_kind k = d.s[i].kind;
      lists += k == PLX_KIND_LIST;
      headings += k == PLX_KIND_HEADING;
      captions += k == PLX_KIND_CAPTION;
      titles += k == PLX_KIND_TITLE;
      if (k == PLX_KIND_BOILERPLATE) {
        boiler++;
        CHECK(S_starts(&d, i, "Leer m") || S_starts(&d, i, "Descubre m") ||
              S_starts(&d, i, "\xE2\x80\xA2 Descubre m") || S_starts(&d, i, "Conoce c"));
      }
      if (S_starts(&d, i, "Amazon Web Services, en desacuerdo"))
        CHECK_INT(k, PLX_KIND_HEADING);
    }
    CHECK_INT(d.s[0].kind, PLX_KIND_TITLE);
    CHECK(S_starts(&d, 1, "Satya Nadella"));
    CHECK_INT(d.s[1].kind, PLX_KIND_CAPTION);
    CHECK_INT(d.s[2].kind, PLX_KIND_DUPLICATE);
    CHECK_INT(d.s[2].duplicate_of, 1);
    CHECK_INT(titles, 1);
    CHECK_INT(captions, 1);
    CHECK_INT(headings, 1);
    CHECK_INT(lists, 3);
    CHECK_INT(boiler, 5);
    S_free(&d);
    free(es);
  }
}

static void *S_thread(void *arg) {
  int *ok = arg;
  for (int i = 0; i < 50; i++) {
    S_doc d;
    if (strcmp(S_kinds(&d, "The title\n\nThe body starts here. It goes on.\n\nLeave a Reply\n",
                       "en", 0),
               "TxxB") != 0)
      *ok = 0;
    S_free(&d);
  }
  return NULL;
}

/* The patterns are compiled once, by whichever thread comes first. */
static void test_threads(void) {
  pthread_t th[4];
  int ok[4] = {1, 1, 1, 1};
  for (int i = 0; i < 4; i++) pthread_create(&th[i], NULL, S_thread, &ok[i]);
  for (int i = 0; i < 4; i++) pthread_join(th[i], NULL);
  for (int i = 0; i < 4; i++) CHECK(ok[i]);
}

/* Furniture patterns are compiled when a sentence first needs them: every
 * one of the shipped files must compile all the same. */
static void test_patterns_compile(void) {
  plx_error err = {0};
  CHECK_INT(plx__kinds_check("en", &err), PLX_OK);
  CHECK_INT(plx__kinds_check("es", &err), PLX_OK);
  CHECK_INT(plx__kinds_check("xx", &err), PLX_ERR_LANGUAGE);
}

int main(void) {
  test_threads();
  test_patterns_compile();
  test_title();
  test_duplicate();
  test_boilerplate();
  test_heading();
  test_caption();
  test_markup();
  test_errors();
  test_demo();
  TEST_DONE();
}
