// Parser benchmark: our Turtle-family reader beside serd 0.30 on the same files in the same run
// (runs alternate, medians reported), with the ratio ours / serd. serd's side is serd alone
// with a callback that only counts: no UTF-8 validation, no prefixed-name expansion, no
// blank-node relabelling, all of which ours does, so the ratio leans in serd's favour.
// The statement counts must agree, or the run fails.
// usage: parse_bench [--runs N] [--only ours|serd] FILE...   (.nt .nq .ttl .trig, by extension)
// --only times one side (for a profiler) and prints no ratio.
#include <serd/serd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "rdf/parser.h"
#include "sextant/rdf_format.h"

namespace {

using Clock = std::chrono::steady_clock;

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Seconds for our reader, and the statements it read.
double TimeOurs(const std::string& path, sextant::RdfFormat format, uint64_t* statements) {
  sextant::rdf::ParseOptions options;
  options.format = format;
  uint64_t n = 0;
  const auto start = Clock::now();
  auto parsed = sextant::rdf::ParseFile(
      path, options,
      [&n](const sextant::rdf::QuadView&) {
        ++n;
        return sextant::Status::OK();
      },
      nullptr);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!parsed.ok()) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(), parsed.status().ToString().c_str());
    std::exit(1);
  }
  *statements = n;
  return seconds;
}

double TimeSerd(const std::string& path, sextant::RdfFormat format, uint64_t* statements) {
  static constexpr SerdSyntax kSyntax[] = {SERD_NTRIPLES, SERD_NQUADS, SERD_TURTLE, SERD_TRIG};
  uint64_t n = 0;
  auto on_statement = [](void* handle, SerdStatementFlags, const SerdNode*, const SerdNode*,
                         const SerdNode*, const SerdNode*, const SerdNode*, const SerdNode*) {
    ++*static_cast<uint64_t*>(handle);
    return SERD_SUCCESS;
  };
  const auto start = Clock::now();
  SerdReader* reader = serd_reader_new(kSyntax[static_cast<int>(format)], &n, nullptr, nullptr,
                                       nullptr, on_statement, nullptr);
  serd_reader_set_strict(reader, true);
  const SerdStatus status =
      serd_reader_read_file(reader, reinterpret_cast<const uint8_t*>(path.c_str()));
  serd_reader_free(reader);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (status > SERD_FAILURE) {
    std::fprintf(stderr, "%s: serd failed (status %d)\n", path.c_str(), static_cast<int>(status));
    std::exit(1);
  }
  *statements = n;
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 3;
  std::string only;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--only" && i + 1 < argc) {
      only = argv[++i];
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: parse_bench [--runs N] [--only ours|serd] FILE...\n");
    return 2;
  }
  std::printf("%-24s %12s %9s %9s %11s %11s\n", "file", "statements", "ours_s", "serd_s",
              "ours/serd", "ours_st/s");
  for (const std::string& path : files) {
    const auto format = sextant::RdfFormatFromPath(path);
    if (!format || *format == sextant::RdfFormat::kRdfXml) {
      std::fprintf(stderr, "%s: not N-Triples, N-Quads, Turtle or TriG\n", path.c_str());
      return 2;
    }
    std::vector<double> ours, serd;
    uint64_t ours_n = 0, serd_n = 0;
    for (int r = 0; r < runs; ++r) {
      if (only != "serd") ours.push_back(TimeOurs(path, *format, &ours_n));
      if (only != "ours") serd.push_back(TimeSerd(path, *format, &serd_n));
    }
    if (!only.empty()) {
      const bool mine = only == "ours";
      std::printf("%-24s %12llu %9.3f\n", path.c_str(),
                  static_cast<unsigned long long>(mine ? ours_n : serd_n),
                  Median(mine ? ours : serd));
      continue;
    }
    if (ours_n != serd_n) {
      std::fprintf(stderr, "%s: we read %llu statements, serd %llu\n", path.c_str(),
                   static_cast<unsigned long long>(ours_n),
                   static_cast<unsigned long long>(serd_n));
      return 1;
    }
    const double o = Median(ours), s = Median(serd);
    const std::string name = path.substr(path.find_last_of('/') + 1);
    std::printf("%-24s %12llu %9.3f %9.3f %11.2f %11.0f\n", name.c_str(),
                static_cast<unsigned long long>(ours_n), o, s, o / s,
                static_cast<double>(ours_n) / o);
  }
  return 0;
}
