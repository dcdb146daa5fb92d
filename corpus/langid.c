/* langid.c: tell English, Spanish and Russian apart, and from everything
 * else.
 *
 * Parallax compares articles in two of these languages, so it needs to
 * know which is which, and above all it must not take a French or Catalan
 * article for a Spanish one, or a Ukrainian one for Russian: a comparison
 * of the wrong texts would report differences that are not there. Hence
 * the method is a vote of frequent function words, with reference lists
 * for the neighbouring languages of the same script (fr, pt, it, de, ca,
 * nl; uk, bg, be, sr, mk) that can win the vote and make us answer
 * "neither" instead of guessing. Only the lists of the text's main script
 * (Latin or Cyrillic) vote.
 *
 * Words are runs of letters (plus combining marks), normalised to NFC and
 * case-folded. Each word found in a list adds 1/k to the score of each of
 * the k languages whose lists contain it, so that "de" (in six lists) counts
 * for little and "los" or "the" for a lot. The best score wins if it rests
 * on enough words, covers enough of the text and is clearly ahead of the
 * runner-up; near ties are broken by characters typical of one language
 * (ñ ¿ ¡ for Spanish), listed in the data files.
 *
 * The lists are parsed once (pthread_once) into a hash table shared by all
 * calls, which only read it.
 */
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

/* The first three are the languages we answer; the others only vote,
 * each against the answers written in its own script. */
static const struct {
  const char *code, *file;
  int cyrillic;
} S_langs[] = {
    {"en", "corpus/data/en/words.txt", 0},  {"es", "corpus/data/es/words.txt", 0},
    {"ru", "corpus/data/ru/words.txt", 1},  {"fr", "corpus/data/langid/fr.txt", 0},
    {"pt", "corpus/data/langid/pt.txt", 0}, {"it", "corpus/data/langid/it.txt", 0},
    {"de", "corpus/data/langid/de.txt", 0}, {"ca", "corpus/data/langid/ca.txt", 0},
    {"nl", "corpus/data/langid/nl.txt", 0}, {"uk", "corpus/data/langid/uk.txt", 1},
    {"bg", "corpus/data/langid/bg.txt", 1}, {"be", "corpus/data/langid/be.txt", 1},
    {"sr", "corpus/data/langid/sr.txt", 1}, {"mk", "corpus/data/langid/mk.txt", 1},
};
#define S_NLANG ((int)(sizeof S_langs / sizeof S_langs[0]))
#define S_NANSWER 3

/* A language is told within its first paragraphs; reading more only costs. */
#define S_SCAN_BYTES 65536
/* Longer tokens (in UTF-16 units) are in no list; they still count as words. */
#define S_MAX_WORD 40
#define S_MAX_CUES 16
/* Fewer listed words than this is too little evidence ("Hello", "12345"). */
#define S_MIN_HITS 3
/* Share of the words the winning list must cover: any text has a few hits
 * by accident ("de", "en", "a" are words in many languages), but function
 * words make up a third or more of running text in the language itself. */
#define S_MIN_COVERAGE 0.15
/* How far ahead of the runner-up the winner must be (share of its score). */
#define S_MARGIN 0.25

typedef struct S_entry {
  uint32_t off;  /* into S_tab.pool */
  uint16_t len;  /* 0: empty slot */
  uint16_t mask; /* bit i: language S_langs[i] lists the word */
} S_entry;

static struct {
  UChar *pool;
  size_t npool, poolcap;
  S_entry *slots;
  size_t nslots; /* a power of two, at most half full */
  size_t nwords;
  UChar32 cues[S_NLANG][S_MAX_CUES];
  int ncues[S_NLANG];
} S_tab;

static pthread_once_t S_once = PTHREAD_ONCE_INIT;

/* The answers' other names (ISO 639-2/3) and English names; the same
 * order as S_langs. */
static const struct {
  const char *iso3, *name;
} S_names[S_NANSWER] = {{"eng", "English"}, {"spa", "Spanish"}, {"rus", "Russian"}};

int plx_lang_supported(const char *lang) {
  for (int l = 0; lang && l < S_NANSWER; l++)
    if (strcmp(lang, S_langs[l].code) == 0) return 1;
  return 0;
}

const char *plx_lang_canonical(const char *tag) {
  if (!tag) return NULL;
  char p[4] = {0};
  size_t k = 0;
  while (tag[k] && tag[k] != '-' && tag[k] != '_' && k < 3) {
    char c = tag[k];
    p[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  if (tag[k] && tag[k] != '-' && tag[k] != '_') return NULL;
  for (int l = 0; l < S_NANSWER; l++)
    if (!strcmp(p, S_langs[l].code) || !strcmp(p, S_names[l].iso3)) return S_langs[l].code;
  return NULL;
}

const char *plx_lang_name(const char *code) {
  for (int l = 0; code && l < S_NANSWER; l++)
    if (!strcmp(code, S_langs[l].code)) return S_names[l].name;
  return code;
}

static uint32_t S_hash(const UChar *w, int32_t n) {
  uint32_t h = 2166136261u; /* FNV-1a */
  for (int32_t i = 0; i < n; i++) {
    h ^= w[i];
    h *= 16777619u;
  }
  return h;
}

static S_entry *S_slot(const UChar *w, int32_t n) {
  size_t mask = S_tab.nslots - 1;
  for (size_t i = S_hash(w, n) & mask;; i = (i + 1) & mask) {
    S_entry *e = &S_tab.slots[i];
    if (e->len == 0) return e;
    if (e->len == n && memcmp(S_tab.pool + e->off, w, (size_t)n * sizeof *w) == 0) return e;
  }
}

static void S_rehash(size_t nslots) {
  S_entry *old = S_tab.slots;
  size_t nold = S_tab.nslots;
  S_tab.slots = plx__calloc(nslots, sizeof *S_tab.slots);
  S_tab.nslots = nslots;
  for (size_t i = 0; i < nold; i++)
    if (old[i].len) *S_slot(S_tab.pool + old[i].off, old[i].len) = old[i];
  free(old);
}

static void S_insert(const UChar *w, int32_t n, int lang) {
  if (n <= 0 || n > S_MAX_WORD) return;
  if ((S_tab.nwords + 1) * 2 > S_tab.nslots) S_rehash(S_tab.nslots ? S_tab.nslots * 2 : 1024);
  S_entry *e = S_slot(w, n);
  if (e->len == 0) {
    plx__grow((void **)&S_tab.pool, &S_tab.poolcap, S_tab.npool + (size_t)n, sizeof *S_tab.pool);
    memcpy(S_tab.pool + S_tab.npool, w, (size_t)n * sizeof *w);
    e->off = (uint32_t)S_tab.npool;
    e->len = (uint16_t)n;
    S_tab.npool += (size_t)n;
    S_tab.nwords++;
  }
  e->mask |= (uint16_t)(1u << lang);
}

/* NFC, then full case folding: the same key for "Él", "él" and "e\u0301l".
 * Returns the length in out, or -1 if the word does not fit. */
static int32_t S_fold(const UChar *w, int32_t n, UChar *out, int32_t cap) {
  UErrorCode uerr = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&uerr);
  UChar tmp[S_MAX_WORD * 2];
  const UChar *src = w;
  int32_t sn = n;
  if (U_SUCCESS(uerr) && !unorm2_isNormalized(nfc, w, n, &uerr) && U_SUCCESS(uerr)) {
    sn = unorm2_normalize(nfc, w, n, tmp, (int32_t)(sizeof tmp / sizeof *tmp), &uerr);
    if (U_FAILURE(uerr)) return -1;
    src = tmp;
  }
  uerr = U_ZERO_ERROR;
  int32_t m = u_strFoldCase(out, cap, src, sn, U_FOLD_CASE_DEFAULT, &uerr);
  if (U_FAILURE(uerr) || uerr == U_STRING_NOT_TERMINATED_WARNING || m > cap) return -1;
  /* Russian text mostly writes ё as е */
  for (int32_t i = 0; i < m; i++)
    if (out[i] == 0x0451) out[i] = 0x0435;
  return m;
}

static int S_is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Reads one list: a word per line, '#' comments, "@cues CHARS". A missing
 * list only weakens the vote, and the library has no error channel here,
 * so a bad line is skipped rather than reported. */
static void S_load_list(int lang) {
  size_t len = 0;
  const char *d = plx__data_get(S_langs[lang].file, &len);
  if (!d) return;
  for (size_t i = 0; i < len;) {
    const char *nl = memchr(d + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - d) : len, s = i;
    i = e + 1;
    while (s < e && S_is_space(d[s])) s++;
    while (e > s && S_is_space(d[e - 1])) e--;
    if (s == e || d[s] == '#') continue;
    if (e - s > 5 && memcmp(d + s, "@cues", 5) == 0) {
      for (size_t k = s + 5; k < e;) {
        UChar32 c;
        U8_NEXT((const uint8_t *)d, k, e, c);
        if (c > 0 && !u_isUWhiteSpace(c) && S_tab.ncues[lang] < S_MAX_CUES)
          S_tab.cues[lang][S_tab.ncues[lang]++] = u_tolower(c);
      }
      continue;
    }
    if (d[s] == '@') continue; /* a directive of a later format */
    UChar w[S_MAX_WORD + 1], f[S_MAX_WORD + 1];
    int32_t n = 0;
    UErrorCode uerr = U_ZERO_ERROR;
    u_strFromUTF8(w, S_MAX_WORD + 1, &n, d + s, (int32_t)(e - s), &uerr);
    if (U_FAILURE(uerr) || n > S_MAX_WORD) continue;
    int32_t m = S_fold(w, n, f, S_MAX_WORD);
    if (m > 0) S_insert(f, m, lang);
  }
}

static void S_load(void) {
  for (int l = 0; l < S_NLANG; l++) S_load_list(l);
}

static uint16_t S_lookup(const UChar *w, int32_t n) {
  if (!S_tab.nslots || n <= 0 || n > S_MAX_WORD) return 0;
  UChar f[S_MAX_WORD + 1];
  int32_t m = S_fold(w, n, f, S_MAX_WORD);
  if (m <= 0) return 0;
  return S_slot(f, m)->mask;
}

typedef struct S_count {
  size_t tokens, latin, cyrillic, other;
  size_t hits[S_NLANG], cues[S_NLANG];
  double score[S_NLANG];
} S_count;

static void S_word(S_count *c, const UChar *w, int32_t n, int toolong) {
  c->tokens++;
  if (toolong) return;
  uint16_t mask = S_lookup(w, n);
  if (!mask) return;
  int k = 0;
  for (int l = 0; l < S_NLANG; l++) k += (mask >> l) & 1;
  for (int l = 0; l < S_NLANG; l++)
    if ((mask >> l) & 1) {
      c->hits[l]++;
      c->score[l] += 1.0 / k;
    }
}

/* Counts a character typical of some language (a letter, or ¿ ¡). */
static void S_cue(S_count *c, UChar32 ch) {
  for (int l = 0; l < S_NLANG; l++)
    for (int k = 0; k < S_tab.ncues[l]; k++)
      if (S_tab.cues[l][k] == ch) c->cues[l]++;
}

static void S_scan(const char *text, size_t len, S_count *c) {
  const uint8_t *s = (const uint8_t *)text;
  int32_t n = (int32_t)len, i = 0, wn = 0;
  int toolong = 0;
  UChar w[S_MAX_WORD + 2];
  while (i < n) {
    UChar32 ch;
    U8_NEXT(s, i, n, ch); /* invalid bytes come out negative */
    int letter = ch > 0 && u_isalpha(ch);
    /* Combining marks belong to the word (decomposed "está"). */
    int mark = ch > 0 && wn > 0 && (U_GET_GC_MASK(ch) & U_GC_M_MASK);
    if (ch >= 0x80) S_cue(c, letter ? u_tolower(ch) : ch);
    if (letter) {
      UErrorCode uerr = U_ZERO_ERROR;
      UScriptCode sc = uscript_getScript(ch, &uerr);
      if (sc == USCRIPT_LATIN) c->latin++;
      else if (sc == USCRIPT_CYRILLIC) c->cyrillic++;
      else if (sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED) c->other++;
    }
    if (letter || mark) {
      if (wn + U16_LENGTH(ch) <= S_MAX_WORD) U16_APPEND_UNSAFE(w, wn, ch);
      else toolong = 1;
      continue;
    }
    if (wn || toolong) S_word(c, w, wn, toolong);
    wn = 0;
    toolong = 0;
  }
  if (wn || toolong) S_word(c, w, wn, toolong);
}

const char *plx_lang_detect(const char *text, size_t len, double *confidence) {
  if (confidence) *confidence = 0.0;
  if (!text || len == 0) return NULL;
  pthread_once(&S_once, S_load);

  size_t n = len < S_SCAN_BYTES ? len : S_SCAN_BYTES;
  /* Do not cut a character in two. */
  while (n < len && n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80) n--;
  S_count c;
  memset(&c, 0, sizeof c);
  S_scan(text, n, &c);

  /* The lists of the text's script vote; Greek, CJK...: none can speak. */
  int cyr = c.cyrillic > c.latin;
  if (cyr ? c.cyrillic < c.other : (c.latin == 0 || c.other > c.latin)) return NULL;
  int best = -1, second = -1;
  for (int l = 0; l < S_NLANG; l++) {
    if (S_langs[l].cyrillic != cyr) continue;
    if (best < 0 || c.score[l] > c.score[best]) {
      second = best;
      best = l;
    } else if (second < 0 || c.score[l] > c.score[second]) {
      second = l;
    }
  }
  double s1 = c.score[best], s2 = c.score[second];
  if (s1 - s2 < S_MARGIN * s1) {
    /* A near tie: a character only one of the two uses decides, and
     * nothing else does. */
    if (c.cues[second] && !c.cues[best]) {
      int t = best;
      best = second;
      second = t;
    } else if (!(c.cues[best] && !c.cues[second])) {
      return NULL;
    }
    s1 = c.score[best];
    s2 = c.score[second];
  }
  if (best >= S_NANSWER) return NULL;
  if (c.hits[best] < S_MIN_HITS) return NULL;
  double coverage = (double)c.hits[best] / (double)c.tokens;
  if (coverage < S_MIN_COVERAGE) return NULL;

  if (confidence) {
    /* Grows with the evidence (how many words more the winner has than
     * the runner-up), less so when the two are close in proportion or
     * the lists cover little of the text. */
    double lead = s1 > s2 ? s1 - s2 : 0.0;
    double rel = s1 > 0 ? lead / s1 / 0.5 : 0.0;
    double cov = coverage / 0.4;
    /* 1 - 1/(1 + x + x²/2): like 1 - e^-x, saturating, without libm. */
    double x = lead / 2.5, evidence = 1.0 - 1.0 / (1.0 + x + x * x / 2.0);
    double conf = evidence * (0.5 + 0.5 * (rel < 1.0 ? rel : 1.0)) *
                  (0.5 + 0.5 * (cov < 1.0 ? cov : 1.0));
    /* A language is returned only on some evidence, never with none. */
    *confidence = conf < 0.05 ? 0.05 : conf > 1.0 ? 1.0 : conf;
  }
  return S_langs[best].code;
}
