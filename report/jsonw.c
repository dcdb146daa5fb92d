/* jsonw.c: JSON written as it is produced, for the reports.
 *
 * The reports are large (every sentence's text, every fact, every aligned
 * word) and written once. Building them as a jansson tree, serialising it
 * and freeing it cost more than the comparison itself, so they are written
 * straight into a buffer here, byte for byte as jansson's compact
 * serialisation would write them (the same escapes, "%.6g" reals with a
 * ".0" kept and exponents without '+' or leading zeros), so that readers,
 * the schema and the tests see no difference. jansson still reads the
 * batch jobs. */
#include "report_internal.h"

#include <stdio.h>
#include <string.h>

void plx__jw_init(plx__jw *w, plx__buf *b) {
  memset(w, 0, sizeof *w);
  w->b = b;
}

/* A comma before every value but the first of its container. */
static void S_sep(plx__jw *w) {
  if (w->key) {
    w->key = 0;
    return;
  }
  if (w->depth > 0) {
    if (w->count[w->depth - 1]++) plx__buf_putc(w->b, ',');
  }
}

static void S_open(plx__jw *w, char c) {
  S_sep(w);
  plx__buf_putc(w->b, c);
  if (w->depth < PLX__JW_DEPTH) w->count[w->depth] = 0;
  w->depth++;
}

static void S_close(plx__jw *w, char c) {
  w->depth--;
  plx__buf_putc(w->b, c);
}

void plx__jw_object(plx__jw *w) { S_open(w, '{'); }
void plx__jw_object_end(plx__jw *w) { S_close(w, '}'); }
void plx__jw_array(plx__jw *w) { S_open(w, '['); }
void plx__jw_array_end(plx__jw *w) { S_close(w, ']'); }

/* jansson's escapes: quote, backslash, the five short control escapes,
 * other control characters as \uXXXX; everything else as it is. Bytes
 * that are not UTF-8 (the caller's promise broken) become U+FFFD, so that
 * the output stays valid JSON. */
/* The length of the valid UTF-8 sequence at s[0, n) (its first byte at
 * least 0x80), or 0 when it is not valid. */
static size_t S_utf8_len(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (!len || len > n || c > 0xF4) return 0;
  for (size_t k = 1; k < len; k++)
    if ((s[k] & 0xC0) != 0x80) return 0;
  unsigned c1 = s[1];
  if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) ||
      (c == 0xF4 && c1 >= 0x90))
    return 0;
  return len;
}

/* jansson's escapes: quote, backslash, the five short control escapes,
 * other control characters as \uXXXX; everything else as it is. Bytes
 * that are not UTF-8 (the caller's promise broken) become U+FFFD, so that
 * the output stays valid JSON. Runs that need nothing are copied whole. */
static void S_string(plx__buf *b, const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  plx__grow((void **)&b->data, &b->cap, b->len + n + 3, 1);
  b->data[b->len++] = '"';
  size_t run = 0; /* start of the bytes copied as they are */
  for (size_t i = 0; i < n;) {
    unsigned char c = u[i];
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      i++;
      continue;
    }
    if (c >= 0x80) {
      size_t len = S_utf8_len(u + i, n - i);
      if (len) {
        i += len;
        continue;
      }
      plx__buf_put(b, s + run, i - run);
      plx__buf_puts(b, "\xEF\xBF\xBD");
      i++;
      run = i;
      continue;
    }
    plx__buf_put(b, s + run, i - run);
    char esc[8];
    switch (c) {
    case '"': plx__buf_put(b, "\\\"", 2); break;
    case '\\': plx__buf_put(b, "\\\\", 2); break;
    case '\b': plx__buf_put(b, "\\b", 2); break;
    case '\f': plx__buf_put(b, "\\f", 2); break;
    case '\n': plx__buf_put(b, "\\n", 2); break;
    case '\r': plx__buf_put(b, "\\r", 2); break;
    case '\t': plx__buf_put(b, "\\t", 2); break;
    default:
      snprintf(esc, sizeof esc, "\\u%04X", c);
      plx__buf_put(b, esc, 6);
      break;
    }
    i++;
    run = i;
  }
  plx__buf_put(b, s + run, n - run);
  plx__buf_putc(b, '"');
}

/* Keys are the program's own names, plain ASCII: written as they are. */
void plx__jw_key(plx__jw *w, const char *k) {
  S_sep(w);
  size_t n = strlen(k);
  plx__grow((void **)&w->b->data, &w->b->cap, w->b->len + n + 4, 1);
  char *o = w->b->data + w->b->len;
  o[0] = '"';
  memcpy(o + 1, k, n);
  o[n + 1] = '"';
  o[n + 2] = ':';
  o[n + 3] = '\0';
  w->b->len += n + 3;
  w->key = 1;
}

void plx__jw_strn(plx__jw *w, const char *s, size_t n) {
  S_sep(w);
  S_string(w->b, s, n);
}

void plx__jw_str(plx__jw *w, const char *s) { plx__jw_strn(w, s, strlen(s)); }

void plx__jw_int(plx__jw *w, long long v) {
  S_sep(w);
  char t[24];
  size_t k = sizeof t;
  unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
  do {
    t[--k] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (v < 0) t[--k] = '-';
  plx__buf_put(w->b, t + k, sizeof t - k);
}

void plx__jw_real(plx__jw *w, double v) {
  S_sep(w);
  char t[64];
  snprintf(t, sizeof t, "%.6g", v);
  /* as jansson: a real keeps a point or an exponent, and an exponent has
   * no '+' and no leading zeros */
  if (!strchr(t, '.') && !strchr(t, 'e') && !strchr(t, 'n') && !strchr(t, 'i'))
    strcat(t, ".0");
  char *e = strchr(t, 'e');
  if (e) {
    char *p = e + 1, *q = p;
    if (*q == '+') q++;
    else if (*q == '-') p++, q++;
    while (*q == '0' && q[1]) q++;
    memmove(p, q, strlen(q) + 1);
  }
  plx__buf_puts(w->b, t);
}

void plx__jw_bool(plx__jw *w, int v) {
  S_sep(w);
  plx__buf_puts(w->b, v ? "true" : "false");
}

void plx__jw_null(plx__jw *w) {
  S_sep(w);
  plx__buf_puts(w->b, "null");
}

void plx__jw_raw(plx__jw *w, const char *json, size_t n) {
  S_sep(w);
  plx__buf_put(w->b, json, n);
}
