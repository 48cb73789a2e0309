#include "rdf/jsonld_context.h"

#include <algorithm>
#include <cctype>
#include <functional>

#include "base/iri_resolve.h"

namespace sextant::rdf::jsonld {

void Throw(std::string code, std::string detail) {
  throw JsonLdException{JsonLdError{std::move(code), std::move(detail)}};
}

bool IsKeyword(std::string_view s) {
  static const std::set<std::string, std::less<>> kKeywords = {
      "@base",     "@container", "@context",   "@default",   "@direction",  "@embed",
      "@explicit", "@graph",     "@id",        "@import",    "@included",   "@index",
      "@json",     "@language",  "@list",      "@nest",      "@none",       "@omitDefault",
      "@prefix",   "@preserve",  "@propagate", "@protected", "@requireAll", "@reverse",
      "@set",      "@type",      "@value",     "@version",   "@vocab"};
  return !s.empty() && s[0] == '@' && kKeywords.count(s) > 0;
}

bool HasKeywordForm(std::string_view s) {
  if (s.size() < 2 || s[0] != '@') return false;
  return std::all_of(s.begin() + 1, s.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

bool IsAbsoluteIri(std::string_view s) {
  return HasScheme(s);
}

// RDF needs absolute IRIs without the characters IRIs exclude (spaces, <>"{}|\^`, controls)
// and with at most one '#'; JSON-LD drops statements whose terms are not.
bool IsWellFormedIri(std::string_view s) {
  if (!IsAbsoluteIri(s)) return false;
  bool fragment = false;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '\\' || c == '^' || c == '`') {
      return false;
    }
    if (c == '#') {
      if (fragment) return false;
      fragment = true;
    }
  }
  return true;
}

bool TermDefinition::SameAs(const TermDefinition& o) const {
  return iri == o.iri && prefix == o.prefix && reverse == o.reverse && type == o.type &&
         language == o.language && direction == o.direction && container == o.container &&
         index == o.index && nest == o.nest && context == o.context;
}

bool Context::HasProtected() const {
  return std::any_of(terms.begin(), terms.end(),
                     [](const auto& t) { return t.second.is_protected; });
}

ContextPtr InitialContext(const std::string& base, const ProcessorOptions* options) {
  auto c = std::make_shared<Context>();
  if (!base.empty()) c->base = base;
  c->original_base = base;
  c->options = options;
  return c;
}

namespace {

constexpr size_t kMaxRemoteContexts = 32;

bool IsGenDelim(char c) {
  return c == ':' || c == '/' || c == '?' || c == '#' || c == '[' || c == ']' || c == '@';
}

bool IsBlankId(std::string_view s) {
  return s.size() >= 2 && s[0] == '_' && s[1] == ':';
}

std::string Resolve(const std::optional<std::string>& base, std::string_view ref) {
  if (!base || base->empty()) return std::string(ref);
  return ResolveIri(*base, ref);
}

// IRI expansion; `define` (when set) is called with the terms the value depends on, so a
// context being processed defines them first.
std::optional<std::string> ExpandIriDefining(
    const Context& active, std::string_view value, bool document_relative, bool vocab,
    const std::function<void(const std::string&)>& define) {
  if (IsKeyword(value)) return std::string(value);
  if (HasKeywordForm(value)) return std::nullopt;
  if (define) define(std::string(value));
  const TermDefinition* t = active.Find(value);
  if (t != nullptr && t->iri && IsKeyword(*t->iri)) return t->iri;
  if (vocab && t != nullptr) return t->iri;
  const size_t colon = value.find(':', 1);
  if (colon != std::string_view::npos) {
    const std::string_view prefix = value.substr(0, colon);
    const std::string_view suffix = value.substr(colon + 1);
    if (prefix == "_" || suffix.substr(0, 2) == "//") return std::string(value);
    if (define) define(std::string(prefix));
    if (const TermDefinition* p = active.Find(prefix); p != nullptr && p->iri && p->prefix) {
      std::string out = *p->iri;
      out.append(suffix);
      return out;
    }
    if (IsAbsoluteIri(value)) return std::string(value);
  }
  if (vocab && active.vocab) return *active.vocab + std::string(value);
  if (document_relative) return Resolve(active.base, value);
  return std::string(value);
}

class ContextBuilder {
 public:
  ContextBuilder(Context& result, const json::object& local, const std::string& base_url,
                 const std::vector<std::string>& remote, bool override_protected)
      : result_(result),
        local_(local),
        base_url_(base_url),
        remote_(remote),
        override_protected_(override_protected) {}

  void Define(const std::string& term, bool is_protected);
  std::optional<std::string> ExpandWithLocal(std::string_view value, bool document_relative,
                                             bool vocab);

 private:
  Context& result_;
  const json::object& local_;
  const std::string& base_url_;
  const std::vector<std::string>& remote_;
  bool override_protected_;
  std::map<std::string, bool> defined_;
};

std::optional<std::string> ContextBuilder::ExpandWithLocal(std::string_view value,
                                                           bool document_relative, bool vocab) {
  // Terms of the context being processed are defined first when the value depends on them.
  const auto define = [this](const std::string& term) {
    if (!local_.contains(term)) return;
    const auto d = defined_.find(term);
    if (d == defined_.end() || !d->second) Define(term, false);
  };
  return ExpandIriDefining(result_, value, document_relative, vocab, define);
}

void ContextBuilder::Define(const std::string& term, bool default_protected) {
  if (const auto d = defined_.find(term); d != defined_.end()) {
    if (d->second) return;
    Throw("cyclic IRI mapping", term);
  }
  if (term.empty()) Throw("invalid term definition", "empty term");
  defined_[term] = false;
  const json::value& raw = local_.at(term);
  const bool json_ld_10 = result_.options != nullptr && result_.options->json_ld_10;
  if (term == "@type") {
    bool ok = !json_ld_10 && raw.is_object() && !raw.as_object().empty();
    if (ok) {
      for (const auto& e : raw.as_object()) {
        if (e.key() == "@container") {
          ok = ok && e.value() == "@set";
        } else if (e.key() != "@protected") {
          ok = false;
        }
      }
    }
    if (!ok) Throw("keyword redefinition", term);
  } else if (IsKeyword(term)) {
    Throw("keyword redefinition", term);
  } else if (HasKeywordForm(term)) {
    defined_[term] = true;
    return;
  }
  std::optional<TermDefinition> previous;
  if (const auto it = result_.terms.find(term); it != result_.terms.end()) {
    previous = std::move(it->second);
    result_.terms.erase(it);
  }
  json::object value;
  bool simple = false;
  if (raw.is_null()) {
    value["@id"] = nullptr;
  } else if (raw.is_string()) {
    value["@id"] = raw;
    simple = true;
  } else if (raw.is_object()) {
    value = raw.as_object();
  } else {
    Throw("invalid term definition", term);
  }
  if (value.contains("@prefix") &&
      (json_ld_10 || term.find(':') != std::string::npos || term.find('/') != std::string::npos)) {
    Throw("invalid term definition", term + ": @prefix on a compact IRI or IRI");
  }
  TermDefinition def;
  if (const json::value* p = value.if_contains("@protected")) {
    if (json_ld_10) Throw("invalid term definition", term);
    if (!p->is_bool()) Throw("invalid @protected value", term);
    def.is_protected = p->as_bool();
  } else {
    def.is_protected = default_protected;
  }
  if (const json::value* t = value.if_contains("@type")) {
    if (!t->is_string()) Throw("invalid type mapping", term);
    std::optional<std::string> type = ExpandWithLocal(t->as_string(), false, true);
    if (!type) Throw("invalid type mapping", term);
    if ((*type == "@json" || *type == "@none") && json_ld_10) Throw("invalid type mapping", term);
    if (*type != "@id" && *type != "@vocab" && *type != "@json" && *type != "@none" &&
        !IsAbsoluteIri(*type)) {
      Throw("invalid type mapping", term + ": " + *type);
    }
    def.type = std::move(*type);
  }
  if (const json::value* r = value.if_contains("@reverse")) {
    if (value.contains("@id") || value.contains("@nest")) Throw("invalid reverse property", term);
    if (!r->is_string()) Throw("invalid IRI mapping", term);
    if (HasKeywordForm(r->as_string())) {
      defined_[term] = true;
      return;
    }
    def.iri = ExpandWithLocal(r->as_string(), false, true);
    if (!def.iri || (!IsAbsoluteIri(*def.iri) && !IsBlankId(*def.iri))) {
      Throw("invalid IRI mapping", term);
    }
    if (const json::value* c = value.if_contains("@container")) {
      if (!c->is_null() &&
          !(c->is_string() && (c->as_string() == "@set" || c->as_string() == "@index"))) {
        Throw("invalid reverse property", term);
      }
      if (c->is_string()) def.container.insert(std::string(c->as_string()));
    }
    def.reverse = true;
    result_.terms[term] = std::move(def);
    defined_[term] = true;
    return;
  }
  const json::value* id = value.if_contains("@id");
  if (id != nullptr && !(id->is_string() && id->as_string() == term)) {
    if (id->is_null()) {
      def.iri = std::nullopt;
    } else {
      if (!id->is_string()) Throw("invalid IRI mapping", term);
      const std::string_view idv = id->as_string();
      if (!IsKeyword(idv) && HasKeywordForm(idv)) {
        defined_[term] = true;
        return;
      }
      def.iri = ExpandWithLocal(idv, false, true);
      if (!def.iri || (!IsKeyword(*def.iri) && !IsAbsoluteIri(*def.iri) && !IsBlankId(*def.iri))) {
        Throw("invalid IRI mapping", term);
      }
      if (*def.iri == "@context") Throw("invalid keyword alias", term);
      const size_t colon = term.find(':', 1);
      const bool has_colon = colon != std::string::npos && colon + 1 < term.size();
      if (has_colon || term.find('/') != std::string::npos) {
        defined_[term] = true;
        const std::optional<std::string> expanded = ExpandWithLocal(term, false, true);
        if (expanded != def.iri) Throw("invalid IRI mapping", term);
      }
      if (term.find(':') == std::string::npos && term.find('/') == std::string::npos && simple &&
          ((!def.iri->empty() && IsGenDelim(def.iri->back())) || IsBlankId(*def.iri))) {
        def.prefix = true;
      }
    }
  } else if (term.find(':', 1) != std::string::npos) {
    const size_t colon = term.find(':', 1);
    const std::string prefix = term.substr(0, colon);
    if (local_.contains(prefix)) Define(prefix, false);
    if (const TermDefinition* p = result_.Find(prefix); p != nullptr && p->iri) {
      def.iri = *p->iri + term.substr(colon + 1);
    } else {
      def.iri = term;
    }
  } else if (term.find('/') != std::string::npos) {
    def.iri = ExpandWithLocal(term, false, true);
    if (!def.iri || !IsAbsoluteIri(*def.iri)) Throw("invalid IRI mapping", term);
  } else if (term == "@type") {
    def.iri = "@type";
  } else if (result_.vocab) {
    def.iri = *result_.vocab + term;
  } else {
    Throw("invalid IRI mapping", term + " (no @vocab to expand it with)");
  }
  if (const json::value* c = value.if_contains("@container")) {
    static const std::set<std::string, std::less<>> kAllowed = {
        "@graph", "@id", "@index", "@language", "@list", "@set", "@type"};
    std::vector<std::string> items;
    if (c->is_string()) {
      items.emplace_back(c->as_string());
    } else if (c->is_array() && !json_ld_10) {
      for (const auto& i : c->as_array()) {
        if (!i.is_string()) Throw("invalid container mapping", term);
        items.emplace_back(i.as_string());
      }
    } else {
      Throw("invalid container mapping", term);
    }
    for (const auto& i : items) {
      if (kAllowed.count(i) == 0) Throw("invalid container mapping", term);
      if (json_ld_10 && (i == "@graph" || i == "@id" || i == "@type")) {
        Throw("invalid container mapping", term);
      }
    }
    std::set<std::string> set(items.begin(), items.end());
    // The combinations JSON-LD allows.
    const auto only = [&](std::initializer_list<const char*> allowed) {
      return std::all_of(set.begin(), set.end(), [&](const std::string& s) {
        return std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return s == a; });
      });
    };
    bool ok = false;
    if (set.count("@list") > 0) {
      ok = set.size() == 1;
    } else if (set.count("@graph") > 0) {
      ok = only({"@graph", "@id", "@index", "@set"}) && !(set.count("@id") && set.count("@index"));
    } else if (set.size() == 1) {
      ok = true;
    } else if (set.size() == 2) {
      ok = set.count("@set") > 0;
    }
    if (!ok) Throw("invalid container mapping", term);
    def.container = std::move(set);
    if (def.HasContainer("@type")) {
      if (!def.type) def.type = "@id";
      if (*def.type != "@id" && *def.type != "@vocab") Throw("invalid type mapping", term);
    }
  }
  if (const json::value* i = value.if_contains("@index")) {
    if (json_ld_10 || !def.HasContainer("@index")) Throw("invalid term definition", term);
    if (!i->is_string()) Throw("invalid term definition", term);
    const std::optional<std::string> e = ExpandWithLocal(i->as_string(), false, true);
    if (!e || !IsAbsoluteIri(*e)) Throw("invalid term definition", term);
    def.index = std::string(i->as_string());
  }
  if (const json::value* sc = value.if_contains("@context")) {
    if (json_ld_10) Throw("invalid term definition", term);
    // Checked now (errors belong to the context that defines the term), applied when used.
    try {
      auto probe = std::make_shared<Context>(result_);
      ProcessContext(probe, *sc, base_url_, remote_, true, true, false);
    } catch (const JsonLdException& e) {
      if (e.error.code == "loading remote context failed" ||
          e.error.code == "loading document failed") {
        throw;
      }
      Throw("invalid scoped context", term + ": " + e.error.code);
    }
    def.context = *sc;
    def.base_url = base_url_;
  }
  if (!value.contains("@type")) {
    if (const json::value* l = value.if_contains("@language")) {
      if (!l->is_null() && !l->is_string()) Throw("invalid language mapping", term);
      def.language = l->is_null() ? std::optional<std::string>()
                                  : std::optional<std::string>(std::string(l->as_string()));
    }
    if (const json::value* d = value.if_contains("@direction")) {
      if (!d->is_null() &&
          !(d->is_string() && (d->as_string() == "ltr" || d->as_string() == "rtl"))) {
        Throw("invalid base direction", term);
      }
      def.direction = d->is_null() ? std::optional<std::string>()
                                   : std::optional<std::string>(std::string(d->as_string()));
    }
  }
  if (const json::value* n = value.if_contains("@nest")) {
    if (json_ld_10) Throw("invalid term definition", term);
    if (!n->is_string() || (IsKeyword(n->as_string()) && n->as_string() != "@nest")) {
      Throw("invalid @nest value", term);
    }
    def.nest = std::string(n->as_string());
  }
  if (const json::value* p = value.if_contains("@prefix")) {
    if (json_ld_10 || term.find(':') != std::string::npos || term.find('/') != std::string::npos) {
      Throw("invalid term definition", term);
    }
    if (!p->is_bool()) Throw("invalid @prefix value", term);
    def.prefix = p->as_bool();
    if (def.prefix && def.iri && IsKeyword(*def.iri)) Throw("invalid term definition", term);
  }
  for (const auto& e : value) {
    static const std::set<std::string, std::less<>> kEntries = {
        "@id",       "@reverse", "@container", "@context",   "@direction", "@index",
        "@language", "@nest",    "@prefix",    "@protected", "@type"};
    if (kEntries.count(std::string_view(e.key())) == 0) Throw("invalid term definition", term);
  }
  if (!override_protected_ && previous && previous->is_protected) {
    if (!def.SameAs(*previous)) Throw("protected term redefinition", term);
    def = std::move(*previous);
  }
  result_.terms[term] = std::move(def);
  defined_[term] = true;
}

}  // namespace

ContextPtr ProcessContext(const ContextPtr& active, const json::value& local_in,
                          const std::string& base_url, std::vector<std::string> remote,
                          bool override_protected, bool propagate, bool validate_scoped) {
  auto result = std::make_shared<Context>(*active);
  if (local_in.is_object()) {
    if (const json::value* p = local_in.as_object().if_contains("@propagate")) {
      if (!p->is_bool()) Throw("invalid @propagate value");
      propagate = p->as_bool();
    }
  }
  if (!propagate && !result->previous) result->previous = active;
  json::array locals;
  if (local_in.is_array()) {
    locals = local_in.as_array();
  } else {
    locals.push_back(local_in);
  }
  const ProcessorOptions* options = active->options;
  const bool json_ld_10 = options != nullptr && options->json_ld_10;
  for (const json::value& ctx_value : locals) {
    if (ctx_value.is_null()) {
      if (!override_protected && result->HasProtected()) Throw("invalid context nullification");
      auto fresh = std::make_shared<Context>();
      fresh->options = options;
      fresh->original_base = active->original_base;
      if (!active->original_base.empty()) fresh->base = active->original_base;
      if (!propagate) fresh->previous = result;
      result = std::move(fresh);
      continue;
    }
    if (ctx_value.is_string()) {
      const std::string url = ResolveIri(base_url, std::string(ctx_value.as_string()));
      if (!validate_scoped && std::find(remote.begin(), remote.end(), url) != remote.end()) {
        continue;
      }
      if (remote.size() > kMaxRemoteContexts) Throw("context overflow", url);
      remote.push_back(url);
      if (options == nullptr || options->loader == nullptr) {
        Throw("loading remote context failed", url + " (no documents can be loaded here)");
      }
      Result<json::value> doc = options->loader->Load(url);
      if (!doc.ok()) Throw("loading remote context failed", doc.status().message());
      if (!doc->is_object() || !doc->as_object().contains("@context")) {
        Throw("invalid remote context", url);
      }
      const json::value remote_ctx = doc->as_object().at("@context");
      result = std::const_pointer_cast<Context>(ProcessContext(
          result, remote_ctx, url, remote, override_protected, true, validate_scoped));
      continue;
    }
    if (!ctx_value.is_object()) Throw("invalid local context");
    json::object ctx = ctx_value.as_object();
    if (const json::value* v = ctx.if_contains("@version")) {
      if (!(v->is_number() && v->to_number<double>() == 1.1)) Throw("invalid @version value");
      if (json_ld_10) Throw("processing mode conflict");
    }
    if (const json::value* imp = ctx.if_contains("@import")) {
      if (json_ld_10) Throw("invalid context entry", "@import");
      if (!imp->is_string()) Throw("invalid @import value");
      const std::string url = ResolveIri(base_url, std::string(imp->as_string()));
      if (options == nullptr || options->loader == nullptr) {
        Throw("loading remote context failed", url);
      }
      Result<json::value> doc = options->loader->Load(url);
      if (!doc.ok()) Throw("loading remote context failed", doc.status().message());
      const json::value* imported =
          doc->is_object() ? doc->as_object().if_contains("@context") : nullptr;
      if (imported == nullptr || !imported->is_object()) Throw("invalid remote context", url);
      if (imported->as_object().contains("@import")) Throw("invalid context entry", url);
      json::object merged = imported->as_object();
      for (const auto& e : ctx) merged[e.key()] = e.value();
      ctx = std::move(merged);
    }
    if (const json::value* b = ctx.if_contains("@base"); b != nullptr && remote.empty()) {
      if (b->is_null()) {
        result->base.reset();
      } else if (!b->is_string() || (!IsAbsoluteIri(b->as_string()) && !result->base)) {
        Throw("invalid base IRI");
      } else if (IsAbsoluteIri(b->as_string())) {
        result->base = std::string(b->as_string());
      } else {
        result->base = ResolveIri(*result->base, b->as_string());
      }
    }
    if (const json::value* v = ctx.if_contains("@vocab")) {
      if (v->is_null()) {
        result->vocab.reset();
      } else if (!v->is_string()) {
        Throw("invalid vocab mapping");
      } else {
        const std::string_view s = v->as_string();
        if (!IsAbsoluteIri(s) && !IsBlankId(s) && json_ld_10) Throw("invalid vocab mapping");
        const std::optional<std::string> e = ExpandIri(*result, s, true, true);
        if (!e) Throw("invalid vocab mapping");
        result->vocab = *e;
      }
    }
    if (const json::value* l = ctx.if_contains("@language")) {
      if (l->is_null()) {
        result->language.reset();
      } else if (!l->is_string()) {
        Throw("invalid default language");
      } else {
        result->language = std::string(l->as_string());
      }
    }
    if (const json::value* d = ctx.if_contains("@direction")) {
      if (json_ld_10) Throw("invalid context entry", "@direction");
      if (d->is_null()) {
        result->direction.reset();
      } else if (d->is_string() && (d->as_string() == "ltr" || d->as_string() == "rtl")) {
        result->direction = std::string(d->as_string());
      } else {
        Throw("invalid base direction");
      }
    }
    if (const json::value* p = ctx.if_contains("@propagate")) {
      if (json_ld_10) Throw("invalid context entry", "@propagate");
      if (!p->is_bool()) Throw("invalid @propagate value");
    }
    bool ctx_protected = false;
    if (const json::value* p = ctx.if_contains("@protected")) {
      if (json_ld_10) Throw("invalid context entry", "@protected");
      if (!p->is_bool()) Throw("invalid @protected value");
      ctx_protected = p->as_bool();
    }
    ContextBuilder builder(*result, ctx, base_url, remote, override_protected);
    for (const auto& e : ctx) {
      const std::string_view k = e.key();
      if (k == "@base" || k == "@direction" || k == "@import" || k == "@language" ||
          k == "@propagate" || k == "@protected" || k == "@version" || k == "@vocab") {
        continue;
      }
      builder.Define(std::string(k), ctx_protected);
    }
  }
  return result;
}

std::optional<std::string> ExpandIri(const Context& active, std::string_view value,
                                     bool document_relative, bool vocab) {
  return ExpandIriDefining(active, value, document_relative, vocab, nullptr);
}

}  // namespace sextant::rdf::jsonld
