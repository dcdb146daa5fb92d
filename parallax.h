/* parallax.h: the whole public interface of libparallax.
 * Compile with `pkg-config --cflags --libs parallax`. */
#ifndef PARALLAX_H
#define PARALLAX_H
#include "plx_base.h"
#include "plx_corpus.h"
#include "plx_report.h"
#include "plx_lexicon.h"
#include "plx_values.h"
#include "plx_align.h"
#include "plx_words.h"
#include "plx_bitext.h"
#include "plx_units.h"
#include "plx_compare.h"
#include "plx_batch.h"
#endif
