#include <algorithm>

#include "query/bgp.h"
#include "query/text_pattern.h"

namespace sextant::query {

PatternTerm PatternTermOf(const ast::VarOrTerm& v, VarTable& vars, QueryContext* qc,
                          std::vector<TripleTermBinding>* triple_terms) {
  PatternTerm out;
  if (const auto* var = std::get_if<ast::Variable>(&v)) {
    out.slot = vars.Slot(var->name);
    return out;
  }
  if (const auto* tt = std::get_if<ast::TripleTermRef>(&v)) {
    if (auto ground = ast::GroundTerm(v)) {
      out.constant = qc->terms.Intern(*ground);
      return out;
    }
    out.slot = vars.Hidden(tt->get());
    const bool known = std::any_of(triple_terms->begin(), triple_terms->end(),
                                   [&](const TripleTermBinding& b) { return b.slot == out.slot; });
    if (known) return out;  // one triple term shared by an annotation's reifiers
    TripleTermBinding binding;
    binding.slot = out.slot;
    binding.text = ast::ToString(v);
    binding.parts[0] = PatternTermOf((*tt)->subject, vars, qc, triple_terms);
    binding.parts[1] = PatternTermOf((*tt)->predicate, vars, qc, triple_terms);
    binding.parts[2] = PatternTermOf((*tt)->object, vars, qc, triple_terms);
    triple_terms->push_back(std::move(binding));
    return out;
  }
  const Term& t = std::get<Term>(v);
  if (t.is_blank()) {
    // Blank nodes in patterns behave as variables that cannot be projected.
    out.slot = vars.Slot("_:" + t.value());
    return out;
  }
  out.constant = qc->terms.Intern(t);
  return out;
}

namespace {

// The id of an IRI in a pattern; kNoId when the store lacks it (nothing matches).
TermId StoredIri(QueryContext* qc, const Term& iri) {
  auto id = qc->terms.LookupStored(iri);
  return id.ok() ? *id : kNoId;
}

class PathRewriter {
 public:
  PathRewriter(VarTable& vars, QueryContext* qc, Bgp* out) : vars_(vars), qc_(qc), out_(out) {}

  void Expand(PatternTerm s, const ast::Path& path, PatternTerm o) {
    if (out_->items.size() > kMaxGroupItems) return;  // the planner refuses the group
    switch (path.kind) {
      case ast::PathKind::kIri: {
        BgpItem item;
        item.terms[0] = s;
        item.terms[1].constant = StoredIri(qc_, Term::Iri(path.iri));
        item.terms[2] = o;
        item.text = "<" + path.iri + ">";
        out_->items.push_back(item);
        return;
      }
      case ast::PathKind::kInverse:
        if (path.args[0].kind == ast::PathKind::kIri) {
          Expand(o, path.args[0], s);
          return;
        }
        break;
      case ast::PathKind::kSequence: ExpandSequence(s, path, o); return;
      case ast::PathKind::kAlternative:
        if (ExpandAlternative(s, path, o)) return;
        break;
      default: break;
    }
    BgpItem item;
    item.terms[0] = s;
    item.terms[2] = o;
    item.path = &path;
    item.text = ast::ToString(path);
    out_->items.push_back(item);
  }

 private:
  void ExpandSequence(PatternTerm s, const ast::Path& path, PatternTerm o) {
    PatternTerm from = s;
    for (size_t i = 0; i < path.args.size(); ++i) {
      if (out_->items.size() > kMaxGroupItems) return;  // the planner refuses the group
      PatternTerm to = o;
      if (i + 1 < path.args.size()) {
        to.slot = vars_.Hidden(&path, static_cast<int>(i));
        to.constant = kNoId;
      }
      Expand(from, path.args[i], to);
      from = to;
    }
  }

  // (p1|p2|...) of plain IRIs: one pattern with a hidden predicate variable that a VALUES list
  // restricts. Same multiset as the spec's union, but it is an ordinary pattern the join order
  // and index choice handle (the path operator took 84 us a row for LUBM Q2's
  // memberOf|worksFor|headOf with both ends bound). False for other alternatives.
  bool ExpandAlternative(PatternTerm s, const ast::Path& path, PatternTerm o) {
    const bool all_iris = std::all_of(path.args.begin(), path.args.end(), [](const ast::Path& a) {
      return a.kind == ast::PathKind::kIri;
    });
    if (!all_iris) return false;
    BgpItem pattern;
    pattern.terms[0] = s;
    pattern.terms[1].slot = vars_.Hidden(&path, 0);
    pattern.terms[2] = o;
    pattern.text = "?p " + ast::ToString(path);
    ast::ValuesBlock& block = out_->path_values.emplace_back();
    for (const auto& a : path.args) block.rows.push_back({Term::Iri(a.iri)});
    BgpItem restriction;
    restriction.values = &block;
    restriction.value_slots.push_back(pattern.terms[1].slot);
    restriction.text = "VALUES ?p " + ast::ToString(path);
    out_->items.push_back(pattern);
    out_->items.push_back(std::move(restriction));
    return true;
  }

  VarTable& vars_;
  QueryContext* qc_;
  Bgp* out_;
};

}  // namespace

Status RewriteBgp(const std::vector<const ast::TriplePattern*>& triples,
                  const std::vector<const ast::ValuesBlock*>& values, VarTable& vars,
                  QueryContext* qc, Bgp* out) {
  PathRewriter rewriter(vars, qc, out);
  for (const ast::TriplePattern* tp : triples) {
    const ast::TriplePattern& t = *tp;
    if (IsTextSearchPattern(t)) {
      SEXTANT_RETURN_IF_ERROR(AddTextSearch(t, vars, qc, out));
      continue;
    }
    if (IsTextSearchExtra(t)) {
      TakeTextSearchExtraSlots(t, vars, qc, out);
      continue;
    }
    // Slots in reading order (subject, predicate, object): SELECT * lists them that way.
    const PatternTerm s = PatternTermOf(t.subject, vars, qc, &out->triple_terms);
    const auto* pred_var = std::get_if<ast::Variable>(&t.predicate);
    const int pred_slot = pred_var != nullptr ? vars.Slot(pred_var->name) : -1;
    const PatternTerm o = PatternTermOf(t.object, vars, qc, &out->triple_terms);
    const auto* pred_term = std::get_if<Term>(&t.predicate);
    if (pred_var == nullptr && pred_term == nullptr) {
      rewriter.Expand(s, std::get<ast::Path>(t.predicate), o);
      continue;
    }
    BgpItem item;
    item.terms[0] = s;
    if (pred_var != nullptr) {
      item.terms[1].slot = pred_slot;
    } else {
      item.terms[1].constant = StoredIri(qc, *pred_term);
    }
    item.terms[2] = o;
    item.text = ast::ToString(t);
    item.delta = qc->delta_pattern == tp;
    out->items.push_back(item);
  }
  SEXTANT_RETURN_IF_ERROR(AttachTextSearchExtras(triples, vars, qc, out));
  for (const ast::ValuesBlock* v : values) {
    BgpItem item;
    item.values = v;
    for (const auto& name : v->vars) item.value_slots.push_back(vars.Slot(name));
    item.text = "VALUES (" + std::to_string(v->rows.size()) + " rows)";
    out->items.push_back(std::move(item));
  }
  return Status::OK();
}

}  // namespace sextant::query
