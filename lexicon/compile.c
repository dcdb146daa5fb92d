/* compile.c: the lexicon's TSV files compiled into an image (image.h).
 *
 * Every word the tables know is analysed here once, as the run time would
 * have analysed it on first sight: its lemmas (the word itself when it is
 * a lemma of the bilingual table, then the lemmas the form tables give, in
 * their order; else the word itself), the concepts of those lemmas and of
 * their one-word translations, its skeleton and cognate keys, whether it
 * is a stop word, a name or the start of one, and the words it stands for.
 * The words are: the forms of the form tables, the one-word lemmas of the
 * bilingual table, the stop words, expansions and the words they give,
 * clitic pronouns, and the tokens of every name (in both languages: names
 * are written alike). */
#include "lexicon_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- reading TSV files ---- */

typedef struct S_file {
  char *data;
  size_t len;
} S_file;

/* Read a whole file; a missing optional file reads as empty. */
static plx_status S_read(const char *path, int optional, S_file *f, plx_error *err) {
  memset(f, 0, sizeof *f);
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    if (optional && errno == ENOENT) return PLX_OK;
    return plx__fail(err, PLX_ERR_DATA, "%s: %s", path, strerror(errno));
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return plx__fail(err, PLX_ERR_DATA, "%s: not a regular file", path);
  }
  if ((uint64_t)st.st_size >= UINT32_MAX / 2) {
    close(fd);
    return plx__fail(err, PLX_ERR_DATA, "%s: file too large", path);
  }
  f->len = (size_t)st.st_size;
  f->data = plx__malloc(f->len + 1);
  size_t got = 0;
  while (got < f->len) {
    ssize_t r = read(fd, f->data + got, f->len - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += (size_t)r;
  }
  close(fd);
  if (got != f->len) {
    free(f->data);
    return plx__fail(err, PLX_ERR_DATA, "%s: read error", path);
  }
  f->data[f->len] = '\0';
  size_t bad = plx__utf8_invalid_at(f->data, f->len);
  if (bad < f->len) {
    free(f->data);
    return plx__fail(err, PLX_ERR_DATA, "%s: not UTF-8 (byte %zu)", path, bad);
  }
  return PLX_OK;
}

/* Calls fn for each data line (not empty, not a # comment) with its
 * columns, at most 4; a column ends at a TAB, a CR or the line's end. */
typedef struct S_cols {
  const char *s[4];
  size_t n[4];
  int ncols;
} S_cols;

static void S_lines(const S_file *f, void (*fn)(void *ctx, const S_cols *c), void *ctx) {
  for (size_t i = 0; i < f->len;) {
    const char *nl = memchr(f->data + i, '\n', f->len - i);
    size_t e = nl ? (size_t)(nl - f->data) : f->len;
    if (e > i && f->data[i] != '#') {
      S_cols c;
      memset(&c, 0, sizeof c);
      size_t p = i;
      while (p <= e && c.ncols < 4) {
        const char *tab = memchr(f->data + p, '\t', e - p);
        size_t ce = tab ? (size_t)(tab - f->data) : e;
        const char *cr = memchr(f->data + p, '\r', ce - p);
        c.s[c.ncols] = f->data + p;
        c.n[c.ncols] = cr ? (size_t)(cr - (f->data + p)) : ce - p;
        c.ncols++;
        if (!tab) break;
        p = ce + 1;
      }
      fn(ctx, &c);
    }
    i = e + 1;
  }
}

/* ---- the compiler's tables ---- */

typedef struct S_list {
  uint32_t *v;
  size_t n, cap;
} S_list;

static void S_list_add(S_list *l, uint32_t x) {
  for (size_t k = 0; k < l->n; k++)
    if (l->v[k] == x) return;
  PLX__PUSH(l->v, l->n, l->cap, x);
}

typedef struct S_c {
  const plx__image_src *src;
  plx__strmap strs;          /* every string, by id */
  plx__strmap lemmas[2];     /* bilingual lemmas -> index into trans */
  S_list *trans[2];          /* translations (string ids) of each lemma */
  size_t transcap[2];
  plx__strmap forms[2];      /* forms of the form tables -> index into flemmas */
  S_list *flemmas[2];
  size_t flemcap[2];
  uint8_t *lpos[2], *fpos[2]; /* PLX__POS_* of each lemma, of each form */
  size_t lposcap[2], fposcap[2];
  plx__strmap stops[2];
  plx__strmap expansions[2]; /* form -> index into expv */
  uint32_t *expv[2];         /* string ids of the words */
  size_t nexp[2], expcap[2];
  S_list clitics[2];         /* pairs of string ids: ending, pronouns */
  uint32_t pairs;
  /* output */
  plx__strmap concepts;
  uint8_t *ckind;
  size_t ckindcap;
  plx__strmap words[2];      /* word forms, in record order */
  int side;
  int hunspell_forms;
} S_c;

static uint32_t S_str(S_c *c, const char *s, size_t n) { return plx__intern(&c->strs, s, n, NULL); }

/* The PLX__POS_ bit of a pos column ("n", "np", "v", "adj", "adv", ...). */
static uint8_t S_pos_bit(const char *s, size_t n) {
  if (n == 1 && s[0] == 'n') return PLX__POS_NOUN;
  if (n == 2 && !memcmp(s, "np", 2)) return PLX__POS_PROPER;
  if (n == 1 && s[0] == 'v') return PLX__POS_VERB;
  if (n == 3 && !memcmp(s, "adj", 3)) return PLX__POS_ADJ;
  if (n == 3 && !memcmp(s, "adv", 3)) return PLX__POS_ADV;
  return n ? PLX__POS_OTHER : 0;
}

static void S_pos_or(uint8_t **v, size_t *cap, uint32_t id, int created, uint8_t bit) {
  plx__grow((void **)v, cap, id + 1, 1);
  if (created) (*v)[id] = 0;
  (*v)[id] |= bit;
}

static void S_bilingual_fn(void *ctx, const S_cols *k) {
  S_c *c = ctx;
  if (k->ncols < 2 || !k->n[0] || !k->n[1]) return;
  uint32_t id[2];
  uint8_t pos = k->ncols >= 3 ? S_pos_bit(k->s[2], k->n[2]) : 0;
  for (int side = 0; side < 2; side++) {
    int created;
    id[side] = plx__intern(&c->lemmas[side], k->s[side], k->n[side], &created);
    if (created) {
      plx__grow((void **)&c->trans[side], &c->transcap[side], id[side] + 1, sizeof(S_list));
      memset(&c->trans[side][id[side]], 0, sizeof(S_list));
    }
    S_pos_or(&c->lpos[side], &c->lposcap[side], id[side], created, pos);
  }
  S_list_add(&c->trans[0][id[0]], S_str(c, k->s[1], k->n[1]));
  S_list_add(&c->trans[1][id[1]], S_str(c, k->s[0], k->n[0]));
  c->pairs++;
}

static void S_forms_fn(void *ctx, const S_cols *k) {
  S_c *c = ctx;
  int side = c->side;
  if (k->ncols < 2 || !k->n[0] || !k->n[1]) return;
  int created;
  uint32_t id = plx__intern(&c->forms[side], k->s[0], k->n[0], &created);
  if (created) {
    plx__grow((void **)&c->flemmas[side], &c->flemcap[side], id + 1, sizeof(S_list));
    memset(&c->flemmas[side][id], 0, sizeof(S_list));
  }
  S_list_add(&c->flemmas[side][id], S_str(c, k->s[1], k->n[1]));
  S_pos_or(&c->fpos[side], &c->fposcap[side], id, created,
           k->ncols >= 3 ? S_pos_bit(k->s[2], k->n[2]) : 0);
}

static void S_expansions_fn(void *ctx, const S_cols *k) {
  S_c *c = ctx;
  if (k->ncols < 3 || !k->n[1] || !k->n[2] || k->n[1] > 100) return;
  for (int side = 0; side < 2; side++) {
    if (strlen(c->src->lang[side]) != k->n[0] || memcmp(c->src->lang[side], k->s[0], k->n[0]))
      continue;
    int created;
    plx__intern(&c->expansions[side], k->s[1], k->n[1], &created);
    if (created) {
      uint32_t w = S_str(c, k->s[2], k->n[2]);
      PLX__PUSH(c->expv[side], c->nexp[side], c->expcap[side], w);
    }
  }
}

static void S_clitics_fn(void *ctx, const S_cols *k) {
  S_c *c = ctx;
  if (k->ncols < 2 || !k->n[0] || !k->n[1]) return;
  PLX__PUSH(c->clitics[c->side].v, c->clitics[c->side].n, c->clitics[c->side].cap,
            S_str(c, k->s[0], k->n[0]));
  PLX__PUSH(c->clitics[c->side].v, c->clitics[c->side].n, c->clitics[c->side].cap,
            S_str(c, k->s[1], k->n[1]));
}

/* stop-LANG.txt: one word a line */
static void S_stops_fn(void *ctx, const S_cols *k) {
  S_c *c = ctx;
  size_t n = k->n[0];
  while (n && k->s[0][n - 1] == ' ') n--;
  if (n) plx__intern(&c->stops[c->side], k->s[0], n, NULL);
}

/* ---- concepts ---- */

static uint32_t S_concept(S_c *c, int kind, const char *prefix, const char *s, size_t n) {
  char stack[256];
  size_t pl = strlen(prefix);
  char *k = pl + n <= sizeof stack ? stack : plx__malloc(pl + n);
  memcpy(k, prefix, pl);
  memcpy(k + pl, s, n);
  int created;
  uint32_t id = plx__intern(&c->concepts, k, pl + n, &created);
  if (k != stack) free(k);
  if (created) {
    plx__grow((void **)&c->ckind, &c->ckindcap, id + 1, 1);
    c->ckind[id] = (uint8_t)kind;
  }
  return id;
}

/* ---- names ---- */

typedef struct S_name {
  uint32_t key;      /* string id of the joined folded tokens */
  uint32_t concept;
  uint8_t ntokens, needs_upper;
} S_name;

typedef struct S_names {
  S_c *c;
  plx__strmap keys;
  S_name *v;
  size_t n, cap;
  plx__toks toks;
  plx__buf joined;
  uint32_t max_tokens;
} S_names;

static void S_names_fn(void *ctx, const S_cols *k) {
  S_names *nm = ctx;
  S_c *c = nm->c;
  if (k->ncols < 2 || !k->n[0]) return;
  uint32_t concept;
  /* "num:2" is the concept of the number 2, "#:2", shared with digits */
  if (k->n[0] > 4 && memcmp(k->s[0], "num:", 4) == 0)
    concept = S_concept(c, PLX__CK_NUMBER, "#:", k->s[0] + 4, k->n[0] - 4);
  else
    concept = S_concept(c, PLX__CK_NAME, "N:", k->s[0], k->n[0]);
  const char *v = k->s[1], *end = k->s[1] + k->n[1];
  while (v < end) {
    const char *bar = memchr(v, '|', (size_t)(end - v));
    const char *ve = bar ? bar : end;
    while (ve > v && (ve[-1] == '\r' || ve[-1] == ' ')) ve--;
    plx__toks_clear(&nm->toks);
    plx__tokenize(v, (size_t)(ve - v), &nm->toks);
    size_t nt = nm->toks.n;
    if (nt > 0 && nt < 255) {
      nm->joined.len = 0;
      for (size_t q = 0; q < nt; q++) {
        if (q) plx__buf_putc(&nm->joined, ' ');
        plx__buf_put(&nm->joined, nm->toks.forms.data + nm->toks.t[q].form, nm->toks.t[q].flen);
      }
      int created;
      plx__intern(&nm->keys, nm->joined.data, nm->joined.len, &created);
      if (created) {
        /* "May", "China", "Turkey" are names only when capitalised */
        S_name x = {S_str(c, nm->joined.data, nm->joined.len), concept, (uint8_t)nt,
                    (uint8_t)(nm->toks.t[0].upper != 0)};
        PLX__PUSH(nm->v, nm->n, nm->cap, x);
        if (nt > nm->max_tokens) nm->max_tokens = (uint32_t)nt;
        /* every token is a word of both languages */
        for (size_t q = 0; q < nt; q++)
          for (int side = 0; side < 2; side++)
            plx__intern(&c->words[side], nm->toks.forms.data + nm->toks.t[q].form,
                        nm->toks.t[q].flen, NULL);
      }
    }
    v = bar ? bar + 1 : end;
  }
}

/* ---- word records ---- */

typedef struct S_out {
  plx__buf str;        /* string pool */
  plx__strmap strpos;  /* string -> offset in str */
  uint32_t *ids;
  size_t nids, idcap;
  plx__wrec *words[2];
  size_t nwords[2], wcap[2];
} S_out;

/* The offset of a string in the image's pool: the pool is the strmap's
 * own (each string once, NUL-terminated). */
static uint32_t S_pool(S_out *o, const char *s, size_t n) {
  uint32_t id = plx__intern(&o->strpos, s, n, NULL);
  return (uint32_t)o->strpos.off[id];
}

static int S_has_space(const char *s, size_t n) { return memchr(s, ' ', n) != NULL; }

static void S_word_record(S_c *c, S_out *o, int side, const char *w, size_t n,
                          const plx__strmap *name1, const S_name *namev, const uint8_t *starts,
                          plx__buf *sk) {
  const char *pre[2] = {c->src->lang[0], c->src->lang[1]};
  char p0[12], p1[12];
  snprintf(p0, sizeof p0, "%s:", pre[side]);
  snprintf(p1, sizeof p1, "%s:", pre[!side]);
  int ck0 = side == 0 ? PLX__CK_LEMMA0 : PLX__CK_LEMMA1;
  int ck1 = side == 0 ? PLX__CK_LEMMA1 : PLX__CK_LEMMA0;
  plx__wrec r;
  memset(&r, 0, sizeof r);
  r.hash = plx__hash(w, n);
  r.form = S_pool(o, w, n);
  r.form_len = (uint16_t)(n < 0xFFFF ? n : 0xFFFF);
  r.skeleton = r.cognate = r.prefix = r.name1 = r.expansion = PLX__NONE;
  /* lemmas */
  uint32_t lem[64];
  size_t nlem = 0;
  uint32_t li = plx__lookup(&c->lemmas[side], w, n);
  if (li != PLX__NONE) lem[nlem++] = S_str(c, w, n);
  uint32_t fi = plx__lookup(&c->forms[side], w, n);
  int known = li != PLX__NONE || fi != PLX__NONE;
  if (fi != PLX__NONE) {
    const S_list *fl = &c->flemmas[side][fi];
    for (size_t k = 0; k < fl->n && nlem < 64; k++) {
      int dup = 0;
      for (size_t q = 0; q < nlem; q++) dup |= lem[q] == fl->v[k];
      if (!dup) lem[nlem++] = fl->v[k];
    }
  }
  if (!nlem) lem[nlem++] = S_str(c, w, n);
  /* parts of speech: the form's, and its lemmas' */
  if (li != PLX__NONE) r.pos |= c->lpos[side][li];
  if (fi != PLX__NONE) r.pos |= c->fpos[side][fi];
  for (size_t k = 0; k < nlem; k++) {
    uint32_t lk = plx__lookup(&c->lemmas[side], plx__interned(&c->strs, lem[k]), c->strs.len[lem[k]]);
    if (lk != PLX__NONE) r.pos |= c->lpos[side][lk];
  }
  /* concepts: lemmas, skeleton, translations */
  uint32_t small[70], tr[512];
  size_t nsmall = 0, ntr = 0;
  int translated = 0;
  for (size_t k = 0; k < nlem; k++) {
    const char *ls = plx__interned(&c->strs, lem[k]);
    size_t ll = c->strs.len[lem[k]];
    uint32_t id = S_concept(c, ck0, p0, ls, ll);
    int dup = 0;
    for (size_t q = 0; q < nsmall; q++) dup |= small[q] == id;
    if (!dup) small[nsmall++] = id;
    uint32_t ti = plx__lookup(&c->lemmas[side], ls, ll);
    if (ti == PLX__NONE) continue;
    const S_list *tl = &c->trans[side][ti];
    if (tl->n) translated = 1;
    for (size_t t = 0; t < tl->n; t++) {
      const char *ts = plx__interned(&c->strs, tl->v[t]);
      size_t tn = c->strs.len[tl->v[t]];
      if (S_has_space(ts, tn)) continue;
      uint32_t tid = S_concept(c, ck1, p1, ts, tn);
      int d2 = 0;
      for (size_t q = 0; q < ntr; q++) d2 |= tr[q] == tid;
      if (!d2 && ntr < 512) tr[ntr++] = tid;
    }
  }
  r.lemma = small[0];
  r.nlemma = (uint8_t)nsmall;
  plx__skeleton(w, n, sk);
  if (sk->len >= 3) {
    r.skeleton = S_concept(c, PLX__CK_SKEL, "=:", sk->data, sk->len);
    small[nsmall++] = r.skeleton;
  }
  if (sk->len >= 6) r.cognate = S_concept(c, PLX__CK_COGNATE, "~:", sk->data, 5);
  if (sk->len >= 5 && sk->len <= 40) r.prefix = S_concept(c, PLX__CK_PREFIX, "3:", sk->data, 3);
  r.nsmall = (uint8_t)nsmall;
  r.ids = (uint32_t)o->nids;
  for (size_t k = 0; k < nsmall; k++) PLX__PUSH(o->ids, o->nids, o->idcap, small[k]);
  for (size_t k = 0; k < ntr; k++) PLX__PUSH(o->ids, o->nids, o->idcap, tr[k]);
  r.nids = (uint16_t)(nsmall + ntr);
  if (plx__lookup(&c->stops[side], w, n) != PLX__NONE) r.flags |= PLX__WF_STOP;
  if (translated) r.flags |= PLX__WF_TRANSLATED;
  if (known) r.flags |= PLX__WF_KNOWN;
  uint32_t ni = plx__lookup(name1, w, n);
  if (ni != PLX__NONE) {
    r.name1 = namev[ni].concept;
    if (namev[ni].needs_upper) r.flags |= PLX__WF_NAME1_UPPER;
  }
  uint32_t wid = plx__lookup(&c->words[side], w, n);
  if (starts[wid]) r.flags |= PLX__WF_NAME_START;
  uint32_t ei = plx__lookup(&c->expansions[side], w, n);
  if (ei != PLX__NONE) {
    r.flags |= PLX__WF_EXPANDS;
    uint32_t e = c->expv[side][ei];
    r.expansion = S_pool(o, plx__interned(&c->strs, e), c->strs.len[e]);
  }
  PLX__PUSH(o->words[side], o->nwords[side], o->wcap[side], r);
}

/* ---- writing the image ---- */

static size_t S_slots_for(size_t n) {
  size_t s = 16;
  while (s < n * 2) s <<= 1;
  return s;
}

static void S_align8(plx__buf *b) {
  while (b->len % 8) plx__buf_putc(b, '\0');
}

static void S_section(plx__buf *out, plx__image_header *h, int sec, const void *p, size_t len) {
  S_align8(out);
  h->sec[sec].off = out->len;
  h->sec[sec].len = len;
  if (len) plx__buf_put(out, p, len);
}

/* Hash slots for n items whose hashes are hash(i). */
static uint32_t *S_slots(size_t n, size_t ns, uint32_t (*hash)(const void *ctx, size_t i),
                         const void *ctx) {
  uint32_t *slots = plx__calloc(ns, sizeof *slots);
  for (size_t i = 0; i < n; i++) {
    size_t k = hash(ctx, i) & (ns - 1);
    while (slots[k]) k = (k + 1) & (ns - 1);
    slots[k] = (uint32_t)i + 1;
  }
  return slots;
}

static uint32_t S_hash_strmap(const void *ctx, size_t i) {
  return ((const plx__strmap *)ctx)->hash[i];
}
static uint32_t S_hash_wrec(const void *ctx, size_t i) { return ((const plx__wrec *)ctx)[i].hash; }
static uint32_t S_hash_nrec(const void *ctx, size_t i) { return ((const plx__nrec *)ctx)[i].hash; }
static uint32_t S_hash_lrec(const void *ctx, size_t i) { return ((const plx__lrec *)ctx)[i].hash; }

static plx_status S_load_sources(S_c *c, plx_error *err) {
  const plx__image_src *src = c->src;
  char path[4300];
  S_file f;
  plx_status st;
  if (!(src->user && src->replace)) {
    snprintf(path, sizeof path, "%s/bilingual.tsv", src->dir);
    if ((st = S_read(path, 0, &f, err))) return st;
    S_lines(&f, S_bilingual_fn, c);
    free(f.data);
  }
  if (src->user) {
    uint32_t before = c->pairs;
    if ((st = S_read(src->user, 0, &f, err))) return st;
    S_lines(&f, S_bilingual_fn, c);
    free(f.data);
    if (c->pairs == before)
      return plx__fail(err, PLX_ERR_DATA, "%s: no entries (expected lines LEMMA_%s<TAB>LEMMA_%s)",
                       src->user, src->lang[0], src->lang[1]);
  }
  for (int side = 0; side < 2; side++) {
    c->side = side;
    snprintf(path, sizeof path, "%s/forms-%s.tsv", src->dir, src->lang[side]);
    if ((st = S_read(path, 1, &f, err))) return st;
    S_lines(&f, S_forms_fn, c);
    free(f.data);
    /* the forms Hunspell's dictionary gives for the bilingual lemmas
     * (lexicon/tools/hunspell-forms.py) */
    snprintf(path, sizeof path, "%s/forms-%s-hunspell.tsv", src->dir, src->lang[side]);
    if ((st = S_read(path, 1, &f, err))) return st;
    if (f.data) c->hunspell_forms++;
    S_lines(&f, S_forms_fn, c);
    free(f.data);
    snprintf(path, sizeof path, "%s/stop-%s.txt", src->dir, src->lang[side]);
    if ((st = S_read(path, 1, &f, err))) return st;
    S_lines(&f, S_stops_fn, c);
    free(f.data);
    snprintf(path, sizeof path, "%s/clitics-%s.txt", src->dir, src->lang[side]);
    if ((st = S_read(path, 1, &f, err))) return st;
    S_lines(&f, S_clitics_fn, c);
    free(f.data);
  }
  snprintf(path, sizeof path, "%s/expansions.tsv", src->dir);
  if ((st = S_read(path, 1, &f, err))) return st;
  S_lines(&f, S_expansions_fn, c);
  free(f.data);
  return PLX_OK;
}

/* Add a string's words (space-separated) to the words of side. */
static void S_add_words(S_c *c, int side, const char *s, size_t n) {
  for (size_t k = 0; k < n;) {
    size_t e = k;
    while (e < n && s[e] != ' ') e++;
    if (e > k) plx__intern(&c->words[side], s + k, e - k, NULL);
    k = e + 1;
  }
}

plx_status plx__image_compile(const plx__image_src *src, plx__buf *out, plx_error *err) {
  S_c c;
  memset(&c, 0, sizeof c);
  c.src = src;
  S_names nm;
  memset(&nm, 0, sizeof nm);
  nm.c = &c;
  nm.max_tokens = 1;
  S_out o;
  memset(&o, 0, sizeof o);
  plx__buf sk = {0};
  uint8_t *starts[2] = {NULL, NULL};
  plx__strmap name1;
  memset(&name1, 0, sizeof name1);
  S_name *name1v = NULL;
  size_t nname1 = 0, name1cap = 0;
  plx__nrec *nrecs = NULL;
  size_t nnrecs = 0, nreccap = 0;
  plx_status st = S_load_sources(&c, err);
  if (st) goto done;
  /* the words: forms, one-word lemmas, stop words, expansions, clitics */
  for (int side = 0; side < 2; side++) {
    for (size_t k = 0; k < c.forms[side].n; k++)
      plx__intern(&c.words[side], plx__interned(&c.forms[side], (uint32_t)k),
                  c.forms[side].len[k], NULL);
    for (size_t k = 0; k < c.lemmas[side].n; k++) {
      const char *s = plx__interned(&c.lemmas[side], (uint32_t)k);
      if (!S_has_space(s, c.lemmas[side].len[k]))
        plx__intern(&c.words[side], s, c.lemmas[side].len[k], NULL);
    }
    for (size_t k = 0; k < c.stops[side].n; k++)
      plx__intern(&c.words[side], plx__interned(&c.stops[side], (uint32_t)k),
                  c.stops[side].len[k], NULL);
    for (size_t k = 0; k < c.expansions[side].n; k++) {
      plx__intern(&c.words[side], plx__interned(&c.expansions[side], (uint32_t)k),
                  c.expansions[side].len[k], NULL);
      uint32_t e = c.expv[side][k];
      S_add_words(&c, side, plx__interned(&c.strs, e), c.strs.len[e]);
    }
    for (size_t k = 1; k < c.clitics[side].n; k += 2) {
      uint32_t e = c.clitics[side].v[k];
      S_add_words(&c, side, plx__interned(&c.strs, e), c.strs.len[e]);
    }
  }
  /* names: their tokens become words of both sides */
  {
    char path[4300];
    S_file f;
    snprintf(path, sizeof path, "%s/names.tsv", src->dir);
    if ((st = S_read(path, 1, &f, err))) goto done;
    S_lines(&f, S_names_fn, &nm);
    free(f.data);
  }
  for (int side = 0; side < 2; side++) starts[side] = plx__calloc(c.words[side].n + 1, 1);
  for (size_t k = 0; k < nm.n; k++) {
    const S_name *x = &nm.v[k];
    const char *key = plx__interned(&c.strs, x->key);
    size_t kl = c.strs.len[x->key];
    if (x->ntokens == 1) {
      int created;
      plx__intern(&name1, key, kl, &created);
      if (created) PLX__PUSH(name1v, nname1, name1cap, *x);
      continue;
    }
    const char *sp = memchr(key, ' ', kl);
    size_t fl = sp ? (size_t)(sp - key) : kl;
    for (int side = 0; side < 2; side++) {
      uint32_t wid = plx__lookup(&c.words[side], key, fl);
      if (wid != PLX__NONE) starts[side][wid] = 1;
    }
    plx__nrec r;
    memset(&r, 0, sizeof r);
    r.hash = plx__hash(key, kl);
    r.key = S_pool(&o, key, kl);
    r.key_len = (uint16_t)kl;
    r.concept = x->concept;
    r.ntokens = x->ntokens;
    r.needs_upper = x->needs_upper;
    PLX__PUSH(nrecs, nnrecs, nreccap, r);
  }
  for (int side = 0; side < 2; side++)
    for (size_t k = 0; k < c.words[side].n; k++)
      S_word_record(&c, &o, side, plx__interned(&c.words[side], (uint32_t)k),
                    c.words[side].len[k], &name1, name1v, starts[side], &sk);
  /* the string pool of the image: concept strings too */
  uint32_t *cstr = plx__malloc((c.concepts.n + 1) * sizeof *cstr);
  for (size_t k = 0; k < c.concepts.n; k++)
    cstr[k] = S_pool(&o, plx__interned(&c.concepts, (uint32_t)k), c.concepts.len[k]);
  /* write */
  plx__image_header h;
  memset(&h, 0, sizeof h);
  memcpy(h.magic, PLX__IMAGE_MAGIC, 8);
  h.version = PLX__IMAGE_VERSION;
  h.bom = PLX__IMAGE_BOM;
  snprintf(h.lang[0], sizeof h.lang[0], "%s", src->lang[0]);
  snprintf(h.lang[1], sizeof h.lang[1], "%s", src->lang[1]);
  h.flags = c.hunspell_forms == 2 && !src->user ? PLX__IF_HUNSPELL_FORMS : 0;
  h.pairs = c.pairs;
  h.nconcepts = (uint32_t)c.concepts.n;
  h.name_max_tokens = nm.max_tokens;
  h.nsec = PLX__SEC_COUNT;
  out->len = 0;
  plx__buf_put(out, (const char *)&h, sizeof h);
  S_section(out, &h, PLX__SEC_CONCEPT_STR, cstr, c.concepts.n * sizeof *cstr);
  S_section(out, &h, PLX__SEC_CONCEPT_KIND, c.ckind, c.concepts.n);
  size_t ns = S_slots_for(c.concepts.n);
  uint32_t *slots = S_slots(c.concepts.n, ns, S_hash_strmap, &c.concepts);
  S_section(out, &h, PLX__SEC_CONCEPT_SLOTS, slots, ns * sizeof *slots);
  free(slots);
  S_section(out, &h, PLX__SEC_IDS, o.ids, o.nids * sizeof *o.ids);
  for (int side = 0; side < 2; side++) {
    S_section(out, &h, side ? PLX__SEC_WORDS1 : PLX__SEC_WORDS0, o.words[side],
              o.nwords[side] * sizeof(plx__wrec));
    ns = S_slots_for(o.nwords[side]);
    slots = S_slots(o.nwords[side], ns, S_hash_wrec, o.words[side]);
    S_section(out, &h, side ? PLX__SEC_WORD_SLOTS1 : PLX__SEC_WORD_SLOTS0, slots,
              ns * sizeof *slots);
    free(slots);
  }
  S_section(out, &h, PLX__SEC_NAMES, nrecs, nnrecs * sizeof *nrecs);
  ns = S_slots_for(nnrecs);
  slots = S_slots(nnrecs, ns, S_hash_nrec, nrecs);
  S_section(out, &h, PLX__SEC_NAME_SLOTS, slots, ns * sizeof *slots);
  free(slots);
  for (int side = 0; side < 2; side++) {
    plx__crec *cr = plx__calloc(c.clitics[side].n / 2 + 1, sizeof *cr);
    size_t ncr = 0;
    for (size_t k = 0; k + 1 < c.clitics[side].n; k += 2) {
      uint32_t e = c.clitics[side].v[k], p = c.clitics[side].v[k + 1];
      cr[ncr].ending = S_pool(&o, plx__interned(&c.strs, e), c.strs.len[e]);
      cr[ncr].ending_len = (uint16_t)c.strs.len[e];
      cr[ncr].pronouns = S_pool(&o, plx__interned(&c.strs, p), c.strs.len[p]);
      cr[ncr].pronouns_len = (uint16_t)c.strs.len[p];
      ncr++;
    }
    S_section(out, &h, side ? PLX__SEC_CLITICS1 : PLX__SEC_CLITICS0, cr, ncr * sizeof *cr);
    free(cr);
  }
  /* bilingual lemmas and their translations, as strings */
  {
    uint32_t *trv = NULL;
    size_t ntrv = 0, trcap = 0;
    for (int side = 0; side < 2; side++) {
      size_t nl = c.lemmas[side].n;
      plx__lrec *lr = plx__calloc(nl + 1, sizeof *lr);
      for (size_t k = 0; k < nl; k++) {
        const char *ls = plx__interned(&c.lemmas[side], (uint32_t)k);
        size_t ll = c.lemmas[side].len[k];
        lr[k].hash = plx__hash(ls, ll);
        lr[k].str = S_pool(&o, ls, ll);
        lr[k].len = (uint32_t)ll;
        lr[k].tr = (uint32_t)ntrv;
        const S_list *tl = &c.trans[side][k];
        for (size_t t = 0; t < tl->n; t++) {
          uint32_t off = S_pool(&o, plx__interned(&c.strs, tl->v[t]), c.strs.len[tl->v[t]]);
          PLX__PUSH(trv, ntrv, trcap, off);
        }
        lr[k].ntr = (uint32_t)tl->n;
      }
      S_section(out, &h, side ? PLX__SEC_LEMMAS1 : PLX__SEC_LEMMAS0, lr, nl * sizeof *lr);
      ns = S_slots_for(nl);
      slots = S_slots(nl, ns, S_hash_lrec, lr);
      S_section(out, &h, side ? PLX__SEC_LEMMA_SLOTS1 : PLX__SEC_LEMMA_SLOTS0, slots,
                ns * sizeof *slots);
      free(slots);
      free(lr);
    }
    S_section(out, &h, PLX__SEC_TRANS, trv, ntrv * sizeof *trv);
    free(trv);
  }
  /* last: every string is in the pool now */
  S_section(out, &h, PLX__SEC_STRINGS, o.strpos.pool.data, o.strpos.pool.len);
  S_align8(out);
  h.size = out->len;
  memcpy(out->data, &h, sizeof h);
  free(cstr);
done:
  plx__buf_free(&sk);
  for (int side = 0; side < 2; side++) {
    for (size_t k = 0; k < c.lemmas[side].n; k++) free(c.trans[side][k].v);
    free(c.trans[side]);
    plx__strmap_free(&c.lemmas[side]);
    for (size_t k = 0; k < c.forms[side].n; k++) free(c.flemmas[side][k].v);
    free(c.flemmas[side]);
    free(c.lpos[side]);
    free(c.fpos[side]);
    plx__strmap_free(&c.forms[side]);
    plx__strmap_free(&c.stops[side]);
    plx__strmap_free(&c.expansions[side]);
    free(c.expv[side]);
    free(c.clitics[side].v);
    plx__strmap_free(&c.words[side]);
    free(o.words[side]);
    free(starts[side]);
  }
  plx__strmap_free(&c.strs);
  plx__strmap_free(&c.concepts);
  free(c.ckind);
  plx__strmap_free(&nm.keys);
  free(nm.v);
  plx__toks_free(&nm.toks);
  plx__buf_free(&nm.joined);
  plx__strmap_free(&o.strpos);
  free(o.ids);
  plx__strmap_free(&name1);
  free(name1v);
  free(nrecs);
  return st;
}
