#!/bin/sh
# Installs the build into a temporary prefix, then builds and runs the examples against that
# prefix only (CMake package for C++, pkg-config for C, PYTHONPATH for Python): what a user
# of `cmake --install` gets, with nothing from the build tree.
# usage: check_installed_package.sh BUILD_DIR SOURCE_DIR LIBDIR [PYTHON PYTHON_DIR]
set -eu
build=$1 src=$2 libdir=$3 python=${4:-} pydir=${5:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
data=$src/datasets/csto-kazakhstan/csto-kazakhstan.trig

fail() { echo "FAIL: $*" >&2; exit 1; }
expect() {  # expect FILE TEXT: the output must contain TEXT
  grep -qF -- "$2" "$1" || { cat "$1" >&2; fail "$1 lacks '$2'"; }
}

cmake --install "$build" --prefix "$prefix" >/dev/null
for f in include/sextant/sextant.h include/sextant/database.h "$libdir/libsextant.so.0" bin/sextant \
         "$libdir/cmake/Sextant/SextantConfig.cmake" "$libdir/cmake/Sextant/SextantConfigVersion.cmake" \
         "$libdir/pkgconfig/sextant.pc"; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done

# The private dependencies stay private: not in the headers, not among the exported symbols.
if grep -rEn '#include *<(rocksdb|antlr4|serd|boost)' "$prefix/include"; then fail "a public header needs a private dependency"; fi
nm -D --defined-only "$prefix/$libdir/libsextant.so" > "$work/exports"
expect "$work/exports" sextant_open
if grep -Ei 'rocksdb|antlr|serd|boost' "$work/exports"; then fail "libsextant exports private symbols"; fi
# Only what the public headers mark SEXTANT_API: the C API and functions of the public sextant::
# namespace, never an internal one (sextant::rdf::, sextant::storage::, ...).
nm -DC --defined-only "$prefix/$libdir/libsextant.so" | sed 's/^[0-9a-f]* [A-Za-z] //; s/@.*$//' > "$work/exports.cpp"
expect "$work/exports.cpp" "sextant::Database::Open("
expect "$work/exports.cpp" "sextant::MakeQuadWriter("
expect "$work/exports.cpp" "sextant::MakeResultWriter("
if grep -Ev '^(sextant_[a-z0-9_]+|sextant::[A-Z][A-Za-z0-9_]*(::[A-Za-z~][A-Za-z0-9_]*)?(\[abi:cxx11\])?\(.*|sextant::operator[^(]*\(.*|sextant::TermHash::operator\(\)\(.*)$' "$work/exports.cpp"; then
  fail "libsextant exports symbols outside the public API (mark public functions SEXTANT_API)"
fi
echo "exports: $(wc -l < "$work/exports") symbols"

# C++ and C examples through the CMake package.
cmake -S "$src/examples" -B "$work/build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/build" >/dev/null
ldd "$work/build/most_connected" | grep -F "$prefix/$libdir/libsextant.so.0" >/dev/null ||
  fail "most_connected does not use the installed library"

# The C example again through pkg-config.
export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
cc -std=c99 -Wall -Wextra -Werror -o "$work/entity_facts" "$src/examples/entity_facts.c" \
   $(pkg-config --cflags --libs sextant) -Wl,-rpath,"$(pkg-config --variable=libdir sextant)"

"$work/build/most_connected" "$work/cpp.db" "$data" 5 > "$work/cpp.out"
quads=$(sed -n 's/^  "quads": \([0-9]*\),$/\1/p' "$src/datasets/csto-kazakhstan/counts.json")
expect "$work/cpp.out" "loaded $quads statements"
[ "$(grep -c '^[0-9]' "$work/cpp.out")" -eq 5 ] || { cat "$work/cpp.out"; fail "most_connected: not 5 rows"; }
sed -n 2p "$work/cpp.out" | grep -qE '^[0-9]+	http://sextant.local/Kazakhstan	Kazakhstan$' ||
  { cat "$work/cpp.out"; fail "most_connected: Kazakhstan is not first"; }

"$work/entity_facts" "$work/c.db" "$data" http://sextant.local/Nazarbayev > "$work/c.out"
expect "$work/c.out" "-> <http://sextant.local/inOfficeUntil> \"2019-03-20\""
expect "$work/c.out" "<- <http://sextant.local/predecessor> <http://sextant.local/Tokayev>"
"$work/build/entity_facts" "$work/c2.db" "$data" http://sextant.local/Nazarbayev > "$work/c2.out"
cmp "$work/c.out" "$work/c2.out" >/dev/null || fail "the two builds of entity_facts disagree"

"$prefix/bin/sextant" query "$work/c.db" 'ASK { GRAPH ?g { :Tokayev :predecessor :Nazarbayev } }' --format tsv \
  > "$work/shell.out"
expect "$work/shell.out" "true"

if [ -n "$python" ]; then
  PYTHONPATH="$prefix/$pydir" "$python" "$src/examples/label_search.py" "$work/py.db" "$data" nazarb > "$work/py.out"
  expect "$work/py.out" "http://sextant.local/Nazarbayev	Nursultan Nazarbayev	Person"
fi
echo "installed package OK"
