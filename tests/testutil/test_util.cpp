#include "testutil/test_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace sextant::testing {

TempDir::TempDir() {
  std::random_device rd;
  const auto base = std::filesystem::temp_directory_path();
  for (;;) {
    path_ = base / ("sextant-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
    std::error_code ec;
    if (std::filesystem::create_directory(path_, ec)) break;
  }
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void WriteFile(const std::string& path, const std::string& content) {
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  std::ofstream out(path, std::ios::binary);
  out << content;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void ExpectMatchesRecording(const std::string& relative_path, const std::string& actual) {
  const std::string path = (SourceDir() / relative_path).string();
  const char* record = std::getenv("SEXTANT_RECORD");
  if (record != nullptr && std::string(record) == "1") {
    WriteFile(path, actual);
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path))
      << relative_path << " is missing (SEXTANT_RECORD=1 writes it)";
  const std::string expected = ReadFile(path);
  if (expected == actual) return;
  // Point at the first line that differs: a whole recording is too long to read in a failure.
  size_t line = 1;
  size_t at = 0;
  while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) {
    if (expected[at] == '\n') ++line;
    ++at;
  }
  const auto line_at = [](const std::string& text, size_t pos) {
    const size_t begin = text.rfind('\n', pos == 0 ? 0 : pos - 1);
    const size_t from = begin == std::string::npos || pos == 0 ? 0 : begin + 1;
    return text.substr(from, text.find('\n', from) - from);
  };
  ADD_FAILURE() << relative_path << " differs from line " << line
                << ":\n  recorded: " << line_at(expected, at)
                << "\n  now:      " << line_at(actual, at);
}

std::optional<std::filesystem::path> SharedDir() {
  const char* env = std::getenv("SEXTANT_SHARED_DIR");
  std::filesystem::path p = env != nullptr && *env != '\0' ? env : SEXTANT_SHARED_DIR;
  if (std::filesystem::is_directory(p / "w3c-rdf-tests")) return p;
  return std::nullopt;
}

std::filesystem::path SourceDir() {
  return SEXTANT_SOURCE_DIR;
}
std::filesystem::path BinaryDir() {
  return SEXTANT_BINARY_DIR;
}

std::string FileParamName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

RunResult RunSextant(const std::string& args, const TempDir& dir) {
  const std::string bin = (BinaryDir() / "shell" / "sextant").string();
  const std::string err_file = dir.Sub("stderr.txt");
  RunResult r{-1, {}, {}};
  FILE* p = popen((bin + " " + args + " 2>" + err_file).c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = ReadFile(err_file);
  return r;
}

}  // namespace sextant::testing
