#include "rdf/xml_literal.h"

#include <algorithm>
#include <tuple>

namespace sextant::rdf {

XmlName SplitXmlName(std::string_view name) {
  XmlName out;
  const size_t first = name.find(kXmlNameSeparator);
  if (first == std::string_view::npos) {
    out.local = name;
    return out;
  }
  out.ns = name.substr(0, first);
  const std::string_view rest = name.substr(first + 1);
  const size_t second = rest.find(kXmlNameSeparator);
  out.local = rest.substr(0, second);
  if (second != std::string_view::npos) out.prefix = rest.substr(second + 1);
  return out;
}

namespace {

void AppendXmlEscaped(std::string& out, std::string_view text, bool attribute) {
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>':
        if (attribute) {
          out += c;
        } else {
          out += "&gt;";
        }
        break;
      case '"':
        if (attribute) {
          out += "&quot;";
        } else {
          out += c;
        }
        break;
      case '\t':
        if (attribute) {
          out += "&#x9;";
        } else {
          out += c;
        }
        break;
      case '\n':
        if (attribute) {
          out += "&#xA;";
        } else {
          out += c;
        }
        break;
      case '\r': out += "&#xD;"; break;
      default: out += c;
    }
  }
}

std::string QName(const XmlName& n) {
  if (n.prefix.empty()) return std::string(n.local);
  std::string q(n.prefix);
  q += ':';
  q.append(n.local);
  return q;
}

}  // namespace

void XmlLiteralBuilder::Clear() {
  out_.clear();
  open_.clear();
  rendered_.clear();
}

const std::string* XmlLiteralBuilder::Rendered(std::string_view prefix) const {
  for (auto it = rendered_.rbegin(); it != rendered_.rend(); ++it) {
    if (it->first == prefix) return &it->second;
  }
  return nullptr;
}

void XmlLiteralBuilder::StartElement(const char* name, const char** attributes) {
  const XmlName element = SplitXmlName(name);
  const size_t rendered_before = rendered_.size();
  // Exclusive canonicalisation declares the namespaces this element and its attributes use,
  // unless an output ancestor already declared the same binding.
  std::vector<std::pair<std::string, std::string>> declare;
  auto need = [&](std::string_view prefix, std::string_view ns) {
    if (prefix == "xml") return;
    const std::string* have = Rendered(prefix);
    const bool same = have != nullptr ? *have == ns : ns.empty();
    if (same) return;
    for (const auto& d : declare) {
      if (d.first == prefix) return;
    }
    declare.emplace_back(std::string(prefix), std::string(ns));
  };
  need(element.prefix, element.ns);
  struct Attribute {
    XmlName name;
    std::string_view value;
  };
  std::vector<Attribute> atts;
  for (const char** a = attributes; *a != nullptr; a += 2) {
    const XmlName an = SplitXmlName(a[0]);
    if (!an.prefix.empty()) need(an.prefix, an.ns);
    atts.push_back({an, a[1]});
  }
  std::sort(declare.begin(), declare.end());
  std::sort(atts.begin(), atts.end(), [](const Attribute& x, const Attribute& y) {
    return std::tie(x.name.ns, x.name.local) < std::tie(y.name.ns, y.name.local);
  });
  std::string qname = QName(element);
  out_ += '<';
  out_ += qname;
  for (auto& [prefix, ns] : declare) {
    out_ += prefix.empty() ? " xmlns" : " xmlns:";
    out_ += prefix;
    out_ += "=\"";
    AppendXmlEscaped(out_, ns, true);
    out_ += '"';
    rendered_.emplace_back(std::move(prefix), std::move(ns));
  }
  for (const Attribute& a : atts) {
    out_ += ' ';
    out_ += QName(a.name);
    out_ += "=\"";
    AppendXmlEscaped(out_, a.value, true);
    out_ += '"';
  }
  out_ += '>';
  open_.push_back({std::move(qname), rendered_before});
}

void XmlLiteralBuilder::EndElement(const char* /*name*/) {
  if (open_.empty()) return;
  out_ += "</";
  out_ += open_.back().qname;
  out_ += '>';
  rendered_.resize(open_.back().rendered_before);
  open_.pop_back();
}

void XmlLiteralBuilder::Text(std::string_view text) {
  AppendXmlEscaped(out_, text, false);
}

void XmlLiteralBuilder::Comment(const char* text) {
  out_ += "<!--";
  out_ += text;
  out_ += "-->";
}

void XmlLiteralBuilder::ProcessingInstruction(const char* target, const char* data) {
  out_ += "<?";
  out_ += target;
  if (data != nullptr && *data != '\0') {
    out_ += ' ';
    out_ += data;
  }
  out_ += "?>";
}

}  // namespace sextant::rdf
