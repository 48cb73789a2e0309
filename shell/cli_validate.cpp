// `sextant validate DB [SHAPES.ttl] ...` and `sextant shapes DB list | enforce FILE | drop ...`
#include <iostream>

#include "cli_commands.h"
#include "cli_common.h"
#include "shacl_commands.h"

namespace sextant::cli {

int RunValidate(Args args) {
  std::vector<std::string> words = args.rest();
  if (words.empty()) return UsageError(std::string("usage: sextant validate DB ") + kValidateUsage);
  const std::string path = words[0];
  words.erase(words.begin());
  ValidateRequest request;
  if (auto error = ParseValidateArgs(std::move(words), &request)) return UsageError(*error);
  auto db = OpenStore(path, /*read_only=*/true, /*create=*/false);
  if (!db.ok()) return Fail(db.status());
  return RunValidateCommand(**db, request, {}, std::cout);
}

int RunShapes(Args args) {
  if (!args.error().empty()) return UsageError(args.error());
  const auto& rest = args.rest();
  if (rest.empty()) return UsageError(std::string("usage: sextant shapes DB ") + kShapesUsage);
  const std::vector<std::string> words(rest.begin() + 1, rest.end());
  const bool writes = !words.empty() && words[0] != "list";
  auto db = OpenStore(rest[0], !writes, writes);
  if (!db.ok()) return Fail(db.status());
  return RunShapesCommand(**db, words, std::cout);
}

}  // namespace sextant::cli
