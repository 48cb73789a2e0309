// `sextant query DB QUERY|-f FILE [--format json|xml|csv|tsv|table|ntriples|turtle]
//  [--timeout MS] [--explain|--analyze] [--no-derived] [--default-graph union|standard]`
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_commands.h"
#include "cli_common.h"
#include "sextant/error_format.h"
#include "sextant/rdf_writer.h"
#include "sextant/result_writer.h"

namespace sextant::cli {
namespace {

std::atomic<bool> g_interrupt{false};
void OnSigint(int /*sig*/) {
  g_interrupt.store(true);
}

// Prints a query error; syntax errors get the offending line and a caret.
int QueryError(const Status& s, const std::string& text) {
  if (s.code() == StatusCode::kSyntaxError) {
    std::cerr << FormatSyntaxError(text, s) << "\n";
    return kExitError;
  }
  return Fail(s);
}

}  // namespace

int RunQueryText(Database& db, const std::string& text, const std::string& format_name,
                 const QueryOptions& base, bool explain, bool analyze,
                 const std::string& jsonld_context) {
  QueryOptions options = base;
  options.interrupt = &g_interrupt;
  g_interrupt.store(false);
  auto previous = std::signal(SIGINT, OnSigint);
  auto cursor = db.Query(text, options);
  if (!cursor.ok()) {
    std::signal(SIGINT, previous);
    return QueryError(cursor.status(), text);
  }
  QueryCursor& c = **cursor;
  explain = explain || c.explain_requested();
  analyze = analyze || c.analyze_requested();
  Status status;
  if (explain && !analyze) {
    std::cout << c.Explain(false);
  } else if (c.form() == QueryForm::kConstruct || c.form() == QueryForm::kDescribe) {
    const auto format = RdfFormatFromName(format_name == "table" ? "turtle" : format_name);
    if (!format) {
      std::signal(SIGINT, previous);
      return UsageError("CONSTRUCT/DESCRIBE output formats: " + std::string(RdfFormatNameList()));
    }
    std::ostringstream sink;
    std::ostream& out = analyze ? static_cast<std::ostream&>(sink) : std::cout;
    auto prefixes = CommonPrefixes();
    prefixes.emplace_back("", options.store_namespace);
    std::unique_ptr<QuadWriter> writer;
    if (*format == RdfFormat::kJsonLd && !jsonld_context.empty()) {
      JsonLdContextOptions contexts;
      contexts.allow_files = true;
      auto made = MakeJsonLdWriter(out, jsonld_context, contexts);
      if (!made.ok()) {
        std::signal(SIGINT, previous);
        return Fail(made.status());
      }
      writer = std::move(*made);
    } else {
      writer = MakeQuadWriter(*format, out, std::move(prefixes));
    }
    while (status.ok() && c.Next()) status = writer->Write(c.triple());
    if (status.ok()) status = c.status();
    if (status.ok()) status = writer->Finish();
  } else {
    const auto format = ResultFormatFromName(format_name);
    if (!format) {
      std::signal(SIGINT, previous);
      return UsageError("unknown result format '" + format_name + "' (json, xml, csv, tsv, table)");
    }
    std::ostringstream sink;
    std::ostream& out = analyze ? static_cast<std::ostream&>(sink) : std::cout;
    auto writer = MakeResultWriter(*format, out);
    status = WriteResults(c, *writer);
  }
  if (analyze && status.ok()) std::cout << c.Explain(true);
  std::cout.flush();
  std::signal(SIGINT, previous);
  if (!status.ok()) return Fail(status);
  return kExitOk;
}

int RunQuery(Args args) {
  std::string file, format = isatty(STDOUT_FILENO) ? "table" : "tsv";
  const bool has_file = args.TakeValue("-f", &file);
  args.TakeValue("--format", &format);
  std::string context_file, context;
  if (args.TakeValue("--context", &context_file)) {
    auto text = ReadWholeFile(context_file);
    if (!text.ok()) return Fail(text.status());
    context = std::move(*text);
  }
  StatementText st;
  if (int rc = TakeQueryLimits(args, &st.options); rc != kExitOk) return rc;
  if (int rc = TakeDefaultGraph(args, &st.options.default_graph); rc != kExitOk) return rc;
  const bool explain = args.TakeFlag("--explain");
  const bool analyze = args.TakeFlag("--analyze");
  if (args.TakeFlag("--no-derived")) st.options.include_derived = false;
  if (!args.error().empty()) return UsageError(args.error());
  if (!args.Unknown().empty()) return UsageError("unknown option " + args.Unknown() + " for query");
  const size_t want = has_file ? 1 : 2;
  if (args.rest().size() != want)
    return UsageError(
        "usage: sextant query DB QUERY|-f FILE [--format F] [--context FILE] [--timeout MS] "
        "[--memory-limit MB]");
  if (int rc = ReadStatementText(args, has_file, file, &st); rc != kExitOk) return rc;
  auto db = OpenStore(args.rest()[0], true, false);
  if (!db.ok()) return Fail(db.status());
  return RunQueryText(**db, st.text, format, st.options, explain, analyze, context);
}

}  // namespace sextant::cli
