/* units.c: the checks of a bilingual file's units (see plx_units.h). */
#include "align_internal.h"
#include "plx_units.h"

#include <stdlib.h>
#include <string.h>

/* Whitespace-normalised equality: a target that is its source. */
static int S_same_text(const char *a, size_t la, const char *b, size_t lb) {
  size_t i = 0, j = 0;
  for (;;) {
    while (i < la && (a[i] == ' ' || a[i] == '\t')) i++;
    while (j < lb && (b[j] == ' ' || b[j] == '\t')) j++;
    if (i == la || j == lb) return i == la && j == lb;
    int sa = i > 0 && (a[i - 1] == ' ' || a[i - 1] == '\t');
    int sb = j > 0 && (b[j - 1] == ' ' || b[j - 1] == '\t');
    if ((sa != sb && i > 0 && j > 0) || a[i] != b[j]) return 0;
    i++;
    j++;
  }
}

/* Whether text holds a word a translator would translate: three or more
 * lower-case letters in a row (a product name, a code, a number or a
 * name in capitals stays as it is in a faithful translation). */
static int S_has_words(const char *t, size_t len) {
  size_t run = 0;
  for (size_t i = 0; i < len;) {
    uint32_t c = plx__utf8_next(t, len, &i);
    int lower = (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
    run = lower ? run + 1 : 0;
    if (run >= 3) return 1;
  }
  return 0;
}

static int S_blank(const char *t, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (t[i] != ' ' && t[i] != '\t') return 0;
  return 1;
}

/* A unit's own check: a fact missing on the other side. */
static void S_fact(plx_fact *f, int side, size_t unit, size_t start, size_t end,
                   const char *type) {
  plx__fact_init(f, side, unit, start, end, type);
  f->status = PLX_FACT_MISSING;
}

plx_status plx_units_facts(const plx_bitext *bt, const plx_alignment *al, plx_fact **facts,
                           size_t *nfacts, plx_error *err) {
  *facts = NULL;
  *nfacts = 0;
  size_t nu = plx_bitext_unit_count(bt);
  if (al->n[0] != nu || al->n[1] != nu)
    return plx__fail(err, PLX_ERR_USAGE,
                     "plx_units_facts: the alignment is not of this file's units");
  plx_fact *base = NULL;
  size_t nb = 0;
  plx_status st = plx_facts(al, &base, &nb, err);
  if (st) return st;
  /* what the unit checks say instead of the facts */
  unsigned char *quiet = plx__calloc(nu + 1, 1);
  plx_fact *out = NULL;
  size_t n = 0, cap = 0;
  for (size_t i = 0; i < nu; i++) {
    const plx_unit *u = plx_bitext_unit(bt, i);
    size_t off[2] = {plx_bitext_unit_offset(bt, 0, i), plx_bitext_unit_offset(bt, 1, i)};
    plx_fact f;
    if (!S_blank(u->text[0], u->len[0]) && S_blank(u->text[1], u->len[1])) {
      S_fact(&f, 0, i, off[0], off[0] + u->len[0], "untranslated");
      f.score = 1.0;
      PLX__PUSH(out, n, cap, f);
      quiet[i] = 1;
      continue;
    }
    if (S_same_text(u->text[0], u->len[0], u->text[1], u->len[1]) &&
        S_has_words(u->text[0], u->len[0])) {
      S_fact(&f, 1, i, off[1], off[1] + u->len[1], "untranslated");
      f.score = 0.9;
      f.has_counterpart = 1;
      f.cp_sentence = i;
      f.cp_start = off[0];
      f.cp_end = off[0] + u->len[0];
      PLX__PUSH(out, n, cap, f);
      quiet[i] = 1;
    }
    /* tags: each side's codes against the other's, as multisets of keys */
    for (int side = 0; side < 2; side++) {
      unsigned char *used = plx__calloc(u->ntags[!side] + 1, 1);
      for (size_t t = 0; t < u->ntags[side]; t++) {
        const plx_tag *tg = &u->tags[side][t];
        int found = 0;
        for (size_t o = 0; o < u->ntags[!side] && !found; o++)
          if (!used[o] && !strcmp(u->tags[!side][o].key, tg->key)) used[o] = 1, found = 1;
        S_fact(&f, side, i, off[side] + tg->offset, off[side] + tg->offset, "tag");
        f.value = tg->display;
        if (found) {
          f.status = PLX_FACT_MATCHED;
        } else {
          /* a lost code breaks the file it goes back into */
          f.score = 1.0;
        }
        PLX__PUSH(out, n, cap, f);
      }
      free(used);
    }
  }
  for (size_t k = 0; k < nb; k++)
    if (!quiet[base[k].sentence]) PLX__PUSH(out, n, cap, base[k]);
  if (n) qsort(out, n, sizeof *out, plx__fact_cmp);
  *facts = plx__facts_pack(out, n);
  *nfacts = n;
  free(out);
  free(base);
  free(quiet);
  return PLX_OK;
}
