/* values.c: numbers, amounts, dates and durations as language-neutral
 * values (plx_values_find).
 *
 * The approach, in three passes over one span of text:
 *
 * 1. Tokens. The text is cut once into words (runs of letters, folded to
 *    lower case without acute/grave accents or diaeresis, so "Días" and
 *    "dias" look the same), digit groups and single symbols, each knowing
 *    whether white space precedes it. Digit groups are read by hand, not by
 *    a regular expression: the language decides what "." and "," mean
 *    (English "1,000.5", Spanish "1.000,5"; a single separator followed by
 *    exactly three digits groups thousands, except the English "." and
 *    the Spanish ","; Spanish "3.5" is a decimal point), Spanish also
 *    groups with spaces ("10 000"), and "27/04/2014" becomes one numeric
 *    date token. The digits are converted exactly (mantissa and power of
 *    ten) when they fit in 15 significant digits, and by ICU's decimal
 *    parser (unum_parseDouble, locale-independent, unlike strtod)
 *    otherwise. ICU does not decide the separators: its lenient parse
 *    reads "10.000" the same way in every locale and accepts "1,2,3".
 *
 * 2. Identifiers. A glued chain of letters and digits ("AS750-10",
 *    "STS-41-D", "COVID-19", "4G", "10:30") is not a value: its digits are
 *    marked and never read. Words that belong to values may be glued to
 *    digits ("16th", "10bn", "10-year", "mid-2019", "USD10").
 *
 * 3. Values. At each token the readings that can start there are tried:
 *    dates, amounts with a currency before, quantities (digits or number
 *    words, with scales) followed by a percent sign, a currency or a unit
 *    of time, ordinals, and plain numbers. The longest reading wins (ties
 *    go to the more specific type), the scan resumes after it, so values
 *    never overlap and the parts of a value are not reported again.
 *
 * The words (number words, scales, ordinals, months, units, currencies,
 * the cue words for years...) live in lexicon/data/values/LANG.txt,
 * compiled into the library. They are loaded once (pthread_once) into a
 * table sorted by first token, so a lookup is a binary search; each token
 * records the range of entries that begin with it, found once.
 *
 * Conservative choices, because a wrong value costs the comparison a false
 * "conflict" or "missing" report while a missed one costs little:
 *   - "one", "un", "una", "uno" alone are not numbers (they are articles
 *     and pronouns far more often); "a" is 1 only before a scale or a unit.
 *   - a four-digit number 1000-2999 is a year after a cue word ("in
 *     2030", "desde 2019"); after a weak one ("de", "of", "from") only if
 *     punctuation, a function word or the end follows ("de 2030." but not
 *     "de 2000 personas"); in parentheses; and, 1800-2099, standing alone
 *     before punctuation or a function word ("born 1962 in Madrid"). Never
 *     after a hedge ("más de 2000", "up to 2000"). Otherwise a number;
 *     plx_value_equal lets such a number match a year, since the guess
 *     differs with the phrasing.
 *   - an English month alone must be capitalised, and "May"/"March" need a
 *     cue word ("in May"); abbreviations ("Sept.") need a day or a year.
 *   - "a year" after another value or "per", "twice", "veces" is a rate,
 *     not a duration ("$5 billion a year").
 *   - numbers glued to unknown letters ("1990s", "4G") and times of day
 *     ("10 a.m.", "10:30") give nothing; glued to a unit of measurement
 *     ("5km", "600Mbit/s") they are read as numbers.
 *   - number words that are part of a word ("three-dimensional",
 *     "first-hand") or of a name ("the Three Nations", "las Tres
 *     Naciones") are not values.
 *   - "Windows 10", "iPhone 11": the number is reported (10, 11); nothing
 *     tells a version from a count, and the other language writes the same.
 */
#include "internal.h"
#include "plx_values.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

/* Longest folded word kept, in bytes with its NUL. Longer words are never
 * value words: the longest of the lists is 28 bytes ("четырнадцатого",
 * Cyrillic letters being two bytes each; "decimoséptimo" is 14). Every
 * token of a text carries one, so no larger than needed. */
#define S_KEY 32
/* Groups of one number phrase, by scale ("dos mil trescientos millones"
 * stacks 2000, then 2300 x 1e6). */
#define S_STACK 8

/* ---- The word lists ---- */

enum {
  K_NUM,
  K_SCALE,
  K_SUFFIX,
  K_ORD,
  K_ORDSUF,
  K_PCT,
  K_CUR,
  K_UNIT,
  K_HALF,
  K_MONTH,
  K_WEEKDAY,
  K_CUE,
  K_HEDGE,
  K_DATEOF,
  K_SCALEOF,
  K_AND,
  K_PER,
  K_NOT,
  K_GLUE,
  K_CLOCK,
  K_FUNC,
  K_UNITMOD,
  K_ROMAN,
  K_RANGE,
  K_MEASURE,
  K_COUNT
};
static const char *const S_kind_names[K_COUNT] = {
    "num",  "scale", "suffix",  "ord",   "ordsuf", "pct",     "cur",     "unit",
    "half", "month", "weekday", "cue",   "hedge",  "dateof",  "scaleof", "and",
    "per",  "not",   "glue",    "clock", "func",   "unitmod", "roman",   "range",
    "measure"};

enum {
  F_BARE = 1 << 0,     /* num: never a number alone ("one", "un") */
  F_ARTICLE = 1 << 1,  /* num: "a": 1 only before a scale or a unit */
  F_ALONE = 1 << 2,    /* scale: a number by itself ("mil") */
  F_AMOUNT = 1 << 3,   /* suffix: only with a currency ("€3.5m") */
  F_PRE = 1 << 4,      /* cur: before the number */
  F_POST = 1 << 5,     /* cur: after the number */
  F_NOART = 1 << 6,    /* unit: not after "a", "one", "un" ("a second" term) */
  F_CAP = 1 << 7,      /* month, weekday: capitalised in the text */
  F_CUE = 1 << 8,      /* month: alone only after a cue word ("in May") */
  F_ABBR = 1 << 9,     /* month: never alone */
  F_DATE = 1 << 10,    /* ordsuf: only for the day of a date ("1° de mayo") */
  F_WEAK = 1 << 11,    /* cue: a year only before punctuation or a function word */
  F_COMPOUND = 1 << 12, /* ord: only after an ordinal of tens ("vigésimo cuarto") */
  F_GUESS = 1 << 13     /* cur: a sign or word several currencies share ("$") */
};
static const struct {
  const char *name;
  uint16_t flag;
} S_flag_names[] = {{"bare", F_BARE},        {"article", F_ARTICLE}, {"alone", F_ALONE},
                    {"amount", F_AMOUNT},    {"pre", F_PRE},         {"post", F_POST},
                    {"noart", F_NOART},      {"cap", F_CAP},         {"cue", F_CUE},
                    {"abbr", F_ABBR},        {"date", F_DATE},       {"weak", F_WEAK},
                    {"compound", F_COMPOUND}, {"guess", F_GUESS}};

typedef struct S_entry {
  uint32_t key; /* index of its first token's key in S_lex.keys */
  uint8_t ntok; /* tokens in the phrase */
  uint8_t kind; /* K_* */
  uint16_t flags;
  uint32_t glue; /* bit t: token t must be glued to token t-1 */
  double val;
  char unit[8];
} S_entry;

typedef char S_keybuf[S_KEY];

typedef struct S_lex {
  const char *file;
  S_entry *e;
  size_t n, cap;
  S_keybuf *keys;
  size_t nkeys, capkeys;
  /* first words of the phrases: a hash of the first entry of each run of
   * entries with the same first word (index + 1; 0 empty) */
  uint32_t *slots;
  size_t nslots;
  /* per entry that begins a run of one first word: whether that word can
   * begin a value by itself (S_may_hold_values) */
  uint8_t *strong;
  plx_status status;
  char message[300];
} S_lex;

static S_lex S_lexes[3] = {{.file = "lexicon/data/values/en.txt"},
                           {.file = "lexicon/data/values/es.txt"},
                           {.file = "lexicon/data/values/ru.txt"}};
/* each language's words are read on its first use: the Russian list costs
 * a comparison of English and Spanish nothing */
static pthread_once_t S_once[3] = {PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT};

/* ---- Tokens ---- */

enum { T_WORD, T_NUM, T_NDATE, T_SYM };

typedef struct S_tok {
  size_t s, e;       /* bytes */
  uint32_t elo, ehi; /* entries of the language whose phrase begins here */
  uint32_t cp;       /* symbol: its code point */
  uint8_t kind;      /* T_* */
  uint8_t glued;     /* no white space between it and the previous token */
  uint8_t cap;       /* word: begins with a capital */
  uint8_t ident;     /* digits of an identifier or a clock time: no value */
  uint8_t plain;     /* number: digits only */
  uint8_t ndig;      /* number: digits of the integer part (at most 255) */
  uint8_t frac;      /* number: has a decimal part */
  uint8_t exact;     /* number: equals mant * 10^exp10 */
  int32_t exp10;     /* (as many as the digits: "0.000...1" can have 65,536) */
  int16_t y; /* numeric date: year; month and day 0 when unknown */
  int8_t m, d;
  uint64_t mant;
  double val;      /* number: its value */
  char key[S_KEY]; /* word: folded; symbol: its UTF-8; otherwise "" */
} S_tok;

typedef struct S_toks {
  S_tok *t;
  size_t n, cap;
} S_toks;

static int S_space(uint32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/* The spaces that may group thousands: Spanish writes "10 000" with any of
 * them, English (SI style) only with the no-break and thin ones. */
static int S_group_space(uint32_t c, int es) {
  return (es && c == ' ') || c == 0xA0 || c == 0x2009 || c == 0x202F;
}

static int S_letter(uint32_t c) {
  if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
  if (c >= 0x410 && c <= 0x44F) return 1; /* А-я, without a look-up */
  return u_isalpha((UChar32)c) || (U_GET_GC_MASK((UChar32)c) & U_GC_M_MASK);
}

/* Lower case without acute, grave, circumflex, tilde (on vowels) and
 * diaeresis: Spanish headlines drop accents on capitals ("DIAS"), and
 * writers vary ("sétimo"); ñ is a letter of its own and stays. */
static uint32_t S_fold(uint32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  /* the Russian alphabet without a property look-up; ё as е */
  if (c >= 0x430 && c <= 0x44F) return c;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c == 0x451 || c == 0x401) return 0x435;
  c = (uint32_t)u_tolower((UChar32)c);
  if (c >= 0xE0 && c <= 0xE5) return 'a';
  if (c >= 0xE8 && c <= 0xEB) return 'e';
  if (c >= 0xEC && c <= 0xEF) return 'i';
  if ((c >= 0xF2 && c <= 0xF6)) return 'o';
  if (c >= 0xF9 && c <= 0xFC) return 'u';
  return c;
}

static size_t S_put_utf8(char *o, uint32_t c) {
  if (c < 0x80) {
    o[0] = (char)c;
    return 1;
  }
  if (c < 0x800) {
    o[0] = (char)(0xC0 | (c >> 6));
    o[1] = (char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    o[0] = (char)(0xE0 | (c >> 12));
    o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  o[0] = (char)(0xF0 | (c >> 18));
  o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
  o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
  o[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}

static uint32_t S_peek(const char *t, size_t len, size_t i, size_t *next) {
  size_t k = i;
  uint32_t c = (unsigned char)t[i] < 0x80 ? (unsigned char)t[k++] : plx__utf8_next(t, len, &k);
  *next = k;
  return c;
}

static int S_digit(const char *t, size_t len, size_t i) {
  return i < len && t[i] >= '0' && t[i] <= '9';
}

/* A run of digits at t[i]: how many, and their value if it fits. */
static size_t S_run(const char *t, size_t len, size_t i, long *v) {
  size_t k = i;
  long x = 0;
  while (S_digit(t, len, k)) {
    if (k - i < 9) x = x * 10 + (t[k] - '0');
    k++;
  }
  if (v) *v = x;
  return k - i;
}

static int S_month_days(int m, int y) {
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  if (m == 2 && y) return ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : 28;
  return days[m - 1];
}

static int S_valid_md(int m, int d, int y) { return d >= 1 && d <= S_month_days(m, y); }

/* A numeric date at t[i]: "27/04/2014", "27.04.2014", "27-04-14",
 * "2014-04-27". Spanish reads day/month; English month/day, or day/month
 * when only that reading is a date; when both are, the day and month are
 * left unknown and only the year is kept. Returns the end, or 0. */
static size_t S_scan_ndate(const char *t, size_t len, size_t i, int es, S_tok *k) {
  long a, b, c;
  size_t na = S_run(t, len, i, &a), p = i + na;
  if (p >= len || (t[p] != '/' && t[p] != '-' && t[p] != '.')) return 0;
  char sep = t[p];
  size_t nb = S_run(t, len, p + 1, &b), q = p + 1 + nb;
  if (nb < 1 || nb > 2 || q >= len || t[q] != sep) return 0;
  size_t nc = S_run(t, len, q + 1, &c), r = q + 1 + nc;
  /* Not part of something longer ("1.2.3.4", "2014-04-27T10", "v1.10.2019a"). */
  if (r < len && (((unsigned char)t[r] < 0x80 && ((t[r] | 32) >= 'a' && (t[r] | 32) <= 'z')) ||
                  (t[r] == sep && S_digit(t, len, r + 1))))
    return 0;
  int y, m, d;
  if (na == 4 && nc >= 1 && nc <= 2) {
    y = (int)a, m = (int)b, d = (int)c;
    if (!S_valid_md(m, d, y)) return 0;
  } else if (na >= 1 && na <= 2 && (nc == 4 || (nc == 2 && sep == '/'))) {
    /* Two-digit years only with slashes: "1.10.12" is more often a version. */
    y = nc == 4 ? (int)c : (c < 50 ? 2000 + (int)c : 1900 + (int)c);
    int dm = S_valid_md((int)b, (int)a, y), md = S_valid_md((int)a, (int)b, y);
    if (dm && md && a != b && !es)
      m = 0, d = 0; /* "04/05/2014" in English */
    else if (dm)
      m = (int)b, d = (int)a;
    else if (md)
      m = (int)a, d = (int)b;
    else
      return 0;
  } else {
    return 0;
  }
  if (y < 1000 || y > 2999) return 0;
  k->kind = T_NDATE;
  k->y = (int16_t)y;
  k->m = (int8_t)m;
  k->d = (int8_t)d;
  return r;
}

static double S_abs(double x) { return x < 0 ? -x : x; }

static const double S_pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* mant * 10^e, correctly rounded when mant < 2^53 and |e| <= 22 (one
 * rounding of two exact operands). */
static double S_scale10(uint64_t mant, int e) {
  double x = (double)mant;
  while (e > 22)
    x *= 1e22, e -= 22;
  while (e < -22)
    x /= 1e22, e += 22;
  return e >= 0 ? x * S_pow10[e] : x / S_pow10[-e];
}

/* The exponent k when v is 10^k (0 <= k <= 22), else -1. */
static int S_log10_exact(double v) {
  for (int k = 0; k <= 22; k++)
    if (v == S_pow10[k]) return k;
  return -1;
}

/* The value of ASCII digits with an optional '.', through ICU (en_US: '.'
 * is the decimal point) so the result does not depend on the C locale. */
static double S_icu_parse(const char *ascii, size_t n) {
  UChar u[128];
  if (n >= sizeof u / sizeof *u) n = sizeof u / sizeof *u - 1;
  u_charsToUChars(ascii, u, (int32_t)n);
  UErrorCode e = U_ZERO_ERROR;
  UNumberFormat *f = unum_open(UNUM_DECIMAL, NULL, 0, "en_US", NULL, &e);
  double v = 0;
  if (U_SUCCESS(e)) {
    unum_setAttribute(f, UNUM_GROUPING_USED, 0);
    int32_t pos = 0;
    v = unum_parseDouble(f, u, (int32_t)n, &pos, &e);
    if (U_FAILURE(e)) v = 0;
  }
  if (f) unum_close(f);
  return v;
}

/* Digits at t[i]: a number with the language's separators. Returns its end.
 * A run of digits and separators that is no number ("1.2.3",
 * "192.168.1.1") is one token marked ident. */
static size_t S_scan_number(const char *t, size_t len, size_t i, int es, S_tok *k) {
  typedef struct {
    char sep;
    size_t at, n;
  } S_group;
  S_group g[64];
  size_t ng = 0;
  size_t first = S_run(t, len, i, NULL), p = i + first;
  while (ng < sizeof g / sizeof *g) { /* (a longer run ends the number) */
    if (p < len && (t[p] == '.' || t[p] == ',') && S_digit(t, len, p + 1)) {
      size_t n = S_run(t, len, p + 1, NULL);
      g[ng++] = (S_group){t[p], p + 1, n};
      p += 1 + n;
      continue;
    }
    /* The raised decimal point of British medical and scientific style
     * ("1·34", "P < 0·001"): always decimal. */
    if (p + 1 < len && (unsigned char)t[p] == 0xC2 && (unsigned char)t[p + 1] == 0xB7 &&
        S_digit(t, len, p + 2)) {
      size_t n = S_run(t, len, p + 2, NULL);
      g[ng++] = (S_group){'m', p + 2, n};
      p += 2 + n;
      continue;
    }
    /* Space grouping: "10 000", "1 234 567", only after 1-3 digits and
     * other space groups, and only of exactly three digits. */
    if (p < len && first <= 3 && (ng == 0 || g[ng - 1].sep == ' ')) {
      size_t q;
      uint32_t c = S_peek(t, len, p, &q);
      if (S_group_space(c, es) && S_run(t, len, q, NULL) == 3 && !S_digit(t, len, q + 3)) {
        g[ng++] = (S_group){' ', q, 3};
        p = q + 3;
        continue;
      }
    }
    break;
  }
  /* Which separator, if any, is the decimal point. */
  ptrdiff_t dec = -1;
  int bad = 0;
  if (ng == 1 && g[0].sep == 'm') {
    dec = 0;
  } else if (ng == 1 && g[0].sep != ' ') {
    /* a leading "0" groups nothing: "0.337" is decimal in Spanish too */
    int three = g[0].n == 3 && first <= 3 && !(first == 1 && t[i] == '0');
    if (g[0].sep == ',' && !es) {
      if (!three) { /* "3,5" in English: a list, not a number; stop at ',' */
        ng = 0;
        p = i + first;
      }
    } else if (g[0].sep == '.' && es) {
      if (!three) dec = 0; /* "3.5", "12.5%" */
    } else {
      dec = 0; /* English "3.5", "10.000"; Spanish "3,5" */
    }
  } else if (ng > 0) {
    char last = g[ng - 1].sep;
    size_t same = 0;
    for (size_t j = 0; j < ng; j++)
      same += g[j].sep == last;
    if (last != ' ' && same == 1) dec = (ptrdiff_t)ng - 1;
    char grp = 0;
    for (size_t j = 0; j < ng; j++) {
      if ((ptrdiff_t)j == dec) continue;
      if (g[j].n != 3 || (grp && g[j].sep != grp && g[j].sep != ' ')) bad = 1;
      if (g[j].sep != ' ') grp = grp ? grp : g[j].sep;
    }
    if (first > 3) bad = 1;
  }
  k->kind = T_NUM;
  if (bad) {
    k->ident = 1;
    return p;
  }
  /* Digits without separators, and the value. */
  char ascii[128];
  size_t na = 0, sig = 0, ndig = first, nfrac = 0;
  uint64_t mant = 0;
  int exp10 = 0;
  for (size_t j = 0; j <= ng; j++) {
    size_t from = j == 0 ? i : g[j - 1].at, n = j == 0 ? first : g[j - 1].n;
    int frac = dec >= 0 && (ptrdiff_t)j == dec + 1;
    if (frac && na < sizeof ascii - 1) ascii[na++] = '.';
    if (j > 0 && !frac) ndig += n;
    for (size_t q = from; q < from + n; q++) {
      int dg = t[q] - '0';
      if (na < sizeof ascii - 1) ascii[na++] = t[q];
      /* (exp10 stops at +-100000: the value is 0 or infinite long before) */
      if (sig == 0 && dg == 0) {
        if (frac && exp10 > -100000) exp10--;
        if (frac) nfrac++;
        continue;
      }
      if (sig < 19) {
        mant = mant * 10 + (uint64_t)dg;
        if (frac && exp10 > -100000) exp10--;
      } else if (!frac && exp10 < 100000) {
        exp10++;
      }
      if (frac) nfrac++;
      sig++;
    }
  }
  k->plain = ng == 0;
  k->frac = nfrac > 0;
  k->ndig = (uint8_t)(ndig > 255 ? 255 : ndig);
  k->mant = mant;
  k->exp10 = (int32_t)exp10;
  k->exact = sig <= 15;
  /* (Past 127 characters, the approximation from 19 digits will do.) */
  k->val = k->exact || na >= sizeof ascii - 1 ? S_scale10(mant, exp10) : S_icu_parse(ascii, na);
  /* Digits whose value a double cannot hold ("0.000...1" reads as 0) are
   * no value to compare. */
  if (mant != 0 && k->val == 0) k->ident = 1;
  return p;
}

/* The word starting at t[i] (a letter): its folded key into key (empty
 * when longer than S_KEY); returns where it ends. */
static size_t S_word_key(const char *t, size_t len, size_t i, char *key) {
  size_t kl = 0;
  int toolong = 0;
  size_t j = i;
  while (j < len) {
    size_t nj;
    uint32_t d = S_peek(t, len, j, &nj);
    if (!S_letter(d)) break;
    j = nj;
    if (d >= 0x80 && !(d >= 0x410 && d <= 0x44F) && (U_GET_GC_MASK((UChar32)d) & U_GC_M_MASK)) {
      /* A combining tilde after n is ñ (decomposed text); other marks
       * are the accents folding drops. */
      if (d == 0x303 && kl > 0 && key[kl - 1] == 'n') {
        kl--;
        d = 0xF1;
      } else {
        continue;
      }
    }
    char u[4];
    size_t m = S_put_utf8(u, S_fold(d));
    if (kl + m >= S_KEY) {
      toolong = 1;
      continue;
    }
    memcpy(key + kl, u, m);
    kl += m;
  }
  key[toolong ? 0 : kl] = '\0';
  return j;
}

static void S_tokenize(const char *t, size_t len, int es, S_toks *out) {
  int space = 1;
  for (size_t i = 0; i < len;) {
    size_t next;
    uint32_t c = S_peek(t, len, i, &next);
    if (S_space(c)) {
      space = 1;
      i = next;
      continue;
    }
    S_tok k;
    memset(&k, 0, sizeof k);
    k.s = i;
    k.glued = !space && out->n > 0;
    space = 0;
    if (c >= '0' && c <= '9') {
      size_t e = S_scan_ndate(t, len, i, es, &k);
      if (!e) e = S_scan_number(t, len, i, es, &k);
      k.e = e;
    } else if (S_letter(c)) {
      k.cap = c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper((UChar32)c) || u_istitle((UChar32)c));
      k.kind = T_WORD;
      k.e = S_word_key(t, len, i, k.key);
    } else {
      k.kind = T_SYM;
      k.cp = c;
      k.key[S_put_utf8(k.key, c)] = '\0';
      k.e = next;
    }
    PLX__PUSH(out->t, out->n, out->cap, k);
    i = k.e;
  }
}

/* ---- Loading the word lists ---- */

/* A number in a data file: "12", "1e9", "0.5". Returns 0 if malformed. */
static int S_parse_num(const char *s, size_t n, double *out) {
  uint64_t m = 0;
  int e = 0, digits = 0;
  size_t i = 0;
  for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++)
    m = m * 10 + (uint64_t)(s[i] - '0');
  if (i < n && s[i] == '.')
    for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++)
      m = m * 10 + (uint64_t)(s[i] - '0'), e--;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    int x = 0, any = 0;
    for (i++; i < n && s[i] >= '0' && s[i] <= '9' && x < 100; i++, any = 1)
      x = x * 10 + (s[i] - '0');
    if (!any) return 0;
    e += x;
  }
  if (i != n || !digits || digits > 18) return 0;
  *out = S_scale10(m, e);
  return 1;
}

static int S_load_fail(S_lex *lx, size_t line, const char *what) {
  lx->status = PLX_ERR_DATA;
  snprintf(lx->message, sizeof lx->message, "%s:%zu: %s", lx->file, line, what);
  return 0;
}

/* One line: KIND<TAB>PHRASE[<TAB>ARGS]. Returns 0 (and records why) if the
 * line is invalid. */
static int S_load_line(S_lex *lx, const char *d, size_t s, size_t e, size_t line, S_toks *tmp) {
  const char *f[3];
  size_t fn[3], nf = 0;
  for (size_t i = s; i < e && nf < 3;) {
    while (i < e && d[i] == '\t')
      i++;
    if (i >= e) break;
    size_t j = i;
    while (j < e && (d[j] != '\t' || nf == 2))
      j++;
    f[nf] = d + i;
    fn[nf++] = j - i;
    i = j;
  }
  if (nf < 2) return S_load_fail(lx, line, "expected KIND<TAB>PHRASE");
  int kind = -1;
  for (int k = 0; k < K_COUNT; k++)
    if (strlen(S_kind_names[k]) == fn[0] && memcmp(S_kind_names[k], f[0], fn[0]) == 0) kind = k;
  if (kind < 0) return S_load_fail(lx, line, "unknown kind");
  tmp->n = 0;
  S_tokenize(f[1], fn[1], 0, tmp);
  if (tmp->n == 0 || tmp->n > 31) return S_load_fail(lx, line, "empty or overlong phrase");
  S_entry en;
  memset(&en, 0, sizeof en);
  en.kind = (uint8_t)kind;
  en.ntok = (uint8_t)tmp->n;
  en.key = (uint32_t)lx->nkeys;
  for (size_t q = 0; q < tmp->n; q++) {
    const S_tok *k = &tmp->t[q];
    if (k->kind == T_NUM || k->kind == T_NDATE) return S_load_fail(lx, line, "digits in a phrase");
    if (!k->key[0]) return S_load_fail(lx, line, "word too long");
    if (q > 0 && k->glued) en.glue |= 1u << q;
    plx__grow((void **)&lx->keys, &lx->capkeys, lx->nkeys + 1, sizeof *lx->keys);
    memcpy(lx->keys[lx->nkeys++], k->key, S_KEY);
  }
  /* Arguments: the value (or code and value), then flags. */
  const char *a = nf == 3 ? f[2] : "";
  size_t an = nf == 3 ? fn[2] : 0, i = 0;
  int need_code = kind == K_UNIT || kind == K_CUR;
  int need_val = kind == K_NUM || kind == K_SCALE || kind == K_SUFFIX || kind == K_ORD ||
                 kind == K_MONTH || kind == K_WEEKDAY || kind == K_UNIT;
  int argno = 0;
  while (i < an) {
    while (i < an && (a[i] == ' ' || a[i] == '\t' || a[i] == '\r'))
      i++;
    if (i >= an) break;
    size_t j = i;
    while (j < an && a[j] != ' ' && a[j] != '\t' && a[j] != '\r')
      j++;
    if (need_code && argno == 0) {
      if (j - i >= sizeof en.unit) return S_load_fail(lx, line, "code too long");
      memcpy(en.unit, a + i, j - i);
    } else if (need_val && argno == need_code) {
      if (!S_parse_num(a + i, j - i, &en.val)) return S_load_fail(lx, line, "bad number");
    } else if (kind == K_ORDSUF && a[i] >= '0' && a[i] <= '9') {
      /* The last digits the ending goes with: "st" 1, "nd" 2, "er" 13. */
      unsigned mask = 0;
      for (size_t q = i; q < j; q++) {
        if (a[q] < '0' || a[q] > '9') return S_load_fail(lx, line, "bad digits");
        mask |= 1u << (a[q] - '0');
      }
      en.val = mask;
    } else {
      size_t k = 0, nfl = sizeof S_flag_names / sizeof S_flag_names[0];
      while (k < nfl && !(strlen(S_flag_names[k].name) == j - i &&
                          memcmp(S_flag_names[k].name, a + i, j - i) == 0))
        k++;
      if (k == nfl) return S_load_fail(lx, line, "unknown flag");
      en.flags |= S_flag_names[k].flag;
    }
    argno++;
    i = j;
  }
  if (argno < need_code + need_val) return S_load_fail(lx, line, "missing value");
  if (kind == K_MONTH && (en.val < 1 || en.val > 12)) return S_load_fail(lx, line, "bad month");
  if (kind == K_ORDSUF && en.val == 0) en.val = 0x3FF; /* any last digit */
  if (kind == K_UNIT) {
    static const char *const units[] = {"Y", "M", "W", "D", "H", "MIN", "S"};
    int ok = 0;
    for (size_t u = 0; u < 7; u++)
      ok |= strcmp(en.unit, units[u]) == 0;
    if (!ok) return S_load_fail(lx, line, "unit must be Y, M, W, D, H, MIN or S");
  }
  PLX__PUSH(lx->e, lx->n, lx->cap, en);
  return 1;
}

static uint32_t S_hash_key(const char *s) {
  uint32_t h = 2166136261u;
  for (; *s; s++) {
    h ^= (unsigned char)*s;
    h *= 16777619u;
  }
  return h;
}

/* What a value can begin with, alone: a number word (not an article or a
 * pronoun: those need a scale or a unit after them, which are here too),
 * an ordinal, a month, a weekday, a currency, a unit, a scale. */
static int S_begins_value(const S_entry *en) {
  int kind = en->kind;
  return (kind == K_NUM && !(en->flags & (F_BARE | F_ARTICLE))) || kind == K_ORD ||
         kind == K_MONTH || kind == K_WEEKDAY || kind == K_CUR || kind == K_UNIT ||
         kind == K_SCALE;
}

/* Lays the entries out in runs of one first word, the longest phrase
 * first within a run (then by kind), hashes the first entry of each run (a
 * word's entries are found by one probe), and marks the runs whose word
 * can begin a value alone (lx->strong, for S_may_hold_values). Runs are
 * found by the hash itself, not by sorting all entries (that sort was a
 * tenth of start-up). */
static void S_group(S_lex *lx) {
  lx->nslots = 64;
  while (lx->nslots < lx->n * 2) lx->nslots <<= 1;
  lx->slots = plx__calloc(lx->nslots, sizeof *lx->slots);
  lx->strong = plx__calloc(lx->n + 1, 1);
  if (!lx->n) return;
  /* slots first hold a run number + 1; count and place each entry */
  uint32_t *run = plx__malloc(lx->n * sizeof *run), *size = plx__calloc(lx->n + 1, sizeof *size);
  size_t *slot_of = plx__malloc(lx->n * sizeof *slot_of);
  uint32_t nrun = 0;
  for (size_t k = 0; k < lx->n; k++) {
    const char *key = lx->keys[lx->e[k].key];
    size_t q = S_hash_key(key) & (lx->nslots - 1);
    while (lx->slots[q] && strcmp(lx->keys[lx->e[slot_of[lx->slots[q] - 1]].key], key) != 0)
      q = (q + 1) & (lx->nslots - 1);
    if (!lx->slots[q]) {
      slot_of[nrun] = k; /* the run's first entry in file order, for the key */
      lx->slots[q] = ++nrun;
    }
    run[k] = lx->slots[q] - 1;
    size[run[k]]++;
  }
  /* the first position of each run, in the order runs first appear */
  uint32_t *at = plx__malloc((nrun + 1) * sizeof *at);
  uint32_t pos = 0;
  for (uint32_t r = 0; r < nrun; r++) {
    at[r] = pos;
    pos += size[r];
  }
  S_entry *e = plx__malloc(lx->n * sizeof *e);
  uint32_t *fill = plx__calloc(nrun + 1, sizeof *fill);
  for (size_t k = 0; k < lx->n; k++) {
    /* insertion into the run: longest phrase first, then by kind, else
     * file order (runs are short) */
    uint32_t r = run[k], b = at[r], x = b + fill[r]++;
    const S_entry *n = &lx->e[k];
    if (S_begins_value(n)) lx->strong[b] = 1;
    while (x > b && (e[x - 1].ntok < n->ntok ||
                     (e[x - 1].ntok == n->ntok && e[x - 1].kind > n->kind))) {
      e[x] = e[x - 1];
      x--;
    }
    e[x] = *n;
  }
  free(lx->e);
  lx->e = e;
  lx->cap = lx->n;
  for (size_t q = 0; q < lx->nslots; q++)
    if (lx->slots[q]) lx->slots[q] = at[lx->slots[q] - 1] + 1;
  free(run);
  free(size);
  free(slot_of);
  free(at);
  free(fill);
}

static void S_load_lang(S_lex *lx) {
  size_t len = 0;
  const char *d = plx__data_get(lx->file, &len);
  if (!d) {
    lx->status = PLX_ERR_DATA;
    snprintf(lx->message, sizeof lx->message, "%s: data file missing from the library", lx->file);
    return;
  }
  S_toks tmp = {0};
  size_t line = 0;
  for (size_t i = 0; i < len;) {
    const char *nl = memchr(d + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - d) : len, s = i;
    i = e + 1;
    line++;
    while (s < e && (d[s] == ' ' || d[s] == '\t'))
      s++;
    while (e > s && (d[e - 1] == ' ' || d[e - 1] == '\t' || d[e - 1] == '\r'))
      e--;
    if (s == e || d[s] == '#') continue;
    if (!S_load_line(lx, d, s, e, line, &tmp)) break;
  }
  free(tmp.t);
  S_group(lx);
}

static int S_roman(const char *p, size_t n);

/* Whether text may hold a value: a digit, a word of the lists that can
 * begin one, a currency sign, a Roman numeral. Most sentences have none,
 * and this scan costs a fraction of reading them. */
static int S_may_hold_values(const S_lex *lx, const char *t, size_t len) {
  char key[S_KEY];
  for (size_t i = 0; i < len;) {
    size_t next;
    uint32_t c = S_peek(t, len, i, &next);
    if (c >= '0' && c <= '9') return 1;
    size_t e = next;
    if (S_letter(c) && !(c >= 0x80 && (U_GET_GC_MASK((UChar32)c) & U_GC_M_MASK))) {
      e = S_word_key(t, len, i, key);
      if (S_roman(t + i, e - i)) return 1;
    } else if (!S_space(c)) {
      key[S_put_utf8(key, c)] = '\0';
    } else {
      i = next;
      continue;
    }
    if (key[0] && lx->nslots)
      for (size_t q = S_hash_key(key) & (lx->nslots - 1); lx->slots[q];
           q = (q + 1) & (lx->nslots - 1)) {
        uint32_t k = lx->slots[q] - 1;
        if (strcmp(lx->keys[lx->e[k].key], key) == 0) {
          if (lx->strong[k]) return 1;
          break;
        }
      }
    i = e;
  }
  return 0;
}

static void S_load_en(void) { S_load_lang(&S_lexes[0]); }
static void S_load_es(void) { S_load_lang(&S_lexes[1]); }
static void S_load_ru(void) { S_load_lang(&S_lexes[2]); }

/* ---- Looking words up ---- */

typedef struct S_ctx {
  const char *text;
  const S_lex *lx;
  int es; /* Spanish or Russian conventions (see plx_values_find) */
  int li; /* 0 en, 1 es, 2 ru */
  S_tok *tk;
  size_t n;
  size_t last_end;            /* token after the last value emitted; SIZE_MAX if none */
  int last_y, last_m, last_d; /* ... its date parts if it was a date */
} S_ctx;

static const char *S_key(const S_lex *lx, const S_entry *e, size_t q) {
  return lx->keys[e->key + q];
}

/* The entries whose phrase begins with each token, found once per token. */
static void S_ranges(const S_lex *lx, S_tok *tk, size_t n) {
  for (size_t i = 0; i < n; i++) {
    tk[i].elo = tk[i].ehi = 0;
    if (!tk[i].key[0] || !lx->nslots) continue;
    size_t lo = lx->n;
    for (size_t q = S_hash_key(tk[i].key) & (lx->nslots - 1); lx->slots[q];
         q = (q + 1) & (lx->nslots - 1))
      if (strcmp(S_key(lx, &lx->e[lx->slots[q] - 1], 0), tk[i].key) == 0) {
        lo = lx->slots[q] - 1;
        break;
      }
    size_t end = lo;
    while (end < lx->n && strcmp(S_key(lx, &lx->e[end], 0), tk[i].key) == 0)
      end++;
    tk[i].elo = (uint32_t)lo;
    tk[i].ehi = (uint32_t)end;
  }
}

/* The longest phrase of the kind that begins at token i; *end is the token
 * after it. NULL if none. */
static const S_entry *S_at(const S_ctx *c, size_t i, int kind, size_t *end) {
  if (i >= c->n) return NULL;
  const S_tok *t = &c->tk[i];
  for (uint32_t k = t->elo; k < t->ehi; k++) {
    const S_entry *e = &c->lx->e[k];
    if (e->kind != kind || i + e->ntok > c->n) continue;
    size_t q = 1;
    for (; q < e->ntok; q++) {
      const S_tok *u = &c->tk[i + q];
      if (strcmp(u->key, S_key(c->lx, e, q)) != 0 || ((e->glue >> q) & 1 && !u->glued)) break;
    }
    if (q == e->ntok) {
      if (end) *end = i + e->ntok;
      return e;
    }
  }
  return NULL;
}

/* The phrase of the kind that ends exactly at token `end` (looking back
 * at most four tokens), or NULL. */
static const S_entry *S_ends_at(const S_ctx *c, size_t end, int kind) {
  for (size_t back = 1; back <= 4 && back <= end; back++) {
    size_t e;
    const S_entry *en = S_at(c, end - back, kind, &e);
    if (en && e == end) return en;
  }
  return NULL;
}

static int S_sym(const S_ctx *c, size_t i, uint32_t cp) {
  return i < c->n && c->tk[i].kind == T_SYM && c->tk[i].cp == cp;
}

/* Whether an ordinal ending fits the number ("1st", "3er"; not "300ER"). */
static int S_ordsuf_fits(const S_entry *en, double v) {
  if (!(v >= 0 && v < 1e15)) return 0; /* no ordinal; and keeps the cast defined */
  unsigned mask = (unsigned)en->val;
  return (mask >> ((long long)v % 10)) & 1;
}

/* A word that may sit glued to digits: after them (units, scales,
 * suffixes, "16th", "10-year-old") or before them ("mid-2019",
 * "USD10"). */
static int S_known_glued(const S_ctx *c, size_t i, int after_digits) {
  static const int after[] = {K_SCALE, K_SUFFIX, K_ORDSUF, K_UNIT, K_CUR,  K_PCT,    K_MONTH,
                              K_GLUE,  K_CLOCK,  K_NUM,    K_HALF, K_ORD,  K_MEASURE};
  static const int before[] = {K_GLUE, K_CUR, K_MONTH};
  const int *ks = after_digits ? after : before;
  size_t nk = after_digits ? sizeof after / sizeof *after : sizeof before / sizeof *before;
  const S_tok *t = &c->tk[i];
  for (uint32_t k = t->elo; k < t->ehi; k++) {
    const S_entry *e = &c->lx->e[k];
    if (e->ntok != 1) continue;
    if (e->kind == K_ORDSUF && after_digits) {
      /* Only right after digits it fits: "16th", "1.º", not "300ER". */
      size_t p = i > 0 && S_sym(c, i - 1, '.') ? i - 1 : i;
      if (p > 0 && c->tk[p - 1].kind == T_NUM && S_ordsuf_fits(e, c->tk[p - 1].val)) return 1;
      continue;
    }
    for (size_t q = 0; q < nk; q++)
      if (e->kind == ks[q]) return 1;
  }
  return 0;
}

static int S_joiner(uint32_t cp) {
  return cp == '-' || cp == '_' || cp == '.' || cp == ':' || cp == '+' || cp == '#' || cp == '@' ||
         cp == '&' || cp == 0x2010 || cp == 0x2011;
}

/* Marks the digits of identifiers: a glued chain of letters, digits and
 * joiners in which a word stands that values do not use ("AS750-10",
 * "STS-41-D", "COVID-19", "4G"), and clock times and ratios ("10:30"). */
static void S_mark_idents(S_ctx *c) {
  for (size_t i = 0; i < c->n;) {
    size_t j = i + 1;
    if (c->tk[i].kind != T_SYM) {
      while (j < c->n && c->tk[j].glued) {
        const S_tok *u = &c->tk[j];
        if (u->kind == T_SYM) {
          /* A joiner only between two glued words or numbers. */
          if (!S_joiner(u->cp) || j + 1 >= c->n || !c->tk[j + 1].glued ||
              c->tk[j + 1].kind == T_SYM)
            break;
        }
        j++;
      }
    }
    int digits = 0, stranger = 0;
    for (size_t k = i; k < j; k++) {
      const S_tok *u = &c->tk[k];
      if (u->kind == T_NUM || u->kind == T_NDATE)
        digits = 1;
      else if (u->kind == T_WORD && !S_known_glued(c, k, digits))
        stranger = 1;
      else if (u->kind == T_SYM && u->cp == ':' && k > i && c->tk[k - 1].kind == T_NUM &&
               c->tk[k + 1].kind == T_NUM)
        stranger = 1;
    }
    if (digits && stranger)
      for (size_t k = i; k < j; k++)
        if (c->tk[k].kind == T_NUM || c->tk[k].kind == T_NDATE) c->tk[k].ident = 1;
    i = j;
  }
}

/* ---- Readings ---- */

typedef struct S_cand {
  size_t s, e; /* tokens [s, e) */
  plx_value_type type;
  double num;
  char unit[8];
  int guess;   /* amount: the currency is the default of a shared sign */
  int y, m, d; /* date parts, 0 when absent */
} S_cand;

static int S_prio(plx_value_type t) {
  switch (t) {
  case PLX_VALUE_DATE:
    return 6;
  case PLX_VALUE_AMOUNT:
    return 5;
  case PLX_VALUE_PERCENT:
    return 4;
  case PLX_VALUE_DURATION:
    return 3;
  case PLX_VALUE_ORDINAL:
    return 2;
  case PLX_VALUE_NUMBER:
    return 1;
  }
  return 0;
}

static int S_numeric(const S_tok *t) { return t->kind == T_NUM || t->kind == T_NDATE; }

/* Keeps the reading if it is well delimited and longer (or as long and
 * more specific) than the best so far. */
static void S_consider(const S_ctx *c, const S_cand *k, S_cand *best) {
  const S_tok *tk = c->tk;
  /* Past what a double holds ("10^400 dollars"): infinity is no value and
   * would not even equal itself. */
  if (!isfinite(k->num)) return;
  /* Digits glued to a word the reading does not use: "USD10" read as a
   * number, "5m" without a currency, "16th" as a number. */
  if (S_numeric(&tk[k->s]) && k->s > 0 && tk[k->s].glued && tk[k->s - 1].kind == T_WORD) return;
  if (S_numeric(&tk[k->e - 1]) && k->e < c->n && tk[k->e].glued) {
    /* a unit of measurement may follow: "5km", "600Mbit/s" */
    if (tk[k->e].kind == T_WORD && !S_at(c, k->e, K_MEASURE, NULL)) return;
    if (S_sym(c, k->e, '.') && k->e + 1 < c->n && tk[k->e + 1].glued && tk[k->e + 1].kind == T_WORD)
      return;
  }
  /* A time of day: "10 a.m." */
  if (tk[k->e - 1].kind == T_NUM && S_at(c, k->e, K_CLOCK, NULL)) return;
  if (tk[k->e - 1].kind == T_NUM && S_sym(c, k->e, '-') && k->e + 2 < c->n &&
      tk[k->e + 1].kind == T_NUM && S_at(c, k->e + 2, K_CLOCK, NULL))
    return; /* "6-8 p.m." */
  if (k->e > best->e || (k->e == best->e && S_prio(k->type) > S_prio(best->type))) *best = *k;
}

static S_cand S_cand_make(size_t s, size_t e, plx_value_type type, double num) {
  S_cand k;
  memset(&k, 0, sizeof k);
  k.s = s;
  k.e = e;
  k.type = type;
  k.num = num;
  return k;
}

/* A quantity: digits (with scales: "10 billion", "10.000 millones",
 * "10bn") or number words ("twenty-five", "two hundred thousand", "diez
 * mil millones", "treinta y cinco"). */
typedef struct S_qty {
  size_t s, e;
  double val;
  int article;  /* "a"/"an" alone: 1 only before a unit */
  int bare;     /* "one"/"un"/"una" alone */
  int bigscale; /* ends with a scale of a million or more ("millones de") */
} S_qty;

enum { L_NONE, L_UNIT, L_TENS, L_DONE, L_HUNDW, L_HUND, L_BIG };

/* Multiply by a suffix or scale word: in binary (mul), and as a power of
 * ten while every factor is one (e10; pow10 cleared otherwise), so that
 * exact digits times "million" stay exact. */
static void S_scale_by(double val, double *mul, int *e10, int *pow10) {
  int k = S_log10_exact(val);
  if (k < 0)
    *pow10 = 0;
  else
    *e10 += k;
  *mul *= val;
}

static int S_qty_digits(const S_ctx *c, size_t i, int amount, S_qty *q) {
  const S_tok *t = &c->tk[i];
  if (t->ident) return 0;
  size_t j = i + 1, end;
  const S_entry *en;
  double mul = 1, last = 0;
  int e10 = 0, pow10 = 1;
  if (j < c->n && c->tk[j].glued && c->tk[j].kind == T_WORD && (en = S_at(c, j, K_SUFFIX, &end)) &&
      (amount || !(en->flags & F_AMOUNT))) {
    S_scale_by(en->val, &mul, &e10, &pow10);
    last = en->val;
    j = end;
  } else {
    /* Scales rise: "10 mil millones", "3 hundred thousand". */
    while ((en = S_at(c, j, K_SCALE, &end)) && en->val > last) {
      S_scale_by(en->val, &mul, &e10, &pow10);
      last = en->val;
      j = end;
    }
  }
  q->s = i;
  q->e = j;
  q->val = (t->exact && pow10) ? S_scale10(t->mant, t->exp10 + e10) : t->val * mul;
  q->bigscale = last >= 1e6;
  return 1;
}

static int S_qty_at(const S_ctx *c, size_t i, int amount, S_qty *q) {
  memset(q, 0, sizeof *q);
  if (i >= c->n) return 0;
  if (c->tk[i].kind == T_NUM) return S_qty_digits(c, i, amount, q);
  if (c->tk[i].kind != T_WORD) return 0;
  double sv[S_STACK], ss[S_STACK], cur = 0;
  int ns = 0, last = L_NONE, nw = 0, bare = 0;
  size_t j = i, end;
  const S_entry *en = S_at(c, i, K_NUM, &end);
  if (en && (en->flags & F_ARTICLE)) {
    size_t e2;
    if (!S_at(c, end, K_SCALE, &e2)) {
      q->s = i;
      q->e = end;
      q->val = 1;
      q->article = 1;
      return 1;
    }
    cur = 1;
    last = L_UNIT;
    j = end;
    nw = 1;
  }
  for (;;) {
    enum { C_NONE, C_HYPHEN, C_AND } conn = C_NONE;
    size_t k = j;
    if (nw > 0 && last == L_TENS && S_sym(c, j, '-') && c->tk[j].glued && j + 1 < c->n &&
        c->tk[j + 1].glued) {
      k = j + 1;
      conn = C_HYPHEN;
    } else if (nw > 0 && S_at(c, j, K_AND, &end)) {
      k = end;
      conn = C_AND;
    }
    en = S_at(c, k, K_NUM, &end);
    if (en && !(en->flags & F_ARTICLE)) {
      double v = en->val;
      int cls = v == 0    ? L_DONE
                : v < 10  ? L_UNIT
                : v < 20  ? L_DONE
                : v < 100 ? ((long)v % 10 == 0 ? L_TENS : L_DONE)
                          : L_HUNDW;
      int ok;
      if (conn == C_HYPHEN)
        ok = cls == L_UNIT;
      else if (conn == C_AND)
        ok = c->es ? (last == L_TENS && cls == L_UNIT)
                   : ((last == L_HUND || last == L_BIG) && cur == 0 && v > 0 && v < 100);
      else
        ok = (cur == 0 && (last == L_NONE || last == L_HUND || last == L_BIG) &&
              !(cls == L_HUNDW && last == L_HUND) && (v > 0 || last == L_NONE)) ||
             (c->li != 1 && last == L_TENS && cls == L_UNIT) || /* "twenty one", "двадцать два" */
             (last == L_HUNDW && v > 0 && v < 100);
      if (ok) {
        if (nw == 0) bare = (en->flags & F_BARE) != 0;
        cur += v;
        last = (last == L_HUNDW && cls == L_HUNDW) ? L_DONE : cls;
        nw++;
        j = end;
        if (v == 0) break;
        continue;
      }
    }
    const S_entry *sc = conn == C_NONE ? S_at(c, k, K_SCALE, &end) : NULL;
    if (sc) {
      double s = sc->val;
      if (s == 100) {
        /* "two hundred", not "two hundred five hundred" */
        if (!(cur >= 1 && cur < 100 && last != L_HUNDW) || ns >= S_STACK ||
            (ns > 0 && ss[ns - 1] <= 100))
          break;
        sv[ns] = cur * 100;
        ss[ns++] = 100;
        cur = 0;
        last = L_HUND;
      } else {
        double v = cur;
        int p = ns;
        while (p > 0 && ss[p - 1] < s)
          v += sv[--p];
        if ((p > 0 && ss[p - 1] <= s) || p >= S_STACK) break; /* "million million" */
        if (v == 0) {
          if ((sc->flags & F_ALONE) && ns == 0 && last == L_NONE)
            v = 1;
          else
            break;
        }
        ns = p;
        sv[ns] = v * s;
        ss[ns++] = s;
        cur = 0;
        last = L_BIG;
      }
      nw++;
      j = end;
      continue;
    }
    break;
  }
  if (nw == 0) return 0;
  /* "and a half", "y medio": after a scale it halves the scale ("dos
   * millones y medio"); after units only when what follows needs a
   * number ("two and a half million", "three and a half percent"), as
   * "las dos y media" is a time of day. */
  size_t he, e2;
  if (S_at(c, j, K_HALF, &he)) {
    if (last == L_BIG && ns > 0) {
      sv[ns - 1] += 0.5 * ss[ns - 1];
      j = he;
    } else if (ns == 0 && (S_at(c, he, K_SCALE, &e2) || S_at(c, he, K_UNIT, &e2) ||
                           S_at(c, he, K_PCT, &e2) || S_at(c, he, K_CUR, &e2))) {
      cur += 0.5;
      j = he;
      const S_entry *sc = S_at(c, j, K_SCALE, &e2);
      if (sc && sc->val > 100) {
        sv[ns] = cur * sc->val;
        ss[ns++] = sc->val;
        cur = 0;
        last = L_BIG;
        j = e2;
      }
    }
  }
  double total = cur;
  for (int p = 0; p < ns; p++)
    total += sv[p];
  q->s = i;
  q->e = j;
  q->val = total;
  q->bare = nw == 1 && bare;
  q->bigscale = last == L_BIG && ns > 0 && ss[ns - 1] >= 1e6;
  return 1;
}

/* "a year", "un año" right after another value or after "per", "twice",
 * "veces" is a rate ("$5 billion a year"), not a duration. */
static int S_rate_context(const S_ctx *c, size_t i) {
  if (i == 0) return 0;
  if (c->last_end == i) return 1;
  /* "€100m ($110m) a day" */
  if (c->last_end == i - 1 && (S_sym(c, i - 1, ')') || S_sym(c, i - 1, ']'))) return 1;
  return S_ends_at(c, i, K_PER) != NULL;
}

/* Readings that begin with a quantity: percent, amount with the currency
 * after, duration, plain number. */
static void S_try_quantity(const S_ctx *c, size_t i, S_cand *best) {
  S_qty q, qa;
  if (!S_qty_at(c, i, 0, &q)) return;
  size_t end;
  const S_entry *en;
  if (!q.article) {
    /* Percent: "3%", "3 per cent", "tres por ciento". */
    if (S_at(c, q.e, K_PCT, &end)) {
      S_cand k = S_cand_make(i, end, PLX_VALUE_PERCENT, q.val);
      S_consider(c, &k, best);
    }
    /* Amount, currency after: "10 billion dollars", "10.000 millones de
     * dólares", "€3.5m" is handled with the currency before. */
    if (S_qty_at(c, i, 1, &qa) && !qa.article) {
      size_t k0 = qa.e, k1;
      if (qa.bigscale && S_at(c, k0, K_SCALEOF, &k1) && (en = S_at(c, k1, K_CUR, &end)) &&
          (en->flags & F_POST)) {
        S_cand k = S_cand_make(i, end, PLX_VALUE_AMOUNT, qa.val);
        memcpy(k.unit, en->unit, sizeof k.unit);
        k.guess = (en->flags & F_GUESS) != 0;
        S_consider(c, &k, best);
      } else if ((en = S_at(c, k0, K_CUR, &end)) && (en->flags & F_POST)) {
        S_cand k = S_cand_make(i, end, PLX_VALUE_AMOUNT, qa.val);
        memcpy(k.unit, en->unit, sizeof k.unit);
        k.guess = (en->flags & F_GUESS) != 0;
        S_consider(c, &k, best);
      }
    }
  }
  /* Duration: "ten years", "four decades", "a year", "10-year", "two and a
   * half years", "un año y medio". */
  {
    size_t k0 = q.e;
    int half = 0;
    if (S_at(c, k0, K_HALF, &end)) { /* "two and a half years" */
      half = 1;
      k0 = end;
    }
    if (S_sym(c, k0, '-') && c->tk[k0].glued && k0 + 1 < c->n && c->tk[k0 + 1].glued)
      k0++;
    else if (q.bigscale && S_at(c, k0, K_SCALEOF, &end))
      k0 = end; /* "millones de años" */
    else if (S_at(c, k0, K_UNITMOD, &end))
      k0 = end; /* "seis últimos años", "two more years" */
    en = S_at(c, k0, K_UNIT, &end);
    /* "a las 10.30 h": hours and minutes, a time of day */
    if (en && k0 < c->n && strcmp(c->tk[k0].key, "h") == 0 && q.e > 0 &&
        c->tk[q.e - 1].kind == T_NUM && c->tk[q.e - 1].frac && c->tk[q.e - 1].exp10 == -2)
      en = NULL;
    /* Russian "в 2020 году", "2020 года", "1939 г.": a year, not 2020
     * years (which is "2020 лет"); the words that say so are the
     * language's function words after a year */
    if (en && c->li == 2 && q.e == i + 1 && c->tk[i].kind == T_NUM && c->tk[i].plain &&
        c->tk[i].ndig == 4 && q.val >= 1000 && q.val < 3000 && S_at(c, k0, K_FUNC, NULL))
      en = NULL;
    if (en && !((q.article || q.bare) && (en->flags & F_NOART)) &&
        !((q.article || q.bare) && S_rate_context(c, i))) {
      size_t e = end;
      if (!half && S_at(c, e, K_HALF, &end)) { /* "un año y medio" */
        half = 1;
        e = end;
      }
      S_cand k = S_cand_make(i, e, PLX_VALUE_DURATION, (q.val + 0.5 * half) * en->val);
      memcpy(k.unit, en->unit, sizeof k.unit);
      S_consider(c, &k, best);
    }
  }
  if (!q.article && !q.bare) {
    S_cand k = S_cand_make(i, q.e, PLX_VALUE_NUMBER, q.val);
    S_consider(c, &k, best);
  }
}

/* Amount, currency before: "$ 10 billion", "$10bn", "US$ 5 million",
 * "€3.5m", "£20", "USD 5 million". */
static void S_try_amount_pre(const S_ctx *c, size_t i, S_cand *best) {
  size_t j;
  const S_entry *en = S_at(c, i, K_CUR, &j);
  if (!en || !(en->flags & F_PRE)) return;
  S_qty q;
  if (!S_qty_at(c, j, 1, &q) || q.article) return;
  S_cand k = S_cand_make(i, q.e, PLX_VALUE_AMOUNT, q.val);
  memcpy(k.unit, en->unit, sizeof k.unit);
  k.guess = (en->flags & F_GUESS) != 0;
  S_consider(c, &k, best);
}

/* The value of an upper-case Roman numeral written the standard way
 * (1-3999), else 0. */
static int S_roman(const char *p, size_t n) {
  static const struct {
    const char *s;
    int v;
  } parts[] = {{"M", 1000}, {"CM", 900}, {"D", 500}, {"CD", 400}, {"C", 100}, {"XC", 90}, {"L", 50},
               {"XL", 40},  {"X", 10},   {"IX", 9},  {"V", 5},    {"IV", 4},  {"I", 1}};
  if (n == 0 || n > 15) return 0;
  for (size_t k = 0; k < n; k++)
    if (!memchr("IVXLCDM", p[k], 7)) return 0;
  int v = 0;
  size_t i = 0;
  for (size_t k = 0; k < sizeof parts / sizeof *parts && i < n; k++) {
    size_t len = strlen(parts[k].s);
    /* At most three of I, X, C, M; one of the others. */
    int most = len == 1 && strchr("IXCM", parts[k].s[0]) ? 3 : 1;
    for (int times = 0; times < most && i + len <= n && memcmp(p + i, parts[k].s, len) == 0;
         times++) {
      v += parts[k].v;
      i += len;
    }
  }
  return i == n ? v : 0;
}

/* Ordinals: "16th", "1º", "1.º", "1ª", "first", "twenty-first",
 * "vigésimo primero". */
static void S_try_ordinal(const S_ctx *c, size_t i, S_cand *best) {
  const S_tok *t = &c->tk[i];
  size_t end;
  const S_entry *en;
  if (t->kind == T_NUM) {
    if (t->ident || t->frac || t->val < 0) return;
    size_t j = i + 1;
    if (S_sym(c, j, '.') && c->tk[j].glued && j + 1 < c->n && c->tk[j + 1].glued) j++;
    if (j < c->n && c->tk[j].glued && (en = S_at(c, j, K_ORDSUF, &end)) && !(en->flags & F_DATE) &&
        S_ordsuf_fits(en, t->val)) {
      S_cand k = S_cand_make(i, end, PLX_VALUE_ORDINAL, t->val);
      S_consider(c, &k, best);
    }
    return;
  }
  if (t->kind != T_WORD) return;
  /* A Roman numeral after "siglo", "war": "siglo XIX", "World War II";
   * in Russian before "век": "XIX век", "в XV веке". */
  int r = S_roman(c->text + t->s, t->e - t->s);
  if (r && (S_ends_at(c, i, K_ROMAN) || (c->li == 2 && S_at(c, i + 1, K_ROMAN, NULL)))) {
    S_cand k = S_cand_make(i, i + 1, PLX_VALUE_ORDINAL, r);
    S_consider(c, &k, best);
    return;
  }
  /* English "twenty-first": tens word, hyphen, ordinal of a unit. */
  en = S_at(c, i, K_NUM, &end);
  if (en && en->val >= 20 && en->val < 100 && (long)en->val % 10 == 0 && S_sym(c, end, '-') &&
      c->tk[end].glued && end + 1 < c->n && c->tk[end + 1].glued) {
    size_t e2;
    const S_entry *o = S_at(c, end + 1, K_ORD, &e2);
    if (o && o->val < 10) {
      S_cand k = S_cand_make(i, e2, PLX_VALUE_ORDINAL, en->val + o->val);
      S_consider(c, &k, best);
    }
  }
  en = S_at(c, i, K_ORD, &end);
  if (!en || (en->flags & F_COMPOUND)) return;
  double v = en->val;
  /* Spanish "vigésimo primero": an ordinal of tens, then one of units. */
  if (v >= 20 && v < 100 && (long)v % 10 == 0) {
    size_t e2;
    const S_entry *o = S_at(c, end, K_ORD, &e2);
    if (o && o->val < 10) v += o->val, end = e2;
  }
  S_cand k = S_cand_make(i, end, PLX_VALUE_ORDINAL, v);
  S_consider(c, &k, best);
}

/* ---- Dates ---- */

/* A year: four plain digits 1000-2999. */
static int S_year_at(const S_ctx *c, size_t i) {
  if (i >= c->n) return 0;
  const S_tok *t = &c->tk[i];
  if (t->kind != T_NUM || t->ident || !t->plain || t->ndig != 4 || t->val < 1000 || t->val > 2999)
    return 0;
  if (i + 1 < c->n && c->tk[i + 1].glued && c->tk[i + 1].kind == T_WORD) return 0;
  return (int)t->val;
}

/* A month at token i (capitalised where the language requires it); *end
 * is after it and after the '.' of an abbreviation. */
static const S_entry *S_month_at(const S_ctx *c, size_t i, size_t *end) {
  const S_entry *en = S_at(c, i, K_MONTH, end);
  if (!en || ((en->flags & F_CAP) && !c->tk[i].cap)) return NULL;
  if ((en->flags & F_ABBR) && S_sym(c, *end, '.') && c->tk[*end].glued) (*end)++;
  return en;
}

/* The day of a date: "16", "16th", "1º", "1.º", "1°", "primero". *word is
 * set for an ordinal word, which needs "of"/"de" before the month. */
static int S_day_at(const S_ctx *c, size_t i, size_t *end, int *word) {
  *word = 0;
  if (i >= c->n) return 0;
  const S_tok *t = &c->tk[i];
  size_t e;
  if (t->kind == T_NUM) {
    if (t->ident || !t->plain || t->ndig > 2 || t->val < 1 || t->val > 31) return 0;
    size_t j = i + 1;
    const S_entry *suf;
    if (S_sym(c, j, '.') && c->tk[j].glued && j + 1 < c->n && c->tk[j + 1].glued &&
        (suf = S_at(c, j + 1, K_ORDSUF, &e)) && S_ordsuf_fits(suf, t->val))
      j = e;
    else if (j < c->n && c->tk[j].glued && (suf = S_at(c, j, K_ORDSUF, &e)) &&
             S_ordsuf_fits(suf, t->val))
      j = e;
    *end = j;
    return (int)t->val;
  }
  const S_entry *en = S_at(c, i, K_ORD, &e);
  if (en && en->val >= 1 && en->val <= 31) {
    *word = 1;
    *end = e;
    return (int)en->val;
  }
  return 0;
}

/* After a month (token k): optional ',', "of"/"de"/"del", then a year.
 * Returns the year and sets *end, or 0. */
static int S_year_after(const S_ctx *c, size_t k, size_t *end) {
  size_t j = k, e;
  if (S_sym(c, j, ',')) j++;
  if (S_at(c, j, K_DATEOF, &e)) j = e;
  int y = S_year_at(c, j);
  if (y) *end = j + 1;
  return y;
}

static void S_date_cand(const S_ctx *c, size_t s, size_t e, int y, int m, int d, S_cand *best) {
  S_cand k = S_cand_make(s, e, PLX_VALUE_DATE, y);
  k.y = y;
  k.m = m;
  k.d = d;
  S_consider(c, &k, best);
}

/* Whether what follows the number at token i lets it be a year: the end,
 * a punctuation mark (or "'s"), a function word, a cue, "and"; not a
 * word of content ("de 2000 personas"). */
static int S_year_follows(const S_ctx *c, size_t i) {
  size_t j = i + 1;
  if (j >= c->n || c->tk[j].kind == T_SYM) return 1;
  if (c->tk[j].kind != T_WORD) return 0;
  return S_at(c, j, K_FUNC, NULL) || S_at(c, j, K_CUE, NULL) || S_at(c, j, K_DATEOF, NULL) ||
         S_at(c, j, K_AND, NULL);
}

/* Whether the four-digit number at token i is a year: after a cue ("in
 * 2030", "desde 2019"); after a weak cue ("de", "of", "from") only when
 * what follows allows it ("de 2030." but not "de 2000 personas"); in
 * parentheses; or standing alone as a year, 1800-2099, before punctuation
 * or a function word ("born 1962 in Madrid"). Never after a hedge ("más
 * de 2000", "over 2000", "up to 2000"). */
static int S_year_cued(const S_ctx *c, size_t i, int y) {
  if (i > 0 && S_sym(c, i - 1, '(') && S_sym(c, i + 1, ')')) return 1;
  size_t at = i;
  if (at > 0 && S_sym(c, at - 1, '-') && c->tk[at].glued && c->tk[at - 1].glued)
    at--; /* "mid-2019" */
  if (S_ends_at(c, at, K_HEDGE)) return 0;
  const S_entry *cue = S_ends_at(c, at, K_CUE);
  if (cue && !(cue->flags & F_WEAK)) return 1;
  if (!S_year_follows(c, i)) return 0;
  return cue || (y >= 1800 && y <= 2099);
}

static void S_try_date(const S_ctx *c, size_t i, S_cand *best) {
  size_t j = i, e, k;
  int wd = 0, word;
  const S_entry *en = S_at(c, i, K_WEEKDAY, &e);
  if (en && (!(en->flags & F_CAP) || c->tk[i].cap)) {
    j = e;
    if (S_sym(c, j, '.') && c->tk[j].glued) j++;
    if (S_sym(c, j, ',')) j++;
    wd = 1;
  }
  if (j >= c->n) return;
  /* "27/04/2014" */
  const S_tok *t = &c->tk[j];
  if (t->kind == T_NDATE && !t->ident) {
    if (!wd || t->d) S_date_cand(c, i, j + 1, t->y, t->m, t->d, best);
    return;
  }
  /* Day first: "16 de septiembre (de 2019)", "16 September 2019", "16th of
   * September", "1.º de mayo", "primero de mayo". */
  int d = S_day_at(c, j, &k, &word);
  if (d) {
    size_t k2 = k;
    int of = 0;
    if (S_at(c, k2, K_DATEOF, &e)) k2 = e, of = 1;
    const S_entry *mo = (!word || of) ? S_month_at(c, k2, &e) : NULL;
    if (mo) {
      int m = (int)mo->val, y = S_year_after(c, e, &k);
      if (!y) k = e;
      if (S_valid_md(m, d, y)) S_date_cand(c, i, k, y, m, d, best);
    } else if (!word && S_at(c, k, K_RANGE, &e)) {
      /* The first day of a range takes the month of the second: "del 1
       * al 15 de octubre", "16-20 September". */
      size_t k3, k4;
      int w2, d2 = S_day_at(c, e, &k3, &w2);
      if (d2 && !w2 && S_at(c, k3, K_DATEOF, &k4)) k3 = k4;
      const S_entry *mo2 = d2 && !w2 ? S_month_at(c, k3, &k4) : NULL;
      if (mo2) {
        int m = (int)mo2->val, y = S_year_after(c, k4, &k4);
        if (S_valid_md(m, d, y) && d < d2) S_date_cand(c, i, k, y, m, d, best);
      }
    }
    /* The second day of a range after a date: "September 16-20". */
    if (!word && !wd && j == i && i >= 2 && c->last_end == i - 1 && c->last_d && d > c->last_d &&
        (S_sym(c, i - 1, '-') || S_sym(c, i - 1, 0x2013)) && c->tk[i - 1].glued && c->tk[i].glued &&
        S_valid_md(c->last_m, d, c->last_y))
      S_date_cand(c, i, k, c->last_y, c->last_m, d, best);
  }
  const S_entry *mo = S_month_at(c, j, &k);
  if (!mo) {
    /* A year after a cue: "in 2030", "de 2030", "(2019)". */
    int y = wd ? 0 : S_year_at(c, i);
    if (y && S_year_cued(c, i, y)) S_date_cand(c, i, i + 1, y, 0, 0, best);
    return;
  }
  int m = (int)mo->val;
  /* Month first (English): "September 16", "Sept. 16, 2019". */
  if (!c->es && k < c->n && c->tk[k].kind == T_NUM && (d = S_day_at(c, k, &e, &word)) && !word) {
    size_t k2 = e, e2;
    int y = 0;
    if (S_sym(c, k2, ',')) k2++;
    if ((y = S_year_at(c, k2)))
      e2 = k2 + 1;
    else
      e2 = e;
    if (S_valid_md(m, d, y)) S_date_cand(c, i, e2, y, m, d, best);
  }
  if (wd) return;
  /* Month and year: "October 2019", "octubre de 2019". */
  int y = S_year_after(c, k, &e);
  if (y) S_date_cand(c, i, e, y, m, 0, best);
  /* A month alone: "in October", "en octubre". */
  if (!(mo->flags & F_ABBR) && (!(mo->flags & F_CUE) || S_ends_at(c, i, K_CUE) != NULL))
    S_date_cand(c, i, k, 0, m, 0, best);
}

/* ---- Canonical strings ---- */

/* A decimal with no exponent and no trailing zeros, 15 significant digits
 * at most: "10000000000", "3.5", "1234567.89". */
static void S_fmt_num(double x, char *out, size_t cap) {
  double ax = S_abs(x);
  if (ax >= 1e18) {
    snprintf(out, cap, "%.15g", x);
    return;
  }
  if ((double)(long long)x == x) {
    snprintf(out, cap, "%lld", (long long)x);
    return;
  }
  int mag = 0;
  for (double p = 1; p * 10 <= ax; p *= 10)
    mag++;
  for (double p = 1; ax < p && mag > -300; p /= 10)
    mag--;
  int dec = 14 - mag;
  if (dec < 0) dec = 0;
  if (dec > 20) dec = 20;
  snprintf(out, cap, "%.*f", dec, x);
  char *dot = strchr(out, '.');
  if (dot) {
    char *z = out + strlen(out);
    while (z > dot + 1 && z[-1] == '0')
      *--z = '\0';
    if (z == dot + 1) *dot = '\0';
  }
}

static void S_fill(const S_ctx *c, const S_cand *k, plx_value *v) {
  memset(v, 0, sizeof *v);
  v->start = c->tk[k->s].s;
  v->end = c->tk[k->e - 1].e;
  v->type = k->type;
  v->number = k->num;
  char num[32]; /* S_fmt_num writes at most 23 characters */
  S_fmt_num(k->num, num, sizeof num);
  switch (k->type) {
  case PLX_VALUE_NUMBER:
  case PLX_VALUE_ORDINAL:
    snprintf(v->value, sizeof v->value, "%s", num);
    break;
  case PLX_VALUE_PERCENT:
    snprintf(v->value, sizeof v->value, "%s%%", num);
    break;
  case PLX_VALUE_AMOUNT:
    memcpy(v->unit, k->unit, sizeof v->unit);
    v->unit_guessed = k->guess;
    snprintf(v->value, sizeof v->value, "%s %s", k->unit, num);
    break;
  case PLX_VALUE_DURATION: {
    memcpy(v->unit, k->unit, sizeof v->unit);
    int time =
        strcmp(k->unit, "H") == 0 || strcmp(k->unit, "MIN") == 0 || strcmp(k->unit, "S") == 0;
    char letter = k->unit[0]; /* Y M W D H, and M for MIN, S */
    snprintf(v->value, sizeof v->value, "P%s%s%c", time ? "T" : "", num, letter);
    break;
  }
  case PLX_VALUE_DATE:
    if (k->y && k->m && k->d)
      snprintf(v->value, sizeof v->value, "%04d-%02d-%02d", k->y, k->m, k->d);
    else if (k->y && k->m)
      snprintf(v->value, sizeof v->value, "%04d-%02d", k->y, k->m);
    else if (k->y)
      snprintf(v->value, sizeof v->value, "%04d", k->y);
    else if (k->d)
      snprintf(v->value, sizeof v->value, "--%02d-%02d", k->m, k->d);
    else
      snprintf(v->value, sizeof v->value, "--%02d", k->m);
    break;
  }
}

/* ---- The public functions ---- */

const char *plx_value_type_name(plx_value_type t) {
  switch (t) {
  case PLX_VALUE_NUMBER:
    return "number";
  case PLX_VALUE_ORDINAL:
    return "ordinal";
  case PLX_VALUE_PERCENT:
    return "percent";
  case PLX_VALUE_AMOUNT:
    return "amount";
  case PLX_VALUE_DATE:
    return "date";
  case PLX_VALUE_DURATION:
    return "duration";
  }
  return "unknown";
}

/* A number or ordinal written in words that is part of a word or of a
 * name rather than a count: glued by a hyphen to a word that is not a
 * unit ("three-dimensional", "one-sided", "two-thirds"), or capitalised
 * inside the sentence next to another capitalised word ("the Three
 * Nations", "las Tres Naciones", "Big Four"). The other language writes
 * "tridimensional" or translates the name, so reading these as values
 * only makes false reports. */
static int S_word_part(const S_ctx *c, const S_cand *k) {
  if (k->type != PLX_VALUE_NUMBER && k->type != PLX_VALUE_ORDINAL) return 0;
  for (size_t q = k->s; q < k->e; q++)
    if (c->tk[q].kind != T_WORD && c->tk[q].kind != T_SYM) return 0;
  const S_tok *first = &c->tk[k->s];
  if (k->e + 1 < c->n && S_sym(c, k->e, '-') && c->tk[k->e].glued &&
      c->tk[k->e + 1].glued && c->tk[k->e + 1].kind == T_WORD)
    return 1;
  if (k->s >= 2 && first->glued && S_sym(c, k->s - 1, '-') && c->tk[k->s - 1].glued &&
      c->tk[k->s - 2].kind == T_WORD)
    return 1;
  if (first->cap && k->s > 0 && !S_roman(c->text + first->s, first->e - first->s)) {
    /* not at the start of the sentence or after a quote or a colon */
    const S_tok *prev = &c->tk[k->s - 1];
    int opens = prev->kind == T_SYM && prev->cp != ',' && prev->cp != '-';
    int cap_next = k->e < c->n && c->tk[k->e].kind == T_WORD && c->tk[k->e].cap;
    int cap_prev = prev->kind == T_WORD && prev->cap;
    if (!opens && (cap_next || cap_prev)) return 1;
  }
  return 0;
}

/* A decade by its tens: Spanish "los años 80", "principios de los 70"
 * (English writes "the 1980s", "the '70s", which are no values either). */
static int S_decade(const S_ctx *c, const S_cand *k) {
  if (!c->es || k->type != PLX_VALUE_NUMBER || k->e != k->s + 1 || k->s == 0) return 0;
  const S_tok *t = &c->tk[k->s], *p = &c->tk[k->s - 1];
  if (t->kind != T_NUM || !t->plain || t->ndig != 2 || (long long)t->val % 10 != 0) return 0;
  if (p->kind != T_WORD) return 0;
  if (!strcmp(p->key, "años")) return 1;
  /* "los 70," is a decade, "los 40 hombres" a count */
  if (strcmp(p->key, "los") != 0) return 0;
  return k->e >= c->n || c->tk[k->e].kind == T_SYM || S_at(c, k->e, K_FUNC, NULL);
}

plx_status plx_values_find(const char *text, size_t len, const char *lang, plx_value **out,
                           size_t *n, plx_error *err) {
  if (out) *out = NULL;
  if (n) *n = 0;
  if (!out || !n || !lang || (!text && len))
    return plx__fail(err, PLX_ERR_USAGE, "plx_values_find: NULL argument");
  /* es: the conventions Spanish and Russian share (decimal comma, a space
   * grouping thousands, the day before the month) */
  int li, es;
  if (strcmp(lang, "en") == 0)
    li = 0;
  else if (strcmp(lang, "es") == 0)
    li = 1;
  else if (strcmp(lang, "ru") == 0)
    li = 2;
  else
    return plx__fail(err, PLX_ERR_LANGUAGE, "values: unsupported language \"%s\"", lang);
  es = li != 0;
  size_t bad = plx__utf8_invalid_at(text, len);
  if (bad < len)
    return plx__fail(err, PLX_ERR_ENCODING, "values: invalid UTF-8 at offset %zu", bad);
  static void (*const load[3])(void) = {S_load_en, S_load_es, S_load_ru};
  pthread_once(&S_once[li], load[li]);
  const S_lex *lx = &S_lexes[li];
  if (lx->status != PLX_OK) return plx__fail(err, lx->status, "%s", lx->message);

  if (!S_may_hold_values(lx, text, len)) return PLX_OK;
  S_toks toks = {0};
  S_tokenize(text, len, es, &toks);
  S_ctx c = {.text = text, .lx = lx, .es = es, .li = li, .tk = toks.t, .n = toks.n, .last_end = SIZE_MAX};
  S_ranges(lx, c.tk, c.n);
  S_mark_idents(&c);

  plx_value *vals = NULL;
  size_t nv = 0, cap = 0;
  for (size_t i = 0; i < c.n;) {
    size_t end;
    /* Every reading starts at digits or at a word of the lists (a Roman
     * numeral after its cue word, too): other tokens are passed over. */
    const S_tok *t = &c.tk[i];
    if (t->kind != T_NUM && t->kind != T_NDATE && t->elo == t->ehi &&
        !(t->kind == T_WORD && S_roman(text + t->s, t->e - t->s))) {
      i++;
      continue;
    }
    if (S_at(&c, i, K_NOT, &end)) { /* "one of the", "una de las" */
      i = end;
      continue;
    }
    S_cand best;
    memset(&best, 0, sizeof best);
    S_try_date(&c, i, &best);
    S_try_amount_pre(&c, i, &best);
    S_try_quantity(&c, i, &best);
    S_try_ordinal(&c, i, &best);
    if (best.e > i && (S_word_part(&c, &best) || S_decade(&c, &best))) {
      i = best.e;
      continue;
    }
    if (best.e > i) {
      plx_value v;
      S_fill(&c, &best, &v);
      PLX__PUSH(vals, nv, cap, v);
      c.last_end = best.e;
      c.last_y = best.y, c.last_m = best.m, c.last_d = best.d;
      i = best.e;
    } else {
      i++;
    }
  }
  free(toks.t);
  *out = vals;
  *n = nv;
  return PLX_OK;
}

static int S_near(double a, double b) {
  double m = S_abs(a) > S_abs(b) ? S_abs(a) : S_abs(b);
  return S_abs(a - b) <= 1e-9 * m;
}

/* A duration in months (class 1) or seconds (class 2): the conversions
 * the calendar allows exactly. */
static int S_dur_base(const plx_value *v, double *out) {
  static const struct {
    const char *unit;
    int cls;
    double f;
  } units[] = {{"Y", 1, 12},   {"M", 1, 1},    {"W", 2, 604800}, {"D", 2, 86400},
               {"H", 2, 3600}, {"MIN", 2, 60}, {"S", 2, 1}};
  for (size_t i = 0; i < sizeof units / sizeof *units; i++)
    if (strcmp(v->unit, units[i].unit) == 0) {
      *out = v->number * units[i].f;
      return units[i].cls;
    }
  return 0;
}

/* The parts of a canonical date: year, month, day (0 when absent); returns
 * a mask (1 year, 2 month, 4 day), 0 if unreadable. */
static int S_date_parts(const char *s, int *y, int *m, int *d) {
  *y = *m = *d = 0;
  int mask = 0;
  size_t i = 0;
  if (s[0] == '-' && s[1] == '-') {
    i = 2;
  } else {
    for (int k = 0; k < 4; k++, i++) {
      if (s[i] < '0' || s[i] > '9') return 0;
      *y = *y * 10 + (s[i] - '0');
    }
    mask |= 1;
    if (s[i] == '\0') return mask;
    if (s[i++] != '-') return 0;
  }
  for (int k = 0; k < 2; k++, i++) {
    if (s[i] < '0' || s[i] > '9') return 0;
    *m = *m * 10 + (s[i] - '0');
  }
  mask |= 2;
  if (s[i] == '\0') return mask;
  if (s[i++] != '-') return 0;
  for (int k = 0; k < 2; k++, i++) {
    if (s[i] < '0' || s[i] > '9') return 0;
    *d = *d * 10 + (s[i] - '0');
  }
  if (s[i] != '\0') return 0;
  return mask | 4;
}

/* For two dates: 1 if the parts of one are among the parts of the other
 * (and *agree says whether the common parts agree), else 0. */
static int S_date_nested(const plx_value *a, const plx_value *b, int *agree) {
  int ya, ma, da, yb, mb, db;
  int pa = S_date_parts(a->value, &ya, &ma, &da), pb = S_date_parts(b->value, &yb, &mb, &db);
  if (!pa || !pb || ((pa & pb) != pa && (pa & pb) != pb)) return 0;
  int common = pa & pb;
  *agree =
      (!(common & 1) || ya == yb) && (!(common & 2) || ma == mb) && (!(common & 4) || da == db);
  return 1;
}

/* A number that says what a value of another type says: Spanish writes
 * many ordinals as cardinals ("el puesto 24" for "24th"), and whether a
 * bare four-digit number is a year is a guess that the two languages'
 * phrasings make differently ("the 1958 World's Fair", "de 1958"). */
static int S_number_as(const plx_value *num, const plx_value *other) {
  if (num->type != PLX_VALUE_NUMBER || !(num->number >= 0 && num->number < 1e15) ||
      (double)(long long)num->number != num->number)
    return 0;
  if (other->type == PLX_VALUE_ORDINAL) return num->number == other->number;
  if (other->type == PLX_VALUE_DATE) {
    int y, m, d;
    return S_date_parts(other->value, &y, &m, &d) == 1 && num->number == y;
  }
  return 0;
}

/* The currencies written with a dollar sign (and "pesos"): "$", "dollars"
 * alone say one of them, the language's default when nothing else does. */
static int S_dollar_family(const char *code) {
  static const char *const codes[] = {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD",
                                      "MXN", "ARS", "CLP", "COP", "UYU", "CUP", "DOP"};
  for (size_t k = 0; k < sizeof codes / sizeof *codes; k++)
    if (strcmp(code, codes[k]) == 0) return 1;
  return 0;
}

/* One currency: the same code, or a guessed dollar and a dollar ("$45
 * million" in an Australian story and "45 millones de dólares
 * australianos"). */
static int S_same_currency(const plx_value *a, const plx_value *b) {
  if (strcmp(a->unit, b->unit) == 0) return 1;
  return (a->unit_guessed || b->unit_guessed) && S_dollar_family(a->unit) &&
         S_dollar_family(b->unit);
}

int plx_value_equal(const plx_value *a, const plx_value *b) {
  if (!a || !b) return 0;
  if (a->type != b->type) return S_number_as(a, b) || S_number_as(b, a);
  switch (a->type) {
  case PLX_VALUE_NUMBER:
  case PLX_VALUE_ORDINAL:
  case PLX_VALUE_PERCENT:
    return S_near(a->number, b->number);
  case PLX_VALUE_AMOUNT:
    return S_same_currency(a, b) && S_near(a->number, b->number);
  case PLX_VALUE_DURATION: {
    double x = 0, y = 0;
    int ca = S_dur_base(a, &x), cb = S_dur_base(b, &y);
    return ca && ca == cb && S_near(x, y);
  }
  case PLX_VALUE_DATE: {
    int agree;
    return S_date_nested(a, b, &agree) && agree;
  }
  }
  return 0;
}

int plx_value_comparable(const plx_value *a, const plx_value *b) {
  if (!a || !b || a->type != b->type) return 0;
  if (a->type == PLX_VALUE_DATE) {
    int agree;
    return S_date_nested(a, b, &agree);
  }
  return 1;
}
