/* test_values.c: numbers, amounts, dates and durations (plx_values_find),
 * each rule in English and in Spanish, the demo articles, and the
 * comparison of values across the two languages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "plx_values.h"
#include "test.h"

/* ---- Helpers ---- */

typedef struct S_found {
  plx_value *v;
  size_t n;
  const char *text;
} S_found;

static S_found S_find(const char *lang, const char *text) {
  S_found f = {NULL, 0, text};
  plx_error err = {0};
  plx_status st = plx_values_find(text, strlen(text), lang, &f.v, &f.n, &err);
  if (st != PLX_OK) fprintf(stderr, "plx_values_find(%s, \"%s\"): %s\n", lang, text, err.message);
  CHECK_INT(st, PLX_OK);
  return f;
}

/* The value whose span is exactly `span` (its first occurrence in the
 * text), or NULL. */
static const plx_value *S_at(const S_found *f, const char *span) {
  const char *p = strstr(f->text, span);
  if (!p) return NULL;
  size_t s = (size_t)(p - f->text), e = s + strlen(span);
  for (size_t i = 0; i < f->n; i++)
    if (f->v[i].start == s && f->v[i].end == e) return &f->v[i];
  return NULL;
}

static void S_dump(const S_found *f) {
  for (size_t i = 0; i < f->n; i++)
    fprintf(stderr, "    [%.*s] %s %s\n", (int)(f->v[i].end - f->v[i].start),
            f->text + f->v[i].start, plx_value_type_name(f->v[i].type), f->v[i].value);
}

/* `text` holds a value spanning `span`, of the type, with the canonical
 * string. */
#define HAS(lang, text, span, type, value) S_has(__LINE__, lang, text, span, type, value)
static void S_has(int line, const char *lang, const char *text, const char *span,
                  plx_value_type type, const char *value) {
  S_found f = S_find(lang, text);
  const plx_value *v = S_at(&f, span);
  t_run++;
  if (!v || v->type != type || strcmp(v->value, value) != 0) {
    t_failed++;
    fprintf(stderr, "%s:%d: %s \"%s\": want [%s] %s %s; found:\n", __FILE__, line, lang, text, span,
            plx_value_type_name(type), value);
    S_dump(&f);
  }
  free(f.v);
}

/* `text` holds exactly one value, spanning all of it. */
#define ONE(lang, text, type, value) S_one(__LINE__, lang, text, type, value)
static void S_one(int line, const char *lang, const char *text, plx_value_type type,
                  const char *value) {
  S_found f = S_find(lang, text);
  t_run++;
  if (f.n != 1 || f.v[0].start != 0 || f.v[0].end != strlen(text) || f.v[0].type != type ||
      strcmp(f.v[0].value, value) != 0) {
    t_failed++;
    fprintf(stderr, "%s:%d: %s \"%s\": want one %s %s; found:\n", __FILE__, line, lang, text,
            plx_value_type_name(type), value);
    S_dump(&f);
  }
  free(f.v);
}

/* `text` holds no value at all. */
#define NONE(lang, text) S_none(__LINE__, lang, text)
static void S_none(int line, const char *lang, const char *text) {
  S_found f = S_find(lang, text);
  t_run++;
  if (f.n != 0) {
    t_failed++;
    fprintf(stderr, "%s:%d: %s \"%s\": want no value; found:\n", __FILE__, line, lang, text);
    S_dump(&f);
  }
  free(f.v);
}

/* How many values `text` holds. */
static size_t S_count(const char *lang, const char *text) {
  S_found f = S_find(lang, text);
  free(f.v);
  return f.n;
}

/* The only value of a text, for comparisons (a zeroed value if not one). */
static plx_value S_value(const char *lang, const char *text) {
  S_found f = S_find(lang, text);
  plx_value v;
  memset(&v, 0, sizeof v);
  v.type = (plx_value_type)-1;
  if (f.n == 1)
    v = f.v[0];
  else
    fprintf(stderr, "%s \"%s\": %zu values, want 1\n", lang, text, f.n);
  free(f.v);
  return v;
}

#define N PLX_VALUE_NUMBER
#define O PLX_VALUE_ORDINAL
#define P PLX_VALUE_PERCENT
#define A PLX_VALUE_AMOUNT
#define D PLX_VALUE_DATE
#define T PLX_VALUE_DURATION

/* ---- Rules ---- */

static void test_digits(void) {
  /* English: "," groups, "." is the decimal point. */
  ONE("en", "10,000", N, "10000");
  ONE("en", "3.5", N, "3.5");
  ONE("en", "1,234,567.89", N, "1234567.89");
  ONE("en", "1,000", N, "1000");
  ONE("en", "10.000", N, "10");         /* by the English convention, a decimal */
  ONE("en", "1.234.567", N, "1234567"); /* several periods can only group */
  ONE("en",
      "10\xC2\xA0"
      "000",
      N, "10000");                       /* no-break space groups */
  CHECK_INT(S_count("en", "10 000"), 2); /* an ordinary space does not */
  CHECK_INT(S_count("en", "3,5"), 2);    /* not an English number */
  HAS("en", "it cost 0.05 each", "0.05", N, "0.05");
  /* Spanish: "." groups, "," is the decimal comma; "3.5" is a decimal. */
  ONE("es", "10.000", N, "10000");
  ONE("es", "3,5", N, "3.5");
  ONE("es", "1.234.567,89", N, "1234567.89");
  ONE("es", "10 000", N, "10000");
  ONE("es",
      "10\xE2\x80\x89"
      "000",
      N, "10000"); /* thin space */
  ONE("es", "3.5", N, "3.5");
  ONE("es", "1,234,567.89", N, "1234567.89"); /* both marks: the last is decimal */
  HAS("es", "subió un 12.5% anual", "12.5%", P, "12.5%");
  HAS("es", "en 2019 150 personas", "150", N, "150"); /* "2019 150" is not grouped */
  /* Not numbers: separators in the wrong places. */
  NONE("en", "version 1.2.3 and 192.168.1.1");
  NONE("es", "versión 1.2.3");
}

static void test_number_words(void) {
  ONE("en", "twenty-five", N, "25");
  ONE("en", "twenty five", N, "25");
  ONE("en", "two hundred", N, "200");
  ONE("en", "one hundred and five", N, "105");
  ONE("en", "two hundred thousand five hundred", N, "200500");
  ONE("en", "a dozen", N, "12");
  ONE("en", "a million", N, "1000000");
  ONE("en", "ten billion", N, "10000000000");
  ONE("en", "two trillion", N, "2000000000000");
  ONE("en", "nineteen", N, "19");
  ONE("en", "10 billion", N, "10000000000");
  ONE("en", "3.5 million", N, "3500000");
  ONE("en", "1.1 million", N, "1100000");
  ONE("en", "10bn", N, "10000000000");
  CHECK_INT(S_count("en", "two three"), 2);

  ONE("es", "veinticinco", N, "25");
  ONE("es", "veintidós", N, "22");
  ONE("es", "treinta y cinco", N, "35");
  ONE("es", "cien", N, "100");
  ONE("es", "ciento veinte", N, "120");
  ONE("es", "doscientos mil", N, "200000");
  ONE("es", "mil", N, "1000");
  ONE("es", "mil millones", N, "1000000000");
  ONE("es", "diez mil millones", N, "10000000000");
  ONE("es", "dos mil trescientos millones", N, "2300000000");
  ONE("es", "un millón", N, "1000000");
  ONE("es", "un billón", N, "1000000000000"); /* 1e12 in Spanish */
  ONE("es", "dos millones trescientos mil", N, "2300000");
  ONE("es", "10.000 millones", N, "10000000000");
  ONE("es", "3,5 millones", N, "3500000");
  ONE("es", "10 mil millones", N, "10000000000");
  ONE("es", "una docena", N, "12");
  ONE("es", "DIECISEIS", N, "16"); /* capitals without accents */
  ONE("es", "10,7 miles de millones", N, "10700000000");
  ONE("es", "medio millón", N, "500000");
  ONE("en", "half a million", N, "500000");
  NONE("es", "el medio ambiente"); /* "medio" alone is no number */
}

static void test_ordinals(void) {
  ONE("en", "1st", O, "1");
  ONE("en", "2nd", O, "2");
  ONE("en", "3rd", O, "3");
  ONE("en", "16th", O, "16");
  ONE("en", "first", O, "1");
  ONE("en", "twentieth", O, "20");
  ONE("en", "twenty-first", O, "21");
  HAS("en", "the second round", "second", O, "2");
  HAS("en", "a second term", "second", O, "2"); /* not one second */

  ONE("es", "1º", O, "1");
  ONE("es", "1.º", O, "1");
  ONE("es", "1ª", O, "1");
  ONE("es", "1.ª", O, "1");
  ONE("es", "3er", O, "3");
  ONE("es", "primero", O, "1");
  ONE("es", "primera", O, "1");
  HAS("es", "el primer día", "primer", O, "1");
  ONE("es", "segundo", O, "2");
  ONE("es", "décimo", O, "10");
  ONE("es", "vigésimo primero", O, "21");
  ONE("es", "vigésimo cuarto", O, "24");
  HAS("es", "en el decimotercer lugar", "decimotercer", O, "13");
  NONE("es", "en su cuarto");
  HAS("es", "un segundo mandato", "segundo", O, "2");
  NONE("es", "el primer ministro");
  ONE("es", "3er", O, "3");
  ONE("es", "2do", O, "2");
  NONE("es", "el Boeing 777-300ER"); /* "er" does not go with 0 */
  NONE("en", "the 300st");           /* nor "st" */
  NONE("es", "el Pixel 4a");
  HAS("es", "a finales del siglo XIX", "XIX", O, "19");
  HAS("en", "after World War II", "II", O, "2");
  NONE("es", "el siglo IIII"); /* not a numeral */
  NONE("en", "John Paul II");  /* no cue: a name */
}

static void test_percent(void) {
  ONE("en", "3%", P, "3%");
  ONE("en", "3 %", P, "3%");
  ONE("en", "3 percent", P, "3%");
  ONE("en", "3 per cent", P, "3%");
  ONE("en", "12.5%", P, "12.5%");
  ONE("en", "three percent", P, "3%");
  ONE("en", "three and a half percent", P, "3.5%");
  ONE("es", "3%", P, "3%");
  ONE("es", "3 %", P, "3%");
  ONE("es", "3 por ciento", P, "3%");
  ONE("es", "tres por ciento", P, "3%");
  ONE("es", "12,5 %", P, "12.5%");
  ONE("es", "12.5%", P, "12.5%");
  HAS("es", "una subida del 3% en bolsa", "3%", P, "3%");
}

static void test_amounts(void) {
  ONE("en", "$ 10 billion", A, "USD 10000000000");
  ONE("en", "$10bn", A, "USD 10000000000");
  ONE("en", "US$ 5 million", A, "USD 5000000");
  ONE("en", "US$5 million", A, "USD 5000000");
  ONE("en",
      "\xE2\x82\xAC"
      "3.5m",
      A, "EUR 3500000");
  ONE("en", "100 dollars", A, "USD 100");
  ONE("en", "10 billion dollars", A, "USD 10000000000"); /* one amount, not a number */
  ONE("en",
      "\xC2\xA3"
      "20",
      A, "GBP 20");
  ONE("en", "20 pounds", A, "GBP 20");
  ONE("en", "USD 5 million", A, "USD 5000000");
  ONE("en", "a billion dollars", A, "USD 1000000000");
  ONE("en", "$1,000", A, "USD 1000");
  NONE("en", "a 5m wall"); /* "m" is a million only with a currency */

  ONE("es", "10.000 millones de dólares", A, "USD 10000000000");
  ONE("es", "5 millones de euros", A, "EUR 5000000");
  ONE("es", "cien dólares", A, "USD 100");
  ONE("es", "20 libras", A, "GBP 20");
  ONE("es", "100 euros", A, "EUR 100");
  ONE("es", "10 \xE2\x82\xAC", A, "EUR 10");
  ONE("es", "diez mil millones de dólares", A, "USD 10000000000");
  ONE("es", "US$ 5 millones", A, "USD 5000000");
  ONE("es", "300 millones de pesos mexicanos", A, "MXN 300000000");
  ONE("es",
      "\xE2\x82\xAC"
      "3,5 millones",
      A, "EUR 3500000");
  ONE("es", "dos millones y medio de dólares", A, "USD 2500000");
  ONE("en", "two and a half million dollars", A, "USD 2500000");
}

static void test_dates(void) {
  ONE("en", "September 16", D, "--09-16");
  ONE("en", "16 September", D, "--09-16");
  ONE("en", "Sept. 16", D, "--09-16");
  ONE("en", "September 16, 2019", D, "2019-09-16");
  ONE("en", "September 16th", D, "--09-16");
  ONE("en", "16th of September", D, "--09-16");
  ONE("en", "16 September 2019", D, "2019-09-16");
  ONE("en", "Monday, Sept. 16", D, "--09-16");
  ONE("en", "Monday, September 16, 2019", D, "2019-09-16");
  ONE("en", "October 2019", D, "2019-10");
  HAS("en", "It happened in October.", "October", D, "--10");
  HAS("en", "the deadline in 2030", "2030", D, "2030");
  HAS("en", "since 2019", "2019", D, "2019");
  HAS("en", "in May", "May", D, "--05");
  NONE("en", "May I ask?"); /* a verb, not a month */
  NONE("en", "it may rain");
  NONE("en", "Monday was quiet");                               /* a weekday alone is no date */
  HAS("en", "more than 2000 people", "2000", N, "2000");        /* hedged: a count */
  HAS("en", "the 2030 agenda", "2030", N, "2030");              /* no cue: a number */
  HAS("en", "Siso was born 1962 in Madrid", "1962", D, "1962"); /* stands as a year */
  HAS("en", "From 1970 to 2022, literacy", "1970", D, "1970");
  HAS("en", "From 1970 to 2022, literacy", "2022", D, "2022");
  HAS("en", "of 2000 people", "2000", N, "2000"); /* weak cue, a noun follows */
  NONE("en", "from 6-8 p.m.");
  ONE("en", "04/27/2014", D, "2014-04-27"); /* month/day: the only reading */
  ONE("en", "27/04/2014", D, "2014-04-27");
  ONE("en", "04/05/2014", D, "2014"); /* ambiguous: only the year */
  ONE("en", "2014-04-27", D, "2014-04-27");

  ONE("es", "16 de septiembre", D, "--09-16");
  ONE("es", "16 de septiembre de 2019", D, "2019-09-16");
  ONE("es", "16 de septiembre del 2019", D, "2019-09-16");
  HAS("es", "el 16 de septiembre", "16 de septiembre", D, "--09-16");
  HAS("es", "el lunes 16 de septiembre", "lunes 16 de septiembre", D, "--09-16");
  HAS("es", "el 1.º de mayo", "1.º de mayo", D, "--05-01");
  ONE("es", "primero de mayo", D, "--05-01");
  HAS("es", "en octubre", "octubre", D, "--10");
  ONE("es", "octubre de 2019", D, "2019-10");
  HAS("es", "en 2030", "2030", D, "2030");
  HAS("es", "desde 2019", "2019", D, "2019");
  HAS("es", "Objetivos de Desarrollo Sostenible de 2030", "2030", D, "2030");
  HAS("es", "más de 2000 personas", "2000", N, "2000");
  HAS("es", "de 2000 personas", "2000", N, "2000"); /* weak cue, a noun follows */
  HAS("es", "De 1970 a 2022, Bangladesh", "1970", D, "1970");
  HAS("es", "De 1970 a 2022, Bangladesh", "2022", D, "2022");
  HAS("es", "durante la década de 1910 finalizándolas", "1910", N, "1910");
  ONE("es", "27/04/2014", D, "2014-04-27"); /* day/month */
  ONE("es", "04/05/2014", D, "2014-05-04");
  ONE("es", "27.04.2014", D, "2014-04-27");
  HAS("es", "el 31 de febrero", "31", N, "31"); /* no such day: a number and a month */
  HAS("es", "el 31 de febrero", "febrero", D, "--02");
  /* Ranges of days: each day is a date. */
  HAS("es", "del 1 al 15 de octubre", "1", D, "--10-01");
  HAS("es", "del 1 al 15 de octubre", "15 de octubre", D, "--10-15");
  HAS("es", "entre el 16 y el 20 de septiembre", "16", D, "--09-16");
  HAS("en", "16 to 20 September", "16", D, "--09-16");
  HAS("en", "September 16-20", "September 16", D, "--09-16");
  HAS("en", "September 16-20", "20", D, "--09-20");
  HAS("en", "On September 16 and 20 people died", "20", N, "20"); /* not a range */
  HAS("es", "de 5 a 10 días", "5", N, "5");
}

static void test_durations(void) {
  ONE("en", "ten years", T, "P10Y");
  ONE("en", "10 years", T, "P10Y");
  ONE("en", "four decades", T, "P40Y");
  ONE("en", "two months", T, "P2M");
  ONE("en", "a year", T, "P1Y");
  ONE("en", "one year", T, "P1Y");
  ONE("en", "a decade", T, "P10Y");
  ONE("en", "a century", T, "P100Y");
  ONE("en", "two centuries", T, "P200Y");
  ONE("en", "3 weeks", T, "P3W");
  ONE("en", "3 days", T, "P3D");
  ONE("en", "five hours", T, "PT5H");
  ONE("en", "30 minutes", T, "PT30M");
  ONE("en", "10 seconds", T, "PT10S");
  ONE("en", "two and a half years", T, "P2.5Y");
  ONE("en", "a year and a half", T, "P1.5Y");
  HAS("en", "for a period of ten years", "ten years", T, "P10Y");
  HAS("en", "a 10-year contract", "10-year", T, "P10Y");
  HAS("en", "In two months, it will be", "two months", T, "P2M"); /* not a date */
  CHECK_INT(S_count("en", "In two months, it will be"), 1);
  HAS("en", "$5 billion a year", "$5 billion", A, "USD 5000000000");
  CHECK_INT(S_count("en", "$5 billion a year"), 1); /* a rate, not a duration */
  NONE("en", "twice a year");

  ONE("es", "diez años", T, "P10Y");
  ONE("es", "10 años", T, "P10Y");
  ONE("es", "cuatro décadas", T, "P40Y");
  ONE("es", "dos meses", T, "P2M");
  ONE("es", "un año", T, "P1Y");
  ONE("es", "una década", T, "P10Y");
  ONE("es", "un siglo", T, "P100Y");
  ONE("es", "tres semanas", T, "P3W");
  ONE("es", "3 días", T, "P3D");
  ONE("es", "5 horas", T, "PT5H");
  ONE("es", "30 minutos", T, "PT30M");
  ONE("es", "un año y medio", T, "P1.5Y");
  ONE("es", "dos lustros", T, "P10Y");
  HAS("es", "por un periodo de diez años", "diez años", T, "P10Y");
  HAS("es", "en dos meses", "dos meses", T, "P2M");
  CHECK_INT(S_count("es", "en dos meses"), 1);
  NONE("es", "una vez al año");
  ONE("es", "85 millones de años", T, "P85000000Y");
  ONE("en", "85 million years", T, "P85000000Y");
  ONE("es", "medio día", T, "P0.5D");
  ONE("en", "half a day", T, "P0.5D");
  ONE("es", "media hora", T, "PT0.5H");
  HAS("es", "los seis últimos años", "seis últimos años", T, "P6Y");
  HAS("en", "two more years", "two more years", T, "P2Y");
  HAS("en",
      "cost \xE2\x82\xAC"
      "100m ($110m) a day",
      "$110m", A, "USD 110000000");
  CHECK_INT(S_count("en", "cost \xE2\x82\xAC"
                          "100m ($110m) a day"),
            2); /* a rate */
}

static void test_not_values(void) {
  NONE("en", "the AS750-10 engine");
  NONE("en", "the STS-41-D mission");
  NONE("en", "the COVID-19 pandemic");
  NONE("en", "a 4G network");
  NONE("en", "the 1990s");
  NONE("en", "at 10 a.m. sharp");
  NONE("en", "at 10:30");
  NONE("en", "one of the largest");
  NONE("en", "no one knows");
  NONE("en", "one");
  HAS("en", "one of the 10 largest", "10", N, "10");
  /* Documented choice: a product's version number is reported. */
  HAS("en", "Windows 10", "10", N, "10");
  HAS("en", "mid-2019", "2019", D, "2019");

  /* number words inside a word or a name are not counts */
  NONE("en", "a three-dimensional model");
  NONE("en", "a first-hand account");
  NONE("en", "the two-thirds majority");
  NONE("en", "the Three Nations Cup");
  NONE("en", "winners of the Big Four");
  NONE("es", "el Torneo de las Tres Naciones");
  HAS("en", "World War II ended", "II", O, "2");  /* a Roman numeral stays */
  ONE("en", "Three", N, "3");                      /* at the start: a count */
  HAS("en", "\"Three people died,\" he said", "Three", N, "3");
  HAS("en", "twenty-five-year-old", "twenty-five-year", T, "P25Y");
  /* the raised decimal point of medical journals; a leading 0 groups
   * nothing */
  ONE("en", "1\xC2\xB7" "34", N, "1.34");
  HAS("en", "P = 0\xC2\xB7" "002", "0\xC2\xB7" "002", N, "0.002");
  ONE("es", "0.337", N, "0.337");
  ONE("es", "10.000", N, "10000");
  /* abbreviated units of time */
  ONE("en", "48-h", T, "PT48H");
  ONE("en", "12y", T, "P12Y");
  ONE("en", "11mo", T, "P11M");
  ONE("en", "180 min", T, "PT180M");
  ONE("es", "48 h", T, "PT48H");
  /* numbers glued to a unit of measurement are read, the unit left out */
  HAS("en", "speeds of 600Mbit/s", "600", N, "600");
  HAS("en", "a 5km race", "5", N, "5");
  HAS("en", "a 10-mile walk", "10", N, "10");
  HAS("es", "una carrera de 5km", "5", N, "5");

  /* decades by their tens */
  NONE("es", "en los años 80");
  NONE("es", "desde principios de los 70, el país");
  HAS("es", "los 40 hombres", "40", N, "40");

  NONE("es", "el motor AS750-10");
  NONE("es", "la misión STS-41-D");
  NONE("es", "la COVID-19");
  NONE("es", "a las 10 a. m.");
  NONE("es", "a las 10:30");
  NONE("es", "a las 10.30 h");
  HAS("es", "a las dos y media", "dos", N, "2"); /* a time: no half */
  NONE("es", "una de las empresas");
  NONE("es", "uno de ellos");
  NONE("es", "una empresa");
  NONE("es", "un contrato");
  HAS("es", "Windows 10", "10", N, "10");
  HAS("es", "a mediados de 2019", "2019", D, "2019");
}

/* ---- Comparing values across the languages ---- */

static void S_same(const char *en, const char *es) {
  plx_value a = S_value("en", en), b = S_value("es", es);
  t_run++;
  if (!plx_value_equal(&a, &b) || !plx_value_comparable(&a, &b)) {
    t_failed++;
    fprintf(stderr, "%s:%d: \"%s\" (%s) and \"%s\" (%s) should be equal\n", __FILE__, __LINE__, en,
            a.value, es, b.value);
  }
}

static void test_equal(void) {
  S_same("$ 10 billion", "10.000 millones de dólares");
  S_same("$10bn", "diez mil millones de dólares");
  S_same("September 16", "16 de septiembre");
  S_same("September 16, 2019", "16 de septiembre de 2019");
  S_same("ten years", "diez años");
  S_same("four decades", "cuatro décadas");
  S_same("3%", "3 por ciento");
  S_same("12.5 percent", "12,5 %");
  S_same("1,234,567.89", "1.234.567,89");
  S_same("16th", "16.º");
  S_same("a year", "un año");
  S_same("two billion", "dos mil millones");
  S_same("two trillion", "dos billones");

  plx_value full = S_value("es", "16 de septiembre de 2019");
  plx_value md = S_value("en", "September 16");
  plx_value oct = S_value("en", "October");
  plx_value oct19 = S_value("es", "octubre de 2019");
  plx_value y2019 = S_value("en", "(2019)");
  plx_value y2030 = S_value("es", "(2030)");
  plx_value sep17 = S_value("en", "September 17");
  CHECK(plx_value_equal(&md, &full) && plx_value_equal(&full, &md));
  CHECK(plx_value_comparable(&md, &full));
  CHECK(plx_value_equal(&y2019, &oct19));
  CHECK(plx_value_equal(&oct, &oct19));
  CHECK(!plx_value_equal(&oct, &y2019)); /* month vs year: no common part */
  CHECK(!plx_value_comparable(&oct, &y2030));
  CHECK(plx_value_comparable(&y2019, &y2030));
  CHECK(!plx_value_equal(&y2019, &y2030));
  CHECK(plx_value_comparable(&md, &sep17));
  CHECK(!plx_value_equal(&md, &sep17));
  CHECK(!plx_value_comparable(&md, &oct19)); /* month-day vs year-month */

  plx_value y1 = S_value("en", "a year"), m12 = S_value("es", "doce meses");
  plx_value m2 = S_value("en", "two months"), w2 = S_value("en", "two weeks");
  plx_value d14 = S_value("es", "14 días"), d60 = S_value("es", "60 días");
  CHECK(plx_value_equal(&y1, &m12));
  CHECK(plx_value_equal(&w2, &d14));
  CHECK(!plx_value_equal(&m2, &d60)); /* months are not a fixed number of days */
  CHECK(plx_value_comparable(&m2, &d60));

  plx_value usd = S_value("en", "$5 million"), eur = S_value("es", "5 millones de euros");
  CHECK(!plx_value_equal(&usd, &eur));
  CHECK(plx_value_comparable(&usd, &eur));
  /* "$" says one of several dollars: it meets any of them, where a named
   * one does not meet another */
  plx_value aud = S_value("es", "5 millones de dólares australianos");
  plx_value cad = S_value("en", "C$5 million"), usd2 = S_value("en", "US$5 million");
  CHECK(usd.unit_guessed && !aud.unit_guessed && !cad.unit_guessed);
  CHECK(plx_value_equal(&usd, &aud) && plx_value_equal(&aud, &usd));
  CHECK(!plx_value_equal(&cad, &aud));
  CHECK(!plx_value_equal(&usd2, &aud));
  plx_value aud6 = S_value("es", "6 millones de dólares australianos");
  CHECK(!plx_value_equal(&usd, &aud6));
  /* Across types: a cardinal for an ordinal, a bare number for a year. */
  plx_value o24 = S_value("en", "24th"), n24 = S_value("es", "el puesto 24");
  CHECK(plx_value_equal(&o24, &n24) && plx_value_equal(&n24, &o24));
  CHECK(!plx_value_comparable(&o24, &n24));
  plx_value n1958 = S_value("en", "the 1958 fair"), d1958 = S_value("es", "de 1958");
  CHECK(plx_value_equal(&n1958, &d1958));
  CHECK(!plx_value_equal(&n1958, &oct19));
  plx_value n25 = S_value("es", "el puesto 25");
  CHECK(!plx_value_equal(&o24, &n25));
  plx_value n3 = S_value("en", "3 apples"), p3 = S_value("es", "3%");
  CHECK(!plx_value_equal(&n3, &p3));
  CHECK(!plx_value_comparable(&n3, &p3));
  plx_value a = S_value("en", "1,000,000,000.1"), b = S_value("es", "1.000.000.000,1");
  CHECK(plx_value_equal(&a, &b));
  CHECK(!plx_value_equal(NULL, &b));
  CHECK(!plx_value_comparable(&a, NULL));
}

/* ---- The demo articles ---- */

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
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
    plx__buf_put(&b, chunk, got);
  fclose(f);
  return plx__buf_detach(&b, len);
}

/* The values of a whole file: in order, not overlapping, inside it. */
static S_found S_file(const char *lang, const char *text, size_t len) {
  S_found f = {NULL, 0, text};
  plx_error err = {0};
  CHECK_INT(plx_values_find(text, len, lang, &f.v, &f.n, &err), PLX_OK);
  for (size_t i = 0; i < f.n; i++) {
    CHECK(f.v[i].start < f.v[i].end && f.v[i].end <= len);
    if (i) CHECK(f.v[i - 1].end <= f.v[i].start);
  }
  return f;
}

/* The file's value at the first occurrence of `span` (after `after`). */
#define DEMO(f, after, span, type, value) S_demo(__LINE__, f, after, span, type, value)
static void S_demo(int line, const S_found *f, const char *after, const char *span,
                   plx_value_type type, const char *value) {
  const char *from = after ? strstr(f->text, after) : f->text;
  const char *p = from ? strstr(from, span) : NULL;
  t_run++;
  const plx_value *v = NULL;
  if (p) {
    size_t s = (size_t)(p - f->text), e = s + strlen(span);
    for (size_t i = 0; i < f->n; i++)
      if (f->v[i].start == s && f->v[i].end == e) v = &f->v[i];
  }
  if (!v || v->type != type || strcmp(v->value, value) != 0) {
    t_failed++;
    fprintf(stderr, "%s:%d: demo: want [%s] %s %s\n", __FILE__, line, span,
            plx_value_type_name(type), value);
  }
}

static const plx_value *S_by_value(const S_found *f, const char *value) {
  for (size_t i = 0; i < f->n; i++)
    if (strcmp(f->v[i].value, value) == 0) return &f->v[i];
  return NULL;
}

static void test_demo(void) {
  size_t len;
  char *en = S_read("corpus/jedi/en.txt", &len);
  CHECK(en != NULL);
  if (!en) return;
  S_found fe = S_file("en", en, len);
  DEMO(&fe, NULL, "$ 10 billion", A, "USD 10000000000");
  DEMO(&fe, NULL, "ten years", T, "P10Y");
  DEMO(&fe, NULL, "four decades", T, "P40Y");
  DEMO(&fe, NULL, "September 16", D, "--09-16");
  DEMO(&fe, NULL, "two months", T, "P2M");
  DEMO(&fe, "it will be ", "a year", T, "P1Y");
  /* The byte offsets, counted by hand in the file. */
  const plx_value *v = S_by_value(&fe, "USD 10000000000");
  CHECK(v && memcmp(en + v->start, "$ 10 billion", 12) == 0 && v->end - v->start == 12);
  CHECK_INT(fe.n, 6); /* and nothing else in that article */

  char *es = S_read("corpus/jedi/es.txt", &len);
  CHECK(es != NULL);
  if (es) {
    S_found fs = S_file("es", es, len);
    DEMO(&fs, NULL, "10.000 millones de dólares", A, "USD 10000000000");
    DEMO(&fs, NULL, "3%", P, "3%");
    DEMO(&fs, "Microsoft en ", "octubre", D, "--10");
    DEMO(&fs, "en ", "noviembre", D, "--11");
    DEMO(&fs, "en ", "febrero", D, "--02");
    DEMO(&fs, "en ", "abril", D, "--04");
    DEMO(&fs, NULL, "16 de septiembre", D, "--09-16");
    DEMO(&fs, "Sostenible de ", "2030", D, "2030");
    /* Equal across the versions. */
    const plx_value *a = S_by_value(&fe, "USD 10000000000"),
                    *b = S_by_value(&fs, "USD 10000000000");
    CHECK(a && b && plx_value_equal(a, b));
    a = S_by_value(&fe, "--09-16"), b = S_by_value(&fs, "--09-16");
    CHECK(a && b && plx_value_equal(a, b));
    free(fs.v);
    free(es);
  }
  free(fe.v);
  free(en);
}

/* ---- Digits a double cannot hold (fuzzing, issue 7) ---- */

/* "0." then zeros then "1", and what follows. Caller frees. */
static char *S_tiny(size_t zeros, const char *after) {
  plx__buf b = {0};
  plx__buf_puts(&b, "It was 0.");
  for (size_t i = 0; i < zeros; i++) plx__buf_putc(&b, '0');
  plx__buf_puts(&b, "1");
  plx__buf_puts(&b, after);
  return plx__buf_detach(&b, NULL);
}

static void test_extremes(void) {
  /* The exponent of "0.000...1" was kept in 16 bits: with 65,530 zeros it
   * wrapped round to +5, and the text read as 100000%. Such a number (and
   * any that underflows to 0) is no value. */
  char *t = S_tiny(65530, " percent.");
  NONE("en", t);
  free(t);
  t = S_tiny(400, "%");
  NONE("es", t);
  free(t);
  /* Numbers past a double's range (10^400, or 10^300 billion) read as
   * infinity, "USD inf", which did not equal itself: a document compared
   * with itself had a conflict. They are no value. */
  plx__buf b = {0};
  plx__buf_puts(&b, "It cost ");
  for (int i = 0; i < 400; i++) plx__buf_putc(&b, '9');
  plx__buf_puts(&b, " dollars, ");
  for (int i = 0; i < 300; i++) plx__buf_putc(&b, '9');
  plx__buf_puts(&b, " billion euros or ");
  for (int i = 0; i < 400; i++) plx__buf_putc(&b, '8');
  plx__buf_puts(&b, "%.");
  t = plx__buf_detach(&b, NULL);
  NONE("en", t);
  S_found f = S_find("es", t);
  for (size_t i = 0; i < f.n; i++) CHECK(plx_value_equal(&f.v[i], &f.v[i]));
  free(f.v);
  free(t);
  /* still small enough */
  HAS("en", "It was 0.000001%.", "0.000001%", PLX_VALUE_PERCENT, "0.000001%");
}

/* ---- The API's edges ---- */

static void test_api(void) {
  plx_value *v = (plx_value *)1;
  size_t n = 7;
  plx_error err = {0};
  CHECK_INT(plx_values_find("10", 2, "fr", &v, &n, &err), PLX_ERR_LANGUAGE);
  CHECK(v == NULL && n == 0);
  CHECK(strstr(err.message, "fr") != NULL);
  CHECK_INT(plx_values_find("a\xFF"
                            "10",
                            4, "en", &v, &n, &err),
            PLX_ERR_ENCODING);
  CHECK_INT(plx_values_find(NULL, 3, "en", &v, &n, &err), PLX_ERR_USAGE);
  CHECK_INT(plx_values_find("10", 2, NULL, &v, &n, NULL), PLX_ERR_USAGE);
  CHECK_INT(plx_values_find("10", 2, "en", NULL, &n, NULL), PLX_ERR_USAGE);
  CHECK_INT(plx_values_find(NULL, 0, "en", &v, &n, &err), PLX_OK);
  CHECK(v == NULL && n == 0);
  CHECK_INT(plx_values_find("no digits here", 14, "es", &v, &n, &err), PLX_OK);
  CHECK(v == NULL && n == 0);
  /* Only len bytes are read: "10" of "100". */
  CHECK_INT(plx_values_find("100", 2, "en", &v, &n, &err), PLX_OK);
  CHECK(n == 1 && v && strcmp(v[0].value, "10") == 0);
  free(v);
  CHECK_STR(plx_value_type_name(PLX_VALUE_NUMBER), "number");
  CHECK_STR(plx_value_type_name(PLX_VALUE_ORDINAL), "ordinal");
  CHECK_STR(plx_value_type_name(PLX_VALUE_PERCENT), "percent");
  CHECK_STR(plx_value_type_name(PLX_VALUE_AMOUNT), "amount");
  CHECK_STR(plx_value_type_name(PLX_VALUE_DATE), "date");
  CHECK_STR(plx_value_type_name(PLX_VALUE_DURATION), "duration");
  /* The fields besides the canonical string. */
  plx_value a = S_value("en", "$ 10 billion");
  CHECK_STR(a.unit, "USD");
  CHECK(a.number == 1e10);
  plx_value d = S_value("es", "cuatro décadas");
  CHECK_STR(d.unit, "Y");
  CHECK(d.number == 40);
  plx_value y = S_value("en", "September 16, 2019");
  CHECK(y.number == 2019);
  CHECK_STR(y.unit, "");
  /* Accents decomposed (NFD) read the same. */
  ONE("es",
      "cuatro de\xCC\x81"
      "cadas",
      T, "P40Y");
  ONE("es", "dos an\xCC\x83os", T, "P2Y");
  /* The data files are in the library. */
  CHECK(plx__data_get("lexicon/data/values/en.txt", NULL) != NULL);
  CHECK(plx__data_get("lexicon/data/values/es.txt", NULL) != NULL);
}

/* Russian: the decimal comma and spaces grouping thousands, as in Spanish;
 * number words in their cases; "млн", "тыс."; months in the genitive; a
 * year with "г.", "года", "году". */
static void test_russian(void) {
  ONE("ru", "3,5", N, "3.5");
  ONE("ru", "10 000", N, "10000");
  ONE("ru", "двадцать пять", N, "25");
  ONE("ru", "двухсот тридцати", N, "230");
  ONE("ru", "сорок два", N, "42");
  HAS("ru", "пришли сорок два человека", "сорок два", N, "42");
  HAS("ru", "Компания заработала 3,5 млн рублей.", "3,5 млн рублей", A, "RUB 3500000");
  HAS("ru", "около 45 тыс. долларов", "45 тыс. долларов", A, "USD 45000");
  HAS("ru", "Он потратил 10 000 евро.", "10 000 евро", A, "EUR 10000");
  HAS("ru", "стоимость 2 млрд долларов", "2 млрд долларов", A, "USD 2000000000");
  HAS("ru", "Доля выросла на 15 процентов.", "15 процентов", P, "15%");
  HAS("ru", "Доля выросла на 15%.", "15%", P, "15%");
  HAS("ru", "Это случилось 12 марта 2021 года.", "12 марта 2021", D, "2021-03-12");
  HAS("ru", "Это произошло 1 сентября 1939 г. в Польше.", "1 сентября 1939", D, "1939-09-01");
  HAS("ru", "В 2020 году компания выросла.", "2020", D, "2020");
  HAS("ru", "Он родился в мае.", "мае", D, "--05");
  HAS("ru", "за два последних года", "два последних года", T, "P2Y");
  HAS("ru", "Он жил там пять лет.", "пять лет", T, "P5Y");
  HAS("ru", "через три месяца", "три месяца", T, "P3M");
  HAS("ru", "Это третий случай.", "третий", O, "3");
  HAS("ru", "Собор построен в XV веке.", "XV", O, "15");
  HAS("ru", "XIX век был веком пара.", "XIX", O, "19");
  HAS("ru", "в ЁЛКЕ было двадцать два шара", "двадцать два", N, "22");
  S_found f = S_find("ru", "Один из них ушёл.");
  CHECK_INT((int)f.n, 0);
  free(f.v);
  plx_value a = S_value("en", "$3.5 million"), b = S_value("ru", "3,5 млн долларов");
  CHECK(plx_value_equal(&a, &b));
  a = S_value("es", "12 de marzo de 2021");
  b = S_value("ru", "12 марта 2021 года");
  CHECK(plx_value_equal(&a, &b));
}

int main(void) {
  test_russian();
  test_digits();
  test_number_words();
  test_ordinals();
  test_percent();
  test_amounts();
  test_dates();
  test_durations();
  test_not_values();
  test_extremes();
  test_equal();
  test_demo();
  test_api();
  TEST_DONE();
}
