// What the C API's handles hold, and the helpers every C entry point shares.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sextant/database.h"
#include "sextant/sextant.h"

namespace sextant::capi {

// Interrupt flags of the queries and updates started through one sextant_open(). The engine
// reads one flag per query; giving every query its own flag lets sextant_interrupt() stop the
// running ones without also stopping the next.
class InterruptRegistry {
 public:
  std::shared_ptr<std::atomic<bool>> NewFlag();
  void InterruptAll();

 private:
  std::mutex mu_;
  std::vector<std::weak_ptr<std::atomic<bool>>> flags_;
};

// Where a cursor keeps what the sextant_terms of its current row point to beyond the row's own
// strings: a triple term's parts and N-Triples text (deques: elements never move).
struct TermScratch {
  std::deque<std::array<sextant_term, 3>> parts;
  std::deque<std::string> texts;
  void Clear() {
    parts.clear();
    texts.clear();
  }
};

// Shared by the db handle and everything made from it, so that the store stays open until the
// last of them is freed.
struct Store {
  std::unique_ptr<Database> db;
  InterruptRegistry interrupts;
};

}  // namespace sextant::capi

struct sextant_db {
  std::shared_ptr<sextant::capi::Store> store;
  std::atomic<uint64_t> timeout_ms{0};
};

// Once its rows have ended, a cursor lets go of the engine cursor and the store, so a forgotten
// cursor handle does not keep the store open.
struct sextant_cursor {
  std::shared_ptr<sextant::capi::Store> store;  // declared first: destroyed after the cursor
  std::shared_ptr<std::atomic<bool>> interrupt;
  std::unique_ptr<sextant::QueryCursor> cursor;
  sextant::QueryForm form = sextant::QueryForm::kSelect;
  std::vector<std::string> columns;
  sextant::capi::TermScratch scratch;  // for the current row
  bool on_row = false;
  bool finished = false;
};

struct sextant_prepared {
  std::shared_ptr<sextant::capi::Store> store;
  std::string text;
  sextant::QueryOptions options;
  std::shared_ptr<std::atomic<bool>> interrupt;
  std::unique_ptr<sextant::PreparedQuery> prepared;
  std::vector<std::pair<std::string, sextant::Term>> bindings;
};

struct sextant_txn {
  std::shared_ptr<sextant::capi::Store> store;  // released with txn at commit or rollback
  std::unique_ptr<sextant::Transaction> txn;    // null once committed or rolled back
};

namespace sextant::capi {

// Records the outcome of a call as this thread's last error and returns its code.
sextant_code Record(const Status& status);
inline sextant_code Ok() {
  return Record(Status::OK());
}
inline sextant_code Invalid(const std::string& message) {
  return Record(Status::InvalidArgument(message));
}

// Runs `body` (returning sextant_code) so that no exception leaves the C API.
template <typename Body>
sextant_code Guard(Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return Record(Status::ResourceExhausted("out of memory"));
  } catch (const std::exception& e) {
    return Record(Status::Internal(e.what()));
  } catch (...) {
    return Record(Status::Internal("unknown exception"));
  }
}

// The options a query or update started now through `db` runs with.
QueryOptions OptionsFor(const sextant_db& db, std::shared_ptr<std::atomic<bool>>& flag);

// Input terms. `what` names the argument in error messages.
Status TermFromC(const sextant_term* in, const char* what, Term& out);
Status GraphFromC(const sextant_term* in, Term& out);  // NULL = the default graph
// Output terms: the strings point into `term`; a triple term's parts and N-Triples text are
// kept in `scratch` until it is cleared.
void TermToC(const Term* term, sextant_term& out, TermScratch& scratch);

// A cursor handle over an engine cursor.
sextant_cursor* NewCursor(std::shared_ptr<Store> store, std::shared_ptr<std::atomic<bool>> flag,
                          std::unique_ptr<QueryCursor> cursor);

}  // namespace sextant::capi
