// Write transactions: insert, remove, read own writes, commit or roll back.
#include "capi/capi_internal.h"

using sextant::Quad;
using sextant::Status;
using sextant::capi::Guard;
using sextant::capi::Invalid;
using sextant::capi::Ok;
using sextant::capi::Record;

namespace {

Status QuadFromC(const sextant_term* s, const sextant_term* p, const sextant_term* o,
                 const sextant_term* g, Quad& out) {
  SEXTANT_RETURN_IF_ERROR(sextant::capi::TermFromC(s, "subject", out.subject));
  SEXTANT_RETURN_IF_ERROR(sextant::capi::TermFromC(p, "predicate", out.predicate));
  SEXTANT_RETURN_IF_ERROR(sextant::capi::TermFromC(o, "object", out.object));
  if (out.subject.is_literal()) return Status::InvalidArgument("a subject cannot be a literal");
  if (!out.predicate.is_iri()) return Status::InvalidArgument("a predicate must be an IRI");
  return sextant::capi::GraphFromC(g, out.graph);
}

// Runs `op` on an open transaction with the quad built from the arguments.
sextant_code WithQuad(sextant_txn* txn, const sextant_term* s, const sextant_term* p,
                      const sextant_term* o, const sextant_term* g, const auto& op) {
  return Guard([&] {
    if (!txn) return Invalid("transaction handle is NULL");
    if (!txn->txn) return Invalid("the transaction has already been committed or rolled back");
    Quad quad;
    Status st = QuadFromC(s, p, o, g, quad);
    return Record(st.ok() ? op(*txn->txn, quad) : st);
  });
}

}  // namespace

extern "C" {

sextant_code sextant_begin(sextant_db* db, sextant_txn** out) {
  return Guard([&] {
    if (!out) return Invalid("out is NULL");
    *out = nullptr;
    if (!db) return Invalid("database handle is NULL");
    auto txn = db->store->db->BeginTransaction();
    if (!txn.ok()) return Record(txn.status());
    *out = new sextant_txn{db->store, std::move(*txn)};
    return Ok();
  });
}

sextant_code sextant_txn_insert(sextant_txn* txn, const sextant_term* s, const sextant_term* p,
                                const sextant_term* o, const sextant_term* g) {
  return WithQuad(txn, s, p, o, g,
                  [](sextant::Transaction& t, const Quad& q) { return t.Insert(q); });
}

sextant_code sextant_txn_remove(sextant_txn* txn, const sextant_term* s, const sextant_term* p,
                                const sextant_term* o, const sextant_term* g) {
  return WithQuad(txn, s, p, o, g,
                  [](sextant::Transaction& t, const Quad& q) { return t.Remove(q); });
}

sextant_code sextant_txn_contains(sextant_txn* txn, const sextant_term* s, const sextant_term* p,
                                  const sextant_term* o, const sextant_term* g, int* out) {
  if (out) *out = 0;
  return WithQuad(txn, s, p, o, g, [&](sextant::Transaction& t, const Quad& q) {
    if (!out) return Status::InvalidArgument("out is NULL");
    auto found = t.Contains(q);
    if (!found.ok()) return found.status();
    *out = *found ? 1 : 0;
    return Status::OK();
  });
}

sextant_code sextant_txn_commit(sextant_txn* txn) {
  return Guard([&] {
    if (!txn) return Invalid("transaction handle is NULL");
    if (!txn->txn) return Invalid("the transaction has already been committed or rolled back");
    Status s = txn->txn->Commit();
    txn->txn.reset();
    txn->store.reset();
    return Record(s);
  });
}

sextant_code sextant_txn_rollback(sextant_txn* txn) {
  return Guard([&] {
    if (!txn) return Invalid("transaction handle is NULL");
    if (!txn->txn) return Invalid("the transaction has already been committed or rolled back");
    txn->txn->Rollback();
    txn->txn.reset();
    txn->store.reset();
    return Ok();
  });
}

void sextant_txn_free(sextant_txn* txn) {
  delete txn;
}

}  // extern "C"
