/* plx_corpus.h: read an article and split it into sentences.
 *
 * A plx_doc holds the text of one article as read (for plain text, the bytes
 * of the file less nothing: offsets are offsets into the file; for HTML and
 * XML, the text extracted from the markup), its language, and its sentences.
 * Each sentence has a byte span [start, end) into plx_doc_text() and a kind
 * (title, heading, caption, list item, boilerplate, duplicate, or text).
 *
 * Reading: plain text must be UTF-8 (a BOM is skipped but counted in the
 * offsets, CRLF is accepted). Invalid UTF-8, NUL bytes and UTF-16 are refused
 * with PLX_ERR_ENCODING and a message giving the byte offset: a comparison
 * tool that silently changed its input could report facts that are not there.
 *
 * Segmentation: ICU's sentence break iterator with the locale's suppressions,
 * corrected by per-language rules kept in data files (corpus/data/LANG/).
 */
#ifndef PLX_CORPUS_H
#define PLX_CORPUS_H

#include <stddef.h>
#include "plx_base.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum plx_kind {
  PLX_KIND_TEXT = 0,
  PLX_KIND_TITLE,
  PLX_KIND_HEADING,
  PLX_KIND_CAPTION,
  PLX_KIND_LIST,
  PLX_KIND_BOILERPLATE,
  PLX_KIND_DUPLICATE
} plx_kind;

/* The name used in JSON ("text", "title", ...). Static string. */
const char *plx_kind_name(plx_kind kind);

typedef enum plx_input_format {
  PLX_INPUT_AUTO = 0,   /* found by content */
  PLX_INPUT_TEXT,
  PLX_INPUT_HTML,
  PLX_INPUT_XML
} plx_input_format;

/* The name of a format ("text", "html", "xml"; "auto"). Static string. */
const char *plx_input_format_name(plx_input_format format);

typedef struct plx_sentence {
  size_t start;         /* byte offset into plx_doc_text(), inclusive */
  size_t end;           /* exclusive */
  plx_kind kind;
  size_t duplicate_of;  /* for PLX_KIND_DUPLICATE: id of the first copy */
} plx_sentence;

typedef struct plx_doc_options {
  const char *lang;          /* "en", "es", or NULL/"auto" to detect */
  plx_input_format format;   /* PLX_INPUT_AUTO to detect */
  int segmented;             /* nonzero: one sentence per line, as given */
  size_t max_input_bytes;    /* 0: no limit */
} plx_doc_options;

/* Defaults: detect language and format, split into sentences, 64 MiB limit. */
void plx_doc_options_init(plx_doc_options *options);

typedef struct plx_doc plx_doc;

/* Read an article from memory and split it into sentences. On success *out
 * is a new document (free with plx_doc_free); on failure *out is NULL and err
 * (if given) says why. The bytes are copied; the caller keeps them. */
plx_status plx_doc_parse(const char *bytes, size_t len,
                         const plx_doc_options *options, plx_doc **out,
                         plx_error *err);

/* The same, reading a whole file (a path, not "-"). */
plx_status plx_doc_load(const char *path, const plx_doc_options *options,
                        plx_doc **out, plx_error *err);

void plx_doc_free(plx_doc *doc);

/* The document's text: the input bytes for plain text, the extracted text
 * for HTML and XML. Owned by the document; *len receives its length. */
const char *plx_doc_text(const plx_doc *doc, size_t *len);

/* The format the input was read as (never PLX_INPUT_AUTO). */
plx_input_format plx_doc_format(const plx_doc *doc);

/* The language code ("en", "es"). Static string owned by the library. */
const char *plx_doc_lang(const plx_doc *doc);

size_t plx_doc_sentence_count(const plx_doc *doc);

/* Sentence i (0-based, document order); NULL if i is out of range. */
const plx_sentence *plx_doc_sentence(const plx_doc *doc, size_t i);

/* Whether a language is supported ("en", "es", "ru"). */
int plx_lang_supported(const char *lang);

/* The supported language a tag names, as its two-letter code in static
 * storage: "en-US", "EN_gb", "eng" are "en"; "es-419", "spa" are "es";
 * "ru-RU", "rus" are "ru". NULL for any other language (or NULL). */
const char *plx_lang_canonical(const char *tag);

/* The English name of a supported language ("Russian"); the code itself
 * for any other. */
const char *plx_lang_name(const char *code);

/* Guess the language of UTF-8 text. Returns "en", "es" or "ru", or NULL
 * when the text is in none of them or is too short to tell. *confidence
 * (may be NULL) receives a value in [0,1]. */
const char *plx_lang_detect(const char *text, size_t len, double *confidence);

#ifdef __cplusplus
}
#endif
#endif
