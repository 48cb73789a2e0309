#include "results/result_reader.h"

#include <expat.h>

#include <boost/json.hpp>
#include <map>
#include <memory>

namespace sextant::results {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Status Bad(const std::string& source, const std::string& what) {
  return Status::InvalidArgument(source + ": malformed SPARQL results: " + what);
}

// ---------------------------------------------------------------- JSON

const boost::json::string* StringField(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr ? v->if_string() : nullptr;
}

Result<Term> JsonTerm(const boost::json::value& v, const std::string& source,
                      const std::string& blank_prefix) {
  const auto* o = v.if_object();
  if (o == nullptr) return Bad(source, "a binding is not an object");
  const auto* type = StringField(*o, "type");
  const auto* value = StringField(*o, "value");
  if (type == nullptr || value == nullptr) {
    return Bad(source, "a binding lacks \"type\" or \"value\"");
  }
  const std::string text(value->begin(), value->end());
  if (*type == "uri") return Term::Iri(text);
  if (*type == "bnode") return Term::Blank(blank_prefix + text);
  if (*type == "literal" || *type == "typed-literal") {
    if (const auto* lang = StringField(*o, "xml:lang")) {
      return Term::LangLiteral(text, std::string(lang->begin(), lang->end()));
    }
    if (const auto* dt = StringField(*o, "datatype")) {
      return Term::TypedLiteral(text, std::string(dt->begin(), dt->end()));
    }
    return Term::Literal(text);
  }
  return Bad(source, "unknown binding type \"" + std::string(type->begin(), type->end()) + "\"");
}

Result<ResultTable> ReadJson(std::string_view body, const std::string& source,
                             const std::string& blank_prefix) {
  boost::system::error_code ec;
  const boost::json::value doc = boost::json::parse(body, ec);
  if (ec) return Bad(source, "not JSON (" + ec.message() + ")");
  const auto* root = doc.if_object();
  if (root == nullptr) return Bad(source, "the document is not a JSON object");
  ResultTable table;
  if (const auto* b = root->if_contains("boolean")) {
    if (!b->is_bool()) return Bad(source, "\"boolean\" is not true or false");
    table.is_boolean = true;
    table.boolean = b->as_bool();
    return table;
  }
  const auto* head = root->if_contains("head");
  const auto* vars =
      head != nullptr && head->is_object() ? head->as_object().if_contains("vars") : nullptr;
  if (vars == nullptr || !vars->is_array()) return Bad(source, "no \"head\": {\"vars\": [...]}");
  std::map<std::string, size_t, std::less<>> column;
  for (const auto& v : vars->as_array()) {
    if (!v.is_string()) return Bad(source, "a variable name is not a string");
    column.emplace(std::string(v.as_string()), table.variables.size());
    table.variables.emplace_back(v.as_string());
  }
  const auto* results = root->if_contains("results");
  const auto* bindings = results != nullptr && results->is_object()
                             ? results->as_object().if_contains("bindings")
                             : nullptr;
  if (bindings == nullptr || !bindings->is_array()) {
    return Bad(source, "no \"results\": {\"bindings\": [...]}");
  }
  table.rows.reserve(bindings->as_array().size());
  for (const auto& b : bindings->as_array()) {
    if (!b.is_object()) return Bad(source, "a result row is not an object");
    std::vector<std::optional<Term>> row(table.variables.size());
    for (const auto& [name, value] : b.as_object()) {
      auto col = column.find(std::string_view(name));
      if (col == column.end()) {
        return Bad(source, "a row binds ?" + std::string(name) + ", which the head does not list");
      }
      SEXTANT_ASSIGN_OR_RETURN(row[col->second], JsonTerm(value, source, blank_prefix));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

// ---------------------------------------------------------------- XML

// Collects the document through expat's callbacks; the first error stops the parse.
class XmlResults {
 public:
  XmlResults(const std::string& source, const std::string& blank_prefix)
      : source_(source), blank_prefix_(blank_prefix) {}

  Result<ResultTable> Parse(std::string_view body) {
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(
        XML_ParserCreateNS("UTF-8", ' '), &XML_ParserFree);
    XML_SetUserData(parser.get(), this);
    XML_SetElementHandler(parser.get(), &XmlResults::Start, &XmlResults::End);
    XML_SetCharacterDataHandler(parser.get(), &XmlResults::Text);
    if (XML_Parse(parser.get(), body.data(), static_cast<int>(body.size()), 1) ==
            XML_STATUS_ERROR &&
        error_.ok()) {
      error_ =
          Bad(source_, std::string(XML_ErrorString(XML_GetErrorCode(parser.get()))) + " at line " +
                           std::to_string(XML_GetCurrentLineNumber(parser.get())) + ", column " +
                           std::to_string(XML_GetCurrentColumnNumber(parser.get()) + 1));
    }
    if (!error_.ok()) return error_;
    if (!saw_sparql_) return Bad(source_, "no <sparql> root element");
    return std::move(table_);
  }

 private:
  static constexpr std::string_view kNs = "http://www.w3.org/2005/sparql-results# ";
  static constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace ";

  static std::string_view Local(const char* name) {
    std::string_view n(name);
    if (n.starts_with(kNs)) return n.substr(kNs.size());
    return {};  // an element of another namespace: ignored
  }

  static const char* Attr(const char** attrs, std::string_view name) {
    for (int i = 0; attrs[i] != nullptr; i += 2) {
      if (name == attrs[i]) return attrs[i + 1];
    }
    return nullptr;
  }

  static void Start(void* self, const char* name, const char** attrs) {
    static_cast<XmlResults*>(self)->OnStart(Local(name), attrs);
  }
  static void End(void* self, const char* name) {
    static_cast<XmlResults*>(self)->OnEnd(Local(name));
  }
  static void Text(void* self, const char* s, int len) {
    auto* me = static_cast<XmlResults*>(self);
    if (me->collecting_) me->text_.append(s, static_cast<size_t>(len));
  }

  void OnStart(std::string_view name, const char** attrs) {
    if (!error_.ok()) return;
    if (name == "sparql") {
      saw_sparql_ = true;
    } else if (name == "variable") {
      const char* n = Attr(attrs, "name");
      if (n == nullptr) {
        error_ = Bad(source_, "<variable> without a name");
        return;
      }
      column_[n] = table_.variables.size();
      table_.variables.emplace_back(n);
    } else if (name == "result") {
      table_.rows.emplace_back(table_.variables.size());
    } else if (name == "binding") {
      const char* n = Attr(attrs, "name");
      auto col = n != nullptr ? column_.find(n) : column_.end();
      if (col == column_.end() || table_.rows.empty()) {
        error_ = Bad(source_, std::string("<binding name=\"") + (n != nullptr ? n : "") +
                                  "\"> does not name a variable of the head");
        return;
      }
      binding_ = col->second;
    } else if (name == "uri" || name == "bnode" || name == "literal" || name == "boolean") {
      collecting_ = true;
      text_.clear();
      lang_.clear();
      datatype_.clear();
      if (name == "literal") {
        const std::string lang_attr = std::string(kXmlNs) + "lang";
        if (const char* l = Attr(attrs, lang_attr)) lang_ = l;
        if (const char* d = Attr(attrs, "datatype")) datatype_ = d;
      }
    }
  }

  void OnEnd(std::string_view name) {
    if (!error_.ok()) return;
    if (name == "boolean") {
      collecting_ = false;
      table_.is_boolean = true;
      if (text_ == "true" || text_ == "false") {
        table_.boolean = text_ == "true";
      } else {
        error_ = Bad(source_, "<boolean> is neither true nor false");
      }
      return;
    }
    if (name != "uri" && name != "bnode" && name != "literal") return;
    collecting_ = false;
    if (table_.rows.empty()) {
      error_ = Bad(source_, "a term outside <result>");
      return;
    }
    std::optional<Term>& slot = table_.rows.back()[binding_];
    if (name == "uri") {
      slot = Term::Iri(text_);
    } else if (name == "bnode") {
      slot = Term::Blank(blank_prefix_ + text_);
    } else if (!lang_.empty()) {
      slot = Term::LangLiteral(text_, lang_);
    } else if (!datatype_.empty()) {
      slot = Term::TypedLiteral(text_, datatype_);
    } else {
      slot = Term::Literal(text_);
    }
  }

  const std::string& source_;
  const std::string& blank_prefix_;
  ResultTable table_;
  std::map<std::string, size_t, std::less<>> column_;
  size_t binding_ = 0;
  bool collecting_ = false;
  bool saw_sparql_ = false;
  std::string text_, lang_, datatype_;
  Status error_;
};

}  // namespace

std::optional<ResultsSyntax> ResultsSyntaxFromContentType(std::string_view content_type) {
  const std::string type = Lower(content_type.substr(0, content_type.find(';')));
  const auto trimmed = type.substr(0, type.find_last_not_of(" \t") + 1);
  if (trimmed == "application/sparql-results+json" || trimmed == "application/json") {
    return ResultsSyntax::kJson;
  }
  if (trimmed == "application/sparql-results+xml" || trimmed == "application/xml" ||
      trimmed == "text/xml") {
    return ResultsSyntax::kXml;
  }
  return std::nullopt;
}

Result<ResultTable> ReadSparqlResults(std::string_view body, ResultsSyntax syntax,
                                      const std::string& source, const std::string& blank_prefix) {
  if (syntax == ResultsSyntax::kJson) return ReadJson(body, source, blank_prefix);
  return XmlResults(source, blank_prefix).Parse(body);
}

}  // namespace sextant::results
