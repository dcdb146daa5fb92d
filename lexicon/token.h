/* token.h: words of a text, case-folded, with their byte spans.
 *
 * A token is a run of letters, digits and combining marks; separators
 * between digits stay inside ("10,000", "3.5"). English contractions give
 * a second token for the word they stand for ("didn't" is "did" and "not").
 * Folded forms are written one after another into one buffer, so that a
 * whole document costs two growing arrays, not an allocation per word. */
#ifndef PLX_TOKEN_H
#define PLX_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"

typedef struct plx__rawtok {
  uint32_t start, end;   /* byte span in the text given */
  uint32_t form, flen;   /* folded form: forms.data + form, flen bytes */
  uint8_t upper;         /* starts with a capital letter */
  uint8_t digits;        /* has a digit */
} plx__rawtok;

typedef struct plx__toks {
  plx__rawtok *t;
  size_t n, cap;
  plx__buf forms;        /* folded forms, each followed by a NUL */
} plx__toks;

/* Append the tokens of text[0,len) to *out (offsets relative to text). */
void plx__tokenize(const char *text, size_t len, plx__toks *out);
void plx__toks_clear(plx__toks *t);
void plx__toks_free(plx__toks *t);

/* Case-fold s[0,n) (UTF-8) onto the end of out (no NUL added). */
void plx__fold(const char *s, size_t n, plx__buf *out);

/* The skeleton of a folded word: accents and other marks removed, in
 * Latin letters, lower case ("pentágono" -> "pentagono", "Том" -> "tom"),
 * onto out (cleared first). Latin words use a table (built once from
 * ICU's Latin-ASCII transliterator), Cyrillic ones the BGN/PCGN letters;
 * other scripts open ICU's Any-Latin transliterator on first need. */
void plx__skeleton(const char *w, size_t n, plx__buf *out);

/* The consonant key of a name, for names across scripts: the word's
 * skeleton (Cyrillic in Latin letters by BGN/PCGN); then one
 * spelling for sounds the two write differently (dzh/j, kh/h, sh/sch, c/k,
 * w/v, z/s), vowels, y and h dropped, doubled letters once: "Джонсон" and
 * "Johnson" are both "jnsn", "Корен" and "Cohren" "krn". Empty for a word
 * of fewer than four letters or a key shorter than two. Onto out (cleared
 * first). */
void plx__name_key(const char *w, size_t n, plx__buf *out);

#endif
