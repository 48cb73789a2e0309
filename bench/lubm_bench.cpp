// LUBM query benchmark: loads a LUBM file into a fresh store (or opens an existing one) and
// reports, per query file, the row count and the median of N warm runs.
// usage: lubm_bench (--data FILE.nt[.gz] | --db DIR) --queries DIR [--runs N] [--expect c1,c2,...]
//                   [--cache-mb N]  (block cache; the comparison with Virtuoso gives both 2 GiB)
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "sextant/database.h"
#include "sextant/memory.h"

namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Args {
  std::string data, db, queries, expect;
  int runs = 5;
  uint64_t cache_mb = 0;  // 0: the library's default block cache
};

bool Parse(int argc, char** argv, Args* a) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--data")
      a->data = v;
    else if (k == "--db")
      a->db = v;
    else if (k == "--queries")
      a->queries = v;
    else if (k == "--runs")
      a->runs = std::atoi(v.c_str());
    else if (k == "--expect")
      a->expect = v;
    else if (k == "--cache-mb")
      a->cache_mb = std::strtoull(v.c_str(), nullptr, 10);
    else
      return false;
  }
  return (!a->data.empty() || !a->db.empty()) && !a->queries.empty() && a->runs > 0;
}

}  // namespace

int main(int argc, char** argv) {
  sextant::RetainFreedMemory();  // as the sextant executable does
  Args args;
  if (!Parse(argc, argv, &args)) {
    std::cerr << "usage: lubm_bench (--data FILE | --db DIR) --queries DIR [--runs N] [--expect "
                 "c1,c2,...] [--cache-mb N]\n";
    return 2;
  }
  std::string dir = args.db;
  const bool temp = dir.empty();
  if (temp)
    dir = (fs::temp_directory_path() / ("sextant-lubm-" + std::to_string(::getpid()))).string();
  sextant::Options options;
  if (args.cache_mb > 0) {  // as `sextant --cache-mb` does
    options.block_cache_bytes = args.cache_mb << 20;
    options.range_cache_bytes = (args.cache_mb << 20) / 4;
  }
  auto db = sextant::Database::Open(dir, options);
  if (!db.ok()) {
    std::cerr << db.status().ToString() << "\n";
    return 1;
  }
  if (!args.data.empty()) {
    const auto start = std::chrono::steady_clock::now();
    auto stats = (*db)->LoadFile(args.data, {});
    if (!stats.ok()) {
      std::cerr << stats.status().ToString() << "\n";
      return 1;
    }
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("loaded %llu quads in %.2f s (%.0f quads/s)\n",
                static_cast<unsigned long long>(stats->quads_inserted), s,
                static_cast<double>(stats->quads_inserted) / s);
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(args.queries)) {
    if (e.path().extension() == ".rq") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<long> expected;
  for (std::stringstream ss(args.expect); ss.good();) {
    std::string n;
    std::getline(ss, n, ',');
    if (!n.empty()) expected.push_back(std::atol(n.c_str()));
  }
  std::printf("%-14s %10s %12s\n", "query", "rows", "median_ms");
  int mismatches = 0;
  double log_sum = 0;
  for (size_t qi = 0; qi < files.size(); ++qi) {
    const std::string text = ReadAll(files[qi]);
    std::vector<double> times;
    uint64_t rows = 0;
    for (int r = 0; r <= args.runs; ++r) {  // run 0 warms the caches
      const auto start = std::chrono::steady_clock::now();
      auto c = (*db)->Query(text);
      if (!c.ok()) {
        std::cerr << files[qi].filename() << ": " << c.status().ToString() << "\n";
        return 1;
      }
      rows = 0;
      while ((*c)->Next()) ++rows;
      if (!(*c)->status().ok()) {
        std::cerr << files[qi].filename() << ": " << (*c)->status().ToString() << "\n";
        return 1;
      }
      if (r > 0)
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::sort(times.begin(), times.end());
    const double median = times[times.size() / 2];
    log_sum += std::log(std::max(median, 0.001));
    const bool bad = qi < expected.size() && expected[qi] != static_cast<long>(rows);
    mismatches += bad;
    std::printf(
        "%-14s %10llu %12.2f%s\n", files[qi].stem().string().c_str(),
        static_cast<unsigned long long>(rows), median,
        (bad ? "  (expected " + std::to_string(expected[qi]) + ")" : std::string()).c_str());
  }
  std::printf("geometric mean: %.2f ms\n", std::exp(log_sum / static_cast<double>(files.size())));
  if (temp) fs::remove_all(dir);
  return mismatches == 0 ? 0 : 1;
}
