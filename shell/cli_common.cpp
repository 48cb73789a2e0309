#include "cli_common.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace sextant::cli {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kIOError:
    case StatusCode::kNotFound: return kExitIo;
    case StatusCode::kCorruption: return kExitCorrupt;
    case StatusCode::kLocked: return kExitLocked;
    case StatusCode::kInterrupted: return kExitInterrupted;
    default: return kExitError;
  }
}

int Fail(const Status& status) {
  std::cerr << "sextant: " << status.ToString() << "\n";
  return ExitCodeFor(status);
}

int CloseAfterWrites(Database& db) {
  if (const Status s = db.Close(); !s.ok()) {
    std::cerr << "sextant: " << s.ToString() << "\nsextant: the changes may not be on disk\n";
    return ExitCodeFor(s);
  }
  return kExitOk;
}

int UsageError(const std::string& message) {
  std::cerr << "sextant: " << message << "\nTry 'sextant --help'.\n";
  return kExitUsage;
}

bool Args::TakeValue(const std::string& name, std::string* value) {
  for (size_t i = 0; i < args_.size(); ++i) {
    const std::string& a = args_[i];
    if (a == name) {
      if (i + 1 >= args_.size()) {
        error_ = "option " + name + " needs a value";
        return false;
      }
      *value = args_[i + 1];
      args_.erase(args_.begin() + static_cast<long>(i), args_.begin() + static_cast<long>(i) + 2);
      return true;
    }
    if (a.rfind(name + "=", 0) == 0) {
      *value = a.substr(name.size() + 1);
      args_.erase(args_.begin() + static_cast<long>(i));
      return true;
    }
  }
  return false;
}

bool Args::TakeFlag(const std::string& name) {
  for (size_t i = 0; i < args_.size(); ++i) {
    if (args_[i] == name) {
      args_.erase(args_.begin() + static_cast<long>(i));
      return true;
    }
  }
  return false;
}

std::string Args::Unknown() const {
  for (const auto& a : args_) {
    if (a.size() > 1 && a[0] == '-' && a != "-") return a;
  }
  return {};
}

int TakeQueryLimits(Args& args, QueryOptions* options) {
  std::string value;
  if (args.TakeValue("--timeout", &value)) {
    char* end = nullptr;
    const long long ms = std::strtoll(value.c_str(), &end, 10);
    if (end == value.c_str() || *end != '\0' || ms < 0)
      return UsageError("--timeout takes milliseconds");
    options->timeout = std::chrono::milliseconds(ms);
  }
  if (args.TakeValue("--memory-limit", &value)) {
    char* end = nullptr;
    const long long mb = std::strtoll(value.c_str(), &end, 10);
    if (end == value.c_str() || *end != '\0' || mb <= 0)
      return UsageError("--memory-limit takes megabytes");
    options->max_memory_bytes = static_cast<uint64_t>(mb) << 20;
  }
  return kExitOk;
}

int TakeDefaultGraph(Args& args, DefaultGraph* mode) {
  std::string value;
  if (!args.TakeValue("--default-graph", &value)) return kExitOk;
  const auto parsed = DefaultGraphFromName(value);
  if (!parsed) {
    return UsageError("--default-graph is 'union' (every graph) or 'standard' (the unnamed graph)");
  }
  *mode = *parsed;
  return kExitOk;
}

Result<std::string> ReadWholeFile(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::IOError("cannot read '" + file + "'");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int ReadStatementText(const Args& args, bool has_file, const std::string& file,
                      StatementText* out) {
  if (has_file) {
    auto text = ReadWholeFile(file);
    if (!text.ok()) return Fail(text.status());
    out->text = std::move(*text);
    out->options.source_name = file;
  } else {
    out->text = args.rest()[1];
  }
  return kExitOk;
}

namespace {
uint64_t g_cache_bytes = 0;  // 0: the library's default
bool g_sync = false;
}  // namespace

int TakeCacheOption(std::vector<std::string>* args) {
  // --sync: every commit of this process is on disk (the WAL fsynced) before it is reported.
  if (const auto it = std::find(args->begin(), args->end(), "--sync"); it != args->end()) {
    g_sync = true;
    args->erase(it);
  }
  for (size_t i = 0; i < args->size(); ++i) {
    std::string value;
    size_t consumed = 1;
    const std::string& a = (*args)[i];
    if (a == "--cache-mb") {
      if (i + 1 >= args->size()) return UsageError("option --cache-mb needs a value");
      value = (*args)[i + 1];
      consumed = 2;
    } else if (a.rfind("--cache-mb=", 0) == 0) {
      value = a.substr(11);
    } else {
      continue;
    }
    char* end = nullptr;
    const long long mb = std::strtoll(value.c_str(), &end, 10);
    if (end == value.c_str() || *end != '\0' || mb <= 0 || mb > (1LL << 30)) {
      return UsageError("--cache-mb takes a positive number of megabytes");
    }
    g_cache_bytes = static_cast<uint64_t>(mb) << 20;
    args->erase(args->begin() + static_cast<long>(i),
                args->begin() + static_cast<long>(i + consumed));
    return kExitOk;
  }
  return kExitOk;
}

Options StoreOptions() {
  Options options;
  options.sync = g_sync;
  if (g_cache_bytes > 0) {
    options.block_cache_bytes = g_cache_bytes;
    options.range_cache_bytes = g_cache_bytes / 4;
  }
  return options;
}

Result<std::unique_ptr<Database>> OpenStore(const std::string& path, bool read_only, bool create) {
  Options options = StoreOptions();
  options.read_only = read_only;
  options.create_if_missing = create;
  return Database::Open(path, options);
}

}  // namespace sextant::cli
