// The lexical form of an rdf:XMLLiteral from RDF/XML's rdf:parseType="Literal": the element's
// content in exclusive XML canonical form with comments (RDF 1.1 XML Syntax 7.2.17), built from
// expat's events (names in expat's "namespace SEP local SEP prefix" triplet form).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sextant::rdf {

inline constexpr char kXmlNameSeparator = '\x1F';

class XmlLiteralBuilder {
 public:
  void Clear();
  void StartElement(const char* name, const char** attributes);
  void EndElement(const char* name);
  void Text(std::string_view text);
  void Comment(const char* text);
  void ProcessingInstruction(const char* target, const char* data);
  const std::string& text() const { return out_; }

 private:
  struct OpenElement {
    std::string qname;
    size_t rendered_before;  // size of rendered_ when the element opened
  };
  // The namespace bound to `prefix` ("" for the default) by the nearest output ancestor, or
  // nullptr when none declared it.
  const std::string* Rendered(std::string_view prefix) const;

  std::string out_;
  std::vector<OpenElement> open_;
  // (prefix, namespace) declarations written by the open elements, innermost last.
  std::vector<std::pair<std::string, std::string>> rendered_;
};

// Splits an expat triplet name into namespace, local name and prefix (each may be empty).
struct XmlName {
  std::string_view ns;
  std::string_view local;
  std::string_view prefix;
};
XmlName SplitXmlName(std::string_view name);

}  // namespace sextant::rdf
