/* lexicon.c: the data of a language pair, and what a word means in it.
 *
 * Data files are tab-separated text, sorted by their first column (the
 * generator, lexicon/tools/lexicon-update.py, writes them so). They are
 * mapped into memory and indexed by line at load: no parsing, no copies, so
 * start-up costs a scan for line breaks. A second index, sorted by the
 * second column, serves look-ups from the other language.
 *
 * A word form is analysed once per language and cached: its lemmas (form
 * tables, else Hunspell, else the form itself), and the concepts it can
 * stand for, interned as integers: "L:lemma" for each lemma in its own
 * language, "O:translation" for each translation into the other language,
 * "=:skeleton" (case-folded, accents removed with ICU's Latin-ASCII
 * transliterator) for names and identical words, "~:prefix" (the first five
 * letters of the skeleton of a long word) for cognates such as
 * infrastructure/infraestructura, and "#:value" for numbers, written
 * language-neutrally (10,000 in English and 10.000 in Spanish are both
 * 10000).
 */
#include "lexicon_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <hunspell/hunspell.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#ifndef PLX_PKGDATADIR
#define PLX_PKGDATADIR "/usr/local/share/parallax"
#endif
#ifndef PLX_SRCDATADIR
#define PLX_SRCDATADIR "lexicon/data"
#endif

/* ---- mapped, line-indexed TSV tables ---- */

/* Hunspell keeps process-wide tables (csutil's Unicode table, counted by
 * instances) that creating and destroying a dictionary update without a
 * lock; lexicons used by different threads (parallax batch) therefore
 * create and destroy their dictionaries one at a time. */
static pthread_mutex_t S_hunspell_lock = PTHREAD_MUTEX_INITIALIZER;

static void S_table_close(S_table *t) {
  if (t->mapped) munmap((void *)t->data, t->len);
  free(t->owned);
  free(t->rows);
  free(t->by1);
  memset(t, 0, sizeof *t);
}

/* Column col of row r: [*s, *e). */
static void S_col(const S_table *t, uint32_t r, int col, const char **s, const char **e) {
  const char *p = t->data + r, *end = t->data + t->len;
  for (int c = 0; c < col; c++) {
    while (p < end && *p != '\t' && *p != '\n') p++;
    if (p < end && *p == '\t') p++;
  }
  const char *q = p;
  while (q < end && *q != '\t' && *q != '\n' && *q != '\r') q++;
  *s = p;
  *e = q;
}

static int S_cmp_key(const S_table *t, uint32_t r, int col, const char *key, size_t klen) {
  const char *s, *e;
  S_col(t, r, col, &s, &e);
  size_t n = (size_t)(e - s);
  int c = memcmp(s, key, n < klen ? n : klen);
  if (c) return c;
  return n < klen ? -1 : n > klen;
}

static const S_table *S_sort_table;
static int S_sort_col;
static int S_cmp_rows(const void *a, const void *b) {
  const char *s1, *e1, *s2, *e2;
  S_col(S_sort_table, *(const uint32_t *)a, S_sort_col, &s1, &e1);
  S_col(S_sort_table, *(const uint32_t *)b, S_sort_col, &s2, &e2);
  size_t n1 = (size_t)(e1 - s1), n2 = (size_t)(e2 - s2);
  int c = memcmp(s1, s2, n1 < n2 ? n1 : n2);
  if (c) return c;
  return n1 < n2 ? -1 : n1 > n2;
}

/* qsort's comparator has no context argument (qsort_r is not portable),
 * so the table being sorted is passed in statics, under a lock so that
 * lexicons may be opened by several threads at once. */
static pthread_mutex_t S_sort_lock = PTHREAD_MUTEX_INITIALIZER;
static void S_sort_rows(const S_table *t, uint32_t *rows, size_t n, int col) {
  pthread_mutex_lock(&S_sort_lock);
  S_sort_table = t;
  S_sort_col = col;
  for (size_t i = 1; i < n; i++)
    if (S_cmp_rows(&rows[i - 1], &rows[i]) > 0) {
      qsort(rows, n, sizeof *rows, S_cmp_rows);
      break;
    }
  pthread_mutex_unlock(&S_sort_lock);
}

static plx_status S_table_index(S_table *t, int second, plx_error *err, const char *path) {
  if (t->len > UINT32_MAX) return plx__fail(err, PLX_ERR_DATA, "%s: file too large", path);
  size_t cap = 0;
  for (size_t i = 0; i < t->len;) {
    const char *nl = memchr(t->data + i, '\n', t->len - i);
    size_t e = nl ? (size_t)(nl - t->data) : t->len;
    if (e > i && t->data[i] != '#' && memchr(t->data + i, '\t', e - i)) {
      uint32_t r = (uint32_t)i;
      PLX__PUSH(t->rows, t->nrows, cap, r);
    }
    i = e + 1;
  }
  S_sort_rows(t, t->rows, t->nrows, 0);
  if (second) {
    t->by1 = plx__malloc(t->nrows * sizeof *t->by1 + 1);
    if (t->nrows) memcpy(t->by1, t->rows, t->nrows * sizeof *t->by1);
    S_sort_rows(t, t->by1, t->nrows, 1);
  }
  return PLX_OK;
}

static plx_status S_table_open(S_table *t, const char *path, int second, int optional,
                               plx_error *err) {
  memset(t, 0, sizeof *t);
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
  t->len = (size_t)st.st_size;
  if (t->len) {
    void *m = mmap(NULL, t->len, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED) {
      close(fd);
      return plx__fail(err, PLX_ERR_DATA, "%s: %s", path, strerror(errno));
    }
    t->data = m;
    t->mapped = 1;
  } else {
    t->owned = plx__strndup("", 0);
    t->data = t->owned;
  }
  close(fd);
  if (plx__utf8_invalid_at(t->data, t->len) < t->len) {
    S_table_close(t);
    return plx__fail(err, PLX_ERR_DATA, "%s: not UTF-8", path);
  }
  return S_table_index(t, second, err, path);
}

/* Rows of t whose column col equals key: calls fn for each. */
static void S_table_each(const S_table *t, int col, const char *key, size_t klen,
                         void (*fn)(void *ctx, const S_table *t, uint32_t row), void *ctx) {
  const uint32_t *rows = col == 0 ? t->rows : t->by1;
  if (!rows || !t->nrows) return;
  size_t lo = 0, hi = t->nrows;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (S_cmp_key(t, rows[mid], col, key, klen) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (size_t i = lo; i < t->nrows && S_cmp_key(t, rows[i], col, key, klen) == 0; i++)
    fn(ctx, t, rows[i]);
}

static int S_table_has(const S_table *t, int col, const char *key, size_t klen) {
  const uint32_t *rows = col == 0 ? t->rows : t->by1;
  if (!rows || !t->nrows) return 0;
  size_t lo = 0, hi = t->nrows;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = S_cmp_key(t, rows[mid], col, key, klen);
    if (c == 0) return 1;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/* ---- interned strings ---- */

static uint32_t S_hash(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 16777619u;
  }
  return h;
}

uint32_t plx__intern(plx__strmap *m, const char *s, size_t n, int *created) {
  if (created) *created = 0;
  if (m->nslots == 0 || (m->n + 1) * 2 > m->nslots) {
    size_t ns = m->nslots ? m->nslots * 2 : 1024;
    uint32_t *slots = plx__calloc(ns, sizeof *slots);
    for (size_t i = 0; i < m->nslots; i++) {
      uint32_t id = m->slots[i];
      if (!id) continue;
      size_t k = m->hash[id - 1] & (ns - 1);
      while (slots[k]) k = (k + 1) & (ns - 1);
      slots[k] = id;
    }
    free(m->slots);
    m->slots = slots;
    m->nslots = ns;
  }
  uint32_t h = S_hash(s, n);
  size_t k = h & (m->nslots - 1);
  for (; m->slots[k]; k = (k + 1) & (m->nslots - 1)) {
    uint32_t id = m->slots[k] - 1;
    if (m->hash[id] == h && m->len[id] == n && memcmp(m->pool.data + m->off[id], s, n) == 0)
      return id;
  }
  uint32_t id = (uint32_t)m->n;
  if (m->n + 1 > m->cap) {
    size_t c = m->cap ? m->cap * 2 : 256;
    m->off = plx__realloc(m->off, c * sizeof *m->off);
    m->len = plx__realloc(m->len, c * sizeof *m->len);
    m->hash = plx__realloc(m->hash, c * sizeof *m->hash);
    m->cap = c;
  }
  m->off[id] = m->pool.len;
  m->len[id] = (uint32_t)n;
  m->hash[id] = h;
  m->n++;
  plx__buf_put(&m->pool, s, n);
  plx__buf_putc(&m->pool, '\0');
  m->slots[k] = id + 1;
  if (created) *created = 1;
  return id;
}

uint32_t plx__lookup(const plx__strmap *m, const char *s, size_t n) {
  if (!m->nslots) return UINT32_MAX;
  uint32_t h = S_hash(s, n);
  for (size_t k = h & (m->nslots - 1); m->slots[k]; k = (k + 1) & (m->nslots - 1)) {
    uint32_t id = m->slots[k] - 1;
    if (m->hash[id] == h && m->len[id] == n && memcmp(m->pool.data + m->off[id], s, n) == 0)
      return id;
  }
  return UINT32_MAX;
}

const char *plx__interned(const plx__strmap *m, uint32_t id) { return m->pool.data + m->off[id]; }

void plx__strmap_free(plx__strmap *m) {
  plx__buf_free(&m->pool);
  free(m->off);
  free(m->len);
  free(m->hash);
  free(m->slots);
  memset(m, 0, sizeof *m);
}

/* ---- the lexicon ---- */

void plx_lexicon_options_init(plx_lexicon_options *o) {
  memset(o, 0, sizeof *o);
  o->lang_a = "en";
  o->lang_b = "es";
}

static int S_dir_has(const char *dir, const char *pair) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s/bilingual.tsv", dir, pair);
  return access(path, R_OK) == 0;
}

/* Where the pair's files are: --data-dir, $PARALLAX_DATADIR, the installed
 * folder, or the source tree this program was built from. */
static const char *S_find_data(const plx_lexicon_options *o, const char *pair) {
  if (o->data_dir) return o->data_dir;
  const char *env = getenv("PARALLAX_DATADIR");
  if (env && *env) return env;
  if (S_dir_has(PLX_PKGDATADIR, pair)) return PLX_PKGDATADIR;
  return PLX_SRCDATADIR;
}

static void S_index_expansions(plx__lex *lex);

static plx_status S_load_words(plx__lex *lex, int side, const char *path, plx_error *err) {
  S_table t;
  plx_status st = S_table_open(&t, path, 0, 1, err);
  if (st) return st;
  /* stop-LANG.txt: one word a line (no tab), so index lines by hand */
  for (size_t i = 0; i < t.len;) {
    const char *nl = memchr(t.data + i, '\n', t.len - i);
    size_t e = nl ? (size_t)(nl - t.data) : t.len;
    size_t ce = e;
    while (ce > i && (t.data[ce - 1] == '\r' || t.data[ce - 1] == ' ')) ce--;
    if (ce > i && t.data[i] != '#') {
      int created;
      uint32_t id = plx__intern(&lex->words, t.data + i, ce - i, &created);
      plx__grow((void **)&lex->stopflag[side], &lex->stopcap[side], id + 1, 1);
      for (size_t k = lex->nstop[side]; k <= id; k++) lex->stopflag[side][k] = 0;
      if (id + 1 > lex->nstop[side]) lex->nstop[side] = id + 1;
      lex->stopflag[side][id] = 1;
    }
    i = e + 1;
  }
  S_table_close(&t);
  return PLX_OK;
}

int plx__is_stop(const plx__lex *lex, int side, const char *w, size_t n) {
  uint32_t id = plx__lookup(&lex->words, w, n);
  return id != UINT32_MAX && id < lex->nstop[side] && lex->stopflag[side][id];
}

plx_status plx_lexicon_new(const plx_lexicon_options *opt, plx_lexicon **out, plx_error *err) {
  plx_lexicon_options defaults;
  if (!opt) {
    plx_lexicon_options_init(&defaults);
    opt = &defaults;
  }
  *out = NULL;
  plx__lex *lex = plx__calloc(1, sizeof *lex);
  snprintf(lex->lang[0], sizeof lex->lang[0], "%s", opt->lang_a ? opt->lang_a : "en");
  snprintf(lex->lang[1], sizeof lex->lang[1], "%s", opt->lang_b ? opt->lang_b : "es");
  char pair[32], path[8400];
  snprintf(pair, sizeof pair, "%s-%s", lex->lang[0], lex->lang[1]);
  const char *dir = S_find_data(opt, pair);
  snprintf(lex->dir, sizeof lex->dir, "%s/%s", dir, pair);
  if (opt->dict_dir) snprintf(lex->dict_dir, sizeof lex->dict_dir, "%s", opt->dict_dir);
  plx_status st = PLX_OK;
  if (!(opt->lexicon_path && opt->replace_default)) {
    snprintf(path, sizeof path, "%s/bilingual.tsv", lex->dir);
    st = S_table_open(&lex->bi[0], path, 1, 0, err);
    if (st) goto fail;
  }
  if (opt->lexicon_path) {
    st = S_table_open(&lex->bi[1], opt->lexicon_path, 1, 0, err);
    if (st) goto fail;
    if (lex->bi[1].nrows == 0) {
      st = plx__fail(err, PLX_ERR_DATA, "%s: no entries (expected lines LEMMA_%s<TAB>LEMMA_%s)",
                     opt->lexicon_path, lex->lang[0], lex->lang[1]);
      goto fail;
    }
  }
  for (int side = 0; side < 2; side++) {
    snprintf(path, sizeof path, "%s/forms-%s.tsv", lex->dir, lex->lang[side]);
    st = S_table_open(&lex->forms[side], path, 0, 1, err);
    if (st) goto fail;
    snprintf(path, sizeof path, "%s/stop-%s.txt", lex->dir, lex->lang[side]);
    st = S_load_words(lex, side, path, err);
    if (st) goto fail;
  }
  snprintf(path, sizeof path, "%s/expansions.tsv", lex->dir);
  st = S_table_open(&lex->expansions, path, 0, 1, err);
  if (st) goto fail;
  S_index_expansions(lex);
  for (int side = 0; side < 2; side++) {
    snprintf(path, sizeof path, "%s/clitics-%s.txt", lex->dir, lex->lang[side]);
    st = S_table_open(&lex->clitics[side], path, 0, 1, err);
    if (st) goto fail;
    /* longest endings first, as written: keep file order */
    if (lex->clitics[side].nrows) {
      S_table *t = &lex->clitics[side];
      size_t k = 0;
      for (size_t i = 0; i < t->len;) {
        const char *nl = memchr(t->data + i, '\n', t->len - i);
        size_t e = nl ? (size_t)(nl - t->data) : t->len;
        if (e > i && t->data[i] != '#' && memchr(t->data + i, '\t', e - i)) t->rows[k++] = (uint32_t)i;
        i = e + 1;
      }
    }
  }
  snprintf(path, sizeof path, "%s/names.tsv", lex->dir);
  st = S_table_open(&lex->names, path, 0, 1, err);
  if (st) goto fail;
  st = plx__names_index(lex, err);
  if (st) goto fail;
  *out = (plx_lexicon *)lex;
  return PLX_OK;
fail:
  plx_lexicon_free((plx_lexicon *)lex);
  return st;
}

void plx_lexicon_free(plx_lexicon *l) {
  plx__lex *lex = (plx__lex *)l;
  if (!lex) return;
  for (int i = 0; i < 2; i++) {
    S_table_close(&lex->bi[i]);
    S_table_close(&lex->forms[i]);
    if (lex->hun[i]) {
      pthread_mutex_lock(&S_hunspell_lock);
      Hunspell_destroy(lex->hun[i]);
      pthread_mutex_unlock(&S_hunspell_lock);
    }
    free(lex->stopflag[i]);
  }
  S_table_close(&lex->names);
  S_table_close(&lex->expansions);
  S_table_close(&lex->clitics[0]);
  S_table_close(&lex->clitics[1]);
  plx__strmap_free(&lex->exp_keys);
  free(lex->exp_rows);
  if (lex->translit) utrans_close(lex->translit);
  plx__strmap_free(&lex->words);
  plx__strmap_free(&lex->concepts);
  plx__strmap_free(&lex->cache_keys);
  plx__strmap_free(&lex->name_keys);
  for (size_t i = 0; i < lex->ncache; i++) free(lex->cache[i].concepts);
  free(lex->cache);
  plx__names_free(lex);
  free(lex);
}

size_t plx_lexicon_size(const plx_lexicon *l) {
  const plx__lex *lex = (const plx__lex *)l;
  return lex->bi[0].nrows + lex->bi[1].nrows;
}

int plx__side(const plx__lex *lex, const char *lang) {
  return plx__side_n(lex, lang, strlen(lang));
}

int plx__side_n(const plx__lex *lex, const char *lang, size_t n) {
  for (int side = 0; side < 2; side++)
    if (strlen(lex->lang[side]) == n && memcmp(lang, lex->lang[side], n) == 0) return side;
  return -1;
}

/* ---- look-ups ---- */

/* The words a form stands for ("del" -> "de el"), or NULL; *len gets
 * their length. Keys "SIDE\x01FORM" are indexed at load. */
const char *plx__expansion(const plx__lex *lex, int side, const char *form, size_t n,
                           size_t *len) {
  char key[128];
  if (n + 2 > sizeof key || lex->exp_keys.n == 0) return NULL;
  key[0] = (char)('0' + side);
  key[1] = '\x01';
  memcpy(key + 2, form, n);
  uint32_t id = plx__lookup(&lex->exp_keys, key, n + 2);
  if (id == UINT32_MAX) return NULL;
  const char *s, *e;
  S_col(&lex->expansions, lex->exp_rows[id], 2, &s, &e);
  *len = (size_t)(e - s);
  return s;
}

static void S_index_expansions(plx__lex *lex) {
  const S_table *t = &lex->expansions;
  size_t cap = 0, n = 0;
  for (size_t r = 0; r < t->nrows; r++) {
    const char *ls, *le, *fs, *fe;
    S_col(t, t->rows[r], 0, &ls, &le);
    S_col(t, t->rows[r], 1, &fs, &fe);
    int side = plx__side_n(lex, ls, (size_t)(le - ls));
    if (side < 0 || fe == fs || fe - fs > 100) continue;
    char key[128];
    key[0] = (char)('0' + side);
    key[1] = '\x01';
    memcpy(key + 2, fs, (size_t)(fe - fs));
    int created;
    uint32_t id = plx__intern(&lex->exp_keys, key, (size_t)(fe - fs) + 2, &created);
    if (created) {
      uint32_t row = t->rows[r];
      PLX__PUSH(lex->exp_rows, n, cap, row);
    }
    (void)id;
  }
}

typedef struct S_collect {
  char **items;
  size_t n, cap;
  int col;
} S_collect;

static void S_collect_fn(void *ctx, const S_table *t, uint32_t row) {
  S_collect *c = ctx;
  const char *s, *e;
  S_col(t, row, c->col, &s, &e);
  if (e == s) return;
  for (size_t i = 0; i < c->n; i++)
    if (strlen(c->items[i]) == (size_t)(e - s) && memcmp(c->items[i], s, (size_t)(e - s)) == 0)
      return;
  char *v = plx__strndup(s, (size_t)(e - s));
  PLX__PUSH(c->items, c->n, c->cap, v);
}

void plx_strings_free(char **s, size_t n) {
  for (size_t i = 0; i < n; i++) free(s[i]);
  free(s);
}

/* Translations of lemma (of side `side`) into the other side. */
void plx__translations(plx__lex *lex, int side, const char *lemma, size_t n, char ***out,
                       size_t *nout) {
  S_collect c = {0};
  c.col = side == 0 ? 1 : 0;
  for (int k = 0; k < 2; k++)
    S_table_each(&lex->bi[k], side == 0 ? 0 : 1, lemma, n, S_collect_fn, &c);
  *out = c.items;
  *nout = c.n;
}

int plx__known_lemma(const plx__lex *lex, int side, const char *w, size_t n) {
  for (int k = 0; k < 2; k++)
    if (S_table_has(&lex->bi[k], side == 0 ? 0 : 1, w, n)) return 1;
  return 0;
}

static Hunhandle *S_hunspell(plx__lex *lex, int side) {
  if (lex->hun[side] || lex->hun_failed[side]) return lex->hun[side];
  /* Loaded on first need: most words are in the form tables. */
  const char *dirs[4];
  int nd = 0;
  if (lex->dict_dir[0]) dirs[nd++] = lex->dict_dir;
  const char *env = getenv("DICPATH");
  if (env && *env && !lex->dict_dir[0]) dirs[nd++] = env;
  if (!lex->dict_dir[0]) dirs[nd++] = "/usr/share/hunspell";
  const char *names[2][3] = {{"en_US", "en_GB", "en"}, {"es_ES", "es", "es_MX"}};
  int which = strcmp(lex->lang[side], "en") == 0 ? 0 : strcmp(lex->lang[side], "es") == 0 ? 1 : -1;
  for (int d = 0; d < nd; d++)
    for (int k = 0; k < 3; k++) {
      char aff[4096], dic[4096];
      const char *base = which >= 0 ? names[which][k] : lex->lang[side];
      snprintf(aff, sizeof aff, "%s/%s.aff", dirs[d], base);
      snprintf(dic, sizeof dic, "%s/%s.dic", dirs[d], base);
      if (access(aff, R_OK) == 0 && access(dic, R_OK) == 0) {
        pthread_mutex_lock(&S_hunspell_lock);
        lex->hun[side] = Hunspell_create(aff, dic);
        pthread_mutex_unlock(&S_hunspell_lock);
        if (lex->hun[side]) return lex->hun[side];
      }
    }
  lex->hun_failed[side] = 1;
  return NULL;
}

static int S_known_form(const plx__lex *lex, int side, const char *w, size_t n) {
  return plx__known_lemma(lex, side, w, n) || S_table_has(&lex->forms[side], 0, w, n);
}

size_t plx__clitic_split(plx__lex *lex, int side, const char *form, size_t n, plx__buf *base,
                         const char **pron, size_t *plen) {
  const S_table *t = &lex->clitics[side];
  if (!t->nrows || n < 5) return 0;
  /* the endings first: the look-ups below are for the few words that have one */
  int any = 0;
  for (size_t r = 0; r < t->nrows && !any; r++) {
    const char *es, *ee;
    S_col(t, t->rows[r], 0, &es, &ee);
    size_t el = (size_t)(ee - es);
    any = el && el + 3 <= n && memcmp(form + n - el, es, el) == 0;
  }
  if (!any || S_known_form(lex, side, form, n)) return 0;
  for (size_t r = 0; r < t->nrows; r++) {
    const char *es, *ee, *ps, *pe;
    S_col(t, t->rows[r], 0, &es, &ee);
    S_col(t, t->rows[r], 1, &ps, &pe);
    size_t el = (size_t)(ee - es);
    if (el == 0 || el + 3 > n || memcmp(form + n - el, es, el) != 0) continue;
    size_t bl = n - el;
    /* the written accent that the pronouns added goes: asegúra(te) */
    base->len = 0;
    for (size_t i = 0; i < bl; i++) {
      unsigned char c = (unsigned char)form[i];
      if (c == 0xC3 && i + 1 < bl) {
        unsigned char d = (unsigned char)form[i + 1];
        char plain = d == 0xA1 ? 'a' : d == 0xA9 ? 'e' : d == 0xAD ? 'i' : d == 0xB3 ? 'o' : d == 0xBA ? 'u' : 0;
        if (plain) {
          plx__buf_putc(base, plain);
          i++;
          continue;
        }
      }
      plx__buf_putc(base, (char)c);
    }
    if (S_known_form(lex, side, base->data, base->len) ||
        S_known_form(lex, side, form, bl)) {
      if (!S_known_form(lex, side, base->data, base->len)) {
        base->len = 0;
        plx__buf_put(base, form, bl);
      }
      *pron = ps;
      *plen = (size_t)(pe - ps);
      return bl;
    }
  }
  return 0;
}

/* Lemmas of a case-folded form. */
void plx__lemmas(plx__lex *lex, int side, const char *form, size_t n, char ***out,
                 size_t *nout) {
  S_collect c = {0};
  c.col = 1;
  if (plx__known_lemma(lex, side, form, n)) {
    char *v = plx__strndup(form, n);
    PLX__PUSH(c.items, c.n, c.cap, v);
  }
  S_table_each(&lex->forms[side], 0, form, n, S_collect_fn, &c);
  if (c.n == 0) {
    Hunhandle *h = S_hunspell(lex, side);
    if (h && n < 100) {
      char w[128];
      memcpy(w, form, n);
      w[n] = '\0';
      char **list = NULL;
      int k = Hunspell_stem(h, &list, w);
      /* prefer stems the bilingual lexicon knows */
      for (int pass = 0; pass < 2 && c.n == 0; pass++)
        for (int i = 0; i < k; i++) {
          size_t ln = strlen(list[i]);
          if (pass == 0 && !plx__known_lemma(lex, side, list[i], ln)) continue;
          int dup = 0;
          for (size_t j = 0; j < c.n; j++) dup |= strcmp(c.items[j], list[i]) == 0;
          if (!dup) {
            char *v = plx__strndup(list[i], ln);
            PLX__PUSH(c.items, c.n, c.cap, v);
          }
        }
      if (list) Hunspell_free_list(h, &list, k);
    }
  }
  if (c.n == 0) {
    char *v = plx__strndup(form, n);
    PLX__PUSH(c.items, c.n, c.cap, v);
  }
  *out = c.items;
  *nout = c.n;
}

plx_status plx_lexicon_translate(plx_lexicon *l, const char *from, const char *lemma,
                                 char ***out, size_t *n) {
  plx__lex *lex = (plx__lex *)l;
  int side = plx__side(lex, from);
  *out = NULL;
  *n = 0;
  if (side < 0) return PLX_ERR_LANGUAGE;
  plx__translations(lex, side, lemma, strlen(lemma), out, n);
  return PLX_OK;
}

plx_status plx_lexicon_lemmas(plx_lexicon *l, const char *lang, const char *form, char ***out,
                              size_t *n) {
  plx__lex *lex = (plx__lex *)l;
  int side = plx__side(lex, lang);
  *out = NULL;
  *n = 0;
  if (side < 0) return PLX_ERR_LANGUAGE;
  plx__lemmas(lex, side, form, strlen(form), out, n);
  return PLX_OK;
}

/* The skeleton of a word: case-folded, accents and other marks removed, in
 * Latin letters (ICU "Any-Latin; Latin-ASCII"). ASCII words are their own
 * skeleton. */
void plx__skeleton(plx__lex *lex, const char *w, size_t n, plx__buf *out) {
  out->len = 0;
  size_t i = 0;
  while (i < n && (unsigned char)w[i] < 0x80) i++;
  if (i == n) {
    plx__buf_put(out, w, n);
    return;
  }
  UErrorCode uerr = U_ZERO_ERROR;
  if (!lex->translit && !lex->translit_failed) {
    UChar id[] = u"Any-Latin; Latin-ASCII; Lower";
    lex->translit = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &uerr);
    if (U_FAILURE(uerr)) lex->translit_failed = 1;
    uerr = U_ZERO_ERROR;
  }
  UChar buf[256];
  int32_t len = 0;
  u_strFromUTF8(buf, 200, &len, w, (int32_t)n, &uerr);
  if (U_FAILURE(uerr) || !lex->translit || len >= 200) {
    plx__buf_put(out, w, n);
    return;
  }
  int32_t limit = len;
  utrans_transUChars(lex->translit, buf, &len, 255, 0, &limit, &uerr);
  char o[1024];
  int32_t olen = 0;
  uerr = U_ZERO_ERROR;
  u_strToUTF8(o, sizeof o, &olen, buf, len, &uerr);
  if (U_FAILURE(uerr)) plx__buf_put(out, w, n);
  else plx__buf_put(out, o, (size_t)olen);
}
