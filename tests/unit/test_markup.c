/* test_markup.c: format sniffing and text extraction from HTML and XML. */
#include "internal.h"
#include "test.h"

#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define T PLX_KIND_TEXT
#define TI PLX_KIND_TITLE
#define HE PLX_KIND_HEADING
#define CA PLX_KIND_CAPTION
#define LI PLX_KIND_LIST

static plx_status extract(const char *s, int xml, plx__extract *x, plx_error *err) {
  memset(err, 0, sizeof *err);
  return plx__markup_extract(s, strlen(s), xml, x, err);
}

/* What every extraction must satisfy: blocks in order, separated by
 * exactly "\n\n", covering the text; valid UTF-8 without NUL. */
static void check_shape(const plx__extract *x) {
  CHECK(x->text != NULL);
  if (!x->text) return;
  CHECK_INT(strlen(x->text), x->len);
  CHECK_INT(plx__utf8_invalid_at(x->text, x->len), x->len);
  if (x->nblocks == 0) {
    CHECK_INT(x->len, 0);
    return;
  }
  CHECK_INT(x->blocks[0].start, 0);
  CHECK_INT(x->blocks[x->nblocks - 1].end, x->len);
  for (size_t i = 0; i < x->nblocks; i++) {
    const plx__block *b = &x->blocks[i];
    CHECK(b->start < b->end);
    if (i > 0) {
      CHECK_INT(b->start, x->blocks[i - 1].end + 2);
      CHECK(memcmp(x->text + x->blocks[i - 1].end, "\n\n", 2) == 0);
    }
    /* Trimmed, no doubled or stray whitespace. */
    CHECK(x->text[b->start] != ' ' && x->text[b->end - 1] != ' ');
    for (size_t k = b->start; k < b->end; k++) {
      CHECK(x->text[k] != '\n' && x->text[k] != '\t' && x->text[k] != '\r');
      if (k + 1 < b->end) CHECK(!(x->text[k] == ' ' && x->text[k + 1] == ' '));
    }
  }
}

/* Extract s and compare block by block with want (NULL-terminated) and
 * kinds. */
static void check_blocks(const char *s, int xml, const char *const *want, const plx_kind *kinds) {
  plx__extract x;
  plx_error err;
  plx_status st = extract(s, xml, &x, &err);
  CHECK_INT(st, PLX_OK);
  if (st != PLX_OK) {
    fprintf(stderr, "  error: %s\n", err.message);
    return;
  }
  check_shape(&x);
  size_t n = 0;
  while (want[n])
    n++;
  CHECK_INT(x.nblocks, n);
  plx__buf joined = {0};
  for (size_t i = 0; i < n; i++) {
    if (i) plx__buf_puts(&joined, "\n\n");
    plx__buf_puts(&joined, want[i]);
    if (i >= x.nblocks) continue;
    const plx__block *b = &x.blocks[i];
    char *got = plx__strndup(x.text + b->start, b->end - b->start);
    CHECK_STR(got, want[i]);
    CHECK_INT(b->kind, kinds[i]);
    free(got);
  }
  plx__buf_put(&joined, "", 0);
  CHECK_STR(x.text, joined.data);
  plx__buf_free(&joined);
  plx__extract_free(&x);
}

static void test_sniff(void) {
  struct {
    const char *s;
    plx_input_format want;
  } cases[] = {
      {"", PLX_INPUT_TEXT},
      {"Plain text.\n", PLX_INPUT_TEXT},
      {"If a < b and c > d, then nothing.", PLX_INPUT_TEXT},
      {"x<y", PLX_INPUT_TEXT},
      {"<3 you, <p> is a tag", PLX_INPUT_TEXT},
      {"<john@example.com> wrote:\nhello", PLX_INPUT_TEXT},
      {"<https://example.com/> is a link", PLX_INPUT_TEXT},
      {"<note> read this first", PLX_INPUT_TEXT},
      {"<!DOCTYPE html><html><body><p>x</p></body></html>", PLX_INPUT_HTML},
      {"  \n<!doctype HTML>\n<title>x</title>", PLX_INPUT_HTML},
      {"\xEF\xBB\xBF<html><p>x", PLX_INPUT_HTML},
      {"<!-- saved from url -->\n<!DOCTYPE html>", PLX_INPUT_HTML},
      {"<HEAD><TITLE>x</TITLE></HEAD>", PLX_INPUT_HTML},
      {"<body>x", PLX_INPUT_HTML},
      {"<div class=a><p>Hi</p></div>", PLX_INPUT_HTML},
      {"<section>\n<h2>Title</h2>\ntext", PLX_INPUT_HTML},
      {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
       "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n"
       "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>",
       PLX_INPUT_HTML},
      {"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
       "<body><p>x</p></body></html>",
       PLX_INPUT_HTML},
      {"<?xml version=\"1.0\"?><x:html xmlns:x=\"http://www.w3.org/1999/xhtml\"/>", PLX_INPUT_HTML},
      {"<?xml version=\"1.0\"?>\n<div xmlns=\"http://www.w3.org/1999/xhtml\">"
       "<p>x</p></div>",
       PLX_INPUT_HTML},
      {"<?xml version=\"1.0\"?>\n<doc><p>x</p></doc>", PLX_INPUT_XML},
      {"<?xml version=\"1.0\"?>\n<doc xmlns:h=\"http://www.w3.org/1999/xhtml\">"
       "<h:p>x</h:p></doc>",
       PLX_INPUT_XML},
      {"<t\xC3\xADtulo>Hola</t\xC3\xADtulo>", PLX_INPUT_XML},
      {"<?xml version=\"1.0\"?>\n<!-- c -->\n<rss><item>x</item></rss>", PLX_INPUT_XML},
      {"<!DOCTYPE article [<!ENTITY x \"y\">]>\n<article><para>x</para></article>", PLX_INPUT_XML},
      {"<doc><title>T</title><para>A.</para></doc>\n", PLX_INPUT_XML},
      {"<tei:TEI xmlns:tei=\"http://www.tei-c.org/ns/1.0\"></tei:TEI>", PLX_INPUT_XML},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    plx_input_format got = plx__sniff_format(cases[i].s, strlen(cases[i].s));
    if (got != cases[i].want) fprintf(stderr, "sniff case %zu:\n", i);
    CHECK_INT(got, cases[i].want);
  }
  /* Only the given length is read. */
  CHECK_INT(plx__sniff_format("<html>", 3), PLX_INPUT_TEXT);
}

static void test_html(void) {
  const char *doc = "<!DOCTYPE html>\n<html><head><title>  Caf&eacute;\n  News </title>\n"
                    "<style>p { color: red }</style>\n"
                    "<script>var s = \"<p>not text</p>\";</script>\n"
                    "<meta name=\"x\" content=\"y\"><link rel=\"icon\" href=\"i\">\n"
                    "</head>\n<body>\n"
                    "<nav><a href=\"/\">Home</a> | <a href=\"/n\">News</a></nav>\n"
                    "<header><h1>Caf&eacute; opens</h1></header>\n"
                    "<main><p>The   new\n   caf&#233; is <b>open</b>  &amp; "
                    "<a href=\"x\">busy</a>.</p>\n"
                    "<h2>Menu &lt;today&gt;</h2>\n"
                    "<ul>\n<li>Tea</li>\n<li> Coffee <em>hot</em> </li>\n</ul>\n"
                    "<figure><img src=\"c.jpg\" alt=\"a cup\"><figcaption>A cup "
                    "&#x2615;</figcaption></figure>\n"
                    "<form><label>Name</label><input name=\"n\"><button>Send</button></form>\n"
                    "<aside>Related stories</aside>\n"
                    "<p hidden>Secret</p>\n"
                    "<noscript>Enable JavaScript</noscript>\n"
                    "<template><p>Template</p></template>\n"
                    "<iframe src=\"ad\">Ad</iframe>\n"
                    "<svg><text>Chart</text></svg>\n"
                    "<table><caption>Prices</caption><tr><th>Item</th><td>2 &euro;</td></tr>"
                    "</table>\n"
                    "<dl><dt>Term</dt><dd>Definition</dd></dl>\n"
                    "</main>\n<footer>Copyright 2024</footer>\n</body></html>\n";
  const char *want[] = {"Caf\xC3\xA9 News",
                        "Caf\xC3\xA9 opens",
                        "The new caf\xC3\xA9 is open & busy.",
                        "Menu <today>",
                        "Tea",
                        "Coffee hot",
                        "A cup \xE2\x98\x95",
                        "Prices",
                        "Item",
                        "2 \xE2\x82\xAC",
                        "Term",
                        "Definition",
                        NULL};
  const plx_kind kinds[] = {TI, HE, T, HE, LI, LI, CA, CA, T, T, LI, LI};
  check_blocks(doc, 0, want, kinds);

  /* A title equal to the first heading is kept twice. */
  const char *dup = "<html><head><title>Same</title></head>"
                    "<body><h1>Same</h1><h3>Sub</h3><p>Body.</p></body></html>";
  const char *want_dup[] = {"Same", "Same", "Sub", "Body.", NULL};
  const plx_kind kinds_dup[] = {TI, HE, HE, T};
  check_blocks(dup, 0, want_dup, kinds_dup);
}

static void test_html_structure(void) {
  /* Text around nested blocks is a block of its own, in document order. */
  const char *nested = "<div>Intro <b>bold</b><p>Para one.</p> Between "
                       "<div><p>Deep</p> tail </div> End</div>";
  const char *want_nested[] = {"Intro bold", "Para one.", "Between", "Deep", "tail", "End", NULL};
  const plx_kind kinds_nested[] = {T, T, T, T, T, T};
  check_blocks(nested, 0, want_nested, kinds_nested);

  /* A paragraph in a list item is part of the item. */
  const char *items = "<ol><li>One <p>more</p></li><li><div>Two</div></li></ol>";
  const char *want_items[] = {"One", "more", "Two", NULL};
  const plx_kind kinds_items[] = {LI, LI, LI};
  check_blocks(items, 0, want_items, kinds_items);

  /* pre: each line is a block; blank lines vanish. */
  const char *pre = "<p>Code:</p><pre>\nint  main(void)\n{\n\n  return 0;\r\n}"
                    "</pre><p>After.</p>";
  const char *want_pre[] = {"Code:", "int main(void)", "{", "return 0;", "}", "After.", NULL};
  const plx_kind kinds_pre[] = {T, T, T, T, T, T};
  check_blocks(pre, 0, want_pre, kinds_pre);

  /* br and hr end blocks; several in a row make no empty block. */
  const char *br = "<p>First line<br>Second <i>line</i><br/><br>Third</p>"
                   "<hr>Fourth<hr/>";
  const char *want_br[] = {"First line", "Second line", "Third", "Fourth", NULL};
  const plx_kind kinds_br[] = {T, T, T, T};
  check_blocks(br, 0, want_br, kinds_br);

  /* No-break spaces stay inside text but are trimmed at the edges; a block
   * of nothing but them is no block. */
  const char *nbsp = "<p>&nbsp; Hello&nbsp;world &nbsp;</p><p>&nbsp;</p>"
                     "<p>\t</p><p>caf&eacute;&#x1F600;&lt;&gt;&quot;</p>";
  const char *want_nbsp[] = {"Hello\xC2\xA0world", "caf\xC3\xA9\xF0\x9F\x98\x80<>\"", NULL};
  const plx_kind kinds_nbsp[] = {T, T};
  check_blocks(nbsp, 0, want_nbsp, kinds_nbsp);

  /* A declared charset is ignored: the bytes are UTF-8. */
  const char *charset = "<html><head><meta charset=\"iso-8859-1\"></head>"
                        "<body><p>Caf\xC3\xA9</p></body></html>";
  const char *want_charset[] = {"Caf\xC3\xA9", NULL};
  const plx_kind kinds_charset[] = {T};
  check_blocks(charset, 0, want_charset, kinds_charset);

  /* XHTML goes through the HTML parser, which knows &nbsp;. */
  const char *xhtml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
                      "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n"
                      "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>X</title>"
                      "</head><body><p>Hi&nbsp;there</p></body></html>";
  const char *want_xhtml[] = {"X", "Hi\xC2\xA0there", NULL};
  const plx_kind kinds_xhtml[] = {TI, T};
  check_blocks(xhtml, 0, want_xhtml, kinds_xhtml);

  /* Unclosed tags are recovered from. */
  const char *sloppy = "<p>One<p>Two<li>Three";
  const char *want_sloppy[] = {"One", "Two", "Three", NULL};
  const plx_kind kinds_sloppy[] = {T, T, LI};
  check_blocks(sloppy, 0, want_sloppy, kinds_sloppy);

  /* No text: success, no blocks. */
  const char *none[] = {NULL};
  check_blocks("<html><body>  <script>x()</script> </body></html>", 0, none, NULL);
  check_blocks("", 0, none, NULL);
  check_blocks("   \n", 0, none, NULL);
}

static void test_xml(void) {
  const char *simple = "<doc><title>T</title><p>A <b>b</b> c.</p></doc>";
  const char *want_simple[] = {"T", "A b c.", NULL};
  const plx_kind kinds_simple[] = {TI, T};
  check_blocks(simple, 1, want_simple, kinds_simple);

  /* DocBook: metadata is skipped but for the title; later titles head
   * sections; list items are lists. */
  const char *docbook = "<?xml version=\"1.0\"?>\n"
                        "<article><info><title>Main</title><author><personname>Me"
                        "</personname></author></info>\n"
                        "<section><title>Sec</title>\n"
                        "<para>Text <emphasis>x</emphasis>.</para>\n"
                        "<itemizedlist><listitem><para>One</para></listitem>"
                        "<listitem><para>Two</para></listitem></itemizedlist>\n"
                        "<figure><title>Fig</title><caption>Cap</caption></figure>"
                        "</section></article>";
  const char *want_db[] = {"Main", "Sec", "Text x.", "One", "Two", "Fig", "Cap", NULL};
  const plx_kind kinds_db[] = {TI, HE, T, LI, LI, HE, CA};
  check_blocks(docbook, 1, want_db, kinds_db);

  /* TEI: the header gives only its title; head is a heading. */
  const char *tei = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc>"
                    "<titleStmt><title>Tale</title></titleStmt><publicationStmt><p>Pub"
                    "</p></publicationStmt></fileDesc></teiHeader><text><body><div>"
                    "<head>Chapter 1</head><p>It <hi rend=\"i\">was</hi> <persName>Ann"
                    "</persName>.</p><list><item>a</item></list></div></body></text></TEI>";
  const char *want_tei[] = {"Tale", "Chapter 1", "It was Ann.", "a", NULL};
  const plx_kind kinds_tei[] = {TI, HE, T, LI};
  check_blocks(tei, 1, want_tei, kinds_tei);

  /* Records: fields without running text are blocks; inline names inside
   * a paragraph-like element stay inline. */
  const char *record = "<book><title>X</title><author>Y Z</author>"
                       "<blurb><p><b>Bold</b> <i>it</i></p></blurb></book>";
  const char *want_rec[] = {"X", "Y Z", "Bold it", NULL};
  const plx_kind kinds_rec[] = {TI, T, T};
  check_blocks(record, 1, want_rec, kinds_rec);

  /* Mixed content in unknown names; CDATA is text; internal entities and
   * character references are expanded; comments and PIs dropped. */
  const char *mixed = "<!DOCTYPE r [<!ENTITY co \"Acme <b>Corp</b>\">]>"
                      "<r><graf>See <ref><x>this</x></ref> &amp; <![CDATA[a < b]]> "
                      "&co;&#x21;<!-- no --><?pi no?></graf><graf>caf&#233;</graf></r>";
  const char *want_mixed[] = {"See this & a < b Acme Corp!", "caf\xC3\xA9", NULL};
  const plx_kind kinds_mixed[] = {T, T};
  check_blocks(mixed, 1, want_mixed, kinds_mixed);

  /* A declared encoding is ignored: the bytes are UTF-8. */
  const char *enc = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                    "<d>caf\xC3\xA9</d>";
  const char *want_enc[] = {"caf\xC3\xA9", NULL};
  const plx_kind kinds_enc[] = {T};
  check_blocks(enc, 1, want_enc, kinds_enc);

  const char *none[] = {NULL};
  check_blocks("<empty>  <x/> </empty>", 1, none, NULL);
}

static void test_xml_errors(void) {
  plx__extract x;
  plx_error err;
  plx_status st = extract("<doc>\n<p>\nx</doc>", 1, &x, &err);
  CHECK_INT(st, PLX_ERR_INPUT);
  CHECK_INT(err.status, PLX_ERR_INPUT);
  CHECK(strncmp(err.message, "not well-formed XML (line 3: ", 29) == 0);
  CHECK(strstr(err.message, "mismatch") != NULL);
  CHECK(err.message[strlen(err.message) - 1] == ')');
  CHECK(strchr(err.message, '\n') == NULL);
  CHECK(x.text == NULL && x.blocks == NULL && x.nblocks == 0);
  plx__extract_free(&x);

  st = extract("", 1, &x, &err);
  CHECK_INT(st, PLX_ERR_INPUT);
  CHECK(strncmp(err.message, "not well-formed XML", 19) == 0);

  st = extract("<a>x</a><b/>", 1, &x, &err);
  CHECK_INT(st, PLX_ERR_INPUT);
  st = extract("<a>&undefined;</a>", 1, &x, &err);
  CHECK_INT(st, PLX_ERR_INPUT);
  CHECK(strstr(err.message, "undefined") != NULL);

  /* No error handler of the caller's is disturbed, nothing is printed. */
  fflush(stderr);
  int saved = dup(2);
  FILE *tmp = tmpfile();
  CHECK(saved >= 0 && tmp != NULL);
  if (saved < 0 || !tmp) return;
  dup2(fileno(tmp), 2);
  st = extract("<a><b></a>", 1, &x, &err);
  CHECK_INT(st, PLX_ERR_INPUT);
  st = extract("<p>Broken <b><i>html</b></i> &bogus; <x:y z=>< </div>", 0, &x, &err);
  CHECK_INT(st, PLX_OK);
  plx__extract_free(&x);
  st = extract("<!DOCTYPE x SYSTEM \"http://example.invalid/x.dtd\"><x>&y;</x>", 1, &x, &err);
  plx__extract_free(&x);
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  CHECK_INT(ftell(tmp), 0);
  fclose(tmp);
}

/* Reading a file through an external entity or DTD is never done. */
static void test_xxe(void) {
  char path[] = "/tmp/plx_markup_XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  if (fd < 0) return;
  const char *secret = "SECRET-MARKER-42";
  CHECK(write(fd, secret, strlen(secret)) == (ssize_t)strlen(secret));
  close(fd);

  const char *forms[] = {
      "<!DOCTYPE x [<!ENTITY e SYSTEM \"file://%s\">]><x>&e;</x>",
      "<!DOCTYPE x [<!ENTITY e SYSTEM \"%s\">]><x><p>a &e; b</p></x>",
      "<!DOCTYPE x [<!ENTITY %% p SYSTEM \"file://%s\"> %%p;]><x>y</x>",
      "<!DOCTYPE x SYSTEM \"file://%s\"><x>y</x>",
      "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
  };
  for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
    char doc[512];
    snprintf(doc, sizeof doc, forms[i], path);
    plx__extract x;
    plx_error err;
    plx_status st = extract(doc, 1, &x, &err);
    CHECK(st == PLX_OK || st == PLX_ERR_INPUT);
    if (st == PLX_OK) {
      check_shape(&x);
      CHECK(strstr(x.text, "SECRET") == NULL);
      CHECK(strstr(x.text, "root:") == NULL);
    }
    CHECK(strstr(err.message, "SECRET") == NULL);
    plx__extract_free(&x);
  }
  unlink(path);
}

static double seconds_since(clock_t t0) { return (double)(clock() - t0) / CLOCKS_PER_SEC; }

/* Entity amplification: refused or bounded, and fast. */
static void test_entity_bombs(void) {
  plx__buf b = {0};
  plx__buf_puts(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
                    "<!ENTITY lol \"lol\">\n");
  for (int i = 1; i <= 9; i++) {
    plx__buf_printf(&b, "<!ENTITY lol%d \"", i);
    for (int k = 0; k < 10; k++)
      plx__buf_printf(&b, i == 1 ? "&lol;" : "&lol%d;", i - 1);
    plx__buf_puts(&b, "\">\n");
  }
  plx__buf_puts(&b, "]>\n<lolz>&lol9;</lolz>\n");

  plx__extract x;
  plx_error err;
  clock_t t0 = clock();
  plx_status st = extract(b.data, 1, &x, &err);
  CHECK(seconds_since(t0) < 1.0);
  CHECK(st == PLX_OK || st == PLX_ERR_INPUT);
  if (st == PLX_OK)
    CHECK(x.len < 10 * b.len + (1u << 20));
  else
    CHECK(strstr(err.message, "entit") != NULL);
  plx__extract_free(&x);
  plx__buf_free(&b);

  /* Quadratic blowup: one large entity referenced many times. */
  plx__buf_puts(&b, "<!DOCTYPE q [<!ENTITY a \"");
  for (int i = 0; i < 5000; i++)
    plx__buf_puts(&b, "a");
  plx__buf_puts(&b, " \">]><q>");
  for (int i = 0; i < 2000; i++)
    plx__buf_puts(&b, "&a;");
  plx__buf_puts(&b, "</q>");
  t0 = clock();
  st = extract(b.data, 1, &x, &err);
  CHECK(seconds_since(t0) < 1.0);
  CHECK(st == PLX_OK || st == PLX_ERR_INPUT);
  if (st == PLX_OK)
    CHECK(x.len < 10 * b.len + (1u << 20));
  else
    CHECK(strstr(err.message, "entit") != NULL);
  plx__extract_free(&x);
  plx__buf_free(&b);

  /* Many references to a small entity are fine. */
  plx__buf_puts(&b, "<!DOCTYPE q [<!ENTITY co \"Acme\">]><q>");
  for (int i = 0; i < 1000; i++)
    plx__buf_puts(&b, "<p>&co;</p>");
  plx__buf_puts(&b, "</q>");
  st = extract(b.data, 1, &x, &err);
  CHECK_INT(st, PLX_OK);
  CHECK_INT(x.nblocks, 1000);
  check_shape(&x);
  plx__extract_free(&x);
  plx__buf_free(&b);
}

/* 200,000 levels of nesting: a result or a clear error, no crash. */
static void test_deep(void) {
  const size_t depth = 200000;
  const char *open[] = {"<div>", "<d>"}, *close[] = {"</div>", "</d>"};
  for (int xml = 0; xml <= 1; xml++) {
    plx__buf b = {0};
    for (size_t i = 0; i < depth; i++)
      plx__buf_puts(&b, open[xml]);
    plx__buf_puts(&b, "deep");
    for (size_t i = 0; i < depth; i++)
      plx__buf_puts(&b, close[xml]);
    plx__extract x;
    plx_error err;
    clock_t t0 = clock();
    plx_status st = extract(b.data, xml, &x, &err);
    CHECK(seconds_since(t0) < 5.0);
    CHECK(st == PLX_OK || st == PLX_ERR_INPUT);
    if (st == PLX_OK)
      check_shape(&x);
    else
      CHECK(strstr(err.message, "nested") != NULL);
    plx__extract_free(&x);

    /* Unclosed, as sloppy HTML has it. */
    b.len = 0;
    for (size_t i = 0; i < depth; i++)
      plx__buf_puts(&b, open[xml]);
    plx__buf_puts(&b, "deep");
    st = extract(b.data, xml, &x, &err);
    CHECK(st == PLX_OK || st == PLX_ERR_INPUT);
    if (st == PLX_OK) check_shape(&x);
    plx__extract_free(&x);
    plx__buf_free(&b);
  }

  /* Depth libxml2 accepts is walked without recursion. */
  plx__buf b = {0};
  for (int i = 0; i < 120; i++)
    plx__buf_puts(&b, "<div><span>");
  plx__buf_puts(&b, "deep");
  for (int i = 0; i < 120; i++)
    plx__buf_puts(&b, "</span></div>");
  const char *want[] = {"deep", NULL};
  const plx_kind kinds[] = {T};
  check_blocks(b.data, 0, want, kinds);
  plx__buf_free(&b);
}

static void quiet_handler(void *ctx, xmlErrorPtr e) {
  (void)ctx;
  (void)e;
}

int main(void) {
  /* The caller's own libxml2 handler survives our parses. */
  int marker;
  xmlSetStructuredErrorFunc(&marker, quiet_handler);

  test_sniff();
  test_html();
  test_html_structure();
  test_xml();
  test_xml_errors();
  test_xxe();
  test_entity_bombs();
  test_deep();

  CHECK(xmlStructuredError == quiet_handler);
  CHECK(xmlStructuredErrorContext == &marker);
  xmlSetStructuredErrorFunc(NULL, NULL);
  plx__extract_free(NULL);
  TEST_DONE();
}
