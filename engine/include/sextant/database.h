// The embedded store: open a directory, read snapshots, write atomic transactions.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "sextant/export.h"
#include "sextant/loader.h"
#include "sextant/query.h"
#include "sextant/rules.h"
#include "sextant/search.h"
#include "sextant/shacl.h"
#include "sextant/status.h"
#include "sextant/term.h"
#include "sextant/update.h"

namespace sextant {

struct Options {
  bool create_if_missing = true;
  bool error_if_exists = false;
  // Opens without the write lock; writes fail with InvalidArgument.
  bool read_only = false;
  // Sync the write-ahead log on every commit (durable against power loss). When false a commit
  // survives a process crash but the last commits may be lost on power loss.
  bool sync = false;
  uint64_t block_cache_bytes = 64ull << 20;
  // Index ranges that queries read in full are kept decoded (32 bytes per quad) for the next
  // query on the same data, up to this many bytes; 0 turns that off.
  uint64_t range_cache_bytes = 64ull << 20;
};

// A cursor over quads. Terms are decoded from the dictionary only when quad() is called.
class QuadIterator {
 public:
  virtual ~QuadIterator() = default;
  virtual bool Valid() const = 0;
  virtual void Next() = 0;
  // The current quad; only while Valid().
  virtual const Quad& quad() = 0;
  // Error that ended the iteration, if any; check after Valid() turns false.
  virtual Status status() const = 0;
};

struct PredicateStats {
  Term predicate;
  uint64_t triples = 0;
  uint64_t distinct_subjects = 0;
  uint64_t distinct_objects = 0;
};

struct GraphInfo {
  Term graph;  // Term::DefaultGraph() for the default graph
  uint64_t quads = 0;
};

struct StoreStats {
  uint64_t quads = 0;
  uint64_t terms = 0;  // dictionary entries (inline values are not counted)
  std::vector<GraphInfo> graphs;
  std::vector<PredicateStats> predicates;
};

// What Database::Check() found. Each problem is one sentence naming what disagrees.
struct CheckReport {
  uint64_t quads = 0;
  uint64_t index_entries = 0;     // keys read across the six indexes
  uint64_t dictionary_terms = 0;  // id2term entries
  uint64_t text_documents = 0;    // literals in the text index
  uint64_t text_postings = 0;     // (term, literal) entries of the text index
  // The text index awaits a rebuild (one was interrupted): not damage, but not checked; the
  // next writable open rebuilds it.
  bool text_index_pending = false;
  std::vector<std::string> problems;
  uint64_t problems_omitted = 0;  // beyond the first 100
  bool ok() const { return problems.empty(); }
};

// A consistent, read-only view of the store as of its creation; unaffected by later commits.
class Snapshot {
 public:
  virtual ~Snapshot() = default;
  virtual std::unique_ptr<QuadIterator> Match(const QuadPattern& pattern) const = 0;
  virtual Result<uint64_t> Count(const QuadPattern& pattern) const = 0;
  virtual Result<bool> Contains(const Quad& quad) const = 0;
  // Graphs holding at least one quad, named graphs first in IRI order, then the default graph.
  virtual Result<std::vector<GraphInfo>> Graphs() const = 0;
  virtual Result<StoreStats> Stats() const = 0;
};

// A write transaction. Changes become visible to others atomically at Commit(); dropping the
// transaction without committing discards them. One write transaction at a time per Database.
class Transaction {
 public:
  virtual ~Transaction() = default;
  // Inserting a quad that exists, or removing one that does not, is a no-op.
  virtual Status Insert(const Quad& quad) = 0;
  virtual Status Remove(const Quad& quad) = 0;
  // Reads that see this transaction's own pending changes (and the committed state beneath).
  virtual Result<bool> Contains(const Quad& quad) = 0;
  virtual std::unique_ptr<QuadIterator> Match(const QuadPattern& pattern) = 0;
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;
  virtual uint64_t inserted() const = 0;  // quads that will be added by Commit()
  virtual uint64_t removed() const = 0;   // quads that will be removed by Commit()
};

// Thread safety: GetSnapshot, Query, Prepare, Match, Count and Dump may run on many threads at
// once (each reads its own RocksDB snapshot; the `sextant serve` load test runs 16 in parallel).
// Writes (BeginTransaction, Update, Load*) are one at a time: a second concurrent writer gets
// Busy rather than waiting, so callers that want queuing serialise writes themselves. Objects a
// call returns (snapshots, cursors, transactions) belong to one thread at a time.
class Database {
 public:
  virtual ~Database() = default;

  // Opens (or creates) a store directory. Errors: NotFound (missing and !create_if_missing),
  // Locked (open for writing by another process), VersionMismatch, Corruption (not a Sextant
  // store, or damaged files), IOError.
  SEXTANT_API static Result<std::unique_ptr<Database>> Open(const std::string& path,
                                                            const Options& options = {});

  virtual const std::string& path() const = 0;

  virtual std::unique_ptr<Snapshot> GetSnapshot() const = 0;
  // Fails with Busy if another write transaction is open.
  virtual Result<std::unique_ptr<Transaction>> BeginTransaction() = 0;

  // Loads one RDF file ("-" for standard input, ".gz" read transparently), all or nothing in
  // strict mode.
  virtual Result<LoadStats> LoadFile(const std::string& path, const LoadOptions& options) = 0;
  virtual Result<LoadStats> LoadString(std::string_view text, const LoadOptions& options) = 0;

  virtual Status Dump(std::ostream& out, const DumpOptions& options) const = 0;

  // Verifies file checksums and that indexes, dictionary and statistics agree (reads the whole
  // store on one snapshot). Damage is reported in the CheckReport; the Status fails only when
  // the check itself could not run (Corruption when RocksDB's checksums fail).
  virtual Result<CheckReport> Check() const = 0;

  // Makes every acknowledged write durable and closes the store; the destructor does the same
  // but can only print a failure. An error (IOError: a full or failing disk) means writes may
  // not be on disk: a command should not report success. Call it last: the Database must not
  // be used afterwards (a second Close does nothing).
  virtual Status Close() = 0;

  // Parses and runs a SPARQL query on a fresh snapshot. Syntax errors come back as
  // StatusCode::kSyntaxError with line and column.
  virtual Result<std::unique_ptr<QueryCursor>> Query(std::string_view sparql,
                                                     const QueryOptions& options = {}) = 0;
  virtual Result<std::unique_ptr<PreparedQuery>> Prepare(std::string_view sparql,
                                                         const QueryOptions& options = {}) = 0;

  // Runs a SPARQL 1.1 Update request. All its operations (separated by ';') form one
  // transaction: a failing operation leaves the store exactly as it was. Fails with Busy when
  // another write transaction is open. Later operations see the changes of earlier ones.
  virtual Result<UpdateStats> Update(std::string_view sparql, const QueryOptions& options = {}) = 0;

  // Rules (docs/RULES.md). Each change commits atomically with its consequences for the
  // derived graph. Names: a user rule's name, or a built-in set ("rdfs", "owl-rl-properties").
  virtual Result<std::vector<RuleInfo>> ListRules() = 0;
  // Adds (or replaces) the RULE statements of `text`; anything else in it is an error.
  // `source_name` is named in syntax errors.
  virtual Status AddRules(std::string_view text, const std::string& source_name = "") = 0;
  virtual Status DropRule(const std::string& name) = 0;
  // Switches a built-in set or a user rule on or off. NotFound for an unknown name.
  virtual Status EnableRules(const std::string& name) = 0;
  virtual Status DisableRules(const std::string& name) = 0;
  // How the store comes to hold the triple: one derivation down to asserted facts.
  virtual Result<Explanation> ExplainWhy(const Term& subject, const Term& predicate,
                                         const Term& object) = 0;

  // Full-text search (docs/SEARCH.md) on a fresh snapshot: words, "phrases", prefix*, OR,
  // NOT, parentheses. SyntaxError for a malformed search text, Unsupported while the text
  // index is off or awaiting a rebuild.
  virtual Result<std::vector<SearchHit>> Search(std::string_view text,
                                                const SearchOptions& options = {}) const = 0;
  virtual Result<TextIndexSettings> GetTextIndexSettings() const = 0;
  // Switches to the given settings and rebuilds the text index (atomic towards searches: a
  // crash midway leaves an index that refuses searches until the next writable open finishes
  // the rebuild).
  virtual Status ConfigureTextIndex(const TextIndexSettings& settings) = 0;
  virtual Status RebuildTextIndex() = 0;
  // SHACL (docs/SHACL.md). Validates the store (or options.graph) on a fresh snapshot against
  // the shapes in `shapes` (a Turtle document unless options.format says otherwise). Shapes
  // that do not parse or are ill-formed are errors (syntax errors with line and column).
  virtual Result<ValidationReport> Validate(std::string_view shapes,
                                            const ValidateOptions& options = {}) = 0;
  // Validates against the shapes the store enforces.
  virtual Result<ValidationReport> ValidateEnforced(const ValidateOptions& options = {}) = 0;
  // Adds the shapes of `shapes` to the enforced ones (the graph <urn:sextant:shapes>), in one
  // transaction that validates the whole store against the new set: ConstraintViolation (the
  // report as the message) when the store does not conform. From then on every transaction,
  // update and load whose result would violate them fails with ConstraintViolation.
  virtual Status EnforceShapes(std::string_view shapes, const ValidateOptions& options = {}) = 0;
  // Stops enforcing a shape (an IRI, or "_:label" for a blank node): its triples, and those of
  // the blank nodes they lead to, leave the shapes graph. "" drops every shape.
  virtual Status DropShapes(const std::string& shape) = 0;
  virtual Result<std::vector<ShapeInfo>> ListShapes() = 0;

  // Convenience reads on a fresh snapshot.
  std::unique_ptr<QuadIterator> Match(const QuadPattern& pattern) const {
    return GetSnapshot()->Match(pattern);
  }
  Result<uint64_t> Count(const QuadPattern& pattern) const { return GetSnapshot()->Count(pattern); }
};

}  // namespace sextant
