// libFuzzer entry point; SEXTANT_FUZZ_TARGET (set per binary by CMake) picks the target.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sextant::fuzz::Target* const target = sextant::fuzz::FindTarget(SEXTANT_FUZZ_TARGET);
  if (target == nullptr) std::abort();
  const sextant::Status status = target->run({reinterpret_cast<const char*>(data), size});
  // A broken invariant is as much a finding as a crash: abort so libFuzzer saves the input.
  if (sextant::fuzz::IsBug(status)) {
    std::fprintf(stderr, "sextant fuzz invariant broken: %s\n", status.ToString().c_str());
    std::abort();
  }
  return 0;
}
