/* plx_bitext.h: read a bilingual file (XLIFF 1.2, XLIFF 2.x, TMX 1.4) as
 * what it is: units, each a source and its target.
 *
 * A unit's text is the text of its source or target element with inline
 * codes taken out: the codes (XLIFF's g, x, bx, ex, ph, bpt, ept, it, pc,
 * sc, ec; TMX's bpt, ept, ph, it, hi, ut) are kept beside the text as tags,
 * each with a key that pairs it with the same code on the other side
 * ("g#1", "ph#2") and the offset in the text where it stood, so that a tag
 * the target lost can be reported. Annotations (mrk, sm, em) are neither
 * text nor tags. Units marked translate="no" are left out.
 *
 * Languages: the file's own (XLIFF's source-language/target-language or
 * srcLang/trgLang, TMX's srclang and each tuv's xml:lang), reduced to
 * their primary subtag ("en-US" is "en"), unless the options give them.
 * A TMX unit with more than two variants compares the source language's
 * with the first of the target language.
 */
#ifndef PLX_BITEXT_H
#define PLX_BITEXT_H

#include <stddef.h>
#include "plx_base.h"
#include "plx_corpus.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum plx_bitext_format {
  PLX_BITEXT_NONE = 0, /* not a bilingual file */
  PLX_BITEXT_XLIFF1,   /* XLIFF 1.x (1.2) */
  PLX_BITEXT_XLIFF2,   /* XLIFF 2.x */
  PLX_BITEXT_TMX       /* TMX 1.4 */
} plx_bitext_format;

/* "xliff-1", "xliff-2", "tmx" ("none"). Static string. */
const char *plx_bitext_format_name(plx_bitext_format format);

/* Which bilingual format bytes are, by their root element (xliff, tmx),
 * without parsing them; PLX_BITEXT_NONE for anything else. */
plx_bitext_format plx_bitext_sniff(const char *bytes, size_t len);

typedef struct plx_tag {
  const char *key;     /* pairs the code with the other side's: "g#1" */
  const char *display; /* as a translator sees it: <g id="1">, <x id="2"/> */
  size_t offset;       /* byte offset in the unit's text */
} plx_tag;

typedef struct plx_unit {
  const char *id;      /* the unit's id ("1", "u7/s2" for a segment of a
                        * multi-segment XLIFF 2 unit, the tu's tuid or its
                        * position in a TMX file) */
  const char *text[2]; /* source [0] and target [1], NUL-terminated UTF-8,
                        * codes out; "" when absent */
  size_t len[2];
  int has_target;      /* a target element (or variant) was present */
  const plx_tag *tags[2];
  size_t ntags[2];
} plx_unit;

typedef struct plx_bitext_options {
  const char *lang_source, *lang_target; /* override the file's, or NULL */
  size_t max_input_bytes;                /* 0: no limit */
} plx_bitext_options;

/* No languages given; 64 MiB limit. */
void plx_bitext_options_init(plx_bitext_options *options);

typedef struct plx_bitext plx_bitext;

/* Read a bilingual file from memory. PLX_ERR_INPUT when it is not XLIFF
 * 1.2/2.x or TMX (or holds no unit), PLX_ERR_LANGUAGE when its languages
 * are not two Parallax compares, PLX_ERR_ENCODING for bytes that are not
 * UTF-8. Free with plx_bitext_free. */
plx_status plx_bitext_parse(const char *bytes, size_t len, const plx_bitext_options *options,
                            plx_bitext **out, plx_error *err);
plx_status plx_bitext_load(const char *path, const plx_bitext_options *options,
                           plx_bitext **out, plx_error *err);
void plx_bitext_free(plx_bitext *bt);

plx_bitext_format plx_bitext_get_format(const plx_bitext *bt);

/* The language of side 0 (source) or 1 (target): "en", "es". */
const char *plx_bitext_lang(const plx_bitext *bt, int side);

size_t plx_bitext_unit_count(const plx_bitext *bt);
/* Unit i (file order); NULL when out of range. */
const plx_unit *plx_bitext_unit(const plx_bitext *bt, size_t i);

/* The sources and the targets as two documents with one sentence per
 * unit: sentence i of each is unit i (an absent target is an empty
 * sentence; line breaks inside a unit read as spaces, so offsets within a
 * unit are the same). Free each with plx_doc_free. */
plx_status plx_bitext_docs(const plx_bitext *bt, plx_doc **source, plx_doc **target,
                           plx_error *err);

/* Where unit i starts in the text of the documents of plx_bitext_docs
 * (side 0 or 1). */
size_t plx_bitext_unit_offset(const plx_bitext *bt, int side, size_t i);

#ifdef __cplusplus
}
#endif
#endif
