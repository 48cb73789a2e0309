#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-14 in build-fuzz (SEXTANT_FUZZ=ON), seeds each
# target from the W3C suites and its regression inputs, and runs each for SECONDS (default 60).
# Exits non-zero when any target crashed, hung, ran out of memory or broke an invariant.
#   tests/fuzz/run-fuzzers.sh [SECONDS]
# Environment: SEXTANT_SHARED_DIR (default ../shared next to the repository), FUZZ_BUILD
# (default build-fuzz), JOBS (build parallelism, default nproc), FUZZ_TARGETS (a subset),
# FUZZ_MAX_LEN (longest generated input, default 16384 bytes), FUZZ_PARALLEL (targets run at
# once, default nproc; each still runs for SECONDS).
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-60}"
build="${FUZZ_BUILD:-$repo/build-fuzz}"
case "$build" in /*) ;; *) build="$repo/$build" ;; esac
read -r -a targets <<<"${FUZZ_TARGETS:-fuzz_sparql_query fuzz_sparql_update fuzz_ntriples fuzz_turtle}"

start=$(date +%s)
if [ ! -f "$build/CMakeCache.txt" ]; then
  generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  CC=clang-14 CXX=clang++-14 cmake -S "$repo" -B "$build" "${generator[@]}" -DSEXTANT_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_UNITY_BUILD=ON
fi
cmake --build "$build" -j "${JOBS:-$(nproc)}"
echo "fuzz: build took $(( $(date +%s) - start ))s"

# Seeds are copied from the shared suites at run time (never into the repository).
shared="${SEXTANT_SHARED_DIR:-$repo/../shared}"
w3c="$shared/w3c-rdf-tests"
seed_spec() {
  case "$1" in
    fuzz_sparql_query) echo "sparql/sparql11 *.rq" ;;
    fuzz_sparql_update) echo "sparql/sparql11 *.ru" ;;
    fuzz_ntriples) echo "rdf *.nt *.nq" ;;
    fuzz_turtle) echo "rdf *.ttl *.trig" ;;
  esac
}
dict_for() {
  case "$1" in
    fuzz_sparql_*) echo "$build/fuzz-work/sparql.dict" ;;
    *) echo "$repo/tests/fuzz/rdf.dict" ;;
  esac
}

mkdir -p "$build/fuzz-work"
# SPARQL keywords straight from the grammar's lexer rules (KEYWORD : K E Y W O R D ;) and the
# quoted tokens of its parser rules, so the dictionary never falls behind the grammar.
{
  sed -nE 's/^[A-Z_]+ *: *(([A-Z] )+);.*$/\1/p' "$repo/grammar/Sparql.g4" | tr -d ' '
  grep -oE "'[^' \\\\\"]+'" "$repo/grammar/Sparql.g4" | tr -d "'"
} | sort -u | sed 's/.*/"&"/' >"$build/fuzz-work/sparql.dict"

# Seeds and the corpus directory of one target; prints where the seeds came from.
prepare() {
  local t="$1" seeds="$build/fuzz-work/seeds/$1" corpus="$build/fuzz-work/corpus/$1"
  # Findings of earlier runs were reported then; only this run's are listed.
  rm -rf "$seeds" "$build/fuzz-work/findings/$t"
  mkdir -p "$seeds" "$corpus" "$build/fuzz-work/findings/$t"
  read -r -a spec <<<"$(seed_spec "$t")"
  if [ -d "$w3c/${spec[0]}" ]; then
    names=()
    for pattern in "${spec[@]:1}"; do names+=(-name "$pattern" -o); done
    unset 'names[${#names[@]}-1]'
    while IFS= read -r -d '' f; do
      rel="${f#"$w3c/"}"
      cp "$f" "$seeds/${rel//\//_}"
    done < <(find "$w3c/${spec[0]}" -type f \( "${names[@]}" \) -print0)
    echo "fuzz: $t: $(find "$seeds" -type f | wc -l) seed files from $w3c/${spec[0]}"
  else
    echo "fuzz: $t: $w3c/${spec[0]} not found: no W3C seeds (set SEXTANT_SHARED_DIR), fuzzing from the regression inputs only"
  fi
}

# Runs one target for $seconds; its exit code goes to fuzz-work/<target>.rc.
run_target() {
  local t="$1" rc=0
  # Without -max_len libFuzzer grows inputs to the largest seed (100 KB of Turtle), which slows
  # every target tenfold; longer inputs are truncated when loaded.
  "$build/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len="${FUZZ_MAX_LEN:-16384}" \
    -dict="$(dict_for "$t")" -artifact_prefix="$build/fuzz-work/findings/$t/" -print_final_stats=1 \
    "$build/fuzz-work/corpus/$t" "$build/fuzz-work/seeds/$t" "$repo/tests/fuzz/regressions/$t" \
    >"$build/fuzz-work/$t.log" 2>&1 || rc=$?
  echo "$rc" >"$build/fuzz-work/$t.rc"
}

# One target per core at a time: each still gets its full $seconds.
parallel="${FUZZ_PARALLEL:-$(nproc)}"
for t in "${targets[@]}"; do
  prepare "$t"
  echo "fuzz: running $t for ${seconds}s"
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n || true; done
  run_target "$t" &
done
wait

failed=()
for t in "${targets[@]}"; do
  log="$build/fuzz-work/$t.log"
  findings="$build/fuzz-work/findings/$t"
  rc=$(cat "$build/fuzz-work/$t.rc" 2>/dev/null || echo 1)
  # A target that crashes while loading its corpus prints no coverage line.
  summary=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$log" | tail -1 |
    sed -E 's/^(#[0-9]+)[^c]*(cov: [0-9]+ ft: [0-9]+).*$/\1 \2/' || true)
  execs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log")
  rate=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$log")
  echo "fuzz: $t: exit $rc, ${execs:-?} executions, ${rate:-?}/s, ${summary:-no coverage line} (log: $log)"
  if [ "$rc" -ne 0 ]; then
    failed+=("$t")
    grep -E '^(==[0-9]+==ERROR|SUMMARY|sextant fuzz invariant|.*runtime error)' "$log" | head -5 || true
    for f in "$findings"/*; do
      [ -e "$f" ] || continue
      cat <<MSG
fuzz: $t: reproducer $f
  replay:    $build/tests/fuzz/$t $f
  minimize:  $build/tests/fuzz/$t -minimize_crash=1 -runs=20000 -exact_artifact_path=$f.min $f
  keep it:   copy the (minimized) input to tests/fuzz/regressions/$t/<what-it-is>, fix the bug;
             fuzz_replay_tests then replays it in every ctest run.
MSG
    done
  fi
done

echo "fuzz: total $(( $(date +%s) - start ))s"
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: no findings"
