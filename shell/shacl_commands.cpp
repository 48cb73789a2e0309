#include "shacl_commands.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_common.h"
#include "sextant/error_format.h"
#include "sextant/rdf_format.h"

namespace sextant::cli {
namespace {

Result<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot read '" + path + "'");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The options naming a shapes file: errors name it, relative IRIs resolve against it.
ValidateOptions FileOptions(const std::string& path) {
  ValidateOptions options;
  options.source_name = path;
  std::error_code ec;
  options.base_iri = "file://" + std::filesystem::absolute(path, ec).string();
  options.format = RdfFormatFromPath(path);
  return options;
}

// `@prefix p: <ns> .` and `PREFIX p: <ns>` lines of a shapes file, to print its IRIs as the
// file writes them.
PrefixList DeclaredPrefixes(const std::string& text) {
  PrefixList out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    const size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos) continue;
    std::string rest = line.substr(start);
    if (rest.rfind("@prefix", 0) == 0) {
      rest = rest.substr(7);
    } else if (rest.size() > 6 &&
               (rest.substr(0, 6) == "PREFIX" || rest.substr(0, 6) == "prefix")) {
      rest = rest.substr(6);
    } else {
      continue;
    }
    const size_t colon = rest.find(':');
    const size_t open = rest.find('<');
    const size_t close = rest.find('>');
    if (colon == std::string::npos || open == std::string::npos || close == std::string::npos ||
        colon > open || close < open) {
      continue;
    }
    std::string name = rest.substr(0, colon);
    name.erase(0, name.find_first_not_of(" \t"));
    out.emplace_back(name, rest.substr(open + 1, close - open - 1));
  }
  return out;
}

// A syntax error of a shapes file with its line and a caret; other errors as one line.
int ShapesError(const Status& s, const std::string& text) {
  if (s.code() == StatusCode::kSyntaxError) {
    std::cerr << FormatSyntaxError(text, s) << "\n";
    return kExitError;
  }
  return Fail(s);
}

int ListEnforcedShapes(Database& db, std::ostream& out) {
  auto shapes = db.ListShapes();
  if (!shapes.ok()) return Fail(shapes.status());
  out << "shape\tkind\ttargets\tconstraints\tstate\n";
  for (const ShapeInfo& s : *shapes) {
    std::string targets;
    for (const auto& t : s.targets) targets += (targets.empty() ? "" : ", ") + t;
    out << s.shape.ToNTriples() << "\t"
        << (s.property_shape ? "property " + s.path_text : std::string("node")) << "\t"
        << (targets.empty() ? "-" : targets) << "\t" << s.constraints << "\t"
        << (s.deactivated ? "deactivated" : "enforced") << "\n";
  }
  out << shapes->size() << " shapes in the graph <" << kShapesGraphIri << ">\n";
  return kExitOk;
}

int Enforce(Database& db, const std::string& path, std::ostream& out) {
  auto text = ReadText(path);
  if (!text.ok()) return Fail(text.status());
  const Status s = db.EnforceShapes(*text, FileOptions(path));
  if (!s.ok()) {
    const int rc = ShapesError(s, *text);
    std::cerr << "sextant: the shapes of '" << path << "' are not enforced\n";
    return rc;
  }
  out << "shapes of '" << path << "' enforced\n";
  return kExitOk;
}

}  // namespace

std::optional<std::string> ParseValidateArgs(std::vector<std::string> words, ValidateRequest* out) {
  Args args(std::move(words));
  std::string graph, max;
  if (args.TakeValue("--graph", &graph)) {
    out->graph = graph == "default" ? Term::DefaultGraph()
                                    : Term::Iri(graph.size() > 1 && graph.front() == '<'
                                                    ? graph.substr(1, graph.size() - 2)
                                                    : graph);
  }
  args.TakeValue("--format", &out->format);
  if (args.TakeValue("--max-results", &max)) {
    char* end = nullptr;
    out->max_results = std::strtoull(max.c_str(), &end, 10);
    if (max.empty() || *end != '\0') return "--max-results needs a number";
  }
  if (!args.error().empty()) return args.error();
  if (!args.Unknown().empty()) return "unknown option " + args.Unknown();
  if (args.rest().size() > 1) return std::string("usage: validate ") + kValidateUsage;
  if (!args.rest().empty()) out->shapes_path = args.rest()[0];
  if (out->format != "table" && !RdfFormatFromName(out->format)) {
    return "unknown format '" + out->format + "' (table, turtle, trig, ntriples, nquads, rdfxml)";
  }
  return std::nullopt;
}

int RunValidateCommand(Database& db, const ValidateRequest& request, const PrefixList& prefixes,
                       std::ostream& out) {
  Result<ValidationReport> report = Status::OK();
  PrefixList display = prefixes;
  ValidateOptions options;
  std::string text;
  if (!request.shapes_path.empty()) {
    auto read = ReadText(request.shapes_path);
    if (!read.ok()) return Fail(read.status());
    text = std::move(*read);
    options = FileOptions(request.shapes_path);
    const PrefixList declared = DeclaredPrefixes(text);
    display.insert(display.begin(), declared.begin(), declared.end());
  }
  options.graph = request.graph;
  options.max_results = request.max_results;
  report = request.shapes_path.empty() ? db.ValidateEnforced(options) : db.Validate(text, options);
  if (!report.ok()) return ShapesError(report.status(), text);
  if (request.format == "table") {
    out << FormatValidationTable(*report, display);
  } else {
    const Status s = WriteValidationReport(*report, out, *RdfFormatFromName(request.format));
    if (!s.ok()) return Fail(s);
  }
  return report->conforms ? kExitOk : kExitError;
}

int RunShapesCommand(Database& db, const std::vector<std::string>& words, std::ostream& out) {
  const std::string verb = words.empty() ? "list" : words[0];
  if (verb == "list" && words.size() <= 1) return ListEnforcedShapes(db, out);
  if (words.size() != 2) return UsageError(std::string("shapes: ") + kShapesUsage);
  if (verb == "enforce") return Enforce(db, words[1], out);
  if (verb != "drop") {
    return UsageError("shapes: unknown sub-command '" + verb + "' (" + kShapesUsage + ")");
  }
  const bool all = words[1] == "--all";
  const Status s = db.DropShapes(all ? "" : words[1]);
  if (!s.ok()) return Fail(s);
  out << (all ? std::string("every shape") : words[1]) << " dropped: no longer enforced\n";
  return kExitOk;
}

}  // namespace sextant::cli
