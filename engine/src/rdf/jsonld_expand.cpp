#include "rdf/jsonld_expand.h"

#include <algorithm>

namespace sextant::rdf::jsonld {

namespace {

using OptString = std::optional<std::string>;

bool HasKey(const json::value& v, std::string_view key) {
  return v.is_object() && v.as_object().contains(key);
}

json::array ToArray(const json::value& v) {
  if (v.is_array()) return v.as_array();
  json::array a;
  a.push_back(v);
  return a;
}

// Appends `v` (each item when it is an array) to the array under `key`.
void AppendTo(json::object& obj, std::string_view key, const json::value& v) {
  json::value& slot = obj[key];
  if (!slot.is_array()) {
    json::array a;
    if (!slot.is_null()) a.push_back(slot);
    slot = std::move(a);
  }
  json::array& arr = slot.as_array();
  if (v.is_array()) {
    for (const auto& item : v.as_array()) arr.push_back(item);
  } else {
    arr.push_back(v);
  }
}

bool IsGraphObject(const json::value& v) {
  if (!HasKey(v, "@graph")) return false;
  for (const auto& e : v.as_object()) {
    if (e.key() != "@graph" && e.key() != "@id" && e.key() != "@index" && e.key() != "@context") {
      return false;
    }
  }
  return true;
}

std::vector<std::string> SortedKeys(const json::object& o) {
  std::vector<std::string> keys;
  keys.reserve(o.size());
  for (const auto& e : o) keys.emplace_back(e.key());
  std::sort(keys.begin(), keys.end());
  return keys;
}

json::value JsonString(const OptString& s) {
  if (!s) return nullptr;
  return json::value(json::string(*s));
}

// Value expansion (5.3.2).
json::value ExpandValue(const Context& active, const OptString& property,
                        const json::value& value) {
  const TermDefinition* def = property ? active.Find(*property) : nullptr;
  if (def != nullptr && def->type && value.is_string()) {
    if (*def->type == "@id") {
      json::object r;
      r["@id"] = JsonString(ExpandIri(active, value.as_string(), true, false));
      return r;
    }
    if (*def->type == "@vocab") {
      json::object r;
      r["@id"] = JsonString(ExpandIri(active, value.as_string(), true, true));
      return r;
    }
  }
  json::object r;
  r["@value"] = value;
  if (def != nullptr && def->type && *def->type != "@id" && *def->type != "@vocab" &&
      *def->type != "@none") {
    r["@type"] = json::string(*def->type);
  } else if (value.is_string()) {
    const OptString language = def != nullptr && def->language ? *def->language : active.language;
    const OptString direction =
        def != nullptr && def->direction ? *def->direction : active.direction;
    if (language) r["@language"] = json::string(*language);
    if (direction) r["@direction"] = json::string(*direction);
  }
  return r;
}

class Expansion {
 public:
  Expansion(const std::optional<std::string>& active_property, const std::string& base_url)
      : active_property_(active_property), base_url_(base_url) {}

  json::value Run(ContextPtr active, const json::value& element, bool from_map);

 private:
  // Steps 13 and 14 over the entries of `element` (also over each @nest value).
  void Entries(const ContextPtr& active, const ContextPtr& type_scoped, const json::object& element,
               const OptString& input_type, json::object& result);
  void ExpandKeyword(const ContextPtr& active, const ContextPtr& type_scoped,
                     const std::string& key, const std::string& property, const json::value& value,
                     const OptString& input_type, json::object& result);
  json::value ExpandMap(const ContextPtr& active, const TermDefinition& def, const std::string& key,
                        const json::object& value);

  const std::optional<std::string>& active_property_;
  const std::string& base_url_;
};

json::value Expansion::Run(ContextPtr active, const json::value& element, bool from_map) {
  if (element.is_null()) return nullptr;
  const TermDefinition* prop_def = active_property_ ? active->Find(*active_property_) : nullptr;
  const bool scoped = prop_def != nullptr && prop_def->context.has_value();
  if (!element.is_object() && !element.is_array()) {
    if (!active_property_ || *active_property_ == "@graph") return nullptr;
    if (scoped) {
      active = ProcessContext(active, *prop_def->context, prop_def->base_url, {}, true);
    }
    return ExpandValue(*active, active_property_, element);
  }
  if (element.is_array()) {
    json::array result;
    const bool list = prop_def != nullptr && prop_def->HasContainer("@list");
    for (const auto& item : element.as_array()) {
      json::value e = Run(active, item, from_map);
      if (list && e.is_array()) {
        json::object l;
        l["@list"] = std::move(e);
        e = std::move(l);
      }
      if (e.is_array()) {
        for (auto& x : e.as_array()) result.push_back(std::move(x));
      } else if (!e.is_null()) {
        result.push_back(std::move(e));
      }
    }
    return result;
  }
  const json::object& elem = element.as_object();
  if (active->previous && !from_map) {
    bool revert = true;
    for (const auto& e : elem) {
      const OptString k = ExpandIri(*active, e.key(), false, true);
      if (k == "@value" || (elem.size() == 1 && k == "@id")) revert = false;
    }
    if (revert) active = active->previous;
  }
  if (scoped) active = ProcessContext(active, *prop_def->context, prop_def->base_url, {}, true);
  if (const json::value* c = elem.if_contains("@context")) {
    active = ProcessContext(active, *c, base_url_);
  }
  const ContextPtr type_scoped = active;
  OptString input_type;
  bool seen_type_key = false;
  for (const std::string& key : SortedKeys(elem)) {
    if (ExpandIri(*active, key, false, true) != "@type") continue;
    const json::value& v = elem.at(key);
    std::vector<std::string> terms;
    for (const auto& t : ToArray(v)) {
      if (t.is_string()) terms.emplace_back(t.as_string());
    }
    std::sort(terms.begin(), terms.end());
    for (const std::string& term : terms) {
      const TermDefinition* d = type_scoped->Find(term);
      if (d != nullptr && d->context) {
        active = ProcessContext(active, *d->context, d->base_url, {}, false, false);
      }
    }
    if (!seen_type_key) {
      seen_type_key = true;
      const json::value& last = v.is_array() && !v.as_array().empty() ? v.as_array().back() : v;
      if (last.is_string()) input_type = ExpandIri(*active, last.as_string(), false, true);
    }
  }
  json::object result;
  Entries(active, type_scoped, elem, input_type, result);

  if (result.contains("@value")) {
    for (const auto& e : result) {
      const std::string_view k = e.key();
      if (k != "@direction" && k != "@index" && k != "@language" && k != "@type" && k != "@value") {
        Throw("invalid value object", std::string(k));
      }
    }
    if (result.contains("@type") &&
        (result.contains("@language") || result.contains("@direction"))) {
      Throw("invalid value object", "@type with @language or @direction");
    }
    const json::value* type = result.if_contains("@type");
    if (type != nullptr && type->is_string() && type->as_string() == "@json") {
      // any JSON value
    } else if (result.at("@value").is_null()) {
      return nullptr;
    } else if (!result.at("@value").is_string() && result.contains("@language")) {
      Throw("invalid language-tagged value");
    } else if (type != nullptr && (!type->is_string() || !IsWellFormedIri(type->as_string()))) {
      Throw("invalid typed value");
    }
  } else if (json::value* type = result.if_contains("@type"); type != nullptr) {
    if (!type->is_array()) *type = ToArray(*type);
  } else if (result.contains("@set") || result.contains("@list")) {
    if (result.size() > 2 || (result.size() == 2 && !result.contains("@index"))) {
      Throw("invalid set or list object");
    }
    if (result.contains("@set")) {
      json::value set = result.at("@set");
      return set;
    }
  }
  if (result.size() == 1 && result.contains("@language")) return nullptr;
  if (!active_property_ || *active_property_ == "@graph") {
    if (result.empty() || result.contains("@value") || result.contains("@list")) return nullptr;
    if (result.size() == 1 && result.contains("@id")) return nullptr;
  }
  return result;
}

void Expansion::Entries(const ContextPtr& active, const ContextPtr& type_scoped,
                        const json::object& element, const OptString& input_type,
                        json::object& result) {
  std::vector<std::string> nests;
  for (const auto& entry : element) {
    const std::string key(entry.key());
    const json::value& value = entry.value();
    if (key == "@context") continue;
    const OptString property = ExpandIri(*active, key, false, true);
    if (!property || (property->find(':') == std::string::npos && !IsKeyword(*property))) {
      continue;
    }
    if (IsKeyword(*property)) {
      if (*property == "@nest") {
        nests.push_back(key);
        continue;
      }
      ExpandKeyword(active, type_scoped, key, *property, value, input_type, result);
      continue;
    }
    const TermDefinition* def = active->Find(key);
    json::value expanded;
    if (def != nullptr && def->type == "@json") {
      json::object v;
      v["@value"] = value;
      v["@type"] = "@json";
      expanded = std::move(v);
    } else if (def != nullptr && def->HasContainer("@language") && value.is_object()) {
      json::array out;
      const OptString direction = def->direction ? *def->direction : active->direction;
      for (const std::string& language : SortedKeys(value.as_object())) {
        for (const auto& item : ToArray(value.as_object().at(language))) {
          if (item.is_null()) continue;
          if (!item.is_string()) Throw("invalid language map value", key);
          json::object v;
          v["@value"] = item;
          if (ExpandIri(*active, language, false, true) != "@none") v["@language"] = language;
          if (direction) v["@direction"] = *direction;
          out.push_back(std::move(v));
        }
      }
      expanded = std::move(out);
    } else if (def != nullptr &&
               (def->HasContainer("@index") || def->HasContainer("@type") ||
                def->HasContainer("@id")) &&
               value.is_object()) {
      expanded = ExpandMap(active, *def, key, value.as_object());
    } else {
      const std::optional<std::string> prop(key);
      expanded = Expansion(prop, base_url_).Run(active, value, false);
    }
    if (expanded.is_null()) continue;
    if (def != nullptr && def->HasContainer("@list") && !HasKey(expanded, "@list")) {
      json::object l;
      l["@list"] = ToArray(expanded);
      expanded = std::move(l);
    }
    if (def != nullptr && def->HasContainer("@graph") && !def->HasContainer("@id") &&
        !def->HasContainer("@index")) {
      json::array graphs;
      for (const auto& ev : ToArray(expanded)) {
        json::object g;
        g["@graph"] = ToArray(ev);
        graphs.push_back(std::move(g));
      }
      expanded = std::move(graphs);
    }
    if (def != nullptr && def->reverse) {
      json::value& rev = result["@reverse"];
      if (!rev.is_object()) rev = json::object();
      for (const auto& item : ToArray(expanded)) {
        if (HasKey(item, "@value") || HasKey(item, "@list")) {
          Throw("invalid reverse property value", key);
        }
        AppendTo(rev.as_object(), *property, item);
      }
    } else {
      AppendTo(result, *property, expanded);
    }
  }
  std::sort(nests.begin(), nests.end());
  for (const std::string& nest_key : nests) {
    // A nesting term may carry a scoped context for what it nests.
    ContextPtr nest_context = active;
    if (const TermDefinition* d = active->Find(nest_key); d != nullptr && d->context) {
      nest_context = ProcessContext(active, *d->context, d->base_url, {}, true);
    }
    for (const auto& nested : ToArray(element.at(nest_key))) {
      if (!nested.is_object()) Throw("invalid @nest value", nest_key);
      for (const auto& e : nested.as_object()) {
        if (ExpandIri(*nest_context, e.key(), false, true) == "@value") {
          Throw("invalid @nest value", nest_key);
        }
      }
      Entries(nest_context, type_scoped, nested.as_object(), input_type, result);
    }
  }
}

void Expansion::ExpandKeyword(const ContextPtr& active, const ContextPtr& type_scoped,
                              const std::string& key, const std::string& property,
                              const json::value& value, const OptString& input_type,
                              json::object& result) {
  const bool json_ld_10 = active->options != nullptr && active->options->json_ld_10;
  if (active_property_ == "@reverse") Throw("invalid reverse property map", key);
  if (result.contains(property) && property != "@included" && property != "@type") {
    Throw("colliding keywords", property);
  }
  json::value expanded;
  if (property == "@id") {
    if (!value.is_string()) Throw("invalid @id value", key);
    // A keyword-like @id expands to null and is kept so: the node then has no usable name.
    result["@id"] = JsonString(ExpandIri(*active, value.as_string(), true, false));
    return;
  } else if (property == "@type") {
    json::array types;
    if (value.is_string()) {
      types.push_back(JsonString(ExpandIri(*type_scoped, value.as_string(), true, true)));
    } else if (value.is_array()) {
      for (const auto& t : value.as_array()) {
        if (!t.is_string()) Throw("invalid type value", key);
        types.push_back(JsonString(ExpandIri(*type_scoped, t.as_string(), true, true)));
      }
    } else {
      Throw("invalid type value", key);
    }
    if (json::value* existing = result.if_contains("@type")) {
      json::array merged = ToArray(*existing);
      for (auto& t : types) merged.push_back(std::move(t));
      *existing = std::move(merged);
      return;
    }
    if (value.is_string()) {
      expanded = std::move(types[0]);
    } else {
      expanded = std::move(types);
    }
  } else if (property == "@graph") {
    const std::optional<std::string> graph("@graph");
    expanded = ToArray(Expansion(graph, base_url_).Run(active, value, false));
  } else if (property == "@included") {
    if (json_ld_10) return;
    const std::optional<std::string> none;
    expanded = ToArray(Expansion(none, base_url_).Run(active, value, false));
    for (const auto& item : expanded.as_array()) {
      if (!item.is_object() || HasKey(item, "@value") || HasKey(item, "@list") ||
          HasKey(item, "@set")) {
        Throw("invalid @included value");
      }
    }
    if (result.contains("@included")) {
      AppendTo(result, "@included", expanded);
      return;
    }
  } else if (property == "@value") {
    if (input_type == "@json") {
      if (json_ld_10) Throw("invalid value object value");
      expanded = value;
    } else if (value.is_object() || value.is_array()) {
      Throw("invalid value object value");
    } else {
      expanded = value;
    }
    result["@value"] = std::move(expanded);
    return;
  } else if (property == "@language") {
    if (!value.is_string()) Throw("invalid language-tagged string");
    expanded = value;
  } else if (property == "@direction") {
    if (json_ld_10) return;
    if (!(value.is_string() && (value.as_string() == "ltr" || value.as_string() == "rtl"))) {
      Throw("invalid base direction");
    }
    expanded = value;
  } else if (property == "@index") {
    if (!value.is_string()) Throw("invalid @index value");
    expanded = value;
  } else if (property == "@list") {
    if (!active_property_ || *active_property_ == "@graph") return;
    expanded = ToArray(Expansion(active_property_, base_url_).Run(active, value, false));
  } else if (property == "@set") {
    expanded = Expansion(active_property_, base_url_).Run(active, value, false);
  } else if (property == "@reverse") {
    if (!value.is_object()) Throw("invalid @reverse value");
    const std::optional<std::string> reverse("@reverse");
    json::value ev = Expansion(reverse, base_url_).Run(active, value, false);
    if (!ev.is_object()) return;
    const json::object& eo = ev.as_object();
    if (const json::value* rr = eo.if_contains("@reverse")) {
      for (const auto& e : rr->as_object()) AppendTo(result, e.key(), e.value());
    }
    for (const auto& e : eo) {
      if (e.key() == "@reverse") continue;
      json::value& rev = result["@reverse"];
      if (!rev.is_object()) rev = json::object();
      for (const auto& item : ToArray(e.value())) {
        if (HasKey(item, "@value") || HasKey(item, "@list")) {
          Throw("invalid reverse property value", std::string(e.key()));
        }
        AppendTo(rev.as_object(), e.key(), item);
      }
    }
    return;
  } else {
    // Framing keywords (@explicit, @default, ...) mean nothing outside framing.
    return;
  }
  if (expanded.is_null()) return;
  result[property] = std::move(expanded);
}

json::value Expansion::ExpandMap(const ContextPtr& active, const TermDefinition& def,
                                 const std::string& key, const json::object& value) {
  const std::string index_key = def.index.value_or("@index");
  json::array out;
  const bool id_or_type = def.HasContainer("@id") || def.HasContainer("@type");
  for (const std::string& index : SortedKeys(value)) {
    ContextPtr map_context = active;
    if (id_or_type && active->previous) map_context = active->previous;
    if (def.HasContainer("@type")) {
      const TermDefinition* d = map_context->Find(index);
      if (d != nullptr && d->context) {
        map_context = ProcessContext(map_context, *d->context, d->base_url, {}, false);
      }
    }
    const OptString expanded_index = ExpandIri(*active, index, false, true);
    const std::optional<std::string> prop(key);
    json::value items = Expansion(prop, base_url_).Run(map_context, ToArray(value.at(index)), true);
    for (auto& item : ToArray(items)) {
      if (def.HasContainer("@graph") && !IsGraphObject(item)) {
        json::object g;
        g["@graph"] = ToArray(item);
        item = std::move(g);
      }
      if (!item.is_object()) continue;
      json::object& io = item.as_object();
      if (def.HasContainer("@index") && index_key != "@index" && expanded_index != "@none") {
        const std::optional<std::string> ik(index_key);
        json::value re_expanded = ExpandValue(*active, ik, json::string(index));
        const OptString expanded_key = ExpandIri(*active, index_key, false, true);
        if (!expanded_key) continue;
        json::array values;
        values.push_back(std::move(re_expanded));
        if (const json::value* existing = io.if_contains(*expanded_key)) {
          for (const auto& v : ToArray(*existing)) values.push_back(v);
        }
        io[*expanded_key] = std::move(values);
        if (io.contains("@value")) Throw("invalid value object", key);
      } else if (def.HasContainer("@index") && !io.contains("@index") &&
                 expanded_index != "@none") {
        io["@index"] = index;
      } else if (def.HasContainer("@id") && !io.contains("@id") && expanded_index != "@none") {
        io["@id"] = JsonString(ExpandIri(*active, index, true, false));
      } else if (def.HasContainer("@type") && expanded_index != "@none") {
        json::array types;
        types.push_back(JsonString(expanded_index));
        if (const json::value* existing = io.if_contains("@type")) {
          for (const auto& t : ToArray(*existing)) types.push_back(t);
        }
        io["@type"] = std::move(types);
      }
      out.push_back(std::move(item));
    }
  }
  return out;
}

}  // namespace

json::value Expand(const ContextPtr& active, const std::optional<std::string>& active_property,
                   const json::value& element, const std::string& base_url, bool from_map) {
  return Expansion(active_property, base_url).Run(active, element, from_map);
}

json::array ExpandDocument(const ContextPtr& active, const json::value& document,
                           const std::string& base_url) {
  json::value r = Expand(active, std::nullopt, document, base_url);
  if (r.is_object() && r.as_object().size() == 1 && r.as_object().contains("@graph")) {
    r = r.as_object().at("@graph");
  }
  if (r.is_null()) return {};
  return ToArray(r);
}

}  // namespace sextant::rdf::jsonld
