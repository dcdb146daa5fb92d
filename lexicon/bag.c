/* bag.c: sentences as bags of concepts, and how much two of them share.
 *
 * Similarity model. Each token t has a weight w(t): its informativeness,
 * sqrt(ln(1 + N / df)) over the documents being compared (df counted per
 * language on the token's first lemma), damped for stop words (x0.6) so that
 * "not" and "I" still count, a little. Tokens of the two sentences are
 * matched one to one, greedily by value: a shared concept (a translation, a
 * lemma, a name, a number, an identical word) is worth 1, a shared cognate
 * prefix only 0.7. The score is the weight of what was matched, on both
 * sides, over the weight of everything:
 *
 *     sim(A, B) = sum over matches (t,u) of s(t,u) * (w(t) + w(u))
 *                 / (sum of w over A + sum of w over B)
 *
 * so a sentence that says the same as the other plus a clause scores below
 * one, in proportion to what the clause weighs.
 */
#include "lexicon_internal.h"
#include "plx_values.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#define STOP_FACTOR 0.6
#define COGNATE_VALUE 0.7
#define COGNATE_PREFIX 5
#define COGNATE_MIN 6

/* ---- tokens ---- */

static int S_is_word_char(uint32_t c) {
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum((UChar32)c) || (U_GET_GC_MASK(c) & U_GC_M_MASK);
}

static char *S_fold(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && (unsigned char)s[i] < 0x80) i++;
  if (i == n) {
    char *o = plx__strndup(s, n);
    for (size_t k = 0; k < n; k++)
      if (o[k] >= 'A' && o[k] <= 'Z') o[k] = (char)(o[k] + 32);
    return o;
  }
  UErrorCode uerr = U_ZERO_ERROR;
  int32_t ulen = 0;
  u_strFromUTF8(NULL, 0, &ulen, s, (int32_t)n, &uerr);
  uerr = U_ZERO_ERROR;
  UChar *u = plx__malloc(((size_t)ulen + 1) * sizeof *u);
  u_strFromUTF8(u, ulen + 1, NULL, s, (int32_t)n, &uerr);
  UChar *f = plx__malloc(((size_t)ulen * 3 + 1) * sizeof *f);
  uerr = U_ZERO_ERROR;
  int32_t flen = u_strFoldCase(f, ulen * 3 + 1, u, ulen, U_FOLD_CASE_DEFAULT, &uerr);
  char *o = plx__malloc((size_t)flen * 4 + 1);
  int32_t olen = 0;
  uerr = U_ZERO_ERROR;
  u_strToUTF8(o, flen * 4 + 1, &olen, f, flen, &uerr);
  o[olen] = '\0';
  free(u);
  free(f);
  return o;
}

void plx__tokenize(const char *t, size_t len, plx__tok **toks, size_t *n) {
  size_t cap = 0;
  *toks = NULL;
  *n = 0;
  size_t i = 0;
  while (i < len) {
    size_t k = i;
    uint32_t c = plx__utf8_next(t, len, &k);
    if (!S_is_word_char(c)) {
      i = k;
      continue;
    }
    size_t s = i, e = k;
    int digits = c < 0x80 && c >= '0' && c <= '9';
    int upper = u_isupper((UChar32)c);
    while (e < len) {
      size_t k2 = e;
      uint32_t d = plx__utf8_next(t, len, &k2);
      if (S_is_word_char(d)) {
        digits |= d >= '0' && d <= '9';
        e = k2;
        continue;
      }
      /* 10,000  3.5  10.000: separators between digits stay inside */
      if ((d == '.' || d == ',') && e > s && t[e - 1] >= '0' && t[e - 1] <= '9' && k2 < len &&
          t[k2] >= '0' && t[k2] <= '9') {
        e = k2;
        continue;
      }
      break;
    }
    plx__tok tok = {s, e, S_fold(t + s, e - s), upper, digits};
    PLX__PUSH(*toks, *n, cap, tok);
    i = e;
    /* English contractions: "didn't" is "did not", "we're" is "we are";
     * the possessive 's is no word. Negation matters most: "No puede ser"
     * is "It can't be". */
    if (i < len) {
      size_t k3 = i;
      uint32_t a = plx__utf8_next(t, len, &k3);
      if (a == '\'' || a == 0x2019) {
        size_t q = k3;
        while (q < len && ((t[q] >= 'a' && t[q] <= 'z') || (t[q] >= 'A' && t[q] <= 'Z'))) q++;
        if (q - k3 > 0 && q - k3 <= 2) {
          char suf[3] = {0};
          for (size_t x = 0; x < q - k3; x++) suf[x] = (char)(t[k3 + x] | 0x20);
          plx__tok *prev = &(*toks)[*n - 1];
          size_t pl = strlen(prev->form);
          const char *word = NULL;
          if (strcmp(suf, "t") == 0 && pl >= 2 && prev->form[pl - 1] == 'n') {
            if (strcmp(prev->form, "won") == 0) {
              free(prev->form); /* "won't": will not (a longer word) */
              prev->form = plx__strndup("will", 4);
            }
            else if (strcmp(prev->form, "can") != 0) prev->form[pl - 1] = '\0';
            word = "not";
          } else if (strcmp(suf, "re") == 0) word = "are";
          else if (strcmp(suf, "m") == 0) word = "am";
          else if (strcmp(suf, "ll") == 0) word = "will";
          else if (strcmp(suf, "ve") == 0) word = "have";
          else if (strcmp(suf, "d") == 0) word = "would";
          else if (strcmp(suf, "s") == 0) {
            /* "it's", "that's": is; "let's": us; a possessive is no word */
            static const char *is_words[] = {"it", "that", "he", "she", "what", "there",
                                             "where", "who", "here", "how", "this"};
            for (size_t x = 0; x < sizeof is_words / sizeof *is_words; x++)
              if (strcmp(prev->form, is_words[x]) == 0) word = "is";
            if (strcmp(prev->form, "let") == 0) word = "us";
          }
          if (word) {
            plx__tok extra = {k3, q, plx__strndup(word, strlen(word)), 0, 0};
            PLX__PUSH(*toks, *n, cap, extra);
          }
          i = q;
        }
      }
    }
  }
}

void plx__toks_free(plx__tok *toks, size_t n) {
  for (size_t i = 0; i < n; i++) free(toks[i].form);
  free(toks);
}

/* A number written language-neutrally: grouping separators dropped, the
 * decimal separator a point. In Spanish a period before exactly three
 * digits groups (10.000), otherwise it is decimal (12.5, as Spanish news
 * also writes); a comma is decimal. In English a comma groups. */
static void S_number_key(const char *w, size_t n, int spanish, plx__buf *out) {
  out->len = 0;
  plx__buf_puts(out, "#:");
  for (size_t i = 0; i < n; i++) {
    char c = w[i];
    if (c == ',' || c == '.') {
      size_t d = i + 1;
      while (d < n && w[d] >= '0' && w[d] <= '9') d++;
      int three = d - i - 1 == 3;
      int group = spanish ? (c == '.' && three) : (c == ',');
      if (!group) plx__buf_putc(out, '.');
      continue;
    }
    plx__buf_putc(out, c);
  }
}

/* ---- word analysis, cached per language and form ---- */

static int S_cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

static uint32_t S_concept(plx__lex *lex, const char *prefix, const char *s, size_t n) {
  plx__buf b = {0};
  plx__buf_puts(&b, prefix);
  plx__buf_put(&b, s, n);
  uint32_t id = plx__intern(&lex->concepts, b.data, b.len, NULL);
  plx__buf_free(&b);
  return id;
}

static void S_add_id(uint32_t **ids, uint32_t *n, size_t *cap, uint32_t id) {
  for (uint32_t i = 0; i < *n; i++)
    if ((*ids)[i] == id) return;
  size_t nn = *n;
  PLX__PUSH(*ids, nn, *cap, id);
  *n = (uint32_t)nn;
}

static const plx__wordinfo *S_word(plx__lex *lex, int side, const char *form, size_t n,
                                   int digits) {
  plx__buf key = {0};
  plx__buf_putc(&key, (char)('0' + side));
  plx__buf_putc(&key, '\x01');
  plx__buf_put(&key, form, n);
  int created;
  uint32_t idx = plx__intern(&lex->cache_keys, key.data, key.len, &created);
  plx__buf_free(&key);
  if (!created) return &lex->cache[idx];
  plx__grow((void **)&lex->cache, &lex->cachecap, idx + 1, sizeof *lex->cache);
  lex->ncache = idx + 1;
  plx__wordinfo *wi = &lex->cache[idx];
  memset(wi, 0, sizeof *wi);
  wi->cognate = UINT32_MAX;
  wi->skeleton = UINT32_MAX;
  size_t cap = 0;
  char pre[2][8];
  snprintf(pre[0], sizeof pre[0], "%s:", lex->lang[side]);
  snprintf(pre[1], sizeof pre[1], "%s:", lex->lang[!side]);
  if (digits) {
    plx__buf b = {0};
    S_number_key(form, n, strcmp(lex->lang[side], "es") == 0, &b);
    wi->lemma = plx__intern(&lex->concepts, b.data, b.len, NULL);
    S_add_id(&wi->concepts, &wi->nconcepts, &cap, wi->lemma);
    plx__buf_free(&b);
    return wi;
  }
  char **lemmas;
  size_t nl;
  plx__lemmas(lex, side, form, n, &lemmas, &nl);
  for (size_t i = 0; i < nl; i++) {
    size_t ln = strlen(lemmas[i]);
    uint32_t id = S_concept(lex, pre[0], lemmas[i], ln);
    if (i == 0) wi->lemma = id;
    S_add_id(&wi->concepts, &wi->nconcepts, &cap, id);
    char **tr;
    size_t nt;
    plx__translations(lex, side, lemmas[i], ln, &tr, &nt);
    if (nt) wi->translated = 1;
    for (size_t k = 0; k < nt; k++)
      if (!strchr(tr[k], ' ')) S_add_id(&wi->concepts, &wi->nconcepts, &cap,
                                        S_concept(lex, pre[1], tr[k], strlen(tr[k])));
    plx_strings_free(tr, nt);
  }
  plx_strings_free(lemmas, nl);
  plx__buf sk = {0};
  plx__skeleton(lex, form, n, &sk);
  wi->skeleton = UINT32_MAX;
  if (sk.len >= 3) {
    wi->skeleton = S_concept(lex, "=:", sk.data, sk.len);
    S_add_id(&wi->concepts, &wi->nconcepts, &cap, wi->skeleton);
  }
  if (sk.len >= COGNATE_MIN) wi->cognate = S_concept(lex, "~:", sk.data, COGNATE_PREFIX);
  plx__buf_free(&sk);
  wi->stop = plx__is_stop(lex, side, form, n);
  qsort(wi->concepts, wi->nconcepts, sizeof *wi->concepts, S_cmp_u32);
  return wi;
}

/* ---- bags ---- */

typedef struct S_btok {
  plx_token pub;
  const uint32_t *concepts;  /* sorted */
  uint32_t nconcepts;
  uint32_t key;              /* for informativeness */
  uint32_t cognate;
  const char *skel;          /* skeleton (case-folded, unaccented), or NULL */
  size_t skel_len;
  uint32_t own[1];           /* a name's concept, when merged */
  int upper;
} S_btok;

struct plx_bag {
  int side;
  S_btok *tok;
  size_t n;
  char **strings; /* forms and lemmas owned by the bag */
  size_t nstrings, scap;
  uint32_t **ids;  /* concept arrays owned by the bag */
  size_t nids, idcap;
};

static const char *S_keep(plx_bag *b, const char *s) {
  char *c = plx__strndup(s, strlen(s));
  PLX__PUSH(b->strings, b->nstrings, b->scap, c);
  return c;
}

/* Tokens that stand for several words (expansions.tsv: "del" = "de el")
 * become those words, each with the span of the original. */
static void S_expand(plx__lex *lex, int side, plx__tok **toks, size_t *n) {
  plx__tok *out = NULL;
  size_t no = 0, cap = 0, el;
  plx__buf base = {0};
  for (size_t i = 0; i < *n; i++) {
    plx__tok *t = &(*toks)[i];
    size_t fl = strlen(t->form);
    const char *w = plx__expansion(lex, side, t->form, fl, &el);
    if (!w && !t->digits) {
      /* a verb with enclitic pronouns: "decirte" = "decir" + "te" */
      const char *pron;
      size_t bl = plx__clitic_split(lex, side, t->form, fl, &base, &pron, &el);
      if (bl) {
        plx__tok x = {t->start, t->end, plx__strndup(base.data, base.len), t->upper, 0};
        PLX__PUSH(out, no, cap, x);
        w = pron;
      }
    }
    if (!w) {
      PLX__PUSH(out, no, cap, *t);
      continue;
    }
    for (size_t k = 0; k < el;) {
      size_t e = k;
      while (e < el && w[e] != ' ') e++;
      if (e > k) {
        plx__tok x = {t->start, t->end, plx__strndup(w + k, e - k), 0, 0};
        PLX__PUSH(out, no, cap, x);
      }
      k = e + 1;
    }
    free(t->form);
  }
  plx__buf_free(&base);
  free(*toks);
  *toks = out;
  *n = no;
}

/* The concept of a value: numbers, ordinals and bare years meet digits and
 * number words ("#:16"); others are typed ("v:date:--09-16"). */
static uint32_t S_value_concept(plx__lex *lex, const plx_value *v) {
  plx__buf cb = {0};
  if (v->type == PLX_VALUE_NUMBER || v->type == PLX_VALUE_ORDINAL ||
      (v->type == PLX_VALUE_DATE && strlen(v->value) == 4 && v->value[0] != '-'))
    plx__buf_printf(&cb, "#:%s", v->value);
  else
    plx__buf_printf(&cb, "v:%s:%s", plx_value_type_name(v->type), v->value);
  uint32_t id = plx__intern(&lex->concepts, cb.data, cb.len, NULL);
  plx__buf_free(&cb);
  return id;
}

plx_status plx_bag_new(plx_lexicon *l, const char *lang, const char *text, size_t len,
                       plx_bag **out, plx_error *err) {
  plx__lex *lex = (plx__lex *)l;
  *out = NULL;
  int side = plx__side(lex, lang);
  if (side < 0)
    return plx__fail(err, PLX_ERR_LANGUAGE, "language '%s' is not in the pair %s-%s", lang,
                     lex->lang[0], lex->lang[1]);
  plx__tok *toks;
  size_t nt;
  plx__tokenize(text, len, &toks, &nt);
  S_expand(lex, side, &toks, &nt);
  plx_bag *b = plx__calloc(1, sizeof *b);
  b->side = side;
  b->tok = plx__calloc(nt ? nt : 1, sizeof *b->tok);
  /* Values (numbers, amounts, dates, durations) in language-neutral form:
   * "$ 10 billion" and "10.000 millones de dólares" become one token each
   * with the same concept. */
  plx_value *vals = NULL;
  size_t nvals = 0, vi = 0;
  if (plx_values_find(text, len, lex->lang[side], &vals, &nvals, NULL) != PLX_OK) {
    vals = NULL;
    nvals = 0;
  }
  plx__buf joined = {0};
  for (size_t i = 0; i < nt;) {
    while (vi < nvals && vals[vi].end <= toks[i].start) vi++;
    uint32_t value_concept = UINT32_MAX;
    size_t vk = i;
    if (vi < nvals && toks[i].start >= vals[vi].start && toks[i].end <= vals[vi].end)
      while (vk < nt && toks[vk].end <= vals[vi].end) vk++;
    if (vk == i + 1 && !toks[i].digits) {
      /* a one-word value ("May", "octubre", "diez") keeps what the word
       * means as well: the other side may not read it as a value */
      value_concept = S_value_concept(lex, &vals[vi]);
    } else if (vk > i) {
      size_t k = vk;
      S_btok *bt = &b->tok[b->n++];
      bt->pub.start = toks[i].start;
      bt->pub.end = toks[k - 1].end;
      bt->pub.form = S_keep(b, toks[i].form);
      bt->pub.lemma = bt->pub.form;
      bt->pub.number = 1;
      bt->pub.translated = 1;
      bt->cognate = UINT32_MAX;
      bt->own[0] = S_value_concept(lex, &vals[vi]);
      bt->concepts = bt->own;
      bt->nconcepts = 1;
      bt->key = bt->own[0];
      i = k;
      continue;
    }
    /* the longest name starting here (United States, EE. UU., Pentágono) */
    size_t best = 0;
    uint32_t concept = 0;
    for (int k = lex->name_max_tokens; k >= 1 && !best; k--) {
      if (i + (size_t)k > nt) continue;
      joined.len = 0;
      for (int j = 0; j < k; j++) {
        if (j) plx__buf_putc(&joined, ' ');
        plx__buf_puts(&joined, toks[i + j].form);
      }
      uint32_t id = plx__lookup(&lex->name_keys, joined.data, joined.len);
      if (id != UINT32_MAX && (!lex->namev[id].needs_upper || toks[i].upper)) {
        best = (size_t)k;
        concept = lex->namev[id].concept;
      }
    }
    S_btok *bt = &b->tok[b->n++];
    bt->pub.start = toks[i].start;
    bt->pub.form = S_keep(b, toks[i].form);
    bt->upper = toks[i].upper;
    bt->cognate = UINT32_MAX;
    if (best > 1) {
      bt->pub.end = toks[i + best - 1].end;
      bt->own[0] = concept;
      bt->concepts = bt->own;
      bt->nconcepts = 1;
      bt->key = concept;
      bt->pub.lemma = bt->pub.form;
      bt->pub.translated = 1;
      i += best;
      continue;
    }
    const plx__wordinfo *wi = S_word(lex, side, toks[i].form, strlen(toks[i].form), toks[i].digits);
    bt->pub.end = toks[i].end;
    /* copied: the concept pool moves as it grows */
    bt->pub.lemma = S_keep(b, plx__interned(&lex->concepts, wi->lemma));
    bt->pub.stop = wi->stop;
    bt->pub.number = toks[i].digits;
    bt->pub.translated = wi->translated || toks[i].digits || best == 1;
    bt->concepts = wi->concepts;
    bt->nconcepts = wi->nconcepts;
    bt->key = wi->lemma;
    bt->cognate = wi->cognate;
    if (wi->skeleton != UINT32_MAX) {
      /* the "=:" prefix is dropped; copied, as the pool moves */
      bt->skel = S_keep(b, plx__interned(&lex->concepts, wi->skeleton) + 2);
      bt->skel_len = strlen(bt->skel);
    }
    if (best == 1) {
      /* a one-word name (estadounidense, Pentágono): its concept too */
      bt->own[0] = concept;
    } else {
      bt->own[0] = UINT32_MAX;
    }
    if (value_concept != UINT32_MAX) {
      uint32_t *ids = plx__malloc((bt->nconcepts + 1) * sizeof *ids);
      memcpy(ids, bt->concepts, bt->nconcepts * sizeof *ids);
      ids[bt->nconcepts] = value_concept;
      qsort(ids, bt->nconcepts + 1, sizeof *ids, S_cmp_u32);
      PLX__PUSH(b->ids, b->nids, b->idcap, ids);
      bt->concepts = ids;
      bt->nconcepts++;
      bt->pub.translated = 1;
      bt->pub.number = 1;
    }
    i++;
  }
  plx__buf_free(&joined);
  free(vals);
  plx__toks_free(toks, nt);
  *out = b;
  return PLX_OK;
}

void plx_bag_free(plx_bag *b) {
  if (!b) return;
  for (size_t i = 0; i < b->nstrings; i++) free(b->strings[i]);
  free(b->strings);
  for (size_t i = 0; i < b->nids; i++) free(b->ids[i]);
  free(b->ids);
  free(b->tok);
  free(b);
}

size_t plx_bag_size(const plx_bag *b) { return b->n; }

const plx_token *plx_bag_token(const plx_bag *b, size_t i) {
  return i < b->n ? &b->tok[i].pub : NULL;
}

/* ---- weights ---- */

struct plx_weights {
  uint32_t *df;
  size_t ndf, cap;
  size_t ndocs[2];
  uint32_t *seen; /* per concept: the last document that counted it, + 1 */
  size_t nseen, seencap;
  uint32_t doc;
};

plx_weights *plx_weights_new(void) { return plx__calloc(1, sizeof(plx_weights)); }

void plx_weights_free(plx_weights *w) {
  if (!w) return;
  free(w->df);
  free(w->seen);
  free(w);
}

void plx_weights_add(plx_weights *w, const plx_bag *b) {
  w->doc++;
  w->ndocs[b->side]++;
  for (size_t i = 0; i < b->n; i++) {
    uint32_t k = b->tok[i].key;
    if (k + 1 > w->ndf) {
      plx__grow((void **)&w->df, &w->cap, k + 1, sizeof *w->df);
      plx__grow((void **)&w->seen, &w->seencap, k + 1, sizeof *w->seen);
      memset(w->df + w->ndf, 0, (k + 1 - w->ndf) * sizeof *w->df);
      memset(w->seen + w->ndf, 0, (k + 1 - w->ndf) * sizeof *w->seen);
      w->ndf = k + 1;
    }
    if (w->seen[k] == w->doc) continue;
    w->seen[k] = w->doc;
    w->df[k]++;
  }
}

static double S_weight(const S_btok *t, int side, const plx_weights *w) {
  double idf = 1.0;
  if (w && w->ndocs[side] > 0) {
    double df = t->key < w->ndf ? w->df[t->key] : 0;
    if (df < 1) df = 1;
    /* the square root: rarity counts, but a sentence is not its rarest word */
    idf = sqrt(log(1.0 + (double)w->ndocs[side] / df));
  }
  return t->pub.stop ? idf * STOP_FACTOR : idf;
}

double plx__bag_token_weight(const plx_bag *b, size_t i, const plx_weights *w) {
  return S_weight(&b->tok[i], b->side, w);
}

/* ---- similarity ---- */

static int S_share(const S_btok *a, const S_btok *b) {
  uint32_t i = 0, j = 0;
  while (i < a->nconcepts && j < b->nconcepts) {
    if (a->concepts[i] == b->concepts[j]) return 1;
    if (a->concepts[i] < b->concepts[j]) i++;
    else j++;
  }
  if (a->own[0] != UINT32_MAX && a->concepts != a->own) {
    for (j = 0; j < b->nconcepts; j++)
      if (b->concepts[j] == a->own[0]) return 1;
    if (b->own[0] == a->own[0]) return 1;
  }
  if (b->own[0] != UINT32_MAX && b->concepts != b->own)
    for (i = 0; i < a->nconcepts; i++)
      if (a->concepts[i] == b->own[0]) return 1;
  return 0;
}

/* Cognates by spelling: long words whose skeletons begin alike and differ
 * in at most a third of their letters (north/norte, adapted/adaptada,
 * parasitize/parasitar). Levenshtein distance on bytes of the skeletons,
 * which are ASCII. */
static int S_cognates(const S_btok *a, const S_btok *b) {
  size_t n = a->skel_len, m = b->skel_len;
  if (!a->skel || !b->skel || n < COGNATE_MIN - 1 || m < COGNATE_MIN - 1 || n > 40 || m > 40)
    return 0;
  if (memcmp(a->skel, b->skel, 3) != 0) return 0;
  size_t longest = n > m ? n : m, diff = n > m ? n - m : m - n;
  if (diff * 3 > longest) return 0;
  unsigned row[41];
  for (size_t j = 0; j <= m; j++) row[j] = (unsigned)j;
  for (size_t i = 1; i <= n; i++) {
    unsigned diag = row[0];
    row[0] = (unsigned)i;
    for (size_t j = 1; j <= m; j++) {
      unsigned up = row[j];
      unsigned cost = a->skel[i - 1] == b->skel[j - 1] ? 0 : 1;
      unsigned best = diag + cost;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      if (up + 1 < best) best = up + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[m] * 3 <= longest;
}

typedef struct S_pair {
  double value;
  uint32_t i, j;
  double s;
} S_pair;

static int S_cmp_pair(const void *x, const void *y) {
  const S_pair *a = x, *b = y;
  if (a->value != b->value) return a->value > b->value ? -1 : 1;
  if (a->i != b->i) return a->i < b->i ? -1 : 1;
  return a->j < b->j ? -1 : a->j > b->j;
}

static double S_overlap(const plx_bag *a, const plx_bag *b, const plx_weights *w,
                        long *evidence, double *cover_a, double *cover_b);

double plx_bag_similarity_evidence(const plx_lexicon *l, const plx_bag *a, const plx_bag *b,
                                   const plx_weights *w, long *evidence) {
  (void)l;
  return S_overlap(a, b, w, evidence, NULL, NULL);
}

double plx__bag_overlap(const plx_bag *a, const plx_bag *b, const plx_weights *w,
                        double *cover_a, double *cover_b) {
  return S_overlap(a, b, w, NULL, cover_a, cover_b);
}

void plx__bag_token_concepts(const plx_bag *b, size_t i, const uint32_t **ids, size_t *n,
                             uint32_t *extra, int *stop, int *upper) {
  const S_btok *t = &b->tok[i];
  *ids = t->concepts;
  *n = t->nconcepts;
  *extra = t->concepts == t->own ? UINT32_MAX : t->own[0];
  *stop = t->pub.stop;
  *upper = t->upper;
}

int plx__bag_side(const plx_bag *b) { return b->side; }

static double S_overlap(const plx_bag *a, const plx_bag *b, const plx_weights *w,
                        long *evidence, double *cover_a, double *cover_b) {
  if (cover_a) *cover_a = 0;
  if (cover_b) *cover_b = 0;
  if (a->n == 0 || b->n == 0) {
    if (evidence)
      for (size_t i = 0; i < a->n; i++) evidence[i] = -1;
    return a->n == 0 && b->n == 0 ? 1.0 : 0.0;
  }
  double stack_wa[64], stack_wb[64];
  double *wa = a->n <= 64 ? stack_wa : plx__malloc(a->n * sizeof *wa);
  double *wb = b->n <= 64 ? stack_wb : plx__malloc(b->n * sizeof *wb);
  double total = 0, total_a = 0, total_b = 0;
  for (size_t i = 0; i < a->n; i++) total_a += wa[i] = S_weight(&a->tok[i], a->side, w);
  for (size_t j = 0; j < b->n; j++) total_b += wb[j] = S_weight(&b->tok[j], b->side, w);
  total = total_a + total_b;
  S_pair stack_p[256];
  S_pair *pairs = stack_p;
  size_t np = 0, pcap = 256;
  for (size_t i = 0; i < a->n; i++)
    for (size_t j = 0; j < b->n; j++) {
      double s = 0;
      if (S_share(&a->tok[i], &b->tok[j])) s = 1.0;
      else if ((a->tok[i].cognate != UINT32_MAX && a->tok[i].cognate == b->tok[j].cognate) ||
               S_cognates(&a->tok[i], &b->tok[j]))
        s = COGNATE_VALUE;
      if (s == 0) continue;
      if (np == pcap) {
        S_pair *np2 = plx__malloc(pcap * 2 * sizeof *np2);
        memcpy(np2, pairs, np * sizeof *np2);
        if (pairs != stack_p) free(pairs);
        pairs = np2;
        pcap *= 2;
      }
      pairs[np++] = (S_pair){s * (wa[i] + wb[j]), (uint32_t)i, (uint32_t)j, s};
    }
  qsort(pairs, np, sizeof *pairs, S_cmp_pair);
  uint8_t stack_ua[256], stack_ub[256];
  uint8_t *ua = a->n <= 256 ? stack_ua : plx__malloc(a->n);
  uint8_t *ub = b->n <= 256 ? stack_ub : plx__malloc(b->n);
  memset(ua, 0, a->n);
  memset(ub, 0, b->n);
  if (evidence)
    for (size_t i = 0; i < a->n; i++) evidence[i] = -1;
  double matched = 0, ma = 0, mb = 0;
  for (size_t k = 0; k < np; k++) {
    if (ua[pairs[k].i] || ub[pairs[k].j]) continue;
    ua[pairs[k].i] = ub[pairs[k].j] = 1;
    matched += pairs[k].value;
    ma += pairs[k].s * wa[pairs[k].i];
    mb += pairs[k].s * wb[pairs[k].j];
    if (evidence) evidence[pairs[k].i] = (long)pairs[k].j;
  }
  if (cover_a) *cover_a = total_a > 0 ? ma / total_a : 0;
  if (cover_b) *cover_b = total_b > 0 ? mb / total_b : 0;
  if (pairs != stack_p) free(pairs);
  if (wa != stack_wa) free(wa);
  if (wb != stack_wb) free(wb);
  if (ua != stack_ua) free(ua);
  if (ub != stack_ub) free(ub);
  double sim = total > 0 ? matched / total : 0;
  return sim > 1 ? 1 : sim;
}

double plx_bag_similarity(const plx_lexicon *l, const plx_bag *a, const plx_bag *b,
                          const plx_weights *w) {
  return plx_bag_similarity_evidence(l, a, b, w, NULL);
}
