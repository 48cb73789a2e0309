// SHACL property paths (sh:path) to SPARQL paths, and back to SPARQL text.
#include "shacl/shape.h"
#include "shacl/vocabulary.h"

namespace sextant::shacl {
namespace {

constexpr int kMaxPathDepth = 64;

Status BadPath(const Term& node, const std::string& why) {
  return Status::InvalidArgument("sh:path " + DisplayTerm(node) +
                                 " is not a well-formed SHACL path: " + why);
}

bool IsAtom(const ast::Path& p) {
  return p.kind == ast::PathKind::kIri;
}

// Writes a path in SHACL's RDF form with fresh blank nodes.
class PathRdfWriter {
 public:
  PathRdfWriter(std::string tag, std::vector<Quad>* out) : tag_(std::move(tag)), out_(out) {}

  Term Write(const ast::Path& p) {
    if (p.kind == ast::PathKind::kIri) return Term::Iri(p.iri);
    if (p.kind == ast::PathKind::kSequence) return List(p.args);
    const char* local = "zeroOrOnePath";
    switch (p.kind) {
      case ast::PathKind::kAlternative: local = "alternativePath"; break;
      case ast::PathKind::kInverse: local = "inversePath"; break;
      case ast::PathKind::kZeroOrMore: local = "zeroOrMorePath"; break;
      case ast::PathKind::kOneOrMore: local = "oneOrMorePath"; break;
      default: break;
    }
    Term node = Fresh();
    const Term value = p.kind == ast::PathKind::kAlternative ? List(p.args) : Write(p.args[0]);
    Add(node, vocab::Sh(local), value);
    return node;
  }

 private:
  Term Fresh() { return Term::Blank(tag_ + std::to_string(next_++)); }
  void Add(const Term& s, const std::string& p, const Term& o) {
    out_->push_back({s, Term::Iri(p), o, Term::DefaultGraph()});
  }
  Term List(const std::vector<ast::Path>& members) {
    std::vector<Term> items;
    items.reserve(members.size());
    for (const auto& m : members) items.push_back(Write(m));
    Term next = Term::Iri(std::string(vocab::kRdfNil));
    for (auto it = items.rbegin(); it != items.rend(); ++it) {
      const Term cell = Fresh();
      Add(cell, std::string(vocab::kRdfFirst), *it);
      Add(cell, std::string(vocab::kRdfRest), next);
      next = cell;
    }
    return next;
  }

  std::string tag_;
  std::vector<Quad>* out_;
  int next_ = 0;
};

}  // namespace

Result<ast::Path> ReadPath(const ShapesGraph& graph, const Term& node, int depth) {
  if (depth > kMaxPathDepth) return BadPath(node, "nested too deeply");
  ast::Path out;
  if (node.is_iri()) {
    out.kind = ast::PathKind::kIri;
    out.iri = node.value();
    return out;
  }
  if (!node.is_blank()) return BadPath(node, "a literal");
  auto read_members = [&](const Term& list, ast::PathKind kind) -> Result<ast::Path> {
    SEXTANT_ASSIGN_OR_RETURN(auto members, graph.List(list));
    if (members.size() < 2) return BadPath(node, "a sequence or alternative needs two members");
    ast::Path p;
    p.kind = kind;
    for (const Term& m : members) {
      SEXTANT_ASSIGN_OR_RETURN(ast::Path step, ReadPath(graph, m, depth + 1));
      p.args.push_back(std::move(step));
    }
    return p;
  };
  if (graph.Object(node, vocab::kRdfFirst)) return read_members(node, ast::PathKind::kSequence);
  const std::pair<const char*, ast::PathKind> unary[] = {
      {"inversePath", ast::PathKind::kInverse},
      {"zeroOrMorePath", ast::PathKind::kZeroOrMore},
      {"oneOrMorePath", ast::PathKind::kOneOrMore},
      {"zeroOrOnePath", ast::PathKind::kZeroOrOne},
  };
  if (auto alt = graph.Object(node, vocab::Sh("alternativePath"))) {
    return read_members(*alt, ast::PathKind::kAlternative);
  }
  for (const auto& [local, kind] : unary) {
    auto inner = graph.Objects(node, vocab::Sh(local));
    if (inner.empty()) continue;
    if (inner.size() > 1) return BadPath(node, std::string("more than one sh:") + local);
    SEXTANT_ASSIGN_OR_RETURN(ast::Path arg, ReadPath(graph, inner[0], depth + 1));
    out.kind = kind;
    out.args.push_back(std::move(arg));
    return out;
  }
  return BadPath(node,
                 "a blank node that is no list, sh:alternativePath, sh:inversePath, "
                 "sh:zeroOrMorePath, sh:oneOrMorePath or sh:zeroOrOnePath");
}

Term PathToRdf(const ast::Path& path, const std::string& tag, std::vector<Quad>* out) {
  return PathRdfWriter(tag, out).Write(path);
}

std::string PathToSparql(const ast::Path& path) {
  auto wrapped = [](const ast::Path& p) {
    return IsAtom(p) ? PathToSparql(p) : "(" + PathToSparql(p) + ")";
  };
  auto joined = [&](const char* sep) {
    std::string out;
    for (size_t i = 0; i < path.args.size(); ++i) {
      if (i > 0) out += sep;
      out += wrapped(path.args[i]);
    }
    return out;
  };
  switch (path.kind) {
    case ast::PathKind::kIri: return "<" + path.iri + ">";
    case ast::PathKind::kInverse: return "^" + wrapped(path.args[0]);
    case ast::PathKind::kSequence: return joined("/");
    case ast::PathKind::kAlternative: return joined("|");
    case ast::PathKind::kZeroOrMore: return wrapped(path.args[0]) + "*";
    case ast::PathKind::kOneOrMore: return wrapped(path.args[0]) + "+";
    case ast::PathKind::kZeroOrOne: return wrapped(path.args[0]) + "?";
    case ast::PathKind::kNegated: break;  // SHACL has no negated paths
  }
  return "";
}

}  // namespace sextant::shacl
