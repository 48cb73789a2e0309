#include "rules/rule_catalog.h"

#include <memory>

namespace sextant::rules::catalog {
namespace {
constexpr std::string_view kUser = "rules/user/";
constexpr std::string_view kSet = "rules/set/";
}  // namespace

std::string UserKey(const std::string& name) {
  return std::string(kUser) + name;
}
std::string SetKey(const std::string& set) {
  return std::string(kSet) + set;
}

std::vector<RuleSource> Sources(const MetaEntries& entries) {
  std::vector<RuleSource> out;
  for (const auto& set : BuiltinSetNames()) {
    bool enabled = false;
    for (const auto& [k, v] : entries) enabled = enabled || k == SetKey(set);
    for (auto r : BuiltinSet(set)) {
      r.enabled = enabled;
      out.push_back(std::move(r));
    }
  }
  for (const auto& [k, v] : entries) {
    if (k.rfind(kUser, 0) != 0 || v.empty()) continue;
    out.push_back({k.substr(kUser.size()), "user", v.substr(1), v[0] == '1'});
  }
  return out;
}

bool Stale(const MetaEntries& entries) {
  for (const auto& [k, v] : entries) {
    if (k == kStaleKey) return true;
  }
  return false;
}

Result<MetaEntries> Read(const storage::Store& store) {
  MetaEntries out;
  std::unique_ptr<rocksdb::Iterator> it(store.db()->NewIterator({}, store.meta()));
  const std::string prefix(kPrefix);
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    out.emplace_back(it->key().ToString(), it->value().ToString());
  }
  if (!it->status().ok()) return storage::FromRocks(it->status(), "reading rules");
  return out;
}

Result<MetaEntries> Read(storage::WriteTxn* txn) {
  return txn->ScanMeta(std::string(kPrefix));
}

Status MarkStale(storage::Store* store) {
  rocksdb::WriteOptions wo = store->write_options();
  wo.sync = true;
  return storage::FromRocks(store->db()->Put(wo, store->meta(), std::string(kStaleKey), ""),
                            "marking derived facts stale");
}

}  // namespace sextant::rules::catalog
