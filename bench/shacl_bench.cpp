// SHACL benchmark on LUBM(N) with bench/lubm/univ-bench-shapes.ttl (ten targeted shapes):
//  1. validating the whole store, beside a full scan of it (COUNT of every triple) measured in
//     the same run as the baseline;
//  2. what enforcing the shapes adds to a commit of about 1,000 quads: two stores loaded alike,
//     one enforcing the shapes, get the same commits in alternation (new students inserted,
//     phone numbers changed, both undone; fresh terms every round), so that both have the same
//     history (an LSM store slows down on keys written and deleted over and over, and a store
//     measured after the other would pay for more of that); medians of --runs rounds, of the
//     elapsed time and of the committing thread's CPU time (which a loaded machine inflates less);
//  3. loading LUBM(1) into a store that enforces the shapes, beside the bulk load into a plain one.
// usage: shacl_bench --lubm DIR [--scale N] [--shapes FILE] [--runs N] [--only commits]
// (--only commits: part 2 alone, e.g. to profile the commits with many --runs)
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "sextant/database.h"

namespace {

using sextant::Quad;
using sextant::Term;

double Ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
      .count();
}

void Check(const sextant::Status& s, const char* what) {
  if (s.ok()) return;
  std::cerr << what << ": " << s.ToString() << "\n";
  std::exit(1);
}

long PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

const std::string kUb = "http://www.lehigh.edu/~zhp2/2004/0401/univ-bench.owl#";

Term Ub(const std::string& local) {
  return Term::Iri(kUb + local);
}

Quad Q(const std::string& s, const Term& p, Term o) {
  return {Term::Iri(s), p, std::move(o), Term::DefaultGraph()};
}

// About `n` quads of new, conforming undergraduate students (six quads each), named for the
// round.
std::vector<Quad> NewStudents(size_t n, int round) {
  std::vector<Quad> out;
  const std::string dept = "http://www.Department0.University0.edu";
  const Term type = Term::Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  for (size_t i = 0; out.size() < n; ++i) {
    const std::string id = std::to_string(round) + "_" + std::to_string(i);
    const std::string s = dept + "/BenchStudent" + id;
    out.push_back(Q(s, type, Ub("UndergraduateStudent")));
    out.push_back(Q(s, Ub("name"), Term::Literal("BenchStudent" + id)));
    out.push_back(Q(s, Ub("emailAddress"), Term::Literal("bench" + id + "@x.edu")));
    out.push_back(Q(s, Ub("telephone"), Term::Literal("555-" + id)));
    out.push_back(Q(s, Ub("memberOf"), Term::Iri(dept)));
    out.push_back(Q(s, Ub("takesCourse"), Term::Iri(dept + "/Course" + std::to_string(i % 50))));
  }
  return out;
}

// The first `n / 2` phone number quads of the store.
std::vector<Quad> Phones(sextant::Database& db, size_t n) {
  std::vector<Quad> out;
  sextant::QuadPattern p;
  p.predicate = Ub("telephone");
  for (auto it = db.Match(p); it->Valid() && out.size() < n / 2; it->Next()) {
    out.push_back(it->quad());
  }
  return out;
}

// The same people with new phone numbers, named for the round.
std::vector<Quad> NewPhones(const std::vector<Quad>& phones, int round) {
  std::vector<Quad> out = phones;
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].object = Term::Literal("555-" + std::to_string(round) + "-" + std::to_string(i));
  }
  return out;
}

// The CPU time of the calling thread, in ms. A commit runs in the thread that commits (the
// enforced shapes' validation included), so this part of its cost does not grow with the load
// of the machine the way its elapsed time does.
double ThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

struct CommitTime {
  double wall = 0, cpu = 0;
};

CommitTime Commit(sextant::Database& db, const std::vector<Quad>& remove,
                  const std::vector<Quad>& insert) {
  auto txn = db.BeginTransaction();
  Check(txn.status(), "begin");
  for (const Quad& q : remove) Check((*txn)->Remove(q), "remove");
  for (const Quad& q : insert) Check((*txn)->Insert(q), "insert");
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = ThreadCpuMs();
  Check((*txn)->Commit(), "commit");
  return {Ms(start), ThreadCpuMs() - cpu_start};
}

struct CommitTimes {
  std::vector<double> insert, change, insert_cpu, change_cpu;
};

// One round on one store: insert the students, change the phones, undo both; the commits'
// times.
void Round(sextant::Database& db, int round, const std::vector<Quad>& phones, CommitTimes* times) {
  const std::vector<Quad> students = NewStudents(1000, round);
  const std::vector<Quad> new_phones = NewPhones(phones, round);
  const CommitTime inserted = Commit(db, {}, students);
  times->insert.push_back(inserted.wall);
  times->insert_cpu.push_back(inserted.cpu);
  Commit(db, students, {});
  const CommitTime changed = Commit(db, phones, new_phones);
  times->change.push_back(changed.wall);
  times->change_cpu.push_back(changed.cpu);
  Commit(db, new_phones, phones);
}

}  // namespace

int main(int argc, char** argv) {
  std::string lubm;
  std::string shapes_file = std::string(SEXTANT_BENCH_SOURCE_DIR) + "/lubm/univ-bench-shapes.ttl";
  int scale = 10, runs = 5;
  bool commits_only = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--lubm") {
      lubm = argv[i + 1];
    } else if (k == "--scale") {
      scale = std::atoi(argv[i + 1]);
    } else if (k == "--shapes") {
      shapes_file = argv[i + 1];
    } else if (k == "--runs") {
      runs = std::max(1, std::atoi(argv[i + 1]));
    } else if (k == "--only") {
      commits_only = std::string(argv[i + 1]) == "commits";
    }
  }
  if (lubm.empty()) {
    std::cerr << "usage: shacl_bench --lubm DIR [--scale N] [--shapes FILE] [--runs N] "
                 "[--only commits]\n";
    return 2;
  }
  std::ifstream in(shapes_file);
  std::stringstream text;
  text << in.rdbuf();
  const std::string shapes = text.str();
  if (shapes.empty()) {
    std::cerr << "cannot read " << shapes_file << "\n";
    return 2;
  }

  namespace fs = std::filesystem;
  const auto dir =
      fs::temp_directory_path() / ("sextant-shacl-bench-" + std::to_string(::getpid()));
  const std::string data = lubm + "/lubm" + std::to_string(scale) + ".nt.gz";
  // Two stores with the same data: `db` stays plain, `enforced_db` gets the shapes in part 2.
  std::unique_ptr<sextant::Database> stores[2];
  uint64_t quads = 0;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 2; ++i) {
    auto opened = sextant::Database::Open(dir.string() + "-" + std::to_string(i));
    Check(opened.status(), "open");
    stores[i] = std::move(*opened);
    if (i == 0) start = std::chrono::steady_clock::now();
    Check(stores[i]->LoadFile(data, {}).status(), data.c_str());
    if (i == 0) {
      auto n = stores[i]->Count({});
      Check(n.status(), "count");
      quads = *n;
      std::printf("LUBM(%d): %llu quads loaded in %.1f s\n", scale,
                  static_cast<unsigned long long>(quads), Ms(start) / 1000);
    }
  }
  auto& db = *stores[0];
  auto& enforced_db = *stores[1];

  // 1. Whole-store validation against a full scan.
  std::vector<double> scan, validate;
  sextant::ValidationReport report;
  for (int r = 0; r < (commits_only ? 0 : runs); ++r) {
    start = std::chrono::steady_clock::now();
    auto cursor = db.Query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
    Check(cursor.status(), "scan");
    while ((*cursor)->Next()) {
    }
    Check((*cursor)->status(), "scan");
    scan.push_back(Ms(start));
    sextant::ValidateOptions options;
    options.source_name = shapes_file;
    start = std::chrono::steady_clock::now();
    auto validated = db.Validate(shapes, options);
    Check(validated.status(), "validate");
    validate.push_back(Ms(start));
    report = std::move(*validated);
  }
  if (!commits_only) {
    std::printf("validate all: %.0f ms (median of %d), %llu focus nodes, %zu results%s\n",
                Median(validate), runs, static_cast<unsigned long long>(report.focus_nodes),
                report.results.size() + report.results_omitted,
                report.conforms ? ", conforms" : "");
    std::printf("full scan (baseline, same run): %.0f ms; validation = %.1fx a full scan\n",
                Median(scan), Median(validate) / Median(scan));
    if (!report.conforms) std::cout << sextant::FormatValidationTable(report);
  }

  // 2. Commit cost with and without the enforced shapes, on the two stores in alternation.
  start = std::chrono::steady_clock::now();
  Check(enforced_db.EnforceShapes(shapes, {}), "enforce");
  std::printf("enforcing the shapes (validates the whole store in the commit): %.0f ms\n",
              Ms(start));
  const std::vector<Quad> phones = Phones(db, 1000);
  CommitTimes plain, enforced;
  for (int r = 0; r <= runs; ++r) {  // round 0 warms up
    Round(db, r, phones, &plain);
    Round(enforced_db, r, phones, &enforced);
  }
  for (CommitTimes* t : {&plain, &enforced}) {
    for (auto* v : {&t->insert, &t->change, &t->insert_cpu, &t->change_cpu}) v->erase(v->begin());
  }
  const double ins_plain = Median(plain.insert), ins_enf = Median(enforced.insert);
  const double chg_plain = Median(plain.change), chg_enf = Median(enforced.change);
  std::printf("commit of %zu new quads (students): %.1f ms plain, %.1f ms enforced: +%.1f ms\n",
              NewStudents(1000, 0).size(), ins_plain, ins_enf, ins_enf - ins_plain);
  std::printf("commit of %zu changed quads (phones): %.1f ms plain, %.1f ms enforced: +%.1f ms\n",
              2 * phones.size(), chg_plain, chg_enf, chg_enf - chg_plain);
  std::printf(
      "CPU time of the committing thread: new quads %.1f ms plain, %.1f ms enforced: +%.1f ms; "
      "changed quads %.1f ms plain, %.1f ms enforced: +%.1f ms\n",
      Median(plain.insert_cpu), Median(enforced.insert_cpu),
      Median(enforced.insert_cpu) - Median(plain.insert_cpu), Median(plain.change_cpu),
      Median(enforced.change_cpu), Median(enforced.change_cpu) - Median(plain.change_cpu));
  for (int i = 0; i < 2; ++i) {
    stores[i].reset();
    fs::remove_all(dir.string() + "-" + std::to_string(i));
  }

  // 3. A whole load into a store that enforces the shapes (one transaction, validated) beside the
  // same load into a plain store (the bulk loader).
  const std::string small = lubm + "/lubm1.nt.gz";
  double load_ms[2] = {0, 0};
  for (int enforcing = 0; enforcing < (commits_only ? 0 : 2); ++enforcing) {
    const auto path = dir.string() + "-load" + std::to_string(enforcing);
    auto store = sextant::Database::Open(path);
    Check(store.status(), "open");
    if (enforcing) Check((*store)->EnforceShapes(shapes, {}), "enforce");
    start = std::chrono::steady_clock::now();
    Check((*store)->LoadFile(small, {}).status(), small.c_str());
    load_ms[enforcing] = Ms(start);
    store->reset();
    fs::remove_all(path);
  }
  if (!commits_only) {
    std::printf(
        "loading LUBM(1): %.0f ms plain (bulk), %.0f ms into a store enforcing the shapes "
        "(%.1fx)\n",
        load_ms[0], load_ms[1], load_ms[1] / load_ms[0]);
  }
  std::printf("peak RSS %ld MB\n", PeakRssMb());
  return report.conforms ? 0 : 1;
}
