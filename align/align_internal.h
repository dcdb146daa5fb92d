/* align_internal.h: shared by align.c and facts.c; not installed. */
#ifndef PLX_ALIGN_INTERNAL_H
#define PLX_ALIGN_INTERNAL_H

#include "internal.h"
#include "lexicon_internal.h"
#include "plx_align.h"

typedef struct S_ilink {
  size_t *ids; /* na ids of A, then nb ids of B */
  size_t na, nb;
  double score;
} S_ilink;

struct plx_alignment {
  plx_lexicon *lex;
  const plx_doc *doc[2];
  plx_align_mode mode;
  char reason[256];
  double min_link;
  size_t n[2];
  plx_bag **bag[2];
  plx_bag **group[2][2];     /* bags of sentences i..i+1 and i..i+2, made on need */
  unsigned char *content[2]; /* sentence can be linked and be a gap */
  size_t *linked[2];         /* number of links a sentence is in */
  plx_weights *w;
  S_ilink *links;
  size_t nlinks, linkcap;
  plx_link *pub; /* public view of links, made on first request */
};

double plx__align_sim(plx_alignment *al, size_t i, size_t j);

/* An inverted index of one side's content sentences: (concept, sentence)
 * pairs sorted by concept, then sentence, names' concepts included. */
typedef struct plx__post {
  uint32_t concept;
  uint32_t sent;
} plx__post;

/* Build the postings of side (0 = A, 1 = B); with_stop: stop words too.
 * *out is a new array of *n (caller frees). */
void plx__align_postings(const plx_alignment *al, int side, int with_stop, plx__post **out,
                         size_t *n);

/* The first posting of concept c (or where it would be), by binary search. */
size_t plx__postings_find(const plx__post *p, size_t n, uint32_t c);

#endif
