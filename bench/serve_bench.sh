#!/usr/bin/env bash
# Load test of `sextant serve`: loads a LUBM file into a fresh store, then 16 clients run the
# expanded LUBM queries for 60 s over loopback (bench/serve_bench.cpp).
# Usage: bench/serve_bench.sh [lubm1|lubm10] [seconds] [clients]
# Data comes from $SEXTANT_SHARED_DIR/bench/lubm (default ../shared/bench/lubm).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SEXTANT_SHARED_DIR:-$here/../shared}
data=$shared/bench/lubm
build=${SEXTANT_BUILD:-$here/build}
dataset=${1:-lubm10}
seconds=${2:-60}
clients=${3:-16}
[ -d "$data" ] || { echo "LUBM data not found at $data (set SEXTANT_SHARED_DIR)" >&2; exit 77; }
[ -x "$build/bench/serve_bench" ] || { echo "build first: $build/bench/serve_bench missing" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/shell/sextant" load "$work/db" "$data/$dataset.nt.gz" --quiet
echo "dataset $dataset, $clients clients, ${seconds}s"
"$build/bench/serve_bench" "$work/db" "$data/queries-expanded" --seconds "$seconds" --clients "$clients"
