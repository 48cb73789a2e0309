// What the stored-term check (storage::CheckStorable) costs a load. Per run, in alternation:
// the check over every quad of the file, held in memory so parsing is not timed (what checking
// each quad a load admits would add), and the bulk load of the file into a fresh store with the
// check on the terms new to the store (as the public load paths do) and without it. Medians.
// usage: term_check_bench --data FILE.nt[.gz] [--runs N]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "rdf/parser.h"
#include "sextant/database.h"
#include "storage/quad_loader.h"
#include "storage/store.h"
#include "storage/term_check.h"

namespace {

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

using NewTerms = sextant::storage::QuadLoader::NewTerms;

// Parses and bulk-loads `file` into a fresh store at `dir` as Database::LoadFile does, with or
// without the check of new terms.
sextant::Status BulkLoad(const std::string& dir, const std::string& file, NewTerms terms) {
  SEXTANT_ASSIGN_OR_RETURN(auto store, sextant::storage::Store::Open(dir, {}));
  SEXTANT_ASSIGN_OR_RETURN(auto loader,
                           sextant::storage::QuadLoader::Begin(store.get(), {}, terms));
  sextant::rdf::ParseOptions po;
  po.format = sextant::RdfFormat::kNTriples;
  po.blank_prefix = "b_";
  SEXTANT_RETURN_IF_ERROR(sextant::rdf::ParseFile(
                              file, po,
                              [&](const sextant::rdf::QuadView& q) { return loader->Add(q); },
                              [](const sextant::LoadDiagnostic&) {})
                              .status());
  return loader->Finish().status();
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string data;
  int runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--data") {
      data = argv[i + 1];
    } else if (k == "--runs") {
      runs = std::max(1, std::atoi(argv[i + 1]));
    }
  }
  if (data.empty()) {
    std::cerr << "usage: term_check_bench --data FILE [--runs N]\n";
    return 2;
  }
  sextant::rdf::ParseOptions po;
  po.format = sextant::RdfFormat::kNTriples;
  auto quads = sextant::rdf::ParseFileToQuads(data, po);
  if (!quads.ok()) {
    std::cerr << quads.status().ToString() << "\n";
    return 1;
  }
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / ("sextant-term-check-" + std::to_string(::getpid()));
  std::vector<double> check_s, checked_s, unchecked_s;
  for (int r = 0; r < runs; ++r) {
    auto start = std::chrono::steady_clock::now();
    size_t refused = 0;
    for (const sextant::Quad& q : *quads) {
      const sextant::rdf::QuadView v{
          sextant::rdf::TermView::Of(q.subject), sextant::rdf::TermView::Of(q.predicate),
          sextant::rdf::TermView::Of(q.object), sextant::rdf::TermView::Of(q.graph)};
      if (!sextant::storage::CheckStorable(v).ok()) ++refused;
    }
    check_s.push_back(SecondsSince(start));
    if (refused != 0) {
      std::cerr << refused << " quads of the file fail the check\n";
      return 1;
    }
    for (const auto terms : {NewTerms::kChecked, NewTerms::kAsGiven}) {
      fs::remove_all(dir);
      start = std::chrono::steady_clock::now();
      if (const sextant::Status st = BulkLoad(dir.string(), data, terms); !st.ok()) {
        std::cerr << st.ToString() << "\n";
        return 1;
      }
      (terms == NewTerms::kChecked ? checked_s : unchecked_s).push_back(SecondsSince(start));
    }
  }
  fs::remove_all(dir);
  const double check = Median(check_s), checked = Median(checked_s),
               unchecked = Median(unchecked_s);
  std::printf("%zu quads, %d runs, medians:\n", quads->size(), runs);
  std::printf("  check of every quad: %.3f s (%.0f ns/quad), %.1f%% of the unchecked load\n", check,
              check * 1e9 / static_cast<double>(quads->size()), 100.0 * check / unchecked);
  std::printf("  bulk load, new terms checked: %.3f s; unchecked: %.3f s; ratio %.3f\n", checked,
              unchecked, checked / unchecked);
  return 0;
}
