// Streaming result rows out of a query cursor.
#include "capi/capi_internal.h"

using sextant::QueryForm;
using sextant::capi::Guard;
using sextant::capi::Invalid;
using sextant::capi::Ok;
using sextant::capi::Record;

namespace sextant::capi {

sextant_cursor* NewCursor(std::shared_ptr<Store> store, std::shared_ptr<std::atomic<bool>> flag,
                          std::unique_ptr<QueryCursor> cursor) {
  auto handle = std::make_unique<sextant_cursor>();
  handle->store = std::move(store);
  handle->interrupt = std::move(flag);
  handle->form = cursor->form();
  switch (handle->form) {
    case QueryForm::kSelect: handle->columns = cursor->variables(); break;
    case QueryForm::kConstruct:
    case QueryForm::kDescribe: handle->columns = {"subject", "predicate", "object"}; break;
    case QueryForm::kAsk: break;
  }
  handle->cursor = std::move(cursor);
  return handle.release();
}

}  // namespace sextant::capi

extern "C" {

sextant_query_form sextant_cursor_form(const sextant_cursor* c) {
  return c ? static_cast<sextant_query_form>(c->form) : SEXTANT_FORM_SELECT;
}

size_t sextant_cursor_column_count(const sextant_cursor* c) {
  return c ? c->columns.size() : 0;
}

const char* sextant_cursor_column_name(const sextant_cursor* c, size_t column) {
  return c && column < c->columns.size() ? c->columns[column].c_str() : nullptr;
}

sextant_code sextant_cursor_next(sextant_cursor* c, int* has_row) {
  return Guard([&] {
    if (has_row) *has_row = 0;
    if (!c) return Invalid("cursor handle is NULL");
    if (!has_row) return Invalid("has_row is NULL");
    if (c->form == QueryForm::kAsk) {
      return Invalid("an ASK query has no rows: use sextant_cursor_boolean");
    }
    c->on_row = false;
    c->scratch.Clear();
    if (c->finished) return Ok();
    if (c->cursor->Next()) {
      c->on_row = true;
      *has_row = 1;
      return Ok();
    }
    c->finished = true;
    sextant::Status end = c->cursor->status();
    c->cursor.reset();
    c->store.reset();
    return Record(end);
  });
}

sextant_code sextant_cursor_term(sextant_cursor* c, size_t column, sextant_term* out) {
  return Guard([&] {
    if (!c) return Invalid("cursor handle is NULL");
    if (!out) return Invalid("out is NULL");
    if (!c->on_row) {
      return Invalid("no current row: call sextant_cursor_next first (or the rows have ended)");
    }
    if (column >= c->columns.size()) {
      return Invalid("column " + std::to_string(column) + " out of range (" +
                     std::to_string(c->columns.size()) + " columns)");
    }
    if (c->form == QueryForm::kSelect) {
      const auto& cell = c->cursor->row()[column];
      sextant::capi::TermToC(cell ? &*cell : nullptr, *out, c->scratch);
    } else {
      const sextant::Quad& q = c->cursor->triple();
      const sextant::Term* terms[] = {&q.subject, &q.predicate, &q.object};
      sextant::capi::TermToC(terms[column], *out, c->scratch);
    }
    return Ok();
  });
}

sextant_code sextant_cursor_boolean(sextant_cursor* c, int* out) {
  return Guard([&] {
    if (!c) return Invalid("cursor handle is NULL");
    if (!out) return Invalid("out is NULL");
    if (c->form != QueryForm::kAsk) return Invalid("not an ASK query: read its rows");
    bool value = c->cursor->boolean();
    sextant::Status s = c->cursor->status();
    if (!s.ok()) return Record(s);
    *out = value ? 1 : 0;
    return Ok();
  });
}

void sextant_cursor_free(sextant_cursor* c) {
  delete c;
}

}  // extern "C"
