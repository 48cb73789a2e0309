// SHACL-SPARQL at validation time (SHACL 5 and 6): SELECT constraints give one result per
// solution, ASK validators one per value node they answer false for.
#include "shacl/prebinding.h"
#include "shacl/query_runner.h"
#include "shacl/validator.h"

namespace sextant::shacl {

using storage::kNoId;

namespace {

// A message template with {?name} / {$name} replaced by the bindings' values.
Term FillTemplate(const Term& message, const std::map<std::string, Term>& bindings) {
  std::string text = message.value();
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && (text[i + 1] == '?' || text[i + 1] == '$')) {
      const size_t end = text.find('}', i);
      if (end != std::string::npos) {
        auto it = bindings.find(text.substr(i + 2, end - i - 2));
        if (it != bindings.end()) {
          out += it->second.value();
          i = end;
          continue;
        }
      }
    }
    out += text[i];
  }
  if (!message.language().empty()) return Term::LangLiteral(out, message.language());
  return Term::Literal(out);
}

}  // namespace

Status Validator::EvaluateSparql(size_t shape, size_t constraint, TermId focus,
                                 const std::vector<TermId>& values, Sink* sink) {
  const Shape& s = shapes_->shapes[shape];
  const Constraint& c = shapes_->constraints[constraint];
  const SparqlCheck& check = *c.sparql;
  SEXTANT_ASSIGN_OR_RETURN(const Term* focus_ptr, qc_->terms.Decode(focus));
  const Term focus_term = *focus_ptr;
  std::map<std::string, Term> bindings{{"this", focus_term}, {"currentShape", s.node}};
  for (const auto& [name, term] : check.parameters) bindings[name] = term;
  // Blank nodes cannot be written into triple patterns: they are bound by a seed row instead.
  std::vector<std::pair<std::string, TermId>> seed;
  if (focus_term.is_blank()) seed.emplace_back("this", focus);

  auto messages = [&](const std::map<std::string, Term>& values_of) {
    std::vector<Term> out;
    for (const Term& m : check.messages) out.push_back(FillTemplate(m, values_of));
    return out;
  };
  auto add = [&](TermId value, TermId path, std::vector<Term> msgs) {
    RawResult r;
    r.focus = focus;
    r.shape = shape;
    r.constraint = constraint;
    r.value = value;
    r.sparql_path = path;
    r.messages = std::move(msgs);
    sink->Add(std::move(r));
  };

  if (check.ask) {
    for (TermId v : values) {
      if (sink->stop()) break;
      SEXTANT_ASSIGN_OR_RETURN(const Term* value_ptr, qc_->terms.Decode(v));
      std::map<std::string, Term> with_value = bindings;
      with_value["value"] = *value_ptr;
      auto value_seed = seed;
      if (value_ptr->is_blank()) value_seed.emplace_back("value", v);
      const ast::Query q = SubstituteVariables(*check.query, with_value);
      bool holds = false;
      SEXTANT_RETURN_IF_ERROR(
          RunQuery(qc_.get(), q, value_seed, [&](const query::PlannedQuery&, const TermId*) {
            holds = true;
            return false;
          }));
      if (!holds) add(v, kNoId, messages(with_value));
    }
    return Status::OK();
  }

  struct Solution {
    TermId value, path;
    std::map<std::string, Term> bindings;
    std::optional<Term> message;
  };
  std::vector<Solution> solutions;
  bool failure = false;
  Status decode_status;
  const ast::Query q = SubstituteVariables(*check.query, bindings);
  SEXTANT_RETURN_IF_ERROR(
      RunQuery(qc_.get(), q, seed, [&](const query::PlannedQuery& plan, const TermId* row) {
        Solution sol{RowValue(plan, row, "value"), RowValue(plan, row, "path"), bindings, {}};
        for (size_t i = 0; i < plan.projected.size(); ++i) {
          const TermId id = row[plan.projected_slots[i]];
          if (id == kNoId) continue;
          auto t = qc_->terms.Decode(id);
          if (!t.ok()) {
            decode_status = t.status();
            return false;
          }
          sol.bindings[plan.projected[i]] = **t;
        }
        if (auto it = sol.bindings.find("failure"); it != sol.bindings.end()) {
          failure |= it->second.value() == "true";
        }
        if (auto it = sol.bindings.find("message"); it != sol.bindings.end()) {
          sol.message = it->second;
        }
        solutions.push_back(std::move(sol));
        return true;
      }));
  SEXTANT_RETURN_IF_ERROR(decode_status);
  if (failure) {
    return Status::InvalidArgument(
        "the SPARQL constraint " + DisplayTerm(check.node) + " of shape " + DisplayTerm(s.node) +
        " reported a failure (?failure true) for " + DisplayTerm(focus_term));
  }
  for (Solution& sol : solutions) {
    if (sink->stop()) break;
    TermId value = sol.value;
    if (value == kNoId && !s.property) value = focus;
    std::vector<Term> msgs = sol.message ? std::vector<Term>{*sol.message} : messages(sol.bindings);
    add(value, sol.path, std::move(msgs));
  }
  return Status::OK();
}

}  // namespace sextant::shacl
