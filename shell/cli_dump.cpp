// `sextant dump DB [--graph IRI|default] [--format F] [--output FILE]` and `sextant stats DB`.
#include <fstream>
#include <iostream>

#include "cli_commands.h"
#include "cli_common.h"

namespace sextant::cli {

int RunDump(Args args) {
  std::string graph, format_name = "nquads", output;
  const bool has_graph = args.TakeValue("--graph", &graph);
  args.TakeValue("--format", &format_name);
  const bool has_output = args.TakeValue("--output", &output);
  std::string context_file;
  const bool has_context = args.TakeValue("--context", &context_file);
  if (!args.error().empty()) return UsageError(args.error());
  if (!args.Unknown().empty()) return UsageError("unknown option " + args.Unknown() + " for dump");
  if (args.rest().size() != 1)
    return UsageError(
        "usage: sextant dump DB [--graph IRI|default] [--format F] [--context FILE] "
        "[--output FILE]");
  DumpOptions options;
  const auto format = RdfFormatFromName(format_name);
  if (!format)
    return UsageError("unknown format '" + format_name + "' (" + std::string(RdfFormatNameList()) +
                      ")");
  options.format = *format;
  if (has_context) {
    auto text = ReadWholeFile(context_file);
    if (!text.ok()) return Fail(text.status());
    options.jsonld_context = std::move(*text);
  }
  if (has_graph) options.graph = graph == "default" ? Term::DefaultGraph() : Term::Iri(graph);
  if (!RdfFormatHasGraphs(options.format) && !has_graph) {
    return UsageError("format " + format_name +
                      " has no graphs: pick one with --graph (or use nquads/trig)");
  }
  auto db = OpenStore(args.rest()[0], true, false);
  if (!db.ok()) return Fail(db.status());
  if (has_output) {
    std::ofstream out(output, std::ios::binary);
    if (!out) return Fail(Status::IOError("cannot write '" + output + "'"));
    const Status s = (*db)->Dump(out, options);
    return s.ok() ? kExitOk : Fail(s);
  }
  const Status s = (*db)->Dump(std::cout, options);
  return s.ok() ? kExitOk : Fail(s);
}

int RunStats(Args args) {
  if (!args.Unknown().empty()) return UsageError("unknown option " + args.Unknown() + " for stats");
  if (args.rest().size() != 1) return UsageError("usage: sextant stats DB");
  auto db = OpenStore(args.rest()[0], true, false);
  if (!db.ok()) return Fail(db.status());
  auto stats = (*db)->GetSnapshot()->Stats();
  if (!stats.ok()) return Fail(stats.status());
  std::cout << "quads\t" << stats->quads << "\n";
  std::cout << "dictionary ids\t" << stats->terms << "\n";
  for (const auto& g : stats->graphs) {
    std::cout << "graph\t" << (g.graph.is_default_graph() ? "default" : g.graph.ToNTriples())
              << "\t" << g.quads << "\n";
  }
  for (const auto& p : stats->predicates) {
    std::cout << "predicate\t" << p.predicate.ToNTriples() << "\t" << p.triples << "\t"
              << p.distinct_subjects << "\t" << p.distinct_objects << "\n";
  }
  return kExitOk;
}

}  // namespace sextant::cli
