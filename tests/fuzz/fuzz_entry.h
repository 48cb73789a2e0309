// The bodies of the fuzz targets, shared by the libFuzzer binaries and the regression replay
// test, so that a regression input replays through exactly the code the fuzzer ran.
#pragma once

#include <span>
#include <string_view>

#include "sextant/status.h"

namespace sextant::fuzz {

// Returns OK or the error the input deserved. An entry reports a broken invariant (a wrong
// answer rather than a crash) as kInternal; callers treat that like a crash.
using EntryFn = Status (*)(std::string_view input);

struct Target {
  const char* name;  // also the folder of its inputs under regressions/
  EntryFn run;
};

std::span<const Target> Targets();
const Target* FindTarget(std::string_view name);
inline bool IsBug(const Status& status) {
  return status.code() == StatusCode::kInternal;
}

}  // namespace sextant::fuzz
