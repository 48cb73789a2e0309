#include "rules/rule_changes.h"

#include <algorithm>

#include "rules/rule_catalog.h"
#include "rules/rule_program.h"

namespace sextant::rules {
namespace {

bool IsBuiltinSet(const std::string& name) {
  const auto& sets = BuiltinSetNames();
  return std::find(sets.begin(), sets.end(), name) != sets.end();
}

bool IsBuiltinRule(const std::string& name) {
  for (const auto& set : BuiltinSetNames()) {
    for (const auto& r : BuiltinSet(set)) {
      if (r.name == name) return true;
    }
  }
  return false;
}

Result<std::string> KnownNames(storage::WriteTxn* txn) {
  std::string names;
  for (const auto& s : BuiltinSetNames()) names += (names.empty() ? "" : ", ") + s;
  SEXTANT_ASSIGN_OR_RETURN(auto entries, catalog::Read(txn));
  for (const auto& src : catalog::Sources(entries)) {
    if (src.origin == "user") names += ", " + src.name;
  }
  return names;
}

Status UnknownName(storage::WriteTxn* txn, const std::string& name) {
  SEXTANT_ASSIGN_OR_RETURN(std::string names, KnownNames(txn));
  return Status::NotFound("no rule or rule set named '" + name + "' (known: " + names + ")");
}

}  // namespace

Status StageAddRule(storage::WriteTxn* txn, const std::string& name, const std::string& text) {
  if (IsBuiltinSet(name) || IsBuiltinRule(name)) {
    return Status::InvalidArgument("rule name '" + name +
                                   "' is taken by a built-in rule or rule set");
  }
  SEXTANT_RETURN_IF_ERROR(CompileRule({name, "user", text, true}).status());
  SEXTANT_RETURN_IF_ERROR(txn->PutMeta(catalog::UserKey(name), "1" + text));
  txn->MarkRulesChanged();
  return Status::OK();
}

Status StageDropRule(storage::WriteTxn* txn, const std::string& name, bool silent) {
  SEXTANT_ASSIGN_OR_RETURN(auto existing, txn->GetMeta(catalog::UserKey(name)));
  if (!existing) {
    if (silent) return Status::OK();
    if (IsBuiltinSet(name) || IsBuiltinRule(name)) {
      return Status::InvalidArgument("'" + name +
                                     "' is built in: disable its set instead of dropping it");
    }
    return UnknownName(txn, name);
  }
  SEXTANT_RETURN_IF_ERROR(txn->DeleteMeta(catalog::UserKey(name)));
  txn->MarkRulesChanged();
  return Status::OK();
}

Status StageEnable(storage::WriteTxn* txn, const std::string& name, bool enabled) {
  if (IsBuiltinSet(name)) {
    SEXTANT_RETURN_IF_ERROR(enabled ? txn->PutMeta(catalog::SetKey(name), "")
                                    : txn->DeleteMeta(catalog::SetKey(name)));
    txn->MarkRulesChanged();
    return Status::OK();
  }
  SEXTANT_ASSIGN_OR_RETURN(auto existing, txn->GetMeta(catalog::UserKey(name)));
  if (!existing || existing->empty()) {
    if (IsBuiltinRule(name)) {
      return Status::InvalidArgument(
          "'" + name + "' is part of a built-in set: enable or disable the whole set");
    }
    return UnknownName(txn, name);
  }
  (*existing)[0] = enabled ? '1' : '0';
  SEXTANT_RETURN_IF_ERROR(txn->PutMeta(catalog::UserKey(name), *existing));
  txn->MarkRulesChanged();
  return Status::OK();
}

}  // namespace sextant::rules
