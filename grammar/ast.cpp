// Debug printer of the AST (S-expressions) and the small Expr constructors.
#include "grammar/ast.h"

#include <string_view>

namespace sextant::ast {

Expr Expr::Var(std::string name, SourcePos pos) {
  Expr e;
  e.kind = ExprKind::kVariable;
  e.var = std::move(name);
  e.pos = pos;
  return e;
}

Expr Expr::Constant(Term t, SourcePos pos) {
  Expr e;
  e.kind = ExprKind::kTerm;
  e.term = std::move(t);
  e.pos = pos;
  return e;
}

Expr Expr::Op(ExprKind kind, std::vector<Expr> args, SourcePos pos) {
  Expr e;
  e.kind = kind;
  e.args = std::move(args);
  e.pos = pos;
  return e;
}

const char* AggregateName(Aggregate a) {
  static const char* const kNames[] = {"COUNT", "SUM",    "MIN",         "MAX",
                                       "AVG",   "SAMPLE", "GROUP_CONCAT"};
  return kNames[static_cast<int>(a)];
}

std::string ToString(const Term& t) {
  if (t.is_literal() && t.language().empty()) {
    std::string nt = Term::Literal(t.value()).ToNTriples();  // escaped "lexical"
    if (t.datatype() == vocab::kXsdString) return nt;
    std::string_view dt = t.datatype();
    if (dt.starts_with(vocab::kXsd)) {
      return nt + "^^xsd:" + std::string(dt.substr(vocab::kXsd.size()));
    }
    return nt + "^^<" + t.datatype() + ">";
  }
  if (t.is_default_graph()) return "DEFAULT";
  return t.ToNTriples();
}

std::string ToString(const VarOrTerm& v) {
  if (const auto* var = std::get_if<Variable>(&v)) return "?" + var->name;
  if (const auto* tt = std::get_if<TripleTermRef>(&v)) {
    return "<<( " + ToString((*tt)->subject) + " " + ToString((*tt)->predicate) + " " +
           ToString((*tt)->object) + " )>>";
  }
  return ToString(std::get<Term>(v));
}

std::optional<Term> GroundTerm(const VarOrTerm& v) {
  if (const auto* t = std::get_if<Term>(&v)) {
    if (t->is_blank()) return std::nullopt;
    return *t;
  }
  const auto* tt = std::get_if<TripleTermRef>(&v);
  if (tt == nullptr) return std::nullopt;
  auto s = GroundTerm((*tt)->subject);
  auto p = GroundTerm((*tt)->predicate);
  auto o = GroundTerm((*tt)->object);
  if (!s || !p || !o) return std::nullopt;
  return Term::Triple(std::move(*s), std::move(*p), std::move(*o));
}

namespace {

std::string Join(const std::vector<Expr>& args) {
  std::string out;
  for (const Expr& a : args) out += " " + ToString(a);
  return out;
}

const char* OpName(ExprKind k) {
  switch (k) {
    case ExprKind::kOr: return "||";
    case ExprKind::kAnd: return "&&";
    case ExprKind::kEqual: return "=";
    case ExprKind::kNotEqual: return "!=";
    case ExprKind::kLess: return "<";
    case ExprKind::kGreater: return ">";
    case ExprKind::kLessEqual: return "<=";
    case ExprKind::kGreaterEqual: return ">=";
    case ExprKind::kAdd: return "+";
    case ExprKind::kSubtract: return "-";
    case ExprKind::kMultiply: return "*";
    case ExprKind::kDivide: return "/";
    case ExprKind::kNot: return "!";
    case ExprKind::kUnaryPlus: return "plus";
    case ExprKind::kUnaryMinus: return "minus";
    case ExprKind::kIn: return "in";
    case ExprKind::kNotIn: return "notin";
    default: return "?";
  }
}

std::string Iri(const std::string& iri) {
  return "<" + iri + ">";
}

std::string ValuesToString(const ValuesBlock& v) {
  std::string out = "(values (";
  for (size_t i = 0; i < v.vars.size(); ++i) out += (i ? " ?" : "?") + v.vars[i];
  out += ")";
  for (const auto& row : v.rows) {
    out += " (";
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += " ";
      out += row[i] ? ToString(*row[i]) : "UNDEF";
    }
    out += ")";
  }
  return out + ")";
}

std::string TriplesToString(const char* head, const std::vector<TriplePattern>& ts) {
  std::string out = std::string("(") + head;
  for (const auto& t : ts) out += " " + ToString(t);
  return out + ")";
}

std::string QuadsToString(const char* head, const std::vector<QuadPattern>& qs) {
  std::string out = std::string("(") + head;
  for (const auto& q : qs) {
    if (q.graph) {
      out += " (graph " + ToString(*q.graph) + " " + ToString(q.triple) + ")";
    } else {
      out += " " + ToString(q.triple);
    }
  }
  return out + ")";
}

std::string TargetToString(const GraphTarget& t) {
  switch (t.kind) {
    case GraphTargetKind::kGraph: return Iri(t.iri);
    case GraphTargetKind::kDefault: return "DEFAULT";
    case GraphTargetKind::kNamed: return "NAMED";
    case GraphTargetKind::kAll: return "ALL";
  }
  return "?";
}

}  // namespace

std::string ToString(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kVariable: return "?" + e.var;
    case ExprKind::kTerm: return ToString(e.term);
    case ExprKind::kBuiltin: return std::string("(") + BuiltinName(e.builtin) + Join(e.args) + ")";
    case ExprKind::kFunctionCall:
      return "(" + Iri(e.iri) + (e.distinct ? " distinct" : "") + Join(e.args) + ")";
    case ExprKind::kAggregate: {
      std::string out = std::string("(") + AggregateName(e.aggregate);
      if (e.distinct) out += " distinct";
      out += e.args.empty() ? " *" : Join(e.args);
      if (e.separator) out += " separator=" + Term::Literal(*e.separator).ToNTriples();
      return out + ")";
    }
    case ExprKind::kExists: return "(exists " + ToString(*e.pattern) + ")";
    case ExprKind::kNotExists: return "(notexists " + ToString(*e.pattern) + ")";
    default: return std::string("(") + OpName(e.kind) + Join(e.args) + ")";
  }
}

std::string ToString(const Path& p) {
  auto nary = [&](const char* head) {
    std::string out = std::string("(") + head;
    for (const Path& a : p.args) out += " " + ToString(a);
    return out + ")";
  };
  switch (p.kind) {
    case PathKind::kIri: return Iri(p.iri);
    case PathKind::kInverse: return nary("inv");
    case PathKind::kSequence: return nary("seq");
    case PathKind::kAlternative: return nary("alt");
    case PathKind::kZeroOrMore: return nary("*");
    case PathKind::kOneOrMore: return nary("+");
    case PathKind::kZeroOrOne: return nary("?");
    case PathKind::kNegated: {
      std::string out = "(not";
      for (const auto& i : p.forward) out += " " + Iri(i);
      for (const auto& i : p.inverse) out += " ^" + Iri(i);
      return out + ")";
    }
  }
  return "?";
}

std::string ToString(const TriplePattern& t) {
  std::string pred;
  if (const auto* v = std::get_if<Variable>(&t.predicate)) {
    pred = "?" + v->name;
  } else if (const auto* term = std::get_if<Term>(&t.predicate)) {
    pred = ToString(*term);
  } else {
    pred = ToString(std::get<Path>(t.predicate));
  }
  return "(" + ToString(t.subject) + " " + pred + " " + ToString(t.object) + ")";
}

std::string ToString(const PatternElement& e) {
  switch (e.kind) {
    case ElementKind::kTriples: return TriplesToString("bgp", e.triples);
    case ElementKind::kGroup: return ToString(e.groups[0]);
    case ElementKind::kOptional: return "(optional " + ToString(e.groups[0]) + ")";
    case ElementKind::kMinus: return "(minus " + ToString(e.groups[0]) + ")";
    case ElementKind::kUnion: {
      std::string out = "(union";
      for (const auto& g : e.groups) out += " " + ToString(g);
      return out + ")";
    }
    case ElementKind::kFilter: return "(filter " + ToString(e.expr) + ")";
    case ElementKind::kBind: return "(bind " + ToString(e.expr) + " ?" + e.var + ")";
    case ElementKind::kGraph:
      return "(graph " + ToString(e.name) + " " + ToString(e.groups[0]) + ")";
    case ElementKind::kService:
      return std::string("(service ") + (e.silent ? "silent " : "") + ToString(e.name) + " " +
             ToString(e.groups[0]) + ")";
    case ElementKind::kValues: return ValuesToString(e.values);
    case ElementKind::kSubQuery: return "(subquery " + ToString(*e.subquery) + ")";
  }
  return "?";
}

std::string ToString(const GroupPattern& g) {
  std::string out = "(group";
  for (const auto& e : g.elements) out += " " + ToString(e);
  return out + ")";
}

std::string ToString(const Query& q) {
  static const char* const kForms[] = {"select", "construct", "ask", "describe"};
  std::string out = std::string("(") + kForms[static_cast<int>(q.form)];
  if (q.distinct) out += " distinct";
  if (q.reduced) out += " reduced";
  if (q.form == QueryForm::kSelect) {
    if (q.select_all) {
      out += " *";
    } else {
      out += " (";
      for (size_t i = 0; i < q.projection.size(); ++i) {
        const SelectItem& it = q.projection[i];
        if (i) out += " ";
        out += it.expr ? "(as " + ToString(*it.expr) + " ?" + it.var + ")" : "?" + it.var;
      }
      out += ")";
    }
  }
  if (q.form == QueryForm::kConstruct) {
    out += " " + TriplesToString("template", q.construct_template);
  }
  if (q.form == QueryForm::kDescribe) {
    if (q.select_all) {
      out += " *";
    } else {
      out += " (";
      for (size_t i = 0; i < q.describe.size(); ++i) {
        out += (i ? " " : "") + ToString(q.describe[i]);
      }
      out += ")";
    }
  }
  for (const auto& g : q.from) out += " (from " + Iri(g) + ")";
  for (const auto& g : q.from_named) out += " (from-named " + Iri(g) + ")";
  if (q.where) out += " (where " + ToString(*q.where) + ")";
  if (!q.group_by.empty()) {
    out += " (group-by";
    for (const auto& c : q.group_by) {
      out += c.as ? " (as " + ToString(c.expr) + " ?" + *c.as + ")" : " " + ToString(c.expr);
    }
    out += ")";
  }
  if (!q.having.empty()) out += " (having" + Join(q.having) + ")";
  if (!q.order_by.empty()) {
    out += " (order-by";
    for (const auto& c : q.order_by) {
      out += std::string(c.descending ? " (desc " : " (asc ") + ToString(c.expr) + ")";
    }
    out += ")";
  }
  if (q.limit) out += " (limit " + std::to_string(*q.limit) + ")";
  if (q.offset) out += " (offset " + std::to_string(*q.offset) + ")";
  if (q.values) out += " " + ValuesToString(*q.values);
  return out + ")";
}

std::string ToString(const UpdateOperation& op) {
  static const char* const kKinds[] = {
      "insert-data", "delete-data", "delete-where", "modify", "load", "clear",    "drop",
      "create",      "add",         "move",         "copy",   "rule", "drop-rule"};
  std::string out = std::string("(") + kKinds[static_cast<int>(op.kind)];
  if (op.silent) out += " silent";
  switch (op.kind) {
    case UpdateKind::kInsertData: return out + " " + QuadsToString("quads", op.insert_quads) + ")";
    case UpdateKind::kDeleteData:
    case UpdateKind::kDeleteWhere: return out + " " + QuadsToString("quads", op.delete_quads) + ")";
    case UpdateKind::kModify:
      if (op.with) out += " (with " + Iri(*op.with) + ")";
      if (!op.delete_quads.empty()) out += " " + QuadsToString("delete", op.delete_quads);
      if (!op.insert_quads.empty()) out += " " + QuadsToString("insert", op.insert_quads);
      for (const auto& g : op.using_graphs) out += " (using " + Iri(g) + ")";
      for (const auto& g : op.using_named) out += " (using-named " + Iri(g) + ")";
      return out + " (where " + ToString(*op.where) + "))";
    case UpdateKind::kLoad:
      out += " " + Iri(op.source);
      if (op.target) out += " (into " + TargetToString(*op.target) + ")";
      return out + ")";
    case UpdateKind::kClear:
    case UpdateKind::kDrop:
    case UpdateKind::kCreate: return out + " " + TargetToString(*op.target) + ")";
    case UpdateKind::kAdd:
    case UpdateKind::kMove:
    case UpdateKind::kCopy:
      return out + " " + TargetToString(op.from) + " " + TargetToString(*op.target) + ")";
    case UpdateKind::kRule:
      return out + " " + op.rule_name + " " + QuadsToString("head", op.insert_quads) + " (where " +
             ToString(*op.where) + "))";
    case UpdateKind::kDropRule: return out + " " + op.rule_name + ")";
  }
  return out + ")";
}

std::string ToString(const Update& u) {
  std::string out = "(update";
  for (const auto& op : u.operations) out += " " + ToString(op);
  return out + ")";
}

std::string ToString(const Statement& s) {
  if (s.explain_why) {
    std::string out = "(explain-why";
    for (const auto& t : s.why) out += " " + ToString(t);
    return out + ")";
  }
  std::string body = s.is_query() ? ToString(s.query()) : ToString(s.update());
  if (!s.explain) return body;
  return std::string("(explain ") + (s.analyze ? "analyze " : "") + body + ")";
}

}  // namespace sextant::ast
