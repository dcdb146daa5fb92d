/* bitext_out.c: the report of a bilingual file, unit by unit. */
#include "report_internal.h"
#include "plx_bitext.h"

#include <stdlib.h>
#include <string.h>

/* What a unit's reported facts come to. */
typedef struct S_unit_sum {
  size_t missing[2], conflicts, tags, untranslated;
} S_unit_sum;

static int S_counts(const plx_fact *f) {
  /* a conflict is two facts: counted once, from the source */
  return f->status != PLX_FACT_MATCHED &&
         !(f->status == PLX_FACT_CONFLICT && f->side == 1 && f->has_counterpart);
}

static void S_sum(S_unit_sum *s, const plx_fact *f) {
  if (!S_counts(f)) return;
  if (!strcmp(f->type, "untranslated")) s->untranslated++;
  else if (!strcmp(f->type, "tag")) s->tags++;
  else if (f->status == PLX_FACT_CONFLICT) s->conflicts++;
  else s->missing[f->side]++;
}

static int S_different(const S_unit_sum *s) {
  return s->missing[0] || s->missing[1] || s->conflicts || s->tags || s->untranslated;
}

static const char *S_side_name(int side) { return side ? "target" : "source"; }

/* ---- JSON ---- */

/* "start", "end" (from the start of the unit's text, base) and "text" of
 * the span [start, end) of text t: a fact's own, or its counterpart's. */
static void S_json_span(plx__jw *w, const char *t, size_t base, size_t start, size_t end) {
  plx__jw_key(w, "start");
  plx__jw_int(w, (long long)(start - base));
  plx__jw_key(w, "end");
  plx__jw_int(w, (long long)(end - base));
  plx__jw_key(w, "text");
  plx__jw_strn(w, t + start, end - start);
}

static void S_json_fact(plx__jw *w, const plx_bitext *bt, const plx_doc *const d[2],
                        const plx_fact *f) {
  size_t len;
  plx__jw_object(w);
  plx__jw_key(w, "side");
  plx__jw_str(w, S_side_name(f->side));
  plx__jw_key(w, "type");
  plx__jw_str(w, f->type);
  plx__jw_key(w, "status");
  plx__jw_str(w, plx_fact_status_name(f->status));
  plx__jw_key(w, "score");
  plx__jw_real(w, (double)(long long)(f->score * 1000 + 0.5) / 1000);
  S_json_span(w, plx_doc_text(d[f->side], &len), plx_bitext_unit_offset(bt, f->side, f->sentence),
              f->start, f->end);
  plx__jw_key(w, "value");
  plx__jw_str(w, f->value);
  if (f->has_counterpart) {
    plx__jw_key(w, "counterpart");
    plx__jw_object(w);
    S_json_span(w, plx_doc_text(d[!f->side], &len),
                plx_bitext_unit_offset(bt, !f->side, f->cp_sentence), f->cp_start, f->cp_end);
    if (f->cp_value[0]) {
      plx__jw_key(w, "value");
      plx__jw_str(w, f->cp_value);
    }
    plx__jw_object_end(w);
  }
  plx__jw_object_end(w);
}

static void S_json(plx__buf *b, const plx_bitext *bt, const plx_doc *const d[2],
                   const char *path, const plx_fact *facts, size_t nf, size_t **by_unit) {
  plx__jw w;
  plx__jw_init(&w, b);
  plx__jw_object(&w);
  if (path) {
    plx__jw_key(&w, "input");
    plx__jw_str(&w, path);
  }
  plx__jw_key(&w, "format");
  plx__jw_str(&w, plx_bitext_format_name(plx_bitext_get_format(bt)));
  plx__jw_key(&w, "source_lang");
  plx__jw_str(&w, plx_bitext_lang(bt, 0));
  plx__jw_key(&w, "target_lang");
  plx__jw_str(&w, plx_bitext_lang(bt, 1));
  S_unit_sum total;
  memset(&total, 0, sizeof total);
  size_t different = 0, nu = plx_bitext_unit_count(bt);
  plx__jw_key(&w, "units");
  plx__jw_array(&w);
  for (size_t i = 0; i < nu; i++) {
    const plx_unit *u = plx_bitext_unit(bt, i);
    S_unit_sum s;
    memset(&s, 0, sizeof s);
    for (size_t k = by_unit[0][i]; k < by_unit[0][i + 1]; k++) S_sum(&s, &facts[by_unit[1][k]]);
    different += S_different(&s) != 0;
    total.missing[0] += s.missing[0];
    total.missing[1] += s.missing[1];
    total.conflicts += s.conflicts;
    total.tags += s.tags;
    total.untranslated += s.untranslated;
    plx__jw_object(&w);
    plx__jw_key(&w, "id");
    plx__jw_str(&w, u->id);
    plx__jw_key(&w, "source");
    plx__jw_strn(&w, u->text[0], u->len[0]);
    plx__jw_key(&w, "target");
    if (u->has_target) plx__jw_strn(&w, u->text[1], u->len[1]);
    else plx__jw_null(&w);
    plx__jw_key(&w, "status");
    plx__jw_str(&w, S_different(&s) ? "different" : "same");
    plx__jw_key(&w, "facts");
    plx__jw_array(&w);
    for (size_t k = by_unit[0][i]; k < by_unit[0][i + 1]; k++)
      S_json_fact(&w, bt, d, &facts[by_unit[1][k]]);
    plx__jw_array_end(&w);
    plx__jw_object_end(&w);
  }
  plx__jw_array_end(&w);
  plx__jw_key(&w, "summary");
  plx__jw_object(&w);
  plx__jw_key(&w, "units");
  plx__jw_int(&w, (long long)nu);
  plx__jw_key(&w, "different");
  plx__jw_int(&w, (long long)different);
  plx__jw_key(&w, "untranslated");
  plx__jw_int(&w, (long long)total.untranslated);
  plx__jw_key(&w, "tags");
  plx__jw_int(&w, (long long)total.tags);
  plx__jw_key(&w, "missing");
  plx__jw_object(&w);
  plx__jw_key(&w, "source");
  plx__jw_int(&w, (long long)total.missing[0]);
  plx__jw_key(&w, "target");
  plx__jw_int(&w, (long long)total.missing[1]);
  plx__jw_object_end(&w);
  plx__jw_key(&w, "conflicts");
  plx__jw_int(&w, (long long)total.conflicts);
  plx__jw_object_end(&w);
  plx__jw_object_end(&w);
  plx__buf_putc(b, '\n');
}

/* ---- text ---- */

static void S_quote(plx__buf *b, const char *t, size_t s, size_t e, size_t max) {
  size_t n = e - s;
  if (n > max) {
    n = max;
    while (n > 0 && ((unsigned char)t[s + n] & 0xC0) == 0x80) n--;
  }
  plx__buf_putc(b, '"');
  plx__buf_put(b, t + s, n);
  plx__buf_puts(b, n < e - s ? "…\"" : "\"");
}

static void S_text_fact(plx__buf *b, const plx_doc *const d[2], const plx_fact *f) {
  size_t len;
  const char *t = plx_doc_text(d[f->side], &len), *ot = plx_doc_text(d[!f->side], &len);
  plx__buf_puts(b, "    ");
  if (!strcmp(f->type, "tag")) {
    plx__buf_printf(b, "tag %s of the %s is not in the %s\n", f->value, S_side_name(f->side),
                    S_side_name(!f->side));
    return;
  }
  if (!strcmp(f->type, "untranslated")) {
    plx__buf_puts(b, f->side ? "untranslated: the target is the source as it stands\n"
                             : "untranslated: no target\n");
    return;
  }
  plx__buf_printf(b, "%s ", f->type);
  S_quote(b, t, f->start, f->end, 60);
  if (f->value[0] && strcmp(f->type, "name") && strcmp(f->type, "detail"))
    plx__buf_printf(b, " = %s", f->value);
  if (f->status == PLX_FACT_CONFLICT && f->has_counterpart) {
    plx__buf_printf(b, "\n      but the %s says ", S_side_name(!f->side));
    S_quote(b, ot, f->cp_start, f->cp_end, 60);
    if (f->cp_value[0]) plx__buf_printf(b, " = %s", f->cp_value);
  } else {
    plx__buf_printf(b, ": not in the %s", S_side_name(!f->side));
  }
  plx__buf_printf(b, " (%.2f)\n", f->score);
}

static void S_text(plx__buf *b, const plx_bitext *bt, const plx_doc *const d[2],
                   const char *path, const plx_fact *facts, size_t **by_unit) {
  size_t nu = plx_bitext_unit_count(bt), different = 0;
  S_unit_sum total;
  memset(&total, 0, sizeof total);
  plx__buf body = {0};
  for (size_t i = 0; i < nu; i++) {
    S_unit_sum s;
    memset(&s, 0, sizeof s);
    for (size_t k = by_unit[0][i]; k < by_unit[0][i + 1]; k++) S_sum(&s, &facts[by_unit[1][k]]);
    if (!S_different(&s)) continue;
    different++;
    total.untranslated += s.untranslated;
    total.tags += s.tags;
    const plx_unit *u = plx_bitext_unit(bt, i);
    plx__buf_printf(&body, "\nunit %s\n  source: ", u->id);
    S_quote(&body, u->text[0], 0, u->len[0], 160);
    plx__buf_puts(&body, "\n  target: ");
    if (u->has_target) S_quote(&body, u->text[1], 0, u->len[1], 160);
    else plx__buf_puts(&body, "(none)");
    plx__buf_putc(&body, '\n');
    for (size_t k = by_unit[0][i]; k < by_unit[0][i + 1]; k++)
      if (S_counts(&facts[by_unit[1][k]])) S_text_fact(&body, d, &facts[by_unit[1][k]]);
  }
  plx__buf_printf(b, "%s: %s, %s -> %s, %zu units: %zu with something to check",
                  path ? path : "(standard input)",
                  plx_bitext_format_name(plx_bitext_get_format(bt)), plx_bitext_lang(bt, 0),
                  plx_bitext_lang(bt, 1), nu, different);
  if (total.untranslated && total.tags)
    plx__buf_printf(b, " (%zu untranslated; %zu %s lost or added)", total.untranslated,
                    total.tags, total.tags == 1 ? "tag" : "tags");
  else if (total.untranslated)
    plx__buf_printf(b, " (%zu untranslated)", total.untranslated);
  else if (total.tags)
    plx__buf_printf(b, " (%zu %s lost or added)", total.tags, total.tags == 1 ? "tag" : "tags");
  plx__buf_puts(b, "\n");
  if (body.data) plx__buf_put(b, body.data, body.len);
  plx__buf_free(&body);
}

plx_status plx__bitext_render(const plx_bitext *bt, const plx_alignment *al, const plx_doc *src,
                              const plx_doc *trg, const char *path, const plx_report_options *o,
                              const plx_fact *facts, size_t nf, char **out, size_t *len,
                              plx_error *err) {
  const plx_doc *d[2] = {src, trg};
  if (o->format == PLX_FORMAT_HTML)
    return plx__alignment_html(al, src, trg, path, path, facts, nf, out, len, err);
  if (o->format != PLX_FORMAT_JSON && o->format != PLX_FORMAT_TEXT)
    return plx__fail(err, PLX_ERR_USAGE,
                     "a bilingual file's report is text, json or html");
  /* the facts of each unit, both sides, in order: by_unit[0] the start of
   * each unit's run in by_unit[1] */
  size_t nu = plx_bitext_unit_count(bt);
  size_t *by[2];
  by[0] = plx__calloc(nu + 2, sizeof *by[0]);
  by[1] = plx__malloc((nf + 1) * sizeof *by[1]);
  for (size_t k = 0; k < nf; k++) by[0][facts[k].sentence + 1]++;
  for (size_t i = 0; i < nu; i++) by[0][i + 1] += by[0][i];
  size_t *fill = plx__malloc((nu + 1) * sizeof *fill);
  memcpy(fill, by[0], (nu + 1) * sizeof *fill);
  for (size_t k = 0; k < nf; k++) by[1][fill[facts[k].sentence]++] = k;
  free(fill);
  plx__buf b = {0};
  if (o->format == PLX_FORMAT_JSON) S_json(&b, bt, d, path, facts, nf, by);
  else S_text(&b, bt, d, path, facts, by);
  free(by[0]);
  free(by[1]);
  *out = plx__buf_detach(&b, len);
  return PLX_OK;
}
