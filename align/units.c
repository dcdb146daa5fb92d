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

/* A code a target must keep: an inline code of the file (a tag) or a
 * placeholder of the text. Two codes are the same when they are of one
 * kind and have the same key. */
typedef struct S_code {
  int placeholder;
  const char *key;
  size_t klen;
  size_t start, end;  /* in the document's text (a tag's span is empty) */
  const char *value;  /* as a translation tool shows it */
} S_code;

/* The codes of one side of unit u, whose text starts at off: its tags,
 * then the placeholders of its text (their values copied onto *owned). */
static S_code *S_codes(const plx_unit *u, int side, size_t off, size_t *n, char ***owned,
                       size_t *nowned, size_t *capowned) {
  S_code *v = NULL;
  size_t cap = 0;
  *n = 0;
  for (size_t t = 0; t < u->ntags[side]; t++) {
    const plx_tag *tg = &u->tags[side][t];
    S_code c = {0, tg->key, strlen(tg->key), off + tg->offset, off + tg->offset, tg->display};
    PLX__PUSH(v, *n, cap, c);
  }
  const char *t = u->text[side];
  size_t len = u->len[side];
  for (size_t i = 0; i < len; i++) {
    if (t[i] == '%' && i + 1 < len && t[i + 1] == '%') { /* an escaped per cent */
      i++;
      continue;
    }
    size_t l = (t[i] == '%' || t[i] == '{' || t[i] == '$') ? S_placeholder(t, len, i) : 0;
    if (l) {
      char *value = plx__strndup(t + i, l);
      PLX__PUSH(*owned, *nowned, *capowned, value);
      S_code c = {1, t + i, l, off + i, off + i + l, value};
      PLX__PUSH(v, *n, cap, c);
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
    /* tags and placeholders: each side's codes against the other's, as
     * multisets of keys */
    S_code *code[2];
    size_t ncode[2];
    for (int side = 0; side < 2; side++)
      code[side] = S_codes(u, side, off[side], &ncode[side], &owned, &nowned, &capowned);
    for (int side = 0; side < 2; side++) {
      unsigned char *used = plx__calloc(ncode[!side] + 1, 1);
      for (size_t t = 0; t < ncode[side]; t++) {
        const S_code *c = &code[side][t];
        int found = 0;
        for (size_t o = 0; o < ncode[!side] && !found; o++) {
          const S_code *x = &code[!side][o];
          if (!used[o] && x->placeholder == c->placeholder && x->klen == c->klen &&
              !memcmp(x->key, c->key, c->klen))
            used[o] = 1, found = 1;
        }
        S_fact(&f, side, i, c->start, c->end, "tag");
        f.value = c->value;
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
    free(code[0]);
    free(code[1]);
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
