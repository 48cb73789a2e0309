// QueryCursor and PreparedQuery over the planner and operators.
#pragma once

#include <memory>
#include <string_view>

#include "api/snapshot_impl.h"
#include "grammar/ast.h"
#include "sextant/query.h"

namespace sextant {

// Parses a query or update request with the predeclared prefixes.
Result<std::shared_ptr<const ast::Statement>> ParseStatement(std::string_view text,
                                                             const QueryOptions& options);
Result<std::shared_ptr<const ast::Statement>> ParseQueryText(std::string_view text,
                                                             const QueryOptions& options);

Result<std::unique_ptr<QueryCursor>> ExecuteQuery(
    std::shared_ptr<const ast::Statement> statement, std::shared_ptr<SnapshotState> snapshot,
    const QueryOptions& options, const std::vector<std::pair<std::string, Term>>& bindings);

// A cursor with no rows whose Explain() is `text` (EXPLAIN WHY).
std::unique_ptr<QueryCursor> MakeExplanationCursor(std::string text);

class PreparedQueryImpl : public PreparedQuery {
 public:
  PreparedQueryImpl(const storage::Store* store, std::shared_ptr<const ast::Statement> statement,
                    QueryOptions options, std::string text)
      : store_(store),
        statement_(std::move(statement)),
        options_(std::move(options)),
        text_(std::move(text)) {}
  Status Bind(const std::string& name, const Term& value) override;
  void ClearBindings() override { bindings_.clear(); }
  Result<std::unique_ptr<QueryCursor>> Execute() override;

 private:
  const storage::Store* store_;
  std::shared_ptr<const ast::Statement> statement_;
  QueryOptions options_;
  std::string text_;  // to reject names the query never mentions
  std::vector<std::pair<std::string, Term>> bindings_;
};

}  // namespace sextant
