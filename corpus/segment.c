/* segment.c: split a block of text into sentences.
 *
 * The segmenter works in three passes over one block (a paragraph, a list
 * item, or a run of lines that were joined because they were wrapped):
 *
 * 1. Candidates. ICU's sentence break iterator, opened for the language with
 *    the language (see plx__seg_new on why without the locale's suppressions), proposes boundaries. ICU
 *    follows UAX #29, which misses boundaries with no space ("world.Today"),
 *    list items run together on one line ("1.) first 2.) second"), and bullets
 *    in the middle of a line; those are added as candidates here.
 *
 * 2. Decisions. Each candidate is kept or dropped by looking at the word
 *    before the final mark and the word after the boundary: abbreviations
 *    from corpus/data/LANG/abbreviations.txt (by class: prefix, number, time,
 *    ambiguous), initials, multi-period abbreviations (U.S.A.), ellipses,
 *    URLs and e-mail addresses, and "!"/"?" followed by a lower-case word
 *    (Yahoo! in ...). Sentence starters (starters.txt) tell whether a
 *    capitalised word after an ambiguous abbreviation begins a new sentence.
 *
 * 3. Repairs. A piece with no letters or digits (a stray ellipsis, a closing
 *    bracket) joins its neighbour; a piece that is only a list marker ("1.",
 *    "a)", "•") joins the item it introduces.
 *
 * Offsets are byte offsets into the document text; ICU reads the block
 * through a UTF-8 UText, so its indices are byte offsets too. Line breaks
 * inside a block (soft wraps) are shown to ICU as spaces in a scratch copy of
 * the same length, since ICU always breaks after a line break.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

typedef enum { AB_NONE = 0, AB_PREFIX, AB_NUMBER, AB_TIME, AB_YEAR, AB_AMBIGUOUS } ab_class;

typedef struct ab_entry {
  char *key;      /* case-folded (ASCII lowercase) unless case-sensitive */
  ab_class cls;
} ab_entry;

/* What a search for list item `want` of a style found: no such marker at
 * [from, to) of the block numbered gen (see S_cand_list). */
typedef struct list_memo {
  size_t gen, from, to;
} list_memo;
#define LIST_STYLES 40 /* S_list_marker's styles: kind * 8 + sty, below 40 */
#define LIST_WANTS 32  /* items past the 31st are not remembered */

typedef struct cands {
  size_t *c, nc, ccap; /* candidates, decided by S_keep */
  size_t *f, nf, fcap; /* forced boundaries: list items, bullets, citations */
  list_memo *memo;     /* LIST_STYLES x LIST_WANTS, allocated on first need */
  size_t gen;          /* the block being scanned, for memo */
} cands;

struct plx__seg {
  char lang[8];
  UBreakIterator *bi;
  ab_entry *abbr;
  size_t nabbr, abbr_cap;
  char **starters;
  size_t nstart, start_cap;
  plx__buf scratch;
  cands cd;        /* buffers reused from block to block */
  size_t *keep, kcap;
};

/* ---- data files ---- */

static int S_cmp_abbr(const void *a, const void *b) {
  return strcmp(((const ab_entry *)a)->key, ((const ab_entry *)b)->key);
}

static int S_cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lower case into out (cap bytes, NUL-terminated); ASCII by hand, other
 * letters by ICU's simple case mapping (Cyrillic "Проф" is "проф"), ё as
 * е. Returns the length, or (size_t)-1 if it does not fit. */
static size_t S_lower(const char *s, size_t n, char *out, size_t cap) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    if ((unsigned char)s[i] < 0x80) {
      if (o + 1 >= cap) return (size_t)-1;
      char c = s[i++];
      out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
      continue;
    }
    uint32_t c = plx__utf8_next(s, n, &i);
    UChar32 l = u_tolower((UChar32)c);
    if (l == 0x451) l = 0x435;
    if (o + 4 >= cap) return (size_t)-1;
    UBool bad = 0;
    U8_APPEND((uint8_t *)out, o, cap - 1, l, bad);
    if (bad) return (size_t)-1;
  }
  out[o] = '\0';
  return o;
}

static char *S_fold(const char *s, size_t n) {
  char *k = plx__malloc(n * 2 + 8);
  if (S_lower(s, n, k, n * 2 + 8) == (size_t)-1) memcpy(k, s, n), k[n] = '\0';
  return k;
}

typedef void (*S_line_fn)(plx__seg *seg, const char *line, size_t n);

static plx_status S_read_lines(plx__seg *seg, const char *name, S_line_fn fn,
                               plx_error *err) {
  size_t len;
  const char *d = plx__data_get(name, &len);
  if (!d) return plx__fail(err, PLX_ERR_DATA, "missing built-in data file %s", name);
  size_t i = 0;
  while (i < len) {
    size_t e = i;
    while (e < len && d[e] != '\n') e++;
    size_t ce = e;
    while (ce > i && (d[ce - 1] == '\r' || d[ce - 1] == ' ')) ce--;
    if (ce > i && d[i] != '#') fn(seg, d + i, ce - i);
    i = e + 1;
  }
  return PLX_OK;
}

static void S_abbr_line(plx__seg *seg, const char *line, size_t n) {
  const char *tab = memchr(line, '\t', n);
  if (!tab) return;
  const char *cls = tab + 1;
  size_t clen = n - (size_t)(cls - line);
  ab_class c = AB_AMBIGUOUS;
  if (clen >= 6 && memcmp(cls, "prefix", 6) == 0) c = AB_PREFIX;
  else if (clen >= 6 && memcmp(cls, "number", 6) == 0) c = AB_NUMBER;
  else if (clen >= 4 && memcmp(cls, "time", 4) == 0) c = AB_TIME;
  else if (clen >= 4 && memcmp(cls, "year", 4) == 0) c = AB_YEAR;
  ab_entry e = {S_fold(line, (size_t)(tab - line)), c};
  PLX__PUSH(seg->abbr, seg->nabbr, seg->abbr_cap, e);
}

static void S_starter_line(plx__seg *seg, const char *line, size_t n) {
  char *w = plx__strndup(line, n);
  PLX__PUSH(seg->starters, seg->nstart, seg->start_cap, w);
}

plx_status plx__seg_new(const char *lang, plx__seg **out, plx_error *err) {
  *out = NULL;
  plx__seg *seg = plx__calloc(1, sizeof *seg);
  snprintf(seg->lang, sizeof seg->lang, "%s", lang);
  char name[128], locale[32];
  snprintf(name, sizeof name, "corpus/data/%s/abbreviations.txt", lang);
  plx_status st = S_read_lines(seg, name, S_abbr_line, err);
  if (!st) {
    snprintf(name, sizeof name, "corpus/data/%s/starters.txt", lang);
    st = S_read_lines(seg, name, S_starter_line, err);
  }
  if (st) {
    plx__seg_free(seg);
    return st;
  }
  qsort(seg->abbr, seg->nabbr, sizeof *seg->abbr, S_cmp_abbr);
  qsort(seg->starters, seg->nstart, sizeof *seg->starters, S_cmp_str);
  UErrorCode uerr = U_ZERO_ERROR;
  /* ICU's suppression lists ("@ss=standard") are not used: the Spanish one
   * holds ordinary words ("lago.", "RAM.") and hides real boundaries
   * (measured on UD Spanish GSD), the filtering iterator doubles ICU's time,
   * and abbreviations.txt does the same job for both languages. */
  snprintf(locale, sizeof locale, "%s", lang);
  seg->bi = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &uerr);
  if (U_FAILURE(uerr)) {
    plx__seg_free(seg);
    return plx__fail(err, PLX_ERR_INTERNAL, "ICU sentence iterator for %s: %s", lang,
                     u_errorName(uerr));
  }
  *out = seg;
  return PLX_OK;
}

void plx__seg_free(plx__seg *seg) {
  if (!seg) return;
  if (seg->bi) ubrk_close(seg->bi);
  for (size_t i = 0; i < seg->nabbr; i++) free(seg->abbr[i].key);
  for (size_t i = 0; i < seg->nstart; i++) free(seg->starters[i]);
  free(seg->abbr);
  free(seg->starters);
  plx__buf_free(&seg->scratch);
  free(seg->cd.c);
  free(seg->cd.f);
  free(seg->cd.memo);
  free(seg->keep);
  free(seg);
}

/* Lookups copy the word to the stack: they run for every candidate. */
static ab_class S_abbr_class(const plx__seg *seg, const char *w, size_t n) {
  if (n == 0 || n > 24) return AB_NONE;
  char k[64];
  if (S_lower(w, n, k, sizeof k) == (size_t)-1) return AB_NONE;
  ab_entry key = {k, AB_NONE};
  ab_entry *e = bsearch(&key, seg->abbr, seg->nabbr, sizeof *seg->abbr, S_cmp_abbr);
  return e ? e->cls : AB_NONE;
}

static int S_is_starter(const plx__seg *seg, const char *w, size_t n) {
  if (n == 0 || n > 24) return 0;
  char buf[32], *k = buf;
  memcpy(buf, w, n);
  buf[n] = '\0';
  char **e = bsearch(&k, seg->starters, seg->nstart, sizeof *seg->starters, S_cmp_str);
  return e != NULL;
}

/* ---- character classes ---- */

static int S_is_space(uint32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return c == 0xA0 || u_isUWhiteSpace((UChar32)c);
}

/* Closing marks that may follow the final punctuation: quotes, brackets. */
static int S_is_closer(uint32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == 0x201D ||
         c == 0x2019 || c == 0xBB || c == 0x203A || c == '*';
}

/* Opening marks that may precede the first word of a sentence. */
static int S_is_opener(uint32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == 0x201C ||
         c == 0x2018 || c == 0xAB || c == 0x2039 || c == 0xBF || c == 0xA1 || c == '*' ||
         c == 0x2014 || c == 0x2013;
}

static int S_is_period(uint32_t c) { return c == '.' || c == 0xFF0E || c == 0x3002; }

static int S_is_bullet(uint32_t c) {
  return c == 0x2022 || c == 0x25E6 || c == 0x25AA || c == 0x2023 || c == 0x2043 ||
         c == 0x25CF || c == 0x25A0 || c == 0x25CB || c == 0x2219 || c == 0x00B7;
}

static int S_alnum(uint32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum((UChar32)c);
}

/* ---- looking around a boundary ---- */

typedef struct view {
  const char *t;  /* document text */
  size_t lo, hi;  /* the block */
} view;

/* The byte range of the whitespace-delimited token that ends at or before
 * position p (exclusive end). */
/* Context is looked at within a bounded window, so that a 50 MB line without
 * spaces cannot make the segmenter quadratic. */
#define CONTEXT_BYTES 256

static void S_token_before(const view *v, size_t p, size_t *ts, size_t *te) {
  size_t e = p;
  size_t floor = p > v->lo + CONTEXT_BYTES ? p - CONTEXT_BYTES : v->lo;
  while (e > floor) {
    size_t k = e;
    uint32_t c = plx__utf8_prev(v->t, &k);
    if (!S_is_space(c)) break;
    e = k;
  }
  size_t s = e;
  floor = e > v->lo + CONTEXT_BYTES ? e - CONTEXT_BYTES : v->lo;
  while (s > floor) {
    size_t k = s;
    uint32_t c = plx__utf8_prev(v->t, &k);
    if (S_is_space(c)) break;
    s = k;
  }
  *ts = s;
  *te = e;
}

static size_t S_skip_space(const view *v, size_t p) {
  while (p < v->hi) {
    size_t k = p;
    uint32_t c = plx__utf8_next(v->t, v->hi, &k);
    if (!S_is_space(c)) break;
    p = k;
  }
  return p;
}

/* The word that starts at p after skipping opening marks: [*ws, *we). */
static uint32_t S_word_after(const view *v, size_t p, size_t *ws, size_t *we,
                             uint32_t *first_mark) {
  *first_mark = 0;
  size_t q = S_skip_space(v, p);
  if (q < v->hi) {
    size_t k = q;
    *first_mark = plx__utf8_next(v->t, v->hi, &k);
  }
  while (q < v->hi) {
    size_t k = q;
    uint32_t c = plx__utf8_next(v->t, v->hi, &k);
    if (!S_is_opener(c)) break;
    q = k;
  }
  *ws = q;
  size_t e = q;
  uint32_t first = 0;
  while (e < v->hi) {
    size_t k = e;
    uint32_t c = plx__utf8_next(v->t, v->hi, &k);
    if (!(S_alnum(c) || c == '\'' || c == 0x2019 || c == '-')) break;
    if (e == q) first = c;
    e = k;
  }
  *we = e;
  return first;
}

/* Does the token look like a URL, an e-mail address or a domain name?
 * Periods inside such tokens never end a sentence. */
static int S_is_url_token(const char *t, size_t s, size_t e) {
  size_t n = e - s;
  const char *p = t + s;
  for (size_t i = 0; i + 2 < n; i++)
    if (p[i] == ':' && p[i + 1] == '/' && p[i + 2] == '/') return 1;
  if (memchr(p, '@', n)) return 1;
  if (n >= 4 && (memcmp(p, "www.", 4) == 0 || memcmp(p, "WWW.", 4) == 0)) return 1;
  return 0;
}

/* A run of single letters separated by periods: U.S.A, e.g, J.C (final
 * period excluded). */
static int S_is_initialism(const char *w, size_t n) {
  if (n < 3) return 0;
  size_t i = 0, letters = 0;
  while (i < n) {
    size_t k = i;
    uint32_t c = plx__utf8_next(w, n, &k);
    if (!u_isalpha((UChar32)c)) return 0;
    letters++;
    i = k;
    if (i == n) break;
    if (w[i] != '.') return 0;
    i++;
  }
  return letters >= 2;
}

static int S_is_number_word(const char *w, size_t n) {
  int digits = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)w[i];
    if (c >= '0' && c <= '9') digits++;
    else if (c != '.' && c != ',' && c != '$' && c != '%') return 0;
  }
  return digits > 0;
}

/* Count the dots of an ellipsis ending at the period at position p
 * ("...", ". . ."), and whether it is attached to the word before it. */
static int S_ellipsis(const view *v, size_t p, int *attached, int *spaced,
                      uint32_t *before) {
  int dots = 0;
  size_t i = p + 1;
  *attached = 0;
  *spaced = 0;
  *before = ' ';
  while (dots < 8) { /* bounded: a line of a million dots stays linear */
    if (i > v->lo && v->t[i - 1] == '.') {
      dots++;
      i--;
      continue;
    }
    if (i > v->lo + 1 && v->t[i - 1] == ' ' && v->t[i - 2] == '.' && dots > 0) {
      *spaced = 1;
      i--;
      continue;
    }
    break;
  }
  if (i > v->lo) {
    size_t k = i;
    uint32_t c = plx__utf8_prev(v->t, &k);
    *attached = !S_is_space(c);
    *before = c;
  }
  return dots;
}

/* ---- pass 2: keep or drop one candidate boundary at b ---- */

static int S_starter_after(const plx__seg *seg, const view *v, uint32_t next, size_t ws,
                         size_t we) {
  return next && u_isupper((UChar32)next) && S_is_starter(seg, v->t + ws, we - ws);
}

static int S_keep(const plx__seg *seg, const view *v, size_t b) {
  /* The final mark: skip back over spaces and closing quotes/brackets. */
  size_t p = b;
  uint32_t c = 0;
  int closers = 0;
  while (p > v->lo) {
    size_t k = p;
    c = plx__utf8_prev(v->t, &k);
    if (S_is_space(c)) {
      p = k;
      continue;
    }
    if (S_is_closer(c)) {
      closers++;
      p = k;
      continue;
    }
    p = k;
    break;
  }
  size_t ws, we;
  uint32_t mark;
  uint32_t next = S_word_after(v, b, &ws, &we, &mark);
  if (mark == 0xBF || mark == 0xA1) return 1; /* ¿ ¡ open a new sentence */
  size_t ts, te;
  S_token_before(v, p + 1, &ts, &te);
  if (S_is_url_token(v->t, ts, te) && te > p + 1) return 0; /* inside a URL */

  if (c == '!' || c == '?' || c == 0xFF01 || c == 0xFF1F) {
    /* "!Xũ", "Y!J": a mark glued to the next word is part of it. */
    if (b == p + 1 && next) return 0;
    /* "Yahoo! in the", "“Leave!” he said": lower case goes on. */
    if (next && u_islower((UChar32)next)) return 0;
    return 1;
  }
  if (c == 0x2026) {
    /* An ellipsis character: ends a sentence only when it is attached to a
     * word and a capitalised sentence starter follows. */
    size_t k = p;
    uint32_t before = p > v->lo ? plx__utf8_prev(v->t, &k) : ' ';
    if (S_is_space(before)) return 0;
    return next && u_isupper((UChar32)next) && S_is_starter(seg, v->t + ws, we - ws);
  }
  if (c == ';') {
    /* After a semicolon a sentence goes on in lower case; a capitalised
     * sentence starter there means a new sentence began. */
    return S_starter_after(seg, v, next, ws, we);
  }
  if (!S_is_period(c)) return 1;

  /* A boundary followed by dots is at or inside an ellipsis. Only a word's
   * own full stop followed by a spaced ellipsis and a capital ends a sentence
   * there ("compounds. . . . The practice"); the ellipsis opens the next. */
  {
    size_t q = S_skip_space(v, b);
    if (q < v->hi && v->t[q] == '.') {
      size_t k = p;
      uint32_t before = p > v->lo ? plx__utf8_prev(v->t, &k) : ' ';
      if (!u_isalnum((UChar32)before)) return 0;
      size_t r = q;
      int n = 0;
      while (n < 3 && r + 1 < v->hi && v->t[r] == '.' && v->t[r + 1] == ' ') {
        r = S_skip_space(v, r + 1);
        n++;
      }
      return n >= 3 && r < v->hi && (unsigned char)v->t[r] >= 'A' && (unsigned char)v->t[r] <= 'Z';
    }
  }
  int attached, spaced;
  uint32_t before;
  int dots = S_ellipsis(v, p, &attached, &spaced, &before);
  if (dots >= 3 && (before == '[' || before == '(')) return 0; /* "[...]" elides */
  if (dots >= 4) return !(attached && spaced);
  if (dots == 3) {
    if (!attached) return 0;
    return next && u_isupper((UChar32)next);
  }
  if (dots == 2) return 1; /* "UU.." : an abbreviation's period plus the full stop */

  /* The word before the period, without opening marks. */
  size_t wstart = ts;
  while (wstart < p) {
    size_t k = wstart;
    uint32_t oc = plx__utf8_next(v->t, p, &k);
    if (!S_is_opener(oc)) break;
    wstart = k;
  }
  const char *w = v->t + wstart;
  size_t wn = p - wstart;
  if (wn == 0 || closers) return 1;
  /* "1.Helado, 2.Carne": a one-digit number glued to a word is a list. */
  if (b == p + 1 && wn == 1 && w[0] >= '0' && w[0] <= '9') return 0;
  int next_upper = next && u_isupper((UChar32)next);
  int next_digit = next && u_isdigit((UChar32)next);
  int starter = next_upper && S_is_starter(seg, v->t + ws, we - ws);

  ab_class cls = S_abbr_class(seg, w, wn);
  if (cls == AB_NONE && !S_is_initialism(w, wn)) {
    /* "Tuesday.Mr.": sentences run together; look at the last part */
    const char *dot = NULL;
    for (size_t k = 0; k + 1 < wn; k++)
      if (w[k] == '.') dot = w + k;
    if (dot) cls = S_abbr_class(seg, dot + 1, wn - (size_t)(dot + 1 - w));
  }
  /* "EE. UU." style: the token may be the second half of a spaced pair. */
  if (cls == AB_NONE && ts > v->lo + 1) {
    size_t pts, pte;
    S_token_before(v, ts, &pts, &pte);
    if (pte > pts && pte - pts + 1 + wn < 24 && v->t[pte - 1] == '.') {
      /* "EE." and "UU." as "EE. UU." (built by hand: this runs at every
       * period, and snprintf would cost more than the rest of the test) */
      char pair[48];
      size_t n1 = pte - pts;
      memcpy(pair, v->t + pts, n1);
      pair[n1] = ' ';
      memcpy(pair + n1 + 1, w, wn);
      ab_class pc = S_abbr_class(seg, pair, n1 + 1 + wn);
      if (pc != AB_NONE) cls = pc;
    }
  }
  switch (cls) {
  case AB_PREFIX:
    return 0;
  case AB_NUMBER:
    if (next_digit || next == '#') return 0;
    return starter || mark == '"' || !next;
  case AB_TIME:
    return next_upper;
  case AB_YEAR: {
    /* "в 1990 г. Он", "в XX в. Город": after a year or a century it
     * ends a sentence before a capital; elsewhere ("г. Москва") only
     * before a sentence starter */
    size_t pts, pte;
    S_token_before(v, ts, &pts, &pte);
    int year = pte > pts;
    for (size_t k = pts; k < pte && year; k++) {
      char x = v->t[k];
      year = (x >= '0' && x <= '9') || (k > pts && (x == '-' || (unsigned char)x >= 0x80)) ||
             strchr("IVXLC", x);
    }
    if (year && !(v->t[pts] >= '0' && v->t[pts] <= '9') && !strchr("IVXLC", v->t[pts])) year = 0;
    return year ? next_upper : starter;
  }
  case AB_AMBIGUOUS:
    return starter;
  case AB_NONE:
    break;
  }
  if (S_is_initialism(w, wn)) return starter;
  /* A single capital letter is an initial unless a sentence starter follows
   * ("Albert I. Jones" but "you and I. Did you ..."). */
  {
    size_t k = 0;
    uint32_t c0 = plx__utf8_next(w, wn, &k);
    if (k == wn && u_isupper((UChar32)c0)) {
      /* "А. И. Семенов": an initial before another is a name's, even
       * when the letter is also a word ("И", "A") */
      size_t nk = ws, pts, pte, pk;
      if (we > ws) plx__utf8_next(v->t, we, &nk);
      S_token_before(v, ts, &pts, &pte);
      pk = pts;
      if (pte > pts) plx__utf8_next(v->t, pte, &pk);
      int after_initial = pte == pk + 1 && v->t[pk] == '.';
      if (nk == we && we < v->hi && v->t[we] == '.' && next_upper && !after_initial) return 0;
      return !next_upper || starter;
    }
    if (k == wn && u_islower((UChar32)c0) && next_digit) return 0;
  }
  (void)S_is_number_word;
  return 1;
}

/* ---- pass 1: candidates that ICU does not propose ---- */

static void S_add(size_t **c, size_t *n, size_t *cap, size_t pos) {
  PLX__PUSH(*c, *n, *cap, pos);
}

/* A list marker at p: "1." "1.)" "1)" "a." "a)" "(a)" "(iv)" "iv)".
 * Returns the marker's ordinal (1-based) and its style, or 0. */
static int S_list_marker(const char *t, size_t p, size_t hi, int *style, size_t *mend) {
  size_t i = p;
  int paren = 0;
  if (i < hi && t[i] == '(') {
    paren = 1;
    i++;
  }
  size_t s = i;
  int value = 0, kind = 0;
  while (i < hi && t[i] >= '0' && t[i] <= '9' && i - s < 3) value = value * 10 + (t[i++] - '0');
  if (i > s) {
    kind = 1;
  } else if (i < hi && t[i] >= 'a' && t[i] <= 'z') {
    /* roman numerals first: i, ii, iii, iv, v, vi ... */
    size_t r = i;
    while (r < hi && strchr("ivxl", t[r]) && r - i < 5) r++;
    if (r > i + 1 || (r == i + 1 && (t[i] == 'i'))) {
      static const char *romans[] = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
                                     "xi", "xii", "xiii", "xiv", "xv"};
      for (int k = 0; k < 15; k++)
        if (strlen(romans[k]) == r - i && memcmp(t + i, romans[k], r - i) == 0) {
          value = k + 1;
          kind = 3;
          i = r;
          break;
        }
    }
    if (!kind) {
      value = t[i] - 'a' + 1;
      kind = 2;
      i++;
    }
  } else if (i < hi && t[i] >= 'A' && t[i] <= 'Z') {
    value = t[i] - 'A' + 1;
    kind = 4;
    i++;
  }
  if (!kind) return 0;
  int sty;
  if (paren) {
    if (i >= hi || t[i] != ')') return 0;
    i++;
    sty = 1;
  } else if (i + 1 < hi && t[i] == '.' && t[i + 1] == ')') {
    i += 2;
    sty = 2;
  } else if (i < hi && t[i] == ')') {
    i++;
    sty = 3;
  } else if (i < hi && t[i] == '.' && kind != 3) {
    i++;
    sty = 4;
  } else {
    return 0;
  }
  if (i >= hi || t[i] != ' ') return 0;
  *style = kind * 8 + sty;
  *mend = i;
  return value;
}

/* Sentences run together with no space at t[i] ('.', '!', '?'):
 * "world.Today", "1,000.That". */
static void S_cand_glued(const view *v, size_t i, cands *cd) {
  const char *t = v->t;
  if (i == v->lo || i + 2 >= v->hi) return;
  unsigned char a = (unsigned char)t[i - 1], b = (unsigned char)t[i + 1],
                bb = (unsigned char)t[i + 2];
  if (!(b >= 'A' && b <= 'Z' && bb >= 'a' && bb <= 'z')) return;
  if (!((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9'))) return;
  size_t ts, te;
  size_t e = i; /* the whitespace token around i */
  while (e < v->hi && e - i < CONTEXT_BYTES && !S_is_space((unsigned char)t[e])) e++;
  S_token_before(v, e, &ts, &te);
  if (S_is_url_token(t, ts, te)) return;
  /* a lower-case word of two or more letters, or a number, before it */
  size_t k = i;
  int letters = 0, digits = 0, upper = 0;
  while (k > ts) {
    unsigned char x = (unsigned char)t[k - 1];
    if (x >= 'a' && x <= 'z') letters++;
    else if (x >= 'A' && x <= 'Z') upper++;
    else if ((x >= '0' && x <= '9') || x == ',' || x == '.') digits++;
    else break;
    k--;
  }
  if (upper > 1) return;
  if (letters >= 2 || (digits >= 2 && !letters)) {
    /* no other period inside the left part (abbreviations, domains) */
    if (memchr(t + k, '.', i - k) && !digits) return;
    S_add(&cd->c, &cd->nc, &cd->ccap, i + 1);
  }
}

/* After ". " at t[i]: candidates ICU's rule SB8 hides because a lower-case
 * word follows later: a lower-case sentence start after a word ("exciting.
 * want to go"), a number ("1 + 1 es 2. 2 + 2 es 4."), and a word's full stop
 * followed by a spaced ellipsis ("compounds. . . . The"). */
static void S_cand_after_stop(const view *v, size_t i, cands *cd) {
  const char *t = v->t;
  if (i == v->lo || i + 2 >= v->hi || t[i + 1] != ' ') return;
  unsigned char a = (unsigned char)t[i - 1];
  /* a word, or a word's closing bracket or quote ("(КОВО). 22 июня") */
  if (!(a >= 0x80 || (a >= '0' && a <= '9') || (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') ||
        a == ')' || a == '"'))
    return;
  size_t q = S_skip_space(v, i + 1);
  if (q >= v->hi) return;
  if (t[q] >= 'a' && t[q] <= 'z' && i >= v->lo + 3 && t[i - 1] >= 'a' && t[i - 1] <= 'z' &&
      t[i - 2] >= 'a' && t[i - 2] <= 'z' && t[i - 3] >= 'a' && t[i - 3] <= 'z')
    S_add(&cd->c, &cd->nc, &cd->ccap, q);
  if ((t[q] >= '0' && t[q] <= '9') || (t[q] == '.' && q + 1 < v->hi && t[q + 1] == ' '))
    S_add(&cd->c, &cd->nc, &cd->ccap, q);
}

/* Citation marks after a full stop at t[i]: "martyr.[1] The emperor". */
static void S_cand_citation(const view *v, size_t i, cands *cd) {
  const char *t = v->t;
  size_t j = i + 1;
  while (j < v->hi && t[j] == '[') {
    size_t d = j + 1;
    while (d < v->hi && ((t[d] >= '0' && t[d] <= '9') || t[d] == ',' || t[d] == '-')) d++;
    if (d == j + 1 || d >= v->hi || t[d] != ']') break;
    j = d + 1;
  }
  if (j > i + 1 && j < v->hi && t[j] == ' ') {
    size_t q = S_skip_space(v, j);
    if (q < v->hi && (unsigned char)t[q] >= 'A' && (unsigned char)t[q] <= 'Z')
      S_add(&cd->f, &cd->nf, &cd->fcap, q);
  }
}

/* Items of a list written on one line, opened by a first marker (1. a) (i)
 * ...) at p, the start of the block or of a sentence: only markers that
 * continue its sequence (1. 2. 3.) split it, so "for 1. above" stays whole. */
static void S_cand_list(const view *v, size_t p, cands *cd) {
  const char *t = v->t;
  size_t q = p, k = p;
  uint32_t ch = plx__utf8_next(t, v->hi, &k);
  if (S_is_bullet(ch) || ch == 0x2043) q = S_skip_space(v, k);
  int style;
  size_t mend;
  if (S_list_marker(t, q, v->hi, &style, &mend) != 1) return;
  int want = 2;
  size_t last = mend;
  /* Items further apart than this are not a list on one line. Every item 1
   * starts a search, and "a. a. a. ..." has one every three bytes: what a
   * search found missing is remembered (cd->memo, per style and item) and
   * not searched again, so that such input costs each byte once, not 2048
   * times. */
  if (!cd->memo) cd->memo = plx__calloc(LIST_STYLES * LIST_WANTS, sizeof *cd->memo);
  size_t from = mend, i = mend;
  for (; i + 2 < v->hi && i - last < 2048; i++) {
    list_memo *m = want < LIST_WANTS ? &cd->memo[style * LIST_WANTS + want] : NULL;
    if (m && m->gen == cd->gen && m->from <= i && i < m->to) {
      /* [i, m->to) is known to hold no item `want` */
      if (m->from < from) from = m->from;
      i = m->to - 1;
      continue;
    }
    if (t[i] != ' ') continue;
    size_t j = i + 1, bj = j;
    uint32_t bc = plx__utf8_next(t, v->hi, &bj);
    if (S_is_bullet(bc) || bc == 0x2043) j = S_skip_space(v, bj);
    int st2;
    size_t me2;
    if (S_list_marker(t, j, v->hi, &st2, &me2) == want && st2 == style) {
      S_add(&cd->f, &cd->nf, &cd->fcap, i + 1);
      want++;
      last = i;
      from = i + 1;
    }
  }
  if (want < LIST_WANTS) {
    /* no item `want` at [from, i) */
    list_memo *m = &cd->memo[style * LIST_WANTS + want];
    m->gen = cd->gen;
    m->from = from;
    m->to = i;
  }
  if (want > 2 && p > v->lo) S_add(&cd->f, &cd->nf, &cd->fcap, p);
}

/* Could a list marker or bullet start at t[p]? A cheap test before the
 * real one. */
static int S_may_start_list(const char *t, size_t p, size_t hi) {
  if (p >= hi) return 0;
  unsigned char x = (unsigned char)t[p];
  return (x >= '0' && x <= '9') || (x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z') ||
         x == '(' || x >= 0xC2;
}

/* One scan of the block, dispatching on the byte. */
static void S_candidates(const view *v, cands *cd) {
  const char *t = v->t;
  unsigned char prev_ns = 0; /* the last byte that was not a space */
  cd->gen++;                 /* what was remembered of another block is void */
  if (S_may_start_list(t, v->lo, v->hi)) S_cand_list(v, v->lo, cd);
  for (size_t i = v->lo; i < v->hi;) {
    unsigned char ch = (unsigned char)t[i];
    if (ch < 0x80) {
      switch (ch) {
      case '.':
        S_cand_glued(v, i, cd);
        S_cand_after_stop(v, i, cd);
        if (i + 1 < v->hi && t[i + 1] == '[') S_cand_citation(v, i, cd);
        break;
      case '!':
      case '?':
        S_cand_glued(v, i, cd);
        break;
      case ';':
        /* "…; La provincia": see S_keep */
        if (i + 2 < v->hi && t[i + 1] == ' ' && (unsigned char)t[i + 2] >= 'A' &&
            (unsigned char)t[i + 2] <= 'Z')
          S_add(&cd->c, &cd->nc, &cd->ccap, i + 2);
        break;
      case ' ':
        if ((prev_ns == '.' || prev_ns == ':' || prev_ns == ';' || prev_ns == '!' ||
             prev_ns == '?') &&
            i + 1 < v->hi && t[i + 1] != ' ' &&
            S_may_start_list(t, i + 1, v->hi))
          S_cand_list(v, i + 1, cd);
        break;
      default:
        break;
      }
      if (ch != ' ') prev_ns = ch;
      i++;
      continue;
    }
    size_t k = i;
    uint32_t u = plx__utf8_next(t, v->hi, &k);
    /* a bullet in the middle of a line starts an item */
    if (i > v->lo && S_is_bullet(u) && u != 0xB7 && (unsigned char)t[i - 1] == ' ')
      S_add(&cd->f, &cd->nf, &cd->fcap, i);
    /* a full-width full stop glued to the next word */
    if ((u == 0xFF0E || u == 0x3002) && k < v->hi && !S_is_space((unsigned char)t[k]))
      S_add(&cd->c, &cd->nc, &cd->ccap, k);
    prev_ns = 0x80;
    i = k;
  }
}

static int S_cmp_size(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/* ---- pass 3 helpers ---- */

static int S_has_alnum(const char *t, size_t s, size_t e) {
  for (size_t i = s; i < e;) {
    uint32_t c = plx__utf8_next(t, e, &i);
    if (S_alnum(c)) return 1;
  }
  return 0;
}

/* The piece is only a list marker (with an optional bullet). */
static int S_only_marker(const char *t, size_t s, size_t e) {
  while (s < e && S_is_space((unsigned char)t[s])) s++;
  while (e > s && S_is_space((unsigned char)t[e - 1])) e--;
  if (s >= e) return 0;
  size_t k = s;
  uint32_t ch = plx__utf8_next(t, e, &k);
  if (S_is_bullet(ch) || ch == '-') {
    s = k;
    while (s < e && t[s] == ' ') s++;
    if (s >= e) return 1;
  }
  int style;
  size_t mend;
  char buf[16];
  if (e - s + 1 >= sizeof buf) return 0;
  memcpy(buf, t + s, e - s);
  buf[e - s] = ' ';
  return S_list_marker(buf, 0, e - s + 1, &style, &mend) > 0 && mend == e - s;
}

static void S_trim(const char *t, size_t *s, size_t *e) {
  while (*s < *e) {
    size_t k = *s;
    uint32_t c = plx__utf8_next(t, *e, &k);
    if (!S_is_space(c)) break;
    *s = k;
  }
  while (*e > *s) {
    size_t k = *e;
    uint32_t c = plx__utf8_prev(t, &k);
    if (!S_is_space(c)) break;
    *e = k;
  }
}

static int S_starts_marker(const char *t, size_t s, size_t e) {
  size_t k = s;
  uint32_t ch = plx__utf8_next(t, e, &k);
  if (S_is_bullet(ch) || ch == 0x2043) return 1;
  if ((ch == '-' || ch == '*') && k < e && t[k] == ' ') return 1;
  int style;
  size_t mend;
  return S_list_marker(t, s, e, &style, &mend) > 0;
}

/* One block: ICU's boundaries for it are icu[0, nicu), all inside (lo, hi). */
static void S_block(plx__seg *seg, const char *text, size_t lo, size_t hi, plx_kind hint,
                    const size_t *icu, size_t nicu, plx_sentence **out, size_t *n,
                    size_t *cap) {
  S_trim(text, &lo, &hi);
  if (lo >= hi) return;
  view v = {text, lo, hi};
  cands *cdp = &seg->cd;
  cdp->nc = cdp->nf = 0;
  for (size_t i = 0; i < nicu; i++)
    if (icu[i] > lo && icu[i] < hi) S_add(&cdp->c, &cdp->nc, &cdp->ccap, icu[i]);
  cands cd = *cdp;
  S_candidates(&v, &cd);
  size_t *cand, nc, *forced = cd.f, nf = cd.nf;
  for (size_t i = 0; i < nf; i++) S_add(&cd.c, &cd.nc, &cd.ccap, forced[i]);
  *cdp = cd; /* keep the (maybe moved) buffers for the next block */
  cand = cd.c;
  nc = cd.nc;
  if (nc) qsort(cand, nc, sizeof *cand, S_cmp_size);
  if (nf) qsort(forced, nf, sizeof *forced, S_cmp_size);

  /* Decisions. Candidates produced by S_candidates (list items, bullets,
   * run-together sentences) are checked like ICU's: a list marker or bullet
   * is never preceded by an abbreviation test, so it is kept. */
  size_t *keep = seg->keep, nk = 0, kcap = seg->kcap;
  PLX__PUSH(keep, nk, kcap, lo);
  for (size_t i = 0; i < nc; i++) {
    size_t b = cand[i];
    if (b <= keep[nk - 1]) continue;
    int is_forced = nf && bsearch(&b, forced, nf, sizeof *forced, S_cmp_size) != NULL;
    /* inside "martyr.[1]" ICU may break after the bracket */
    if (!is_forced && b > lo && (text[b - 1] == '[' || (text[b - 1] == ' ' && b > lo + 1 && text[b - 2] == '[')))
      continue;
    if (is_forced || S_keep(seg, &v, b)) PLX__PUSH(keep, nk, kcap, b);
  }
  PLX__PUSH(keep, nk, kcap, hi);

  /* Repairs: marker-only pieces join the next, mark-only pieces join a
   * neighbour. keep[] holds piece starts and the block end. It is edited as
   * a gap buffer: keep[0, w) are the starts before the current piece,
   * keep[r, nall) the current piece's start and all that follow, so that
   * joining two pieces costs O(1) (a memmove per join made a run of
   * marker-only pieces, "A. A. A. ...", quadratic). */
  size_t w = 0, r = 0, nall = nk;
  while (r + 1 < nall) {
    size_t s = keep[r], e = keep[r + 1];
    size_t live = w + (nall - r);
    if (live > 2 && r + 2 < nall && S_only_marker(text, s, e)) {
      keep[r + 1] = keep[r]; /* the next start goes: join the next piece */
      r++;
      continue;
    }
    if (live > 2 && !S_has_alnum(text, s, e)) {
      /* ". . . The practice": a word's own period followed by a spaced
       * ellipsis opens the next sentence; otherwise marks join what came
       * before. */
      int forward = (w == 0);
      if (!forward && r + 2 < nall) {
        size_t ps = keep[w - 1], pe = s;
        S_trim(text, &ps, &pe);
        size_t es = s, ee = e;
        S_trim(text, &es, &ee);
        if (pe > ps + 1 && text[pe - 1] == '.' && text[pe - 2] != '.' && text[pe - 2] != ' ' &&
            ee - es >= 3 && text[es] == '.' && text[es + 1] == ' ')
          forward = 1;
      }
      if (forward && r + 2 < nall) {
        keep[r + 1] = keep[r];
        r++;
      } else if (w > 0) {
        /* this start goes: the piece joins the previous one, which is
         * looked at again */
        keep[r] = keep[w - 1];
        w--;
      } else {
        r++;
      }
      continue;
    }
    keep[w++] = keep[r++];
  }
  memmove(keep + w, keep + r, (nall - r) * sizeof *keep);
  nk = w + (nall - r);

  for (size_t i = 0; i + 1 < nk; i++) {
    size_t s = keep[i], e = keep[i + 1];
    S_trim(text, &s, &e);
    if (s >= e) continue;
    plx_kind kind = hint;
    if (kind == PLX_KIND_TEXT && S_starts_marker(text, s, e)) kind = PLX_KIND_LIST;
    plx_sentence sent = {s, e, kind, 0};
    PLX__PUSH(*out, *n, *cap, sent);
  }
  seg->keep = keep;
  seg->kcap = kcap;
}

plx_status plx__seg_doc(plx__seg *seg, const char *text, size_t len, const plx__block *blocks,
                        size_t nblocks, plx_sentence **out, size_t *n, size_t *cap,
                        plx_error *err) {
  if (nblocks == 0) return PLX_OK;
  /* ICU runs once over the whole text (per-block runs cost more in set-up
   * than in matching). Its scratch copy shows line breaks inside a block
   * (soft wraps) as spaces, since ICU always breaks after a line break;
   * blocks are separated by line breaks, so no boundary is lost or moved. */
  size_t from = blocks[0].start, to = blocks[nblocks - 1].end;
  seg->scratch.len = 0;
  plx__buf_put(&seg->scratch, text + from, to - from);
  char *sc = seg->scratch.data;
  /* line breaks are found with memchr: most of a block has none */
  for (size_t i = 0; i < nblocks; i++)
    for (int pass = 0; pass < 2; pass++) {
      char c = pass ? '\r' : '\n';
      char *p = sc + (blocks[i].start - from), *end = sc + (blocks[i].end - from);
      while (p < end && (p = memchr(p, c, (size_t)(end - p)))) *p++ = ' ';
    }
  if (to - from > INT32_MAX)
    return plx__fail(err, PLX_ERR_TOO_LARGE, "text over 2 GiB");
  UErrorCode uerr = U_ZERO_ERROR;
  UText *ut = utext_openUTF8(NULL, sc, (int64_t)(to - from), &uerr);
  if (U_SUCCESS(uerr)) ubrk_setUText(seg->bi, ut, &uerr);
  if (U_FAILURE(uerr)) {
    utext_close(ut);
    return plx__fail(err, PLX_ERR_INTERNAL, "ICU sentence iterator: %s", u_errorName(uerr));
  }
  size_t *icu = NULL, nicu = 0, icap = 0;
  for (int32_t b = ubrk_first(seg->bi); b != UBRK_DONE; b = ubrk_next(seg->bi))
    S_add(&icu, &nicu, &icap, from + (size_t)b);
  ubrk_setText(seg->bi, NULL, 0, &uerr); /* drop the reference to scratch */
  utext_close(ut);
  (void)len;
  size_t j = 0;
  for (size_t i = 0; i < nblocks; i++) {
    while (j < nicu && icu[j] <= blocks[i].start) j++;
    size_t k = j;
    while (k < nicu && icu[k] < blocks[i].end) k++;
    S_block(seg, text, blocks[i].start, blocks[i].end, blocks[i].kind, icu + j, k - j, out, n,
            cap);
    j = k;
  }
  free(icu);
  return PLX_OK;
}
