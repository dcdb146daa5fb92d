/* strmap.c: interned strings, id <-> bytes (plx__strmap). */
#include "lexicon_internal.h"

#include <stdlib.h>
#include <string.h>

uint32_t plx__intern_h(plx__strmap *m, const char *s, size_t n, uint32_t h, int *created) {
  if (created) *created = 0;
  if (m->nslots == 0 || (m->n + 1) * 2 > m->nslots) {
    size_t ns = m->nslots ? m->nslots * 2 : 64;
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
  size_t k = h & (m->nslots - 1);
  for (; m->slots[k]; k = (k + 1) & (m->nslots - 1)) {
    uint32_t id = m->slots[k] - 1;
    if (m->hash[id] == h && m->len[id] == n && memcmp(m->pool.data + m->off[id], s, n) == 0)
      return id;
  }
  uint32_t id = (uint32_t)m->n;
  if (m->n + 1 > m->cap) {
    size_t c = m->cap ? m->cap * 2 : 64;
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

uint32_t plx__intern(plx__strmap *m, const char *s, size_t n, int *created) {
  return plx__intern_h(m, s, n, plx__hash(s, n), created);
}

uint32_t plx__lookup_h(const plx__strmap *m, const char *s, size_t n, uint32_t h) {
  if (!m->nslots) return PLX__NONE;
  for (size_t k = h & (m->nslots - 1); m->slots[k]; k = (k + 1) & (m->nslots - 1)) {
    uint32_t id = m->slots[k] - 1;
    if (m->hash[id] == h && m->len[id] == n && memcmp(m->pool.data + m->off[id], s, n) == 0)
      return id;
  }
  return PLX__NONE;
}

uint32_t plx__lookup(const plx__strmap *m, const char *s, size_t n) {
  return plx__lookup_h(m, s, n, plx__hash(s, n));
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
