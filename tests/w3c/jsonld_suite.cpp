// Handlers for the W3C JSON-LD 1.1 API suites: toRdf (compared as RDF datasets by
// isomorphism), expand and fromRdf (compared as JSON-LD: arrays unordered except @list).
// Remote documents named under the suite's published base are read from the suite's folder
// through the same URL mapping users give for contexts.
#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>

#include "rdf/isomorphism.h"
#include "rdf/jsonld_expand.h"
#include "rdf/jsonld_from_rdf.h"
#include "rdf/parser.h"
#include "w3c.h"

namespace sextant::w3c {

namespace {

namespace json = boost::json;

constexpr const char* kJld = "https://w3c.github.io/json-ld-api/tests/vocab#";

std::string Option(const TestCase& tc, const std::string& name) {
  const auto v = tc.objects(tc.iri, "option:" + name);
  return v.empty() ? std::string() : v.front();
}

bool IsNegative(const TestCase& tc) {
  const auto types = tc.objects(tc.iri, "@type");
  return std::find(types.begin(), types.end(), "jld:NegativeEvaluationTest") != types.end();
}

std::string ExpectedError(const TestCase& tc) {
  const auto v = tc.objects(tc.iri, "expectErrorCode");
  return v.empty() ? std::string() : v.front();
}

// The suite's published base and the folder it maps to.
std::pair<std::string, std::string> SuiteMapping(const TestCase& tc) {
  const auto base = tc.objects(tc.iri, "baseIri");
  return {base.empty() ? std::string() : base.front(),
          std::filesystem::absolute(tc.manifest_path).parent_path().string() + "/"};
}

std::string BaseFor(const TestCase& tc) {
  const std::string base = Option(tc, "base");
  return base.empty() ? tc.action_iri : base;
}

rdf::JsonLdReadOptions ReadOptions(const TestCase& tc) {
  rdf::JsonLdReadOptions o;
  const auto [base, folder] = SuiteMapping(tc);
  o.contexts.map.emplace_back(base, folder);
  const std::string expand_context = Option(tc, "expandContext");
  if (!expand_context.empty()) o.expand_context = base + expand_context;
  o.rdf_direction = Option(tc, "rdfDirection");
  o.json_ld_10 = Option(tc, "processingMode") == "json-ld-1.0";
  return o;
}

Outcome ExpectError(const TestCase& tc, const Status& status, size_t produced) {
  const std::string code = ExpectedError(tc);
  if (status.ok()) {
    return Outcome{false, "expected error '" + code + "', got a result (" +
                              std::to_string(produced) + " items)"};
  }
  if (status.message().find(code) == std::string::npos) {
    return Outcome{false, "expected error '" + code + "', got " + status.ToString()};
  }
  return Outcome{true, ""};
}

std::vector<Quad> Dedupe(std::vector<Quad> quads) {
  std::sort(quads.begin(), quads.end());
  quads.erase(std::unique(quads.begin(), quads.end()), quads.end());
  return quads;
}

Outcome ToRdf(const TestCase& tc) {
  rdf::ParseOptions o;
  o.format = RdfFormat::kJsonLd;
  o.base_iri = BaseFor(tc);
  o.jsonld = ReadOptions(tc);
  auto got = rdf::ParseFileToQuads(tc.action_path, o);
  if (IsNegative(tc)) return ExpectError(tc, got.status(), got.ok() ? got->size() : 0);
  if (!got.ok()) return Outcome{false, "rejected valid input: " + got.status().ToString()};
  if (tc.result_path.empty()) return Outcome{true, ""};  // a syntax test: parsing is the test
  rdf::ParseOptions nq;
  nq.format = RdfFormat::kNQuads;
  auto want = rdf::ParseFileToQuads(tc.result_path, nq);
  if (!want.ok()) return Outcome{false, "cannot read expected result: " + want.status().ToString()};
  std::string why;
  if (!rdf::Isomorphic(Dedupe(*got), Dedupe(*want), &why)) {
    return Outcome{false, "result differs: " + why};
  }
  return Outcome{true, ""};
}

bool JsonLdEqual(const json::value& a, const json::value& b, bool ordered);

bool ArraysEqual(const json::array& a, const json::array& b, bool ordered) {
  if (a.size() != b.size()) return false;
  if (ordered) {
    for (size_t i = 0; i < a.size(); ++i) {
      if (!JsonLdEqual(a[i], b[i], false)) return false;
    }
    return true;
  }
  std::vector<bool> used(b.size(), false);
  for (const auto& x : a) {
    bool found = false;
    for (size_t i = 0; i < b.size() && !found; ++i) {
      if (!used[i] && JsonLdEqual(x, b[i], false)) used[i] = found = true;
    }
    if (!found) return false;
  }
  return true;
}

bool JsonLdEqual(const json::value& a, const json::value& b, bool ordered) {
  if (a.is_number() && b.is_number()) return a.to_number<double>() == b.to_number<double>();
  if (a.kind() != b.kind()) return false;
  if (a.is_array()) return ArraysEqual(a.get_array(), b.get_array(), ordered);
  if (a.is_object()) {
    const json::object& ao = a.get_object();
    const json::object& bo = b.get_object();
    if (ao.size() != bo.size()) return false;
    for (const auto& e : ao) {
      const json::value* other = bo.if_contains(e.key());
      if (other == nullptr || !JsonLdEqual(e.value(), *other, e.key() == "@list")) return false;
    }
    return true;
  }
  return a == b;
}

Result<json::value> ReadJson(const std::string& path) {
  const std::string text = ReadAll(path);
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) return Status::InvalidArgument(path + " is not JSON: " + ec.message());
  return v;
}

Outcome CompareJson(const TestCase& tc, const json::value& got) {
  auto want = ReadJson(tc.result_path);
  if (!want.ok()) return Outcome{false, want.status().ToString()};
  if (!JsonLdEqual(got, *want, false)) {
    return Outcome{false, "result differs: got " + json::serialize(got)};
  }
  return Outcome{true, ""};
}

Outcome Expand(const TestCase& tc) {
  auto input = ReadJson(tc.action_path);
  if (!input.ok()) return Outcome{false, input.status().ToString()};
  const rdf::JsonLdReadOptions ro = ReadOptions(tc);
  rdf::jsonld::DocumentLoader loader;
  for (const auto& [prefix, path] : ro.contexts.map) loader.Map(prefix, path);
  rdf::jsonld::ProcessorOptions po;
  po.loader = &loader;
  po.json_ld_10 = ro.json_ld_10;
  json::array result;
  Status status;
  try {
    const std::string base = BaseFor(tc);
    rdf::jsonld::ContextPtr ctx = rdf::jsonld::InitialContext(base, &po);
    if (!ro.expand_context.empty()) {
      auto doc = loader.Load(ro.expand_context);
      if (!doc.ok()) return Outcome{false, doc.status().ToString()};
      const json::value* c = doc->is_object() ? doc->as_object().if_contains("@context") : nullptr;
      ctx = rdf::jsonld::ProcessContext(ctx, c != nullptr ? *c : *doc, ro.expand_context);
    }
    result = rdf::jsonld::ExpandDocument(ctx, *input, base);
  } catch (const rdf::jsonld::JsonLdException& e) {
    status = Status::InvalidArgument(e.error.code + " (" + e.error.detail + ")");
  }
  if (IsNegative(tc)) return ExpectError(tc, status, result.size());
  if (!status.ok()) return Outcome{false, "rejected valid input: " + status.ToString()};
  return CompareJson(tc, result);
}

Outcome FromRdf(const TestCase& tc) {
  rdf::ParseOptions nq;
  nq.format = RdfFormat::kNQuads;
  auto quads = rdf::ParseFileToQuads(tc.action_path, nq);
  if (!quads.ok()) return Outcome{false, "cannot read input: " + quads.status().ToString()};
  rdf::jsonld::FromRdfOptions o;
  o.use_native_types = Option(tc, "useNativeTypes") == "true";
  o.use_rdf_type = Option(tc, "useRdfType") == "true";
  o.rdf_direction = Option(tc, "rdfDirection");
  json::array result;
  Status status;
  try {
    result = rdf::jsonld::FromRdf(*quads, o);
  } catch (const rdf::jsonld::JsonLdException& e) {
    status = Status::InvalidArgument(e.error.code);
  } catch (const std::exception& e) {
    return Outcome{false, std::string("crashed: ") + e.what()};
  }
  if (IsNegative(tc)) return ExpectError(tc, status, result.size());
  if (!status.ok()) return Outcome{false, "failed: " + status.ToString()};
  return CompareJson(tc, result);
}

bool RegisterJsonLd() {
  bool ok = RegisterTestType(std::string(kJld) + "ToRDFTest", ToRdf);
  ok = RegisterTestType(std::string(kJld) + "ExpandTest", Expand) && ok;
  ok = RegisterTestType(std::string(kJld) + "FromRDFTest", FromRdf) && ok;
  return ok;
}

[[maybe_unused]] const bool kJsonLdRegistered = RegisterJsonLd();

}  // namespace

}  // namespace sextant::w3c
