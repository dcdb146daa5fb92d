/* main.c: the parallax command. It parses options and calls the library;
 * everything else lives in libparallax. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parallax.h"

/* batch: 3 when some jobs failed (their result lines say why) and the
 * others ran; 2 only when the batch itself could not run */
enum { EXIT_SAME = 0, EXIT_DIFFERENT = 1, EXIT_TROUBLE = 2, EXIT_JOBS_FAILED = 3 };

static const char usage_text[] =
    "Usage: parallax COMMAND [OPTIONS] ARGS\n"
    "Compare an article with its version in another language.\n"
    "\n"
    "Commands:\n"
    "  split [--lang L] [--format text|json] [FILE|-]   split an article into sentences\n"
    "  align [OPTIONS] [--mode auto|parallel|comparable] [--format text|json|tmx] A B\n"
    "  diff  [OPTIONS] [--format text|json|html] A B     what one version says and the other not\n"
    "  diff  [OPTIONS] [--format text|json|html] FILE    check each unit of an XLIFF or TMX file\n"
    "  A B                                                the same as `parallax diff A B`\n"
    "  score [--lang-a L] [--lang-b L] < PAIRS            similarity of TAB-separated pairs\n"
    "  batch [OPTIONS] [-j N] [JOBS|-]                    many pairs: JSON Lines in and out\n"
    "  lexicon compile [--lexicon FILE [--no-default-lexicon]] -o OUT\n"
    "                                                     compile the lexicon (with a user\n"
    "                                                     lexicon) for a fast start\n"
    "\n"
    "Options:\n"
    "  --lang L, --lang-a L, --lang-b L   en, es, ru or auto (default: detected)\n"
    "  --input text|html|xml              input format (default: found by content)\n"
    "  --format F                         output format\n"
    "  --segmented                        input is one segment per line\n"
    "  -o FILE                            write the report to FILE (atomically)\n"
    "  --max-input-bytes N                refuse larger inputs (default 64 MiB)\n"
    "  --mode auto|parallel|comparable|paired\n"
    "                                     align as a translation, as two reports, or\n"
    "                                     line i with line i (with --segmented)\n"
    "  --min-score X                      diff, batch: report only facts scoring at least X\n"
    "                                     (0.5; 0: all); align TMX: links scoring at least X\n"
    "  --only TYPES, --ignore TYPES       diff, batch: report only (or not) these fact types:\n"
    "                                     number,ordinal,percent,amount,date,duration,values,\n"
    "                                     name,detail,clause; for XLIFF and TMX also\n"
    "                                     tag,untranslated (comma-separated)\n"
    "  -j N, --jobs N                     batch: N worker threads (0: one per processor)\n"
    "  --color auto|always|never          text report in colour (auto: on a terminal,\n"
    "                                     unless NO_COLOR is set)\n"
    "  --lexicon FILE                     add a bilingual lexicon (TSV: EN<TAB>ES), or\n"
    "                                     use a compiled one (parallax lexicon compile)\n"
    "  --no-default-lexicon               use only the --lexicon given\n"
    "  --dict-dir DIR                     Hunspell dictionaries folder\n"
    "  -h, --help                         show this help (COMMAND --help: its own)\n"
    "  --version                          show the version\n"
    "\n"
    "Exit status: 0 done (diff: no differences), 1 diff found differences,\n"
    "2 trouble (message on standard error, no report written), 3 batch: some\n"
    "jobs failed (their result lines say why), the others ran.\n";

/* Each command's own help: what it does, its options, an example. */
static const struct {
  const char *command, *text;
} command_help[] = {
    {"split",
     "Usage: parallax split [--lang L] [--format text|json] [--input text|html|xml]\n"
     "                      [FILE|-]\n"
     "Split an article into sentences, each with its kind (text, title, heading,\n"
     "caption, list, boilerplate, duplicate) and, as JSON, its byte span.\n"
     "\n"
     "  --lang L            en, es, ru or auto (default: detected)\n"
     "  --format F          text (one sentence a line) or json\n"
     "  --input F           text, html or xml (default: found by content)\n"
     "  --segmented         the input is one segment per line\n"
     "  -o FILE             write to FILE (atomically)\n"
     "\n"
     "Example:\n"
     "  parallax split --format json article.html\n"},
    {"align",
     "Usage: parallax align [OPTIONS] [--mode auto|parallel|comparable]\n"
     "                      [--format text|json|tmx] A B\n"
     "Say which sentences of A and B say the same thing (links), and which have no\n"
     "counterpart (gaps); in JSON each link also lists its aligned words.\n"
     "\n"
     "  --mode M            parallel (a translation), comparable (two reports of one\n"
     "                      story) or auto (default: decided from the texts)\n"
     "  --format F          text, json, or tmx (a translation memory)\n"
     "  --min-score X       tmx: only links scoring at least X (default 0.5)\n"
     "  --lang-a L, --lang-b L, --segmented, --lexicon FILE, -o FILE: as for diff\n"
     "\n"
     "Example:\n"
     "  parallax align --format tmx -o memory.tmx original-en.txt translation-es.txt\n"},
    {"diff",
     "Usage: parallax diff [OPTIONS] [--format text|json|html] A B\n"
     "       parallax diff [OPTIONS] [--format text|json|html] FILE.xlf|FILE.tmx\n"
     "       parallax A B\n"
     "What one version says that the other does not, and where they disagree:\n"
     "values, names, details (phrases of a sentence the other side lacks) and\n"
     "whole sentences, each with a score (importance times certainty); the\n"
     "conflicts first, the surest first. Given one XLIFF (1.2, 2.x) or TMX file,\n"
     "each unit's target is checked against its source, by unit id: the same\n"
     "facts, inline codes (tags) lost or added, and units left untranslated.\n"
     "\n"
     "  --format F          text (default), json, or html (a side-by-side page)\n"
     "  --mode M            auto, parallel (a translation), comparable (two reports),\n"
     "                      paired (line i of A with line i of B; with --segmented)\n"
     "  --min-score X       report only facts scoring at least X (0.55; 0: all)\n"
     "  --only TYPES        report only these types: number, ordinal, percent, amount,\n"
     "                      date, duration (values: all six), name, detail, clause,\n"
     "                      tag, untranslated (XLIFF, TMX)\n"
     "  --ignore TYPES      report all but these types\n"
     "  --lang-a L, --lang-b L   en, es, ru or auto (default: detected)\n"
     "  --segmented         the inputs are one segment per line\n"
     "  --lexicon FILE      add a bilingual lexicon (TSV, or compiled)\n"
     "  -o FILE             write the report to FILE (atomically)\n"
     "\n"
     "Exit status: 0 nothing reported, 1 something reported, 2 trouble.\n"
     "\n"
     "Examples:\n"
     "  parallax diff original-en.txt translation-es.txt\n"
     "  parallax diff --format html -o report.html en.html es.html\n"
     "  parallax diff --only values --min-score 0.7 en.txt es.txt\n"
     "  parallax diff --format json translated.xlf\n"},
    {"score",
     "Usage: parallax score [--lang-a L] [--lang-b L] < PAIRS\n"
     "For each line TEXT_A<TAB>TEXT_B of standard input, print one number in [0,1]:\n"
     "how much of the two sentences' content is shared.\n"
     "\n"
     "Example:\n"
     "  printf 'The contract was signed.\\tSe firmó el contrato.\\n' | parallax score\n"},
    {"batch",
     "Usage: parallax batch [OPTIONS] [-j N] [JOBS|-]\n"
     "Compare many pairs in one process. JOBS is JSON Lines, one job a line:\n"
     "  {\"a\": \"en/1.txt\", \"b\": \"es/1.txt\", \"id\": 1, \"out\": \"r/1.json\"}\n"
     "(a and b required; out, id, lang_a, lang_b, mode optional). One result line\n"
     "per job, in input order, with its status (same, different, error).\n"
     "Exit status: 0 all same, 1 some pair differs, 3 some job failed (the\n"
     "others ran), 2 the batch could not run.\n"
     "\n"
     "  -j N                worker threads (default 1; 0: one per processor)\n"
     "  --format F          format of out files: json (default), text or html\n"
     "  --min-score X, --only TYPES, --ignore TYPES, --mode M, --segmented:\n"
     "                      as for diff\n"
     "\n"
     "Example:\n"
     "  parallax batch -j 0 jobs.jsonl > results.jsonl\n"},
    {"lexicon",
     "Usage: parallax lexicon compile [--lexicon FILE [--no-default-lexicon]] -o OUT\n"
     "Write the lexicon (with a user's TSV lexicon, EN<TAB>ES a line) as one\n"
     "compiled file that later runs open in a fraction of a millisecond.\n"
     "\n"
     "Example:\n"
     "  parallax lexicon compile --lexicon terms.tsv -o terms.plx\n"
     "  parallax diff --lexicon terms.plx en.txt es.txt\n"},
};

static const char *S_command_help(const char *command) {
  for (size_t k = 0; k < sizeof command_help / sizeof *command_help; k++)
    if (!strcmp(command_help[k].command, command)) return command_help[k].text;
  return usage_text;
}

typedef struct opts {
  const char *command;
  const char *lang, *lang_a, *lang_b;
  const char *format;
  const char *input;
  const char *output;
  const char *mode;
  const char *lexicon, *dict_dir;
  const char *color;
  int segmented;
  int no_default_lexicon;
  double min_score;
  int have_min_score;
  const char *only, *ignore;
  size_t max_input;
  long jobs; /* batch -j; -1 when not given */
  const char *files[2];
  int nfiles;
} opts;

static int S_die(const char *what, const char *msg) {
  if (what)
    fprintf(stderr, "parallax: %s: %s\n", what, msg);
  else
    fprintf(stderr, "parallax: %s\n", msg);
  return EXIT_TROUBLE;
}

static int S_usage_error(const char *msg) {
  fprintf(stderr, "parallax: %s\nTry 'parallax --help' for more information.\n", msg);
  return EXIT_TROUBLE;
}

/* Option values: "--opt value" or "--opt=value". */
static int S_value(int argc, char **argv, int *i, const char *name, const char **out) {
  size_t n = strlen(name);
  const char *a = argv[*i];
  if (strncmp(a, name, n) != 0) return 0;
  if (a[n] == '=') {
    *out = a + n + 1;
    return 1;
  }
  if (a[n] != '\0') return 0;
  if (*i + 1 >= argc) return -1;
  *out = argv[++*i];
  return 1;
}

static int S_parse(int argc, char **argv, int first, opts *o, char *msg, size_t msgsz) {
  int only_files = 0;
  for (int i = first; i < argc; i++) {
    const char *a = argv[i];
    const char *v = NULL;
    if (!only_files && strcmp(a, "--") == 0) {
      only_files = 1;
      continue;
    }
    if (!only_files && a[0] == '-' && a[1] == 'j' && a[2] >= '0' && a[2] <= '9') {
      char *end;
      errno = 0;
      long x = strtol(a + 2, &end, 10);
      if (errno || *end || x > 256) {
        snprintf(msg, msgsz, "-j: not a number of threads in [0,256]: '%s'", a + 2);
        return -1;
      }
      o->jobs = x;
      continue;
    }
    if (!only_files && a[0] == '-' && a[1] != '\0') {
      static const char *valued[] = {"--lang-a", "--lang-b", "--lang", "--format", "--input",
                                     "--mode", "--lexicon", "--dict-dir", "--max-input-bytes",
                                     "--min-score", "-o", "--output", "--jobs", "-j", "--color",
                                     "--only", "--ignore"};
      int matched = 0;
      for (size_t k = 0; k < sizeof valued / sizeof *valued; k++) {
        int r = S_value(argc, argv, &i, valued[k], &v);
        if (r < 0) {
          snprintf(msg, msgsz, "option %s needs a value", valued[k]);
          return -1;
        }
        if (r == 0) continue;
        matched = 1;
        const char *name = valued[k];
        if (!strcmp(name, "--lang")) o->lang = v;
        else if (!strcmp(name, "--lang-a")) o->lang_a = v;
        else if (!strcmp(name, "--lang-b")) o->lang_b = v;
        else if (!strcmp(name, "--format")) o->format = v;
        else if (!strcmp(name, "--input")) o->input = v;
        else if (!strcmp(name, "--mode")) o->mode = v;
        else if (!strcmp(name, "--lexicon")) o->lexicon = v;
        else if (!strcmp(name, "--dict-dir")) o->dict_dir = v;
        else if (!strcmp(name, "--color")) {
          if (strcmp(v, "auto") && strcmp(v, "always") && strcmp(v, "never")) {
            snprintf(msg, msgsz, "--color: '%s' is not auto, always or never", v);
            return -1;
          }
          o->color = v;
        }
        else if (!strcmp(name, "-o") || !strcmp(name, "--output")) o->output = v;
        else if (!strcmp(name, "--only")) o->only = v;
        else if (!strcmp(name, "--ignore")) o->ignore = v;
        else if (!strcmp(name, "--min-score")) {
          char *end;
          double x = strtod(v, &end);
          if (end == v || *end || x < 0 || x > 1) {
            snprintf(msg, msgsz, "--min-score: not a number in [0,1]: '%s'", v);
            return -1;
          }
          o->min_score = x;
          o->have_min_score = 1;
        }
        else if (!strcmp(name, "--jobs") || !strcmp(name, "-j")) {
          char *end;
          errno = 0;
          long x = strtol(v, &end, 10);
          if (errno || end == v || *end || x < 0 || x > 256) {
            snprintf(msg, msgsz, "%s: not a number of threads in [0,256]: '%s'", name, v);
            return -1;
          }
          o->jobs = x;
        }
        else if (!strcmp(name, "--max-input-bytes")) {
          char *end;
          errno = 0;
          unsigned long long x = strtoull(v, &end, 10);
          if (errno || end == v || *end || x == 0) {
            snprintf(msg, msgsz, "--max-input-bytes: not a positive number: '%s'", v);
            return -1;
          }
          o->max_input = (size_t)x;
        }
        break;
      }
      if (matched) continue;
      if (!strcmp(a, "--segmented")) {
        o->segmented = 1;
        continue;
      }
      if (!strcmp(a, "--no-default-lexicon")) {
        o->no_default_lexicon = 1;
        continue;
      }
      snprintf(msg, msgsz, "unknown option '%s'", a);
      return -1;
    }
    if (o->nfiles >= 2) {
      snprintf(msg, msgsz, "too many arguments ('%s')", a);
      return -1;
    }
    o->files[o->nfiles++] = a;
  }
  return 0;
}

static int S_check_lang(const char *opt, const char *v) {
  if (!v || !strcmp(v, "auto") || plx_lang_supported(v)) return 0;
  char msg[256];
  snprintf(msg, sizeof msg, "%s: unsupported language '%s' (supported: en, es, ru, auto)", opt, v);
  S_usage_error(msg);
  return -1;
}

/* All of a stream, or (*over set) the first bytes past limit (0: no
 * limit): an endless stream must not exhaust memory before the limit is
 * checked. */
static char *S_read_stream(FILE *f, size_t *len, size_t limit, int *over) {
  size_t cap = 65536, n = 0;
  char *b = malloc(cap);
  *over = 0;
  if (!b) return NULL;
  size_t r;
  while ((r = fread(b + n, 1, cap - n, f)) > 0) {
    n += r;
    if (limit && n > limit) {
      *over = 1;
      break;
    }
    if (n == cap) {
      char *nb = realloc(b, cap * 2);
      if (!nb) {
        free(b);
        return NULL;
      }
      b = nb;
      cap *= 2;
    }
  }
  if (ferror(f)) {
    free(b);
    return NULL;
  }
  *len = n;
  return b;
}

static char *S_read_stdin(size_t *len, size_t limit, int *over) {
  return S_read_stream(stdin, len, limit, over);
}

/* Read one article; on failure print "parallax: FILE: why". */
static plx_doc *S_load(const char *path, const plx_doc_options *dopt) {
  plx_error err = {0};
  plx_doc *doc = NULL;
  plx_status st;
  if (!strcmp(path, "-")) {
    size_t len = 0;
    int over;
    char *b = S_read_stdin(&len, dopt->max_input_bytes, &over);
    if (!b) {
      S_die("standard input", "read error");
      return NULL;
    }
    if (over) {
      char msg[128];
      snprintf(msg, sizeof msg, "input is over the limit of %zu bytes (see --max-input-bytes)",
               dopt->max_input_bytes);
      free(b);
      S_die("standard input", msg);
      return NULL;
    }
    st = plx_doc_parse(b, len, dopt, &doc, &err);
    free(b);
    path = "standard input";
  } else {
    st = plx_doc_load(path, dopt, &doc, &err);
  }
  if (st) {
    /* a web address for a file that is not there: say that nothing is
     * fetched */
    if (st == PLX_ERR_IO && strstr(path, "://") && access(path, F_OK) != 0) {
      S_die(path, "web addresses are not fetched: save the page and give the file");
      return NULL;
    }
    S_die(path, err.message[0] ? err.message : plx_strerror(st));
    return NULL;
  }
  return doc;
}

/* Whether -o names one of the input files (the same file, by device and
 * inode, whatever the path): writing the report there would replace an
 * article with its own report, and inputs are never modified. */
static int S_output_is_input(const opts *o) {
  struct stat so, si;
  if (!o->output || !strcmp(o->output, "-") || stat(o->output, &so) != 0) return 0;
  for (int k = 0; k < o->nfiles; k++)
    if (strcmp(o->files[k], "-") && stat(o->files[k], &si) == 0 && si.st_dev == so.st_dev &&
        si.st_ino == so.st_ino)
      return 1;
  /* the user lexicon is an input too (lexicon compile) */
  if (o->lexicon && stat(o->lexicon, &si) == 0 && si.st_dev == so.st_dev &&
      si.st_ino == so.st_ino)
    return 1;
  return 0;
}

/* Write a finished report to -o FILE or standard output, whole or not at all. */
static int S_emit(const char *output, const char *data, size_t len) {
  plx_error err = {0};
  plx_output *out = NULL;
  if (plx_output_open(output, &out, &err)) return S_die(NULL, err.message);
  if (plx_output_write(out, data, len, &err)) {
    plx_output_abort(out);
    return S_die(NULL, err.message);
  }
  if (plx_output_commit(out, &err)) return S_die(NULL, err.message);
  return 0;
}

static int S_doc_options(const opts *o, const char *lang, plx_doc_options *d) {
  plx_doc_options_init(d);
  d->lang = lang;
  d->segmented = o->segmented;
  if (o->max_input) d->max_input_bytes = o->max_input;
  if (o->input) {
    if (!strcmp(o->input, "text")) d->format = PLX_INPUT_TEXT;
    else if (!strcmp(o->input, "html")) d->format = PLX_INPUT_HTML;
    else if (!strcmp(o->input, "xml")) d->format = PLX_INPUT_XML;
    else if (!strcmp(o->input, "auto")) d->format = PLX_INPUT_AUTO;
    else {
      char msg[256];
      snprintf(msg, sizeof msg, "--input: unknown format '%s' (text, html, xml, auto)", o->input);
      return S_usage_error(msg);
    }
  }
  return 0;
}

/* --format, or dflt; -1 when the name is unknown (each command then says
 * which formats it writes). */
static int S_format(const opts *o, plx_format dflt) {
  plx_format f = dflt;
  if (o->format && plx_format_parse(o->format, &f, NULL)) return -1;
  return (int)f;
}

static int S_split(const opts *o) {
  if (o->nfiles > 1) return S_usage_error("split takes one FILE (or - for standard input)");
  const char *path = o->nfiles ? o->files[0] : "-";
  int fmt = S_format(o, PLX_FORMAT_TEXT);
  if (fmt != PLX_FORMAT_TEXT && fmt != PLX_FORMAT_JSON) {
    char msg[256];
    snprintf(msg, sizeof msg, "--format: split writes text or json, not '%s'", o->format);
    return S_usage_error(msg);
  }
  if (S_check_lang("--lang", o->lang)) return EXIT_TROUBLE;
  plx_doc_options dopt;
  if (S_doc_options(o, o->lang, &dopt)) return EXIT_TROUBLE;
  plx_doc *doc = S_load(path, &dopt);
  if (!doc) return EXIT_TROUBLE;
  char *report = NULL;
  size_t len = 0;
  plx_error err = {0};
  int rc = 0;
  if (plx_split_render(doc, strcmp(path, "-") ? path : NULL, (plx_format)fmt, &report, &len, &err))
    rc = S_die(NULL, err.message);
  else
    rc = S_emit(o->output, report, len);
  free(report);
  plx_doc_free(doc);
  return rc;
}

/* The lexicon options of the command line, for the languages la and lb
 * (NULL or "auto": the default pair). */
static int S_lexicon_options(const opts *o, const char *la, const char *lb,
                             plx_lexicon_options *lo) {
  plx_lexicon_options_init(lo);
  if (la && strcmp(la, "auto") != 0 && lb && strcmp(lb, "auto") != 0) {
    /* the pair is ordered as its data folder is (en-es) */
    lo->lang_a = strcmp(la, "es") == 0 && strcmp(lb, "en") == 0 ? lb : la;
    lo->lang_b = lo->lang_a == la ? lb : la;
  }
  lo->lexicon_path = o->lexicon;
  lo->replace_default = o->no_default_lexicon;
  lo->dict_dir = o->dict_dir;
  if (o->no_default_lexicon && !o->lexicon)
    return S_usage_error("--no-default-lexicon needs --lexicon FILE");
  return 0;
}

/* `parallax lexicon compile -o OUT`: the pair's data, with --lexicon, as
 * one image that later runs map instead of reading the TSV files. */
static int S_lexicon_compile(const opts *o) {
  if (o->nfiles != 1 || strcmp(o->files[0], "compile") != 0)
    return S_usage_error("lexicon: the command is `parallax lexicon compile -o OUT`");
  if (!o->output || !strcmp(o->output, "-"))
    return S_usage_error("lexicon compile needs -o FILE (the compiled lexicon)");
  const char *la = o->lang_a ? o->lang_a : o->lang, *lb = o->lang_b ? o->lang_b : o->lang;
  if (S_check_lang("--lang-a", la) || S_check_lang("--lang-b", lb)) return EXIT_TROUBLE;
  plx_lexicon_options lo;
  if (S_lexicon_options(o, la, lb, &lo)) return EXIT_TROUBLE;
  plx_error err = {0};
  if (plx_lexicon_compile(&lo, o->output, &err)) return S_die(NULL, err.message);
  return EXIT_SAME;
}

/* --mode, for align, diff and batch. */
static int S_align_options(const opts *o, plx_align_options *ao) {
  plx_align_options_init(ao);
  plx_error err = {0};
  if (o->mode && plx_align_mode_parse(o->mode, &ao->mode, &err)) {
    char msg[600];
    snprintf(msg, sizeof msg, "--mode: %s", err.message);
    return S_usage_error(msg);
  }
  return 0;
}

static int S_lexicon(const opts *o, const char *la, const char *lb, plx_lexicon **lex) {
  plx_lexicon_options lo;
  if (S_lexicon_options(o, la, lb, &lo)) return EXIT_TROUBLE;
  plx_error err = {0};
  if (plx_lexicon_new(&lo, lex, &err))
    return S_die(NULL, err.message);
  return 0;
}

static int S_score(const opts *o) {
  if (o->nfiles) return S_usage_error("score reads pairs from standard input and takes no FILE");
  if (S_check_lang("--lang-a", o->lang_a) || S_check_lang("--lang-b", o->lang_b))
    return EXIT_TROUBLE;
  plx_lexicon *lex = NULL;
  if (S_lexicon(o, o->lang_a, o->lang_b, &lex)) return EXIT_TROUBLE;
  size_t len = 0;
  int over;
  plx_doc_options limits;
  plx_doc_options_init(&limits);
  if (o->max_input) limits.max_input_bytes = o->max_input;
  char *in = S_read_stdin(&len, limits.max_input_bytes, &over);
  if (!in) {
    plx_lexicon_free(lex);
    return S_die("standard input", "read error");
  }
  if (over) {
    char msg[128];
    snprintf(msg, sizeof msg, "input is over the limit of %zu bytes (see --max-input-bytes)",
             limits.max_input_bytes);
    free(in);
    plx_lexicon_free(lex);
    return S_die("standard input", msg);
  }
  double *scores = NULL;
  size_t n = 0;
  plx_error err = {0};
  int rc = 0;
  if (plx_score_lines(lex, o->lang_a, o->lang_b, in, len, &scores, &n, &err)) {
    rc = S_die("standard input", err.message);
  } else {
    char *report = NULL;
    size_t rlen = 0;
    FILE *mem = open_memstream(&report, &rlen);
    for (size_t i = 0; mem && i < n; i++) fprintf(mem, "%.4f\n", scores[i]);
    if (!mem || fclose(mem) != 0) rc = S_die(NULL, "out of memory");
    else rc = S_emit(o->output, report, rlen);
    free(report);
  }
  free(scores);
  free(in);
  plx_lexicon_free(lex);
  return rc;
}

/* Colour for the text report: asked for, or a terminal on standard output
 * (and no -o FILE) with NO_COLOR unset or empty (https://no-color.org). */
static int S_want_color(const opts *o) {
  if (o->color && !strcmp(o->color, "always")) return 1;
  if (o->color && !strcmp(o->color, "never")) return 0;
  if (o->output && strcmp(o->output, "-") != 0) return 0;
  const char *nc = getenv("NO_COLOR");
  if (nc && nc[0]) return 0;
  return isatty(STDOUT_FILENO);
}

/* align and diff: read both articles, align, render. */
/* The facts to report: --min-score, --only, --ignore. */
static int S_fact_filter(const opts *o, plx_fact_filter *f) {
  plx_fact_filter_init(f);
  if (o->have_min_score) f->min_score = o->min_score;
  plx_error err = {0};
  unsigned bits;
  if (o->only) {
    if (plx_fact_types_parse(o->only, &bits, &err)) return S_usage_error(err.message);
    f->types = bits;
  }
  if (o->ignore) {
    if (plx_fact_types_parse(o->ignore, &bits, &err)) return S_usage_error(err.message);
    f->types &= ~bits;
  }
  return 0;
}

static int S_compare(const opts *o, int with_facts) {
  int fmt = S_format(o, PLX_FORMAT_TEXT);
  /* HTML is diff's report (it shows facts); TMX is align's (links only). */
  int ok = fmt == PLX_FORMAT_TEXT || fmt == PLX_FORMAT_JSON ||
           (with_facts ? fmt == PLX_FORMAT_HTML : fmt == PLX_FORMAT_TMX);
  if (!ok) {
    char msg[256];
    snprintf(msg, sizeof msg, "--format: %s writes %s, not '%s'", o->command,
             with_facts ? "text, json or html" : "text, json or tmx", o->format ? o->format : "");
    return S_usage_error(msg);
  }
  plx_align_options ao;
  if (S_align_options(o, &ao)) return EXIT_TROUBLE;
  plx_fact_filter ff;
  if (S_fact_filter(o, &ff)) return EXIT_TROUBLE;
  const char *la = o->lang_a ? o->lang_a : o->lang, *lb = o->lang_b ? o->lang_b : o->lang;
  if (S_check_lang("--lang-a", la) || S_check_lang("--lang-b", lb)) return EXIT_TROUBLE;
  plx_doc_options da, db;
  if (S_doc_options(o, la, &da) || S_doc_options(o, lb, &db)) return EXIT_TROUBLE;
  plx_doc *a = S_load(o->files[0], &da);
  if (!a) return EXIT_TROUBLE;
  plx_doc *b = S_load(o->files[1], &db);
  if (!b) {
    plx_doc_free(a);
    return EXIT_TROUBLE;
  }
  int rc = 0;
  if (!strcmp(plx_doc_lang(a), plx_doc_lang(b))) {
    char msg[256];
    snprintf(msg, sizeof msg, "both articles are in '%s'; Parallax compares two languages",
             plx_doc_lang(a));
    rc = S_die(NULL, msg);
  }
  plx_lexicon *lex = NULL;
  if (!rc && S_lexicon(o, plx_doc_lang(a), plx_doc_lang(b), &lex)) rc = EXIT_TROUBLE;
  plx_alignment *al = NULL;
  plx_error err = {0};
  if (!rc && plx_align(lex, a, b, &ao, &al, &err)) rc = S_die(NULL, err.message);
  char *report = NULL;
  size_t len = 0;
  int differences = 0;
  plx_report_options ro;
  plx_report_options_init(&ro);
  ro.format = (plx_format)fmt;
  ro.with_facts = with_facts;
  if (o->have_min_score) ro.min_score = o->min_score;
  ro.facts = ff;
  ro.color = S_want_color(o);
  if (!rc && plx_alignment_report(al, a, b, strcmp(o->files[0], "-") ? o->files[0] : NULL,
                                  strcmp(o->files[1], "-") ? o->files[1] : NULL, &ro, &report,
                                  &len, &differences, &err))
    rc = S_die(NULL, err.message);
  if (!rc) rc = S_emit(o->output, report, len);
  if (!rc && fmt == PLX_FORMAT_TMX) {
    /* a translation memory without the weak links: say how many */
    size_t nl = plx_alignment_link_count(al), out = 0;
    for (size_t k = 0; k < nl; k++)
      if (plx_alignment_link(al, k)->score < ro.min_score) out++;
    if (out)
      fprintf(stderr,
              "parallax: %zu of %zu links left out of the TMX (score below %.2f; "
              "--min-score 0 keeps them all)\n",
              out, nl, ro.min_score);
  }
  if (!rc && with_facts && differences) rc = EXIT_DIFFERENT;
  free(report);
  plx_alignment_free(al);
  plx_lexicon_free(lex);
  plx_doc_free(a);
  plx_doc_free(b);
  return rc;
}

/* diff FILE.xlf / FILE.tmx: each unit's target against its source. */
static int S_diff_bitext(const opts *o) {
  int fmt = S_format(o, PLX_FORMAT_TEXT);
  if (fmt != PLX_FORMAT_TEXT && fmt != PLX_FORMAT_JSON && fmt != PLX_FORMAT_HTML) {
    char msg[256];
    snprintf(msg, sizeof msg, "--format: diff of a bilingual file writes text, json or html, not '%s'",
             o->format ? o->format : "");
    return S_usage_error(msg);
  }
  if (o->mode) return S_usage_error("--mode: a bilingual file's units are paired as given");
  plx_fact_filter ff;
  if (S_fact_filter(o, &ff)) return EXIT_TROUBLE;
  const char *la = o->lang_a ? o->lang_a : o->lang, *lb = o->lang_b ? o->lang_b : o->lang;
  if (S_check_lang("--lang-a", la) || S_check_lang("--lang-b", lb)) return EXIT_TROUBLE;
  plx_compare_options co;
  plx_compare_options_init(&co);
  co.lang_a = la && strcmp(la, "auto") ? la : NULL;
  co.lang_b = lb && strcmp(lb, "auto") ? lb : NULL;
  if (o->max_input) co.doc.max_input_bytes = o->max_input;
  if (S_lexicon_options(o, NULL, NULL, &co.lexicon)) return EXIT_TROUBLE;
  const char *path = o->files[0];
  plx_comparison *c = NULL;
  plx_error err = {0};
  plx_status st;
  if (!strcmp(path, "-")) {
    size_t len = 0;
    int over;
    char *b = S_read_stdin(&len, co.doc.max_input_bytes, &over);
    if (!b || over) {
      free(b);
      return S_die("standard input", b ? "input is over the limit (see --max-input-bytes)"
                                       : "read error");
    }
    st = plx_compare_bitext_buffer(b, len, &co, &c, &err);
    free(b);
    path = "standard input";
  } else {
    st = plx_compare_bitext_file(path, &co, &c, &err);
  }
  if (st) return S_die(path, err.message);
  plx_report_options ro;
  plx_report_options_init(&ro);
  ro.format = (plx_format)fmt;
  ro.with_facts = 1;
  ro.facts = ff;
  ro.color = S_want_color(o);
  char *report = NULL;
  size_t len = 0;
  int differences = 0, rc = 0;
  if (plx_comparison_report(c, &ro, &report, &len, &differences, &err))
    rc = S_die(NULL, err.message);
  if (!rc) rc = S_emit(o->output, report, len);
  if (!rc && differences) rc = EXIT_DIFFERENT;
  free(report);
  plx_comparison_free(c);
  return rc;
}

/* Whether path is a bilingual file, by its first bytes. */
static int S_is_bitext(const char *path) {
  if (!strcmp(path, "-")) return 0;
  FILE *f = fopen(path, "rb");
  if (!f) return 0;
  char head[4096];
  size_t n = fread(head, 1, sizeof head, f);
  fclose(f);
  return plx_bitext_sniff(head, n) != PLX_BITEXT_NONE;
}

/* ---- batch ---- */

typedef struct batch_sink {
  plx_output *out;
} batch_sink;

static plx_status S_batch_sink(const char *line, size_t len, void *data, plx_error *err) {
  batch_sink *b = data;
  return plx_output_write(b->out, line, len, err);
}

/* A progress bar on standard error, redrawn in place; only on a terminal. */
static void S_progress(size_t done, size_t total, void *data) {
  (void)data;
  enum { WIDTH = 30 };
  size_t filled = total ? done * WIDTH / total : WIDTH;
  char bar[WIDTH + 1];
  for (size_t k = 0; k < WIDTH; k++) bar[k] = k < filled ? '#' : '.';
  bar[WIDTH] = '\0';
  fprintf(stderr, "\rparallax: [%s] %zu/%zu pairs", bar, done, total);
  if (done == total) fputc('\n', stderr);
  fflush(stderr);
}

static int S_batch(const opts *o) {
  if (o->nfiles > 1) return S_usage_error("batch takes one JOBS file (or - for standard input)");
  int fmt = S_format(o, PLX_FORMAT_JSON);
  if (fmt != PLX_FORMAT_JSON && fmt != PLX_FORMAT_TEXT && fmt != PLX_FORMAT_HTML) {
    char msg[256];
    snprintf(msg, sizeof msg, "--format: batch writes \"out\" reports as json, text or html, not '%s'",
             o->format);
    return S_usage_error(msg);
  }
  const char *la = o->lang_a ? o->lang_a : o->lang, *lb = o->lang_b ? o->lang_b : o->lang;
  if (S_check_lang("--lang-a", la) || S_check_lang("--lang-b", lb)) return EXIT_TROUBLE;
  plx_batch_options bo;
  plx_batch_options_init(&bo);
  if (S_doc_options(o, NULL, &bo.doc)) return EXIT_TROUBLE;
  bo.lang_a = la;
  bo.lang_b = lb;
  if (S_align_options(o, &bo.align)) return EXIT_TROUBLE;
  if (S_lexicon_options(o, NULL, NULL, &bo.lexicon)) return EXIT_TROUBLE;
  bo.out_format = (plx_format)fmt;
  /* without --format, an "out" says its format by its name (.html, .txt) */
  bo.out_format_from_name = o->format == NULL;
  if (S_fact_filter(o, &bo.facts)) return EXIT_TROUBLE;
  bo.threads = o->jobs < 0 ? 1 : (unsigned)o->jobs;
  if (isatty(STDERR_FILENO)) bo.progress = S_progress;
  const char *path = o->nfiles ? o->files[0] : "-";
  char *in = NULL;
  size_t len = 0;
  int over = 0;
  /* the job list is held whole, so it is bounded like an article */
  if (!strcmp(path, "-")) {
    in = S_read_stdin(&len, bo.doc.max_input_bytes, &over);
    if (!in) return S_die("standard input", "read error");
  } else {
    FILE *f = fopen(path, "rb");
    if (!f) return S_die(path, strerror(errno));
    in = S_read_stream(f, &len, bo.doc.max_input_bytes, &over);
    int bad = in == NULL;
    fclose(f);
    if (bad) return S_die(path, "read error");
  }
  if (over) {
    free(in);
    char msg[128];
    snprintf(msg, sizeof msg, "job list larger than %zu bytes (--max-input-bytes)",
             bo.doc.max_input_bytes);
    return S_die(strcmp(path, "-") ? path : "standard input", msg);
  }
  plx_error err = {0};
  batch_sink sink = {NULL};
  if (plx_output_open(o->output, &sink.out, &err)) {
    free(in);
    return S_die(NULL, err.message);
  }
  plx_batch_stats stats;
  plx_status st = plx_batch_run(&bo, in, len, S_batch_sink, &sink, &stats, &err);
  free(in);
  if (st) {
    plx_output_abort(sink.out);
    return S_die(NULL, err.message);
  }
  if (plx_output_commit(sink.out, &err)) return S_die(NULL, err.message);
  if (stats.failed)
    fprintf(stderr, "parallax: %s: %zu of %zu pairs failed (see their result lines)\n",
            strcmp(path, "-") ? path : "standard input", stats.failed, stats.jobs);
  return stats.failed ? EXIT_JOBS_FAILED : stats.different ? EXIT_DIFFERENT : EXIT_SAME;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs(usage_text, stderr);
    return EXIT_TROUBLE;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
    /* `parallax help diff` is diff's help */
    fputs(argc > 2 && !strcmp(cmd, "help") ? S_command_help(argv[2]) : usage_text, stdout);
    return fclose(stdout) == 0 ? 0 : S_die(NULL, "write error on standard output");
  }
  if (!strcmp(cmd, "--version")) {
    printf("parallax %s\n", plx_version());
    return fclose(stdout) == 0 ? 0 : S_die(NULL, "write error on standard output");
  }
  opts o = {0};
  o.jobs = -1;
  int first = 2;
  if (!strcmp(cmd, "split") || !strcmp(cmd, "align") || !strcmp(cmd, "diff") ||
      !strcmp(cmd, "score") || !strcmp(cmd, "batch") || !strcmp(cmd, "lexicon")) {
    o.command = cmd;
  } else {
    /* `parallax A B` is `parallax diff A B`. */
    o.command = "diff";
    first = 1;
  }
  for (int i = first; i < argc; i++) {
    if (!strcmp(argv[i], "--")) break;
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      /* `parallax diff --help`: that command's help; `parallax A --help`
       * (diff implied) too */
      fputs(S_command_help(o.command), stdout);
      return fclose(stdout) == 0 ? 0 : S_die(NULL, "write error on standard output");
    }
  }
  char msg[512];
  if (S_parse(argc, argv, first, &o, msg, sizeof msg)) return S_usage_error(msg);
  if (S_output_is_input(&o))
    return S_die(o.output, "is an input file; the report would replace it (choose another -o)");
  if (!strcmp(o.command, "split")) return S_split(&o);
  if (!strcmp(o.command, "score")) return S_score(&o);
  if (!strcmp(o.command, "batch")) return S_batch(&o);
  if (!strcmp(o.command, "lexicon")) return S_lexicon_compile(&o);
  if (o.nfiles == 1 && !strcmp(o.command, "diff") && S_is_bitext(o.files[0]))
    return S_diff_bitext(&o);
  if (o.nfiles != 2) {
    snprintf(msg, sizeof msg,
             "%s needs two articles, A and B%s", o.command,
             strcmp(o.command, "diff") ? "" : " (or one XLIFF or TMX file)");
    return S_usage_error(msg);
  }
  if (!strcmp(o.files[0], "-") && !strcmp(o.files[1], "-"))
    return S_usage_error("only one of A and B can be standard input");
  return S_compare(&o, !strcmp(o.command, "diff"));
}
