#!/bin/sh
# fuzz/run.sh: `make fuzz`. Runs each libFuzzer target for SECONDS on its
# working corpus and prints, per target, the executions, the final coverage
# (libFuzzer's cov: and ft:) and the crashes found.
#
#   run.sh BUILDDIR SRCDIR SECONDS [TARGET] [EXTRA_LIBFUZZER_ARGS]
#
# The working corpus of target T is BUILDDIR/fuzz-corpus/T: it is kept
# between runs (what one run finds, the next starts from) and seeded anew
# each time from the source tree's test inputs (tests/data, tests/cli,
# tests/seeds, corpus/jedi, the data word lists); nothing is written to the
# source tree. Crashes, leaks, timeouts and out-of-memory inputs go to
# BUILDDIR/fuzz-out/T/, with libFuzzer's log in BUILDDIR/fuzz-out/T/log.
# Exit status: 0 when no target found anything, 1 otherwise.
set -u
build=$1 src=$2 seconds=${3:-60} only=${4:-} extra=${5:-}
case $seconds in '' | *[!0-9]*) echo "fuzz/run.sh: FUZZ_SECONDS must be a number of seconds" >&2; exit 2 ;; esac
targets="fuzz_text fuzz_html fuzz_xml fuzz_lexicon fuzz_values fuzz_diff fuzz_batch"
if [ -n "$only" ]; then
  case " $targets " in *" $only "*) targets=$only ;;
    *) echo "fuzz/run.sh: no target '$only' (one of:$(printf ' %s' $targets))" >&2; exit 2 ;; esac
fi
corpora=$build/fuzz-corpus
outs=$build/fuzz-out
mkdir -p "$corpora" "$outs" || exit 2

# seed TARGET NAME PREFIX FILE...: write PREFIX (printf format: the option
# byte(s) of the target) then the files, NUL-separated, as one seed.
seed() {
  t=$1 name=$2 prefix=$3
  shift 3
  for f in "$@"; do [ -f "$f" ] || return 0; done
  {
    printf "$prefix"
    sep=
    for f in "$@"; do
      [ -n "$sep" ] && printf '\000'
      cat "$f"
      sep=1
    done
  } >"$corpora/$t/seed-$name"
}

# The words the data files name (abbreviations, sentence starters, value
# words) as a libFuzzer dictionary: bytes outside printable ASCII escaped.
words_dict() {
  {
  for f in "$src"/corpus/data/en/abbreviations.txt "$src"/corpus/data/es/abbreviations.txt \
    "$src"/corpus/data/en/starters.txt "$src"/corpus/data/es/starters.txt; do
    grep -v '^#' "$f" | cut -f1
  done
  for f in "$src"/lexicon/data/values/en.txt "$src"/lexicon/data/values/es.txt; do
    grep -v '^[[:space:]]*#' "$f" | awk -F'\t+' 'NF >= 2 { print $2 }'
  done
  } 2>/dev/null | LC_ALL=C awk '
  BEGIN { for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i }
  length($0) > 0 && length($0) <= 40 && !seen[$0]++ {
    o = ""
    for (i = 1; i <= length($0); i++) {
      c = substr($0, i, 1); v = ord[c]
      if (v < 32 || v > 126 || c == "\"" || c == "\\") o = o sprintf("\\x%02X", v)
      else o = o c
    }
    printf "\"%s\"\n", o
  }'
}

prepare() {
  t=$1
  mkdir -p "$corpora/$t" "$outs/$t"
  d=$src/tests/data
  texts="$d/two-sentences.txt $d/spanish.txt $d/segmented.txt $d/parallel-en.txt
    $d/parallel-es.txt $d/parallel-es-conflict.txt $d/segment_spec.txt
    $d/segment_regressions.txt $d/invalid-utf8.txt $d/utf16.txt $d/empty.txt
    $src/corpus/jedi/en.txt $src/corpus/jedi/es.txt $src/tests/seeds/en.expected
    $src/tests/seeds/es.expected $src/tests/cli/cases.txt"
  case $t in
  fuzz_text)
    # d: English, e: Spanish, f/g: the same --segmented, l/m: format by content
    for f in $texts $d/article.html $d/xxe.xml; do
      b=$(basename "$f")
      for p in d e f g l m; do seed "$t" "$b-$p" "$p" "$f"; done
    done ;;
  fuzz_html)
    for f in $d/article.html; do seed "$t" "$(basename "$f")" "" "$f"; done
    seed "$t" jedi-en "<html><body><p>" "$src/corpus/jedi/en.txt" ;;
  fuzz_xml)
    for f in $d/xxe.xml $d/laughs.xml $d/malformed.xml; do seed "$t" "$(basename "$f")" "" "$f"; done
    seed "$t" jedi-es "<article><title>T</title><para>" "$src/corpus/jedi/es.txt" ;;
  fuzz_lexicon)
    for f in $d/user-lexicon.tsv $d/pairs.tsv $d/lexicon/en-es/*.tsv $d/lexicon/en-es/*.txt \
      $src/lexicon/data/en-es/supplement.tsv $src/lexicon/data/en-es/expansions.tsv; do
      seed "$t" "$(basename "$f")" "" "$f"
    done
    head -n 300 "$src/lexicon/data/en-es/bilingual.tsv" >"$corpora/$t/seed-bilingual-head.tsv" ;;
  fuzz_values)
    # one seed a line: the demo pair, the parallel test pair, the scored pairs
    n=0
    for f in $src/corpus/jedi/en.txt $d/parallel-en.txt $src/corpus/jedi/es.txt \
      $d/parallel-es.txt $d/parallel-es-conflict.txt; do
      case $f in *es*) p=e ;; *) p=d ;; esac
      while IFS= read -r line; do
        [ -n "$line" ] || continue
        n=$((n + 1))
        printf '%s%s\n' "$p" "$line" >"$corpora/$t/seed-line-$n"
      done <"$f"
    done ;;
  fuzz_diff)
    # option byte: see fuzz/fuzz_diff.c
    seed "$t" jedi-diff-json '\000' "$src/corpus/jedi/en.txt" "$src/corpus/jedi/es.txt"
    seed "$t" jedi-diff-text '\020' "$src/corpus/jedi/en.txt" "$src/corpus/jedi/es.txt"
    seed "$t" jedi-align-json '\042' "$src/corpus/jedi/en.txt" "$src/corpus/jedi/es.txt"
    seed "$t" jedi-swapped '\010' "$src/corpus/jedi/es.txt" "$src/corpus/jedi/en.txt"
    seed "$t" parallel-seg '\005' "$d/parallel-en.txt" "$d/parallel-es.txt"
    seed "$t" parallel-tmx '\065' "$d/parallel-en.txt" "$d/parallel-es.txt"
    seed "$t" parallel-conflict '\004' "$d/parallel-en.txt" "$d/parallel-es-conflict.txt"
    seed "$t" seeds-expected '\006' "$src/tests/seeds/en.expected" "$src/tests/seeds/es.expected"
    seed "$t" html-text '\000' "$d/article.html" "$d/spanish.txt" ;;
  fuzz_batch)
    # job lines as README.md and tests/batch.sh write them
    printf '%s\n' '{"a": "en/1.txt", "b": "es/1.txt", "id": 1}' \
      '{"a": "a.html", "b": "b.html", "out": "r.json", "id": {"k": [1, "x"]}, "mode": "comparable"}' \
      '{"a": "x", "b": "y", "lang_a": "en", "lang_b": "es", "mode": "parallel"}' \
      'not json' '{"a": "x"}' '{"a": "x", "b": "y", "colour": 1}' >"$corpora/$t/seed-jobs" ;;
  esac
}

flags() {
  case $1 in
  fuzz_text) echo "-max_len=65536 -dict=$outs/words.dict" ;;
  fuzz_html) echo "-max_len=65536 -dict=$src/fuzz/html.dict" ;;
  fuzz_xml) echo "-max_len=65536 -dict=$src/fuzz/xml.dict" ;;
  fuzz_lexicon) echo "-max_len=16384" ;;
  fuzz_values) echo "-max_len=4096 -dict=$outs/words.dict" ;;
  fuzz_diff) echo "-max_len=4096 -dict=$outs/words.dict" ;;
  fuzz_batch) echo "-max_len=4096 -dict=$src/fuzz/json.dict" ;;
  esac
}

words_dict >"$outs/words.dict"
found=0
summary=
for t in $targets; do
  prog=$build/fuzz/$t
  [ -x "$prog" ] || { echo "fuzz/run.sh: $prog is not built (configure --enable-fuzzing, make)" >&2; exit 2; }
  prepare "$t"
  log=$outs/$t/log
  before=$(ls "$outs/$t" | grep -c '^\(crash\|leak\|timeout\|oom\)-')
  echo "== $t: $seconds s on $corpora/$t"
  start=$(date +%s)
  # shellcheck disable=SC2046,SC2086
  nice -n "${FUZZ_NICE:-10}" "$prog" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$outs/$t/" $(flags "$t") $extra \
    "$corpora/$t" >"$log" 2>&1
  rc=$?
  secs=$(($(date +%s) - start))
  after=$(ls "$outs/$t" | grep -c '^\(crash\|leak\|timeout\|oom\)-')
  crashes=$((after - before))
  # Executions from the final statistics, else from the last status line.
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  [ -n "$execs" ] || execs=$(grep '^#[0-9]' "$log" | tail -n 1 | sed 's/^#\([0-9]*\).*/\1/')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | sed 's/cov: //')
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -n 1 | sed 's/ft: //')
  corp=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -n 1 | sed 's/corp: //')
  if [ -z "$cov" ]; then
    crashes="? (did not run: exit $rc, see the log)"
  elif [ "$rc" != 0 ] && [ "$crashes" = 0 ]; then
    crashes="1 (exit $rc, no artifact)"
  fi
  line=$(printf '%-13s execs %-10s cov %-6s ft %-7s corpus %-12s %4s s  crashes %s' \
    "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$secs" "$crashes")
  echo "$line"
  if [ "$crashes" != 0 ]; then
    found=1
    grep -m 3 'ERROR: \|SUMMARY: \|fuzz check failed\|runtime error' "$log" | sed 's/^/    /'
    ls "$outs/$t" | grep '^\(crash\|leak\|timeout\|oom\)-' | sed "s|^|    $outs/$t/|"
  fi
  summary="$summary$line
"
done
echo "== summary (FUZZ_SECONDS=$seconds; logs in $outs/TARGET/log)"
printf '%s' "$summary"
exit $found
