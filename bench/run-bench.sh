#!/usr/bin/env bash
# Load benchmark: loads LUBM files into a fresh store and compares with the time `serdi`
# needs just to parse the same file, measured in the same run on the same (uncompressed) file.
# zcat_s is the time to decompress the .gz alone, to tell how much a compressed input would add.
# Usage: bench/run-bench.sh [lubm10 lubm50 ...]   (default: lubm10 lubm50)
# RUNS=N sets the runs per file (median reported). SEXTANT_BASE_BIN=path also times another
# build's loader in the same runs (base_s, and load/base: below 1 is faster than the base), for
# before/after comparisons on a busy machine.
# Data comes from $SEXTANT_SHARED_DIR/bench/lubm (default ../shared/bench/lubm).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SEXTANT_SHARED_DIR:-$here/../shared}
data=$shared/bench/lubm
bin=${SEXTANT_BIN:-$here/build/shell/sextant}
base_bin=${SEXTANT_BASE_BIN:-}
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

printf "%-8s %10s %7s %9s %9s %10s %12s %9s %10s %8s %9s\n" file triples zcat_s serdi_s load_s ratio triples/s rss_MiB bytes/quad base_s load/base
for name in "${@:-lubm10 lubm50}"; do
  for n in $name; do
    gz=$data/$n.nt.gz
    [ -f "$gz" ] || { echo "missing $gz" >&2; continue; }
    nt=$work/$n.nt
    zcat "$gz" >"$nt"
    triples=$(wc -l <"$nt")
    serdi_times=(); load_times=(); zcat_times=(); base_times=(); rss=0; bytes=0
    for ((r = 0; r < runs; r++)); do
      read -r t _ < <(measure zcat "$gz")
      zcat_times+=("$t")
      read -r t _ < <(measure serdi -i ntriples -o ntriples "$nt")
      serdi_times+=("$t")
      rm -rf "$work/db"
      read -r t m < <(measure "$bin" load "$work/db" "$nt" --quiet)
      load_times+=("$t")
      ((m > rss)) && rss=$m
      bytes=$(du -sb "$work/db" | cut -f1)
      if [ -n "$base_bin" ]; then
        rm -rf "$work/db"
        read -r t _ < <(measure "$base_bin" load "$work/db" "$nt" --quiet)
        base_times+=("$t")
      fi
    done
    z=$(printf "%s\n" "${zcat_times[@]}" | median)
    s=$(printf "%s\n" "${serdi_times[@]}" | median)
    l=$(printf "%s\n" "${load_times[@]}" | median)
    b0=-
    [ -n "$base_bin" ] && b0=$(printf "%s\n" "${base_times[@]}" | median)
    awk -v n="$n" -v tr="$triples" -v z="$z" -v s="$s" -v l="$l" -v rss="$rss" -v b="$bytes" -v b0="$b0" 'BEGIN {
      lb = b0 == "-" ? "-" : sprintf("%.2f", l / b0)
      printf "%-8s %10d %7.2f %9.2f %9.2f %10.2f %12.0f %9.0f %10.1f %8s %9s\n", n, tr, z, s, l, l / s, tr / l, rss / 1024, b / tr, b0, lb }'
    rm -f "$nt"
  done
done
