#!/usr/bin/env bash
# Prints the widget's size over the wire as a course page loads it through
# <cite-quiz>: the Wasm, its JS glue, the element and the modules it imports,
# and the CSS; raw and gzip -9 (what a server sends).
set -euo pipefail
cd "$(dirname "$0")/.."
total_raw=0; total_gz=0
printf '%-28s %10s %10s\n' file raw gzip
for f in www/pkg/citequiz_bg.wasm www/pkg/citequiz.js www/citequiz.js www/load.js www/fatal.js www/lrs.js www/style.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-28s %10d %10d\n' "$f" "$raw" "$gz"
done
printf '%-28s %10d %10d\n' total "$total_raw" "$total_gz"
