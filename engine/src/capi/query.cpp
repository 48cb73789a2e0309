// Queries and prepared queries with parameter binding.
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

#include "capi/capi_internal.h"

using sextant::Status;
using sextant::Term;
using sextant::capi::Guard;
using sextant::capi::Invalid;
using sextant::capi::Ok;
using sextant::capi::Record;

namespace {

// The engine validates the name; the handle keeps its own copy of the bindings (under the
// name without its sigil) to replay them when the query is prepared again.
Status CheckName(const char* raw, std::string& name) {
  if (!raw) return Status::InvalidArgument("parameter name is NULL");
  std::string_view view(raw);
  if (!view.empty() && (view.front() == '?' || view.front() == '$')) view.remove_prefix(1);
  name = view;
  return Status::OK();
}

sextant_code Bind(sextant_prepared* p, const char* raw_name, const Term& value) {
  if (!p) return Invalid("prepared query handle is NULL");
  std::string name;
  Status s = CheckName(raw_name, name);
  if (s.ok()) s = p->prepared->Bind(raw_name, value);
  if (!s.ok()) return Record(s);
  for (auto& [n, v] : p->bindings) {
    if (n == name) {
      v = value;
      return Ok();
    }
  }
  p->bindings.emplace_back(name, value);
  return Ok();
}

// xsd:double's lexical space spells the specials INF, -INF and NaN.
std::string DoubleLexical(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "INF" : "-INF";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  return std::string(buf, end);
}

}  // namespace

extern "C" {

sextant_code sextant_query(sextant_db* db, const char* sparql, sextant_cursor** out) {
  return Guard([&] {
    if (!out) return Invalid("out is NULL");
    *out = nullptr;
    if (!db) return Invalid("database handle is NULL");
    if (!sparql) return Invalid("query text is NULL");
    std::shared_ptr<std::atomic<bool>> flag;
    auto cursor = db->store->db->Query(sparql, sextant::capi::OptionsFor(*db, flag));
    if (!cursor.ok()) return Record(cursor.status());
    *out = sextant::capi::NewCursor(db->store, std::move(flag), std::move(*cursor));
    return Ok();
  });
}

sextant_code sextant_prepare(sextant_db* db, const char* sparql, sextant_prepared** out) {
  return Guard([&] {
    if (!out) return Invalid("out is NULL");
    *out = nullptr;
    if (!db) return Invalid("database handle is NULL");
    if (!sparql) return Invalid("query text is NULL");
    auto p = std::make_unique<sextant_prepared>();
    p->store = db->store;
    p->text = sparql;
    p->options = sextant::capi::OptionsFor(*db, p->interrupt);
    auto prepared = db->store->db->Prepare(p->text, p->options);
    if (!prepared.ok()) return Record(prepared.status());
    p->prepared = std::move(*prepared);
    *out = p.release();
    return Ok();
  });
}

sextant_code sextant_bind(sextant_prepared* p, const char* name, const sextant_term* value) {
  return Guard([&] {
    Term term;
    Status s = sextant::capi::TermFromC(value, "value", term);
    return s.ok() ? Bind(p, name, term) : Record(s);
  });
}

sextant_code sextant_bind_iri(sextant_prepared* p, const char* name, const char* iri) {
  return Guard([&] { return iri ? Bind(p, name, Term::Iri(iri)) : Invalid("IRI is NULL"); });
}

sextant_code sextant_bind_string(sextant_prepared* p, const char* name, const char* text) {
  return Guard([&] { return text ? Bind(p, name, Term::Literal(text)) : Invalid("text is NULL"); });
}

sextant_code sextant_bind_int(sextant_prepared* p, const char* name, int64_t value) {
  return Guard([&] {
    return Bind(
        p, name,
        Term::TypedLiteral(std::to_string(value), std::string(sextant::vocab::kXsdInteger)));
  });
}

sextant_code sextant_bind_double(sextant_prepared* p, const char* name, double value) {
  return Guard([&] {
    return Bind(p, name,
                Term::TypedLiteral(DoubleLexical(value), std::string(sextant::vocab::kXsdDouble)));
  });
}

sextant_code sextant_clear_bindings(sextant_prepared* p) {
  return Guard([&] {
    if (!p) return Invalid("prepared query handle is NULL");
    p->prepared->ClearBindings();
    p->bindings.clear();
    return Ok();
  });
}

sextant_code sextant_execute(sextant_prepared* p, sextant_cursor** out) {
  return Guard([&] {
    if (!out) return Invalid("out is NULL");
    *out = nullptr;
    if (!p) return Invalid("prepared query handle is NULL");
    if (p->interrupt->load()) {
      // The engine query holds its flag for good; after an interrupt, re-prepare with a fresh
      // one so that this execution is not stopped by the earlier interrupt.
      p->options.interrupt = nullptr;
      p->interrupt = p->store->interrupts.NewFlag();
      p->options.interrupt = p->interrupt.get();
      auto prepared = p->store->db->Prepare(p->text, p->options);
      if (!prepared.ok()) return Record(prepared.status());
      for (const auto& [name, value] : p->bindings) {
        Status s = (*prepared)->Bind(name, value);
        if (!s.ok()) return Record(s);
      }
      p->prepared = std::move(*prepared);
    }
    auto cursor = p->prepared->Execute();
    if (!cursor.ok()) return Record(cursor.status());
    *out = sextant::capi::NewCursor(p->store, p->interrupt, std::move(*cursor));
    return Ok();
  });
}

void sextant_prepared_free(sextant_prepared* p) {
  delete p;
}

}  // extern "C"
