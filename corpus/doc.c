/* doc.c: read an article (plain text, HTML or XML), find its language, split
 * it into sentences and give each sentence a kind. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct plx_doc {
  char *text;
  size_t len;
  plx_input_format format;
  const char *lang;
  plx_sentence *sent;
  size_t nsent, cap;
};

/* plain-text blocks (lines.c) */
void plx__text_blocks(const char *text, size_t len, size_t from,
                      plx__block **blocks, size_t *n, size_t *cap);

const char *plx_kind_name(plx_kind kind) {
  switch (kind) {
  case PLX_KIND_TEXT: return "text";
  case PLX_KIND_TITLE: return "title";
  case PLX_KIND_HEADING: return "heading";
  case PLX_KIND_CAPTION: return "caption";
  case PLX_KIND_LIST: return "list";
  case PLX_KIND_BOILERPLATE: return "boilerplate";
  case PLX_KIND_DUPLICATE: return "duplicate";
  }
  return "text";
}

const char *plx_input_format_name(plx_input_format format) {
  switch (format) {
  case PLX_INPUT_AUTO: return "auto";
  case PLX_INPUT_TEXT: return "text";
  case PLX_INPUT_HTML: return "html";
  case PLX_INPUT_XML: return "xml";
  }
  return "auto";
}

void plx_doc_options_init(plx_doc_options *o) {
  memset(o, 0, sizeof *o);
  o->format = PLX_INPUT_AUTO;
  o->max_input_bytes = (size_t)64 << 20;
}

/* Refuse what is not UTF-8 text, saying where and why: a comparison tool
 * that silently altered its input could report differences that are not
 * there. */
static plx_status S_check_encoding(const char *b, size_t len, plx_error *err) {
  const unsigned char *u = (const unsigned char *)b;
  /* documents Parallax does not read, by their first bytes: say what to do */
  static const struct {
    const char *magic;
    size_t n;
    const char *what, *todo;
  } others[] = {
      {"%PDF-", 5, "a PDF file", "extract the text first (e.g. pdftotext FILE OUT.txt)"},
      {"PK\x03\x04", 4, "a ZIP archive (a DOCX, ODT or EPUB document?)",
       "save or convert the document as plain text or HTML first"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "an old Office document (DOC, XLS)",
       "save it as plain text or HTML first"},
      {"{\\rtf", 5, "an RTF document", "save it as plain text or HTML first"},
  };
  for (size_t k = 0; k < sizeof others / sizeof *others; k++)
    if (len >= others[k].n && memcmp(b, others[k].magic, others[k].n) == 0)
      return plx__fail(err, PLX_ERR_ENCODING, "%s; Parallax reads text, HTML and XML: %s",
                       others[k].what, others[k].todo);
  if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    return plx__fail(err, PLX_ERR_ENCODING,
                     "UTF-16 input is not supported; convert it to UTF-8 "
                     "(e.g. iconv -f UTF-16 -t UTF-8)");
  const char *nul = memchr(b, '\0', len);
  if (nul) {
    /* UTF-16 without a BOM shows up as every other byte NUL. */
    size_t nuls = 0, probe = len < 4096 ? len : 4096;
    for (size_t i = 0; i < probe; i++) nuls += b[i] == '\0';
    if (nuls * 4 > probe)
      return plx__fail(err, PLX_ERR_ENCODING,
                       "binary file or UTF-16 text (NUL bytes); Parallax reads UTF-8 text");
    return plx__fail(err, PLX_ERR_ENCODING, "NUL byte at offset %zu (binary file?)",
                     (size_t)(nul - b));
  }
  size_t bad = plx__utf8_invalid_at(b, len);
  if (bad < len)
    return plx__fail(err, PLX_ERR_ENCODING,
                     "invalid UTF-8 at byte offset %zu (convert the file to UTF-8, "
                     "e.g. iconv -f LATIN1 -t UTF-8)", bad);
  return PLX_OK;
}

/* --segmented: line N is sentence N, blank lines included (a final line
 * break does not open another line). */
static void S_segmented(plx_doc *d, size_t from) {
  size_t i = from;
  while (i < d->len) {
    const char *nl = memchr(d->text + i, '\n', d->len - i);
    size_t e = nl ? (size_t)(nl - d->text) : d->len;
    size_t ce = (e > i && d->text[e - 1] == '\r') ? e - 1 : e;
    plx_sentence s = {i, ce, PLX_KIND_TEXT, 0};
    PLX__PUSH(d->sent, d->nsent, d->cap, s);
    i = e + 1;
  }
}

plx_status plx_doc_parse(const char *bytes, size_t len, const plx_doc_options *opt,
                         plx_doc **out, plx_error *err) {
  plx_doc_options defaults;
  if (!opt) {
    plx_doc_options_init(&defaults);
    opt = &defaults;
  }
  *out = NULL;
  if (opt->max_input_bytes && len > opt->max_input_bytes)
    return plx__fail(err, PLX_ERR_TOO_LARGE,
                     "input is %zu bytes, over the limit of %zu (see --max-input-bytes)",
                     len, opt->max_input_bytes);
  if (opt->lang && strcmp(opt->lang, "auto") != 0 && !plx_lang_supported(opt->lang))
    return plx__fail(err, PLX_ERR_LANGUAGE, "unsupported language '%s' (supported: en, es, ru)",
                     opt->lang);
  plx_status st = S_check_encoding(bytes, len, err);
  if (st) return st;

  plx_doc *d = plx__calloc(1, sizeof *d);
  plx__block *blocks = NULL;
  size_t nblocks = 0, bcap = 0;
  plx__seg *seg = NULL;
  plx__extract x = {0};

  d->format = opt->format;
  if (d->format == PLX_INPUT_AUTO)
    d->format = opt->segmented ? PLX_INPUT_TEXT : plx__sniff_format(bytes, len);
  if (d->format == PLX_INPUT_TEXT) {
    d->text = plx__strndup(bytes, len);
    d->len = len;
  } else {
    st = plx__markup_extract(bytes, len, d->format == PLX_INPUT_XML, &x, err);
    if (st) goto fail;
    d->text = x.text;
    d->len = x.len;
    blocks = x.blocks;
    nblocks = x.nblocks;
    x.text = NULL;
    x.blocks = NULL;
  }
  size_t from = 0; /* a UTF-8 byte-order mark is kept in the text, never in a sentence */
  if (d->len >= 3 && memcmp(d->text, "\xEF\xBB\xBF", 3) == 0) from = 3;

  if (opt->lang && strcmp(opt->lang, "auto") != 0) {
    d->lang = plx_lang_canonical(opt->lang);
  } else {
    d->lang = plx_lang_detect(d->text + from, d->len - from, NULL);
    if (!d->lang) {
      int blank = 1;
      for (size_t k = from; k < d->len && blank; k++)
        blank = d->text[k] == ' ' || d->text[k] == '\n' || d->text[k] == '\r' ||
                d->text[k] == '\t';
      if (blank)
        st = plx__fail(err, PLX_ERR_LANGUAGE,
                       "empty: there is no text to read (give --lang to compare an empty "
                       "article anyway)");
      else
        st = plx__fail(err, PLX_ERR_LANGUAGE,
                       "unsupported or undetected language (Parallax reads English, "
                       "Spanish and Russian; give --lang to override)");
      goto fail;
    }
  }

  if (opt->segmented) {
    S_segmented(d, from);
  } else {
    if (d->format == PLX_INPUT_TEXT) plx__text_blocks(d->text, d->len, from, &blocks, &nblocks, &bcap);
    st = plx__seg_new(d->lang, &seg, err);
    if (st) goto fail;
    st = plx__seg_doc(seg, d->text, d->len, blocks, nblocks, &d->sent, &d->nsent, &d->cap, err);
    if (st) goto fail;
    st = plx__kinds_assign(d->lang, d->text, d->len, d->sent, d->nsent,
                           d->format != PLX_INPUT_TEXT, err);
    if (st) goto fail;
  }
  plx__seg_free(seg);
  free(blocks);
  *out = d;
  return PLX_OK;

fail:
  plx__seg_free(seg);
  plx__extract_free(&x);
  free(blocks);
  plx_doc_free(d);
  return st;
}

plx_status plx_doc_load(const char *path, const plx_doc_options *opt, plx_doc **out,
                        plx_error *err) {
  plx_doc_options defaults;
  if (!opt) {
    plx_doc_options_init(&defaults);
    opt = &defaults;
  }
  *out = NULL;
  plx__buf b = {0};
  plx_status status = plx__read_file(path, opt->max_input_bytes, &b, err);
  if (!status) status = plx_doc_parse(b.data ? b.data : "", b.len, opt, out, err);
  plx__buf_free(&b);
  return status;
}

void plx_doc_free(plx_doc *d) {
  if (!d) return;
  free(d->text);
  free(d->sent);
  free(d);
}

const char *plx_doc_text(const plx_doc *d, size_t *len) {
  if (len) *len = d->len;
  return d->text;
}

plx_input_format plx_doc_format(const plx_doc *d) { return d->format; }
const char *plx_doc_lang(const plx_doc *d) { return d->lang; }
size_t plx_doc_sentence_count(const plx_doc *d) { return d->nsent; }

const plx_sentence *plx_doc_sentence(const plx_doc *d, size_t i) {
  return i < d->nsent ? &d->sent[i] : NULL;
}
