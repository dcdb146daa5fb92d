/* analysis.c: sentences as tokens that carry their meaning.
 *
 * A sentence is cut into words (token.c); a word that stands for several
 * ("del", "decirte") becomes those; values are read (values.c) and each
 * becomes one token whose concept is its language-neutral value ("$ 10
 * billion" and "10.000 millones de dólares" alike); the longest name of the
 * names table starting at a word becomes one token ("Estados Unidos");
 * every other word is a reference to its record in the compiled lexicon.
 * A token is 20 bytes and holds offsets, never a copy of text: a document
 * is analysed once, into one array, and every later step (alignment,
 * facts, word alignment) reads that array.
 */
#include "lexicon_internal.h"

#include <stdlib.h>
#include <string.h>

void plx__ana_init(plx__ana *a, int side) {
  memset(a, 0, sizeof *a);
  a->side = side;
  plx__grow((void **)&a->first, &a->firstcap, 1, sizeof *a->first);
  plx__grow((void **)&a->vfirst, &a->vfirstcap, 1, sizeof *a->vfirst);
  a->first[0] = 0;
  a->vfirst[0] = 0;
}

void plx__ana_free(plx__ana *a) {
  free(a->tok);
  free(a->first);
  free(a->vfirst);
  free(a->vals);
  memset(a, 0, sizeof *a);
}

void plx__anascratch_free(plx__anascratch *s) {
  plx__toks_free(&s->toks);
  plx__toks_free(&s->exp);
  free(s->refs);
  memset(s, 0, sizeof *s);
}

/* The concept of a value: numbers, ordinals and bare years meet digits and
 * number words ("#:16"); others are typed ("v:date:--09-16"). */
static uint32_t S_value_concept(plx__lex *lex, const plx_value *v) {
  plx__buf *cb = &lex->scratch;
  cb->len = 0;
  if (v->type == PLX_VALUE_NUMBER || v->type == PLX_VALUE_ORDINAL ||
      (v->type == PLX_VALUE_DATE && strlen(v->value) == 4 && v->value[0] != '-'))
    plx__buf_printf(cb, "#:%s", v->value);
  else
    plx__buf_printf(cb, "v:%s:%s", plx_value_type_name(v->type), v->value);
  return plx__concept(lex, cb->data, cb->len);
}

/* Words that stand for several ("del" = "de el", "decirte" = "decir te")
 * become those words, each with the span of the original; a verb keeps its
 * capital, the words of an expansion have none. They are appended to
 * s->exp; refs[k] is the word record of exp token k when known already
 * (else PLX__NONE). */
static void S_expand(plx__lex *lex, int side, const plx__toks *in, plx__anascratch *s) {
  plx__toks *out = &s->exp;
  size_t nref = out->n;
  for (size_t i = 0; i < in->n; i++) {
    const plx__rawtok *t = &in->t[i];
    const char *form = in->forms.data + t->form;
    uint32_t ref = plx__word_ref(lex, side, form, t->flen, t->digits);
    const plx__wrec *r = plx__word_rec(lex, side, ref);
    if (!(r->flags & PLX__WF_EXPANDS)) {
      plx__rawtok x = *t;
      x.form = (uint32_t)out->forms.len;
      plx__buf_put(&out->forms, form, t->flen);
      plx__buf_putc(&out->forms, '\0');
      PLX__PUSH(out->t, out->n, out->cap, x);
      plx__grow((void **)&s->refs, &s->refcap, nref + 1, sizeof *s->refs);
      s->refs[nref++] = ref;
      continue;
    }
    const char *w = plx__word_str(lex, ref, r->expansion);
    size_t el = strlen(w);
    int first = 1;
    for (size_t k = 0; k < el;) {
      size_t e = k;
      while (e < el && w[e] != ' ') e++;
      if (e > k) {
        plx__rawtok x = *t;
        x.form = (uint32_t)out->forms.len;
        x.flen = (uint32_t)(e - k);
        x.upper = (uint8_t)(first && (r->flags & PLX__WF_CLITIC) ? t->upper : 0);
        x.digits = 0;
        /* w may move: the handle's strings grow when a word is made */
        plx__buf_put(&out->forms, w + k, e - k);
        plx__buf_putc(&out->forms, '\0');
        PLX__PUSH(out->t, out->n, out->cap, x);
        plx__grow((void **)&s->refs, &s->refcap, nref + 1, sizeof *s->refs);
        s->refs[nref++] = PLX__NONE;
        first = 0;
      }
      k = e + 1;
    }
  }
}

/* The longest multi-word name of the names table at token i of t: its
 * concept and length (0 when none). */
static size_t S_name_at(const plx__lex *lex, const plx__toks *t, size_t i, uint32_t *concept) {
  const plx__image *im = &lex->im;
  size_t maxk = im->h->name_max_tokens;
  if (maxk < 2 || !im->nnslots) return 0;
  if (maxk > t->n - i) maxk = t->n - i;
  if (maxk > 32) maxk = 32;
  uint32_t hk[33];
  uint32_t h = 2166136261u;
  for (size_t k = 0; k < maxk; k++) {
    if (k) h = plx__hash_more(h, " ", 1);
    h = plx__hash_more(h, t->forms.data + t->t[i + k].form, t->t[i + k].flen);
    hk[k + 1] = h;
  }
  size_t mask = im->nnslots - 1;
  for (size_t k = maxk; k >= 2; k--) {
    h = hk[k];
    for (size_t q = h & mask, probes = 0; probes <= mask; q = (q + 1) & mask, probes++) {
      uint32_t id = im->nslots[q];
      if (!id) break;
      if (id > im->nnames) continue;
      const plx__nrec *r = &im->names[id - 1];
      if (r->hash != h || r->ntokens != k || r->key >= im->str_len ||
          r->key_len > im->str_len - r->key)
        continue;
      /* compare the key with the tokens, joined by single spaces */
      const char *key = im->str + r->key, *kend = key + r->key_len;
      int same = 1;
      for (size_t x = 0; x < k && same; x++) {
        const plx__rawtok *tk = &t->t[i + x];
        if (x) same = key < kend && *key++ == ' ';
        same = same && (size_t)(kend - key) >= tk->flen &&
               memcmp(key, t->forms.data + tk->form, tk->flen) == 0;
        key += tk->flen;
      }
      if (!same || key != kend) continue;
      if (r->needs_upper && !t->t[i].upper) continue;
      *concept = r->concept;
      return k;
    }
  }
  return 0;
}

/* A long sentence is read in chunks of about this many bytes, cut after
 * white space (no token spans white space), so that what is held besides
 * its analysis stays small however long it is. */
#define S_CHUNK 16384
/* Tokens kept read ahead of the one analysed: a value or a name spans
 * fewer. */
#define S_AHEAD 64

/* Read the next chunk of text[*pos, end) onto s->exp, after dropping the
 * tokens before `keep` (already analysed). Offsets are made relative to
 * `start`. */
static void S_refill(plx__lex *lex, int side, const char *text, size_t start, size_t end,
                     size_t *pos, size_t keep, plx__anascratch *s) {
  plx__toks *x = &s->exp;
  if (keep) {
    /* the tokens still ahead move to the front, their forms too */
    size_t left = x->n - keep;
    plx__buf forms = {0};
    for (size_t k = 0; k < left; k++) {
      plx__rawtok *t = &x->t[keep + k];
      size_t f = forms.len;
      plx__buf_put(&forms, x->forms.data + t->form, t->flen);
      plx__buf_putc(&forms, '\0');
      t->form = (uint32_t)f;
      x->t[k] = *t;
      s->refs[k] = s->refs[keep + k];
    }
    x->n = left;
    x->forms.len = 0;
    plx__buf_put(&x->forms, forms.data ? forms.data : "", forms.len);
    plx__buf_free(&forms);
  }
  size_t cut = end;
  if (end - *pos > S_CHUNK) {
    cut = *pos + S_CHUNK;
    while (cut < end && text[cut] != ' ' && text[cut] != '\n' && text[cut] != '\t' &&
           text[cut] != '\r')
      cut++;
  }
  plx__toks_clear(&s->toks);
  plx__tokenize(text + *pos, cut - *pos, &s->toks);
  uint32_t shift = (uint32_t)(*pos - start);
  for (size_t k = 0; k < s->toks.n; k++) {
    s->toks.t[k].start += shift;
    s->toks.t[k].end += shift;
  }
  S_expand(lex, side, &s->toks, s);
  *pos = cut;
}

void plx__ana_add(plx__lex *lex, plx__ana *a, const char *text, size_t start, size_t end,
                  plx__anascratch *s) {
  int side = a->side;
  plx__toks_clear(&s->exp);
  size_t pos = start;
  S_refill(lex, side, text, start, end, &pos, 0, s);
  const plx__toks *t = &s->exp;
  /* values (numbers, amounts, dates, durations) in language-neutral form */
  size_t v0 = a->nvals, nv = 0;
  plx_value *vals = NULL;
  if (plx_values_find(text + start, end - start, lex->lang[side], &vals, &nv, NULL) != PLX_OK) {
    vals = NULL;
    nv = 0;
  }
  if (nv) {
    plx__grow((void **)&a->vals, &a->valcap, v0 + nv, sizeof *a->vals);
    for (size_t k = 0; k < nv; k++) {
      a->vals[v0 + k] = vals[k];
      a->vals[v0 + k].start += start;
      a->vals[v0 + k].end += start;
    }
    a->nvals = v0 + nv;
  }
  size_t vi = 0;
  for (size_t i = 0;;) {
    if (pos < end && t->n - i < S_AHEAD) {
      S_refill(lex, side, text, start, end, &pos, i, s);
      i = 0;
    }
    size_t nt = t->n;
    if (i >= nt) break;
    plx__grow((void **)&a->tok, &a->tokcap, a->ntok + 1, sizeof *a->tok);
    const plx__rawtok *rt = &t->t[i];
    while (vi < nv && vals[vi].end <= rt->start) vi++;
    plx__tk *o = &a->tok[a->ntok];
    memset(o, 0, sizeof *o);
    o->side = (uint16_t)side;
    o->start = (uint32_t)start + rt->start;
    o->word = o->extra = PLX__NONE;
    uint32_t value_concept = PLX__NONE;
    size_t vk = i;
    if (vi < nv && rt->start >= vals[vi].start && rt->end <= vals[vi].end)
      while (vk < nt && t->t[vk].end <= vals[vi].end) vk++;
    if (vk == i + 1 && !rt->digits) {
      /* a one-word value ("May", "octubre", "diez") keeps what the word
       * means as well: the other side may not read it as a value */
      value_concept = S_value_concept(lex, &vals[vi]);
    } else if (vk > i) {
      o->end = (uint32_t)start + t->t[vk - 1].end;
      o->extra = S_value_concept(lex, &vals[vi]);
      o->flags = PLX__TF_MULTI | PLX__TF_NUMBER | PLX__TF_TRANSLATED;
      a->ntok++;
      i = vk;
      continue;
    }
    uint32_t concept;
    /* only a word the compiler saw begin a name can begin one */
    uint32_t ref0 = s->refs[i];
    if (ref0 == PLX__NONE) ref0 = plx__word_ref(lex, side, t->forms.data + rt->form, rt->flen, rt->digits);
    s->refs[i] = ref0;
    size_t best = (plx__word_rec(lex, side, ref0)->flags & PLX__WF_NAME_START)
                      ? S_name_at(lex, t, i, &concept)
                      : 0;
    if (best > 1) {
      o->end = (uint32_t)start + t->t[i + best - 1].end;
      o->extra = concept;
      o->flags = PLX__TF_MULTI | PLX__TF_NAME | PLX__TF_TRANSLATED |
                 (rt->upper ? PLX__TF_UPPER : 0);
      a->ntok++;
      i += best;
      continue;
    }
    uint32_t ref = s->refs[i];
    if (ref == PLX__NONE) ref = plx__word_ref(lex, side, t->forms.data + rt->form, rt->flen, rt->digits);
    const plx__wrec *r = plx__word_rec(lex, side, ref);
    o->end = (uint32_t)start + rt->end;
    o->word = ref;
    uint16_t f = rt->upper ? PLX__TF_UPPER : 0;
    if (r->flags & PLX__WF_STOP) f |= PLX__TF_STOP;
    if ((r->flags & PLX__WF_TRANSLATED) || rt->digits) f |= PLX__TF_TRANSLATED;
    if (rt->digits) f |= PLX__TF_NUMBER | PLX__TF_DIGITS;
    /* a one-word name (estadounidense, Pentágono): its concept too */
    if (r->name1 != PLX__NONE && (!(r->flags & PLX__WF_NAME1_UPPER) || rt->upper))
      f |= PLX__TF_NAME | PLX__TF_TRANSLATED;
    if (value_concept != PLX__NONE) {
      o->extra = value_concept;
      f |= PLX__TF_TRANSLATED | PLX__TF_NUMBER;
    } else if (lex->cross_script && rt->upper && !rt->digits && !(f & (PLX__TF_STOP | PLX__TF_NAME)) &&
               (r->flags & PLX__WF_TRANSLATED)) {
      /* a capitalised word the lexicon translates may be a name as well
       * ("Роза" is Rosa as often as a rose): its key across scripts too,
       * which only meets the key of a word the other side leaves
       * untranslated (a name spelt as it is transliterated, "Вера" and
       * "Vera", already meets by its skeleton) */
      o->extra = plx__name_concept(lex, t->forms.data + rt->form, rt->flen);
    }
    o->flags = f;
    a->ntok++;
    i++;
  }
  free(vals);
  a->nsent++;
  plx__grow((void **)&a->first, &a->firstcap, a->nsent + 1, sizeof *a->first);
  plx__grow((void **)&a->vfirst, &a->vfirstcap, a->nsent + 1, sizeof *a->vfirst);
  a->first[a->nsent] = (uint32_t)a->ntok;
  a->vfirst[a->nsent] = (uint32_t)a->nvals;
}

size_t plx__tk_concept_list(const plx__lex *lex, const plx__tk *t, int small, uint32_t *buf,
                            size_t cap) {
  size_t n = 0;
  if (t->word != PLX__NONE) {
    const plx__wrec *r = plx__word_rec(lex, t->side, t->word);
    const uint32_t *ids = plx__word_ids(lex, t->word, r);
    size_t k = small ? r->nsmall : r->nids;
    for (size_t q = 0; q < k && n < cap; q++) buf[n++] = ids[q];
    if ((t->flags & PLX__TF_NAME) && n < cap) buf[n++] = r->name1;
  }
  if (t->extra != PLX__NONE && n < cap) buf[n++] = t->extra;
  return n;
}
