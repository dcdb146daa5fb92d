/* internal.h: helpers shared by the library's modules; not installed.
 * Names with the plx__ prefix are not exported from libparallax. */
#ifndef PLX_INTERNAL_H
#define PLX_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include "plx_base.h"
#include "plx_corpus.h"

/* Memory: abort on exhaustion, in one place. */
void *plx__malloc(size_t n);
void *plx__calloc(size_t n, size_t size);
void *plx__realloc(void *p, size_t n);
char *plx__strndup(const char *s, size_t n);
void plx__oom(void);

/* Grow an array *items of *cap elements of size sz so that it holds need
 * (the test inline: it runs for every element pushed). */
void plx__grow_slow(void **items, size_t *cap, size_t need, size_t sz);
static inline void plx__grow(void **items, size_t *cap, size_t need, size_t sz) {
  if (need > *cap) plx__grow_slow(items, cap, need, sz);
}
#define PLX__PUSH(arr, n, cap, value)                                         \
  do {                                                                        \
    plx__grow((void **)&(arr), &(cap), (n) + 1, sizeof(*(arr)));              \
    (arr)[(n)++] = (value);                                                   \
  } while (0)

/* A growable byte buffer, always NUL-terminated. */
typedef struct plx__buf {
  char *data;
  size_t len, cap;
} plx__buf;
void plx__buf_put(plx__buf *b, const char *s, size_t n);
void plx__buf_puts(plx__buf *b, const char *s);
void plx__buf_putc_slow(plx__buf *b, char c);
static inline void plx__buf_putc(plx__buf *b, char c) {
  if (b->len + 2 > b->cap) {
    plx__buf_putc_slow(b, c);
    return;
  }
  b->data[b->len++] = c;
  b->data[b->len] = '\0';
}
void plx__buf_printf(plx__buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void plx__buf_free(plx__buf *b);
/* Hands the bytes over to the caller (who frees them) and empties b. */
char *plx__buf_detach(plx__buf *b, size_t *len);

/* Read a whole file into *b (util.c): PLX_ERR_IO (a directory, missing,
 * unreadable) or PLX_ERR_TOO_LARGE over limit bytes (0: none). The caller
 * frees *b whatever the outcome. */
plx_status plx__read_file(const char *path, size_t limit, plx__buf *b, plx_error *err);

/* Record an error; returns status so that `return plx__fail(...)` reads. */
plx_status plx__fail(plx_error *err, plx_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Data files compiled into the library from corpus/data, lexicon/data
 * (see tools/embed.c). NULL if absent. Not NUL-terminated. */
const char *plx__data_get(const char *name, size_t *len);

/* UTF-8 validation: returns the offset of the first invalid byte, or len. */
size_t plx__utf8_invalid_at(const char *s, size_t len);
/* Decode one code point at s[*i] (valid UTF-8 assumed), advancing *i. */
uint32_t plx__utf8_next(const char *s, size_t len, size_t *i);
/* Decode the code point ending just before s[*i], moving *i back to it. */
uint32_t plx__utf8_prev(const char *s, size_t *i);

/* ---- Text extracted from markup (reader_markup.c) ---- */

/* A block of extracted text: a paragraph, heading, list item... */
typedef struct plx__block {
  size_t start, end;  /* byte span in the extracted text */
  plx_kind kind;      /* the kind its element implies (TEXT when none) */
} plx__block;

typedef struct plx__extract {
  char *text;         /* extracted text; blocks separated by "\n\n" */
  size_t len;
  plx__block *blocks;
  size_t nblocks, cap;
} plx__extract;

/* Extract the article text of an HTML (xml == 0) or XML (xml != 0)
 * document. Blocks end paragraphs; script, style, nav, footer and forms
 * are dropped. For XML: no network, no external entities, no DTD loading,
 * and entity expansion bounded. */
plx_status plx__markup_extract(const char *bytes, size_t len, int xml,
                               plx__extract *out, plx_error *err);
void plx__extract_free(plx__extract *x);

/* Parse well-formed XML safely (no network, no external entities or DTD,
 * libxml2's amplification limits): PLX_ERR_INPUT with the first error's
 * line when it is not well-formed. Free *doc with xmlFreeDoc. */
struct _xmlDoc;
plx_status plx__xml_read(const char *bytes, size_t len, struct _xmlDoc **doc, plx_error *err);

/* Guess the input format from the first bytes. */
plx_input_format plx__sniff_format(const char *bytes, size_t len);

/* ---- Segmentation (segment.c) ---- */

typedef struct plx__seg plx__seg;  /* per-language rules, compiled once */

plx_status plx__seg_new(const char *lang, plx__seg **out, plx_error *err);
void plx__seg_free(plx__seg *seg);

/* Split the blocks of a document (paragraphs, list items, runs of wrapped
 * lines; in document order, not overlapping) into sentences appended to
 * *out. Each block's kind is the kind its markup implies. */
plx_status plx__seg_doc(plx__seg *seg, const char *text, size_t len, const plx__block *blocks,
                        size_t nblocks, plx_sentence **out, size_t *n, size_t *cap,
                        plx_error *err);

/* ---- Kinds (kinds.c) ---- */

/* Compile every furniture pattern of lang now (they are compiled on first
 * need otherwise): PLX_ERR_DATA names a line that does not compile. */
plx_status plx__kinds_check(const char *lang, plx_error *err);

/* Release the compiled patterns (plx_cleanup). */
void plx__kinds_cleanup(void);

/* Mark titles, headings, list items, boilerplate and duplicates. */
plx_status plx__kinds_assign(const char *lang, const char *text, size_t len,
                             plx_sentence *s, size_t n, int from_markup,
                             plx_error *err);

#endif
