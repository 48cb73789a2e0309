// DatabaseImpl's rule management and EXPLAIN WHY (sextant/rules.h).
#include "api/database_impl.h"
#include "api/query_impl.h"
#include "api/update_impl.h"
#include "rules/explain_why.h"
#include "rules/rule_catalog.h"
#include "rules/rule_changes.h"
#include "storage/write_txn.h"

namespace sextant {

Result<std::vector<RuleInfo>> DatabaseImpl::ListRules() {
  SEXTANT_ASSIGN_OR_RETURN(auto entries, rules::catalog::Read(*store_));
  std::vector<RuleInfo> out;
  for (auto& s : rules::catalog::Sources(entries)) {
    out.push_back({s.name, s.origin, s.enabled, std::move(s.text)});
  }
  return out;
}

Status DatabaseImpl::ChangeRules(const std::function<Status(storage::WriteTxn*)>& stage) {
  SEXTANT_ASSIGN_OR_RETURN(auto txn, storage::WriteTxn::Begin(store_.get()));
  Status s = stage(txn.get());
  if (!s.ok()) {
    txn->Rollback();
    return s;
  }
  return txn->Commit();
}

// A rules file is an update request holding only RULE (and DROP RULE) statements; running it
// as one request makes the whole file one transaction.
Status DatabaseImpl::AddRules(std::string_view text, const std::string& source_name) {
  QueryOptions options;
  options.source_name = source_name;
  SEXTANT_ASSIGN_OR_RETURN(auto statement, ParseStatement(text, options));
  if (statement->is_query()) {
    return Status::InvalidArgument("a rules file holds RULE statements, not a query");
  }
  for (const auto& op : statement->update().operations) {
    if (op.kind != ast::UpdateKind::kRule && op.kind != ast::UpdateKind::kDropRule) {
      return Status::InvalidArgument(
          "a rules file holds only RULE and DROP RULE statements (line " +
          std::to_string(op.pos.line) + ")");
    }
  }
  return ExecuteUpdate(store_.get(), statement->update(), options).status();
}

Status DatabaseImpl::DropRule(const std::string& name) {
  return ChangeRules(
      [&](storage::WriteTxn* txn) { return rules::StageDropRule(txn, name, false); });
}

Status DatabaseImpl::EnableRules(const std::string& name) {
  return ChangeRules([&](storage::WriteTxn* txn) { return rules::StageEnable(txn, name, true); });
}

Status DatabaseImpl::DisableRules(const std::string& name) {
  return ChangeRules([&](storage::WriteTxn* txn) { return rules::StageEnable(txn, name, false); });
}

Result<Explanation> DatabaseImpl::ExplainWhy(const Term& subject, const Term& predicate,
                                             const Term& object) {
  auto program = rules_->program();
  return rules::Explain(store_.get(), program.get(), subject, predicate, object);
}

Result<std::unique_ptr<QueryCursor>> DatabaseImpl::ExplainStatement(
    const ast::Statement& statement) {
  std::string text;
  for (const auto& t : statement.why) {
    SEXTANT_ASSIGN_OR_RETURN(Explanation e,
                             ExplainWhy(std::get<Term>(t.subject), std::get<Term>(t.predicate),
                                        std::get<Term>(t.object)));
    text += FormatExplanation(e);
  }
  return MakeExplanationCursor(std::move(text));
}

}  // namespace sextant
