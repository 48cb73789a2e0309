// Update benchmark: N single-fact INSERT DATA requests (each its own transaction), then a
// DELETE WHERE that removes every quad of the busiest predicate of a LUBM file, then one that
// removes all the rest (over a million quads for LUBM(10)).
// usage: update_bench --data FILE.nt[.gz] [--inserts N]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "sextant/database.h"

int main(int argc, char** argv) {
  std::string data;
  long inserts = 100000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--data")
      data = argv[i + 1];
    else if (k == "--inserts")
      inserts = std::atol(argv[i + 1]);
  }
  if (data.empty()) {
    std::cerr << "usage: update_bench --data FILE [--inserts N]\n";
    return 2;
  }
  namespace fs = std::filesystem;
  const auto dir =
      fs::temp_directory_path() / ("sextant-update-bench-" + std::to_string(::getpid()));
  auto db = sextant::Database::Open(dir.string());
  if (!db.ok()) {
    std::cerr << db.status().ToString() << "\n";
    return 1;
  }
  auto loaded = (*db)->LoadFile(data, {});
  if (!loaded.ok()) {
    std::cerr << loaded.status().ToString() << "\n";
    return 1;
  }
  std::printf("loaded %llu quads\n", static_cast<unsigned long long>(loaded->quads_inserted));
  std::fflush(stdout);

  auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < inserts; ++i) {
    auto r = (*db)->Update("INSERT DATA { <http://sextant.local/e" + std::to_string(i) +
                           "> <http://sextant.local/value> " + std::to_string(i) + " }");
    if (!r.ok()) {
      std::cerr << r.status().ToString() << "\n";
      return 1;
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%ld INSERT DATA requests: %.2f s, %.0f requests/s\n", inserts, secs,
              static_cast<double>(inserts) / secs);

  // The predicate with the most quads (ub:takesCourse has ~1/4 of LUBM).
  auto stats = (*db)->GetSnapshot()->Stats();
  if (!stats.ok()) return 1;
  sextant::PredicateStats top;
  for (const auto& p : stats->predicates) {
    if (p.triples > top.triples) top = p;
  }
  start = std::chrono::steady_clock::now();
  auto del = (*db)->Update("DELETE WHERE { ?s " + top.predicate.ToNTriples() + " ?o }");
  secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!del.ok()) {
    std::cerr << del.status().ToString() << "\n";
    return 1;
  }
  std::printf("DELETE WHERE { ?s %s ?o }: %llu quads deleted in %.2f s (%.0f quads/s)\n",
              top.predicate.ToNTriples().c_str(), static_cast<unsigned long long>(del->deleted),
              secs, static_cast<double>(del->deleted) / secs);
  // Then everything that is left (about 1.1 million quads of LUBM(10)) in one request.
  start = std::chrono::steady_clock::now();
  auto all = (*db)->Update("DELETE WHERE { ?s ?p ?o }");
  secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!all.ok()) {
    std::cerr << all.status().ToString() << "\n";
    return 1;
  }
  std::printf("DELETE WHERE { ?s ?p ?o }: %llu quads deleted in %.2f s (%.0f quads/s)\n",
              static_cast<unsigned long long>(all->deleted), secs,
              static_cast<double>(all->deleted) / secs);
  fs::remove_all(dir);
  return 0;
}
