// JSON-LD output: quads grouped by graph and subject become node objects, written as they
// complete (so a dump streams), compacted with a context: the store's prefixes, or a context
// the caller gives.
//
// Compaction is deliberately restricted to what cannot change a value's meaning: IRIs become
// terms only when the term's definition is a plain IRI mapping (no @type coercion, container,
// language or reverse), or compact IRIs through prefix terms; plain strings go bare only when
// the context sets no default language or direction. Whatever the context, the output expands
// back to exactly the statements written.
#include "rdf/jsonld_writer.h"

#include <boost/json.hpp>
#include <map>
#include <optional>

#include "rdf/jsonld_context.h"
#include "rdf/jsonld_from_rdf.h"

namespace sextant::rdf {

namespace {

namespace json = boost::json;
using jsonld::ContextPtr;
using jsonld::TermDefinition;

bool IsPlainTerm(const TermDefinition& d) {
  return d.iri && !d.reverse && !d.type && !d.language && !d.direction && d.container.empty() &&
         !d.index && !d.nest && !d.context;
}

class IriCompactor {
 public:
  explicit IriCompactor(ContextPtr ctx) : ctx_(std::move(ctx)) {
    for (const auto& [term, def] : ctx_->terms) {
      if (!def.iri) continue;
      if (IsPlainTerm(def)) {
        auto& best = plain_[*def.iri];
        if (best.empty() || Shorter(term, best)) best = term;
      }
      if (def.prefix) prefixes_.emplace_back(term, *def.iri);
    }
  }

  bool bare_strings() const { return !ctx_->language && !ctx_->direction; }

  std::string Compact(const std::string& iri, bool vocab) const {
    if (vocab) {
      if (const auto it = plain_.find(iri); it != plain_.end()) return it->second;
    }
    std::string best;
    for (const auto& [term, ns] : prefixes_) {
      if (iri.size() <= ns.size() || iri.compare(0, ns.size(), ns) != 0) continue;
      const std::string suffix = iri.substr(ns.size());
      if (suffix.compare(0, 2, "//") == 0) continue;
      std::string candidate = term + ":" + suffix;
      if (!ReadsBackAs(candidate, iri, vocab)) continue;
      if (best.empty() || Shorter(candidate, best)) best = std::move(candidate);
    }
    if (!best.empty()) return best;
    if (vocab && ctx_->vocab && iri.size() > ctx_->vocab->size() &&
        iri.compare(0, ctx_->vocab->size(), *ctx_->vocab) == 0) {
      std::string suffix = iri.substr(ctx_->vocab->size());
      if (suffix.find(':') == std::string::npos && ReadsBackAs(suffix, iri, true)) return suffix;
    }
    return iri;
  }

 private:
  static bool Shorter(const std::string& a, const std::string& b) {
    return a.size() < b.size() || (a.size() == b.size() && a < b);
  }
  // Whether `text` expands to `iri` without any coercion attached.
  bool ReadsBackAs(const std::string& text, const std::string& iri, bool vocab) const {
    const TermDefinition* d = ctx_->Find(text);
    if (d != nullptr && (vocab || (d->iri && jsonld::IsKeyword(*d->iri)))) {
      if (!IsPlainTerm(*d) || d->iri != iri) return false;
    }
    return jsonld::ExpandIri(*ctx_, text, false, vocab) == iri;
  }

  ContextPtr ctx_;
  std::map<std::string, std::string> plain_;
  std::vector<std::pair<std::string, std::string>> prefixes_;
};

class JsonLdWriter final : public QuadWriter {
 public:
  JsonLdWriter(std::ostream& out, json::value context, ContextPtr processed)
      : out_(out), context_(std::move(context)), compactor_(std::move(processed)) {}

  Status Write(const Quad& q) override {
    if (q.subject.is_triple() || q.object.is_triple()) {
      return Status::InvalidArgument(
          "JSON-LD 1.1 has no triple terms (RDF 1.2); write this data as N-Quads, TriG or Turtle");
    }
    if (!started_) Start();
    if (!current_.empty() &&
        !(current_.front().graph == q.graph && current_.front().subject == q.subject)) {
      FlushNode();
    }
    if (!graph_open_ || !(*graph_ == q.graph)) {
      CloseGraph();
      OpenGraph(q.graph);
    }
    current_.push_back(q);
    return out_ ? Status::OK() : Status::IOError("error writing JSON-LD output");
  }

  Status Finish() override {
    if (!started_) Start();
    FlushNode();
    CloseGraph();
    out_ << "\n]}\n";
    out_.flush();
    return out_ ? Status::OK() : Status::IOError("error writing JSON-LD output");
  }

 private:
  void Start() {
    started_ = true;
    out_ << "{\"@context\": " << json::serialize(context_) << ",\n\"@graph\": [";
  }

  void Separator(bool& first, const char* indent) {
    out_ << (first ? "\n" : ",\n") << indent;
    first = false;
  }

  void OpenGraph(const Term& g) {
    graph_ = g;
    graph_open_ = true;
    if (g.is_default_graph()) return;
    Separator(first_top_, "  ");
    out_ << "{\"@id\": " << json::serialize(json::value(json::string(Id(g)))) << ", \"@graph\": [";
    first_in_graph_ = true;
  }

  void CloseGraph() {
    if (!graph_open_) return;
    if (!graph_->is_default_graph()) out_ << "\n  ]}";
    graph_open_ = false;
  }

  std::string Id(const Term& t) const {
    if (t.is_blank()) return "_:" + t.value();
    return compactor_.Compact(t.value(), false);
  }

  json::value Value(const Term& o) const {
    if (!o.is_literal()) {
      json::object ref;
      ref["@id"] = Id(o);
      return ref;
    }
    if (o.datatype() == vocab::kXsdString && compactor_.bare_strings()) {
      return json::string(o.value());
    }
    json::object v;
    v["@value"] = o.value();
    if (!o.language().empty()) {
      v["@language"] = o.language();
      if (o.direction() != Direction::kNone) v["@direction"] = DirectionName(o.direction());
    } else if (o.datatype() != vocab::kXsdString) {
      v["@type"] = compactor_.Compact(o.datatype(), true);
    }
    return v;
  }

  void FlushNode() {
    if (current_.empty()) return;
    json::object node;
    node["@id"] = Id(current_.front().subject);
    const std::string rdf_type = std::string(vocab::kRdf) + "type";
    json::array types;
    std::map<std::string, json::array> properties;
    for (const Quad& q : current_) {
      if (q.predicate.value() == rdf_type && !q.object.is_literal()) {
        types.push_back(json::string(q.object.is_blank()
                                         ? "_:" + q.object.value()
                                         : compactor_.Compact(q.object.value(), true)));
      } else {
        properties[compactor_.Compact(q.predicate.value(), true)].push_back(Value(q.object));
      }
    }
    if (types.size() == 1) {
      node["@type"] = types[0];
    } else if (!types.empty()) {
      node["@type"] = std::move(types);
    }
    for (auto& [key, values] : properties) {
      if (values.size() == 1) {
        node[key] = std::move(values[0]);
      } else {
        node[key] = std::move(values);
      }
    }
    const bool named = !current_.front().graph.is_default_graph();
    if (named) {
      Separator(first_in_graph_, "    ");
    } else {
      Separator(first_top_, "  ");
    }
    out_ << json::serialize(node);
    current_.clear();
  }

  std::ostream& out_;
  json::value context_;
  IriCompactor compactor_;
  bool started_ = false;
  bool first_top_ = true;
  bool first_in_graph_ = true;
  bool graph_open_ = false;
  std::optional<Term> graph_;
  std::vector<Quad> current_;
};

}  // namespace

std::unique_ptr<QuadWriter> MakeJsonLdPrefixWriter(
    std::ostream& out, const std::vector<std::pair<std::string, std::string>>& prefixes) {
  json::object context;
  for (const auto& [name, ns] : prefixes) {
    // An empty prefix cannot be a term; it becomes the vocabulary mapping instead.
    if (name.empty()) {
      if (!ns.empty()) context["@vocab"] = ns;
    } else if (!ns.empty()) {
      context[name] = ns;
    }
  }
  jsonld::ProcessorOptions options;
  ContextPtr processed = jsonld::InitialContext("", &options);
  try {
    processed = jsonld::ProcessContext(processed, context, "");
  } catch (const jsonld::JsonLdException&) {
    // Prefix names come from the store and are checked there; an odd one just goes unused.
    context = json::object();
    processed = jsonld::InitialContext("", &options);
  }
  return std::make_unique<JsonLdWriter>(out, std::move(context), std::move(processed));
}

}  // namespace sextant::rdf

namespace sextant {

Result<std::unique_ptr<QuadWriter>> MakeJsonLdWriter(std::ostream& out,
                                                     std::string_view context_document,
                                                     const JsonLdContextOptions& contexts) {
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(context_document, ec);
  if (ec) return Status::InvalidArgument("JSON-LD context is not JSON: " + ec.message());
  boost::json::value context = doc;
  if (doc.is_object() && doc.as_object().contains("@context")) {
    context = doc.as_object().at("@context");
  }
  rdf::jsonld::DocumentLoader loader;
  for (const auto& [prefix, path] : contexts.map) loader.Map(prefix, path);
  loader.SetCacheFolder(contexts.cache_folder);
  loader.AllowFiles(contexts.allow_files);
  rdf::jsonld::ProcessorOptions options;
  options.loader = &loader;
  rdf::jsonld::ContextPtr processed;
  try {
    processed = rdf::jsonld::ProcessContext(rdf::jsonld::InitialContext("", &options), context, "");
  } catch (const rdf::jsonld::JsonLdException& e) {
    return Status::InvalidArgument("JSON-LD context: " + e.error.code +
                                   (e.error.detail.empty() ? "" : " (" + e.error.detail + ")"));
  }
  // The compactor keeps the processed context; remote documents were read already.
  auto copy = std::make_shared<rdf::jsonld::Context>(*processed);
  copy->options = nullptr;
  return std::unique_ptr<QuadWriter>(
      std::make_unique<rdf::JsonLdWriter>(out, std::move(context), std::move(copy)));
}

}  // namespace sextant
