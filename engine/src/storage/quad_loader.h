// Loading many quads at once, atomically and in bounded memory. Quads are encoded to ids
// (new dictionary entries are written as they appear), collected in runs, sorted and
// de-duplicated on a second thread while parsing goes on, and finally written to every index
// in one step: a WriteBatch for small loads, SST files ingested with one atomic
// IngestExternalFiles call for large ones. A load that fails or is killed leaves no index
// entries behind (at most unreferenced dictionary entries, which are harmless).
#pragma once

#include <memory>
#include <vector>

#include "rdf/term_view.h"
#include "sextant/loader.h"
#include "sextant/status.h"
#include "storage/index_order.h"
#include "storage/store.h"

namespace sextant::storage {

class QuadLoader {
 public:
  // Whether a term new to the store must pass CheckStorable (term_check.h), as on the public
  // load paths, or is stored as given (the storage layer's own tests and tools).
  enum class NewTerms : uint8_t { kAsGiven, kChecked };
  // Takes the store's writer lock; Busy when another writer is active.
  static Result<std::unique_ptr<QuadLoader>> Begin(Store* store, const LoadOptions& options,
                                                   NewTerms new_terms = NewTerms::kAsGiven);
  ~QuadLoader();

  Status Add(const rdf::QuadView& quad);
  // Writes everything and returns the number of quads that were new to the store.
  Result<uint64_t> Finish();
  // After Finish on the write-batch path (small loads): the quads that were new. Null after an
  // SST ingest, whose size makes keeping them unreasonable.
  std::vector<IdQuad>* new_quads();
  // Drops everything added so far (also done by the destructor when Finish was not called).
  void Abort();

  class Impl;

 private:
  explicit QuadLoader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sextant::storage
