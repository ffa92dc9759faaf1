#!/usr/bin/env bash
# Prints the widget's size over the wire as a course page loads it through
# <cite-quiz>, for each kind of bank: the Wasm that bank needs (the player's
# for a compiled bank, the full widget's for a raw one; www/load.js picks
# it by the bank's first bytes), the element's bundle (the element, the
# loader and the LRS reporter in one minified module), that Wasm's JS glue
# (a chunk the bundle imports when the bank needs it) and the minified CSS;
# raw and gzip -9 (what a server sends).
#   bash scripts/size.sh [--max GZIP_BYTES] [--max-player GZIP_BYTES]
# --max is the ceiling of the raw bank's page, --max-player that of the
# compiled bank's: exits 1 when a total is above its ceiling. `make test`
# uses them so that the size only goes down (the goals are relative to the
# peers; see README "Performance").
set -euo pipefail
cd "$(dirname "$0")/.."
max=""; max_player=""
while [ $# -gt 0 ]; do
  case "$1" in
    --max) max=${2:?--max needs a number of bytes}; shift 2 ;;
    --max-player) max_player=${2:?--max-player needs a number of bytes}; shift 2 ;;
    *) echo "size: unknown argument $1 (usage: size.sh [--max BYTES] [--max-player BYTES])" >&2; exit 2 ;;
  esac
done
status=0
# page TITLE CEILING FILE...: prints each file's size and the total, and
# checks the gzip total against CEILING (when not empty).
page() {
  local title=$1 ceiling=$2 total_raw=0 total_gz=0
  shift 2
  echo "$title"
  printf '  %-34s %10s %10s\n' file raw gzip
  for f in "$@"; do
    if [ ! -f "$f" ]; then
      echo "size: $f is missing: run bash scripts/build-wasm.sh" >&2
      exit 1
    fi
    local raw gz
    raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
    printf '  %-34s %10d %10d\n' "$f" "$raw" "$gz"
  done
  printf '  %-34s %10d %10d\n' total "$total_raw" "$total_gz"
  if [ -n "$ceiling" ] && [ "$total_gz" -gt "$ceiling" ]; then
    echo "size: $title is $total_gz bytes gzip, above the ceiling of $ceiling: find what grew (twiggy; see ARCHITECTURE.md, Size) or, if it must, raise the ceiling in the Makefile with a reason" >&2
    status=1
  fi
}
page "a compiled bank's page (the player)" "$max_player" \
  www/pkg/citequiz_player_bg.wasm www/pkg/cite-quiz.js www/pkg/citequiz_player.min.js www/pkg/style.css
page "a raw bank's page (the full widget)" "$max" \
  www/pkg/citequiz_bg.wasm www/pkg/cite-quiz.js www/pkg/citequiz.min.js www/pkg/style.css
exit "$status"
