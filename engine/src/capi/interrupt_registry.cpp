#include <algorithm>

#include "capi/capi_internal.h"

namespace sextant::capi {

std::shared_ptr<std::atomic<bool>> InterruptRegistry::NewFlag() {
  auto flag = std::make_shared<std::atomic<bool>>(false);
  std::lock_guard lock(mu_);
  // Finished queries leave expired entries; dropping them here keeps the list as short as the
  // number of live queries.
  std::erase_if(flags_, [](const auto& weak) { return weak.expired(); });
  flags_.push_back(flag);
  return flag;
}

void InterruptRegistry::InterruptAll() {
  std::lock_guard lock(mu_);
  for (const auto& weak : flags_) {
    if (auto flag = weak.lock()) flag->store(true);
  }
}

QueryOptions OptionsFor(const sextant_db& db, std::shared_ptr<std::atomic<bool>>& flag) {
  flag = db.store->interrupts.NewFlag();
  QueryOptions options;
  options.timeout = std::chrono::milliseconds(db.timeout_ms.load());
  options.interrupt = flag.get();
  return options;
}

}  // namespace sextant::capi
