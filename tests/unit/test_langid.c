/* test_langid.c: language identification (corpus/langid.c).
 * English, Spanish and Russian are recognised; everything else (Ukrainian,
 * Bulgarian... as well as French or Catalan), and text too short to tell,
 * gives NULL rather than a guess. */
#include "internal.h"
#include "test.h"

#include <pthread.h>
#include <stdlib.h>

static const char *S_detect(const char *text) {
  return plx_lang_detect(text, strlen(text), NULL);
}

/* Reads a file under $srcdir (or "."); NULL if it cannot. */
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

static void test_supported(void) {
  CHECK(plx_lang_supported("en"));
  CHECK(plx_lang_supported("es"));
  CHECK(plx_lang_supported("ru"));
  CHECK(!plx_lang_supported("uk"));
  CHECK(!plx_lang_supported("fr"));
  CHECK_STR(plx_lang_canonical("en-US"), "en");
  CHECK_STR(plx_lang_canonical("ES_419"), "es");
  CHECK_STR(plx_lang_canonical("rus"), "ru");
  CHECK_STR(plx_lang_canonical("ru-RU"), "ru");
  CHECK(plx_lang_canonical("uk-UA") == NULL);
  CHECK(plx_lang_canonical("russian") == NULL);
  CHECK(plx_lang_canonical(NULL) == NULL);
  CHECK_STR(plx_lang_name("ru"), "Russian");
  CHECK_STR(plx_lang_name("xx"), "xx");
  CHECK(!plx_lang_supported("english"));
  CHECK(!plx_lang_supported(""));
  CHECK(!plx_lang_supported(NULL));
}

static void test_english(void) {
  double conf = -1;
  const char *p =
      "The committee said on Thursday that it would not approve the budget until the "
      "ministry had explained how the money was spent. Several members have asked for "
      "an independent audit, and the chairman told reporters that he expected a decision "
      "before the end of the month.";
  CHECK_STR(plx_lang_detect(p, strlen(p), &conf), "en");
  CHECK(conf > 0.5 && conf <= 1.0);
  CHECK_STR(S_detect("It is raining again."), "en");
  CHECK_STR(S_detect("The mother is at home."), "en");
  CHECK_STR(S_detect("Nobody knows what happened to the money."), "en");
  CHECK_STR(S_detect("He said he would come back later."), "en");
}

static void test_spanish(void) {
  double conf = -1;
  const char *p =
      "El comité afirmó el jueves que no aprobará el presupuesto hasta que el ministerio "
      "explique cómo se gastó el dinero. Varios miembros han pedido una auditoría "
      "independiente, y el presidente dijo a los periodistas que espera una decisión "
      "antes de que termine el mes.";
  CHECK_STR(plx_lang_detect(p, strlen(p), &conf), "es");
  CHECK(conf > 0.5 && conf <= 1.0);
  CHECK_STR(S_detect("La madre está en casa."), "es");
  CHECK_STR(S_detect("¿Dónde está el niño?"), "es");
  CHECK_STR(S_detect("La situación es complicada, pero todavía hay esperanza."), "es");
  CHECK_STR(S_detect("Los precios subieron un tres por ciento en el último año."), "es");
  /* Decomposed accents (NFD) are read like composed ones. */
  CHECK_STR(S_detect("La situacio\xCC\x81n es complicada, pero todavi\xCC\x81""a hay esperanza."),
            "es");
}

static void test_demo_files(void) {
  size_t len = 0;
  char *en = S_read("corpus/jedi/en.txt", &len);
  CHECK(en != NULL);
  if (en) {
    double conf = 0;
    CHECK_STR(plx_lang_detect(en, len, &conf), "en");
    CHECK(conf > 0.5);
    free(en);
  }
  char *es = S_read("corpus/jedi/es.txt", &len);
  CHECK(es != NULL);
  if (es) {
    double conf = 0;
    CHECK_STR(plx_lang_detect(es, len, &conf), "es");
    CHECK(conf > 0.3);
    free(es);
  }
}

/* Russian, with ё written or not. */
static void test_russian(void) {
  double conf = -1;
  const char *p = "Комитет заявил в четверг, что не одобрит бюджет, пока министерство не "
                  "объяснит, как были потрачены деньги. Несколько членов комитета потребовали "
                  "независимой проверки, а председатель сказал журналистам, что ждёт решения "
                  "до конца месяца.";
  CHECK_STR(plx_lang_detect(p, strlen(p), &conf), "ru");
  CHECK(conf > 0.5 && conf <= 1.0);
  CHECK_STR(S_detect("Я не знаю, где он сейчас."), "ru");
  CHECK_STR(S_detect("Мы уже были там в прошлом году."), "ru");
  /* ё written or not */
  CHECK_STR(S_detect("Её муж ещё не вернулся с работы, и она ждёт его."), "ru");
  CHECK_STR(S_detect("Ее муж еще не вернулся с работы, и она ждет его."), "ru");
}

/* Neighbours of Spanish and English must not be taken for them. */
static void test_other_languages(void) {
  static const char *others[] = {
      /* French */
      "Le comité a déclaré jeudi qu'il n'approuverait pas le budget tant que le ministère "
      "n'aurait pas expliqué comment l'argent a été dépensé.",
      "Il ne sait pas si le train est déjà parti de la gare.",
      /* Portuguese */
      "O comitê afirmou na quinta-feira que não vai aprovar o orçamento até que o "
      "ministério explique como o dinheiro foi gasto.",
      "Não sei se ele vai estar em casa amanhã.",
      /* Italian */
      "Il comitato ha dichiarato giovedì che non approverà il bilancio finché il ministero "
      "non avrà spiegato come sono stati spesi i soldi.",
      "Non so se il treno è già partito dalla stazione.",
      /* German */
      "Der Ausschuss erklärte am Donnerstag, dass er den Haushalt erst genehmigen werde, "
      "wenn das Ministerium erklärt habe, wie das Geld ausgegeben wurde.",
      "Ich weiß nicht, ob der Zug schon abgefahren ist.",
      /* Catalan */
      "El comitè va afirmar dijous que no aprovarà el pressupost fins que el ministeri "
      "expliqui com es va gastar els diners.",
      "La noia va dir que no vol anar al cinema amb els amics.",
      /* Dutch */
      "De commissie zei donderdag dat zij de begroting pas goedkeurt als het ministerie "
      "heeft uitgelegd hoe het geld is uitgegeven.",
      /* Ukrainian, Bulgarian, Belarusian, Serbian: Cyrillic, not Russian */
      "Комітет заявив у четвер, що не схвалить бюджет, поки міністерство не пояснить, "
      "як були витрачені гроші.",
      "Я не знаю, де він зараз і чи він буде вдома.",
      "Комисията заяви в четвъртък, че няма да одобри бюджета, докато министерството не "
      "обясни как са похарчени парите.",
      "Камітэт заявіў у чацвер, што не ўхваліць бюджэт, пакуль міністэрства не растлумачыць, "
      "як былі выдаткаваныя грошы.",
      "Комитет је у четвртак изјавио да неће одобрити буџет док министарство не објасни "
      "како је новац потрошен.",
      /* Chinese, Greek */
      "委员会周四表示，在部委解释资金如何使用之前，不会批准预算。",
      "Η επιτροπή δήλωσε την Πέμπτη ότι δεν θα εγκρίνει τον προϋπολογισμό.",
      /* Languages with no list at all */
      "Regeringen meddelade på tisdagen nya åtgärder för att sänka energikostnaderna.",
      "Pemerintah mengumumkan langkah-langkah baru pada hari Selasa untuk mengurangi biaya.",
  };
  for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
    double conf = -1;
    const char *got = plx_lang_detect(others[i], strlen(others[i]), &conf);
    if (got) fprintf(stderr, "other language %zu detected as %s\n", i, got);
    CHECK(got == NULL);
    CHECK(conf == 0.0);
  }
}

static void test_too_little(void) {
  double conf = -1;
  CHECK(plx_lang_detect("12345", 5, &conf) == NULL);
  CHECK(conf == 0.0);
  CHECK(plx_lang_detect("", 0, &conf) == NULL);
  CHECK(plx_lang_detect(NULL, 0, NULL) == NULL);
  CHECK(S_detect("   \n\n\t ") == NULL);
  CHECK(S_detect("Hello") == NULL);
  CHECK(S_detect("Microsoft Amazon Google Apple") == NULL);
  CHECK(S_detect("Satya Nadella") == NULL);
  CHECK(S_detect("!!! ??? ... 2020-09-16") == NULL);
  /* Too few words to tell Spanish from Portuguese or Catalan. */
  CHECK(S_detect("No me gusta nada.") == NULL);
  /* Invalid UTF-8 does no harm. */
  CHECK(S_detect("\xFF\xFE\xC3 the \xE2\x80 cat is on the mat \xF0") != NULL);
}

static void test_long(void) {
  /* Only the first 64 KiB count: English first, then French. */
  const char *en = "The report said that the company had not paid its taxes for years. ";
  const char *fr = "Le rapport indique que la société n'a pas payé ses impôts depuis des années. ";
  plx__buf b = {0};
  while (b.len < 70000) plx__buf_puts(&b, en);
  for (int i = 0; i < 3000; i++) plx__buf_puts(&b, fr);
  CHECK_STR(plx_lang_detect(b.data, b.len, NULL), "en");
  /* Cut in the middle of a character at the 64 KiB mark: still fine. */
  b.len = 0;
  plx__buf_puts(&b, "x");
  while (b.len < 65535) plx__buf_puts(&b, "é");
  plx__buf_puts(&b, " el niño y la niña están en la casa con los padres");
  CHECK(plx_lang_detect(b.data, b.len, NULL) == NULL);
  plx__buf_free(&b);
}

static void *S_thread(void *arg) {
  const char *es = "El gobierno anunció ayer que las medidas entrarán en vigor el próximo mes.";
  int *ok = arg;
  for (int i = 0; i < 200; i++)
    if (!plx_lang_detect(es, strlen(es), NULL)) *ok = 0;
  return NULL;
}

/* The lists are loaded once, by whichever thread comes first. */
static void test_threads(void) {
  pthread_t th[4];
  int ok[4] = {1, 1, 1, 1};
  for (int i = 0; i < 4; i++) pthread_create(&th[i], NULL, S_thread, &ok[i]);
  for (int i = 0; i < 4; i++) pthread_join(th[i], NULL);
  for (int i = 0; i < 4; i++) CHECK(ok[i]);
}

int main(void) {
  test_threads();
  test_supported();
  test_english();
  test_spanish();
  test_russian();
  test_demo_files();
  test_other_languages();
  test_too_little();
  test_long();
  TEST_DONE();
}
