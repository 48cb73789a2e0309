// The JSON-LD suites' manifests (*-manifest.jsonld) read as plain JSON: their shape is fixed
// (a "sequence" of entries with "@id", "@type", "input", "expect", "option"), so no JSON-LD
// processing is needed to run the tests of the JSON-LD processor.
#include <boost/json.hpp>
#include <filesystem>
#include <map>
#include <memory>

#include "manifest.h"

namespace sextant::w3c {

namespace {

namespace json = boost::json;

constexpr const char* kJldVocab = "https://w3c.github.io/json-ld-api/tests/vocab#";

std::string Text(const json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_bool()) return v.get_bool() ? "true" : "false";
  return json::serialize(v);
}

}  // namespace

Status LoadJsonLdManifest(const std::string& path, std::vector<TestCase>* tests) {
  boost::system::error_code ec;
  const json::value doc = json::parse(ReadAll(path), ec);
  if (ec || !doc.is_object()) return Status::InvalidArgument(path + " is not a JSON manifest");
  const json::object& m = doc.get_object();
  const std::string base = m.contains("baseIri") ? Text(m.at("baseIri")) : std::string();
  const std::string stem = std::filesystem::path(path).stem().string();
  const std::string dir = std::filesystem::absolute(path).parent_path().string();
  const json::value* seq = m.if_contains("sequence");
  if (seq == nullptr || !seq->is_array()) return Status::InvalidArgument(path + ": no sequence");
  // Per test: the entries the handlers ask for through TestCase::objects.
  auto facts =
      std::make_shared<std::map<std::string, std::map<std::string, std::vector<std::string>>>>();
  for (const auto& entry : seq->get_array()) {
    if (!entry.is_object()) continue;
    const json::object& e = entry.get_object();
    TestCase tc;
    tc.iri = base + stem + Text(e.at("@id"));
    tc.name = e.contains("name") ? Text(e.at("name")) : std::string();
    tc.manifest_path = path;
    auto& f = (*facts)[tc.iri];
    f["baseIri"].push_back(base);
    for (const auto& t : e.at("@type").as_array()) {
      const std::string type = Text(t);
      f["@type"].push_back(type);
      if (type != "jld:PositiveEvaluationTest" && type != "jld:NegativeEvaluationTest" &&
          type != "jld:PositiveSyntaxTest") {
        tc.type = std::string(kJldVocab) + type.substr(type.find(':') + 1);
      }
    }
    if (const json::value* ec_code = e.if_contains("expectErrorCode")) {
      f["expectErrorCode"].push_back(Text(*ec_code));
    }
    if (const json::value* opt = e.if_contains("option"); opt != nullptr && opt->is_object()) {
      for (const auto& o : opt->get_object())
        f["option:" + std::string(o.key())].push_back(Text(o.value()));
      // Tests for JSON-LD 1.0 processors only: a 1.1 processor is not expected to pass them.
      const json::value* spec = opt->get_object().if_contains("specVersion");
      if (spec != nullptr && Text(*spec) == "json-ld-1.0")
        tc.type = std::string(kJldVocab) + "JsonLd10OnlyTest";
    }
    if (const json::value* in = e.if_contains("input")) {
      tc.action_iri = base + Text(*in);
      tc.action_path = dir + "/" + Text(*in);
    }
    if (const json::value* out = e.if_contains("expect"); out != nullptr && out->is_string()) {
      tc.result_path = dir + "/" + Text(*out);
    }
    tc.objects = [facts](const std::string& subject, const std::string& key) {
      const auto s = facts->find(subject);
      if (s == facts->end()) return std::vector<std::string>();
      const auto k = s->second.find(key);
      return k == s->second.end() ? std::vector<std::string>() : k->second;
    };
    tc.local_path = [dir, base](const std::string& iri) {
      return iri.rfind(base, 0) == 0 ? dir + "/" + iri.substr(base.size()) : std::string();
    };
    tests->push_back(std::move(tc));
  }
  return Status::OK();
}

}  // namespace sextant::w3c
