/* split_out.c: render a document's sentences for `parallax split`. */
#include "internal.h"
#include "plx_report.h"
#include "report_internal.h"

#include <stdlib.h>
#include <string.h>

plx_status plx_format_parse(const char *name, plx_format *out, plx_error *err) {
  static const struct {
    const char *name;
    plx_format format;
  } known[] = {{"text", PLX_FORMAT_TEXT}, {"json", PLX_FORMAT_JSON}, {"html", PLX_FORMAT_HTML},
               {"tmx", PLX_FORMAT_TMX}};
  for (size_t k = 0; name && k < sizeof known / sizeof *known; k++)
    if (!strcmp(name, known[k].name)) {
      *out = known[k].format;
      return PLX_OK;
    }
  return plx__fail(err, PLX_ERR_USAGE, "unknown format '%.60s' (text, json, html, tmx)",
                   name ? name : "");
}

static void S_sentence_json(plx__jw *w, const char *text, size_t id, const plx_sentence *s) {
  plx__jw_object(w);
  plx__jw_key(w, "id");
  plx__jw_int(w, (long long)id);
  plx__jw_key(w, "start");
  plx__jw_int(w, (long long)s->start);
  plx__jw_key(w, "end");
  plx__jw_int(w, (long long)s->end);
  plx__jw_key(w, "text");
  plx__jw_strn(w, text + s->start, s->end - s->start);
  plx__jw_key(w, "kind");
  plx__jw_str(w, plx_kind_name(s->kind));
  if (s->kind == PLX_KIND_DUPLICATE) {
    plx__jw_key(w, "duplicate_of");
    plx__jw_int(w, (long long)s->duplicate_of);
  }
  plx__jw_object_end(w);
}

void plx__doc_json(plx__jw *w, const plx_doc *doc, const char *path) {
  size_t len;
  const char *text = plx_doc_text(doc, &len);
  plx__jw_object(w);
  if (path) {
    plx__jw_key(w, "path");
    plx__jw_str(w, path);
  }
  plx__jw_key(w, "lang");
  plx__jw_str(w, plx_doc_lang(doc));
  plx__jw_key(w, "input");
  plx__jw_str(w, plx_input_format_name(plx_doc_format(doc)));
  if (plx_doc_format(doc) != PLX_INPUT_TEXT) {
    plx__jw_key(w, "text");
    plx__jw_strn(w, text, len);
  }
  plx__jw_key(w, "sentences");
  plx__jw_array(w);
  for (size_t i = 0; i < plx_doc_sentence_count(doc); i++)
    S_sentence_json(w, text, i, plx_doc_sentence(doc, i));
  plx__jw_array_end(w);
  plx__jw_object_end(w);
}

plx_status plx_split_render(const plx_doc *doc, const char *path,
                            plx_format format, char **out, size_t *outlen,
                            plx_error *err) {
  size_t len;
  const char *text = plx_doc_text(doc, &len);
  size_t n = plx_doc_sentence_count(doc);
  *out = NULL;
  if (format == PLX_FORMAT_TEXT) {
    plx__buf b = {0};
    for (size_t i = 0; i < n; i++) {
      const plx_sentence *s = plx_doc_sentence(doc, i);
      /* One sentence a line: a line break inside a sentence (a wrapped line,
       * CRLF) prints as one space. */
      int pending_space = 0;
      for (size_t k = s->start; k < s->end; k++) {
        char c = text[k];
        if (c == '\n' || c == '\r') {
          pending_space = 1;
          continue;
        }
        if (pending_space) {
          if (b.len && b.data[b.len - 1] != ' ' && c != ' ') plx__buf_putc(&b, ' ');
          pending_space = 0;
        }
        plx__buf_putc(&b, c);
      }
      plx__buf_putc(&b, '\n');
    }
    *out = plx__buf_detach(&b, outlen);
    return PLX_OK;
  }
  if (format != PLX_FORMAT_JSON)
    return plx__fail(err, PLX_ERR_USAGE, "split writes text or json only");
  plx__buf b = {0};
  plx__jw w;
  plx__jw_init(&w, &b);
  plx__doc_json(&w, doc, path);
  plx__buf_putc(&b, '\n');
  *out = plx__buf_detach(&b, outlen);
  return PLX_OK;
}
