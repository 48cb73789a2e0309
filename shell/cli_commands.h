// The subcommands of the `sextant` executable.
#pragma once

#include "cli_common.h"
#include "sextant/conflicts.h"

namespace sextant::cli {

int RunLoad(Args args);
int RunDump(Args args);
int RunStats(Args args);
int RunCheck(Args args);
int RunQuery(Args args);
int RunUpdate(Args args);
int RunServe(Args args);
int RunRules(Args args);
int RunSearch(Args args);
int RunTextIndex(Args args);
// The columns and one row of search output (shared by `search` and the shell's .search).
const std::vector<std::string>& SearchColumns();
std::vector<std::optional<Term>> SearchHitRow(const SearchHit& hit);
int RunValidate(Args args);
int RunConflicts(Args args);
// The summary line under conflicts output (shared by `conflicts` and the shell's .conflicts).
std::string ConflictSummary(const ConflictReport& report);
// An IRI given as IRI, <IRI> or :local (the store namespace).
Term ConflictIriArgument(const std::string& text);
int RunShapes(Args args);
// Runs one query and prints its results (shared by `query` and the shell).
int RunQueryText(Database& db, const std::string& text, const std::string& format,
                 const QueryOptions& options, bool explain, bool analyze,
                 const std::string& jsonld_context = {});

}  // namespace sextant::cli
