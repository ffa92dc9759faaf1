#!/usr/bin/env bash
# Prints the widget's size over the wire as a course page loads it through
# <cite-quiz>: the Wasm, the element's bundle (the element, the loader, the
# LRS reporter and the Wasm's JS glue in one minified module) and the
# minified CSS; raw and gzip -9 (what a server sends).
#   bash scripts/size.sh [--max GZIP_BYTES]
# With --max, exits 1 when the gzip total is above it: `make test` uses this
# as a ceiling so that the size only goes down (the goals are relative to
# the peers; see README "Performance").
set -euo pipefail
cd "$(dirname "$0")/.."
max=""
if [ "${1:-}" = "--max" ]; then max=${2:?--max needs a number of bytes}; fi
total_raw=0; total_gz=0
printf '%-28s %10s %10s\n' file raw gzip
for f in www/pkg/citequiz_bg.wasm www/pkg/cite-quiz.js www/pkg/style.css; do
  if [ ! -f "$f" ]; then
    echo "size: $f is missing: run bash scripts/build-wasm.sh" >&2
    exit 1
  fi
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-28s %10d %10d\n' "$f" "$raw" "$gz"
done
printf '%-28s %10d %10d\n' total "$total_raw" "$total_gz"
if [ -n "$max" ] && [ "$total_gz" -gt "$max" ]; then
  echo "size: the widget is $total_gz bytes gzip, above the ceiling of $max: find what grew (twiggy; see ARCHITECTURE.md, Size) or, if it must, raise the ceiling in the Makefile with a reason" >&2
  exit 1
fi
