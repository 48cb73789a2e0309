// Rules benchmark on LUBM: full materialisation (rdfs + owl-rl-properties + bench/lubm/lubm.rules)
// with its time, added quads and peak RSS; then 1,000 deletes and 1,000 inserts of asserted
// facts, each as one transaction maintained incrementally, against a full recomputation
// measured in the same run (the baseline: the ratio is what to read, the machine may be shared).
// usage: rules_bench --lubm DIR [--scale N] [--changes N] [--rules FILE]
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>

#include "api/database_impl.h"
#include "api/query_impl.h"
#include "rules/rule_changes.h"
#include "sextant/database.h"
#include "storage/write_txn.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

long PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

int Check(const sextant::Status& s, const char* what) {
  if (s.ok()) return 0;
  std::cerr << what << ": " << s.ToString() << "\n";
  std::exit(1);
}

uint64_t DerivedQuads(sextant::Database& db) {
  sextant::QuadPattern p;
  p.graph = sextant::Term::Iri(std::string(sextant::kDerivedGraphIri));
  auto n = db.Count(p);
  Check(n.status(), "count");
  return *n;
}

}  // namespace

int main(int argc, char** argv) {
  std::string lubm, rules_file = std::string(SEXTANT_BENCH_SOURCE_DIR) + "/lubm/lubm.rules";
  int scale = 10;
  size_t changes = 1000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--lubm")
      lubm = argv[i + 1];
    else if (k == "--scale")
      scale = std::atoi(argv[i + 1]);
    else if (k == "--changes")
      changes = static_cast<size_t>(std::atol(argv[i + 1]));
    else if (k == "--rules")
      rules_file = argv[i + 1];
  }
  if (lubm.empty()) {
    std::cerr << "usage: rules_bench --lubm DIR [--scale N] [--changes N] [--rules FILE]\n";
    return 2;
  }
  namespace fs = std::filesystem;
  const auto dir =
      fs::temp_directory_path() / ("sextant-rules-bench-" + std::to_string(::getpid()));
  auto opened = sextant::Database::Open(dir.string());
  Check(opened.status(), "open");
  auto& db = **opened;
  const std::string data = lubm + "/lubm" + std::to_string(scale) + ".nt.gz";
  auto start = std::chrono::steady_clock::now();
  for (const std::string& f :
       {data, lubm + "/univ-bench-rdfs.ttl", lubm + "/univ-bench-owl-properties.ttl"}) {
    Check(db.LoadFile(f, {}).status(), f.c_str());
  }
  std::printf("LUBM(%d): loaded in %.1f s (no rules yet)\n", scale, Seconds(start));
  std::fflush(stdout);

  // Everything switched on in one transaction: one materialisation from nothing derived.
  std::ifstream in(rules_file);
  std::stringstream text;
  text << in.rdbuf();
  auto& impl = static_cast<sextant::DatabaseImpl&>(db);
  auto parsed = sextant::ParseStatement(text.str(), {});
  Check(parsed.status(), rules_file.c_str());
  start = std::chrono::steady_clock::now();
  {
    auto txn = sextant::storage::WriteTxn::Begin(impl.store());
    Check(txn.status(), "begin");
    Check(sextant::rules::StageEnable(txn->get(), "rdfs", true), "enable rdfs");
    Check(sextant::rules::StageEnable(txn->get(), "owl-rl-properties", true),
          "enable owl-rl-properties");
    for (const auto& op : (*parsed)->update().operations) {
      Check(sextant::rules::StageAddRule(txn->get(), op.rule_name, op.rule_text), "add rule");
    }
    Check((*txn)->Commit(), "materialise");
  }
  const double full = Seconds(start);
  const uint64_t derived = DerivedQuads(db);
  std::printf("full materialisation: %.2f s, %llu derived quads, peak RSS %ld MB\n", full,
              static_cast<unsigned long long>(derived), PeakRssMb());
  std::fflush(stdout);

  // Facts to change: a uniform sample of the asserted quads of the data file's graph.
  std::vector<sextant::Quad> sample;
  std::mt19937_64 rng(42);
  uint64_t seen = 0;
  sextant::QuadPattern all;
  all.graph = sextant::Term::DefaultGraph();
  for (auto it = db.Match(all); it->Valid(); it->Next()) {
    ++seen;
    if (sample.size() < changes) {
      sample.push_back(it->quad());
    } else if (rng() % seen < changes) {
      sample[rng() % changes] = it->quad();
    }
  }
  auto apply = [&](bool insert) {
    auto txn = db.BeginTransaction();
    Check(txn.status(), "begin");
    for (const auto& q : sample) Check(insert ? (*txn)->Insert(q) : (*txn)->Remove(q), "change");
    const auto t = std::chrono::steady_clock::now();
    Check((*txn)->Commit(), "commit");
    return Seconds(t);
  };
  const double del = apply(false);
  const uint64_t after_delete = DerivedQuads(db);
  const double ins = apply(true);
  const uint64_t after_insert = DerivedQuads(db);
  start = std::chrono::steady_clock::now();
  Check(static_cast<sextant::DatabaseImpl&>(db).RecomputeDerived(), "recompute");
  const double recompute = Seconds(start);
  std::printf("%zu deletes in one transaction: %.3f s (derived quads %llu -> %llu)\n",
              sample.size(), del, static_cast<unsigned long long>(derived),
              static_cast<unsigned long long>(after_delete));
  std::printf("%zu inserts in one transaction: %.3f s (derived quads back to %llu%s)\n",
              sample.size(), ins, static_cast<unsigned long long>(after_insert),
              after_insert == derived ? ", as before" : ", DIFFERS");
  std::printf(
      "full recomputation (baseline, same run): %.2f s; incremental delete %.1fx, insert %.1fx "
      "faster\n",
      recompute, recompute / del, recompute / ins);
  std::printf("peak RSS %ld MB\n", PeakRssMb());
  const bool agree = after_insert == derived && DerivedQuads(db) == derived;
  opened->reset();
  fs::remove_all(dir);
  return agree ? 0 : 1;
}
