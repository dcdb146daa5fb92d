/* kinds.c: say what each sentence of a document is.
 *
 * An article scraped from the web carries more than its prose: the title
 * (often twice), section headings, photo captions, summary bullets, and site
 * furniture ("Leave a Comment", "Leer más: ..."). The comparison must line up
 * prose with prose and must not report furniture as content that one version
 * lacks, so each sentence gets a kind. In order of precedence:
 *
 *   boilerplate  matches a pattern of corpus/data/LANG/boilerplate.txt;
 *   duplicate    repeats an earlier sentence (white space and case aside);
 *   list, heading, title, caption from markup: kept as they came;
 *   title        plain text: the first line, if it reads like a title;
 *   heading      plain text: a short line without final punctuation;
 *   caption      plain text: a short line between the title and the body.
 *
 * The plain-text rules look at whole lines: in a scraped article a line that
 * is one short sentence is a title, a heading or a caption far more often
 * than prose, which runs in paragraphs. They stay conservative outside the
 * top of the article: a missed caption costs little, prose taken for
 * furniture costs a sentence of the comparison.
 *
 * The patterns are compiled once per language (pthread_once) into a few
 * alternations, filed by first letter; each call works on its own clones,
 * as ICU requires for concurrent use.
 */
#include "internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#define S_TITLE_WORDS 30
#define S_HEADING_WORDS 15
#define S_CAPTION_WORDS 20
/* A paragraph with this many words, or two sentences, is the article body. */
#define S_BODY_WORDS 25
#define S_BODY_SENTENCES 2
/* Shorter repeats ("Yes.", "Why?") are often deliberate, so they stay. */
#define S_DUP_WORDS 3
/* Furniture is short; longer sentences are not matched (which also keeps
 * the cost of a pattern with ".*" bounded). In UTF-16 units. */
#define S_BOILER_MAX 300
/* Lines up to this many bytes may hold furniture besides other text. */
#define S_SHORT_LINE 240
/* ICU match steps (roughly milliseconds); a runaway pattern means no match. */
#define S_REGEX_STEPS 200

/* ---- Patterns ---- */

/* The patterns are filed by the letter a match must start with (a to z),
 * or under S_ANY when that is not a single ASCII letter. A sentence is
 * tried against its letter's patterns and the S_ANY ones only: ICU tries
 * the alternatives of a pattern one by one, so this divides the matching
 * time by the number of patterns it skips. */
#define S_ANY 26
#define S_NBUCKETS 27

typedef struct S_rules {
  const char *lang, *file;
  /* each bucket's patterns as one alternation, compiled when a sentence
   * first needs it (compiling all of them costs more than comparing two
   * short articles); NULL if none or not yet */
  URegularExpression *re[S_NBUCKETS];
  plx__buf source[S_NBUCKETS]; /* their UTF-8 sources, kept alive with them */
  plx_status status;
  char message[400];
} S_rules;

static S_rules S_rules_by_lang[] = {
    {"en", "corpus/data/en/boilerplate.txt", {NULL}, {{NULL, 0, 0}}, PLX_OK, ""},
    {"es", "corpus/data/es/boilerplate.txt", {NULL}, {{NULL, 0, 0}}, PLX_OK, ""},
    {"ru", "corpus/data/ru/boilerplate.txt", {NULL}, {{NULL, 0, 0}}, PLX_OK, ""},
};
static pthread_mutex_t S_compile_lock = PTHREAD_MUTEX_INITIALIZER;
#define S_NRULES (sizeof S_rules_by_lang / sizeof S_rules_by_lang[0])
static pthread_once_t S_once = PTHREAD_ONCE_INIT;

static const uint32_t S_FLAGS = UREGEX_CASE_INSENSITIVE | UREGEX_DOTALL;

static URegularExpression *S_open(const char *src, size_t n, UParseError *pe,
                                  UErrorCode *uerr) {
  UText *ut = utext_openUTF8(NULL, src, (int64_t)n, uerr);
  URegularExpression *re = NULL;
  if (U_SUCCESS(*uerr)) re = uregex_openUText(ut, S_FLAGS, pe, uerr);
  utext_close(ut);
  if (U_FAILURE(*uerr)) {
    uregex_close(re);
    return NULL;
  }
  return re;
}

/* Appends pattern p[0,n) to b with every capturing group made
 * non-capturing. Nobody reads the groups, and ICU saves all of them at every
 * backtracking point: with a hundred alternatives that copying is most of
 * the matching time. Escapes, \Q...\E and sets [...] are copied as they are. */
static void S_put_uncaptured(plx__buf *b, const char *p, size_t n) {
  int set = 0;
  for (size_t i = 0; i < n; i++) {
    char c = p[i];
    if (c == '\\' && i + 1 < n) {
      if (p[i + 1] == 'Q') {
        const char *q = NULL;
        for (size_t k = i + 2; k + 1 < n; k++)
          if (p[k] == '\\' && p[k + 1] == 'E') {
            q = p + k;
            break;
          }
        size_t end = q ? (size_t)(q - p) + 2 : n;
        plx__buf_put(b, p + i, end - i);
        i = end - 1;
        continue;
      }
      plx__buf_put(b, p + i, 2);
      i++;
      continue;
    }
    if (c == '[') set++;
    else if (c == ']' && set > 0) set--;
    else if (c == '(' && !set && !(i + 1 < n && p[i + 1] == '?')) {
      plx__buf_puts(b, "(?:");
      continue;
    }
    plx__buf_putc(b, c);
  }
}

/* The end of the group opening at p[0] (the index of its ')'), or n. */
static size_t S_group_end(const char *p, size_t n) {
  int depth = 0, set = 0;
  for (size_t i = 0; i < n; i++) {
    if (p[i] == '\\') i++;
    else if (p[i] == '[') set++;
    else if (p[i] == ']' && set > 0) set--;
    else if (set) continue;
    else if (p[i] == '(') depth++;
    else if (p[i] == ')' && --depth == 0) return i;
  }
  return n;
}

/* The ASCII letters (bit 0 for a) a match of p[0,n) can start with, or 0
 * if it may start with anything else: a literal letter, a group of
 * alternatives that each start with one, or such a group made optional by
 * '?' and followed by one. Anything cleverer is left to S_ANY, which is
 * always safe. */
static uint32_t S_first_letters(const char *p, size_t n) {
  if (n == 0) return 0;
  int optional = 0;
  if (p[0] != '(') {
    char c = p[0];
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    optional = n > 1 && (p[1] == '?' || p[1] == '*' || p[1] == '{');
    return c >= 'a' && c <= 'z' && !optional ? 1u << (c - 'a') : 0;
  }
  size_t end = S_group_end(p, n);
  if (end >= n || (n > 1 && p[1] == '?' && !(n > 2 && p[2] == ':'))) return 0;
  char quant = end + 1 < n ? p[end + 1] : '\0';
  if (quant == '*' || quant == '{') return 0;
  optional = quant == '?';
  size_t a = (n > 2 && p[1] == '?') ? 3 : 1;
  uint32_t mask = 0;
  int depth = 0, set = 0;
  for (size_t i = a; i <= end; i++) {
    if (i < end) {
      if (p[i] == '\\') {
        i++;
        continue;
      }
      if (p[i] == '[') set++;
      else if (p[i] == ']' && set > 0) set--;
      if (set) continue;
      if (p[i] == '(') depth++;
      else if (p[i] == ')') depth--;
      if (depth || p[i] != '|') continue;
    }
    uint32_t m = S_first_letters(p + a, i - a);
    if (!m) return 0;
    mask |= m;
    a = i + 1;
  }
  if (optional) {
    /* "(also )?te ...": either the group's letters or what follows. */
    uint32_t rest = S_first_letters(p + end + 2, n - end - 2);
    return rest ? mask | rest : 0;
  }
  return mask;
}

/* Read the pattern file into the buckets' sources (no ICU work yet). */
static void S_prepare(S_rules *r) {
  size_t len = 0;
  const char *d = plx__data_get(r->file, &len);
  if (!d) {
    r->status = PLX_ERR_DATA;
    snprintf(r->message, sizeof r->message, "%s: data file missing from the library", r->file);
    return;
  }
  for (size_t i = 0; i < len;) {
    const char *nl = memchr(d + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - d) : len, s = i;
    i = e + 1;
    while (s < e && (d[s] == ' ' || d[s] == '\t')) s++;
    while (e > s && (d[e - 1] == ' ' || d[e - 1] == '\t' || d[e - 1] == '\r')) e--;
    if (s == e || d[s] == '#') continue;
    uint32_t letters = S_first_letters(d + s, e - s);
    for (int k = 0; k < S_NBUCKETS; k++) {
      if (letters ? k == S_ANY || !((letters >> k) & 1) : k != S_ANY) continue;
      plx__buf *src = &r->source[k];
      if (src->len) plx__buf_putc(src, '|');
      plx__buf_puts(src, "(?:");
      S_put_uncaptured(src, d + s, e - s);
      plx__buf_putc(src, ')');
    }
  }
}

/* When a bucket does not compile, the line at fault, for the message. */
static void S_blame(S_rules *r) {
  size_t len = 0;
  const char *d = plx__data_get(r->file, &len);
  size_t lineno = 0;
  for (size_t i = 0; d && i < len;) {
    const char *nl = memchr(d + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - d) : len, s = i;
    i = e + 1;
    lineno++;
    while (s < e && (d[s] == ' ' || d[s] == '\t')) s++;
    while (e > s && (d[e - 1] == ' ' || d[e - 1] == '\t' || d[e - 1] == '\r')) e--;
    if (s == e || d[s] == '#') continue;
    UParseError pe;
    UErrorCode uerr = U_ZERO_ERROR;
    URegularExpression *one = S_open(d + s, e - s, &pe, &uerr);
    if (!one) {
      snprintf(r->message, sizeof r->message, "%s:%zu: invalid pattern (%s, offset %d)", r->file,
               lineno, u_errorName(uerr), (int)pe.offset);
      return;
    }
    uregex_close(one);
  }
}

/* plx_cleanup: the compiled buckets (compiled again on next need). */
void plx__kinds_cleanup(void) {
  pthread_mutex_lock(&S_compile_lock);
  for (size_t i = 0; i < S_NRULES; i++)
    for (int k = 0; k < S_NBUCKETS; k++) {
      uregex_close(S_rules_by_lang[i].re[k]);
      S_rules_by_lang[i].re[k] = NULL;
    }
  pthread_mutex_unlock(&S_compile_lock);
}

/* Bucket k of r, compiled on first need (under a lock: documents of one
 * language may be read by several threads). NULL when the bucket is
 * empty or does not compile (r->status then says why). */
static URegularExpression *S_bucket(S_rules *r, int k) {
  if (!r->source[k].len) return NULL;
  pthread_mutex_lock(&S_compile_lock);
  if (!r->re[k] && r->status == PLX_OK) {
    UParseError pe;
    UErrorCode uerr = U_ZERO_ERROR;
    r->re[k] = S_open(r->source[k].data, r->source[k].len, &pe, &uerr);
    if (!r->re[k]) {
      r->status = PLX_ERR_DATA;
      snprintf(r->message, sizeof r->message, "%s: patterns do not combine (%s, offset %d)",
               r->file, u_errorName(uerr), (int)pe.offset);
      S_blame(r);
    }
  }
  URegularExpression *re = r->re[k];
  pthread_mutex_unlock(&S_compile_lock);
  return re;
}

/* Does the normal form p[0,n) match one of the patterns (clones in re)?
 * Returns 1 or 0, or -1 with uerr set if ICU fails. */
static int S_furniture(S_rules *rules, URegularExpression **re, const UChar *p, size_t n,
                       UErrorCode *uerr) {
  UChar c = p[0];
  if (c >= 'A' && c <= 'Z') c = (UChar)(c + 32);
  int tries[2] = {c >= 'a' && c <= 'z' ? c - 'a' : -1, S_ANY};
  for (int t = 0; t < 2; t++) {
    if (tries[t] < 0 || !rules->source[tries[t]].len) continue;
    if (!re[tries[t]]) {
      /* this call's own clone of the bucket, with a time limit */
      URegularExpression *shared = S_bucket(rules, tries[t]);
      if (!shared) {
        *uerr = U_REGEX_INTERNAL_ERROR;
        return -2;
      }
      re[tries[t]] = uregex_clone(shared, uerr);
      if (U_SUCCESS(*uerr)) uregex_setTimeLimit(re[tries[t]], S_REGEX_STEPS, uerr);
      if (U_FAILURE(*uerr)) return -1;
    }
    URegularExpression *one = re[tries[t]];
    uregex_setText(one, p, (int32_t)n, uerr);
    UBool m = U_SUCCESS(*uerr) && uregex_matches(one, -1, uerr);
    if (*uerr == U_REGEX_TIME_OUT || *uerr == U_REGEX_STACK_OVERFLOW) {
      *uerr = U_ZERO_ERROR; /* a runaway pattern means no match */
      m = 0;
    }
    if (U_FAILURE(*uerr)) return -1;
    if (m) return 1;
  }
  return 0;
}

static void S_prepare_all(void) {
  for (size_t i = 0; i < S_NRULES; i++) S_prepare(&S_rules_by_lang[i]);
}

plx_status plx__kinds_check(const char *lang, plx_error *err) {
  pthread_once(&S_once, S_prepare_all);
  for (size_t i = 0; i < S_NRULES; i++) {
    S_rules *r = &S_rules_by_lang[i];
    if (strcmp(lang, r->lang)) continue;
    for (int k = 0; k < S_NBUCKETS && r->status == PLX_OK; k++) S_bucket(r, k);
    if (r->status) return plx__fail(err, r->status, "%s", r->message);
    return PLX_OK;
  }
  return plx__fail(err, PLX_ERR_LANGUAGE, "no sentence kinds for language '%s'", lang);
}

/* ---- Sentence facts ---- */

typedef struct S_info {
  size_t ts, te;   /* the span without surrounding white space */
  size_t words;    /* runs of letters and digits */
  size_t para;     /* paragraph number (blank lines separate paragraphs) */
  int letters;     /* has at least one letter */
  int whole_line;  /* alone on its line(s), and on one line only */
  int final_punct; /* ends in . ! ? … : ; before closing quotes/brackets */
  int exclaim;     /* ... and that mark is ! or ? */
  int boiler, dup, heading, content;
  size_t dup_of;
} S_info;

/* Horizontal white space, as far as lines go (a BOM counts: it is kept in
 * the text before the first line). */
static int S_hspace(uint32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  return c != 0x2028 && c != 0x2029 && (c == 0xFEFF || u_isUWhiteSpace((UChar32)c));
}

static int S_newline(uint32_t c) { return c == '\n' || c == 0x2028 || c == 0x2029; }

static int S_whole_line(const char *t, size_t len, size_t s, size_t e) {
  if (memchr(t + s, '\n', e - s)) return 0;
  size_t j = s;
  while (j > 0) {
    uint32_t c = plx__utf8_prev(t, &j);
    if (S_newline(c)) break;
    if (!S_hspace(c)) return 0;
  }
  for (size_t k = e; k < len;) {
    uint32_t c = plx__utf8_next(t, len, &k);
    if (S_newline(c)) break;
    if (!S_hspace(c)) return 0;
  }
  return 1;
}

static int S_closing(uint32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == 0x201D ||
         c == 0x2019 || c == 0xBB || c == 0x203A;
}

/* 0: no final punctuation; 1: . … : ; and the like; 2: ! or ? */
static int S_final(const char *t, size_t s, size_t e) {
  size_t k = e;
  while (k > s) {
    uint32_t c = plx__utf8_prev(t, &k);
    if (S_closing(c)) continue;
    if (c == '!' || c == '?' || c == 0x203D || c == 0xFF01 || c == 0xFF1F) return 2;
    if (c == '.' || c == 0x2026 || c == ':' || c == ';' || c == 0x3002 || c == 0xFF0E) return 1;
    return 0;
  }
  return 0;
}

/* Is t[s,e) on one line of at most S_SHORT_LINE bytes? line_start: where
 * the line holding s starts (found by the caller, which walks the text
 * once). Body paragraphs make long lines. */
static int S_short_line(const char *t, size_t len, size_t line_start, size_t s, size_t e) {
  if (e - s > S_SHORT_LINE || memchr(t + s, '\n', e - s)) return 0;
  if (s - line_start > S_SHORT_LINE - (e - s)) return 0;
  size_t room = S_SHORT_LINE - (e - s) - (s - line_start);
  size_t fwd = len - e < room ? len - e : room;
  if (fwd && memchr(t + e, '\n', fwd)) return 1;
  size_t b = e + fwd;
  return b == len || t[b] == '\n';
}

/* Does the gap between two sentences hold a blank line? */
static int S_blank_between(const char *t, size_t a, size_t b) {
  int nl = 0;
  for (size_t k = a; k < b;) {
    uint32_t c = plx__utf8_next(t, b, &k);
    if (c == '\n') {
      if (++nl >= 2) return 1;
    } else if (!S_hspace(c)) {
      nl = 0;
    }
  }
  return 0;
}

/* ---- Normal form: trimmed, white space collapsed, no leading bullet, NFC ---- */

typedef struct S_ubuf {
  UChar *p;
  size_t n, cap;
} S_ubuf;

static void S_uput(S_ubuf *b, UChar32 c) {
  if (b->n + 2 > b->cap) plx__grow((void **)&b->p, &b->cap, b->n + 2, sizeof *b->p);
  if (c <= 0xFFFF) {
    b->p[b->n++] = (UChar)c;
  } else {
    b->p[b->n++] = U16_LEAD(c);
    b->p[b->n++] = U16_TRAIL(c);
  }
}

static int S_bullet(UChar c) {
  switch (c) {
  case 0x2022: case 0x25E6: case 0x25AA: case 0x25AB: case 0x2023: case 0x2043:
  case 0x00B7: case 0x2219: case 0x25CF: case 0x25CB: case 0x25A0: case 0x25A1:
  case 0x25BA: case 0x25B6: case 0x2013: case 0x2014: case 0x00BB: case 0x2192:
  case 0x2794: case 0x27A4: case 0x2713: case 0x2714:
  case '-': case '*': case '+': case '>':
    return 1;
  }
  return 0;
}

/* Length of a list marker at the start of p[0,n) followed by a space:
 * a bullet; for list items also "1." "2)" "(a)" "b." */
static size_t S_marker(const UChar *p, size_t n, int list) {
  if (n >= 2 && S_bullet(p[0]) && p[1] == ' ') return 2;
  if (!list) return 0;
  size_t i = 0;
  if (i < n && p[i] == '(') i++;
  size_t d = i;
  while (i < n && i - d < 3 && p[i] >= '0' && p[i] <= '9') i++;
  if (i == d && i < n && ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z'))) i++;
  if (i == d || i >= n || (p[i] != '.' && p[i] != ')')) return 0;
  i++;
  return i < n && p[i] == ' ' ? i + 1 : 0;
}

/* Builds the normal form of t[s,e) in out (which it empties first). */
static void S_normalise(const char *t, size_t s, size_t e, int list, S_ubuf *tmp,
                        S_ubuf *out) {
  tmp->n = 0;
  int space = 0, ascii = 1;
  plx__grow((void **)&tmp->p, &tmp->cap, e - s + 2, sizeof *tmp->p);
  for (size_t k = s; k < e;) {
    uint32_t c;
    if ((unsigned char)t[k] < 0x80) {
      c = (unsigned char)t[k++];
    } else {
      c = plx__utf8_next(t, e, &k);
      ascii = 0;
    }
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    if (S_hspace(c) || S_newline(c) || c == 0x200B) {
      space = tmp->n > 0;
      continue;
    }
    if (space) S_uput(tmp, ' ');
    space = 0;
    S_uput(tmp, (UChar32)c);
  }
  size_t m = S_marker(tmp->p, tmp->n, list);
  out->n = 0;
  plx__grow((void **)&out->p, &out->cap, tmp->n - m + 1, sizeof *out->p);
  UErrorCode uerr = U_ZERO_ERROR;
  const UChar *src = tmp->p + m;
  int32_t sn = (int32_t)(tmp->n - m);
  /* ASCII is already NFC: skip ICU for most English text. */
  const UNormalizer2 *nfc = ascii ? NULL : unorm2_getNFCInstance(&uerr);
  if (nfc && U_SUCCESS(uerr) && sn > 0 && !unorm2_isNormalized(nfc, src, sn, &uerr) &&
      U_SUCCESS(uerr)) {
    int32_t need = unorm2_normalize(nfc, src, sn, NULL, 0, &uerr);
    uerr = U_ZERO_ERROR;
    plx__grow((void **)&out->p, &out->cap, (size_t)need + 1, sizeof *out->p);
    need = unorm2_normalize(nfc, src, sn, out->p, (int32_t)out->cap, &uerr);
    if (U_SUCCESS(uerr)) {
      out->n = (size_t)need;
      return;
    }
  }
  /* Already NFC (the usual case), or ICU failed: the text as it is. */
  if (sn > 0) memcpy(out->p, src, (size_t)sn * sizeof *src);
  out->n = (size_t)(sn > 0 ? sn : 0);
}

static void S_count_words(const S_ubuf *b, S_info *in) {
  size_t words = 0;
  int inword = 0, letters = 0;
  for (int32_t i = 0; i < (int32_t)b->n;) {
    UChar32 c;
    U16_NEXT(b->p, i, (int32_t)b->n, c);
    int alnum, alpha;
    if (c < 0x80) { /* ASCII without a property lookup: most of the text */
      alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      alnum = alpha || (c >= '0' && c <= '9');
    } else {
      alnum = u_isalnum(c) || (inword && (U_GET_GC_MASK(c) & U_GC_M_MASK));
      alpha = alnum && u_isalpha(c);
    }
    if (alnum) {
      if (!inword) words++;
      inword = 1;
      if (alpha) letters = 1;
    } else {
      inword = 0;
    }
  }
  in->words = words;
  in->letters = letters;
}

/* FNV-1a, 64 bits, over UTF-16 code units: the key of a normal form. */
#define S_FNV_INIT 14695981039346656037ull
#define S_FNV(h, c) (((h) ^ (uint64_t)(c)) * 1099511628211ull)

static uint64_t S_hash(const UChar *p, size_t n) {
  uint64_t h = S_FNV_INIT;
  for (size_t i = 0; i < n; i++) h = S_FNV(h, p[i]);
  return h;
}

/* Code points whose full case folding is not a single code point (ß → ss,
 * ŉ, ǰ, ΐ, ligatures...): the fast path leaves them to ICU. */
static int S_special_fold(uint32_t c) {
  return c == 0xDF || c == 0x130 || c == 0x149 || c == 0x1F0 || c == 0x390 || c == 0x3B0 ||
         c == 0x587 || (c >= 0x1E96 && c <= 0x1E9E) || (c >= 0x1F50 && c <= 0x1FFF) ||
         (c >= 0xFB00 && c <= 0xFB17);
}

/* Reading a span as its case-folded normal form, one code point at a time,
 * without building it: white space collapsed and trimmed, letters folded one
 * by one, which equals ICU's full folding except for the few
 * S_special_fold code points. The reader gives up (S_NF_SLOW) on text that
 * may not be NFC (combining marks), on those code points, on characters
 * beyond U+FFFF, on a list item and on a leading bullet, where S_normalise
 * and S_fold must do the work. */
typedef struct S_nf {
  const char *t;
  size_t k, e;
  int pending_space, started;
} S_nf;

enum { S_NF_END = -1, S_NF_SLOW = -2 };

static int S_nf_start(S_nf *r, const char *t, size_t s, size_t e, int list) {
  if (list) return 0;
  if (s + 1 < e && t[s + 1] == ' ' && S_bullet((UChar)(unsigned char)t[s])) return 0;
  r->t = t;
  r->k = s;
  r->e = e;
  r->pending_space = r->started = 0;
  return 1;
}

/* The next code point of the normal form (a space for a run of white
 * space), S_NF_END, or S_NF_SLOW. *alnum and *alpha describe it. */
static inline __attribute__((always_inline)) int32_t S_nf_next(S_nf *r, int *alnum,
                                                                 int *alpha) {
  while (r->k < r->e) {
    uint32_t c = (unsigned char)r->t[r->k];
    int blank;
    size_t next = r->k + 1;
    if (c < 0x80) {
      blank = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
      if (c >= 'A' && c <= 'Z') c += 32;
      *alpha = c >= 'a' && c <= 'z';
      *alnum = *alpha || (c >= '0' && c <= '9');
    } else {
      next = r->k;
      c = plx__utf8_next(r->t, r->e, &next);
      if (c > 0xFFFF || S_special_fold(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK)) return S_NF_SLOW;
      if (!r->started && S_bullet((UChar)c)) return S_NF_SLOW;
      blank = c == 0x2028 || c == 0x2029 || c == 0x200B || c == 0xFEFF || u_isUWhiteSpace((UChar32)c);
      c = (uint32_t)u_foldCase((UChar32)c, U_FOLD_CASE_DEFAULT);
      *alnum = u_isalnum((UChar32)c);
      *alpha = *alnum && u_isalpha((UChar32)c);
    }
    if (blank) {
      r->pending_space = r->started;
      r->k = next;
      continue;
    }
    if (r->pending_space) { /* give the space first, the letter next time */
      r->pending_space = 0;
      *alnum = *alpha = 0;
      return ' ';
    }
    r->started = 1;
    r->k = next;
    return (int32_t)c;
  }
  return S_NF_END;
}

/* The key (hash and length of the normal form) and word count of a span in
 * one pass: the same result as S_normalise, S_count_words, S_fold and
 * S_hash, which is what lets both kinds of key meet in one table. Returns 0
 * when the slow path must do it. */
/* What S_nf_next makes of each byte, for the ASCII loop below: the folded
 * character in the low byte, and flags. */
enum { S_F_BLANK = 1 << 8, S_F_ALNUM = 1 << 9, S_F_ALPHA = 1 << 10, S_F_HIGH = 1 << 11 };
static uint16_t S_cls[256];
static pthread_once_t S_cls_once = PTHREAD_ONCE_INIT;
static void S_cls_init(void) {
  for (int c = 0; c < 256; c++) {
    int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
    int alpha = lower >= 'a' && lower <= 'z', digit = c >= '0' && c <= '9';
    int blank = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    S_cls[c] = (uint16_t)(c >= 0x80 ? S_F_HIGH
                                    : lower | (blank ? S_F_BLANK : 0) |
                                          (alpha || digit ? S_F_ALNUM : 0) | (alpha ? S_F_ALPHA : 0));
  }
}

/* S_fast_key for ASCII text, a byte at a time from a table; 0 when the
 * span has a byte beyond ASCII (the reader below does it then). */
static int S_ascii_key(const char *t, size_t s, size_t e, uint64_t *hash, size_t *len,
                       S_info *in) {
  uint64_t h = S_FNV_INIT;
  size_t n = 0, words = 0;
  unsigned inword = 0, seen = 0, pending = 0, started = 0;
  for (size_t k = s; k < e; k++) {
    unsigned x = S_cls[(unsigned char)t[k]];
    if (x & (S_F_HIGH | S_F_BLANK)) {
      if (x & S_F_HIGH) return 0;
      pending = started;
      continue;
    }
    if (pending) {
      h = S_FNV(h, ' ');
      n++;
      inword = 0;
      pending = 0;
    }
    started = 1;
    h = S_FNV(h, x & 0xFF);
    n++;
    unsigned alnum = (x >> 9) & 1;
    words += alnum > inword;
    inword = alnum;
    seen |= x;
  }
  in->words = words;
  in->letters = (seen & S_F_ALPHA) != 0;
  *hash = h;
  *len = n;
  return 1;
}

static int S_fast_key(const char *t, size_t s, size_t e, int list, uint64_t *hash, size_t *len,
                      S_info *in) {
  S_nf r;
  if (!S_nf_start(&r, t, s, e, list)) return 0;
  pthread_once(&S_cls_once, S_cls_init);
  if (S_ascii_key(t, s, e, hash, len, in)) return 1;
  uint64_t h = S_FNV_INIT;
  size_t n = 0, words = 0;
  int inword = 0, letters = 0, alnum, alpha;
  int32_t c;
  while ((c = S_nf_next(&r, &alnum, &alpha)) >= 0) {
    h = S_FNV(h, (uint32_t)c);
    n++;
    if (alnum) {
      words += !inword;
      inword = 1;
      letters |= alpha;
    } else {
      inword = 0;
    }
  }
  if (c == S_NF_SLOW) return 0;
  in->words = words;
  in->letters = letters;
  *hash = h;
  *len = n;
  return 1;
}

/* Do two spans have the same normal form? -1 when the slow path must say. */
static int S_fast_equal(const char *t, const S_info *a, int alist, const S_info *b, int blist) {
  S_nf ra, rb;
  if (!S_nf_start(&ra, t, a->ts, a->te, alist) || !S_nf_start(&rb, t, b->ts, b->te, blist))
    return -1;
  int x1, x2;
  for (;;) {
    int32_t ca = S_nf_next(&ra, &x1, &x2), cb = S_nf_next(&rb, &x1, &x2);
    if (ca == S_NF_SLOW || cb == S_NF_SLOW) return -1;
    if (ca != cb) return 0;
    if (ca == S_NF_END) return 1;
  }
}

/* ---- Repeats: a hash table of keys; equal keys are confirmed by
 * comparing the two normal forms, so a hash collision is never a repeat ---- */

typedef struct S_key {
  uint64_t hash;
  size_t len, id;
} S_key;

typedef struct S_seen {
  S_key *keys;
  size_t nkeys, keycap;
  size_t *slots; /* key index + 1; 0 is empty */
  size_t nslots;
} S_seen;

/* Returns the id of an earlier sentence with the same key, or records this
 * one and returns SIZE_MAX. */
static size_t S_seen_add(S_seen *st, uint64_t h, size_t n, size_t id) {
  size_t mask = st->nslots - 1;
  size_t i = (size_t)h & mask;
  for (; st->slots[i]; i = (i + 1) & mask) {
    const S_key *k = &st->keys[st->slots[i] - 1];
    if (k->hash == h && k->len == n) return k->id;
  }
  S_key k = {h, n, id};
  PLX__PUSH(st->keys, st->nkeys, st->keycap, k);
  st->slots[i] = st->nkeys;
  return SIZE_MAX;
}

static int S_fold(const S_ubuf *in, S_ubuf *out) {
  size_t k = 0;
  while (k < in->n && in->p[k] < 0x80) k++;
  if (k == in->n) { /* ASCII: folding is lower-casing */
    plx__grow((void **)&out->p, &out->cap, in->n + 1, sizeof *out->p);
    for (k = 0; k < in->n; k++)
      out->p[k] = (in->p[k] >= 'A' && in->p[k] <= 'Z') ? (UChar)(in->p[k] + 32) : in->p[k];
    out->n = in->n;
    return 1;
  }
  UErrorCode uerr = U_ZERO_ERROR;
  int32_t need = u_strFoldCase(out->p, (int32_t)out->cap, in->p, (int32_t)in->n,
                               U_FOLD_CASE_DEFAULT, &uerr);
  if (uerr == U_BUFFER_OVERFLOW_ERROR || (int32_t)out->cap <= need) {
    plx__grow((void **)&out->p, &out->cap, (size_t)need + 1, sizeof *out->p);
    uerr = U_ZERO_ERROR;
    need = u_strFoldCase(out->p, (int32_t)out->cap, in->p, (int32_t)in->n,
                         U_FOLD_CASE_DEFAULT, &uerr);
  }
  if (U_FAILURE(uerr)) return 0;
  out->n = (size_t)need;
  return 1;
}

/* Do two sentences have the same case-folded normal form? Called only when
 * their keys agree, to rule out a hash collision. */
static int S_same_form(const char *t, const S_info *a, int alist, const S_info *b, int blist,
                       S_ubuf *tmp, S_ubuf *norm, S_ubuf *fa, S_ubuf *fb) {
  /* the same bytes have the same normal form (a repeated line, the usual
   * repeat): no need to read them one by one */
  if (alist == blist && a->te - a->ts == b->te - b->ts &&
      memcmp(t + a->ts, t + b->ts, a->te - a->ts) == 0)
    return 1;
  int fast = S_fast_equal(t, a, alist, b, blist);
  if (fast >= 0) return fast;
  S_normalise(t, a->ts, a->te, alist, tmp, norm);
  if (!S_fold(norm, fa)) return 0;
  S_normalise(t, b->ts, b->te, blist, tmp, norm);
  if (!S_fold(norm, fb)) return 0;
  return fa->n == fb->n && memcmp(fa->p, fb->p, fa->n * sizeof *fa->p) == 0;
}

/* ---- The rules ---- */

static int S_caption_like(const S_info *in) {
  return in->whole_line && in->letters && in->words <= S_CAPTION_WORDS;
}

plx_status plx__kinds_assign(const char *lang, const char *text, size_t len, plx_sentence *s,
                             size_t n, int from_markup, plx_error *err) {
  S_rules *rules = NULL;
  for (size_t i = 0; i < S_NRULES; i++)
    if (lang && strcmp(lang, S_rules_by_lang[i].lang) == 0) rules = &S_rules_by_lang[i];
  if (!rules)
    return plx__fail(err, PLX_ERR_LANGUAGE, "no sentence kinds for language '%s'",
                     lang ? lang : "(none)");
  if (n == 0) return PLX_OK;
  if (!text || !s) return plx__fail(err, PLX_ERR_USAGE, "no text or no sentences");
  for (size_t i = 0; i < n; i++)
    if (s[i].start > s[i].end || s[i].end > len)
      return plx__fail(err, PLX_ERR_USAGE, "sentence %zu spans [%zu, %zu), outside the text (%zu bytes)",
                       i, s[i].start, s[i].end, len);
  pthread_once(&S_once, S_prepare_all);
  if (rules->status) return plx__fail(err, rules->status, "%s", rules->message);

  /* this call's clones of the buckets, made as sentences need them */
  URegularExpression *re[S_NBUCKETS] = {NULL};
  int have_re = 0;
  for (int k = 0; k < S_NBUCKETS; k++) have_re |= rules->source[k].len > 0;

  S_info *info = plx__calloc(n, sizeof *info);
  S_ubuf tmp = {0}, norm = {0}, folded = {0}, other = {0};
  S_seen seen = {0};
  seen.nslots = 16;
  while (seen.nslots < 2 * n) seen.nslots *= 2;
  seen.slots = plx__calloc(seen.nslots, sizeof *seen.slots);
  plx_status st = PLX_OK;

  /* Facts, and boilerplate. An incoming DUPLICATE is worked out afresh. */
  int have_title = 0;
  size_t line_start = 0, nl_from = 0;
  for (size_t i = 0; i < n; i++) {
    S_info *in = &info[i];
    if (s[i].kind == PLX_KIND_DUPLICATE) s[i].kind = PLX_KIND_TEXT;
    if (s[i].kind == PLX_KIND_TITLE) have_title = 1;
    in->ts = s[i].start;
    in->te = s[i].end;
    while (in->ts < in->te) {
      size_t k = in->ts;
      uint32_t c = plx__utf8_next(text, in->te, &k);
      if (!S_hspace(c) && !S_newline(c)) break;
      in->ts = k;
    }
    while (in->te > in->ts) {
      size_t k = in->te;
      uint32_t c = plx__utf8_prev(text, &k);
      if (!S_hspace(c) && !S_newline(c)) break;
      in->te = k;
    }
    in->whole_line = in->te > in->ts && S_whole_line(text, len, in->ts, in->te);
    in->final_punct = S_final(text, in->ts, in->te);
    in->exclaim = in->final_punct == 2;
    if (i > 0) in->para = info[i - 1].para + S_blank_between(text, info[i - 1].te, in->ts);
    int list = s[i].kind == PLX_KIND_LIST;
    /* Most sentences get their key and word count in one pass (S_fast_key);
     * the rest, and lines that may be site furniture, take the full normal
     * form. */
    /* the start of the line holding ts: sentences come in order, so the
     * line breaks are found by one forward walk over the text */
    for (const char *nl; nl_from < in->ts && (nl = memchr(text + nl_from, '\n', in->ts - nl_from));)
      line_start = nl_from = (size_t)(nl - text) + 1;
    if (nl_from < in->ts) nl_from = in->ts;
    int candidate = in->whole_line || S_short_line(text, len, line_start, in->ts, in->te);
    uint64_t key = 0;
    size_t keylen = 0;
    int have_key = !candidate && S_fast_key(text, in->ts, in->te, list, &key, &keylen, in);
    if (!have_key) {
      S_normalise(text, in->ts, in->te, list, &tmp, &norm);
      S_count_words(&norm, in);
    }
    in->boiler = s[i].kind == PLX_KIND_BOILERPLATE;
    /* Site furniture stands on a line of its own (a paragraph, a list item,
     * an HTML block), or shares a short one ("(c) 2020 Example. All rights
     * reserved."); testing only such lines keeps ICU's backtracking
     * matcher off the body text, where it cost 80 % of the run time. */
    if (have_re && candidate && !in->boiler && norm.n > 0 && norm.n <= S_BOILER_MAX) {
      UErrorCode uerr = U_ZERO_ERROR;
      int m = S_furniture(rules, re, norm.p, norm.n, &uerr);
      if (m == -2) {
        st = plx__fail(err, rules->status, "%s", rules->message);
        goto done;
      }
      if (m < 0) {
        st = plx__fail(err, PLX_ERR_INTERNAL, "ICU regular expression: %s", u_errorName(uerr));
        goto done;
      }
      in->boiler = m;
    }
    /* Repeats: keyed by the case-folded normal form; furniture and
     * sentences without a letter or digit are not compared. */
    if (!in->boiler && in->words > 0) {
      if (!have_key) {
        if (!S_fold(&norm, &folded)) {
          st = plx__fail(err, PLX_ERR_INTERNAL, "ICU case folding failed");
          goto done;
        }
        key = S_hash(folded.p, folded.n);
        keylen = folded.n;
      }
      size_t first = S_seen_add(&seen, key, keylen, i);
      if (first != SIZE_MAX &&
          !S_same_form(text, &info[first], s[first].kind == PLX_KIND_LIST, in, list, &tmp, &norm,
                       &folded, &other))
        first = SIZE_MAX; /* a hash collision, not a repeat */
      if (first != SIZE_MAX) {
        in->dup = 1;
        in->dup_of = first;
      }
    }
  }

  /* The title of a plain-text article: its first line, if it reads like
   * one. A question or exclamation may be a title when it stands alone. */
  size_t title = SIZE_MAX;
  if (!from_markup && !have_title) {
    size_t i = 0;
    while (i < n && (info[i].boiler || !info[i].letters)) i++;
    if (i < n) {
      const S_info *in = &info[i];
      int alone = i + 1 < n && info[i + 1].para != in->para;
      if (s[i].kind == PLX_KIND_TEXT && in->whole_line && in->words <= S_TITLE_WORDS &&
          (!in->final_punct || (in->exclaim && alone)))
        title = i;
    }
  }

  /* Short repeats are kept unless they repeat the title. */
  for (size_t i = 0; i < n; i++) {
    S_info *in = &info[i];
    if (!in->dup || in->words >= S_DUP_WORDS) continue;
    size_t f = in->dup_of;
    if (f != title && s[f].kind != PLX_KIND_TITLE) in->dup = 0;
  }

  /* Headings: short lines without final punctuation that introduce
   * something (a last line introduces nothing). */
  if (!from_markup) {
    int later = 0; /* is some prose after i? */
    for (size_t i = n; i-- > 0;) {
      S_info *in = &info[i];
      int plain = s[i].kind == PLX_KIND_TEXT && !in->boiler && !in->dup && i != title;
      if (plain && later && in->whole_line && !in->final_punct && in->letters &&
          in->words <= S_HEADING_WORDS)
        in->heading = 1;
      if (!in->boiler && !in->dup) later = 1;
      in->content = plain && !in->heading;
    }
  }

  /* Captions: short lines between the title and the body, which starts
   * with the first paragraph of prose (two sentences, or many words) or
   * the first sentence too long for a caption. Lists, headings and repeats
   * in between are passed over. Without a title or a body in sight there
   * is nothing to stand between, so no captions. */
  size_t caption_end = 0;
  for (size_t i = title + 1; title != SIZE_MAX && i < n && !caption_end;) {
    size_t p = info[i].para, j = i, count = 0, words = 0;
    for (; j < n && info[j].para == p; j++)
      if (info[j].content) {
        count++;
        words += info[j].words;
      }
    int body = count >= S_BODY_SENTENCES || words >= S_BODY_WORDS;
    for (; i < j; i++)
      if (info[i].content && (body || !S_caption_like(&info[i]))) {
        caption_end = i;
        break;
      }
    i = j;
  }
  for (size_t i = title + 1; i < caption_end; i++)
    if (info[i].content) s[i].kind = PLX_KIND_CAPTION;

  for (size_t i = 0; i < n; i++) {
    const S_info *in = &info[i];
    s[i].duplicate_of = 0;
    if (in->boiler) s[i].kind = PLX_KIND_BOILERPLATE;
    else if (in->dup) {
      s[i].kind = PLX_KIND_DUPLICATE;
      s[i].duplicate_of = in->dup_of;
    } else if (i == title) s[i].kind = PLX_KIND_TITLE;
    else if (in->heading) s[i].kind = PLX_KIND_HEADING;
  }

done:
  for (int k = 0; k < S_NBUCKETS; k++) uregex_close(re[k]);
  free(info);
  free(tmp.p);
  free(norm.p);
  free(folded.p);
  free(other.p);
  free(seen.keys);
  free(seen.slots);
  return st;
}
