/* names.c: names and their forms in both languages (names.tsv).
 *
 * Each line is CANONICAL<TAB>VARIANT|VARIANT|..., where variants may be in
 * either language and may span several words ("United States|US|EE. UU.|
 * Estados Unidos"). Variants are tokenised and case-folded exactly as
 * sentences are, so that "EE. UU." in a text and in the table meet as the
 * token sequence "ee uu". */
#include "lexicon_internal.h"

#include <stdlib.h>
#include <string.h>

plx_status plx__names_index(plx__lex *lex, plx_error *err) {
  const S_table *t = &lex->names;
  lex->name_max_tokens = 1;
  plx__buf joined = {0}, canon = {0};
  for (size_t r = 0; r < t->nrows; r++) {
    const char *row = t->data + t->rows[r];
    const char *end = memchr(row, '\n', t->len - t->rows[r]);
    if (!end) end = t->data + t->len;
    const char *tab = memchr(row, '\t', (size_t)(end - row));
    if (!tab) continue;
    canon.len = 0;
    /* "num:2" is the concept of the number 2, "#:2", shared with digits */
    if (tab - row > 4 && memcmp(row, "num:", 4) == 0) {
      plx__buf_puts(&canon, "#:");
      plx__buf_put(&canon, row + 4, (size_t)(tab - row) - 4);
    } else {
      plx__buf_puts(&canon, "N:");
      plx__buf_put(&canon, row, (size_t)(tab - row));
    }
    uint32_t concept = plx__intern(&lex->concepts, canon.data, canon.len, NULL);
    const char *v = tab + 1;
    while (v < end) {
      const char *bar = memchr(v, '|', (size_t)(end - v));
      const char *ve = bar ? bar : end;
      while (ve > v && (ve[-1] == '\r' || ve[-1] == ' ')) ve--;
      plx__tok *toks;
      size_t nt;
      plx__tokenize(v, (size_t)(ve - v), &toks, &nt);
      if (nt > 0 && nt < 255) {
        joined.len = 0;
        for (size_t k = 0; k < nt; k++) {
          if (k) plx__buf_putc(&joined, ' ');
          plx__buf_puts(&joined, toks[k].form);
        }
        int created;
        uint32_t id = plx__intern(&lex->name_keys, joined.data, joined.len, &created);
        if (created) {
          /* "May", "China", "Turkey" are names only when capitalised */
          plx__name nm = {id, concept, (uint8_t)nt, (uint8_t)(toks[0].upper != 0)};
          PLX__PUSH(lex->namev, lex->nnames, lex->namecap, nm);
          if ((int)nt > lex->name_max_tokens) lex->name_max_tokens = (int)nt;
        }
      }
      plx__toks_free(toks, nt);
      v = bar ? bar + 1 : end;
    }
  }
  plx__buf_free(&joined);
  plx__buf_free(&canon);
  (void)err;
  return PLX_OK;
}

void plx__names_free(plx__lex *lex) {
  free(lex->namev);
  lex->namev = NULL;
  lex->nnames = lex->namecap = 0;
}
