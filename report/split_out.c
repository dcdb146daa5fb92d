/* split_out.c: render a document's sentences for `parallax split`. */
#include "internal.h"
#include "plx_report.h"
#include "report_internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

int plx_format_parse(const char *name) {
  if (!name) return -1;
  if (strcmp(name, "text") == 0) return PLX_FORMAT_TEXT;
  if (strcmp(name, "json") == 0) return PLX_FORMAT_JSON;
  if (strcmp(name, "html") == 0) return PLX_FORMAT_HTML;
  if (strcmp(name, "tmx") == 0) return PLX_FORMAT_TMX;
  return -1;
}

static json_t *S_sentence_json(const char *text, size_t id, const plx_sentence *s) {
  json_t *o = json_object();
  json_object_set_new(o, "id", json_integer((json_int_t)id));
  json_object_set_new(o, "start", json_integer((json_int_t)s->start));
  json_object_set_new(o, "end", json_integer((json_int_t)s->end));
  json_object_set_new(o, "text", json_stringn(text + s->start, s->end - s->start));
  json_object_set_new(o, "kind", json_string(plx_kind_name(s->kind)));
  if (s->kind == PLX_KIND_DUPLICATE)
    json_object_set_new(o, "duplicate_of", json_integer((json_int_t)s->duplicate_of));
  return o;
}

json_t *plx__doc_json(const plx_doc *doc, const char *path) {
  size_t len;
  const char *text = plx_doc_text(doc, &len);
  json_t *root = json_object();
  if (path) json_object_set_new(root, "path", json_string(path));
  json_object_set_new(root, "lang", json_string(plx_doc_lang(doc)));
  json_object_set_new(root, "input", json_string(plx_input_format_name(plx_doc_format(doc))));
  if (plx_doc_format(doc) != PLX_INPUT_TEXT)
    json_object_set_new(root, "text", json_stringn(text, len));
  json_t *arr = json_array();
  for (size_t i = 0; i < plx_doc_sentence_count(doc); i++)
    json_array_append_new(arr, S_sentence_json(text, i, plx_doc_sentence(doc, i)));
  json_object_set_new(root, "sentences", arr);
  return root;
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
  json_t *root = plx__doc_json(doc, path);
  char *s = json_dumps(root, JSON_PRESERVE_ORDER | JSON_COMPACT);
  json_decref(root);
  if (!s) return plx__fail(err, PLX_ERR_INTERNAL, "cannot serialise JSON");
  plx__buf b = {0};
  plx__buf_puts(&b, s);
  plx__buf_putc(&b, '\n');
  free(s);
  *out = plx__buf_detach(&b, outlen);
  return PLX_OK;
}
