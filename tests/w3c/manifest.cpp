#include "manifest.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "rdf/iri.h"
#include "rdf/parser.h"

namespace sextant::w3c {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

namespace {

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const std::string hex(s.substr(i + 1, 2));
      char* end = nullptr;
      const long v = std::strtol(hex.c_str(), &end, 16);
      if (end == hex.c_str() + 2) {
        out += static_cast<char>(v);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// One manifest file's triples plus the mapping between its file:// IRIs and the public IRIs
// the tests are known by.
class ManifestGraph {
 public:
  std::string file_base;    // file:// IRI of the manifest's directory, with a trailing '/'
  std::string public_base;  // mf:assumedTestBase, or file_base

  void Add(const Quad& q) {
    triples_[q.subject.ToNTriples()].emplace_back(q.predicate.value(), q.object);
  }

  std::vector<Term> Objects(const Term& subject, const std::string& predicate) const {
    std::vector<Term> out;
    const auto it = triples_.find(subject.ToNTriples());
    if (it == triples_.end()) return out;
    for (const auto& [p, o] : it->second) {
      if (p == predicate) out.push_back(o);
    }
    return out;
  }
  std::optional<Term> Object(const Term& subject, const std::string& predicate) const {
    auto all = Objects(subject, predicate);
    if (all.empty()) return std::nullopt;
    return all.front();
  }
  std::vector<Term> List(Term node) const {
    std::vector<Term> out;
    std::set<std::string> seen;  // a cyclic list must not hang the runner
    while (node.is_blank() || (node.is_iri() && node.value() != std::string(kRdf) + "nil")) {
      if (!seen.insert(node.ToNTriples()).second) break;
      if (auto first = Object(node, std::string(kRdf) + "first")) out.push_back(*first);
      auto rest = Object(node, std::string(kRdf) + "rest");
      if (!rest) break;
      node = *rest;
    }
    return out;
  }
  // Subjects that have `predicate` `object`.
  std::vector<std::string> SubjectsWith(const std::string& predicate, const Term& object) const {
    std::vector<std::string> out;
    for (const auto& [s, pos] : triples_) {
      for (const auto& [p, o] : pos) {
        if (p == predicate && o == object) out.push_back(s);
      }
    }
    return out;
  }

  std::string ToPublic(const std::string& iri) const { return Rebase(iri, file_base, public_base); }
  std::string ToFile(const std::string& iri) const { return Rebase(iri, public_base, file_base); }
  std::string LocalPath(std::string iri) const {
    if (iri.size() >= 2 && iri.front() == '<' && iri.back() == '>')
      iri = iri.substr(1, iri.size() - 2);
    iri = ToFile(iri);
    if (iri.rfind("file://", 0) != 0) return "";
    std::string path = iri.substr(7);
    if (const size_t hash = path.find('#'); hash != std::string::npos) path.erase(hash);
    return PercentDecode(path);
  }
  Term Publish(const Term& t) const { return t.is_iri() ? Term::Iri(ToPublic(t.value())) : t; }
  // Accepts a plain IRI or an N-Triples IRI / blank node, public or file-based.
  Term Parse(const std::string& text) const {
    if (text.rfind("_:", 0) == 0) return Term::Blank(text.substr(2));
    if (text.size() >= 2 && text.front() == '<' && text.back() == '>') {
      return Term::Iri(ToFile(text.substr(1, text.size() - 2)));
    }
    return Term::Iri(ToFile(text));
  }

 private:
  static std::string Rebase(const std::string& iri, const std::string& from,
                            const std::string& to) {
    if (from == to || iri.rfind(from, 0) != 0) return iri;
    return to + iri.substr(from.size());
  }
  std::map<std::string, std::vector<std::pair<std::string, Term>>> triples_;
};

Status Load(const std::string& path, std::vector<TestCase>* tests, std::set<std::string>* visited) {
  std::error_code ec;
  const std::string canonical = std::filesystem::weakly_canonical(path, ec).string();
  if (!visited->insert(canonical).second) return Status::OK();

  auto graph = std::make_shared<ManifestGraph>();
  const std::string manifest_iri = rdf::FileIri(canonical);
  graph->file_base = manifest_iri.substr(0, manifest_iri.rfind('/') + 1);
  graph->public_base = graph->file_base;

  rdf::ParseOptions options;
  options.format = RdfFormat::kTurtle;
  options.base_iri = manifest_iri;
  SEXTANT_ASSIGN_OR_RETURN(std::vector<Quad> quads, rdf::ParseFileToQuads(path, options));
  for (const Quad& q : quads) graph->Add(q);

  // The manifest node: the subject typed mf:Manifest, else the document itself.
  Term manifest = Term::Iri(manifest_iri);
  const auto typed =
      graph->SubjectsWith(std::string(kRdf) + "type", Term::Iri(std::string(kMf) + "Manifest"));
  if (!typed.empty() && typed.front().size() > 2 && typed.front()[0] == '<') {
    manifest = Term::Iri(typed.front().substr(1, typed.front().size() - 2));
  }
  if (auto base = graph->Object(manifest, std::string(kMf) + "assumedTestBase");
      base && base->is_iri()) {
    graph->public_base = base->value();
  }

  for (const Term& include_list : graph->Objects(manifest, std::string(kMf) + "include")) {
    // mf:include takes a list of manifests (RDF suites) or one manifest per triple (SHACL).
    std::vector<Term> included_manifests = graph->List(include_list);
    if (included_manifests.empty() && include_list.is_iri() &&
        include_list.value() != std::string(kRdf) + "nil") {
      included_manifests = {include_list};
    }
    for (const Term& included : included_manifests) {
      const std::string local = graph->LocalPath(included.value());
      if (local.empty())
        return Status::NotFound("cannot map included manifest " + included.value());
      SEXTANT_RETURN_IF_ERROR(Load(local, tests, visited));
    }
  }

  for (const Term& entries : graph->Objects(manifest, std::string(kMf) + "entries")) {
    for (const Term& entry : graph->List(entries)) {
      TestCase tc;
      tc.iri = entry.is_iri() ? graph->ToPublic(entry.value()) : entry.ToNTriples();
      if (auto type = graph->Object(entry, std::string(kRdf) + "type")) tc.type = type->value();
      if (auto name = graph->Object(entry, std::string(kMf) + "name")) tc.name = name->value();
      tc.manifest_path = path;
      if (auto action = graph->Object(entry, std::string(kMf) + "action");
          action && action->is_iri()) {
        tc.action_iri = graph->ToPublic(action->value());
        tc.action_path = graph->LocalPath(action->value());
      }
      if (auto result = graph->Object(entry, std::string(kMf) + "result");
          result && result->is_iri()) {
        tc.result_path = graph->LocalPath(result->value());
      }
      tc.objects = [graph](const std::string& subject, const std::string& predicate) {
        std::vector<std::string> out;
        std::string pred = predicate;
        if (pred.size() >= 2 && pred.front() == '<') pred = pred.substr(1, pred.size() - 2);
        for (const Term& o : graph->Objects(graph->Parse(subject), pred)) {
          out.push_back(graph->Publish(o).ToNTriples());
        }
        return out;
      };
      tc.local_path = [graph](const std::string& iri) { return graph->LocalPath(iri); };
      tests->push_back(std::move(tc));
    }
  }
  return Status::OK();
}

}  // namespace

Status LoadManifest(const std::string& path, std::vector<TestCase>* tests) {
  if (path.size() > 7 && path.compare(path.size() - 7, 7, ".jsonld") == 0) {
    return LoadJsonLdManifest(path, tests);
  }
  std::set<std::string> visited;
  return Load(path, tests, &visited);
}

}  // namespace sextant::w3c
