#!/usr/bin/env bash
# Load benchmark: loads LUBM files into a fresh store and compares with the time `serdi`
# needs just to parse the same file, measured in the same run on the same (uncompressed) file.
# Usage: bench/run-bench.sh [lubm10 lubm50 ...]   (default: lubm10 lubm50)
# Data comes from $SEXTANT_SHARED_DIR/bench/lubm (default ../shared/bench/lubm).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SEXTANT_SHARED_DIR:-$here/../shared}
data=$shared/bench/lubm
bin=${SEXTANT_BIN:-$here/build/shell/sextant}
runs=${RUNS:-3}
[ -d "$data" ] || { echo "LUBM data not found at $data (set SEXTANT_SHARED_DIR)" >&2; exit 77; }
[ -x "$bin" ] || { echo "build first: $bin missing" >&2; exit 1; }
command -v serdi >/dev/null || { echo "serdi not installed (apt-get install serdi)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Prints "seconds peak_rss_kib" of a command.
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; return 1; }
  cat "$work/time"
}

printf "%-8s %10s %9s %9s %10s %12s %9s %10s\n" file triples serdi_s load_s ratio triples/s rss_MiB bytes/quad
for name in "${@:-lubm10 lubm50}"; do
  for n in $name; do
    gz=$data/$n.nt.gz
    [ -f "$gz" ] || { echo "missing $gz" >&2; continue; }
    nt=$work/$n.nt
    zcat "$gz" >"$nt"
    triples=$(wc -l <"$nt")
    serdi_times=(); load_times=(); rss=0; bytes=0
    for ((r = 0; r < runs; r++)); do
      read -r t _ < <(measure serdi -i ntriples -o ntriples "$nt")
      serdi_times+=("$t")
      rm -rf "$work/db"
      read -r t m < <(measure "$bin" load "$work/db" "$nt" --quiet)
      load_times+=("$t"); rss=$m
      bytes=$(du -sb "$work/db" | cut -f1)
    done
    s=$(printf "%s\n" "${serdi_times[@]}" | median)
    l=$(printf "%s\n" "${load_times[@]}" | median)
    awk -v n="$n" -v tr="$triples" -v s="$s" -v l="$l" -v rss="$rss" -v b="$bytes" 'BEGIN {
      printf "%-8s %10d %9.2f %9.2f %10.2f %12.0f %9.0f %10.1f\n", n, tr, s, l, l / s, tr / l, rss / 1024, b / tr }'
    rm -f "$nt"
  done
done
