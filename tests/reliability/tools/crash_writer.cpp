// Commits workload transactions START, START+1, ... forever, printing each number only after
// its Commit() returned: the parent test kills it with SIGKILL at a random moment and then
// checks that every printed (acknowledged) transaction survived.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "workload.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: crash_writer DB START [sync]\n");
    return 2;
  }
  sextant::Options options;
  options.sync = argc > 3 && std::string(argv[3]) == "sync";
  auto db = sextant::Database::Open(argv[1], options);
  if (!db.ok()) {
    std::fprintf(stderr, "crash_writer: %s\n", db.status().ToString().c_str());
    return 1;
  }
  for (uint64_t n = std::strtoull(argv[2], nullptr, 10);; ++n) {
    const auto s = sextant::reliability::CommitTransaction(**db, n);
    if (!s.ok()) {
      std::fprintf(stderr, "crash_writer: transaction %llu: %s\n",
                   static_cast<unsigned long long>(n), s.ToString().c_str());
      return 1;
    }
    std::printf("%llu\n", static_cast<unsigned long long>(n));
    std::fflush(stdout);
  }
}
