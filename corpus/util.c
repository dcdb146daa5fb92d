/* util.c: memory, buffers, errors and UTF-8 helpers shared by all modules. */
#include "internal.h"

#include <errno.h>
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void plx__oom(void) {
  /* One policy for the whole library: like cmark, give up loudly. */
  fputs("parallax: out of memory\n", stderr);
  abort();
}

void *plx__malloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) plx__oom();
  return p;
}

void *plx__calloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) plx__oom();
  return p;
}

void *plx__realloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) plx__oom();
  return q;
}

char *plx__strndup(const char *s, size_t n) {
  char *p = plx__malloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void plx__grow_slow(void **items, size_t *cap, size_t need, size_t sz) {
  size_t c = *cap ? *cap : 8;
  while (c < need) {
    if (c > SIZE_MAX / 2 / sz) plx__oom();
    c *= 2;
  }
  *items = plx__realloc(*items, c * sz);
  *cap = c;
}

void plx__buf_put(plx__buf *b, const char *s, size_t n) {
  plx__grow((void **)&b->data, &b->cap, b->len + n + 1, 1);
  if (n) memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void plx__buf_puts(plx__buf *b, const char *s) { plx__buf_put(b, s, strlen(s)); }

void plx__buf_putc_slow(plx__buf *b, char c) { plx__buf_put(b, &c, 1); }

void plx__buf_printf(plx__buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  plx__grow((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1);
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

void plx__buf_free(plx__buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

char *plx__buf_detach(plx__buf *b, size_t *len) {
  if (!b->data) plx__buf_put(b, "", 0);
  char *d = b->data;
  if (len) *len = b->len;
  b->data = NULL;
  b->len = b->cap = 0;
  return d;
}

plx_status plx__fail(plx_error *err, plx_status status, const char *fmt, ...) {
  if (err) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    err->status = status;
  }
  return status;
}

const char *plx_strerror(plx_status status) {
  switch (status) {
  case PLX_OK: return "success";
  case PLX_ERR_USAGE: return "invalid argument";
  case PLX_ERR_IO: return "input/output error";
  case PLX_ERR_INPUT: return "unreadable input";
  case PLX_ERR_ENCODING: return "invalid encoding";
  case PLX_ERR_TOO_LARGE: return "input too large";
  case PLX_ERR_LANGUAGE: return "unsupported or undetected language";
  case PLX_ERR_DATA: return "invalid data file";
  case PLX_ERR_INTERNAL: return "internal error";
  }
  return "unknown error";
}

const char *plx_version(void) { return PLX_VERSION_STRING; }

size_t plx__utf8_invalid_at(const char *str, size_t len) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < len) {
    /* ASCII runs eight bytes at a time */
    while (i + 8 <= len) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= len) break;
    unsigned c = s[i];
    if (c < 0x80) { i++; continue; }
    size_t need;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; }
    else return i;
    if (len - i <= need) return i;
    for (size_t k = 1; k <= need; k++) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    /* Overlong forms, surrogates and values past U+10FFFF are invalid. */
    if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return i;
    i += need + 1;
  }
  return len;
}

uint32_t plx__utf8_next(const char *str, size_t len, size_t *i) {
  const unsigned char *s = (const unsigned char *)str;
  unsigned c = s[*i];
  size_t need = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  uint32_t cp = need == 0 ? c : need == 1 ? (c & 0x1F) : need == 2 ? (c & 0x0F) : (c & 0x07);
  size_t k = 1;
  for (; k <= need && *i + k < len; k++) cp = (cp << 6) | (s[*i + k] & 0x3F);
  *i += k;
  return cp;
}

uint32_t plx__utf8_prev(const char *str, size_t *i) {
  const unsigned char *s = (const unsigned char *)str;
  size_t j = *i;
  if (j == 0) return 0;
  j--;
  while (j > 0 && (s[j] & 0xC0) == 0x80) j--;
  size_t k = j;
  uint32_t cp = plx__utf8_next(str, *i, &k);
  *i = j;
  return cp;
}

/* Each module's process-wide state (see plx_cleanup). */
void plx__hunspell_cleanup(void);

void plx_cleanup(void) {
  plx__hunspell_cleanup();
  plx__kinds_cleanup();
}

/* Read a whole file into *b (appended), refusing a directory and more than
 * limit bytes (0: no limit), the size checked before reading when the file
 * says it. On failure *b may hold part of the file: the caller frees it. */
plx_status plx__read_file(const char *path, size_t limit, plx__buf *b, plx_error *err) {
  struct stat st;
  if (stat(path, &st) != 0)
    return plx__fail(err, PLX_ERR_IO, "%s", strerror(errno));
  if (S_ISDIR(st.st_mode)) return plx__fail(err, PLX_ERR_IO, "is a directory");
  if (S_ISREG(st.st_mode) && limit && (size_t)st.st_size > limit)
    return plx__fail(err, PLX_ERR_TOO_LARGE,
                     "file is %lld bytes, over the limit of %zu (see --max-input-bytes)",
                     (long long)st.st_size, limit);
  FILE *f = fopen(path, "rb");
  if (!f) return plx__fail(err, PLX_ERR_IO, "%s", strerror(errno));
  char chunk[65536];
  size_t r;
  plx_status status = PLX_OK;
  while ((r = fread(chunk, 1, sizeof chunk, f)) > 0) {
    plx__buf_put(b, chunk, r);
    if (limit && b->len > limit) {
      status = plx__fail(err, PLX_ERR_TOO_LARGE, "input is over the limit of %zu bytes (see --max-input-bytes)",
                         limit);
      break;
    }
  }
  if (!status && ferror(f)) status = plx__fail(err, PLX_ERR_IO, "read error: %s", strerror(errno));
  fclose(f);
  return status;
}
