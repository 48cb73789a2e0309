#!/usr/bin/env bash
# Side-by-side query latency: Sextant and Virtuoso 7.2 (Debian virtuoso-opensource) on the same
# LUBM file, both queried over their SPARQL HTTP endpoints on loopback by the same client (curl),
# in one run. For each expanded LUBM query: rows returned by each, and the warm median of RUNS
# runs after one warm-up run. Ends with the geometric means and their ratio.
#
# Usage: bench/virtuoso-compare.sh [lubm1|lubm10|lubm50]   (default lubm10)
# Environment: RUNS (default 5), SEXTANT_BIN, SEXTANT_SHARED_DIR, VIRTUOSO_BUFFERS (8 KiB pages
# of Virtuoso's buffer pool, default 250000 = 2 GiB), KEEP=1 keeps the work directory.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SEXTANT_SHARED_DIR:-$here/../shared}
data=$shared/bench/lubm
queries=$data/queries-expanded
bin=${SEXTANT_BIN:-$here/build/shell/sextant}
runs=${RUNS:-5}
scale=${1:-lubm10}
buffers=${VIRTUOSO_BUFFERS:-250000}

[ -d "$data" ] || { echo "LUBM data not found at $data (set SEXTANT_SHARED_DIR)" >&2; exit 77; }
[ -x "$bin" ] || { echo "build first: $bin missing" >&2; exit 1; }
# shellcheck source=bench/virtuoso-lib.sh
. "$here/bench/virtuoso-lib.sh"

zcat "$data/$scale.nt.gz" >"$work/$scale.nt"
triples=$(wc -l <"$work/$scale.nt")

# --- Sextant: load, serve ---
t0=$(date +%s.%N)
"$bin" load "$work/sextant.db" "$work/$scale.nt" --quiet
t1=$(date +%s.%N)
sport=$(free_port)
# The same memory for data as Virtuoso's buffer pool below.
"$bin" serve "$work/sextant.db" --cache-mb $((buffers * 8 / 1024)) --port "$sport" --read-only --timeout-ms 600000 >"$work/serve.log" 2>&1 &
pids+=($!)

# --- Virtuoso ---
virtuoso_start
t2=$(date +%s.%N)
isql exec="ld_dir('$work', '$scale.nt', 'http://lubm.example/$scale'); rdf_loader_run(); checkpoint;" >"$work/vload.log"
t3=$(date +%s.%N)
vcount=$(isql exec="sparql select count(*) where { graph <http://lubm.example/$scale> { ?s ?p ?o } };" | awk '/^[0-9]+$/ {print; exit}')
[ "$vcount" = "$triples" ] || { echo "Virtuoso loaded $vcount of $triples triples" >&2; cat "$work/vload.log" >&2; exit 1; }

wait_http "http://127.0.0.1:$sport/sparql?query=ASK%7B%7D" 60
wait_http "http://127.0.0.1:$hport/sparql?query=ASK%7B%7D" 60

# One request: prints "seconds rows". Both endpoints get the same CSV request.
ask() {  # endpoint query_file
  local secs
  secs=$(curl -s -S --fail -o "$work/out.csv" -w '%{time_total}' -H 'Accept: text/csv' \
    --data-urlencode "query@$2" "$1") || { echo "request to $1 failed for $2" >&2; head -c 400 "$work/out.csv" >&2; return 1; }
  echo "$secs $(($(wc -l <"$work/out.csv") - 1))"
}
measure() {  # endpoint query_file -> "median_ms rows"
  local rows t times=()
  read -r _ rows < <(ask "$1" "$2")
  for ((r = 0; r < runs; r++)); do
    read -r t _ < <(ask "$1" "$2")
    times+=("$t")
  done
  echo "$(printf '%s\n' "${times[@]}" | median | awk '{printf "%.2f", $1 * 1000}') $rows"
}

echo "# $scale: $triples triples; $runs warm runs per query (median, ms), over HTTP on loopback"
awk -v s="$t1" -v e="$t0" -v vs="$t3" -v ve="$t2" -v n="$triples" 'BEGIN {
  printf "# load: sextant %.1f s (%.0f triples/s), virtuoso %.1f s (%.0f triples/s)\n", s - e, n / (s - e), vs - ve, n / (vs - ve) }'
printf "%-6s %12s %12s %10s %10s %8s\n" query sextant_ms virtuoso_ms sextant# virtuoso# ratio
: >"$work/table"
for q in "$queries"/lubmx_q*.rq; do
  name=$(basename "$q" .rq); name=${name#lubmx_}
  read -r sm sr < <(measure "http://127.0.0.1:$sport/sparql" "$q")
  read -r vm vr < <(measure "http://127.0.0.1:$hport/sparql" "$q")
  echo "$name $sm $vm $sr $vr" >>"$work/table"
  awk -v n="$name" -v sm="$sm" -v vm="$vm" -v sr="$sr" -v vr="$vr" 'BEGIN {
    printf "%-6s %12.2f %12.2f %10d %10d %8.2f%s\n", n, sm, vm, sr, vr, sm / vm, (sr == vr ? "" : "  ROWS DIFFER") }'
done
awk '{ls += log($2); lv += log($3); n++} END {
  printf "%-6s %12.2f %12.2f %21s %8.2f\n", "geomean", exp(ls / n), exp(lv / n), "", exp(ls / n) / exp(lv / n) }' "$work/table"
