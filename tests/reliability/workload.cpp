#include "workload.h"

namespace sextant::reliability {
namespace {

const std::string kNs = "http://sextant.local/";

Term TxSubject(uint64_t n) {
  return Term::Iri(kNs + "tx/" + std::to_string(n));
}

}  // namespace

std::vector<Quad> TransactionQuads(uint64_t n) {
  std::vector<Quad> quads;
  // Spread over three named graphs and the default graph so every index family is exercised.
  const Term graph =
      n % 4 == 0 ? Term::DefaultGraph() : Term::Iri(kNs + "source/" + std::to_string(n % 4));
  for (int k = 0; k < kQuadsPerTransaction; ++k) {
    Term object =
        k % 2 == 0
            ? Term::TypedLiteral(std::to_string(n * 100 + k),
                                 "http://www.w3.org/2001/XMLSchema#integer")
            : Term::Literal("item " + std::to_string(k) + " of transaction " + std::to_string(n));
    quads.push_back({TxSubject(n), Term::Iri(kNs + "item"), std::move(object), graph});
  }
  return quads;
}

Quad CounterQuad(uint64_t n) {
  return {Term::Iri(kNs + "counter"), Term::Iri(kNs + "value"),
          Term::TypedLiteral(std::to_string(n), "http://www.w3.org/2001/XMLSchema#integer"),
          Term::DefaultGraph()};
}

Status CommitTransaction(Database& db, uint64_t n) {
  SEXTANT_ASSIGN_OR_RETURN(auto txn, db.BeginTransaction());
  for (const auto& q : TransactionQuads(n)) SEXTANT_RETURN_IF_ERROR(txn->Insert(q));
  if (n > 1) SEXTANT_RETURN_IF_ERROR(txn->Remove(CounterQuad(n - 1)));
  SEXTANT_RETURN_IF_ERROR(txn->Insert(CounterQuad(n)));
  return txn->Commit();
}

WorkloadState InspectWorkload(Database& db, uint64_t limit) {
  WorkloadState state;
  auto snap = db.GetSnapshot();
  QuadPattern counter_pattern;
  counter_pattern.predicate = Term::Iri(kNs + "value");
  int counters = 0;
  for (auto it = snap->Match(counter_pattern); it->Valid(); it->Next()) {
    ++counters;
    state.counter = std::stoull(it->quad().object.value());
  }
  if (counters > 1)
    state.problems.push_back(std::to_string(counters) + " counter facts (expected at most one)");

  bool gap = false;
  uint64_t text_facts = 0;  // present facts whose object is a string literal
  for (uint64_t n = 1; n < limit; ++n) {
    int present = 0;
    for (const auto& q : TransactionQuads(n)) {
      auto has = snap->Contains(q);
      if (!has.ok()) {
        state.problems.push_back("reading transaction " + std::to_string(n) + ": " +
                                 has.status().ToString());
        return state;
      }
      present += *has ? 1 : 0;
      if (*has && q.object.datatype() == "http://www.w3.org/2001/XMLSchema#string") ++text_facts;
    }
    if (present != 0 && present != kQuadsPerTransaction) {
      state.problems.push_back("transaction " + std::to_string(n) + " is half there (" +
                               std::to_string(present) + " of " +
                               std::to_string(kQuadsPerTransaction) + " quads)");
    }
    if (present == kQuadsPerTransaction) {
      if (gap)
        state.problems.push_back("transaction " + std::to_string(n) +
                                 " is there but an earlier one is missing");
      if (!gap) state.complete = n;
    } else {
      gap = true;
    }
  }
  // The text index committed with the facts: a search finds exactly the string facts present.
  SearchOptions all;
  all.limit = 0;
  all.snippets = false;
  auto hits = db.Search("transaction", all);
  if (!hits.ok()) {
    state.problems.push_back("text search failed: " + hits.status().ToString());
  } else if (hits->size() != text_facts) {
    state.problems.push_back("text search finds " + std::to_string(hits->size()) + " facts but " +
                             std::to_string(text_facts) + " are present");
  }
  if (state.counter != state.complete) {
    state.problems.push_back("counter says " + std::to_string(state.counter) +
                             " but transactions 1.." + std::to_string(state.complete) +
                             " are present");
  }
  return state;
}

}  // namespace sextant::reliability
