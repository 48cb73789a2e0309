#!/usr/bin/env bash
# Full-text search: Sextant's text index against Virtuoso's free-text index on the same
# generated corpus (bench/fts/gen_corpus.py: N literals, Zipf vocabulary).
#   1. Load time and store size: Sextant with the text index off (the plain load) and on;
#      Virtuoso's load with a DB.DBA.RDF_OBJ_FT_RULE_ADD rule for every literal.
#   2. Query latency, warm median of RUNS runs, over HTTP on loopback with the same client
#      (curl), top 10 by score: one frequent word, one rare word, two words, a phrase.
#      Sextant: GET /search?q=...&limit=10; Virtuoso: SPARQL with bif:contains and
#      ORDER BY DESC(score) LIMIT 10.
#
# Usage: bench/fts-compare.sh [N]   (default 1000000 literals)
# Environment: RUNS (default 7), SEXTANT_BIN, VIRTUOSO_BUFFERS (8 KiB pages, default 250000),
# KEEP=1 keeps the work directory.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${SEXTANT_BIN:-$here/build/shell/sextant}
runs=${RUNS:-7}
n=${1:-1000000}
buffers=${VIRTUOSO_BUFFERS:-250000}

[ -x "$bin" ] || { echo "build first: $bin missing" >&2; exit 1; }
# shellcheck source=bench/virtuoso-lib.sh
. "$here/bench/virtuoso-lib.sh"
now() { date +%s.%N; }
size_mb() { du -sm "$1" | cut -f1; }

read -r frequent middling rare < <(python3 "$here/bench/fts/gen_corpus.py" "$n" "$work/corpus.nt")

# --- Sextant: plain load (text index off), then the same load with the index ---
"$bin" text-index "$work/plain.db" --off >/dev/null
t0=$(now); "$bin" load "$work/plain.db" "$work/corpus.nt" --quiet; t1=$(now)
t2=$(now); "$bin" load "$work/text.db" "$work/corpus.nt" --quiet; t3=$(now)
docs=$("$bin" text-index "$work/text.db" | awk -F': ' '/literals indexed/ {gsub(",", "", $2); print $2}')
sport=$(free_port)
"$bin" serve "$work/text.db" --cache-mb $((buffers * 8 / 1024)) --port "$sport" --read-only >"$work/serve.log" 2>&1 &
pids+=($!)

# --- Virtuoso ---
virtuoso_start
vsize0=$(size_mb "$work/vdb")
# The free-text rule for every literal of every graph first, so the load indexes as it goes
# (like Sextant's); the text index is filled in batches, so the time runs until the last batch
# (VT_INC_INDEX_DB_DBA_RDF_OBJ) and a checkpoint are done.
isql exec="DB.DBA.RDF_OBJ_FT_RULE_ADD (null, null, 'bench');" >"$work/vft.log"
t4=$(now)
isql exec="ld_dir('$work', 'corpus.nt', 'http://bench.example/g'); rdf_loader_run(); checkpoint;" >"$work/vload.log"
t5=$(now)
vsize1=$(size_mb "$work/vdb")
isql exec="DB.DBA.VT_INC_INDEX_DB_DBA_RDF_OBJ (); checkpoint;" >>"$work/vft.log"
t6=$(now)
vsize2=$(size_mb "$work/vdb")

wait_http "http://127.0.0.1:$sport/sparql?query=ASK%7B%7D" 60
wait_http "http://127.0.0.1:$hport/sparql?query=ASK%7B%7D" 60

# measure URL [curl args...] -> "median_ms rows"
measure() {
  local url=$1; shift
  local t times=() rows
  curl -s -S --fail -o "$work/out" "$@" "$url" || { echo "request failed: $url" >&2; head -c 400 "$work/out" >&2; return 1; }
  rows=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["results"]["bindings"]))' "$work/out")
  for ((r = 0; r < runs; r++)); do
    t=$(curl -s -S --fail -o /dev/null -w '%{time_total}' "$@" "$url")
    times+=("$t")
  done
  echo "$(printf '%s\n' "${times[@]}" | median | awk '{printf "%.2f", $1 * 1000}') $rows"
}
sextant_q() { measure "http://127.0.0.1:$sport/search" -G --data-urlencode "q=$1" --data-urlencode "limit=10"; }
virtuoso_q() {
  local q="SELECT ?s ?o ?sc WHERE { ?s <http://bench.example/text> ?o . ?o bif:contains '$1' OPTION (score ?sc) } ORDER BY DESC(?sc) LIMIT 10"
  measure "http://127.0.0.1:$hport/sparql" -G -H 'Accept: application/sparql-results+json' --data-urlencode "query=$q"
}

echo "# $n literals ($docs indexed by Sextant); vocabulary Zipf over 50,000 words; $runs warm runs (median)"
awk -v p0="$t0" -v p1="$t1" -v x0="$t2" -v x1="$t3" -v v0="$t4" -v v1="$t5" -v v2="$t6" \
    -v ps="$(size_mb "$work/plain.db")" -v xs="$(size_mb "$work/text.db")" -v vs0="$vsize0" -v vs1="$vsize1" -v vs2="$vsize2" 'BEGIN {
  printf "# sextant load: plain %.1f s, with text index %.1f s (%.2fx); store %d MB -> %d MB (index %d MB)\n", p1 - p0, x1 - x0, (x1 - x0) / (p1 - p0), ps, xs, xs - ps
  printf "# virtuoso (free-text rule on): load %.1f s + index batches %.1f s = %.1f s; database %d MB\n", v1 - v0, v2 - v1, v2 - v0, vs2 - vs0 }'
printf "%-22s %12s %12s %9s %9s %7s\n" query sextant_ms virtuoso_ms sextant# virtuoso# ratio
row() {  # name sextant_text virtuoso_text
  read -r sm sr < <(sextant_q "$2")
  read -r vm vr < <(virtuoso_q "$3")
  awk -v n="$1" -v sm="$sm" -v vm="$vm" -v sr="$sr" -v vr="$vr" 'BEGIN {
    printf "%-22s %12.2f %12.2f %9d %9d %7.2f\n", n, sm, vm, sr, vr, sm / vm }'
}
row "1 term (frequent)" "$frequent" "$frequent"
row "1 term (rare)" "$rare" "$rare"
row "2 terms" "$frequent $middling" "$frequent AND $middling"
row "phrase" "\"$frequent $middling\"" "\"$frequent $middling\""
