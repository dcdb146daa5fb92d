/* bitext.c: XLIFF 1.2, XLIFF 2.x and TMX 1.4 read as units of a source and
 * a target, with inline codes kept beside the text as tags. */
#include "internal.h"
#include "plx_bitext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unicode/utf8.h>

typedef struct S_unit {
  plx_unit pub;
  plx_tag *tags[2];
  size_t cap[2];
} S_unit;

struct plx_bitext {
  plx_bitext_format format;
  const char *lang[2];
  S_unit *units;
  size_t n, cap;
  size_t *offset[2]; /* made by plx_bitext_docs */
};

const char *plx_bitext_format_name(plx_bitext_format f) {
  switch (f) {
  case PLX_BITEXT_NONE: return "none";
  case PLX_BITEXT_XLIFF1: return "xliff-1";
  case PLX_BITEXT_XLIFF2: return "xliff-2";
  case PLX_BITEXT_TMX: return "tmx";
  }
  return "none";
}

void plx_bitext_options_init(plx_bitext_options *o) {
  memset(o, 0, sizeof *o);
  o->max_input_bytes = (size_t)64 << 20;
}

/* ---- sniffing: the root element's name, past the prolog ---- */

static int S_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static size_t S_skip_to(const char *s, size_t len, size_t i, const char *end) {
  size_t n = strlen(end);
  for (; i + n <= len; i++)
    if (!memcmp(s + i, end, n)) return i + n;
  return len;
}

plx_bitext_format plx_bitext_sniff(const char *s, size_t len) {
  size_t i = 0;
  if (!s) return PLX_BITEXT_NONE;
  if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) i = 3;
  for (;;) {
    while (i < len && S_ws(s[i])) i++;
    if (i + 1 >= len || s[i] != '<') return PLX_BITEXT_NONE;
    if (s[i + 1] == '?') i = S_skip_to(s, len, i, "?>");
    else if (len - i >= 4 && !memcmp(s + i, "<!--", 4)) i = S_skip_to(s, len, i + 4, "-->");
    else if (s[i + 1] == '!') {
      /* a DOCTYPE, perhaps with an internal subset */
      int depth = 0;
      for (i += 2; i < len; i++) {
        if (s[i] == '[') depth++;
        else if (s[i] == ']') depth--;
        else if (s[i] == '>' && depth <= 0) break;
      }
      i++;
    } else
      break;
  }
  size_t b = ++i;
  while (i < len && !S_ws(s[i]) && s[i] != '>' && s[i] != '/') i++;
  size_t e = i;
  for (size_t k = b; k < e; k++)
    if (s[k] == ':') b = k + 1; /* a prefixed root */
  if (e - b == 5 && !memcmp(s + b, "xliff", 5)) {
    /* the version decides: an attribute version="2..." or the 2.0 namespace */
    size_t close = S_skip_to(s, len, e, ">");
    const char *tag = s + e;
    size_t tl = close - e;
    for (size_t k = 0; k + 9 <= tl; k++)
      if (!memcmp(tag + k, "version=", 8) && (tag[k + 8] == '"' || tag[k + 8] == '\'') &&
          k + 9 < tl)
        return tag[k + 9] == '2' ? PLX_BITEXT_XLIFF2 : PLX_BITEXT_XLIFF1;
    for (size_t k = 0; k + 34 <= tl; k++)
      if (!memcmp(tag + k, "urn:oasis:names:tc:xliff:document:", 34))
        return k + 34 < tl && tag[k + 34] == '2' ? PLX_BITEXT_XLIFF2 : PLX_BITEXT_XLIFF1;
    return PLX_BITEXT_XLIFF1;
  }
  if (e - b == 3 && !memcmp(s + b, "tmx", 3)) return PLX_BITEXT_TMX;
  return PLX_BITEXT_NONE;
}

/* ---- reading ---- */

static int S_is(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static char *S_attr(const xmlNode *n, const char *name) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  if (!v) return NULL;
  char *s = plx__strndup((const char *)v, strlen((const char *)v));
  xmlFree(v);
  return s;
}

/* xml:lang of n itself (not inherited). */
static char *S_lang_attr(const xmlNode *n) {
  xmlChar *v = xmlGetNsProp(n, (const xmlChar *)"lang", XML_XML_NAMESPACE);
  if (!v) v = xmlGetProp(n, (const xmlChar *)"lang"); /* TMX 1.1's lang */
  if (!v) return NULL;
  char *s = plx__strndup((const char *)v, strlen((const char *)v));
  xmlFree(v);
  return s;
}

static int S_same_primary(const char *a, const char *b) {
  if (!a || !b) return 0;
  size_t k = 0;
  for (; a[k] && b[k] && a[k] != '-' && a[k] != '_'; k++) {
    char x = a[k] >= 'A' && a[k] <= 'Z' ? a[k] + 32 : a[k];
    char y = b[k] >= 'A' && b[k] <= 'Z' ? b[k] + 32 : b[k];
    if (x != y) return 0;
  }
  char ea = a[k], eb = b[k];
  return (ea == 0 || ea == '-' || ea == '_') && (eb == 0 || eb == '-' || eb == '_');
}

typedef struct S_read {
  plx_bitext *bt;
  plx_bitext_format format;
  char *raw_lang[2];     /* the file's language codes, as written */
  int conflicting_langs; /* two files of one XLIFF with other languages */
} S_read;

/* One side's text and tags, from the inline content of element el. */
typedef struct S_side {
  plx__buf text;
  plx_tag *tags;
  size_t ntags, cap;
} S_side;

static void S_add_tag(S_side *s, const char *key, size_t klen, const char *display) {
  plx_tag t = {plx__strndup(key, klen), plx__strndup(display, strlen(display)), s->text.len};
  PLX__PUSH(s->tags, s->ntags, s->cap, t);
}

/* A text node: line breaks read as spaces (one byte for one byte), so a
 * unit is one line of the documents plx_bitext_docs makes. */
static void S_text(S_side *s, const char *t) {
  for (const char *p = t; *p; p++) plx__buf_putc(&s->text, *p == '\n' || *p == '\r' ? ' ' : *p);
}

/* The code as a translator's tool shows it. */
static void S_tag(S_side *s, const xmlNode *n, const char *idattr, int wraps) {
  const char *name = (const char *)n->name;
  char *id = idattr ? S_attr(n, idattr) : NULL;
  plx__buf key = {0}, disp = {0};
  plx__buf_printf(&key, "%s", name);
  plx__buf_printf(&disp, "<%s", name);
  if (id) {
    plx__buf_printf(&key, "#%.80s", id);
    plx__buf_printf(&disp, " %s=\"%.80s\"", idattr, id);
  } else {
    /* no id: the code's own content tells it (TMX's <ph>&lt;br/&gt;</ph>) */
    xmlChar *c = xmlNodeGetContent(n);
    const char *cs = c ? (const char *)c : "";
    plx__buf_printf(&key, ":%.80s", cs);
    if (*cs) {
      plx__buf_printf(&disp, ">%.40s%s</%s>", cs, strlen(cs) > 40 ? "…" : "", name);
      if (c) xmlFree(c);
      goto done;
    }
    if (c) xmlFree(c);
  }
  plx__buf_puts(&disp, wraps ? ">" : "/>");
done:
  S_add_tag(s, key.data, key.len, disp.data);
  plx__buf_free(&key);
  plx__buf_free(&disp);
  free(id);
}

static void S_inline(S_read *r, S_side *s, const xmlNode *el, int depth) {
  if (depth > 200) return; /* libxml2 has refused deeper already */
  for (const xmlNode *n = el->children; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) S_text(s, (const char *)n->content);
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;
    const char *nm = (const char *)n->name;
    switch (r->format) {
    case PLX_BITEXT_XLIFF1:
      if (!strcmp(nm, "g")) {
        S_tag(s, n, "id", 1);
        S_inline(r, s, n, depth + 1);
      } else if (!strcmp(nm, "x") || !strcmp(nm, "bx") || !strcmp(nm, "ex") ||
                 !strcmp(nm, "ph") || !strcmp(nm, "bpt") || !strcmp(nm, "ept") ||
                 !strcmp(nm, "it")) {
        S_tag(s, n, "id", 0);
      } else if (!strcmp(nm, "mrk")) {
        S_inline(r, s, n, depth + 1);
      } /* sub and anything else: not the unit's text */
      break;
    case PLX_BITEXT_XLIFF2:
      if (!strcmp(nm, "pc")) {
        S_tag(s, n, "id", 1);
        S_inline(r, s, n, depth + 1);
      } else if (!strcmp(nm, "ph") || !strcmp(nm, "sc")) {
        S_tag(s, n, "id", 0);
      } else if (!strcmp(nm, "ec")) {
        xmlChar *sr = xmlGetProp(n, (const xmlChar *)"startRef");
        S_tag(s, n, sr ? "startRef" : "id", 0);
        if (sr) xmlFree(sr);
      } else if (!strcmp(nm, "cp")) {
        /* a character XML cannot hold; text all the same */
        char *hex = S_attr(n, "hex");
        unsigned long cp = hex ? strtoul(hex, NULL, 16) : 0;
        free(hex);
        if (cp >= 0x20 && cp < 0x110000 && !(cp >= 0xD800 && cp < 0xE000)) {
          uint8_t u[U8_MAX_LENGTH];
          int32_t k = 0;
          U8_APPEND_UNSAFE(u, k, (UChar32)cp);
          plx__buf_put(&s->text, (const char *)u, (size_t)k);
        } else {
          plx__buf_putc(&s->text, ' ');
        }
      } else if (!strcmp(nm, "mrk")) {
        S_inline(r, s, n, depth + 1);
      } /* sm, em: annotation markers */
      break;
    case PLX_BITEXT_TMX:
      if (!strcmp(nm, "hi")) {
        S_tag(s, n, xmlHasProp(n, (const xmlChar *)"x") ? "x" : NULL, 1);
        S_inline(r, s, n, depth + 1);
      } else if (!strcmp(nm, "bpt") || !strcmp(nm, "ept")) {
        S_tag(s, n, "i", 0);
      } else if (!strcmp(nm, "ph") || !strcmp(nm, "it") || !strcmp(nm, "ut")) {
        S_tag(s, n, xmlHasProp(n, (const xmlChar *)"x") ? "x" : NULL, 0);
      }
      break;
    case PLX_BITEXT_NONE: break;
    }
  }
}

/* Add a unit from its source and target elements (target may be NULL). */
static void S_unit_add(S_read *r, const char *id, const xmlNode *src, const xmlNode *trg) {
  S_side side[2];
  memset(side, 0, sizeof side);
  const xmlNode *el[2] = {src, trg};
  for (int k = 0; k < 2; k++) {
    plx__buf_puts(&side[k].text, ""); /* never NULL */
    if (el[k]) S_inline(r, &side[k], el[k], 0);
  }
  S_unit u;
  memset(&u, 0, sizeof u);
  u.pub.id = plx__strndup(id, strlen(id));
  u.pub.has_target = trg != NULL;
  for (int k = 0; k < 2; k++) {
    u.pub.text[k] = plx__buf_detach(&side[k].text, &u.pub.len[k]);
    u.tags[k] = side[k].tags;
    u.pub.tags[k] = side[k].tags;
    u.pub.ntags[k] = side[k].ntags;
  }
  PLX__PUSH(r->bt->units, r->bt->n, r->bt->cap, u);
}

/* Note a language pair, from one <file> (XLIFF) or the root. */
static void S_note_langs(S_read *r, char *src, char *trg) {
  char *v[2] = {src, trg};
  for (int k = 0; k < 2; k++) {
    if (!v[k]) continue;
    if (!r->raw_lang[k]) r->raw_lang[k] = v[k];
    else {
      if (!S_same_primary(r->raw_lang[k], v[k])) r->conflicting_langs = 1;
      free(v[k]);
    }
  }
}

static const xmlNode *S_child(const xmlNode *n, const char *name) {
  for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
    if (S_is(c, name)) return c;
  return NULL;
}

static int S_translatable(const xmlNode *n) {
  char *t = S_attr(n, "translate");
  int no = t && !strcmp(t, "no");
  free(t);
  return !no;
}

/* XLIFF 1.2: every trans-unit, in groups at any depth. */
static void S_xliff1(S_read *r, const xmlNode *n, int depth) {
  for (const xmlNode *c = n->children; c && depth < 100; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (S_is(c, "file")) S_note_langs(r, S_attr(c, "source-language"), S_attr(c, "target-language"));
    if (S_is(c, "trans-unit")) {
      /* a PO file's header, as gettext converters write it, is no text */
      char *restype = S_attr(c, "restype");
      int header = restype && !strcmp(restype, "x-gettext-domain-header");
      free(restype);
      if (!S_translatable(c) || header) continue;
      const xmlNode *src = S_child(c, "source"), *trg = S_child(c, "target");
      if (trg && !r->raw_lang[1]) S_note_langs(r, NULL, S_lang_attr(trg));
      char *id = S_attr(c, "id");
      char pos[32];
      snprintf(pos, sizeof pos, "%zu", r->bt->n + 1);
      S_unit_add(r, id ? id : pos, src, trg);
      free(id);
    } else if (S_is(c, "file") || S_is(c, "body") || S_is(c, "group")) {
      if (S_translatable(c) || !S_is(c, "group")) S_xliff1(r, c, depth + 1);
    }
  }
}

/* XLIFF 2: each segment of each unit. */
static void S_xliff2(S_read *r, const xmlNode *n, int depth) {
  for (const xmlNode *c = n->children; c && depth < 100; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (S_is(c, "unit")) {
      if (!S_translatable(c)) continue;
      char *uid = S_attr(c, "id");
      size_t nseg = 0;
      for (const xmlNode *g = c->children; g; g = g->next) nseg += S_is(g, "segment");
      size_t k = 0;
      for (const xmlNode *g = c->children; g; g = g->next) {
        if (!S_is(g, "segment")) continue;
        k++;
        char *sid = S_attr(g, "id");
        plx__buf id = {0};
        plx__buf_printf(&id, "%s", uid ? uid : "?");
        if (nseg > 1) {
          if (sid) plx__buf_printf(&id, "/%s", sid);
          else plx__buf_printf(&id, "/%zu", k);
        }
        S_unit_add(r, id.data, S_child(g, "source"), S_child(g, "target"));
        plx__buf_free(&id);
        free(sid);
      }
      free(uid);
    } else if (S_is(c, "file") || S_is(c, "group")) {
      if (S_translatable(c)) S_xliff2(r, c, depth + 1);
    }
  }
}

/* TMX: each tu's variant in the source language against the first in
 * another (or the one asked for). */
static void S_tmx(S_read *r, const xmlNode *root, const plx_bitext_options *o) {
  const xmlNode *header = S_child(root, "header"), *body = S_child(root, "body");
  char *srclang = header ? S_attr(header, "srclang") : NULL;
  if (srclang && !strcmp(srclang, "*all*")) {
    free(srclang);
    srclang = NULL;
  }
  size_t pos = 0;
  for (const xmlNode *tu = body ? body->children : NULL; tu; tu = tu->next) {
    if (!S_is(tu, "tu")) continue;
    pos++;
    const xmlNode *src = NULL, *trg = NULL;
    char *srcl = NULL, *trgl = NULL;
    for (const xmlNode *v = tu->children; v; v = v->next) {
      if (!S_is(v, "tuv")) continue;
      char *l = S_lang_attr(v);
      if (!l) continue;
      /* without a srclang, the first variant is the source */
      const char *want_src = o->lang_source ? o->lang_source : srclang ? srclang
                             : r->raw_lang[0] ? r->raw_lang[0] : srcl ? srcl : l;
      if (!src && S_same_primary(l, want_src)) {
        src = S_child(v, "seg");
        srcl = l;
      } else if ((!trg || (!plx_lang_canonical(trgl) && plx_lang_canonical(l))) && !S_same_primary(l, want_src) &&
                 (!o->lang_target || S_same_primary(l, o->lang_target)) &&
                 (!r->raw_lang[1] || S_same_primary(l, r->raw_lang[1]))) {
        /* the first variant in another language, one Parallax reads if
         * there is one (a memory may hold several target languages) */
        trg = S_child(v, "seg");
        free(trgl);
        trgl = l;
      } else {
        free(l);
      }
    }
    if (!src) {
      free(srcl);
      free(trgl);
      continue;
    }
    S_note_langs(r, srcl, trgl);
    char *tuid = S_attr(tu, "tuid");
    char id[32];
    snprintf(id, sizeof id, "%zu", pos);
    S_unit_add(r, tuid ? tuid : id, src, trg);
    free(tuid);
  }
  free(srclang);
}

plx_status plx_bitext_parse(const char *bytes, size_t len, const plx_bitext_options *opt,
                            plx_bitext **out, plx_error *err) {
  plx_bitext_options defaults;
  if (!opt) {
    plx_bitext_options_init(&defaults);
    opt = &defaults;
  }
  *out = NULL;
  if (opt->max_input_bytes && len > opt->max_input_bytes)
    return plx__fail(err, PLX_ERR_TOO_LARGE,
                     "input is %zu bytes, over the limit of %zu (see --max-input-bytes)", len,
                     opt->max_input_bytes);
  size_t bad = plx__utf8_invalid_at(bytes, len);
  if (bad < len || memchr(bytes, '\0', len))
    return plx__fail(err, PLX_ERR_ENCODING,
                     "not UTF-8 (byte offset %zu): save the file as UTF-8", bad < len ? bad : 0);
  plx_bitext_format f = plx_bitext_sniff(bytes, len);
  if (f == PLX_BITEXT_NONE)
    return plx__fail(err, PLX_ERR_INPUT,
                     "not a bilingual file: XLIFF 1.2, XLIFF 2.x or TMX 1.4 expected");
  xmlInitParser();
  xmlDoc *doc = NULL;
  plx_status st = plx__xml_read(bytes, len, &doc, err);
  if (st) return st;
  const xmlNode *root = xmlDocGetRootElement(doc);
  S_read r;
  memset(&r, 0, sizeof r);
  r.bt = plx__calloc(1, sizeof *r.bt);
  r.bt->format = r.format = f;
  if (f == PLX_BITEXT_XLIFF1) {
    char *v = S_attr(root, "version");
    if (v && v[0] != '1') {
      st = plx__fail(err, PLX_ERR_INPUT, "XLIFF version %.20s is not read (1.2 and 2.x are)", v);
      free(v);
      goto done;
    }
    free(v);
    S_xliff1(&r, root, 0);
  } else if (f == PLX_BITEXT_XLIFF2) {
    S_note_langs(&r, S_attr(root, "srcLang"), S_attr(root, "trgLang"));
    S_xliff2(&r, root, 0);
  } else {
    S_tmx(&r, root, opt);
  }
  if (r.bt->n == 0) {
    st = plx__fail(err, PLX_ERR_INPUT, "%s file with no translatable unit",
                   f == PLX_BITEXT_TMX ? "a TMX" : "an XLIFF");
    goto done;
  }
  if (r.conflicting_langs && !(opt->lang_source && opt->lang_target)) {
    st = plx__fail(err, PLX_ERR_LANGUAGE,
                   "the file holds more than one language pair; give --lang-a and --lang-b "
                   "to choose one, or split the file");
    goto done;
  }
  const char *given[2] = {opt->lang_source, opt->lang_target};
  for (int k = 0; k < 2; k++) {
    const char *raw = given[k] ? given[k] : r.raw_lang[k];
    r.bt->lang[k] = plx_lang_canonical(raw);
    if (!raw) {
      /* not said (XLIFF 1.2's target-language is optional): the text tells */
      plx__buf all = {0};
      for (size_t i = 0; i < r.bt->n; i++) {
        plx__buf_put(&all, r.bt->units[i].pub.text[k], r.bt->units[i].pub.len[k]);
        plx__buf_putc(&all, '\n');
      }
      r.bt->lang[k] = all.data ? plx_lang_detect(all.data, all.len, NULL) : NULL;
      plx__buf_free(&all);
      if (r.bt->lang[k]) continue;
      st = plx__fail(err, PLX_ERR_LANGUAGE,
                     "the file does not say its %s language and its text does not tell; "
                     "give --lang-%c",
                     k ? "target" : "source", k ? 'b' : 'a');
      goto done;
    }
    if (!r.bt->lang[k]) {
      st = plx__fail(err, PLX_ERR_LANGUAGE,
                     "%s language '%.20s' is not one Parallax reads (en, es, ru)",
                     k ? "target" : "source", raw);
      goto done;
    }
  }
  if (!strcmp(r.bt->lang[0], r.bt->lang[1]))
    st = plx__fail(err, PLX_ERR_LANGUAGE,
                   "source and target are both in '%s'; Parallax compares two languages",
                   r.bt->lang[0]);
  for (int k = 0; k < 2 && !st; k++) {
    size_t *o = r.bt->offset[k] = plx__malloc((r.bt->n + 1) * sizeof *o);
    o[0] = 0;
    for (size_t i = 0; i < r.bt->n; i++) o[i + 1] = o[i] + r.bt->units[i].pub.len[k] + 1;
  }
done:
  free(r.raw_lang[0]);
  free(r.raw_lang[1]);
  xmlFreeDoc(doc);
  if (st) {
    plx_bitext_free(r.bt);
    return st;
  }
  *out = r.bt;
  return PLX_OK;
}

plx_status plx_bitext_load(const char *path, const plx_bitext_options *opt, plx_bitext **out,
                           plx_error *err) {
  *out = NULL;
  plx__buf b = {0};
  plx_status st = plx__read_file(path, opt ? opt->max_input_bytes : (size_t)64 << 20, &b, err);
  if (!st) st = plx_bitext_parse(b.data ? b.data : "", b.len, opt, out, err);
  plx__buf_free(&b);
  return st;
}

void plx_bitext_free(plx_bitext *bt) {
  if (!bt) return;
  for (size_t i = 0; i < bt->n; i++) {
    S_unit *u = &bt->units[i];
    free((char *)u->pub.id);
    for (int k = 0; k < 2; k++) {
      free((char *)u->pub.text[k]);
      for (size_t t = 0; t < u->pub.ntags[k]; t++) {
        free((char *)u->tags[k][t].key);
        free((char *)u->tags[k][t].display);
      }
      free(u->tags[k]);
    }
  }
  free(bt->units);
  free(bt->offset[0]);
  free(bt->offset[1]);
  free(bt);
}

plx_bitext_format plx_bitext_get_format(const plx_bitext *bt) { return bt->format; }
const char *plx_bitext_lang(const plx_bitext *bt, int side) { return bt->lang[side ? 1 : 0]; }
size_t plx_bitext_unit_count(const plx_bitext *bt) { return bt->n; }
const plx_unit *plx_bitext_unit(const plx_bitext *bt, size_t i) {
  return i < bt->n ? &bt->units[i].pub : NULL;
}

size_t plx_bitext_unit_offset(const plx_bitext *bt, int side, size_t i) {
  return bt->offset[side ? 1 : 0][i < bt->n ? i : bt->n];
}

plx_status plx_bitext_docs(const plx_bitext *bt, plx_doc **source, plx_doc **target,
                           plx_error *err) {
  *source = *target = NULL;
  plx_doc **out[2] = {source, target};
  for (int side = 0; side < 2; side++) {
    plx__buf b = {0};
    for (size_t i = 0; i < bt->n; i++) {
      plx__buf_put(&b, bt->units[i].pub.text[side], bt->units[i].pub.len[side]);
      plx__buf_putc(&b, '\n'); /* a final break opens no unit */
    }
    plx_doc_options o;
    plx_doc_options_init(&o);
    o.lang = bt->lang[side];
    o.format = PLX_INPUT_TEXT;
    o.segmented = 1;
    o.max_input_bytes = 0;
    plx_status st = plx_doc_parse(b.data ? b.data : "", b.len, &o, out[side], err);
    plx__buf_free(&b);
    if (st) {
      plx_doc_free(*source);
      *source = NULL;
      return st;
    }
  }
  return PLX_OK;
}
