/* units.c: the checks of a bilingual file's units (see plx_units.h). */
#include "align_internal.h"
#include "plx_units.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

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
 * lower-case letters (of any script) in a row (a product name, a code, a number or a
 * name in capitals stays as it is in a faithful translation). */
static int S_has_words(const char *t, size_t len) {
  size_t run = 0;
  for (size_t i = 0; i < len;) {
    uint32_t c = plx__utf8_next(t, len, &i);
    int lower = c < 0x80 ? (c >= 'a' && c <= 'z') : u_islower((UChar32)c) != 0;
    run = lower ? run + 1 : 0;
    if (run >= 3) return 1;
  }
  return 0;
}

static int S_in(const char *set, char c) { return c && strchr(set, c); }

/* The length of a placeholder at t[i] (0 if none): the variables of
 * software strings, which a translation keeps as they are and which
 * break the program when lost. printf's %s, %d, %1$s, %.2f, %@ (not %%,
 * and no space flag, so that "50 % de" is no placeholder), Python's
 * %(name)s, and braces: {0}, {name}, {0,number}, {{name}}, ${name}. */
static size_t S_placeholder(const char *t, size_t len, size_t i) {
  size_t j = i + 1;
  if (t[i] == '%') {
    if (j < len && t[j] == '(') {
      while (j < len && t[j] != ')' && j - i < 40) j++;
      if (j >= len || t[j] != ')') return 0;
      j++;
    } else {
      size_t d = j;
      while (j < len && t[j] >= '0' && t[j] <= '9') j++;
      if (j > d && j < len && t[j] == '$') {
        j++; /* %1$s: printf's positional form */
      } else if (j > d && (j >= len || !S_in("diouxXeEfFgGcspn@.-+#*hlLqjzt", t[j]))) {
        /* Qt's %1 .. %99, unless the per cent sign follows a number */
        int after_number = i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9';
        return j - d <= 2 && t[d] != '0' && !after_number ? j - i : 0;
      }
      while (j < len && S_in("-+#0", t[j])) j++;
      while (j < len && ((t[j] >= '0' && t[j] <= '9') || t[j] == '*' || t[j] == '.')) j++;
      while (j < len && S_in("hlLqjzt", t[j])) j++;
    }
    if (j >= len || !S_in("diouxXeEfFgGcspn@", t[j])) return 0;
    return j + 1 - i;
  }
  if (t[i] == '$') {
    if (j >= len || t[j] != '{') return 0;
    j++;
  } else if (t[i] != '{')
    return 0;
  int dbl = j < len && t[j] == '{';
  if (dbl) j++;
  size_t name = j;
  while (j < len && (((t[j] | 32) >= 'a' && (t[j] | 32) <= 'z') || (t[j] >= '0' && t[j] <= '9') ||
                     t[j] == '_' || t[j] == '.'))
    j++;
  if (j == name) return 0;
  if (j < len && t[j] == ',') /* {0,number}: a format, no nested braces */
    while (j < len && t[j] != '}' && t[j] != '{' && j - i < 60) j++;
  if (j >= len || t[j] != '}') return 0;
  j++;
  if (dbl) {
    if (j >= len || t[j] != '}') return 0;
    j++;
  }
  return j - i;
}

typedef struct S_ph {
  size_t start, len;
} S_ph;

static S_ph *S_placeholders(const char *t, size_t len, size_t *n) {
  S_ph *v = NULL;
  size_t cap = 0;
  *n = 0;
  for (size_t i = 0; i < len; i++) {
    if (t[i] == '%' && i + 1 < len && t[i + 1] == '%') { /* an escaped per cent */
      i++;
      continue;
    }
    size_t l = (t[i] == '%' || t[i] == '{' || t[i] == '$') ? S_placeholder(t, len, i) : 0;
    if (l) {
      PLX__PUSH(v, *n, cap, ((S_ph){i, l}));
      i += l - 1;
    }
  }
  return v;
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
  char **owned = NULL; /* placeholder values, copied by plx__facts_pack */
  size_t nowned = 0, capowned = 0;
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
    /* placeholders in the text: the same check, on the text itself */
    S_ph *ph[2];
    size_t nph[2];
    for (int side = 0; side < 2; side++)
      ph[side] = S_placeholders(u->text[side], u->len[side], &nph[side]);
    for (int side = 0; side < 2; side++) {
      unsigned char *used = plx__calloc(nph[!side] + 1, 1);
      for (size_t t = 0; t < nph[side]; t++) {
        const char *p = u->text[side] + ph[side][t].start;
        size_t pl = ph[side][t].len;
        int found = 0;
        for (size_t o = 0; o < nph[!side] && !found; o++)
          if (!used[o] && ph[!side][o].len == pl &&
              !memcmp(u->text[!side] + ph[!side][o].start, p, pl))
            used[o] = 1, found = 1;
        size_t at = off[side] + ph[side][t].start;
        S_fact(&f, side, i, at, at + pl, "tag");
        char *v = plx__malloc(pl + 1);
        memcpy(v, p, pl);
        v[pl] = 0;
        f.value = v;
        f.status = found ? PLX_FACT_MATCHED : PLX_FACT_MISSING;
        if (!found) f.score = 1.0;
        PLX__PUSH(out, n, cap, f);
        PLX__PUSH(owned, nowned, capowned, v);
      }
      free(used);
    }
    free(ph[0]);
    free(ph[1]);
  }
  for (size_t k = 0; k < nb; k++)
    if (!quiet[base[k].sentence]) PLX__PUSH(out, n, cap, base[k]);
  if (n) qsort(out, n, sizeof *out, plx__fact_cmp);
  *facts = plx__facts_pack(out, n);
  *nfacts = n;
  free(out);
  for (size_t k = 0; k < nowned; k++)
    free(owned[k]);
  free(owned);
  free(base);
  free(quiet);
  return PLX_OK;
}
