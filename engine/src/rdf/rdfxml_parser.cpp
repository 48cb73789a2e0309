#include "rdf/rdfxml_parser.h"

#include <expat.h>

#include <cstdint>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/iri_resolve.h"
#include "rdf/parse_sink.h"
#include "rdf/xml_literal.h"

namespace sextant::rdf {

namespace {

constexpr std::string_view kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";
// The Internationalization Tag Set: its:dir gives a literal's base direction (RDF 1.2).
constexpr std::string_view kItsNs = "http://www.w3.org/2005/11/its";
constexpr std::string_view kXmlLiteral = "http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral";
constexpr size_t kRdfXmlBlock = 1u << 16;
// Deeper XML than this is refused: every open element holds a frame.
constexpr size_t kRdfXmlMaxDepth = 10000;

// What the content of the innermost open element may be.
enum class RdfXmlState : uint8_t {
  kNodes,       // rdf:RDF: node elements
  kProperties,  // a node element or rdf:parseType="Resource": property elements
  kObject,      // a property element: text, or one node element
  kObjectDone,  // a property element whose node element was read: white space only
  kCollection,  // rdf:parseType="Collection": node elements
  kTriple,      // rdf:parseType="Triple" (RDF 1.2): one node element with one property
  kLiteral,     // rdf:parseType="Literal": any XML
  kSkip,        // lenient mode: an element with an error, skipped whole
};

struct RdfXmlTerm {
  TermKind kind = TermKind::kIri;
  std::string value;
  TermView View() const {
    TermView v;
    v.kind = kind;
    v.value = value;
    return v;
  }
};

struct RdfXmlFrame {
  RdfXmlState state = RdfXmlState::kNodes;
  size_t base = 0;  // index into bases_
  size_t lang = 0;  // index into langs_
  // RDF 1.2: its:dir in scope, and whether rdf:version announced RDF 1.2 (directions and
  // triple terms count only then).
  Direction dir = Direction::kNone;
  bool rdf12 = false;
  bool own_base = false;
  bool own_lang = false;
  uint64_t line = 0;
  uint64_t column = 0;
  // Elements nested inside a kLiteral or kSkip frame.
  size_t depth = 0;
  // Node elements: the subject and the next rdf:li number. Property elements: the subject the
  // property belongs to.
  RdfXmlTerm subject;
  uint64_t li = 1;
  // Property elements.
  std::string predicate;
  std::string reify;  // the rdf:ID statement IRI, empty when none
  // rdf:annotation / rdf:annotationNodeID (RDF 1.2): the reifier of the statement.
  bool has_annotation = false;
  RdfXmlTerm annotation;
  std::string datatype;
  bool has_datatype = false;
  bool has_object = false;  // rdf:resource or rdf:nodeID
  RdfXmlTerm object;
  std::vector<std::pair<std::string, std::string>> property_attributes;
  std::string text;
  bool has_cell = false;  // collections: the last list cell
  RdfXmlTerm cell;
};

// XML 1.0 (5th edition) NameStartChar and NameChar, without ':' (an NCName).
bool IsNameStartCodePoint(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || c == 0x200C || c == 0x200D ||
         (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

bool IsNameCodePoint(uint32_t c) {
  return IsNameStartCodePoint(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 ||
         (c >= 0x300 && c <= 0x36F) || c == 0x203F || c == 0x2040;
}

// expat hands over valid UTF-8, so decoding needs no error handling.
uint32_t NextCodePoint(std::string_view s, size_t* i) {
  const auto c = static_cast<unsigned char>(s[*i]);
  const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  uint32_t cp = n == 1 ? c : c & (0x7F >> n);
  for (int k = 1; k < n && *i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  }
  *i += n;
  return cp;
}

bool IsNcName(std::string_view s) {
  size_t i = 0;
  bool first = true;
  while (i < s.size()) {
    const uint32_t c = NextCodePoint(s, &i);
    if (first ? !IsNameStartCodePoint(c) : !IsNameCodePoint(c)) return false;
    first = false;
  }
  return !first;
}

bool IsXmlSpace(std::string_view s) {
  for (const char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

// RDF names no element or attribute may use: the syntax terms and the retired ones.
bool IsSyntaxOrOldTerm(std::string_view local) {
  return local == "RDF" || local == "ID" || local == "about" || local == "parseType" ||
         local == "resource" || local == "nodeID" || local == "datatype" || local == "aboutEach" ||
         local == "aboutEachPrefix" || local == "bagID";
}

// The attributes of a node or property element, sorted out.
struct RdfXmlAttributes {
  const char* id = nullptr;
  const char* about = nullptr;
  const char* node_id = nullptr;
  const char* resource = nullptr;
  const char* datatype = nullptr;
  const char* parse_type = nullptr;
  const char* annotation = nullptr;
  const char* annotation_node_id = nullptr;
  // Property attributes: (property IRI, value); rdf:type's value is an IRI.
  std::vector<std::pair<std::string, std::string>> properties;
};

class RdfXmlParser {
 public:
  RdfXmlParser(ByteInput& input, const ParseOptions& options, const QuadHandler& on_quad,
               const DiagnosticHandler& on_error)
      : input_(input), options_(options), sink_(options, input, on_quad, on_error) {
    bases_.push_back(options.base_iri);
    langs_.emplace_back();
  }
  ~RdfXmlParser() {
    if (xml_ != nullptr) XML_ParserFree(xml_);
  }

  Result<ParseStats> Run();

 private:
  static void XMLCALL OnStart(void* self, const XML_Char* name, const XML_Char** atts) {
    static_cast<RdfXmlParser*>(self)->Start(name, atts);
  }
  static void XMLCALL OnEnd(void* self, const XML_Char* name) {
    static_cast<RdfXmlParser*>(self)->End(name);
  }
  static void XMLCALL OnText(void* self, const XML_Char* text, int len) {
    static_cast<RdfXmlParser*>(self)->Text(std::string_view(text, static_cast<size_t>(len)));
  }
  static void XMLCALL OnComment(void* self, const XML_Char* text) {
    auto* p = static_cast<RdfXmlParser*>(self);
    if (p->InLiteral()) p->literal_.Comment(text);
  }
  static void XMLCALL OnPi(void* self, const XML_Char* target, const XML_Char* data) {
    auto* p = static_cast<RdfXmlParser*>(self);
    if (p->InLiteral()) p->literal_.ProcessingInstruction(target, data);
  }

  bool InLiteral() const { return !stack_.empty() && stack_.back().state == RdfXmlState::kLiteral; }
  const std::string& Base() const { return bases_[stack_.empty() ? 0 : stack_.back().base]; }
  const std::string& Lang() const { return langs_[stack_.empty() ? 0 : stack_.back().lang]; }

  void Start(const char* name, const char** atts);
  void End(const char* name);
  void Text(std::string_view text);

  // Opens a frame for the element just started (inheriting base and language).
  RdfXmlFrame& Push(RdfXmlState state);
  void Pop();
  // Applies xml:base and xml:lang of the element to its new frame.
  void ApplyXmlAttributes(RdfXmlFrame& frame, const char** atts);

  // An error message for attributes no element may carry, empty when all is well.
  static std::string ClassifyAttributes(const char** atts, RdfXmlAttributes* out);
  // Pops the frame and reports when the rdf:nodeID is not an NCName.
  bool MakeBlankFromNodeId(const char* node_id, RdfXmlTerm* term);
  bool EmitPropertyAttributes(const TermView& s,
                              const std::vector<std::pair<std::string, std::string>>& properties,
                              const std::string& lang, Direction dir);
  void StartNode(const XmlName& name, const char** atts);
  void StartProperty(const XmlName& name, const char** atts);
  void EndProperty(RdfXmlFrame& frame);
  // Reports an error at the current position; false when parsing stops (strict mode or a
  // failing handler). In lenient mode the current element is skipped when `skip` is set.
  bool Fail(const std::string& message, bool skip);
  bool FailAt(uint64_t line, uint64_t column, const std::string& message);

  // The rdf-namespace local name of an attribute, or empty when it is not an RDF attribute;
  // unqualified ID, about, resource, parseType and type count as RDF ones (RDF/XML 6.1.4).
  static std::string_view RdfAttributeName(const XmlName& n);
  bool CheckId(std::string_view id, std::string* iri);
  void NewBlank(RdfXmlTerm* term);
  std::string Resolve(std::string_view ref) const {
    return bases_[stack_.empty() ? 0 : stack_.back().base].empty() ? std::string(ref)
                                                                   : ResolveIri(Base(), ref);
  }

  bool Emit(const TermView& s, std::string_view p, const TermView& o);
  bool EmitLink(const RdfXmlFrame& property, const TermView& object);
  TermView PlainLiteral(std::string_view text, std::string_view lang, Direction dir) const;
  // A literal's base direction: its:dir counts once rdf:version announced RDF 1.2.
  static Direction DirOf(const RdfXmlFrame& f) { return f.rdf12 ? f.dir : Direction::kNone; }

  ByteInput& input_;
  const ParseOptions& options_;
  ParseSink sink_;
  XML_Parser xml_ = nullptr;
  Status status_;
  bool stopped_ = false;

  std::vector<RdfXmlFrame> stack_;
  size_t depth_ = 0;  // open frames (stack_ keeps closed ones for their buffers)
  std::vector<std::string> bases_;
  std::vector<std::string> langs_;
  std::unordered_set<std::string> ids_;
  uint64_t blank_counter_ = 0;
  XmlLiteralBuilder literal_;
  std::string iri_buf_;
  // The statements made inside each open rdf:parseType="Triple" element, innermost last: they
  // become the triple term, not data.
  std::vector<std::vector<Quad>> captures_;
};

RdfXmlFrame& RdfXmlParser::Push(RdfXmlState state) {
  const size_t base = depth_ == 0 ? 0 : stack_[depth_ - 1].base;
  const size_t lang = depth_ == 0 ? 0 : stack_[depth_ - 1].lang;
  const Direction dir = depth_ == 0 ? Direction::kNone : stack_[depth_ - 1].dir;
  const bool rdf12 = depth_ != 0 && stack_[depth_ - 1].rdf12;
  // Frames past depth_ are closed ones kept for their string capacity.
  if (depth_ == stack_.size()) stack_.emplace_back();
  RdfXmlFrame& f = stack_[depth_++];
  f.state = state;
  f.base = base;
  f.lang = lang;
  f.dir = dir;
  f.rdf12 = rdf12;
  f.own_base = f.own_lang = false;
  f.line = XML_GetCurrentLineNumber(xml_);
  f.column = XML_GetCurrentColumnNumber(xml_) + 1;
  f.depth = 0;
  f.li = 1;
  f.reify.clear();
  f.has_annotation = false;
  f.has_datatype = f.has_object = f.has_cell = false;
  f.property_attributes.clear();
  f.text.clear();
  return f;
}

void RdfXmlParser::Pop() {
  RdfXmlFrame& f = stack_[depth_ - 1];
  if (f.own_base) bases_.pop_back();
  if (f.own_lang) langs_.pop_back();
  --depth_;
}

void RdfXmlParser::ApplyXmlAttributes(RdfXmlFrame& frame, const char** atts) {
  for (const char** a = atts; *a != nullptr; a += 2) {
    const XmlName n = SplitXmlName(a[0]);
    if (n.ns == kRdfNs && n.local == "version") {
      frame.rdf12 = true;
      continue;
    }
    if (n.ns == kItsNs && n.local == "dir") {
      frame.dir = DirectionFromName(a[1]).value_or(Direction::kNone);
      continue;
    }
    if (n.ns != kXmlNs) continue;
    if (n.local == "base") {
      // The new base is resolved against the one in effect, then stands for this element.
      std::string base = ResolveIri(bases_[frame.base], a[1]);
      bases_.push_back(std::move(base));
      frame.base = bases_.size() - 1;
      frame.own_base = true;
    } else if (n.local == "lang") {
      langs_.emplace_back(a[1]);
      frame.lang = langs_.size() - 1;
      frame.own_lang = true;
    }
  }
}

std::string_view RdfXmlParser::RdfAttributeName(const XmlName& n) {
  if (n.ns == kRdfNs) return n.local;
  if (n.ns.empty() && (n.local == "ID" || n.local == "about" || n.local == "resource" ||
                       n.local == "parseType" || n.local == "type")) {
    return n.local;
  }
  return {};
}

bool RdfXmlParser::FailAt(uint64_t line, uint64_t column, const std::string& message) {
  Status st = sink_.Report(line, column, message);
  if (st.ok()) return true;
  status_ = std::move(st);
  stopped_ = true;
  XML_StopParser(xml_, XML_FALSE);
  return false;
}

bool RdfXmlParser::Fail(const std::string& message, bool skip) {
  if (!FailAt(XML_GetCurrentLineNumber(xml_), XML_GetCurrentColumnNumber(xml_) + 1, message)) {
    return false;
  }
  if (skip) Push(RdfXmlState::kSkip);
  return true;
}

bool RdfXmlParser::CheckId(std::string_view id, std::string* iri) {
  if (!IsNcName(id)) {
    Fail("rdf:ID '" + std::string(id) + "' is not an XML name (NCName)", true);
    return false;
  }
  *iri = Resolve("#" + std::string(id));
  if (!ids_.insert(*iri).second) {
    Fail("rdf:ID '" + std::string(id) + "' used twice with the same base (<" + *iri + ">)", true);
    return false;
  }
  return true;
}

void RdfXmlParser::NewBlank(RdfXmlTerm* term) {
  term->kind = TermKind::kBlank;
  term->value = options_.blank_prefix;
  term->value += "_g";
  term->value += std::to_string(++blank_counter_);
}

TermView RdfXmlParser::PlainLiteral(std::string_view text, std::string_view lang,
                                    Direction dir) const {
  TermView o;
  o.kind = TermKind::kLiteral;
  o.value = text;
  if (lang.empty()) {
    o.datatype = vocab::kXsdString;
  } else {
    o.language = lang;
    o.datatype = vocab::kRdfLangString;
    o.direction = dir;
  }
  return o;
}

bool RdfXmlParser::Emit(const TermView& s, std::string_view p, const TermView& o) {
  QuadView q;
  q.subject = s;
  q.predicate.kind = TermKind::kIri;
  q.predicate.value = p;
  q.object = o;
  q.graph.kind = TermKind::kDefaultGraph;
  if (!captures_.empty()) {
    // Two statements already make the element wrong: keep no more, whatever the input holds.
    if (captures_.back().size() < 2) captures_.back().push_back(q.ToQuad());
    return true;
  }
  sink_.set_bytes(static_cast<uint64_t>(XML_GetCurrentByteIndex(xml_)));
  Status st = sink_.Emit(q);
  if (st.ok()) return true;
  status_ = std::move(st);
  stopped_ = true;
  XML_StopParser(xml_, XML_FALSE);
  return false;
}

// The statement of a property element, and its reification when the element has an rdf:ID.
bool RdfXmlParser::EmitLink(const RdfXmlFrame& property, const TermView& object) {
  const TermView s = property.subject.View();
  if (!Emit(s, property.predicate, object)) return false;
  const std::string rdf = std::string(kRdfNs);
  if (property.has_annotation) {
    TermView parts[3] = {s, {}, object};
    parts[1].kind = TermKind::kIri;
    parts[1].value = property.predicate;
    TermView triple;
    triple.kind = TermKind::kTriple;
    triple.parts = parts;
    if (!Emit(property.annotation.View(), rdf + "reifies", triple)) return false;
  }
  if (property.reify.empty()) return true;
  TermView r;
  r.kind = TermKind::kIri;
  r.value = property.reify;
  TermView p;
  p.kind = TermKind::kIri;
  p.value = property.predicate;
  TermView statement;
  statement.kind = TermKind::kIri;
  const std::string statement_iri = std::string(kRdfNs) + "Statement";
  statement.value = statement_iri;
  return Emit(r, rdf + "type", statement) && Emit(r, rdf + "subject", s) &&
         Emit(r, rdf + "predicate", p) && Emit(r, rdf + "object", object);
}

void RdfXmlParser::Start(const char* name, const char** atts) {
  if (stopped_) return;
  if (depth_ > 0) {
    RdfXmlFrame& top = stack_[depth_ - 1];
    if (top.state == RdfXmlState::kSkip) {
      ++top.depth;
      return;
    }
    if (top.state == RdfXmlState::kLiteral) {
      ++top.depth;
      literal_.StartElement(name, atts);
      return;
    }
  }
  if (depth_ >= kRdfXmlMaxDepth) {
    Fail("elements nested more than " + std::to_string(kRdfXmlMaxDepth) + " deep", true);
    return;
  }
  const XmlName n = SplitXmlName(name);
  if (depth_ == 0) {
    if (n.ns == kRdfNs && n.local == "RDF") {
      ApplyXmlAttributes(Push(RdfXmlState::kNodes), atts);
      return;
    }
    StartNode(n, atts);  // a document may be a single node element without rdf:RDF
    return;
  }
  switch (stack_[depth_ - 1].state) {
    case RdfXmlState::kNodes:
    case RdfXmlState::kCollection:
    case RdfXmlState::kTriple: StartNode(n, atts); return;
    case RdfXmlState::kObject:
      if (!IsXmlSpace(stack_[depth_ - 1].text)) {
        Fail("a property element holds either text or a node element, not both", true);
        return;
      }
      StartNode(n, atts);
      return;
    case RdfXmlState::kProperties: StartProperty(n, atts); return;
    case RdfXmlState::kObjectDone:
      Fail("a property element holds one node element only", true);
      return;
    case RdfXmlState::kLiteral:
    case RdfXmlState::kSkip: return;  // handled above
  }
}

std::string RdfXmlParser::ClassifyAttributes(const char** atts, RdfXmlAttributes* out) {
  for (const char** a = atts; *a != nullptr; a += 2) {
    const XmlName an = SplitXmlName(a[0]);
    if (an.ns == kXmlNs) continue;
    // its:dir and its:version say how to read literals, rdf:version which RDF (RDF 1.2).
    if (an.ns == kItsNs && (an.local == "dir" || an.local == "version")) continue;
    const std::string_view rdf = RdfAttributeName(an);
    if (rdf == "ID") {
      out->id = a[1];
    } else if (rdf == "about") {
      out->about = a[1];
    } else if (rdf == "nodeID") {
      out->node_id = a[1];
    } else if (rdf == "resource") {
      out->resource = a[1];
    } else if (rdf == "datatype") {
      out->datatype = a[1];
    } else if (rdf == "parseType") {
      out->parse_type = a[1];
    } else if (rdf == "annotation") {
      out->annotation = a[1];
    } else if (rdf == "annotationNodeID") {
      out->annotation_node_id = a[1];
    } else if (rdf == "version") {  // NOLINT(bugprone-branch-clone): not a property either
      continue;
    } else if (!rdf.empty() && (IsSyntaxOrOldTerm(rdf) || rdf == "li" || rdf == "Description")) {
      return "rdf:" + std::string(rdf) + " is not allowed as an attribute";
    } else if (an.ns.empty() && rdf.empty()) {
      // Names starting with "xml" are reserved by XML and carry nothing for RDF.
      if (an.local.substr(0, 3) == "xml") continue;
      return "attribute '" + std::string(an.local) + "' has no namespace";
    } else if (an.prefix.substr(0, 3) == "xml") {
      continue;
    } else {
      std::string uri(rdf.empty() ? an.ns : kRdfNs);
      uri.append(rdf.empty() ? an.local : rdf);
      out->properties.emplace_back(std::move(uri), a[1]);
    }
  }
  return {};
}

bool RdfXmlParser::MakeBlankFromNodeId(const char* node_id, RdfXmlTerm* term) {
  if (!IsNcName(node_id)) {
    Pop();
    Fail("rdf:nodeID '" + std::string(node_id) + "' is not an XML name (NCName)", true);
    return false;
  }
  term->kind = TermKind::kBlank;
  term->value = options_.blank_prefix;
  term->value += node_id;
  return true;
}

bool RdfXmlParser::EmitPropertyAttributes(
    const TermView& s, const std::vector<std::pair<std::string, std::string>>& properties,
    const std::string& lang, Direction dir) {
  const std::string rdf_type = std::string(kRdfNs) + "type";
  for (const auto& [uri, value] : properties) {
    if (uri == rdf_type) {
      const std::string t = Resolve(value);
      TermView iri;
      iri.kind = TermKind::kIri;
      iri.value = t;
      if (!Emit(s, uri, iri)) return false;
    } else if (!Emit(s, uri, PlainLiteral(value, lang, dir))) {
      return false;
    }
  }
  return true;
}

void RdfXmlParser::StartNode(const XmlName& n, const char** atts) {
  if (n.ns.empty()) {
    Fail("element '" + std::string(n.local) + "' has no namespace, so it names no RDF class", true);
    return;
  }
  if (n.ns == kRdfNs && (IsSyntaxOrOldTerm(n.local) || n.local == "li")) {
    Fail("rdf:" + std::string(n.local) + " cannot be used as a node element", true);
    return;
  }
  // The node's frame first: xml:base and xml:lang on the element apply to its attributes.
  const size_t parent = depth_;  // index + 1 of the enclosing frame (0: none)
  RdfXmlFrame& f = Push(RdfXmlState::kProperties);
  ApplyXmlAttributes(f, atts);
  RdfXmlAttributes a;
  std::string error = ClassifyAttributes(atts, &a);
  if (error.empty() &&
      (a.resource != nullptr || a.datatype != nullptr || a.parse_type != nullptr)) {
    error = "rdf:resource, rdf:datatype and rdf:parseType belong on property elements";
  }
  if (error.empty() && (a.annotation != nullptr || a.annotation_node_id != nullptr)) {
    error = "rdf:annotation and rdf:annotationNodeID belong on property elements";
  }
  if (error.empty() && parent > 0 && stack_[parent - 1].state == RdfXmlState::kTriple &&
      stack_[parent - 1].has_cell) {
    error = "rdf:parseType=\"Triple\" holds one node element only";
  }
  if (error.empty() && (a.id != nullptr) + (a.about != nullptr) + (a.node_id != nullptr) > 1) {
    error = "a node element takes at most one of rdf:ID, rdf:about and rdf:nodeID";
  }
  if (!error.empty()) {
    Pop();
    Fail(error, true);
    return;
  }
  if (a.id != nullptr) {
    f.subject.kind = TermKind::kIri;
    if (!CheckId(a.id, &f.subject.value)) {
      // CheckId pushed a skip frame on top of the node's: fold it into the node's frame.
      if (!stopped_) {
        Pop();
        Pop();
        Push(RdfXmlState::kSkip);
      }
      return;
    }
  } else if (a.about != nullptr) {
    f.subject.kind = TermKind::kIri;
    f.subject.value = Resolve(a.about);
  } else if (a.node_id != nullptr) {
    if (!MakeBlankFromNodeId(a.node_id, &f.subject)) return;
  } else {
    NewBlank(&f.subject);
  }
  const TermView s = f.subject.View();
  // The statement linking the node to the property element or list it is the object of.
  if (parent > 0) {
    RdfXmlFrame& up = stack_[parent - 1];
    if (up.state == RdfXmlState::kObject) {
      up.state = RdfXmlState::kObjectDone;
      if (!EmitLink(up, s)) return;
    } else if (up.state == RdfXmlState::kCollection) {
      RdfXmlTerm cell;
      NewBlank(&cell);
      if (!up.has_cell) {
        if (!EmitLink(up, cell.View())) return;
      } else if (!Emit(up.cell.View(), std::string(kRdfNs) + "rest", cell.View())) {
        return;
      }
      up.cell = std::move(cell);
      up.has_cell = true;
      if (!Emit(up.cell.View(), std::string(kRdfNs) + "first", s)) return;
    } else if (up.state == RdfXmlState::kTriple) {
      up.has_cell = true;  // the node's statement is the triple term, made at the end
    }
  }
  if (!(n.ns == kRdfNs && n.local == "Description")) {
    TermView iri;
    iri.kind = TermKind::kIri;
    iri_buf_.assign(n.ns);
    iri_buf_.append(n.local);
    iri.value = iri_buf_;
    if (!Emit(s, std::string(kRdfNs) + "type", iri)) return;
  }
  EmitPropertyAttributes(s, a.properties, Lang(), DirOf(f));
}

void RdfXmlParser::StartProperty(const XmlName& n, const char** atts) {
  if (n.ns.empty()) {
    Fail("element '" + std::string(n.local) + "' has no namespace, so it names no property", true);
    return;
  }
  if (n.ns == kRdfNs && (IsSyntaxOrOldTerm(n.local) || n.local == "Description")) {
    Fail("rdf:" + std::string(n.local) + " cannot be used as a property element", true);
    return;
  }
  RdfXmlFrame& node = stack_[depth_ - 1];
  std::string predicate;
  if (n.ns == kRdfNs && n.local == "li") {
    predicate = std::string(kRdfNs) + "_" + std::to_string(node.li++);
  } else {
    predicate.assign(n.ns);
    predicate.append(n.local);
  }
  RdfXmlTerm subject = node.subject;
  RdfXmlFrame& f = Push(RdfXmlState::kObject);
  ApplyXmlAttributes(f, atts);
  f.subject = std::move(subject);
  f.predicate = std::move(predicate);
  RdfXmlAttributes a;
  std::string error = ClassifyAttributes(atts, &a);
  if (error.empty() && a.about != nullptr) error = "rdf:about belongs on node elements";
  if (error.empty() && a.resource != nullptr && a.node_id != nullptr) {
    error = "a property element takes rdf:resource or rdf:nodeID, not both";
  }
  if (error.empty() && a.annotation != nullptr && a.annotation_node_id != nullptr) {
    error = "a property element takes rdf:annotation or rdf:annotationNodeID, not both";
  }
  if (error.empty() && a.parse_type != nullptr &&
      (a.resource != nullptr || a.node_id != nullptr || a.datatype != nullptr ||
       !a.properties.empty())) {
    error =
        "rdf:parseType cannot be combined with rdf:resource, rdf:nodeID, rdf:datatype or "
        "property attributes";
  }
  if (!error.empty()) {
    Pop();
    Fail(error, true);
    return;
  }
  f.property_attributes = std::move(a.properties);
  if (a.datatype != nullptr) {
    f.datatype = Resolve(a.datatype);
    f.has_datatype = true;
  }
  if (a.id != nullptr && !CheckId(a.id, &f.reify)) {
    if (!stopped_) {
      Pop();
      Pop();
      Push(RdfXmlState::kSkip);
    }
    return;
  }
  if (a.annotation != nullptr) {
    f.annotation.kind = TermKind::kIri;
    f.annotation.value = Resolve(a.annotation);
    f.has_annotation = true;
  } else if (a.annotation_node_id != nullptr) {
    if (!MakeBlankFromNodeId(a.annotation_node_id, &f.annotation)) return;
    f.has_annotation = true;
  }
  if (a.resource != nullptr) {
    f.has_object = true;
    f.object.kind = TermKind::kIri;
    f.object.value = Resolve(a.resource);
  } else if (a.node_id != nullptr) {
    if (!MakeBlankFromNodeId(a.node_id, &f.object)) return;
    f.has_object = true;
  }
  if (a.parse_type == nullptr) return;
  const std::string_view pt = a.parse_type;
  if (pt == "Resource") {
    RdfXmlTerm blank;
    NewBlank(&blank);
    if (!EmitLink(f, blank.View())) return;
    // The element's content describes the new blank node, like a node element's.
    f.state = RdfXmlState::kProperties;
    f.subject = std::move(blank);
    f.li = 1;
  } else if (pt == "Collection") {
    f.state = RdfXmlState::kCollection;
  } else if (pt == "Triple") {
    if (!f.rdf12) {
      // Without the RDF 1.2 announcement the W3C suite has the element ignored (rdf12-xml-tt-01).
      f.state = RdfXmlState::kSkip;
      f.depth = 0;
      return;
    }
    f.state = RdfXmlState::kTriple;
    captures_.emplace_back();
  } else {
    // "Literal" and, as the spec says, any other value.
    f.state = RdfXmlState::kLiteral;
    literal_.Clear();
  }
}

void RdfXmlParser::EndProperty(RdfXmlFrame& f) {
  if (f.state == RdfXmlState::kObjectDone) return;
  const bool empty_content =
      f.text.empty() || (IsXmlSpace(f.text) && (f.has_object || !f.property_attributes.empty()));
  if (!empty_content || (!f.has_object && f.property_attributes.empty())) {
    if (f.has_object || !f.property_attributes.empty()) {
      FailAt(f.line, f.column,
             "a property element with rdf:resource, rdf:nodeID or property attributes must be "
             "empty");
      return;
    }
    TermView o = PlainLiteral(f.text, langs_[f.lang], DirOf(f));
    if (f.has_datatype) {
      o.language = {};
      o.datatype = f.datatype;
    }
    EmitLink(f, o);
    return;
  }
  if (f.has_datatype) {
    FailAt(f.line, f.column, "rdf:datatype needs text content");
    return;
  }
  if (!f.has_object) NewBlank(&f.object);
  const TermView r = f.object.View();
  if (!EmitLink(f, r)) return;
  EmitPropertyAttributes(r, f.property_attributes, langs_[f.lang], DirOf(f));
}

void RdfXmlParser::End(const char* name) {
  if (stopped_ || depth_ == 0) return;
  RdfXmlFrame& f = stack_[depth_ - 1];
  if ((f.state == RdfXmlState::kSkip || f.state == RdfXmlState::kLiteral) && f.depth > 0) {
    --f.depth;
    if (f.state == RdfXmlState::kLiteral) literal_.EndElement(name);
    return;
  }
  switch (f.state) {
    case RdfXmlState::kObject:
    case RdfXmlState::kObjectDone: EndProperty(f); break;
    case RdfXmlState::kLiteral: {
      TermView o;
      o.kind = TermKind::kLiteral;
      o.value = literal_.text();
      o.datatype = kXmlLiteral;
      EmitLink(f, o);
      break;
    }
    case RdfXmlState::kCollection: {
      TermView nil;
      nil.kind = TermKind::kIri;
      const std::string nil_iri = std::string(kRdfNs) + "nil";
      nil.value = nil_iri;
      if (f.has_cell) {
        Emit(f.cell.View(), std::string(kRdfNs) + "rest", nil);
      } else {
        EmitLink(f, nil);
      }
      break;
    }
    case RdfXmlState::kTriple: {
      std::vector<Quad> inner = std::move(captures_.back());
      captures_.pop_back();
      if (inner.size() != 1) {
        FailAt(f.line, f.column,
               std::string("rdf:parseType=\"Triple\" must hold exactly one statement (it holds ") +
                   (inner.empty() ? "none)" : "more than one)"));
        break;
      }
      const Term triple = Term::Triple(std::move(inner[0].subject), std::move(inner[0].predicate),
                                       std::move(inner[0].object));
      EmitLink(f, TermView::Of(triple));
      break;
    }
    case RdfXmlState::kNodes:
    case RdfXmlState::kProperties:
    case RdfXmlState::kSkip: break;
  }
  if (!stopped_) Pop();
}

void RdfXmlParser::Text(std::string_view text) {
  if (stopped_ || depth_ == 0) return;
  RdfXmlFrame& f = stack_[depth_ - 1];
  switch (f.state) {
    case RdfXmlState::kObject: f.text.append(text); return;
    case RdfXmlState::kLiteral: literal_.Text(text); return;
    case RdfXmlState::kSkip: return;
    case RdfXmlState::kNodes:
    case RdfXmlState::kProperties:
    case RdfXmlState::kObjectDone:
    case RdfXmlState::kCollection:
    case RdfXmlState::kTriple:
      if (!IsXmlSpace(text)) {
        const bool in_node = f.state == RdfXmlState::kProperties;
        // Skipping the enclosing element keeps lenient mode from reporting every fragment.
        if (FailAt(XML_GetCurrentLineNumber(xml_), XML_GetCurrentColumnNumber(xml_) + 1,
                   in_node ? "text is not allowed here (expected property elements)"
                           : "text is not allowed here (expected a node element)")) {
          if (f.state == RdfXmlState::kTriple) captures_.pop_back();
          f.state = RdfXmlState::kSkip;
          f.depth = 0;
        }
      }
      return;
  }
}

Result<ParseStats> RdfXmlParser::Run() {
  xml_ = XML_ParserCreateNS(nullptr, kXmlNameSeparator);
  if (xml_ == nullptr) return Status::ResourceExhausted("cannot create an XML parser");
  XML_SetReturnNSTriplet(xml_, XML_TRUE);
  XML_SetUserData(xml_, this);
  XML_SetElementHandler(xml_, &RdfXmlParser::OnStart, &RdfXmlParser::OnEnd);
  XML_SetCharacterDataHandler(xml_, &RdfXmlParser::OnText);
  XML_SetCommentHandler(xml_, &RdfXmlParser::OnComment);
  XML_SetProcessingInstructionHandler(xml_, &RdfXmlParser::OnPi);
  for (;;) {
    void* buf = XML_GetBuffer(xml_, static_cast<int>(kRdfXmlBlock));
    if (buf == nullptr) return Status::ResourceExhausted("out of memory reading XML");
    const size_t n = input_.Read(static_cast<char*>(buf), kRdfXmlBlock);
    SEXTANT_RETURN_IF_ERROR(input_.error());
    const bool last = n == 0;
    if (XML_ParseBuffer(xml_, static_cast<int>(n), last ? XML_TRUE : XML_FALSE) ==
        XML_STATUS_ERROR) {
      if (!status_.ok()) return status_;
      // A well-formedness error: expat cannot go on, in lenient mode either.
      const std::string message =
          std::string("XML error: ") + XML_ErrorString(XML_GetErrorCode(xml_));
      SEXTANT_RETURN_IF_ERROR(sink_.Report(XML_GetCurrentLineNumber(xml_),
                                           XML_GetCurrentColumnNumber(xml_) + 1, message));
      break;
    }
    if (last) break;
  }
  sink_.set_bytes(static_cast<uint64_t>(XML_GetCurrentByteIndex(xml_)));
  return sink_.Finish();
}

}  // namespace

Result<ParseStats> ParseRdfXml(ByteInput& input, const ParseOptions& options,
                               const QuadHandler& on_quad, const DiagnosticHandler& on_error) {
  RdfXmlParser parser(input, options, on_quad, on_error);
  return parser.Run();
}

}  // namespace sextant::rdf
