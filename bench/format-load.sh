#!/usr/bin/env bash
# Load rate per input format: LUBM converted from N-Triples to RDF/XML and JSON-LD (the
# converter is `sextant dump --format F` of a store loaded from the N-Triples), then each file
# loaded into a fresh store, N-Triples alongside as the baseline of the same run.
# Usage: bench/format-load.sh [lubm10 ...]   (default: lubm10). RUNS=N runs per format (median).
# Data comes from $SEXTANT_SHARED_DIR/bench/lubm (default ../shared/bench/lubm).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SEXTANT_SHARED_DIR:-$here/../shared}
data=$shared/bench/lubm
bin=${SEXTANT_BIN:-$here/build/shell/sextant}
runs=${RUNS:-3}
[ -d "$data" ] || { echo "LUBM data not found at $data (set SEXTANT_SHARED_DIR)" >&2; exit 77; }
[ -x "$bin" ] || { echo "build first: $bin missing" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Prints "seconds peak_rss_kib" of a command.
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; return 1; }
  cat "$work/time"
}

printf "%-8s %-8s %10s %12s %9s %12s %9s %10s\n" file format triples file_MiB load_s triples/s rss_MiB vs_nt
for n in "${@:-lubm10}"; do
  gz=$data/$n.nt.gz
  [ -f "$gz" ] || { echo "missing $gz" >&2; continue; }
  zcat "$gz" >"$work/$n.nt"
  triples=$(wc -l <"$work/$n.nt")
  "$bin" load "$work/src" "$work/$n.nt" --quiet >/dev/null
  "$bin" dump "$work/src" --graph default --format rdfxml --output "$work/$n.rdf"
  "$bin" dump "$work/src" --graph default --format jsonld --output "$work/$n.jsonld"
  rm -rf "$work/src"
  nt_rate=
  for ext in nt rdf jsonld; do
    file=$work/$n.$ext
    times=(); rss=0
    for ((r = 0; r < runs; r++)); do
      rm -rf "$work/db"
      read -r t m < <(measure "$bin" load "$work/db" "$file" --quiet)
      times+=("$t")
      ((m > rss)) && rss=$m
    done
    # The store must hold what the N-Triples held: the conversion lost nothing.
    got=$("$bin" query "$work/db" 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --format tsv | tail -1)
    [ "$got" = "$triples" ] || { echo "$ext load holds $got statements, want $triples" >&2; exit 1; }
    l=$(printf "%s\n" "${times[@]}" | median)
    rate=$(awk -v tr="$triples" -v l="$l" 'BEGIN { printf "%.0f", tr / l }')
    [ -z "$nt_rate" ] && nt_rate=$rate
    awk -v n="$n" -v f="$ext" -v tr="$triples" -v sz="$(stat -c %s "$file")" -v l="$l" \
        -v rate="$rate" -v rss="$rss" -v base="$nt_rate" 'BEGIN {
      printf "%-8s %-8s %10d %12.1f %9.2f %12d %9.0f %10.2f\n", n, f, tr, sz / 1048576, l, rate, rss / 1024, rate / base }'
  done
done
