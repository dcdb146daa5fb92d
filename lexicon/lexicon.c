/* lexicon.c: the data of a language pair, and what a word means in it.
 *
 * The data is a compiled image (image.h): made at build time from the
 * pair's TSV files, installed beside them, and mapped read-only here, so
 * that opening a lexicon costs a header check. Without an image (a source
 * tree not built yet, or a user lexicon given as TSV) the TSV files are
 * compiled in memory at start-up, which takes a fraction of a second;
 * `parallax lexicon compile` writes an image for a user lexicon once.
 *
 * A word the image does not know (a name, a typo, a rare inflection) is
 * analysed on first sight and its record kept in the handle: its lemma is
 * the word itself or, when the image's form tables do not come from the
 * same Hunspell dictionaries (a user lexicon, or another dictionary
 * folder), the stems Hunspell gives, preferring those the bilingual table
 * knows. Hunspell is loaded on first need, once per process: its
 * dictionaries are shared by every handle and thread (under a lock) and
 * stay loaded until the process ends.
 */
#define _GNU_SOURCE /* dladdr */
#include "lexicon_internal.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <hunspell/hunspell.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PLX_PKGDATADIR
#define PLX_PKGDATADIR "/usr/local/share/parallax"
#endif
#ifndef PLX_SRCDATADIR
#define PLX_SRCDATADIR "lexicon/data"
#endif
#ifndef PLX_BUILDDATADIR
#define PLX_BUILDDATADIR "lexicon/data"
#endif
#ifndef PLX_BUILDDIR
#define PLX_BUILDDIR ""
#endif
#define S_IMAGE_NAME "lexicon.plx"

/* ---- Hunspell, loaded once per process ---- */

typedef struct S_hun {
  char aff[4096];
  Hunhandle *h;
} S_hun;

static pthread_mutex_t S_hun_lock = PTHREAD_MUTEX_INITIALIZER;
static S_hun S_huns[8];
static size_t S_nhuns;

void plx__hunspell_cleanup(void); /* plx_cleanup (util.c) */
void plx__hunspell_cleanup(void) {
  pthread_mutex_lock(&S_hun_lock);
  for (size_t q = 0; q < S_nhuns; q++) Hunspell_destroy(S_huns[q].h);
  S_nhuns = 0;
  pthread_mutex_unlock(&S_hun_lock);
}

/* The dictionary of lang in the first folder that has one; NULL if none.
 * Call with S_hun_lock held. */
static Hunhandle *S_hunspell(const plx__lex *lex, int side) {
  const char *dirs[3];
  int nd = 0;
  if (lex->dict_dir[0]) dirs[nd++] = lex->dict_dir;
  const char *env = getenv("DICPATH");
  if (!lex->dict_dir[0] && env && *env) dirs[nd++] = env;
  if (!lex->dict_dir[0]) dirs[nd++] = "/usr/share/hunspell";
  /* the names each language's dictionary goes by, most usual first */
  const char *names[3][3] = {{"en_US", "en_GB", "en"}, {"es_ES", "es", "es_MX"}, {"ru_RU", "ru"}};
  const char *lang = lex->lang[side];
  int which = !strcmp(lang, "en") ? 0 : !strcmp(lang, "es") ? 1 : !strcmp(lang, "ru") ? 2 : -1;
  for (int d = 0; d < nd; d++)
    for (int k = 0; k < (which >= 0 ? 3 : 1); k++) {
      char aff[4096], dic[4096];
      const char *base = which >= 0 ? names[which][k] : lang;
      if (!base) continue;
      snprintf(aff, sizeof aff, "%s/%s.aff", dirs[d], base);
      snprintf(dic, sizeof dic, "%s/%s.dic", dirs[d], base);
      for (size_t q = 0; q < S_nhuns; q++)
        if (!strcmp(S_huns[q].aff, aff)) return S_huns[q].h;
      if (access(aff, R_OK) != 0 || access(dic, R_OK) != 0) continue;
      Hunhandle *h = Hunspell_create(aff, dic);
      if (!h) continue;
      if (S_nhuns < sizeof S_huns / sizeof *S_huns) {
        snprintf(S_huns[S_nhuns].aff, sizeof S_huns[S_nhuns].aff, "%s", aff);
        S_huns[S_nhuns++].h = h;
      }
      return h;
    }
  return NULL;
}

/* Hunspell's stems of word, as strings onto *out (caller frees). */
static void S_stems(const plx__lex *lex, int side, const char *w, size_t n, char ***out,
                    size_t *nout) {
  *out = NULL;
  *nout = 0;
  if (n >= 100) return;
  char word[128];
  memcpy(word, w, n);
  word[n] = '\0';
  pthread_mutex_lock(&S_hun_lock);
  Hunhandle *h = S_hunspell(lex, side);
  if (h) {
    char **list = NULL;
    int k = Hunspell_stem(h, &list, word);
    if (k > 0) {
      *out = plx__calloc((size_t)k, sizeof **out);
      for (int i = 0; i < k; i++) (*out)[(*nout)++] = plx__strndup(list[i], strlen(list[i]));
    }
    if (list) Hunspell_free_list(h, &list, k);
  }
  pthread_mutex_unlock(&S_hun_lock);
}

/* ---- opening ---- */

void plx_lexicon_options_init(plx_lexicon_options *o) {
  memset(o, 0, sizeof *o);
  o->lang_a = "en";
  o->lang_b = "es";
}

static int S_exists(const char *path) { return access(path, R_OK) == 0; }

/* Where the pair's files are: the caller's folder, $PARALLAX_DATADIR, the
 * installed folder, or the source tree this program was built from (with
 * its image in the build tree). */
/* Whether this code runs from the build tree (the program or library just
 * built, its tests) rather than from an installed copy: only then may the
 * data be looked for in the source and build trees. An installed library
 * never looks there, even when the tree it was built in still exists. */
static int S_build_tree;
static pthread_once_t S_build_tree_once = PTHREAD_ONCE_INIT;

static void S_build_tree_check(void) {
  char self[PATH_MAX], *real = NULL;
  Dl_info info;
  const char *file = NULL;
  if (dladdr((void *)&plx_lexicon_new, &info) && info.dli_fname && info.dli_fname[0])
    file = info.dli_fname;
  /* the main program's own symbols come without a file name */
  ssize_t n = file ? -1 : readlink("/proc/self/exe", self, sizeof self - 1);
  if (n > 0) {
    self[n] = '\0';
    file = self;
  }
  if (file) real = realpath(file, NULL);
  char *root = PLX_BUILDDIR[0] ? realpath(PLX_BUILDDIR, NULL) : NULL;
  size_t rl = root ? strlen(root) : 0;
  S_build_tree = real && root && !strncmp(real, root, rl) && real[rl] == '/';
  free(real);
  free(root);
}

static void S_find_data(const plx_lexicon_options *o, const char *pair, char *dir, size_t dn,
                        char *image, size_t in) {
  char path[8300];
  const char *base = o->data_dir;
  if (!base) {
    const char *env = getenv("PARALLAX_DATADIR");
    if (env && *env) base = env;
  }
  if (!base) {
    snprintf(path, sizeof path, "%s/%s/bilingual.tsv", PLX_PKGDATADIR, pair);
    pthread_once(&S_build_tree_once, S_build_tree_check);
    if (S_exists(path) || !S_build_tree) base = PLX_PKGDATADIR;
  }
  if (base) {
    snprintf(dir, dn, "%s/%s", base, pair);
    snprintf(image, in, "%s/%s/%s", base, pair, S_IMAGE_NAME);
    return;
  }
  snprintf(dir, dn, "%s/%s", PLX_SRCDATADIR, pair);
  snprintf(image, in, "%s/%s/%s", PLX_BUILDDATADIR, pair, S_IMAGE_NAME);
}

static plx_status S_compile_in_memory(plx__lex *lex, const plx_lexicon_options *o,
                                      plx_error *err) {
  plx__image_src src;
  memset(&src, 0, sizeof src);
  src.lang[0] = lex->lang[0];
  src.lang[1] = lex->lang[1];
  src.dir = lex->dir;
  src.user = o->lexicon_path;
  src.replace = o->replace_default;
  plx__buf b = {0};
  plx_status st = plx__image_compile(&src, &b, err);
  if (st) {
    plx__buf_free(&b);
    return st;
  }
  size_t len;
  char *data = plx__buf_detach(&b, &len);
  return plx__image_from_memory(&lex->im, data, len, lex->dir, err);
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
  char pair[32], image[8400], probe[8400];
  snprintf(pair, sizeof pair, "%s-%s", lex->lang[0], lex->lang[1]);
  S_find_data(opt, pair, lex->dir, sizeof lex->dir, image, sizeof image);
  snprintf(probe, sizeof probe, "%s/bilingual.tsv", lex->dir);
  if (!S_exists(image) && !S_exists(probe)) {
    /* a pair's data has one folder ("en-es"): asked in the other order
     * ("es", "en"), use it with the languages swapped; the sides of the
     * alignment follow the documents' languages, not this order */
    char rpair[32], rdir[4096], rimage[8400];
    snprintf(rpair, sizeof rpair, "%s-%s", lex->lang[1], lex->lang[0]);
    S_find_data(opt, rpair, rdir, sizeof rdir, rimage, sizeof rimage);
    snprintf(probe, sizeof probe, "%s/bilingual.tsv", rdir);
    if (S_exists(rimage) || S_exists(probe)) {
      char t[8];
      memcpy(t, lex->lang[0], sizeof t);
      memcpy(lex->lang[0], lex->lang[1], sizeof t);
      memcpy(lex->lang[1], t, sizeof t);
      snprintf(pair, sizeof pair, "%s", rpair);
      snprintf(lex->dir, sizeof lex->dir, "%s", rdir);
      snprintf(image, sizeof image, "%s", rimage);
    }
  }
  if (opt->dict_dir) {
    /* a folder given by the caller must be there: a typo would otherwise
     * pass unnoticed, with another dictionary or none */
    struct stat ds;
    if (stat(opt->dict_dir, &ds) != 0 || !S_ISDIR(ds.st_mode)) {
      free(lex);
      return plx__fail(err, PLX_ERR_DATA,
                       "%s: no such folder of Hunspell dictionaries (give the folder that "
                       "holds en_US.dic and es_ES.dic, or leave --dict-dir out)",
                       opt->dict_dir);
    }
    snprintf(lex->dict_dir, sizeof lex->dict_dir, "%s", opt->dict_dir);
  }
  plx_status st;
  if (!(opt->lexicon_path && plx__image_file_is_image(opt->lexicon_path)) && !S_exists(image) &&
      !S_exists(probe) && !(opt->lexicon_path && opt->replace_default)) {
    st = plx__fail(err, PLX_ERR_DATA,
                   "no lexicon data for %s-%s in %s (install Parallax's data, or set "
                   "PARALLAX_DATADIR to the folder that holds %s/)",
                   lex->lang[0], lex->lang[1], lex->dir, pair);
    goto fail;
  }
  if (opt->lexicon_path && plx__image_file_is_image(opt->lexicon_path)) {
    /* a compiled lexicon stands for the whole pair */
    st = plx__image_map(&lex->im, opt->lexicon_path, err);
  } else if (!opt->lexicon_path && S_exists(image)) {
    st = plx__image_map(&lex->im, image, err);
  } else {
    st = S_compile_in_memory(lex, opt, err);
  }
  if (st) goto fail;
  if (strcmp(lex->im.h->lang[0], lex->lang[0]) || strcmp(lex->im.h->lang[1], lex->lang[1])) {
    st = plx__fail(err, PLX_ERR_DATA, "%s: a lexicon of %s-%s, not %s",
                   opt->lexicon_path ? opt->lexicon_path : image, lex->im.h->lang[0],
                   lex->im.h->lang[1], pair);
    goto fail;
  }
  lex->hunspell = !(lex->im.h->flags & PLX__IF_HUNSPELL_FORMS) || lex->dict_dir[0];
  lex->cross_script = (!strcmp(lex->lang[0], "ru")) != (!strcmp(lex->lang[1], "ru"));
  *out = (plx_lexicon *)lex;
  return PLX_OK;
fail:
  plx_lexicon_free((plx_lexicon *)lex);
  return st;
}

void plx_lexicon_free(plx_lexicon *l) {
  plx__lex *lex = (plx__lex *)l;
  if (!lex) return;
  plx__image_close(&lex->im);
  plx__strmap_free(&lex->rt_concepts);
  free(lex->rt_kind);
  for (int side = 0; side < 2; side++) {
    free(lex->rt_words[side]);
    plx__strmap_free(&lex->rt_forms[side]);
  }
  plx__buf_free(&lex->rt_str);
  free(lex->rt_ids);
  plx__buf_free(&lex->scratch);
  plx__buf_free(&lex->scratch2);
  free(lex->wcache);
  free(lex);
}

plx_status plx_lexicon_compile(const plx_lexicon_options *opt, const char *path,
                               plx_error *err) {
  plx_lexicon_options defaults;
  if (!opt) {
    plx_lexicon_options_init(&defaults);
    opt = &defaults;
  }
  char pair[32], dir[4300], image[8400], la[8], lb[8];
  snprintf(la, sizeof la, "%s", opt->lang_a ? opt->lang_a : "en");
  snprintf(lb, sizeof lb, "%s", opt->lang_b ? opt->lang_b : "es");
  snprintf(pair, sizeof pair, "%s-%s", la, lb);
  S_find_data(opt, pair, dir, sizeof dir, image, sizeof image);
  if (opt->lexicon_path && plx__image_file_is_image(opt->lexicon_path))
    return plx__fail(err, PLX_ERR_USAGE, "%s: already compiled", opt->lexicon_path);
  plx__image_src src;
  memset(&src, 0, sizeof src);
  src.lang[0] = la;
  src.lang[1] = lb;
  src.dir = dir;
  src.user = opt->lexicon_path;
  src.replace = opt->replace_default;
  plx__buf b = {0};
  plx_status st = plx__image_compile(&src, &b, err);
  if (!st) {
    /* whole or not at all: a temporary file beside it, then a rename */
    char tmp[8400];
    snprintf(tmp, sizeof tmp, "%s.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
      st = plx__fail(err, PLX_ERR_IO, "%s: %s", path, strerror(errno));
    } else {
      size_t done = 0;
      while (done < b.len) {
        ssize_t w = write(fd, b.data + done, b.len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) break;
        done += (size_t)w;
      }
      /* readable by all, like the installed data (mkstemp gives 0600) */
      int bad = done != b.len || fchmod(fd, 0644) != 0 || fsync(fd) != 0;
      int saved = errno;
      if (close(fd) != 0) bad = 1;
      if (bad || rename(tmp, path) != 0) {
        st = plx__fail(err, PLX_ERR_IO, "%s: %s", path, strerror(bad ? saved : errno));
        unlink(tmp);
      }
    }
  }
  plx__buf_free(&b);
  return st;
}

size_t plx_lexicon_size(const plx_lexicon *l) {
  const plx__lex *lex = (const plx__lex *)l;
  return lex->im.h->pairs;
}

int plx__side(const plx__lex *lex, const char *lang) {
  return plx__side_n(lex, lang, strlen(lang));
}

int plx__side_n(const plx__lex *lex, const char *lang, size_t n) {
  for (int side = 0; side < 2; side++)
    if (strlen(lex->lang[side]) == n && memcmp(lang, lex->lang[side], n) == 0) return side;
  return -1;
}

/* ---- concepts ---- */

static int S_kind_of(const char *s, size_t n, const plx__lex *lex) {
  if (n < 2 || s[1] != ':') {
    for (int side = 0; side < 2; side++) {
      size_t l = strlen(lex->lang[side]);
      if (n > l && !memcmp(s, lex->lang[side], l) && s[l] == ':')
        return side ? PLX__CK_LEMMA1 : PLX__CK_LEMMA0;
    }
    return PLX__CK_OTHER;
  }
  switch (s[0]) {
  case '=': return PLX__CK_SKEL;
  case '~': return PLX__CK_COGNATE;
  case '3': return PLX__CK_PREFIX;
  case 'N': return PLX__CK_NAME;
  case '#': return PLX__CK_NUMBER;
  case 'v': return PLX__CK_VALUE;
  default: break;
  }
  return PLX__CK_OTHER;
}

uint32_t plx__concept(plx__lex *lex, const char *s, size_t n) {
  uint32_t h = plx__hash(s, n);
  uint32_t id = plx__image_concept(&lex->im, s, n, h);
  if (id != PLX__NONE) return id;
  int created;
  uint32_t rt = plx__intern_h(&lex->rt_concepts, s, n, h, &created);
  if (created) {
    plx__grow((void **)&lex->rt_kind, &lex->rt_kind_cap, rt + 1, 1);
    lex->rt_kind[rt] = (uint8_t)S_kind_of(s, n, lex);
  }
  return lex->im.h->nconcepts + rt;
}

int plx__concept_kind(const plx__lex *lex, uint32_t id) {
  uint32_t nc = lex->im.h->nconcepts;
  if (id < nc) return lex->im.ckind[id];
  id -= nc;
  return id < lex->rt_concepts.n ? lex->rt_kind[id] : PLX__CK_OTHER;
}

const char *plx__concept_str(const plx__lex *lex, uint32_t id) {
  uint32_t nc = lex->im.h->nconcepts;
  if (id < nc) return plx__image_string(&lex->im, lex->im.cstr[id]);
  id -= nc;
  return id < lex->rt_concepts.n ? plx__interned(&lex->rt_concepts, id) : "";
}

/* ---- words the image does not know ---- */

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

/* An unknown word ending in enclitic pronouns ("decirte", "asegúrate"):
 * the length of its verb when what is left is a word the tables know
 * (with the written accent the pronouns added dropped: asegúra(te)); the
 * verb as known in base, the pronouns in *pron (*plen bytes). */
static size_t S_clitic_split(const plx__lex *lex, int side, const char *form, size_t n,
                             plx__buf *base, const char **pron, size_t *plen) {
  const plx__image *im = &lex->im;
  if (!im->nclitics[side] || n < 5) return 0;
  for (size_t r = 0; r < im->nclitics[side]; r++) {
    const plx__crec *c = &im->clitics[side][r];
    size_t el = c->ending_len;
    if (c->ending >= im->str_len || el > im->str_len - c->ending ||
        c->pronouns >= im->str_len || c->pronouns_len > im->str_len - c->pronouns)
      continue;
    const char *es = im->str + c->ending;
    if (el == 0 || el + 3 > n || memcmp(form + n - el, es, el) != 0) continue;
    size_t bl = n - el;
    base->len = 0;
    for (size_t i = 0; i < bl; i++) {
      unsigned char ch = (unsigned char)form[i];
      if (ch == 0xC3 && i + 1 < bl) {
        unsigned char d = (unsigned char)form[i + 1];
        char plain = d == 0xA1 ? 'a' : d == 0xA9 ? 'e' : d == 0xAD ? 'i' : d == 0xB3 ? 'o'
                   : d == 0xBA ? 'u' : 0;
        if (plain) {
          plx__buf_putc(base, plain);
          i++;
          continue;
        }
      }
      plx__buf_putc(base, (char)ch);
    }
    uint32_t wb = plx__image_word(im, side, base->data, base->len, plx__hash(base->data, base->len));
    int known_base = wb != PLX__NONE && (im->words[side][wb].flags & PLX__WF_KNOWN);
    uint32_t wf = known_base ? PLX__NONE : plx__image_word(im, side, form, bl, plx__hash(form, bl));
    int known_form = wf != PLX__NONE && (im->words[side][wf].flags & PLX__WF_KNOWN);
    if (known_base || known_form) {
      if (!known_base) {
        base->len = 0;
        plx__buf_put(base, form, bl);
      }
      *pron = im->str + c->pronouns;
      *plen = c->pronouns_len;
      return bl;
    }
  }
  return 0;
}

static void S_add(uint32_t *ids, size_t *n, size_t cap, uint32_t id) {
  for (size_t k = 0; k < *n; k++)
    if (ids[k] == id) return;
  if (*n < cap) ids[(*n)++] = id;
}

/* The concept of lemma l and, when the bilingual table has it, those of
 * its one-word translations. */
static void S_lemma_concepts(plx__lex *lex, int side, const char *l, size_t ln, uint32_t *small,
                             size_t *nsmall, uint32_t *tr, size_t *ntr, int *translated) {
  plx__buf *b = &lex->scratch2;
  b->len = 0;
  plx__buf_printf(b, "%s:", lex->lang[side]);
  plx__buf_put(b, l, ln);
  S_add(small, nsmall, 60, plx__concept(lex, b->data, b->len));
  /* this lemma's own translations (a word record's are those of all the
   * word's lemmas) */
  uint32_t li = plx__image_lemma(&lex->im, side, l, ln);
  if (li == PLX__NONE) return;
  const plx__lrec *lr = &lex->im.lemmas[side][li];
  for (uint32_t t = 0; t < lr->ntr; t++) {
    uint32_t off = lex->im.trans[lr->tr + t];
    const char *ts = plx__image_string(&lex->im, off);
    if (strchr(ts, ' ')) continue;
    b->len = 0;
    plx__buf_printf(b, "%s:%s", lex->lang[!side], ts);
    S_add(tr, ntr, 500, plx__concept(lex, b->data, b->len));
  }
  if (lr->ntr) *translated = 1;
}

uint32_t plx__name_concept(plx__lex *lex, const char *form, size_t n) {
  plx__buf *b = &lex->scratch, *c = &lex->scratch2;
  plx__name_key(form, n, b);
  if (!b->len) return PLX__NONE;
  c->len = 0;
  plx__buf_puts(c, "=:%");
  plx__buf_put(c, b->data, b->len);
  return plx__concept(lex, c->data, c->len);
}

static uint32_t S_new_word(plx__lex *lex, int side, const char *form, size_t n, int digits,
                           uint32_t h) {
  plx__wrec r;
  memset(&r, 0, sizeof r);
  r.hash = h;
  r.form = (uint32_t)lex->rt_str.len;
  plx__buf_put(&lex->rt_str, form, n);
  plx__buf_putc(&lex->rt_str, '\0');
  r.form_len = (uint16_t)(n < 0xFFFF ? n : 0xFFFF);
  r.skeleton = r.cognate = r.prefix = r.name1 = r.expansion = PLX__NONE;
  uint32_t small[64], tr[512];
  size_t nsmall = 0, ntr = 0;
  int translated = 0;
  plx__buf *b = &lex->scratch;
  if (digits) {
    S_number_key(form, n, strcmp(lex->lang[side], "en") != 0, b); /* decimal comma */
    small[nsmall++] = plx__concept(lex, b->data, b->len);
    r.nlemma = 1;
  } else {
    const char *pron;
    size_t plen;
    plx__buf base = {0};
    size_t bl = S_clitic_split(lex, side, form, n, &base, &pron, &plen);
    if (bl) {
      r.flags |= PLX__WF_EXPANDS | PLX__WF_CLITIC;
      r.expansion = (uint32_t)lex->rt_str.len;
      plx__buf_put(&lex->rt_str, base.data, base.len);
      plx__buf_putc(&lex->rt_str, ' ');
      plx__buf_put(&lex->rt_str, pron, plen);
      plx__buf_putc(&lex->rt_str, '\0');
    }
    plx__buf_free(&base);
    char **stems = NULL;
    size_t nst = 0;
    if (lex->hunspell && !bl) S_stems(lex, side, form, n, &stems, &nst);
    /* prefer stems the bilingual lexicon knows */
    for (int pass = 0; pass < 2 && !nsmall; pass++)
      for (size_t k = 0; k < nst; k++) {
        size_t sl = strlen(stems[k]);
        int known = plx__image_lemma(&lex->im, side, stems[k], sl) != PLX__NONE;
        if (pass == 0 && !known) continue;
        S_lemma_concepts(lex, side, stems[k], sl, small, &nsmall, tr, &ntr, &translated);
      }
    plx_strings_free(stems, nst);
    if (!nsmall) S_lemma_concepts(lex, side, form, n, small, &nsmall, tr, &ntr, &translated);
    r.nlemma = (uint8_t)nsmall;
    plx__skeleton(form, n, b);
    if (b->len >= 3) {
      plx__buf *c = &lex->scratch2;
      c->len = 0;
      plx__buf_puts(c, "=:");
      plx__buf_put(c, b->data, b->len);
      r.skeleton = plx__concept(lex, c->data, c->len);
      small[nsmall++] = r.skeleton;
      if (b->len >= 6) {
        c->len = 2;
        c->data[0] = '~';
        plx__buf_put(c, b->data, 5);
        r.cognate = plx__concept(lex, c->data, c->len);
      }
      if (b->len >= 5 && b->len <= 40) {
        c->len = 2;
        c->data[0] = '3';
        plx__buf_put(c, b->data, 3);
        r.prefix = plx__concept(lex, c->data, c->len);
      }
    }
  }
  if (!digits && !translated && lex->cross_script && nsmall < 63) {
    /* a name in the other script ("Корен", "Cohren"): its consonant key */
    uint32_t key = plx__name_concept(lex, form, n);
    if (key != PLX__NONE) small[nsmall++] = key;
  }
  if (translated) r.flags |= PLX__WF_TRANSLATED;
  r.lemma = small[0];
  r.nsmall = (uint8_t)nsmall;
  r.nids = (uint16_t)(nsmall + ntr);
  r.ids = (uint32_t)lex->nrt_ids;
  plx__grow((void **)&lex->rt_ids, &lex->rt_ids_cap, lex->nrt_ids + r.nids, sizeof *lex->rt_ids);
  memcpy(lex->rt_ids + lex->nrt_ids, small, nsmall * sizeof *small);
  memcpy(lex->rt_ids + lex->nrt_ids + nsmall, tr, ntr * sizeof *tr);
  lex->nrt_ids += r.nids;
  uint32_t idx = (uint32_t)lex->nrt[side];
  PLX__PUSH(lex->rt_words[side], lex->nrt[side], lex->rtcap[side], r);
  return idx | PLX__RT;
}

#define S_WCACHE 8192

static uint32_t S_word_rt(plx__lex *lex, int side, const char *form, size_t n, int digits,
                          uint32_t h);

uint32_t plx__word_ref(plx__lex *lex, int side, const char *form, size_t n, int digits) {
  uint32_t h = plx__hash(form, n);
  struct plx__wcache *c = NULL;
  if (n <= sizeof c->form) {
    if (!lex->wcache) lex->wcache = plx__calloc(S_WCACHE, sizeof *lex->wcache);
    c = &lex->wcache[(h ^ (uint32_t)side * 0x9E3779B9u) & (S_WCACHE - 1)];
    if (c->len == n && c->hash == h && c->side == side && n && memcmp(c->form, form, n) == 0)
      return c->ref;
  }
  uint32_t ref = PLX__NONE;
  if (!digits) ref = plx__image_word(&lex->im, side, form, n, h);
  if (ref == PLX__NONE) ref = S_word_rt(lex, side, form, n, digits, h);
  if (c && n) {
    c->hash = h;
    c->ref = ref;
    c->side = (uint8_t)side;
    c->len = (uint8_t)n;
    memcpy(c->form, form, n);
  }
  return ref;
}

/* A word the image does not know: its record made for this handle. */
static uint32_t S_word_rt(plx__lex *lex, int side, const char *form, size_t n, int digits,
                          uint32_t h) {
  int created;
  uint32_t idx = plx__intern_h(&lex->rt_forms[side], form, n, h, &created);
  if (!created) return idx | PLX__RT;
  /* records are made in the order forms are interned: the same index */
  return S_new_word(lex, side, form, n, digits, h);
}

/* ---- public look-ups ---- */

void plx_strings_free(char **s, size_t n) {
  for (size_t i = 0; i < n; i++) free(s[i]);
  free(s);
}

static void S_push_str(char ***items, size_t *n, size_t *cap, const char *s, size_t len) {
  for (size_t i = 0; i < *n; i++)
    if (strlen((*items)[i]) == len && memcmp((*items)[i], s, len) == 0) return;
  char *v = plx__strndup(s, len);
  PLX__PUSH(*items, *n, *cap, v);
}

void plx__lemmas(plx__lex *lex, int side, const char *form, size_t n, char ***out,
                 size_t *nout) {
  char **items = NULL;
  size_t ni = 0, cap = 0;
  uint32_t ref = plx__word_ref(lex, side, form, n, 0);
  const plx__wrec *r = plx__word_rec(lex, side, ref);
  const uint32_t *ids = plx__word_ids(lex, ref, r);
  size_t pl = strlen(lex->lang[side]) + 1;
  for (uint32_t k = 0; k < r->nlemma; k++) {
    const char *c = plx__concept_str(lex, ids[k]);
    size_t cl = strlen(c);
    if (cl >= pl) S_push_str(&items, &ni, &cap, c + pl, cl - pl);
  }
  if (!ni) S_push_str(&items, &ni, &cap, form, n);
  *out = items;
  *nout = ni;
}

plx_status plx_lexicon_translate(plx_lexicon *l, const char *from, const char *lemma,
                                 char ***out, size_t *n) {
  plx__lex *lex = (plx__lex *)l;
  int side = plx__side(lex, from);
  *out = NULL;
  *n = 0;
  if (side < 0) return PLX_ERR_LANGUAGE;
  uint32_t li = plx__image_lemma(&lex->im, side, lemma, strlen(lemma));
  if (li == PLX__NONE) return PLX_OK;
  const plx__lrec *lr = &lex->im.lemmas[side][li];
  size_t cap = 0;
  for (uint32_t t = 0; t < lr->ntr; t++) {
    const char *s = plx__image_string(&lex->im, lex->im.trans[lr->tr + t]);
    S_push_str(out, n, &cap, s, strlen(s));
  }
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
