// A ValidationReport as a table for people and as the standard RDF report (SHACL 3.6).
#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "query/functions.h"
#include "sextant/rdf_writer.h"
#include "sextant/shacl.h"
#include "shacl/shapes_graph.h"
#include "shacl/vocabulary.h"

namespace sextant {
namespace {

using Prefixes = std::vector<std::pair<std::string, std::string>>;

constexpr size_t kMaxCell = 60;

std::string Cut(const std::string& s) {
  if (query::Utf8Length(s) <= kMaxCell) return s;
  std::u32string chars = query::Utf8Decode(s);
  chars.resize(kMaxCell - 1);
  return query::Utf8Encode(chars) + "…";
}

// <iri> tokens of a SPARQL path shortened with the prefixes.
std::string ShortPath(const std::string& text, const Prefixes& prefixes) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const size_t end = text[i] == '<' ? text.find('>', i) : std::string::npos;
    if (end == std::string::npos) {
      out += text[i];
      continue;
    }
    out += shacl::DisplayTerm(Term::Iri(text.substr(i + 1, end - i - 1)), prefixes);
    i = end;
  }
  return out;
}

std::string Local(const Term& t) {
  const std::string& v = t.value();
  return t.is_iri() && v.rfind(shacl::vocab::kSh, 0) == 0 ? v.substr(shacl::vocab::kSh.size())
                                                          : shacl::DisplayTerm(t);
}

std::string Graphs(const std::vector<Term>& graphs, const Prefixes& prefixes) {
  std::string out;
  for (const Term& g : graphs) {
    if (!out.empty()) out += ", ";
    out += g.is_default_graph() ? "default" : shacl::DisplayTerm(g, prefixes);
  }
  return out;
}

}  // namespace

std::string FormatValidationTable(const ValidationReport& report, const Prefixes& prefixes) {
  constexpr size_t kColumns = 6;
  using Row = std::array<std::string, kColumns>;
  std::vector<Row> rows{{"severity", "focus node", "path", "value", "graph", "message"}};
  std::map<std::string, uint64_t> by_severity;
  for (const ValidationResult& r : report.results) {
    std::string message;
    for (const Term& m : r.messages) message += (message.empty() ? "" : "; ") + m.value();
    rows.push_back({Local(r.severity), Cut(shacl::DisplayTerm(r.focus_node, prefixes)),
                    Cut(ShortPath(r.path_text, prefixes)),
                    r.value ? Cut(shacl::DisplayTerm(*r.value, prefixes)) : "",
                    Cut(Graphs(r.source_graphs, prefixes)), message});
    ++by_severity[Local(r.severity)];
  }
  std::string out;
  if (!report.results.empty()) {
    std::array<size_t, kColumns> width{};
    for (const Row& row : rows) {
      for (size_t c = 0; c < kColumns; ++c) {
        width[c] = std::max(width[c], query::Utf8Length(row[c]));
      }
    }
    for (const Row& row : rows) {
      std::string line;
      for (size_t c = 0; c < kColumns; ++c) {
        line += row[c];
        if (c + 1 < kColumns) line += std::string(width[c] - query::Utf8Length(row[c]) + 2, ' ');
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
  }
  std::string summary;
  if (report.conforms) {
    summary = "conforms";
  } else {
    for (const auto& [severity, n] : by_severity) {
      summary += (summary.empty() ? "" : ", ") + std::to_string(n) + " " + severity;
    }
    if (report.results_omitted > 0) {
      summary += (summary.empty() ? "" : ", ") + std::to_string(report.results_omitted) +
                 " more results not shown";
    }
    summary = "does not conform: " + summary;
  }
  out += summary + " (" + std::to_string(report.focus_nodes) +
         (report.focus_nodes == 1 ? " focus node" : " focus nodes") + " validated)\n";
  return out;
}

Status WriteValidationReport(const ValidationReport& report, std::ostream& out, RdfFormat format) {
  const std::string sh(shacl::vocab::kSh);
  auto writer = MakeQuadWriter(
      format, out,
      {{"sh", sh}, {"rdf", std::string(vocab::kRdf)}, {"xsd", std::string(vocab::kXsd)}});
  const Term type = Term::Iri(std::string(shacl::vocab::kRdfType));
  auto put = [&](const Term& s, const std::string& local, const Term& o) {
    return writer->Write({s, Term::Iri(sh + local), o, Term::DefaultGraph()});
  };
  std::map<Term, std::vector<const Quad*>> described;
  for (const Quad& q : report.shape_triples) described[q.subject].push_back(&q);
  std::set<Term> written;
  // A blank shape or constraint with what its blank nodes lead to, once.
  auto describe = [&](const Term& node) -> Status {
    std::vector<Term> todo{node};
    while (!todo.empty()) {
      const Term n = todo.back();
      todo.pop_back();
      if (!n.is_blank() || !written.insert(n).second) continue;
      for (const Quad* q : described[n]) {
        SEXTANT_RETURN_IF_ERROR(writer->Write(*q));
        todo.push_back(q->object);
      }
    }
    return Status::OK();
  };
  const Term root = Term::Blank("report");
  SEXTANT_RETURN_IF_ERROR(writer->Write({root, type, Term::Iri(sh + "ValidationReport"), {}}));
  SEXTANT_RETURN_IF_ERROR(
      put(root, "conforms",
          Term::TypedLiteral(report.conforms ? "true" : "false", std::string(vocab::kXsdBoolean))));
  for (size_t i = 0; i < report.results.size(); ++i) {
    const ValidationResult& r = report.results[i];
    const Term node = Term::Blank("result" + std::to_string(i + 1));
    SEXTANT_RETURN_IF_ERROR(put(root, "result", node));
    SEXTANT_RETURN_IF_ERROR(writer->Write({node, type, Term::Iri(sh + "ValidationResult"), {}}));
    SEXTANT_RETURN_IF_ERROR(put(node, "focusNode", r.focus_node));
    if (r.path) SEXTANT_RETURN_IF_ERROR(put(node, "resultPath", *r.path));
    for (const Quad& q : r.path_triples) SEXTANT_RETURN_IF_ERROR(writer->Write(q));
    if (r.value) SEXTANT_RETURN_IF_ERROR(put(node, "value", *r.value));
    SEXTANT_RETURN_IF_ERROR(put(node, "resultSeverity", r.severity));
    SEXTANT_RETURN_IF_ERROR(put(node, "sourceShape", r.source_shape));
    SEXTANT_RETURN_IF_ERROR(describe(r.source_shape));
    SEXTANT_RETURN_IF_ERROR(put(node, "sourceConstraintComponent", r.source_constraint_component));
    if (r.source_constraint) {
      SEXTANT_RETURN_IF_ERROR(put(node, "sourceConstraint", *r.source_constraint));
      SEXTANT_RETURN_IF_ERROR(describe(*r.source_constraint));
    }
    for (const Term& m : r.messages) SEXTANT_RETURN_IF_ERROR(put(node, "resultMessage", m));
  }
  return writer->Finish();
}

}  // namespace sextant
