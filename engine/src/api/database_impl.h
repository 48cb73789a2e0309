// The Database implementation behind the public interface; the query engine reaches the
// store through it.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "api/statement_cache.h"
#include "grammar/ast.h"
#include "rules/rule_engine.h"
#include "sextant/database.h"
#include "shacl/shape_enforcer.h"
#include "storage/store.h"

namespace sextant {

class DatabaseImpl : public Database {
 public:
  explicit DatabaseImpl(std::unique_ptr<storage::Store> store);
  ~DatabaseImpl() override;
  // Reads the stored rules and shapes; their commit hooks are installed already (after
  // construction: may write).
  Status OpenRules();

  const std::string& path() const override { return store_->path(); }
  std::unique_ptr<Snapshot> GetSnapshot() const override;
  Result<std::unique_ptr<Transaction>> BeginTransaction() override;
  Result<LoadStats> LoadFile(const std::string& path, const LoadOptions& options) override;
  Result<LoadStats> LoadString(std::string_view text, const LoadOptions& options) override;
  Status Dump(std::ostream& out, const DumpOptions& options) const override;
  Result<CheckReport> Check() const override;
  Status Close() override { return store_->Close(); }
  Result<std::unique_ptr<QueryCursor>> Query(std::string_view sparql,
                                             const QueryOptions& options) override;
  Result<std::unique_ptr<PreparedQuery>> Prepare(std::string_view sparql,
                                                 const QueryOptions& options) override;
  Result<UpdateStats> Update(std::string_view sparql, const QueryOptions& options) override;
  Result<std::vector<RuleInfo>> ListRules() override;
  Status AddRules(std::string_view text, const std::string& source_name) override;
  Status DropRule(const std::string& name) override;
  Status EnableRules(const std::string& name) override;
  Status DisableRules(const std::string& name) override;
  Result<Explanation> ExplainWhy(const Term& subject, const Term& predicate,
                                 const Term& object) override;
  Result<std::vector<SearchHit>> Search(std::string_view text,
                                        const SearchOptions& options) const override;
  Result<TextIndexSettings> GetTextIndexSettings() const override;
  Status ConfigureTextIndex(const TextIndexSettings& settings) override;
  Status RebuildTextIndex() override;
  Result<ValidationReport> Validate(std::string_view shapes,
                                    const ValidateOptions& options) override;
  Result<ValidationReport> ValidateEnforced(const ValidateOptions& options) override;
  Status EnforceShapes(std::string_view shapes, const ValidateOptions& options) override;
  Status DropShapes(const std::string& shape) override;
  Result<std::vector<ShapeInfo>> ListShapes() override;

  storage::Store* store() const { return store_.get(); }
  // Recomputes the derived graph from scratch (tests compare it with incremental maintenance).
  Status RecomputeDerived() { return rules_->Rematerialize(); }

 private:
  Result<LoadStats> ReplaceGraph(std::string_view text, const LoadOptions& options);
  template <typename ParseFn>
  Result<LoadStats> Load(const LoadOptions& options, const std::string& source, ParseFn&& parse);
  // A load as one write transaction (the commit hooks see it, so enforced shapes can refuse
  // it whole): used while shapes are enforced and for loads that bring shapes.
  template <typename ParseFn>
  Result<LoadStats> LoadInTransaction(const LoadOptions& options, const std::string& source,
                                      ParseFn&& parse);
  Result<ValidationReport> ValidateShapes(std::shared_ptr<const shacl::ShapeSet> shapes,
                                          const ValidateOptions& options);

  Result<std::unique_ptr<QueryCursor>> ExplainStatement(const ast::Statement& statement);
  // The parsed query for a text, from statements_ or the parser.
  Result<std::shared_ptr<const ast::Statement>> ParsedQuery(std::string_view sparql,
                                                            const QueryOptions& options);
  Status ChangeRules(const std::function<Status(storage::WriteTxn*)>& stage);

  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<rules::RuleEngine> rules_;
  std::unique_ptr<shacl::ShapeEnforcer> shapes_;
  StatementCache statements_;
};

// A prefix for the blank node labels of one load: labels from different loads never collide.
std::string BlankPrefixForLoad();

// Database::Open with a replacement RocksDB environment (fault-injection tests).
Result<std::unique_ptr<Database>> OpenDatabase(const std::string& path, const Options& options,
                                               rocksdb::Env* env);

}  // namespace sextant
