#include "rules_command.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_common.h"
#include "sextant/error_format.h"

namespace sextant::cli {
namespace {

int List(Database& db, std::ostream& out) {
  auto rules = db.ListRules();
  if (!rules.ok()) return Fail(rules.status());
  out << "name\torigin\tstate\n";
  for (const auto& r : *rules)
    out << r.name << "\t" << r.origin << "\t" << (r.enabled ? "enabled" : "disabled") << "\n";
  QuadPattern derived;
  derived.graph = Term::Iri(std::string(kDerivedGraphIri));
  auto count = db.Count(derived);
  if (!count.ok()) return Fail(count.status());
  out << "derived quads: " << *count << " (graph <" << kDerivedGraphIri << ">)\n";
  return kExitOk;
}

int Add(Database& db, const std::string& path, std::ostream& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(Status::IOError("cannot read '" + path + "'"));
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  const Status s = db.AddRules(text, path);
  if (s.code() == StatusCode::kSyntaxError) {
    std::cerr << FormatSyntaxError(text, s) << "\n";
    return kExitError;
  }
  if (!s.ok()) {
    std::cerr << "sextant: " << s.ToString() << "\nsextant: no rule of '" << path
              << "' was added\n";
    return ExitCodeFor(s);
  }
  out << "rules of '" << path << "' added\n";
  return kExitOk;
}

}  // namespace

int RunRulesCommand(Database& db, const std::vector<std::string>& words, std::ostream& out) {
  const std::string verb = words.empty() ? "list" : words[0];
  if (verb == "list" && words.size() <= 1) return List(db, out);
  if (words.size() != 2) return UsageError(std::string("rules: ") + kRulesUsage);
  const std::string& name = words[1];
  Status s;
  if (verb == "add") return Add(db, name, out);
  if (verb == "enable") {
    s = db.EnableRules(name);
  } else if (verb == "disable") {
    s = db.DisableRules(name);
  } else if (verb == "drop") {
    s = db.DropRule(name);
  } else {
    return UsageError("rules: unknown sub-command '" + verb + "' (" + kRulesUsage + ")");
  }
  if (!s.ok()) {
    std::cerr << "sextant: " << s.ToString() << "\n";
    return s.code() == StatusCode::kNotFound ? kExitError : ExitCodeFor(s);  // a name, not a file
  }
  out << verb << (verb == "drop" ? "ped " : "d ") << name << "\n";
  return kExitOk;
}

}  // namespace sextant::cli
