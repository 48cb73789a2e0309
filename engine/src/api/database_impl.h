// The Database implementation behind the public interface; the query engine reaches the
// store through it.
#pragma once

#include <memory>
#include <string>

#include "sextant/database.h"
#include "storage/store.h"

namespace sextant {

class DatabaseImpl : public Database {
 public:
  explicit DatabaseImpl(std::unique_ptr<storage::Store> store) : store_(std::move(store)) {}

  const std::string& path() const override { return store_->path(); }
  std::unique_ptr<Snapshot> GetSnapshot() const override;
  Result<std::unique_ptr<Transaction>> BeginTransaction() override;
  Result<LoadStats> LoadFile(const std::string& path, const LoadOptions& options) override;
  Result<LoadStats> LoadString(std::string_view text, const LoadOptions& options) override;
  Status Dump(std::ostream& out, const DumpOptions& options) const override;
  Result<CheckReport> Check() const override;
  Result<std::unique_ptr<QueryCursor>> Query(std::string_view sparql, const QueryOptions& options) override;
  Result<std::unique_ptr<PreparedQuery>> Prepare(std::string_view sparql, const QueryOptions& options) override;
  Result<UpdateStats> Update(std::string_view sparql, const QueryOptions& options) override;

  storage::Store* store() const { return store_.get(); }

 private:
  Result<LoadStats> ReplaceGraph(std::string_view text, const LoadOptions& options);
  template <typename ParseFn>
  Result<LoadStats> Load(const LoadOptions& options, const std::string& source, ParseFn&& parse);

  std::unique_ptr<storage::Store> store_;
};

// Database::Open with a replacement RocksDB environment (fault-injection tests).
Result<std::unique_ptr<Database>> OpenDatabase(const std::string& path, const Options& options, rocksdb::Env* env);

}  // namespace sextant
