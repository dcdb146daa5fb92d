#!/bin/sh
# make bench: benchmarks, with the figures EVALUATION.md quotes. Each
# speed figure is a ratio to an anchor measured in the same run: ICU's bare
# sentence iterator for the splitter, hunalign (built from its source beside
# the project, ../shared/anchors or $PARALLAX_ANCHORS) for alignment.
# Input: 20 MB of English news text, built from WMT newstest (../shared/data
# or $PARALLAX_DATA) in paragraphs of five sentences; without the data, from
# the demo article repeated (said in the output).
set -eu
build=$1 src=$2
data=${PARALLAX_DATA:-$src/../shared/data}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -f "$data/wmt_newstest_en_es/newstest2012.en" ]; then
  cat "$data/wmt_newstest_en_es/newstest2012.en" "$data/wmt_newstest_en_es/newstest2013.en" \
    "$data/wmt24_en_es/source.en-es.txt" | awk 'NR % 5 == 0 { print; print ""; next } { printf "%s ", $0 }' >"$tmp/base.txt"
  what="WMT newstest2012+2013 and WMT24 English, paragraphs of 5 lines"
else
  cp "$src/corpus/jedi/en.txt" "$tmp/base.txt"
  what="corpus/jedi/en.txt repeated (evaluation data not found)"
fi
: >"$tmp/news.txt"
while [ "$(wc -c <"$tmp/news.txt")" -lt 20000000 ]; do cat "$tmp/base.txt" >>"$tmp/news.txt"; done
head -c 20000000 "$tmp/news.txt" | iconv -c -f UTF-8 -t UTF-8 >"$tmp/news20.txt"
echo "== split: $what"
"$build/bench/bench_split" "$tmp/news20.txt" en
# Instruction counts do not depend on what else the machine is doing: the
# same ratio, measured with callgrind on the first 2 MB.
if command -v valgrind >/dev/null 2>&1 && command -v callgrind_annotate >/dev/null 2>&1; then
  head -c 2000000 "$tmp/news20.txt" | iconv -c -f UTF-8 -t UTF-8 >"$tmp/news2.txt"
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
    "$build/bench/bench_split" "$tmp/news2.txt" en >/dev/null 2>&1
  callgrind_annotate --inclusive=yes "$tmp/cg.out" 2>/dev/null | awk '
    /bench_split.c:main \[/ { gsub(",", "", $1); total = $1 }
    /corpus\/doc.c:plx_doc_parse \[/ { gsub(",", "", $1); plx = $1 }
    END { if (total && plx) printf "instructions     parallax %.0f M, ICU bare %.0f M: %.2fx (7 runs each, 2 MB; target <= 2x)\n", plx / 1e6, (total - plx) / 1e6, plx / (total - plx) }'
fi
echo "== lexicon: start-up and look-ups"
if [ -f "$data/wmt_newstest_en_es/newstest2013.en" ]; then
  "$build/bench/bench_lexicon" "$data/wmt_newstest_en_es/newstest2013.en" "$data/wmt_newstest_en_es/newstest2013.es"
else
  "$build/bench/bench_lexicon" "$src/corpus/jedi/en.txt" "$src/corpus/jedi/es.txt"
fi
echo "== alignment against hunalign, start-up, 20,000 pairs, memory (bench/speed.py)"
PARALLAX_DATA="$data" python3 "$src/bench/speed.py" "$build" "$src"
echo "== batch: article pairs per second, one and two worker threads"
PARALLAX_DATA="$data" python3 "$src/bench/batch_pairs.py" "$build" "$src"
