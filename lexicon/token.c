/* token.c: words of a text, case-folded; skeletons of words. */
#include "token.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucasemap.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

static int S_is_word_char(uint32_t c) {
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum((UChar32)c) || (U_GET_GC_MASK(c) & U_GC_M_MASK);
}

/* ICU's case mapper is immutable once opened and may be shared by
 * threads; one per process. */
static UCaseMap *S_casemap;
static pthread_once_t S_casemap_once = PTHREAD_ONCE_INIT;
static void S_casemap_open(void) {
  UErrorCode e = U_ZERO_ERROR;
  S_casemap = ucasemap_open(NULL, U_FOLD_CASE_DEFAULT, &e);
  if (U_FAILURE(e)) S_casemap = NULL;
}

void plx__fold(const char *s, size_t n, plx__buf *out) {
  size_t i = 0;
  while (i < n && (unsigned char)s[i] < 0x80) i++;
  if (i == n) {
    plx__grow((void **)&out->data, &out->cap, out->len + n + 1, 1);
    char *o = out->data + out->len;
    for (size_t k = 0; k < n; k++) {
      char c = s[k];
      o[k] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    out->len += n;
    out->data[out->len] = '\0';
    return;
  }
  pthread_once(&S_casemap_once, S_casemap_open);
  UErrorCode e = U_ZERO_ERROR;
  /* folding grows a string by at most three times (ß -> ss and the like) */
  size_t room = n * 3 + 8;
  plx__grow((void **)&out->data, &out->cap, out->len + room + 1, 1);
  int32_t got = S_casemap && n < INT32_MAX / 4
                    ? ucasemap_utf8FoldCase(S_casemap, out->data + out->len, (int32_t)room, s,
                                            (int32_t)n, &e)
                    : -1;
  if (got < 0 || U_FAILURE(e)) {
    memcpy(out->data + out->len, s, n);
    got = (int32_t)n;
  }
  /* Russian text mostly writes ё as е, and so do the lexicon's tables */
  for (char *o = out->data + out->len, *oe = o + got; o + 1 < oe; o++)
    if ((unsigned char)o[0] == 0xD1 && (unsigned char)o[1] == 0x91) {
      o[0] = (char)0xD0;
      o[1] = (char)0xB5;
    }
  out->len += (size_t)got;
  out->data[out->len] = '\0';
}

static void S_push(plx__toks *out, uint32_t s, uint32_t e, const char *form, size_t flen,
                   int upper, int digits) {
  plx__rawtok t;
  t.start = s;
  t.end = e;
  t.form = (uint32_t)out->forms.len;
  plx__buf_put(&out->forms, form, flen);
  t.flen = (uint32_t)flen;
  plx__buf_putc(&out->forms, '\0');
  t.upper = (uint8_t)upper;
  t.digits = (uint8_t)digits;
  PLX__PUSH(out->t, out->n, out->cap, t);
}

void plx__tokenize(const char *t, size_t len, plx__toks *out) {
  size_t i = 0;
  while (i < len) {
    size_t k = i;
    uint32_t c = (unsigned char)t[i] < 0x80 ? (unsigned char)t[k++] : plx__utf8_next(t, len, &k);
    if (!S_is_word_char(c)) {
      i = k;
      continue;
    }
    size_t s = i, e = k;
    int digits = c >= '0' && c <= '9';
    int upper = c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper((UChar32)c);
    while (e < len) {
      size_t k2 = e;
      uint32_t d = (unsigned char)t[e] < 0x80 ? (unsigned char)t[k2++] : plx__utf8_next(t, len, &k2);
      if (S_is_word_char(d)) {
        digits |= d >= '0' && d <= '9';
        e = k2;
        continue;
      }
      /* 10,000  3.5  10.000: separators between digits stay inside */
      if ((d == '.' || d == ',') && e > s && t[e - 1] >= '0' && t[e - 1] <= '9' && k2 < len &&
          t[k2] >= '0' && t[k2] <= '9') {
        e = k2;
        continue;
      }
      break;
    }
    plx__rawtok tok;
    tok.start = (uint32_t)s;
    tok.end = (uint32_t)e;
    tok.form = (uint32_t)out->forms.len;
    plx__fold(t + s, e - s, &out->forms);
    tok.flen = (uint32_t)(out->forms.len - tok.form);
    plx__buf_putc(&out->forms, '\0');
    tok.upper = (uint8_t)upper;
    tok.digits = (uint8_t)digits;
    PLX__PUSH(out->t, out->n, out->cap, tok);
    i = e;
    /* English contractions: "didn't" is "did not", "we're" is "we are";
     * the possessive 's is no word. Negation matters most: "No puede ser"
     * is "It can't be". */
    if (i >= len) continue;
    size_t k3 = i;
    uint32_t a = plx__utf8_next(t, len, &k3);
    if (a != '\'' && a != 0x2019) continue;
    size_t q = k3;
    while (q < len && ((t[q] >= 'a' && t[q] <= 'z') || (t[q] >= 'A' && t[q] <= 'Z'))) q++;
    if (q - k3 == 0 || q - k3 > 2) continue;
    char suf[3] = {0};
    for (size_t x = 0; x < q - k3; x++) suf[x] = (char)(t[k3 + x] | 0x20);
    plx__rawtok *prev = &out->t[out->n - 1];
    char *pf = out->forms.data + prev->form;
    size_t pl = prev->flen;
    const char *word = NULL;
    if (strcmp(suf, "t") == 0 && pl >= 2 && pf[pl - 1] == 'n') {
      if (pl == 3 && memcmp(pf, "won", 3) == 0) {
        /* "won't": will not (a longer word: rewritten at the end) */
        out->forms.len = prev->form;
        prev->form = (uint32_t)out->forms.len;
        plx__buf_put(&out->forms, "will", 4);
        plx__buf_putc(&out->forms, '\0');
        prev->flen = 4;
      } else if (!(pl == 3 && memcmp(pf, "can", 3) == 0)) {
        pf[pl - 1] = '\0';
        prev->flen = (uint32_t)(pl - 1);
      }
      word = "not";
    } else if (strcmp(suf, "re") == 0) word = "are";
    else if (strcmp(suf, "m") == 0) word = "am";
    else if (strcmp(suf, "ll") == 0) word = "will";
    else if (strcmp(suf, "ve") == 0) word = "have";
    else if (strcmp(suf, "d") == 0) word = "would";
    else if (strcmp(suf, "s") == 0) {
      /* "it's", "that's": is; "let's": us; a possessive is no word */
      static const char *is_words[] = {"it", "that", "he", "she", "what", "there",
                                       "where", "who", "here", "how", "this"};
      for (size_t x = 0; x < sizeof is_words / sizeof *is_words; x++)
        if (strlen(is_words[x]) == pl && memcmp(pf, is_words[x], pl) == 0) word = "is";
      if (pl == 3 && memcmp(pf, "let", 3) == 0) word = "us";
    }
    if (word) S_push(out, (uint32_t)k3, (uint32_t)q, word, strlen(word), 0, 0);
    i = q;
  }
}

void plx__toks_clear(plx__toks *t) {
  t->n = 0;
  t->forms.len = 0;
}

void plx__toks_free(plx__toks *t) {
  free(t->t);
  plx__buf_free(&t->forms);
  memset(t, 0, sizeof *t);
}

/* ---- skeletons ---- */

/* Latin letters U+0080..U+024F, each as the ASCII letters it is without
 * its marks (from the canonical decomposition), or, for letters that do
 * not decompose, as ICU's Latin-ASCII writes them (ß ss, æ ae, ø o, ł l). */
#define S_LATIN_END 0x250
static char S_latin[S_LATIN_END][4];
static pthread_once_t S_latin_once = PTHREAD_ONCE_INIT;

static void S_latin_init(void) {
  static const struct {
    uint32_t c;
    const char *s;
  } extra[] = {{0xDF, "ss"},  {0xE6, "ae"},  {0xC6, "ae"},  {0xF8, "o"},   {0xD8, "o"},
               {0x111, "d"},  {0x110, "d"},  {0x142, "l"},  {0x141, "l"},  {0x127, "h"},
               {0x126, "h"},  {0x131, "i"},  {0x140, "l"},  {0x13F, "l"},  {0xFE, "th"},
               {0xDE, "th"},  {0xF0, "d"},   {0xD0, "d"},   {0x153, "oe"}, {0x152, "oe"},
               {0x14B, "n"},  {0x14A, "n"},  {0x138, "q"},  {0x167, "t"},  {0x166, "t"},
               {0x180, "b"},  {0x1E5, "g"},  {0x1E4, "g"},  {0x133, "ij"}, {0x132, "ij"},
               {0x17F, "s"},  {0xAA, "a"},   {0xBA, "o"}};
  UErrorCode e = U_ZERO_ERROR;
  const UNormalizer2 *nfd = unorm2_getNFDInstance(&e);
  for (uint32_t c = 0x80; c < S_LATIN_END; c++) {
    S_latin[c][0] = '\0';
    if (U_FAILURE(e) || !u_isalpha((UChar32)c)) continue;
    UChar in[2] = {(UChar)c, 0}, d[8];
    UErrorCode e2 = U_ZERO_ERROR;
    int32_t n = unorm2_normalize(nfd, in, 1, d, 8, &e2);
    if (U_FAILURE(e2) || n < 1 || d[0] >= 0x80) continue;
    char lower = (char)(d[0] >= 'A' && d[0] <= 'Z' ? d[0] + 32 : d[0]);
    S_latin[c][0] = lower;
    S_latin[c][1] = '\0';
  }
  for (size_t k = 0; k < sizeof extra / sizeof *extra; k++)
    memcpy(S_latin[extra[k].c], extra[k].s, strlen(extra[k].s) + 1);
}

/* Other scripts: ICU's transliterator, opened once per process (its
 * registry is costly to build) and used under a lock. */
static UTransliterator *S_translit;
static int S_translit_failed;
static pthread_mutex_t S_translit_lock = PTHREAD_MUTEX_INITIALIZER;

static void S_translit_word(const char *w, size_t n, plx__buf *out) {
  UChar buf[256];
  int32_t len = 0;
  UErrorCode e = U_ZERO_ERROR;
  u_strFromUTF8(buf, 200, &len, w, (int32_t)n, &e);
  if (U_FAILURE(e) || len >= 200) {
    plx__buf_put(out, w, n);
    return;
  }
  pthread_mutex_lock(&S_translit_lock);
  if (!S_translit && !S_translit_failed) {
    UChar id[] = u"Any-Latin; Latin-ASCII; Lower";
    S_translit = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &e);
    if (U_FAILURE(e)) S_translit_failed = 1;
    e = U_ZERO_ERROR;
  }
  int32_t limit = len;
  if (S_translit) utrans_transUChars(S_translit, buf, &len, 255, 0, &limit, &e);
  pthread_mutex_unlock(&S_translit_lock);
  char o[1024];
  int32_t olen = 0;
  if (U_SUCCESS(e)) u_strToUTF8(o, sizeof o, &olen, buf, len, &e);
  if (U_FAILURE(e) || !S_translit) plx__buf_put(out, w, n);
  else plx__buf_put(out, o, (size_t)olen);
}

/* Cyrillic letters in Latin by BGN/PCGN (the system of English news
 * writing for Russian names), by hand rather than by ICU's transliterator:
 * opening that costs about 150 million instructions, several times a whole
 * comparison, and the table is one letter to a few. Lower case; NULL for a
 * code point outside the table. */
static const char *S_cyrillic(uint32_t c) {
  static const char *const ru[32] = {"a", "b", "v",  "g",  "d",  "e",    "zh", "z",
                                     "i", "y", "k",  "l",  "m",  "n",    "o",  "p",
                                     "r", "s", "t",  "u",  "f",  "kh",   "ts", "ch",
                                     "sh", "shch", "", "y", "", "e", "yu", "ya"};
  if (c >= 0x410 && c <= 0x42F) c += 0x20; /* upper case */
  if (c >= 0x430 && c <= 0x44F) return ru[c - 0x430];
  switch (c) {
  case 0x451: case 0x401: return "e";  /* ё */
  case 0x456: case 0x406: return "i";  /* і */
  case 0x457: case 0x407: return "yi"; /* ї */
  case 0x454: case 0x404: return "ye"; /* є */
  case 0x491: case 0x490: return "g";  /* ґ */
  case 0x45E: case 0x40E: return "w";  /* ў */
  default: return NULL;
  }
}

void plx__skeleton(const char *w, size_t n, plx__buf *out) {
  out->len = 0;
  size_t i = 0;
  while (i < n && (unsigned char)w[i] < 0x80) i++;
  if (i == n) {
    plx__buf_put(out, w, n);
    return;
  }
  pthread_once(&S_latin_once, S_latin_init);
  plx__buf_put(out, w, i);
  while (i < n) {
    unsigned char b = (unsigned char)w[i];
    if (b < 0x80) {
      plx__buf_putc(out, (char)(b >= 'A' && b <= 'Z' ? b + 32 : b));
      i++;
      continue;
    }
    size_t k = i;
    uint32_t c = plx__utf8_next(w, n, &k);
    const char *cy;
    if (c < S_LATIN_END && S_latin[c][0]) {
      plx__buf_puts(out, S_latin[c]);
    } else if ((cy = S_cyrillic(c)) != NULL) {
      plx__buf_puts(out, cy);
    } else if (U_GET_GC_MASK(c) & U_GC_M_MASK) {
      /* a combining mark: dropped */
    } else {
      /* another script: the whole word through ICU */
      out->len = 0;
      S_translit_word(w, n, out);
      return;
    }
    i = k;
  }
}

/* ---- Name keys across scripts ---- */

void plx__name_key(const char *w, size_t n, plx__buf *out) {
  plx__buf lat = {0};
  out->len = 0;
  plx__skeleton(w, n, &lat); /* Cyrillic by BGN/PCGN (S_cyrillic) */
  /* spelling variants of one sound, longest first: the two scripts'
   * conventions meet ("dzh" and "j", "kh" and "h", "sh" and "sch") */
  static const struct {
    const char *from, *to;
  } rules[] = {{"shch", "s"}, {"dzh", "j"}, {"sch", "s"}, {"zh", "j"}, {"kh", "h"}, {"sh", "s"},
               {"ch", "c"},   {"ph", "f"},  {"ck", "k"},  {"ts", "c"}, {"tz", "c"}, {"th", "t"},
               {"gh", "g"}};
  char prev = 0;
  size_t letters = 0;
  for (size_t i = 0; i < lat.len;) {
    char c = lat.data[i];
    if (c < 'a' || c > 'z') { /* a hyphen, an apostrophe */
      i++;
      continue;
    }
    letters++;
    size_t used = 1;
    for (size_t r = 0; r < sizeof rules / sizeof *rules; r++) {
      size_t rl = strlen(rules[r].from);
      if (i + rl <= lat.len && memcmp(lat.data + i, rules[r].from, rl) == 0) {
        c = rules[r].to[0];
        used = rl;
        break;
      }
    }
    i += used;
    switch (c) {
    case 'c': case 'q': c = 'k'; break;
    case 'w': c = 'v'; break;
    case 'z': c = 's'; break;
    case 'x': c = 'k'; break;
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': case 'h': c = 0; break;
    default: break;
    }
    if (c && c != prev) plx__buf_putc(out, c);
    if (c) prev = c;
  }
  if (letters < 4 || out->len < 2) out->len = 0;
  plx__buf_free(&lat);
}
