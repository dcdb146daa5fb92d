/* bag.c: the public view of one analysed sentence (plx_bag) and of
 * informativeness (plx_weights), over analysis.c and match.c. */
#include "lexicon_internal.h"

#include <stdlib.h>
#include <string.h>

struct plx_bag {
  plx__lex *lex;
  plx__ana a;
  plx__index *index; /* made when the bag is first compared as B */
  plx_token *pub;    /* made on first request */
  plx__buf strings;
};

struct plx_weights {
  plx__df df;
};

plx_status plx_bag_new(plx_lexicon *l, const char *lang, const char *text, size_t len,
                       plx_bag **out, plx_error *err) {
  plx__lex *lex = (plx__lex *)l;
  *out = NULL;
  int side = plx__side(lex, lang);
  if (side < 0)
    return plx__fail(err, PLX_ERR_LANGUAGE, "language '%s' is not in the pair %s-%s", lang,
                     lex->lang[0], lex->lang[1]);
  if (len >= UINT32_MAX)
    return plx__fail(err, PLX_ERR_TOO_LARGE, "a sentence of %zu bytes is too long", len);
  plx_bag *b = plx__calloc(1, sizeof *b);
  b->lex = lex;
  plx__ana_init(&b->a, side);
  plx__anascratch s;
  memset(&s, 0, sizeof s);
  plx__ana_add(lex, &b->a, text, 0, len, &s);
  plx__anascratch_free(&s);
  /* the public tokens need the text: made now, while it is at hand */
  b->pub = plx__calloc(b->a.ntok + 1, sizeof *b->pub);
  size_t *off = plx__calloc(b->a.ntok * 2 + 1, sizeof *off);
  for (size_t i = 0; i < b->a.ntok; i++) {
    const plx__tk *t = &b->a.tok[i];
    off[2 * i] = b->strings.len;
    if (t->word != PLX__NONE) {
      const plx__wrec *r = plx__word_rec(lex, side, t->word);
      plx__buf_put(&b->strings, plx__word_str(lex, t->word, r->form), r->form_len);
    } else {
      plx__fold(text + t->start, t->end - t->start, &b->strings);
    }
    plx__buf_putc(&b->strings, '\0');
    off[2 * i + 1] = b->strings.len;
    plx__buf_puts(&b->strings, plx__concept_str(lex, plx__tk_key(lex, t)));
    plx__buf_putc(&b->strings, '\0');
  }
  for (size_t i = 0; i < b->a.ntok; i++) {
    const plx__tk *t = &b->a.tok[i];
    plx_token *p = &b->pub[i];
    p->start = t->start;
    p->end = t->end;
    p->form = b->strings.data + off[2 * i];
    p->lemma = b->strings.data + off[2 * i + 1];
    p->stop = (t->flags & PLX__TF_STOP) != 0;
    p->number = (t->flags & PLX__TF_NUMBER) != 0;
    p->translated = (t->flags & PLX__TF_TRANSLATED) != 0;
  }
  free(off);
  *out = b;
  return PLX_OK;
}

void plx_bag_free(plx_bag *b) {
  if (!b) return;
  plx__ana_free(&b->a);
  plx__index_free(b->index);
  free(b->pub);
  plx__buf_free(&b->strings);
  free(b);
}

size_t plx_bag_size(const plx_bag *b) { return b->a.ntok; }

const plx_token *plx_bag_token(const plx_bag *b, size_t i) {
  return i < b->a.ntok ? &b->pub[i] : NULL;
}

plx_weights *plx_weights_new(void) {
  plx_weights *w = plx__calloc(1, sizeof *w);
  plx__df_init(&w->df);
  return w;
}

void plx_weights_free(plx_weights *w) {
  if (!w) return;
  plx__df_free(&w->df);
  free(w);
}

void plx_weights_add(plx_weights *w, const plx_bag *b) { plx__df_add(&w->df, b->lex, &b->a, 0); }

double plx_bag_similarity_evidence(const plx_lexicon *l, const plx_bag *a, const plx_bag *b,
                                   const plx_weights *w, long *evidence) {
  (void)l;
  /* pairs are found from the bag of the pair's first language (all its
   * concepts) in the other's index (its own concepts) */
  int swap = a->a.side == 1 && b->a.side == 0;
  const plx_bag *x = swap ? b : a, *y = swap ? a : b;
  plx_bag *ym = (plx_bag *)y;
  if (!ym->index) ym->index = plx__index_new(y->lex, &y->a, 1);
  plx__matcher *m = plx__matcher_new(x->lex, &x->a, &y->a, y->index);
  plx__tplist pl = {0};
  uint32_t j0 = 0;
  plx__pairs_row(m, 0, &j0, 1, &pl);
  plx__matcher_free(m);
  if (swap)
    for (size_t k = 0; k < pl.n; k++) {
      uint32_t t = pl.p[k].ta;
      pl.p[k].ta = pl.p[k].tb;
      pl.p[k].tb = t;
    }
  size_t na = a->a.ntok, nb = b->a.ntok;
  double *wa = plx__malloc((na + nb + 1) * sizeof *wa), *wb = wa + na;
  double ta = 0, tb = 0;
  const plx__df *df = w ? &w->df : NULL;
  for (size_t i = 0; i < na; i++) ta += wa[i] = plx__df_weight(df, a->lex, &a->a.tok[i]);
  for (size_t i = 0; i < nb; i++) tb += wb[i] = plx__df_weight(df, b->lex, &b->a.tok[i]);
  plx__msum r = plx__match(pl.p, pl.n, wa, na, ta, wb, nb, tb, evidence);
  free(wa);
  free(pl.p);
  return r.sim;
}

double plx_bag_similarity(const plx_lexicon *l, const plx_bag *a, const plx_bag *b,
                          const plx_weights *w) {
  return plx_bag_similarity_evidence(l, a, b, w, NULL);
}
