/* image.c: a compiled lexicon mapped (or held) in memory, and look-ups in
 * it. See image.h for the layout. Everything read from the file is
 * bounds-checked once, here, so that look-ups can trust it. */
#include "lexicon_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

void plx__image_close(plx__image *im) {
  if (im->mapped) munmap((void *)im->data, im->len);
  free(im->owned);
  memset(im, 0, sizeof *im);
}

static int S_pow2(size_t n) { return n && !(n & (n - 1)); }

/* Check the header and the sections, and set the typed views. */
static plx_status S_check(plx__image *im, const char *what, plx_error *err) {
  const plx__image_header *h = (const plx__image_header *)im->data;
  if (im->len < sizeof *h || memcmp(h->magic, PLX__IMAGE_MAGIC, 8) != 0)
    return plx__fail(err, PLX_ERR_DATA, "%s: not a compiled Parallax lexicon", what);
  if (h->bom != PLX__IMAGE_BOM)
    return plx__fail(err, PLX_ERR_DATA,
                     "%s: compiled on a machine of another byte order; compile it here with "
                     "`parallax lexicon compile`",
                     what);
  if (h->version != PLX__IMAGE_VERSION)
    return plx__fail(err, PLX_ERR_DATA,
                     "%s: compiled lexicon of format %u, this program reads format %u; compile "
                     "it again with `parallax lexicon compile`",
                     what, h->version, PLX__IMAGE_VERSION);
  if (h->size != im->len || h->nsec != PLX__SEC_COUNT || !memchr(h->lang[0], 0, 8) ||
      !memchr(h->lang[1], 0, 8))
    return plx__fail(err, PLX_ERR_DATA, "%s: truncated or damaged compiled lexicon", what);
  for (int s = 0; s < PLX__SEC_COUNT; s++)
    if (h->sec[s].off % 8 || h->sec[s].off > im->len || h->sec[s].len > im->len - h->sec[s].off)
      return plx__fail(err, PLX_ERR_DATA, "%s: damaged compiled lexicon (section %d)", what, s);
  im->h = h;
#define SEC(s) (im->data + h->sec[s].off)
#define SECN(s, type) (h->sec[s].len / sizeof(type))
  im->str = SEC(PLX__SEC_STRINGS);
  im->str_len = h->sec[PLX__SEC_STRINGS].len;
  im->cstr = (const uint32_t *)SEC(PLX__SEC_CONCEPT_STR);
  im->ckind = (const uint8_t *)SEC(PLX__SEC_CONCEPT_KIND);
  im->cslots = (const uint32_t *)SEC(PLX__SEC_CONCEPT_SLOTS);
  im->ncslots = SECN(PLX__SEC_CONCEPT_SLOTS, uint32_t);
  im->ids = (const uint32_t *)SEC(PLX__SEC_IDS);
  im->nids = SECN(PLX__SEC_IDS, uint32_t);
  for (int side = 0; side < 2; side++) {
    im->words[side] = (const plx__wrec *)SEC(side ? PLX__SEC_WORDS1 : PLX__SEC_WORDS0);
    im->nwords[side] = SECN(side ? PLX__SEC_WORDS1 : PLX__SEC_WORDS0, plx__wrec);
    im->wslots[side] = (const uint32_t *)SEC(side ? PLX__SEC_WORD_SLOTS1 : PLX__SEC_WORD_SLOTS0);
    im->nwslots[side] = SECN(side ? PLX__SEC_WORD_SLOTS1 : PLX__SEC_WORD_SLOTS0, uint32_t);
    im->clitics[side] = (const plx__crec *)SEC(side ? PLX__SEC_CLITICS1 : PLX__SEC_CLITICS0);
    im->nclitics[side] = SECN(side ? PLX__SEC_CLITICS1 : PLX__SEC_CLITICS0, plx__crec);
  }
  for (int side = 0; side < 2; side++) {
    im->lemmas[side] = (const plx__lrec *)SEC(side ? PLX__SEC_LEMMAS1 : PLX__SEC_LEMMAS0);
    im->nlemmas[side] = SECN(side ? PLX__SEC_LEMMAS1 : PLX__SEC_LEMMAS0, plx__lrec);
    im->lslots[side] = (const uint32_t *)SEC(side ? PLX__SEC_LEMMA_SLOTS1 : PLX__SEC_LEMMA_SLOTS0);
    im->nlslots[side] = SECN(side ? PLX__SEC_LEMMA_SLOTS1 : PLX__SEC_LEMMA_SLOTS0, uint32_t);
  }
  im->trans = (const uint32_t *)SEC(PLX__SEC_TRANS);
  im->ntrans = SECN(PLX__SEC_TRANS, uint32_t);
  im->names = (const plx__nrec *)SEC(PLX__SEC_NAMES);
  im->nnames = SECN(PLX__SEC_NAMES, plx__nrec);
  im->nslots = (const uint32_t *)SEC(PLX__SEC_NAME_SLOTS);
  im->nnslots = SECN(PLX__SEC_NAME_SLOTS, uint32_t);
#undef SEC
#undef SECN
  /* Only the shape is checked here, in constant time: reading the whole
   * image would cost more than the comparison of two short articles.
   * Every look-up checks what it reads (a record found is checked before
   * it is used), so a damaged file gives wrong answers, never a read out
   * of bounds. */
  size_t nc = h->nconcepts;
  if (h->sec[PLX__SEC_CONCEPT_STR].len != nc * 4 || h->sec[PLX__SEC_CONCEPT_KIND].len != nc ||
      !S_pow2(im->ncslots) || !S_pow2(im->nwslots[0]) || !S_pow2(im->nwslots[1]) ||
      !S_pow2(im->nnslots) || !S_pow2(im->nlslots[0]) || !S_pow2(im->nlslots[1]) ||
      im->str_len == 0 || im->str[im->str_len - 1] != '\0')
    return plx__fail(err, PLX_ERR_DATA, "%s: damaged compiled lexicon (tables)", what);
  return PLX_OK;
}

plx_status plx__image_from_memory(plx__image *im, char *data, size_t len, const char *what,
                                  plx_error *err) {
  memset(im, 0, sizeof *im);
  im->owned = data;
  im->data = data;
  im->len = len;
  plx_status st = S_check(im, what, err);
  if (st) plx__image_close(im);
  return st;
}

plx_status plx__image_map(plx__image *im, const char *path, plx_error *err) {
  memset(im, 0, sizeof *im);
  int fd = open(path, O_RDONLY);
  if (fd < 0) return plx__fail(err, PLX_ERR_DATA, "%s: %s", path, strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
    close(fd);
    return plx__fail(err, PLX_ERR_DATA, "%s: not a compiled Parallax lexicon", path);
  }
  void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
  close(fd);
  if (m == MAP_FAILED) return plx__fail(err, PLX_ERR_DATA, "%s: %s", path, strerror(errno));
  im->data = m;
  im->len = (size_t)st.st_size;
  im->mapped = 1;
  plx_status s = S_check(im, path, err);
  if (s) plx__image_close(im);
  return s;
}

int plx__image_file_is_image(const char *path) {
  char magic[8];
  int fd = open(path, O_RDONLY);
  if (fd < 0) return 0;
  ssize_t r = read(fd, magic, sizeof magic);
  close(fd);
  return r == (ssize_t)sizeof magic && memcmp(magic, PLX__IMAGE_MAGIC, 8) == 0;
}

const char *plx__image_string(const plx__image *im, uint32_t off) {
  return off < im->str_len ? im->str + off : "";
}

uint32_t plx__image_concept(const plx__image *im, const char *s, size_t n, uint32_t h) {
  if (!im->ncslots) return PLX__NONE;
  size_t mask = im->ncslots - 1;
  /* bounded: a damaged table may have no empty slot */
  for (size_t k = h & mask, probes = 0; probes <= mask; k = (k + 1) & mask, probes++) {
    uint32_t id = im->cslots[k];
    if (!id) return PLX__NONE;
    if (id > im->h->nconcepts || im->cstr[id - 1] >= im->str_len) continue;
    const char *c = im->str + im->cstr[id - 1];
    if (strncmp(c, s, n) == 0 && c[n] == '\0') return id - 1;
  }
  return PLX__NONE;
}

uint32_t plx__image_word(const plx__image *im, int side, const char *form, size_t n,
                         uint32_t h) {
  if (!im->nwslots[side]) return PLX__NONE;
  size_t mask = im->nwslots[side] - 1;
  const uint32_t *slots = im->wslots[side];
  const plx__wrec *w = im->words[side];
  for (size_t k = h & mask, probes = 0; probes <= mask; k = (k + 1) & mask, probes++) {
    uint32_t id = slots[k];
    if (!id) return PLX__NONE;
    if (id > im->nwords[side]) continue;
    const plx__wrec *r = &w[id - 1];
    if (r->hash != h || r->form_len != n || r->form >= im->str_len ||
        n > im->str_len - r->form || memcmp(im->str + r->form, form, n) != 0)
      continue;
    /* what the analysis will read of the record */
    if (r->ids > im->nids || r->nids > im->nids - r->ids || r->nsmall > r->nids ||
        r->nlemma == 0 || r->nlemma > r->nsmall ||
        (r->expansion != PLX__NONE && r->expansion >= im->str_len))
      return PLX__NONE;
    return id - 1;
  }
  return PLX__NONE;
}

uint32_t plx__image_lemma(const plx__image *im, int side, const char *s, size_t n) {
  if (!im->nlslots[side]) return PLX__NONE;
  uint32_t h = plx__hash(s, n);
  size_t mask = im->nlslots[side] - 1;
  for (size_t k = h & mask, probes = 0; probes <= mask; k = (k + 1) & mask, probes++) {
    uint32_t id = im->lslots[side][k];
    if (!id) return PLX__NONE;
    if (id > im->nlemmas[side]) continue;
    const plx__lrec *r = &im->lemmas[side][id - 1];
    if (r->hash != h || r->len != n || r->str >= im->str_len || n > im->str_len - r->str ||
        memcmp(im->str + r->str, s, n) != 0)
      continue;
    if (r->tr > im->ntrans || r->ntr > im->ntrans - r->tr) return PLX__NONE;
    return id - 1;
  }
  return PLX__NONE;
}
