// Opening and closing stores, loading, updates, timeouts and interrupts.
#include <string>

#include "capi/capi_internal.h"

using sextant::capi::Guard;
using sextant::capi::Invalid;
using sextant::capi::Ok;
using sextant::capi::Record;

static_assert(static_cast<int>(sextant::StatusCode::kInternal) == SEXTANT_INTERNAL,
              "sextant_code mirrors sextant::StatusCode");
static_assert(static_cast<int>(sextant::StatusCode::kConstraintViolation) ==
                  SEXTANT_CONSTRAINT_VIOLATION,
              "sextant_code mirrors sextant::StatusCode");

namespace {

sextant_code Load(sextant_db* db, const char* format, const char* graph_iri, uint64_t* inserted,
                  sextant::LoadOptions& options, const auto& run) {
  if (!db) return Invalid("database handle is NULL");
  if (format) {
    options.format = sextant::RdfFormatFromName(format);
    if (!options.format) return Invalid(std::string("unknown RDF format '") + format + "'");
  }
  if (graph_iri) options.graph = sextant::Term::Iri(graph_iri);
  sextant::Result<sextant::LoadStats> stats = run(*db->store->db);
  if (!stats.ok()) return Record(stats.status());
  if (inserted) *inserted = stats->quads_inserted;
  return Ok();
}

}  // namespace

extern "C" {

sextant_code sextant_open(const char* path, unsigned flags, sextant_db** out) {
  return Guard([&] {
    if (!out) return Invalid("out is NULL");
    *out = nullptr;
    if (!path) return Invalid("path is NULL");
    sextant::Options options;
    options.read_only = flags & SEXTANT_OPEN_READ_ONLY;
    options.create_if_missing = !(flags & SEXTANT_OPEN_NO_CREATE);
    options.sync = flags & SEXTANT_OPEN_SYNC;
    auto db = sextant::Database::Open(path, options);
    if (!db.ok()) return Record(db.status());
    auto handle = std::make_unique<sextant_db>();
    handle->store = std::make_shared<sextant::capi::Store>();
    handle->store->db = std::move(*db);
    *out = handle.release();
    return Ok();
  });
}

void sextant_close(sextant_db* db) {
  delete db;
}

sextant_code sextant_set_timeout(sextant_db* db, uint64_t milliseconds) {
  return Guard([&] {
    if (!db) return Invalid("database handle is NULL");
    db->timeout_ms = milliseconds;
    return Ok();
  });
}

sextant_code sextant_interrupt(sextant_db* db) {
  return Guard([&] {
    if (!db) return Invalid("database handle is NULL");
    db->store->interrupts.InterruptAll();
    return Ok();
  });
}

sextant_code sextant_load_file(sextant_db* db, const char* path, const char* format,
                               const char* graph_iri, uint64_t* inserted) {
  return Guard([&] {
    if (!path) return Invalid("path is NULL");
    sextant::LoadOptions options;
    return Load(db, format, graph_iri, inserted, options,
                [&](sextant::Database& d) { return d.LoadFile(path, options); });
  });
}

sextant_code sextant_load_string(sextant_db* db, const char* text, size_t len, const char* format,
                                 const char* base_iri, const char* graph_iri, uint64_t* inserted) {
  return Guard([&] {
    if (!text && len > 0) return Invalid("text is NULL");
    if (!format) return Invalid("format is NULL: loading a string needs one");
    sextant::LoadOptions options;
    if (base_iri) options.base_iri = base_iri;
    return Load(db, format, graph_iri, inserted, options, [&](sextant::Database& d) {
      return d.LoadString(std::string_view(text ? text : "", len), options);
    });
  });
}

sextant_code sextant_update(sextant_db* db, const char* sparql, uint64_t* inserted,
                            uint64_t* deleted) {
  return Guard([&] {
    if (!db) return Invalid("database handle is NULL");
    if (!sparql) return Invalid("update text is NULL");
    std::shared_ptr<std::atomic<bool>> flag;
    auto stats = db->store->db->Update(sparql, sextant::capi::OptionsFor(*db, flag));
    if (!stats.ok()) return Record(stats.status());
    if (inserted) *inserted = stats->inserted;
    if (deleted) *deleted = stats->deleted;
    return Ok();
  });
}

}  // extern "C"
