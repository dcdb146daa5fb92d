/* lines.c: cut plain text into blocks for the segmenter.
 *
 * A blank line always ends a block. A single line break is harder: in news
 * text scraped from the web each line is a paragraph, a heading or a caption,
 * while text from PDFs or e-mail is wrapped at a fixed width and a line break
 * there is just a space. The rules, in order:
 *
 * - a line that ends with final punctuation ends its block (the sentence ends
 *   there anyway, and "Señores:" / "EMBAJADA ..." stay apart);
 * - a line that starts with a list marker or bullet starts a block;
 * - a line that starts in lower case continues the previous one when the
 *   text goes on to a full stop within a few lines ("It was a cold\nnight in
 *   the city."), but not in a list of short unpunctuated lines
 *   ("features\ncontact manager");
 * - any other line break ends a block, unless the whole document looks
 *   hard-wrapped (most lines of similar width, most of them ending without
 *   punctuation), where it is a space.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

typedef struct line {
  size_t s, e; /* content without the line break, trimmed */
  int blank;
} line;

static int S_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/* The line's last visible mark, after closing quotes and brackets. */
static uint32_t S_last_mark(const char *t, const line *l) {
  size_t k = l->e;
  while (k > l->s) {
    size_t j = k;
    uint32_t c = plx__utf8_prev(t, &j);
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB) {
      k = j;
      continue;
    }
    return c;
  }
  return 0;
}

static int S_final(uint32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';' || c == 0xFF0E ||
         c == 0x3002;
}

static int S_full_stop(uint32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }

/* The first letter of the line after opening marks, or 0. */
static uint32_t S_first_letter(const char *t, const line *l) {
  size_t k = l->s;
  while (k < l->e) {
    uint32_t c = plx__utf8_next(t, l->e, &k);
    if (c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 || c == 0xAB)
      continue;
    return c;
  }
  return 0;
}

static int S_list_start(const char *t, const line *l) {
  size_t k = l->s;
  uint32_t c = plx__utf8_next(t, l->e, &k);
  if (c == 0x2022 || c == 0x25E6 || c == 0x25AA || c == 0x2023 || c == 0x2043 || c == 0x25CF ||
      c == 0x25A0 || c == 0x2219)
    return 1;
  if ((c == '-' || c == '*' || c == 0x2013 || c == 0x2014) && k < l->e && t[k] == ' ') return 1;
  /* 1. 1) (a) a) iv) */
  size_t i = l->s;
  if (i < l->e && t[i] == '(') i++;
  size_t d = i;
  while (i < l->e && i - d < 3 && t[i] >= '0' && t[i] <= '9') i++;
  if (i == d)
    while (i < l->e && i - d < 4 && ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z'))) i++;
  if (i == d || i >= l->e) return 0;
  if (t[i] == ')' || (t[i] == '.' && i - d <= 3 && t[d] >= '0' && t[d] <= '9')) {
    i++;
    if (i < l->e && t[i] == ')') i++;
    return i < l->e && t[i] == ' ';
  }
  return 0;
}

void plx__text_blocks(const char *t, size_t len, size_t from, plx__block **blocks, size_t *n,
                      size_t *cap);

void plx__text_blocks(const char *t, size_t len, size_t from, plx__block **blocks, size_t *n,
                      size_t *cap) {
  line *ls = NULL;
  size_t nl = 0, lcap = 0;
  for (size_t i = from; i < len;) {
    const char *nlp = memchr(t + i, '\n', len - i);
    size_t e = nlp ? (size_t)(nlp - t) : len;
    line l = {i, e, 0};
    while (l.s < l.e && S_space((unsigned char)t[l.s])) l.s++;
    while (l.e > l.s && S_space((unsigned char)t[l.e - 1])) l.e--;
    l.blank = l.s == l.e;
    PLX__PUSH(ls, nl, lcap, l);
    i = e + 1;
  }

  /* Is the document hard-wrapped? Look at lines followed by another line of
   * the same paragraph. */
  size_t inner = 0, open = 0, narrow = 0, nonblank = 0;
  for (size_t i = 0; i < nl; i++) {
    if (ls[i].blank) continue;
    nonblank++;
    if (ls[i].e - ls[i].s <= 100) narrow++;
    if (i + 1 < nl && !ls[i + 1].blank) {
      inner++;
      if (!S_final(S_last_mark(t, &ls[i])) && ls[i].e - ls[i].s >= 40) open++;
    }
  }
  int wrapped = inner >= 3 && open * 2 >= inner && narrow * 5 >= nonblank * 4;

  size_t i = 0;
  while (i < nl) {
    if (ls[i].blank) {
      i++;
      continue;
    }
    size_t first = i;
    while (i + 1 < nl && !ls[i + 1].blank) {
      const line *cur = &ls[i], *nx = &ls[i + 1];
      uint32_t last = S_last_mark(t, cur);
      if (S_final(last) || S_list_start(t, nx)) break;
      uint32_t f = S_first_letter(t, nx);
      int join = 0;
      if (f && u_islower((UChar32)f)) {
        /* prose goes on to a full stop within three lines */
        for (size_t k = i + 1; k < nl && k <= i + 3 && !ls[k].blank; k++)
          if (S_full_stop(S_last_mark(t, &ls[k]))) {
            join = 1;
            break;
          }
      }
      if (!join && wrapped && cur->e - cur->s >= 40) join = 1;
      if (!join) break;
      i++;
    }
    plx__block b = {ls[first].s, ls[i].e, PLX_KIND_TEXT};
    PLX__PUSH(*blocks, *n, *cap, b);
    i++;
  }
  free(ls);
}
