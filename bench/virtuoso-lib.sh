# shellcheck shell=bash disable=SC2154
# Sourced (not run) by the scripts that compare Sextant with Virtuoso 7.2 (Debian
# virtuoso-opensource): a work directory removed on exit with the servers started, free
# loopback ports, waiting for an HTTP endpoint, the median of a column, and a private Virtuoso
# server. The sourcing script sets `here` (the repository) and `buffers` (8 KiB pages of
# Virtuoso's buffer pool) first; KEEP=1 keeps the work directory.

command -v curl >/dev/null || "$here/scripts/install-deps.sh" curl
command -v virtuoso-t >/dev/null || "$here/scripts/install-deps.sh" virtuoso-opensource
virtuoso_template=/etc/virtuoso-opensource-7/virtuoso.ini
[ -f "$virtuoso_template" ] || {
  echo "virtuoso-opensource installed but $virtuoso_template missing" >&2
  exit 1
}

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then echo "work directory kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() {  # url, seconds
  for ((i = 0; i < $2 * 10; i++)); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "no answer from $1 after $2 s" >&2
  return 1
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Starts Virtuoso with its database in $work/vdb, on loopback ports only, without plugins, with
# no limit on result rows or query time; returns once it answers isql. Sets vport (isql) and
# hport (HTTP, SPARQL at /sparql).
virtuoso_start() {
  vport=$(free_port)
  hport=$(free_port)
  mkdir -p "$work/vdb"
  sed -e "s|/var/lib/virtuoso-opensource-7/db/|$work/vdb/|g" \
      -e "s|^ServerPort *= *1111|ServerPort = 127.0.0.1:$vport|" \
      -e "s|^ServerPort *= *8890|ServerPort = 127.0.0.1:$hport|" \
      -e "s|^DirsAllowed .*|DirsAllowed = ., $work, /usr/share/virtuoso-opensource-7/vad|" \
      -e "s|^NumberOfBuffers .*|NumberOfBuffers = $buffers|" \
      -e "s|^MaxDirtyBuffers .*|MaxDirtyBuffers = $((buffers * 3 / 4))|" \
      -e "s|^ResultSetMaxRows .*|ResultSetMaxRows = 100000000|" \
      -e "s|^MaxQueryExecutionTime .*|MaxQueryExecutionTime = 0|" \
      -e "s|^DefaultHost .*|DefaultHost = 127.0.0.1:$hport|" \
      -e "/^Load[0-9]/d" "$virtuoso_template" >"$work/virtuoso.ini"
  (cd "$work/vdb" && exec virtuoso-t -f -c "$work/virtuoso.ini" >"$work/virtuoso.out" 2>&1) &
  pids+=($!)
  for ((i = 0; i < 600; i++)); do isql exec="select 1;" >/dev/null 2>&1 && break; sleep 0.2; done
  isql exec="select 1;" >/dev/null || { cat "$work/virtuoso.out" >&2; exit 1; }
}
isql() { isql-vt "127.0.0.1:$vport" dba dba "$@"; }
