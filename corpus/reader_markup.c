/* reader_markup.c: the article text of an HTML or XML document, as blocks
 * (paragraphs, headings, list items...) in reading order, and a guess at
 * the format of an input from its first bytes.
 *
 * Parsing is libxml2's; the tree is then walked with an explicit stack, so
 * that no input can exhaust the C stack. libxml2 must stay silent (the
 * library never prints) and, for XML, must never read a file or the network:
 * every parse installs quiet error handlers and an entity resolver that
 * refuses everything, on this context and this thread only. */
#include "internal.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* ---- Sniffing ---- */

static int S_is_ws(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int S_is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* Bytes of non-ASCII letters count: XML names may be in any script. */
static int S_is_name_char(unsigned char c) {
  return S_is_alpha(c) || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == ':' ||
         c >= 0x80;
}

static unsigned char S_lower(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Whether s[i..] starts with lit, ignoring ASCII case. */
static int S_has_at(const char *s, size_t len, size_t i, const char *lit) {
  size_t n = strlen(lit);
  if (i > len || len - i < n) return 0;
  for (size_t k = 0; k < n; k++)
    if (S_lower((unsigned char)s[i + k]) != (unsigned char)lit[k]) return 0;
  return 1;
}

/* The offset of lit in s[from..len) (exact case), or len. */
static size_t S_find(const char *s, size_t len, size_t from, const char *lit) {
  size_t n = strlen(lit);
  for (size_t i = from; i + n <= len; i++)
    if (s[i] == lit[0] && memcmp(s + i, lit, n) == 0) return i;
  return len;
}

static int S_name_eq(const char *s, size_t n, const char *lit) {
  if (strlen(lit) != n) return 0;
  for (size_t k = 0; k < n; k++)
    if (S_lower((unsigned char)s[k]) != (unsigned char)lit[k]) return 0;
  return 1;
}

/* A start tag at s[i]: '<', a name, then whitespace, '>' or "/>". Sets the
 * name's span; returns 0 when s[i] does not open a tag (say "<3" or
 * "<https://..."). */
static int S_start_tag(const char *s, size_t len, size_t i, size_t *name, size_t *name_len) {
  if (i + 1 >= len || s[i] != '<') return 0;
  unsigned char c = (unsigned char)s[i + 1];
  if (!S_is_alpha(c) && c != '_' && c < 0x80) return 0;
  size_t j = i + 1;
  while (j < len && S_is_name_char((unsigned char)s[j]))
    j++;
  if (j < len && !S_is_ws((unsigned char)s[j]) && s[j] != '>' &&
      !(s[j] == '/' && j + 1 < len && s[j + 1] == '>'))
    return 0;
  *name = i + 1;
  *name_len = j - (i + 1);
  return 1;
}

/* Common HTML start tags anywhere in the document: the signs of an HTML
 * fragment without <html>. */
static int S_has_html_tags(const char *s, size_t len) {
  static const char *const tags[] = {"p",  "div",    "h1", "h2", "h3",     "h4",    "h5",    "h6",
                                     "br", "span",   "a",  "ul", "ol",     "li",    "table", "img",
                                     "em", "strong", "b",  "i",  "script", "style", "meta",  NULL};
  for (size_t i = 0; i < len; i++) {
    size_t name, n;
    if (s[i] != '<' || !S_start_tag(s, len, i, &name, &n)) continue;
    for (size_t k = 0; tags[k]; k++)
      if (S_name_eq(s + name, n, tags[k])) return 1;
  }
  return 0;
}

/* Skip a DOCTYPE's body from s[i] (after its name), internal subset
 * included. Returns the offset after its '>', or len. */
static size_t S_skip_doctype(const char *s, size_t len, size_t i) {
  while (i < len && s[i] != '>' && s[i] != '[')
    i++;
  if (i < len && s[i] == '[') {
    i = S_find(s, len, i, "]");
    while (i < len && s[i] != '>')
      i++;
  }
  return i < len ? i + 1 : len;
}

/* Whether the start tag whose attributes begin at s[i] puts its element in
 * the XHTML namespace (an XHTML fragment such as <div xmlns="...">). */
static int S_xhtml_root(const char *s, size_t len, size_t i) {
  static const char ns[] = "http://www.w3.org/1999/xhtml";
  size_t end = i;
  while (end < len && s[end] != '>')
    end++;
  for (size_t k = i; k + 6 < end; k++) {
    if (memcmp(s + k, "xmlns", 5) != 0) continue;
    size_t j = k + 5;
    while (j < end && S_is_ws((unsigned char)s[j]))
      j++;
    if (j >= end || s[j++] != '=') continue;
    while (j < end && S_is_ws((unsigned char)s[j]))
      j++;
    /* The quote, the name, the same quote: sizeof ns + 1 bytes. */
    if (j + sizeof ns < end && (s[j] == '"' || s[j] == '\'') &&
        memcmp(s + j + 1, ns, sizeof ns - 1) == 0 && s[j + sizeof ns] == s[j])
      return 1;
  }
  return 0;
}

plx_input_format plx__sniff_format(const char *bytes, size_t len) {
  const char *s = bytes;
  size_t i = 0;
  if (!s) return PLX_INPUT_TEXT;
  if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) i = 3;
  while (i < len && S_is_ws((unsigned char)s[i]))
    i++;

  /* The prolog: an XML declaration, processing instructions, comments and
   * a DOCTYPE, in any order (HTML files often open with a comment). */
  int xml_decl = 0, other_doctype = 0;
  for (;;) {
    if (S_has_at(s, len, i, "<?")) {
      if (S_has_at(s, len, i, "<?xml") && i + 5 < len &&
          (S_is_ws((unsigned char)s[i + 5]) || s[i + 5] == '?'))
        xml_decl = 1;
      size_t e = S_find(s, len, i + 2, "?>");
      if (e == len) return xml_decl ? PLX_INPUT_XML : PLX_INPUT_TEXT;
      i = e + 2;
    } else if (S_has_at(s, len, i, "<!--")) {
      size_t e = S_find(s, len, i + 4, "-->");
      if (e == len) return PLX_INPUT_TEXT;
      i = e + 3;
    } else if (S_has_at(s, len, i, "<!doctype")) {
      size_t j = i + 9;
      while (j < len && S_is_ws((unsigned char)s[j]))
        j++;
      if (S_has_at(s, len, j, "html") && (j + 4 == len || !S_is_name_char((unsigned char)s[j + 4])))
        return PLX_INPUT_HTML;
      other_doctype = 1;
      i = S_skip_doctype(s, len, j);
    } else {
      break;
    }
    while (i < len && S_is_ws((unsigned char)s[i]))
      i++;
  }

  int prolog = xml_decl || other_doctype;
  size_t name, n;
  if (!S_start_tag(s, len, i, &name, &n)) return prolog ? PLX_INPUT_XML : PLX_INPUT_TEXT;
  /* The root's local name: an XHTML root may carry a prefix. */
  for (size_t k = n; k > 0; k--)
    if (s[name + k - 1] == ':') {
      name += k;
      n -= k;
      break;
    }
  if (S_name_eq(s + name, n, "html") || S_name_eq(s + name, n, "head") ||
      S_name_eq(s + name, n, "body") || S_xhtml_root(s, len, name + n))
    return PLX_INPUT_HTML;
  if (prolog) return PLX_INPUT_XML;
  if (S_has_html_tags(s, len)) return PLX_INPUT_HTML;
  /* A document that opens with a tag and closes with one reads as XML;
   * text that merely begins with something tag-like stays text. */
  size_t e = len;
  while (e > i && S_is_ws((unsigned char)s[e - 1]))
    e--;
  return s[e - 1] == '>' ? PLX_INPUT_XML : PLX_INPUT_TEXT;
}

/* ---- Element classes ---- */

typedef enum S_class {
  S_INLINE = 0, /* its text joins the block around it */
  S_BLOCK,      /* starts and ends a block */
  S_BREAK,      /* br, hr: ends the current block, no content */
  S_DROP,       /* site furniture, code, hidden: skipped with its content */
  S_META        /* head: only its title is read */
} S_class;

typedef struct S_name_info {
  const char *name;  /* lower case */
  unsigned char cls; /* S_class */
  unsigned char kind;
  unsigned char flags;
} S_name_info;

enum {
  S_PRE = 1,       /* newlines end blocks, as in <pre> */
  S_PARA = 2,      /* XML: a paragraph-like block, its children are inline */
  S_XML_INLINE = 4 /* XML: a name that is inline whatever its context */
};

static const S_name_info S_html_names[] = {{"address", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"article", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"aside", S_DROP, 0, 0},
                                           {"audio", S_DROP, 0, 0},
                                           {"blockquote", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"body", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"br", S_BREAK, 0, 0},
                                           {"button", S_DROP, 0, 0},
                                           {"canvas", S_DROP, 0, 0},
                                           {"caption", S_BLOCK, PLX_KIND_CAPTION, 0},
                                           {"center", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"dd", S_BLOCK, PLX_KIND_LIST, 0},
                                           {"details", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"dialog", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"dir", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"div", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"dl", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"dt", S_BLOCK, PLX_KIND_LIST, 0},
                                           {"embed", S_DROP, 0, 0},
                                           {"fieldset", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"figcaption", S_BLOCK, PLX_KIND_CAPTION, 0},
                                           {"figure", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"footer", S_DROP, 0, 0},
                                           {"form", S_DROP, 0, 0},
                                           {"frameset", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"h1", S_BLOCK, PLX_KIND_HEADING, 0},
                                           {"h2", S_BLOCK, PLX_KIND_HEADING, 0},
                                           {"h3", S_BLOCK, PLX_KIND_HEADING, 0},
                                           {"h4", S_BLOCK, PLX_KIND_HEADING, 0},
                                           {"h5", S_BLOCK, PLX_KIND_HEADING, 0},
                                           {"h6", S_BLOCK, PLX_KIND_HEADING, 0},
                                           {"head", S_META, 0, 0},
                                           {"header", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"hgroup", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"hr", S_BREAK, 0, 0},
                                           {"html", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"iframe", S_DROP, 0, 0},
                                           {"legend", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"li", S_BLOCK, PLX_KIND_LIST, 0},
                                           {"listing", S_BLOCK, PLX_KIND_TEXT, S_PRE},
                                           {"main", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"menu", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"nav", S_DROP, 0, 0},
                                           {"noframes", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"noscript", S_DROP, 0, 0},
                                           {"object", S_DROP, 0, 0},
                                           {"ol", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"p", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"plaintext", S_BLOCK, PLX_KIND_TEXT, S_PRE},
                                           {"pre", S_BLOCK, PLX_KIND_TEXT, S_PRE},
                                           {"script", S_DROP, 0, 0},
                                           {"section", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"select", S_DROP, 0, 0},
                                           {"style", S_DROP, 0, 0},
                                           {"summary", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"svg", S_DROP, 0, 0},
                                           {"table", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"tbody", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"td", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"template", S_DROP, 0, 0},
                                           {"textarea", S_DROP, 0, 0},
                                           {"tfoot", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"th", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"thead", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"title", S_BLOCK, PLX_KIND_TITLE, 0},
                                           {"tr", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"ul", S_BLOCK, PLX_KIND_TEXT, 0},
                                           {"video", S_DROP, 0, 0},
                                           {"xmp", S_BLOCK, PLX_KIND_TEXT, S_PRE},
                                           {NULL, 0, 0, 0}};

/* XML vocabularies: XHTML, DocBook and TEI names, and a few generic ones.
 * Names not here are classed by their content (see S_classify_xml). */
static const S_name_info S_xml_names[] = {
    {"a", S_INLINE, 0, S_XML_INLINE},
    {"ab", S_BLOCK, PLX_KIND_TEXT, S_PARA},
    {"abbr", S_INLINE, 0, S_XML_INLINE},
    {"abstract", S_BLOCK, PLX_KIND_TEXT, 0},
    {"address", S_BLOCK, PLX_KIND_TEXT, S_PARA},
    {"article", S_BLOCK, PLX_KIND_TEXT, 0},
    {"articleinfo", S_META, 0, 0},
    {"b", S_INLINE, 0, S_XML_INLINE},
    {"blockquote", S_BLOCK, PLX_KIND_TEXT, 0},
    {"body", S_BLOCK, PLX_KIND_TEXT, 0},
    {"bookinfo", S_META, 0, 0},
    {"br", S_BREAK, 0, 0},
    {"caption", S_BLOCK, PLX_KIND_CAPTION, S_PARA},
    {"cell", S_BLOCK, PLX_KIND_TEXT, S_PARA},
    {"chapter", S_BLOCK, PLX_KIND_TEXT, 0},
    {"cite", S_INLINE, 0, S_XML_INLINE},
    {"code", S_INLINE, 0, S_XML_INLINE},
    {"date", S_INLINE, 0, S_XML_INLINE},
    {"dd", S_BLOCK, PLX_KIND_LIST, S_PARA},
    {"del", S_INLINE, 0, S_XML_INLINE},
    {"div", S_BLOCK, PLX_KIND_TEXT, 0},
    {"dl", S_BLOCK, PLX_KIND_TEXT, 0},
    {"dt", S_BLOCK, PLX_KIND_LIST, S_PARA},
    {"em", S_INLINE, 0, S_XML_INLINE},
    {"emph", S_INLINE, 0, S_XML_INLINE},
    {"emphasis", S_INLINE, 0, S_XML_INLINE},
    {"entry", S_BLOCK, PLX_KIND_TEXT, S_PARA},
    {"figcaption", S_BLOCK, PLX_KIND_CAPTION, S_PARA},
    {"figure", S_BLOCK, PLX_KIND_TEXT, 0},
    {"foreign", S_INLINE, 0, S_XML_INLINE},
    {"foreignphrase", S_INLINE, 0, S_XML_INLINE},
    {"formalpara", S_BLOCK, PLX_KIND_TEXT, 0},
    {"h1", S_BLOCK, PLX_KIND_HEADING, S_PARA},
    {"h2", S_BLOCK, PLX_KIND_HEADING, S_PARA},
    {"h3", S_BLOCK, PLX_KIND_HEADING, S_PARA},
    {"h4", S_BLOCK, PLX_KIND_HEADING, S_PARA},
    {"h5", S_BLOCK, PLX_KIND_HEADING, S_PARA},
    {"h6", S_BLOCK, PLX_KIND_HEADING, S_PARA},
    {"head", S_BLOCK, PLX_KIND_HEADING, S_PARA},
    {"hi", S_INLINE, 0, S_XML_INLINE},
    {"i", S_INLINE, 0, S_XML_INLINE},
    {"info", S_META, 0, 0},
    {"item", S_BLOCK, PLX_KIND_LIST, S_PARA},
    {"itemizedlist", S_BLOCK, PLX_KIND_TEXT, 0},
    {"l", S_BLOCK, PLX_KIND_TEXT, S_PARA},
    {"lg", S_BLOCK, PLX_KIND_TEXT, 0},
    {"li", S_BLOCK, PLX_KIND_LIST, S_PARA},
    {"link", S_INLINE, 0, S_XML_INLINE},
    {"list", S_BLOCK, PLX_KIND_TEXT, 0},
    {"listitem", S_BLOCK, PLX_KIND_LIST, 0},
    {"literal", S_INLINE, 0, S_XML_INLINE},
    {"literallayout", S_BLOCK, PLX_KIND_TEXT, S_PARA | S_PRE},
    {"name", S_INLINE, 0, S_XML_INLINE},
    {"note", S_BLOCK, PLX_KIND_TEXT, 0},
    {"ol", S_BLOCK, PLX_KIND_TEXT, 0},
    {"orderedlist", S_BLOCK, PLX_KIND_TEXT, 0},
    {"orgname", S_INLINE, 0, S_XML_INLINE},
    {"p", S_BLOCK, PLX_KIND_TEXT, S_PARA},
    {"para", S_BLOCK, PLX_KIND_TEXT, S_PARA},
    {"persname", S_INLINE, 0, S_XML_INLINE},
    {"phrase", S_INLINE, 0, S_XML_INLINE},
    {"placename", S_INLINE, 0, S_XML_INLINE},
    {"pre", S_BLOCK, PLX_KIND_TEXT, S_PARA | S_PRE},
    {"programlisting", S_BLOCK, PLX_KIND_TEXT, S_PARA | S_PRE},
    {"q", S_INLINE, 0, S_XML_INLINE},
    {"quote", S_INLINE, 0, S_XML_INLINE},
    {"ref", S_INLINE, 0, S_XML_INLINE},
    {"row", S_BLOCK, PLX_KIND_TEXT, 0},
    {"screen", S_BLOCK, PLX_KIND_TEXT, S_PARA | S_PRE},
    {"script", S_DROP, 0, 0},
    {"sect1", S_BLOCK, PLX_KIND_TEXT, 0},
    {"sect2", S_BLOCK, PLX_KIND_TEXT, 0},
    {"sect3", S_BLOCK, PLX_KIND_TEXT, 0},
    {"sect4", S_BLOCK, PLX_KIND_TEXT, 0},
    {"sect5", S_BLOCK, PLX_KIND_TEXT, 0},
    {"section", S_BLOCK, PLX_KIND_TEXT, 0},
    {"simpara", S_BLOCK, PLX_KIND_TEXT, S_PARA},
    {"sp", S_BLOCK, PLX_KIND_TEXT, 0},
    {"span", S_INLINE, 0, S_XML_INLINE},
    {"speaker", S_BLOCK, PLX_KIND_TEXT, S_PARA},
    {"strong", S_INLINE, 0, S_XML_INLINE},
    {"style", S_DROP, 0, 0},
    {"sub", S_INLINE, 0, S_XML_INLINE},
    {"subtitle", S_BLOCK, PLX_KIND_HEADING, S_PARA},
    {"sup", S_INLINE, 0, S_XML_INLINE},
    {"table", S_BLOCK, PLX_KIND_TEXT, 0},
    {"td", S_BLOCK, PLX_KIND_TEXT, S_PARA},
    {"teiheader", S_META, 0, 0},
    {"th", S_BLOCK, PLX_KIND_TEXT, S_PARA},
    {"title", S_BLOCK, PLX_KIND_TITLE, S_PARA},
    {"tr", S_BLOCK, PLX_KIND_TEXT, 0},
    {"u", S_INLINE, 0, S_XML_INLINE},
    {"ul", S_BLOCK, PLX_KIND_TEXT, 0},
    {"ulink", S_INLINE, 0, S_XML_INLINE},
    {"variablelist", S_BLOCK, PLX_KIND_TEXT, 0},
    {"varlistentry", S_BLOCK, PLX_KIND_LIST, 0},
    {"xref", S_INLINE, 0, S_XML_INLINE},
    {NULL, 0, 0, 0}};

static const S_name_info *S_lookup(const S_name_info *table, const xmlChar *name) {
  if (!name) return NULL;
  size_t n = strlen((const char *)name);
  for (size_t k = 0; table[k].name; k++)
    if (S_name_eq((const char *)name, n, table[k].name)) return &table[k];
  return NULL;
}

/* ---- The walk ---- */

typedef struct S_frame {
  xmlNode *next;       /* the next child to visit */
  plx_kind kind;       /* the kind of the block pending text belongs to */
  unsigned char block; /* popping this frame ends a block */
  unsigned char pre;   /* newlines end blocks */
  unsigned char meta;  /* inside head: only title counts */
  unsigned char para;  /* XML: children are inline unless known blocks */
  unsigned char mixed; /* XML: the element has text of its own */
  unsigned char inl;   /* an inline element: its children are inline too */
  unsigned entity;     /* how many entity expansions enclose this frame */
} S_frame;

typedef struct S_walk {
  plx__extract *out;
  plx__buf text; /* the extracted text so far */
  plx__buf line; /* the block being gathered */
  int space;     /* whitespace seen after the last character of line */
  int xml;
  size_t titles; /* XML: title elements seen (the first is the TITLE) */
  size_t budget; /* what expanding entities may still cost */
  size_t input_len;
  S_frame *stack;
  size_t depth, cap;
} S_walk;

/* Spaces that HTML does not collapse but that must not start or end a
 * block: no-break and typographic spaces, zero-width space, BOM. */
static int S_is_uspace(uint32_t cp) {
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

static void S_flush(S_walk *w, plx_kind kind) {
  plx__buf *l = &w->line;
  while (l->len > 0) {
    size_t j = l->len;
    uint32_t cp = plx__utf8_prev(l->data, &j);
    if (!S_is_uspace(cp) && cp != ' ') break;
    l->len = j;
  }
  if (l->len > 0) {
    if (w->out->nblocks > 0) plx__buf_put(&w->text, "\n\n", 2);
    plx__block b = {w->text.len, w->text.len + l->len, kind};
    plx__buf_put(&w->text, l->data, l->len);
    PLX__PUSH(w->out->blocks, w->out->nblocks, w->out->cap, b);
  }
  l->len = 0;
  if (l->data) l->data[0] = '\0';
  w->space = 0;
}

/* Append valid UTF-8 s[0..n) to the pending block, collapsing whitespace;
 * with pre, each line is a block of its own. */
static void S_put_valid(S_walk *w, const char *s, size_t n, int pre, plx_kind kind) {
  size_t i = 0;
  while (i < n) {
    size_t at = i;
    /* Runs of printable ASCII go in at once. */
    while (i < n && (unsigned char)s[i] > 0x20 && (unsigned char)s[i] < 0x7F)
      i++;
    if (i > at) {
      if (w->space) plx__buf_putc(&w->line, ' ');
      w->space = 0;
      plx__buf_put(&w->line, s + at, i - at);
      continue;
    }
    uint32_t cp = plx__utf8_next(s, n, &i);
    if (pre && (cp == '\n' || cp == '\r')) {
      S_flush(w, kind);
    } else if (cp <= 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 ||
               cp == 0x2029) {
      /* ASCII whitespace, and controls that have no place in text. */
      if (w->line.len > 0) w->space = 1;
    } else if (S_is_uspace(cp) && w->line.len == 0) {
      continue;
    } else {
      if (w->space) plx__buf_putc(&w->line, ' ');
      w->space = 0;
      plx__buf_put(&w->line, s + at, i - at);
    }
  }
}

static void S_put_text(S_walk *w, const char *s, size_t n, int pre, plx_kind kind) {
  /* libxml2 hands out UTF-8, but the output's validity must not rest on
   * it: anything invalid becomes U+FFFD. */
  size_t i = 0;
  while (i < n) {
    size_t bad = i + plx__utf8_invalid_at(s + i, n - i);
    S_put_valid(w, s + i, bad - i, pre, kind);
    if (bad < n) {
      S_put_valid(w, "\xEF\xBF\xBD", 3, pre, kind);
      bad++;
    }
    i = bad;
  }
}

static S_frame *S_push(S_walk *w, const S_frame *f) {
  plx__grow((void **)&w->stack, &w->cap, w->depth + 1, sizeof *w->stack);
  w->stack[w->depth] = *f;
  return &w->stack[w->depth++];
}

/* The content of an internal general entity referenced by ref, or NULL:
 * external entities are never read. */
static xmlNode *S_entity_content(xmlNode *ref) {
  xmlEntity *ent = (xmlEntity *)ref->children;
  if (!ent || ent->type != XML_ENTITY_DECL || ent->etype != XML_INTERNAL_GENERAL_ENTITY)
    return NULL;
  return ent->children;
}

static int S_blank(const xmlChar *s) {
  for (; s && *s; s++)
    if (!S_is_ws(*s)) return 0;
  return 1;
}

/* XML: whether node has text of its own (mixed content). */
static int S_has_own_text(xmlNode *node) {
  for (xmlNode *c = node->children; c; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && !S_blank(c->content))
      return 1;
    if (c->type == XML_ENTITY_REF_NODE && S_entity_content(c)) return 1;
  }
  return 0;
}

/* XML: mark (in _private) every element that has a known block element
 * among its descendants, so that it is read as a container. Iterative, and
 * entity content is left alone (it is shared between references). */
static const char S_HAS_BLOCK = 1;

static void S_mark_containers(xmlDoc *doc) {
  xmlNode *root = xmlDocGetRootElement(doc);
  xmlNode *node = root;
  while (node) {
    if (node->type == XML_ELEMENT_NODE) {
      const S_name_info *info = S_lookup(S_xml_names, node->name);
      if (info && (info->cls == S_BLOCK || info->cls == S_META))
        for (xmlNode *p = node->parent;
             p && p->type == XML_ELEMENT_NODE && p->_private != &S_HAS_BLOCK; p = p->parent)
          p->_private = (void *)&S_HAS_BLOCK;
    }
    if (node->type == XML_ELEMENT_NODE && node->children) {
      node = node->children;
      continue;
    }
    while (node && node != root && !node->next)
      node = node->parent;
    if (!node || node == root) break;
    node = node->next;
  }
}

static S_class S_classify_html(xmlNode *node, const S_name_info **info) {
  *info = S_lookup(S_html_names, node->name);
  if (xmlHasProp(node, (const xmlChar *)"hidden")) return S_DROP;
  return *info ? (S_class)(*info)->cls : S_INLINE;
}

static S_class S_classify_xml(xmlNode *node, const S_frame *f, const S_name_info **info) {
  *info = S_lookup(S_xml_names, node->name);
  if (*info && !((*info)->flags & S_XML_INLINE)) return (S_class)(*info)->cls;
  /* An unknown name: a container if it holds known blocks; inline inside
   * running text or a paragraph; otherwise a block of its own (a field of
   * a record, say <author>). */
  if (node->_private == &S_HAS_BLOCK) return S_BLOCK;
  if (*info || f->inl || f->para || f->mixed) return S_INLINE;
  return S_BLOCK;
}

static plx_status S_walk_doc(S_walk *w, xmlDoc *doc, plx_error *err) {
  S_frame root = {doc->children, PLX_KIND_TEXT, 1, 0, 0, 0, 0, 0, 0};
  S_push(w, &root);
  while (w->depth > 0) {
    S_frame *f = &w->stack[w->depth - 1];
    xmlNode *node = f->next;
    if (!node) {
      if (f->block) S_flush(w, f->kind);
      w->depth--;
      continue;
    }
    f->next = node->next;
    if (f->entity) {
      /* Entity content is shared between references, so a small document
       * can stand for an enormous one: charge every node and byte. */
      size_t cost =
          1 +
          (node->type == XML_TEXT_NODE && node->content ? strlen((const char *)node->content) : 0);
      if (cost > w->budget)
        return plx__fail(err, PLX_ERR_INPUT, "XML entity expansion too large (input %zu bytes)",
                         w->input_len);
      w->budget -= cost;
    }

    switch (node->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (!f->meta && node->content)
        S_put_text(w, (const char *)node->content, strlen((const char *)node->content), f->pre,
                   f->kind);
      break;

    case XML_ENTITY_REF_NODE: {
      xmlNode *content = w->xml ? S_entity_content(node) : NULL;
      if (content) {
        S_frame e = *f;
        e.next = content;
        e.block = 0;
        e.entity++;
        S_push(w, &e);
      }
      break;
    }

    case XML_ELEMENT_NODE: {
      const S_name_info *info;
      S_class cls = w->xml ? S_classify_xml(node, f, &info) : S_classify_html(node, &info);
      int title = info && info->kind == PLX_KIND_TITLE;
      if (cls == S_DROP) break;
      if (f->meta && !title) cls = S_META;
      if (cls == S_BREAK) {
        S_flush(w, f->kind);
        break;
      }
      S_frame c = *f;
      c.next = node->children;
      c.block = 0;
      c.mixed = w->xml ? (unsigned char)S_has_own_text(node) : 0;
      c.para = 0;
      c.inl = 0;
      if (cls == S_META) {
        c.meta = 1;
      } else if (cls == S_BLOCK) {
        plx_kind kind = info ? (plx_kind)info->kind : PLX_KIND_TEXT;
        /* In XML, the first title is the document's, later ones head
         * sections (DocBook, TEI). */
        if (title && w->xml && w->titles++ > 0) kind = PLX_KIND_HEADING;
        /* A plain block inside a list item or caption is part of it. */
        if (kind == PLX_KIND_TEXT) kind = f->kind;
        S_flush(w, f->kind);
        c.block = 1;
        c.meta = 0;
        c.kind = kind;
        c.pre = f->pre || (info && (info->flags & S_PRE));
        c.para = info && (info->flags & S_PARA);
      } else {
        c.inl = 1;
      }
      S_push(w, &c);
      break;
    }

    default:
      break; /* comments, processing instructions, the DTD... */
    }
  }
  return PLX_OK;
}

/* ---- Parsing ---- */

typedef struct S_errors {
  int have; /* 0, or the level of the error kept */
  int line;
  int code;
  char message[256];
} S_errors;

/* Keep the first fatal error, or failing that the first error. */
static void S_note_error(S_errors *e, xmlErrorPtr x) {
  if (!e || !x || x->level < XML_ERR_ERROR || e->have >= (int)x->level) return;
  e->have = (int)x->level;
  e->line = x->line;
  e->code = x->code;
  snprintf(e->message, sizeof e->message, "%s", x->message ? x->message : "unknown error");
  size_t n = strlen(e->message);
  while (n > 0 && S_is_ws((unsigned char)e->message[n - 1]))
    n--;
  e->message[n] = '\0';
}

/* Errors of the XML parser context (its userData is the context). */
static void S_xml_error(void *data, xmlErrorPtr x) {
  xmlParserCtxt *ctxt = data;
  S_note_error(ctxt ? ctxt->_private : NULL, x);
}

/* Everything else libxml2 reports on this thread during a parse: the HTML
 * parser's errors, encoding errors... */
static void S_thread_error(void *data, xmlErrorPtr x) { S_note_error(data, x); }

static void S_quiet(void *data, const char *fmt, ...) {
  (void)data;
  (void)fmt;
}

static xmlParserInputPtr S_no_entity(void *ctx, const xmlChar *public_id,
                                     const xmlChar *system_id) {
  /* Never read an external entity or DTD, whatever the options say. */
  (void)ctx;
  (void)public_id;
  (void)system_id;
  return NULL;
}

/* libxml2's error handlers are per thread: set ours for one parse. */
typedef struct S_handlers {
  xmlGenericErrorFunc generic;
  void *generic_ctx;
  xmlStructuredErrorFunc structured;
  void *structured_ctx;
} S_handlers;

static void S_handlers_set(S_handlers *saved, S_errors *errors) {
  saved->generic = xmlGenericError;
  saved->generic_ctx = xmlGenericErrorContext;
  saved->structured = xmlStructuredError;
  saved->structured_ctx = xmlStructuredErrorContext;
  xmlSetGenericErrorFunc(NULL, S_quiet);
  xmlSetStructuredErrorFunc(errors, S_thread_error);
}

static void S_handlers_restore(const S_handlers *saved) {
  xmlSetGenericErrorFunc(saved->generic_ctx, saved->generic);
  xmlSetStructuredErrorFunc(saved->structured_ctx, saved->structured);
}

/* The error for a failed parse, from the error libxml2 reported. */
static plx_status S_fail_parse(plx_error *err, const char *format, const char *what,
                               const S_errors *e) {
  const char *msg = e->have ? e->message : "parsing stopped";
  /* libxml2 stops at its nesting limit, naming an option we refuse. */
  if (strncmp(msg, "Excessive depth", 15) == 0)
    return plx__fail(err, PLX_ERR_INPUT, "%s elements nested more than %u deep (line %d)", format,
                     xmlParserMaxDepth, e->line);
  if (e->code == XML_ERR_ENTITY_LOOP)
    return plx__fail(err, PLX_ERR_INPUT, "XML entity expansion refused (line %d: %s)", e->line,
                     msg);
  return plx__fail(err, PLX_ERR_INPUT, "%s (line %d: %s)", what, e->line, msg);
}

static plx_status S_parse_html(const char *bytes, size_t len, xmlDoc **doc, plx_error *err) {
  S_errors errors = {0};
  S_handlers saved;
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (!ctxt) return plx__fail(err, PLX_ERR_INTERNAL, "libxml2: no parser");
  /* The caller has checked that the bytes are UTF-8, so a charset the
   * document declares can only be wrong. */
  int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                HTML_PARSE_IGNORE_ENC;
  S_handlers_set(&saved, &errors);
  *doc = htmlCtxtReadMemory(ctxt, bytes, (int)len, NULL, "UTF-8", options);
  /* A parse stopped midway (nesting too deep) would silently lose text. */
  int halted = ctxt->disableSAX != 0;
  S_handlers_restore(&saved);
  xmlFreeParserCtxt(ctxt);
  if (halted) {
    xmlFreeDoc(*doc);
    *doc = NULL;
    return S_fail_parse(err, "HTML", "unreadable HTML", &errors);
  }
  /* libxml2 gives no tree for an empty document: no text, no blocks. */
  return PLX_OK;
}

plx_status plx__xml_read(const char *bytes, size_t len, xmlDoc **doc, plx_error *err) {
  S_errors errors = {0};
  S_handlers saved;
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) return plx__fail(err, PLX_ERR_INTERNAL, "libxml2: no parser");
  ctxt->_private = &errors;
  ctxt->sax->serror = S_xml_error;
  ctxt->sax->resolveEntity = S_no_entity;
  ctxt->sax->externalSubset = NULL;
  /* No NOENT, DTDLOAD or HUGE: entities stay references (expanded by the
   * walk, within a budget) and libxml2's amplification limits hold. */
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
                XML_PARSE_IGNORE_ENC;
  S_handlers_set(&saved, &errors);
  *doc = xmlCtxtReadMemory(ctxt, bytes, (int)len, NULL, "UTF-8", options);
  int well_formed = ctxt->wellFormed;
  S_handlers_restore(&saved);
  xmlFreeParserCtxt(ctxt);
  if (*doc && well_formed) return PLX_OK;
  xmlFreeDoc(*doc);
  *doc = NULL;
  return S_fail_parse(err, "XML", "not well-formed XML", &errors);
}

/* Characters of text under each xml:lang, for the two largest. */
typedef struct S_langtext {
  char lang[2][8];
  size_t chars[2], total;
} S_langtext;

static void S_lang_add(S_langtext *t, const char *lang, size_t n) {
  t->total += n;
  if (!lang) return;
  char p[8] = {0};
  for (size_t k = 0; k < 7 && lang[k] && lang[k] != '-' && lang[k] != '_'; k++)
    p[k] = (char)(lang[k] >= 'A' && lang[k] <= 'Z' ? lang[k] + 32 : lang[k]);
  for (int q = 0; q < 2; q++)
    if (!strcmp(t->lang[q], p) || !t->lang[q][0]) {
      memcpy(t->lang[q], p, sizeof p);
      t->chars[q] += n;
      return;
    }
}

/* An XML document Parallax must not read as one article: a bilingual
 * file, a localisation format, or text in two languages side by side
 * (read as one article, the two would be silently mixed). */
static plx_status S_check_article(xmlDoc *doc, plx_error *err) {
  const xmlNode *root = xmlDocGetRootElement(doc);
  if (!root) return PLX_OK;
  const char *name = (const char *)root->name;
  if (!strcmp(name, "xliff") || !strcmp(name, "tmx"))
    return plx__fail(err, PLX_ERR_INPUT,
                     "a bilingual %s file, not an article: check its units with "
                     "`parallax diff FILE` (one file)",
                     strcmp(name, "tmx") ? "XLIFF" : "TMX");
  static const struct {
    const char *root, *what;
  } known[] = {{"TS", "a Qt Linguist translation file"},
               {"resources", "an Android string resource file"},
               {"svg", "an SVG image"},
               {"plist", "a property list"}};
  for (size_t k = 0; k < sizeof known / sizeof *known; k++)
    if (!strcmp(name, known[k].root))
      return plx__fail(err, PLX_ERR_INPUT,
                       "%s, not an article: Parallax reads articles (text, HTML, XML) and "
                       "bilingual XLIFF and TMX files (convert it to XLIFF first)",
                       known[k].what);
  /* the text under each language, walking the tree without recursion */
  S_langtext lt;
  memset(&lt, 0, sizeof lt);
  const xmlNode *n = root;
  while (n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      size_t chars = 0;
      for (const xmlChar *p = n->content; p && *p; p++) chars += (*p & 0xC0) != 0x80 && *p > ' ';
      if (chars) {
        xmlChar *lang = xmlNodeGetLang(n);
        S_lang_add(&lt, (const char *)lang, chars);
        if (lang) xmlFree(lang);
      }
    }
    if (n->type == XML_ELEMENT_NODE && n->children) {
      n = n->children;
      continue;
    }
    while (n && !n->next && n != root) n = n->parent;
    if (!n || n == root) break;
    n = n->next;
  }
  if (lt.total && lt.lang[1][0] && lt.chars[0] * 4 > lt.total && lt.chars[1] * 4 > lt.total)
    return plx__fail(err, PLX_ERR_INPUT,
                     "text in two languages (xml:lang \"%s\" and \"%s\") in one file: give "
                     "each language's article as its own file, or a translation as XLIFF or "
                     "TMX",
                     lt.lang[0], lt.lang[1]);
  return PLX_OK;
}

plx_status plx__markup_extract(const char *bytes, size_t len, int xml, plx__extract *out,
                               plx_error *err) {
  memset(out, 0, sizeof *out);
  if (!bytes && len > 0) return plx__fail(err, PLX_ERR_USAGE, "no input");
  if (len > INT_MAX)
    return plx__fail(err, PLX_ERR_TOO_LARGE, "markup input over %d bytes", INT_MAX);
  xmlInitParser();

  xmlDoc *doc = NULL;
  plx_status st = xml ? plx__xml_read(bytes ? bytes : "", len, &doc, err)
                      : S_parse_html(bytes ? bytes : "", len, &doc, err);
  if (st != PLX_OK) return st;

  S_walk w = {0};
  w.out = out;
  if (!doc) {
    out->text = plx__buf_detach(&w.text, &out->len);
    return PLX_OK;
  }
  w.xml = xml;
  w.input_len = len;
  w.budget = len > (SIZE_MAX - ((size_t)1 << 20)) / 10 ? SIZE_MAX : 10 * len + ((size_t)1 << 20);
  if (xml && (st = S_check_article(doc, err)) != PLX_OK) {
    xmlFreeDoc(doc);
    return st;
  }
  if (xml) S_mark_containers(doc);
  st = S_walk_doc(&w, doc, err);
  xmlFreeDoc(doc);
  free(w.stack);
  plx__buf_free(&w.line);
  if (st != PLX_OK) {
    plx__buf_free(&w.text);
    plx__extract_free(out);
    return st;
  }
  out->text = plx__buf_detach(&w.text, &out->len);
  return PLX_OK;
}

void plx__extract_free(plx__extract *x) {
  if (!x) return;
  free(x->text);
  free(x->blocks);
  memset(x, 0, sizeof *x);
}
