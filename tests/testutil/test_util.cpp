#include "testutil/test_util.h"

#include <unistd.h>

#include <cctype>
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

}  // namespace sextant::testing
