// Handlers for the RDF 1.1 and 1.2 syntax suites: N-Triples, N-Quads, Turtle, TriG and RDF/XML
// positive/negative syntax tests, evaluation tests (compared by isomorphism) and N-Triples /
// N-Quads canonical form tests (compared as text).
#include <fstream>
#include <sstream>
#include <string>

#include "rdf/isomorphism.h"
#include "rdf/parser.h"
#include "w3c.h"

namespace sextant::w3c {

namespace {

constexpr const char* kRdft = "http://www.w3.org/ns/rdftest#";

Result<std::vector<Quad>> ParseAction(const TestCase& tc, RdfFormat format) {
  if (tc.action_path.empty()) return Status::NotFound("test has no action file");
  rdf::ParseOptions options;
  options.format = format;
  // The specs resolve relative IRIs against the action's own (public) IRI.
  options.base_iri = tc.action_iri;
  return rdf::ParseFileToQuads(tc.action_path, options);
}

Handler PositiveSyntax(RdfFormat format) {
  return [format](const TestCase& tc) {
    auto parsed = ParseAction(tc, format);
    if (parsed.ok()) return Outcome{true, ""};
    return Outcome{false, "rejected valid input: " + parsed.status().ToString()};
  };
}

Handler NegativeSyntax(RdfFormat format) {
  return [format](const TestCase& tc) {
    auto parsed = ParseAction(tc, format);
    if (parsed.ok()) {
      return Outcome{false,
                     "accepted invalid input (" + std::to_string(parsed->size()) + " quads)"};
    }
    if (parsed.status().code() != StatusCode::kSyntaxError) {
      return Outcome{false, "expected a syntax error, got " + parsed.status().ToString()};
    }
    return Outcome{true, ""};
  };
}

Handler Eval(RdfFormat format) {
  return [format](const TestCase& tc) {
    auto parsed = ParseAction(tc, format);
    if (!parsed.ok()) return Outcome{false, "rejected valid input: " + parsed.status().ToString()};
    if (tc.result_path.empty()) return Outcome{false, "test has no result file"};
    rdf::ParseOptions options;
    options.format = format == RdfFormat::kTriG ? RdfFormat::kNQuads : RdfFormat::kNTriples;
    auto expected = rdf::ParseFileToQuads(tc.result_path, options);
    if (!expected.ok()) {
      return Outcome{false, "cannot read expected result: " + expected.status().ToString()};
    }
    std::string why;
    if (!rdf::Isomorphic(*parsed, *expected, &why)) return Outcome{false, "result differs: " + why};
    return Outcome{true, ""};
  };
}

// Canonical N-Triples / N-Quads: the action written back, line for line, is the result file.
Handler C14N(RdfFormat format) {
  return [format](const TestCase& tc) {
    auto parsed = ParseAction(tc, format);
    if (!parsed.ok()) return Outcome{false, "rejected valid input: " + parsed.status().ToString()};
    std::ifstream in(tc.result_path, std::ios::binary);
    if (!in) return Outcome{false, "cannot read expected result " + tc.result_path};
    std::stringstream expected;
    expected << in.rdbuf();
    std::string written;
    for (const Quad& q : *parsed) written += q.ToNQuads() + "\n";
    if (written != expected.str()) {
      return Outcome{false,
                     "canonical form differs: wrote\n" + written + "expected\n" + expected.str()};
    }
    return Outcome{true, ""};
  };
}

bool RegisterFormat(const std::string& name, RdfFormat format, bool has_eval) {
  const std::string base = std::string(kRdft) + "Test" + name;
  bool ok = RegisterTestType(base + "PositiveSyntax", PositiveSyntax(format));
  ok &= RegisterTestType(base + "NegativeSyntax", NegativeSyntax(format));
  if (has_eval) {
    ok &= RegisterTestType(base + "Eval", Eval(format));
    // A negative evaluation test's input must not be loaded: it is a syntax error to us.
    ok &= RegisterTestType(base + "NegativeEval", NegativeSyntax(format));
  }
  return ok;
}

// Every format is registered, whatever an earlier registration returned.
bool RegisterRdfFormats() {
  bool ok = RegisterFormat("NTriples", RdfFormat::kNTriples, false);
  ok = RegisterFormat("NQuads", RdfFormat::kNQuads, false) && ok;
  ok = RegisterTestType(std::string(kRdft) + "TestNTriplesPositiveC14N",
                        C14N(RdfFormat::kNTriples)) &&
       ok;
  ok = RegisterTestType(std::string(kRdft) + "TestNQuadsPositiveC14N", C14N(RdfFormat::kNQuads)) &&
       ok;
  ok = RegisterFormat("Turtle", RdfFormat::kTurtle, true) && ok;
  ok = RegisterFormat("Trig", RdfFormat::kTriG, true) && ok;
  // RDF/XML has no positive syntax tests: every valid input comes with its expected triples.
  ok = RegisterFormat("XML", RdfFormat::kRdfXml, true) && ok;
  return ok;
}

[[maybe_unused]] const bool kRdfRegistered = RegisterRdfFormats();

}  // namespace

}  // namespace sextant::w3c
