#include "rdf/jsonld_from_rdf.h"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace sextant::rdf::jsonld {

namespace {

const std::string kRdfPrefix = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kRdfFirst = kRdfPrefix + "first";
const std::string kRdfRest = kRdfPrefix + "rest";
const std::string kRdfNil = kRdfPrefix + "nil";
const std::string kRdfTypeIri = kRdfPrefix + "type";
const std::string kRdfListIri = kRdfPrefix + "List";
const std::string kRdfJsonIri = kRdfPrefix + "JSON";
const std::string kI18nPrefix = "https://www.w3.org/ns/i18n#";

bool IsXsdInteger(std::string_view s) {
  size_t i = !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
  if (i >= s.size()) return false;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

bool IsXsdDouble(std::string_view s) {
  if (s == "INF" || s == "-INF" || s == "+INF" || s == "NaN") return false;  // no JSON number
  if (s.empty()) return false;
  std::string text(s);
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return false;
  // strtod also reads hex and "inf"; xsd:double does not.
  for (const char c : s) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
      return false;
    }
  }
  return true;
}

// Where a value sits: the node (by subject id), the property, and its index in the array.
struct Usage {
  std::string graph;
  std::string subject;
  std::string property;
  size_t index = 0;
};

using NodeMap = std::map<std::string, json::object>;

// Appends `value` unless an equal value is already there; returns its index.
size_t AppendUnique(json::object& node, const std::string& key, json::value value) {
  json::value& slot = node[key];
  if (!slot.is_array()) slot = json::array();
  json::array& arr = slot.as_array();
  for (size_t i = 0; i < arr.size(); ++i) {
    if (arr[i] == value) return i;
  }
  arr.push_back(std::move(value));
  return arr.size() - 1;
}

bool IsWellFormedListNode(const json::object& node) {
  size_t expected = 3;  // @id, rdf:first, rdf:rest
  if (const json::value* t = node.if_contains("@type")) {
    if (!(t->is_array() && t->as_array().size() == 1 && t->as_array()[0] == kRdfListIri.c_str())) {
      return false;
    }
    ++expected;
  }
  const json::value* first = node.if_contains(kRdfFirst);
  const json::value* rest = node.if_contains(kRdfRest);
  return node.size() == expected && first != nullptr && rest != nullptr && first->is_array() &&
         first->as_array().size() == 1 && rest->is_array() && rest->as_array().size() == 1;
}

}  // namespace

std::string NodeId(const Term& t) {
  if (t.is_blank()) return "_:" + t.value();
  return t.value();
}

json::value RdfToObject(const Term& t, const FromRdfOptions& options) {
  json::object result;
  if (!t.is_literal()) {
    result["@id"] = NodeId(t);
    return result;
  }
  const std::string& dt = t.datatype();
  const std::string& lex = t.value();
  json::value converted = json::string(lex);
  std::optional<std::string> type;
  if (dt == kRdfJsonIri) {
    boost::system::error_code ec;
    converted = boost::json::parse(lex, ec);
    if (ec) Throw("invalid JSON literal", lex);
    type = "@json";
  } else if (options.use_native_types) {
    if (dt == vocab::kXsdString) {
      // stays a string
    } else if (dt == vocab::kXsdBoolean) {
      if (lex == "true" || lex == "1") {
        converted = true;
      } else if (lex == "false" || lex == "0") {
        converted = false;
      } else {
        type = dt;
      }
    } else if ((dt == vocab::kXsdInteger && IsXsdInteger(lex)) ||
               (dt == vocab::kXsdDouble && IsXsdDouble(lex) &&
                std::isfinite(std::strtod(lex.c_str(), nullptr)))) {
      const double d = std::strtod(lex.c_str(), nullptr);
      if (dt == vocab::kXsdInteger && std::abs(d) < 9.0e15) {
        converted = static_cast<std::int64_t>(std::strtoll(lex.c_str(), nullptr, 10));
      } else {
        converted = d;
      }
    } else if (!t.language().empty()) {
      result["@language"] = t.language();
    } else {
      type = dt;
    }
  } else if (options.rdf_direction == "i18n-datatype" && dt.rfind(kI18nPrefix, 0) == 0) {
    const std::string rest = dt.substr(kI18nPrefix.size());
    const size_t us = rest.find('_');
    if (us != std::string::npos) {
      if (us > 0) result["@language"] = rest.substr(0, us);
      result["@direction"] = rest.substr(us + 1);
    } else {
      type = dt;
    }
  } else if (!t.language().empty()) {
    result["@language"] = t.language();
  } else if (dt != vocab::kXsdString) {
    type = dt;
  }
  result["@value"] = std::move(converted);
  if (type) result["@type"] = *type;
  return result;
}

json::array FromRdf(const std::vector<Quad>& input, const FromRdfOptions& options) {
  // A dataset is a set: a repeated statement must not count as a second use of a node.
  std::vector<Quad> quads = input;
  std::sort(quads.begin(), quads.end());
  quads.erase(std::unique(quads.begin(), quads.end()), quads.end());
  std::map<std::string, NodeMap> graphs;
  graphs["@default"];
  // Per graph: blank nodes used exactly once as an object (nullopt once used twice), and the
  // uses of rdf:nil.
  std::map<std::string, std::optional<Usage>> referenced_once;
  std::map<std::string, std::vector<Usage>> nil_usages;
  for (const Quad& q : quads) {
    const std::string name = q.graph.is_default_graph() ? "@default" : NodeId(q.graph);
    NodeMap& nodes = graphs[name];
    if (name != "@default") {
      NodeMap& def = graphs["@default"];
      if (def.find(name) == def.end()) def[name]["@id"] = name;
    }
    const std::string s = NodeId(q.subject);
    json::object& node = nodes[s];
    if (!node.contains("@id")) node["@id"] = s;
    if (!q.object.is_literal()) {
      const std::string o = NodeId(q.object);
      json::object& obj = nodes[o];
      if (!obj.contains("@id")) obj["@id"] = o;
    }
    const std::string& p = q.predicate.value();
    if (p == kRdfTypeIri && !options.use_rdf_type && !q.object.is_literal()) {
      AppendUnique(nodes[s], "@type", json::string(NodeId(q.object)));
      continue;
    }
    const size_t index = AppendUnique(nodes[s], p, RdfToObject(q.object, options));
    if (q.object.is_iri() && q.object.value() == kRdfNil) {
      nil_usages[name].push_back({name, s, p, index});
    } else if (q.object.is_blank()) {
      const std::string o = NodeId(q.object);
      const auto it = referenced_once.find(o);
      if (it == referenced_once.end()) {
        referenced_once[o] = Usage{name, s, p, index};
      } else {
        it->second.reset();
      }
    }
  }
  // Lists are found first and folded afterwards, innermost first, so a list that is an item
  // of another list is already folded when the outer one copies it.
  struct Location {
    std::string graph, subject, property;
    size_t index;
    bool operator<(const Location& o) const {
      return std::tie(graph, subject, property, index) <
             std::tie(o.graph, o.subject, o.property, o.index);
    }
  };
  std::map<Location, std::vector<Location>> lists;  // head -> item locations, in list order
  std::map<std::string, std::vector<std::string>> list_nodes;
  for (auto& [name, nodes] : graphs) {
    if (nodes.find(kRdfNil) == nodes.end()) continue;
    for (const Usage& use : nil_usages[name]) {
      std::string subject = use.subject;
      std::string property = use.property;
      size_t index = use.index;
      std::vector<Location> items;
      for (;;) {
        const json::object& node = nodes[subject];
        const auto ref = referenced_once.find(subject);
        if (property != kRdfRest || subject.rfind("_:", 0) != 0 || ref == referenced_once.end() ||
            !ref->second || !IsWellFormedListNode(node)) {
          break;
        }
        items.push_back({name, subject, kRdfFirst, 0});
        list_nodes[name].push_back(subject);
        const Usage up = *ref->second;
        if (up.graph != name) break;
        subject = up.subject;
        property = up.property;
        index = up.index;
        if (subject.rfind("_:", 0) != 0) break;
      }
      std::reverse(items.begin(), items.end());
      lists[{name, subject, property, index}] = std::move(items);
    }
  }
  std::set<Location> folded;
  std::function<void(const Location&)> fold = [&](const Location& head) {
    if (!folded.insert(head).second) return;
    const auto it = lists.find(head);
    if (it == lists.end()) return;
    json::array items;
    for (const Location& item : it->second) {
      fold(item);
      items.push_back(graphs[item.graph][item.subject][item.property].as_array()[item.index]);
    }
    json::object& h =
        graphs[head.graph][head.subject][head.property].as_array()[head.index].as_object();
    h.erase("@id");
    h["@list"] = std::move(items);
  };
  for (const auto& entry : lists) fold(entry.first);
  for (const auto& [name, ids] : list_nodes) {
    for (const std::string& id : ids) graphs[name].erase(id);
  }
  json::array result;
  for (auto& [subject, node] : graphs["@default"]) {
    const auto g = graphs.find(subject);
    if (g != graphs.end() && subject != "@default") {
      json::array members;
      for (auto& [id, member] : g->second) {
        if (member.size() == 1 && member.contains("@id")) continue;
        members.push_back(member);
      }
      node["@graph"] = std::move(members);
    }
    if (node.size() == 1 && node.contains("@id")) continue;
    result.push_back(node);
  }
  return result;
}

}  // namespace sextant::rdf::jsonld
