// Loading RDF files into a store, and dumping a store back out.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sextant/export.h"
#include "sextant/rdf_format.h"
#include "sextant/term.h"

namespace sextant {

struct LoadProgress {
  uint64_t bytes_read = 0;
  uint64_t bytes_total = 0;  // 0 when unknown (stdin, compressed input)
  uint64_t statements = 0;
};

// Where JSON-LD contexts named by URL come from: there is no network access, so each URL must
// map to a local file (docs/FORMATS.md).
struct JsonLdContextOptions {
  // (URL prefix, local file or folder): a URL starting with the prefix is read from the file
  // (the URL is the prefix) or from the folder joined with the rest of the URL.
  std::vector<std::pair<std::string, std::string>> map;
  // A folder of cached contexts laid out by URL: https://example.org/ctx.jsonld is read from
  // FOLDER/example.org/ctx.jsonld (a URL ending in '/' from its index.jsonld).
  std::string cache_folder;
  // Whether file: URLs may be read (and so contexts relative to a local document). Off by
  // default: the server never reads its own files for a client.
  bool allow_files = false;
};

struct LoadOptions {
  // Format; when unset it is taken from the file extension (a ".gz" suffix is looked through).
  std::optional<RdfFormat> format;
  // Graph for statements that name none. Unset: the default graph.
  std::optional<Term> graph;
  // Everything goes into `graph` (the default graph when unset): a statement that names another
  // graph (N-Quads, TriG) fails the load with InvalidArgument. The Graph Store Protocol's PUT
  // and POST, which write one graph, set it.
  bool single_graph = false;
  // Ends the load with Timeout once this much time has passed (0: never), or with Interrupted
  // once *interrupt turns true; nothing of a strict load is then committed.
  std::chrono::milliseconds timeout{0};
  const std::atomic<bool>* interrupt = nullptr;
  // Base IRI for relative IRIs; defaults to the file's file:// IRI.
  std::string base_iri;
  // Strict (false): the first syntax error aborts the load and nothing of it is committed.
  // Lenient (true): bad statements are skipped and reported, the rest is committed.
  bool lenient = false;
  // Replace instead of add: the target graph (`graph`, or the default graph) is emptied and
  // refilled in one transaction, so readers see the old graph or the new one, never a mix
  // (the Graph Store Protocol's PUT). Text loads only; strict; the statements must fit in memory.
  bool replace_graph = false;
  // Memory budget for the sort runs. Every load is encoded into runs that are sorted on a
  // second thread while parsing goes on; small loads commit as one WriteBatch, large ones are
  // written as SST files and ingested into every index in one atomic step. A run holds at most
  // about a million quads (32 MiB, so it can be sorted while the next one fills), so budgets
  // above 64 MiB change nothing there; smaller ones make smaller runs. The budget also bounds
  // the loader's map of terms (about 128 bytes a term, 4 million for 512 MiB): a load
  // whose new terms outgrow it writes them out and looks up the ones it forgot in the store.
  uint64_t bulk_memory_bytes = 512ull << 20;
  // Called now and then (every few thousand statements) with the progress so far.
  std::function<void(const LoadProgress&)> progress;
  // JSON-LD input only.
  JsonLdContextOptions jsonld;
};

struct LoadDiagnostic {
  std::string source;
  uint64_t line = 0;
  uint64_t column = 0;
  std::string message;
  SEXTANT_API std::string ToString() const;  // "source:line:column: message"
};

struct LoadStats {
  uint64_t statements_read = 0;             // statements parsed successfully
  uint64_t quads_inserted = 0;              // quads that were not in the store before
  uint64_t statements_skipped = 0;          // lenient mode only
  std::vector<LoadDiagnostic> diagnostics;  // one per skipped statement (capped)
};

struct DumpOptions {
  RdfFormat format = RdfFormat::kNQuads;
  // Only this graph (Term::DefaultGraph() for the default graph); unset: the whole store.
  std::optional<Term> graph;
  // JSON-LD: the context document (JSON text) to compact with; empty: the store's prefixes.
  std::string jsonld_context;
};

}  // namespace sextant
