#include "rdf/jsonld_to_rdf.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "base/json_escape.h"

namespace sextant::rdf::jsonld {

namespace {

constexpr std::string_view kRdfNsJ = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kRdfJson = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON";
constexpr std::string_view kI18n = "https://www.w3.org/ns/i18n#";

bool IsBlankLabel(std::string_view s) {
  return s.size() >= 2 && s[0] == '_' && s[1] == ':';
}

// BCP 47 in the loose form JSON-LD checks: letters, then '-'-separated alphanumeric subtags.
bool IsWellFormedLanguage(std::string_view s) {
  size_t i = 0;
  size_t n = 0;
  bool first = true;
  while (i <= s.size()) {
    if (i == s.size() || s[i] == '-') {
      if (n == 0 || n > 8) return false;
      first = false;
      n = 0;
    } else {
      const auto c = static_cast<unsigned char>(s[i]);
      const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!(alpha || (!first && c >= '0' && c <= '9'))) return false;
      ++n;
    }
    ++i;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// ECMAScript's Number.prototype.toString, which RFC 8785 prescribes: the shortest digits that
// read back to the same double, in plain or exponent notation by magnitude.
void AppendEcmaNumber(std::string& out, double d) {
  if (d == 0) {
    out += '0';
    return;
  }
  if (!std::isfinite(d)) {
    out += "null";
    return;
  }
  char buf[40];
  int precision = 1;
  for (; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  // buf: [-]D[.DDD]e[+-]XX
  std::string text(buf);
  const bool negative = text[0] == '-';
  if (negative) text.erase(0, 1);
  const size_t e = text.find('e');
  std::string digits = text.substr(0, 1) + (e > 2 ? text.substr(2, e - 2) : "");
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int exponent = std::atoi(text.c_str() + e + 1);
  const int k = static_cast<int>(digits.size());
  const int n = exponent + 1;
  if (negative) out += '-';
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<size_t>(n));
    out += '.';
    out += digits.substr(static_cast<size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-n), '0');
    out += digits;
  } else {
    out += digits.substr(0, 1);
    if (k > 1) {
      out += '.';
      out += digits.substr(1);
    }
    out += 'e';
    out += n - 1 >= 0 ? '+' : '-';
    out += std::to_string(std::abs(n - 1));
  }
}

void AppendCanonicalJson(std::string& out, const json::value& v) {
  switch (v.kind()) {
    case json::kind::null: out += "null"; return;
    case json::kind::bool_: out += v.get_bool() ? "true" : "false"; return;
    case json::kind::int64: out += std::to_string(v.get_int64()); return;
    case json::kind::uint64: out += std::to_string(v.get_uint64()); return;
    case json::kind::double_: AppendEcmaNumber(out, v.get_double()); return;
    case json::kind::string: AppendJsonString(out, v.get_string()); return;
    case json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& item : v.get_array()) {
        if (!first) out += ',';
        first = false;
        AppendCanonicalJson(out, item);
      }
      out += ']';
      return;
    }
    case json::kind::object: {
      // RFC 8785 sorts keys by UTF-16 code units; byte order agrees outside the astral planes.
      std::vector<const json::key_value_pair*> entries;
      for (const auto& e : v.get_object()) entries.push_back(&e);
      std::sort(entries.begin(), entries.end(),
                [](const auto* a, const auto* b) { return a->key() < b->key(); });
      out += '{';
      bool first = true;
      for (const auto* e : entries) {
        if (!first) out += ',';
        first = false;
        AppendJsonString(out, e->key());
        out += ':';
        AppendCanonicalJson(out, e->value());
      }
      out += '}';
      return;
    }
  }
}

}  // namespace

std::string CanonicalJson(const json::value& v) {
  std::string out;
  AppendCanonicalJson(out, v);
  return out;
}

std::string CanonicalDouble(double d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15e", d);
  std::string text(buf);
  const size_t e = text.find('e');
  std::string mantissa = text.substr(0, e);
  while (mantissa.size() > 1 && mantissa.back() == '0' && mantissa[mantissa.size() - 2] != '.') {
    mantissa.pop_back();
  }
  return mantissa + "E" + std::to_string(std::atoi(text.c_str() + e + 1));
}

RdfEmitter::Node RdfEmitter::NewBlank() {
  Node n;
  n.kind = TermKind::kBlank;
  n.value = blank_prefix_;
  n.value += "_g";
  n.value += std::to_string(++blank_counter_);
  return n;
}

RdfEmitter::Node RdfEmitter::IdTerm(std::string_view id) {
  Node n;
  if (IsBlankLabel(id)) {
    // "b" keeps the document's labels apart from the generated "_g" ones (a document may
    // well say "_:_g1").
    n.kind = TermKind::kBlank;
    n.value = blank_prefix_;
    n.value += 'b';
    n.value.append(id.substr(2));
  } else if (IsWellFormedIri(id)) {
    n.kind = TermKind::kIri;
    n.value = id;
  }
  return n;
}

void RdfEmitter::Emit(const Node& s, std::string_view p, const TermView& o, const Node& graph) {
  if (!status_.ok() || !s.valid()) return;
  QuadView q;
  q.subject = s.View();
  q.predicate.kind = TermKind::kIri;
  q.predicate.value = p;
  q.object = o;
  if (graph.valid()) q.graph = graph.View();
  status_ = on_quad_ ? on_quad_(q) : Status::OK();
  ++statements_;
}

RdfEmitter::Node RdfEmitter::NodeObject(const json::object& node, const Node& graph) {
  Node subject;
  if (const json::value* id = node.if_contains("@id"); id != nullptr && id->is_string()) {
    subject = IdTerm(id->get_string());
  } else if (id == nullptr) {
    subject = NewBlank();
  }
  const std::string rdf_type = std::string(kRdfNsJ) + "type";
  for (const auto& entry : node) {
    if (!status_.ok()) return subject;
    const std::string_view key = entry.key();
    const json::value& value = entry.value();
    if (key == "@type") {
      const auto add = [&](const json::value& t) {
        if (t.is_string()) Emit(subject, rdf_type, IdTerm(t.get_string()), graph);
      };
      if (value.is_array()) {
        for (const auto& t : value.get_array()) add(t);
      } else {
        add(value);
      }
    } else if (key == "@reverse") {
      if (!value.is_object()) continue;
      for (const auto& rev : value.get_object()) {
        const Node property = IdTerm(rev.key());
        if (!rev.value().is_array()) continue;
        for (const auto& item : rev.value().get_array()) {
          const Node from = Object(item, graph);
          if (property.kind == TermKind::kIri && subject.valid()) {
            Emit(from, property.value, subject.View(), graph);
          }
        }
      }
    } else if (key == "@graph") {
      // The node names a graph holding these nodes (a blank node when it has no @id).
      // A graph whose name is no valid IRI is dropped whole.
      if (!value.is_array() || !subject.valid()) continue;
      for (const auto& item : value.get_array()) {
        if (item.is_object() && !item.get_object().contains("@value") &&
            !item.get_object().contains("@list")) {
          NodeObject(item.get_object(), subject);
        }
      }
    } else if (key == "@included") {
      if (!value.is_array()) continue;
      for (const auto& item : value.get_array()) {
        if (item.is_object()) NodeObject(item.get_object(), graph);
      }
    } else if (!key.empty() && key[0] == '@') {
      continue;
    } else {
      const Node property = IdTerm(key);
      if (!value.is_array()) continue;
      for (const auto& item : value.get_array()) {
        const Node object = Object(item, graph);
        // Blank node predicates need generalised RDF, which a store cannot hold.
        if (property.kind == TermKind::kIri) Emit(subject, property.value, object, graph);
      }
    }
  }
  return subject;
}

RdfEmitter::Node RdfEmitter::Object(const json::value& item, const Node& graph) {
  if (!item.is_object()) return {};
  const json::object& o = item.get_object();
  if (o.contains("@value")) return Literal(o, graph);
  if (const json::value* list = o.if_contains("@list")) {
    return list->is_array() ? List(list->get_array(), graph) : Node{};
  }
  return NodeObject(o, graph);
}

RdfEmitter::Node RdfEmitter::List(const json::array& items, const Node& graph) {
  Node nil;
  nil.kind = TermKind::kIri;
  nil.value = std::string(kRdfNsJ) + "nil";
  if (items.empty()) return nil;
  const std::string first = std::string(kRdfNsJ) + "first";
  const std::string rest = std::string(kRdfNsJ) + "rest";
  Node head = NewBlank();
  Node cell = head;
  for (size_t i = 0; i < items.size(); ++i) {
    Emit(cell, first, Object(items[i], graph), graph);
    const Node next = i + 1 < items.size() ? NewBlank() : nil;
    Emit(cell, rest, next, graph);
    cell = next;
  }
  return head;
}

RdfEmitter::Node RdfEmitter::Literal(const json::object& vo, const Node& graph) {
  const json::value& value = vo.at("@value");
  std::string datatype;
  if (const json::value* t = vo.if_contains("@type"); t != nullptr && t->is_string()) {
    datatype = std::string(t->get_string());
    if (datatype != "@json" && !IsWellFormedIri(datatype)) return {};
  }
  std::string language;
  if (const json::value* l = vo.if_contains("@language"); l != nullptr && l->is_string()) {
    language = std::string(l->get_string());
    if (!IsWellFormedLanguage(language)) return {};
  }
  std::string lexical;
  const std::string xsd(vocab::kXsd);
  if (datatype == "@json") {
    lexical = CanonicalJson(value);
    datatype = std::string(kRdfJson);
  } else if (value.is_bool()) {
    lexical = value.get_bool() ? "true" : "false";
    if (datatype.empty()) datatype = xsd + "boolean";
  } else if (value.is_number()) {
    const double d = value.to_number<double>();
    const bool as_double = datatype == xsd + "double" ||
                           (value.is_double() && (std::floor(d) != d || std::fabs(d) >= 1e21));
    if (as_double) {
      lexical = CanonicalDouble(d);
      if (datatype.empty()) datatype = xsd + "double";
    } else {
      if (value.is_int64()) {
        lexical = std::to_string(value.get_int64());
      } else if (value.is_uint64()) {
        lexical = std::to_string(value.get_uint64());
      } else {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.0f", d == 0 ? 0.0 : d);  // -0 reads as 0
        lexical = buf;
      }
      if (datatype.empty()) datatype = xsd + "integer";
    }
  } else if (value.is_string()) {
    lexical = std::string(value.get_string());
    if (datatype.empty()) {
      datatype = language.empty() ? xsd + "string" : std::string(vocab::kRdfLangString);
    }
  } else {
    return {};
  }
  const json::value* dir = vo.if_contains("@direction");
  if (dir != nullptr && dir->is_string() && !options_.rdf_direction.empty() && value.is_string()) {
    const std::string direction(dir->get_string());
    if (options_.rdf_direction == "i18n-datatype") {
      datatype = std::string(kI18n) + Lower(language) + "_" + direction;
      language.clear();
    } else if (options_.rdf_direction == "compound-literal") {
      Node node = NewBlank();
      TermView v;
      v.kind = TermKind::kLiteral;
      v.value = lexical;
      v.datatype = vocab::kXsdString;
      Emit(node, std::string(kRdfNsJ) + "value", v, graph);
      if (!language.empty()) {
        const std::string lower = Lower(language);
        v.value = lower;
        Emit(node, std::string(kRdfNsJ) + "language", v, graph);
      }
      v.value = direction;
      Emit(node, std::string(kRdfNsJ) + "direction", v, graph);
      return node;
    }
  }
  Node n;
  if (dir != nullptr && dir->is_string() && options_.rdf_direction.empty() &&
      options_.keep_direction && !language.empty()) {
    n.direction = DirectionFromName(dir->get_string()).value_or(Direction::kNone);
  }
  n.kind = TermKind::kLiteral;
  n.value = std::move(lexical);
  n.datatype = std::move(datatype);
  n.language = std::move(language);
  return n;
}

void RdfEmitter::EmitAll(const json::array& expanded) {
  for (const auto& item : expanded) {
    if (!status_.ok()) break;
    if (item.is_object()) NodeObject(item.get_object(), Node{});
  }
}

}  // namespace sextant::rdf::jsonld
