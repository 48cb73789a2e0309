#!/usr/bin/env bash
# Parser benchmark: our Turtle-family reader beside serd on LUBM, parsing only (parse_bench):
# the N-Triples file, the same triples as Turtle with full IRIs (serdi's grouping by subject
# and predicate), and as Turtle with prefixed names. Prints per file the median seconds of
# each and ours/serd (below 1: ours is faster).
# Usage: bench/parse-compare.sh [lubm1|lubm10|lubm50]   (default lubm10); RUNS=N (default 3).
# Data comes from $SEXTANT_SHARED_DIR/bench/lubm (default ../shared/bench/lubm).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SEXTANT_SHARED_DIR:-$here/../shared}
gz=$shared/bench/lubm/${1:-lubm10}.nt.gz
bench=${PARSE_BENCH:-$here/build/bench/parse_bench}
[ -f "$gz" ] || { echo "LUBM data not found at $gz (set SEXTANT_SHARED_DIR)" >&2; exit 77; }
[ -x "$bench" ] || { echo "build first: $bench missing" >&2; exit 1; }
command -v serdi >/dev/null || { echo "serdi not installed (apt-get install serdi)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
name=$(basename "$gz" .nt.gz)
zcat "$gz" >"$work/$name.nt"
serdi -i ntriples -o turtle "$work/$name.nt" >"$work/$name.ttl"
{
  echo '@prefix ub: <http://www.lehigh.edu/~zhp2/2004/0401/univ-bench.owl#> .'
  echo '@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .'
  cat "$work/$name.nt"
} | serdi -i turtle -o turtle - >"$work/$name-prefixed.ttl"
"$bench" --runs "${RUNS:-3}" "$work/$name.nt" "$work/$name.ttl" "$work/$name-prefixed.ttl"
