#!/usr/bin/env bash
# The correlated-group query of the speed issue on the demo store (both bundled datasets):
# a GRAPH block of three label lookups that connect only through the outer pattern. Sextant
# and Virtuoso 7.2 (Debian virtuoso-opensource) hold the same quads (Sextant's N-Quads dump,
# loaded into Virtuoso) and are asked the same query over HTTP on loopback by the same client
# (curl, CSV results), alternating, RUNS warm runs each after one warm-up; prints the medians,
# the rows of each and their ratio, and the in-process time of the query in the shell
# (`.timer`: the first run, which opens the store's files, and the median of RUNS more).
#
# Usage: bench/correlated-compare.sh
# Environment: RUNS (default 15), SEXTANT_BIN, VIRTUOSO_BUFFERS (8 KiB pages, default 50000),
# KEEP=1 keeps the work directory.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${SEXTANT_BIN:-$here/build/shell/sextant}
runs=${RUNS:-15}
# shellcheck disable=SC2034 # read by virtuoso-lib.sh
buffers=${VIRTUOSO_BUFFERS:-50000}

[ -x "$bin" ] || { echo "build first: $bin missing" >&2; exit 1; }
# shellcheck source=bench/virtuoso-lib.sh
. "$here/bench/virtuoso-lib.sh"

cat >"$work/query.rq" <<'SPARQL'
PREFIX : <http://sextant.local/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?opponent ?member ?armer WHERE {
  ?t a :ArmsTransfer ; :exporter ?a ; :importer ?o ; :during ?c .
  ?c :participant ?m , ?o .  ?m :memberOf :CSTO .  ?a :memberOf :CSTO .
  FILTER (?m != ?o && ?a != ?m)
  GRAPH <http://sextant.local/source/world-countries> { ?o rdfs:label ?opponent . ?m rdfs:label ?member . ?a rdfs:label ?armer }
}
SPARQL

"$bin" load "$work/demo.db" "$here/datasets/csto-kazakhstan/csto-kazakhstan.trig" \
  "$here/datasets/world/world.trig" --quiet
"$bin" dump "$work/demo.db" --format nquads --output "$work/demo.nq"
quads=$(wc -l <"$work/demo.nq")

# In process, before the server holds the store: the shell's own timer, the same query
# RUNS times in one session (the first run dropped).
one_line=$(tr '\n' ' ' <"$work/query.rq")
(echo ".timer on"; for ((r = 0; r <= runs; r++)); do echo "$one_line;"; done) |
  "$bin" "$work/demo.db" 2>&1 | awk '/^Run Time:/ {print $3}' >"$work/inproc.times"
first=$(head -1 "$work/inproc.times" | awk '{printf "%.0f", $1 * 1000}')
inproc=$(tail -n +2 "$work/inproc.times" | median | awk '{printf "%.0f", $1 * 1000}')

sport=$(free_port)
"$bin" serve "$work/demo.db" --port "$sport" --read-only >"$work/serve.log" 2>&1 &
pids+=($!)
virtuoso_start
isql exec="ld_dir('$work', 'demo.nq', 'urn:unused'); rdf_loader_run(); checkpoint;" >"$work/vload.log"
wait_http "http://127.0.0.1:$sport/sparql?query=ASK%7B%7D" 60
wait_http "http://127.0.0.1:$hport/sparql?query=ASK%7B%7D" 60

ask() {  # endpoint -> seconds; the rows (header dropped, sorted) in $work/rows.$2
  curl -s -S --fail -o "$work/out.csv" -w '%{time_total}' -H 'Accept: text/csv' \
    --data-urlencode "query@$work/query.rq" "$1" || { head -c 400 "$work/out.csv" >&2; return 1; }
  tail -n +2 "$work/out.csv" | tr -d '\r' | sort >"$work/rows.$2"
}
ask "http://127.0.0.1:$sport/sparql" s >/dev/null
ask "http://127.0.0.1:$hport/sparql" v >/dev/null
: >"$work/s.times"
: >"$work/v.times"
for ((r = 0; r < runs; r++)); do
  ask "http://127.0.0.1:$sport/sparql" s >>"$work/s.times" && echo >>"$work/s.times"
  ask "http://127.0.0.1:$hport/sparql" v >>"$work/v.times" && echo >>"$work/v.times"
done
sms=$(median <"$work/s.times" | awk '{printf "%.2f", $1 * 1000}')
vms=$(median <"$work/v.times" | awk '{printf "%.2f", $1 * 1000}')
srows=$(wc -l <"$work/rows.s")
vrows=$(wc -l <"$work/rows.v")

echo "# demo store: $quads quads; $runs warm runs (median), HTTP on loopback, CSV"
printf "%-22s %12s %12s %10s %10s %8s\n" query sextant_ms virtuoso_ms sextant# virtuoso# ratio
awk -v sm="$sms" -v vm="$vms" -v sr="$srows" -v vr="$vrows" 'BEGIN {
  printf "%-22s %12.2f %12.2f %10d %10d %8.2f%s\n", "correlated-graph", sm, vm, sr, vr, sm / vm, (sr == vr ? "" : "  ROWS DIFFER") }'
echo "# in process (shell .timer, 1 ms resolution): first run ${first} ms, then median ${inproc} ms"
cat "$work/rows.s"
