#include "rdf/jsonld_documents.h"

#include <boost/json/parse.hpp>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sextant::rdf::jsonld {

namespace {

// file:///a%20b -> /a b (only the escapes a file name needs).
std::string FilePathOfUrl(std::string_view url) {
  std::string_view rest = url.substr(5);
  if (rest.substr(0, 2) == "//") {
    rest.remove_prefix(2);
    rest = rest.substr(std::min(rest.find('/'), rest.size()));
  }
  std::string out;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() &&
        std::isxdigit(static_cast<unsigned char>(rest[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(rest[i + 2]))) {
      out +=
          static_cast<char>(std::strtol(std::string(rest.substr(i + 1, 2)).c_str(), nullptr, 16));
      i += 2;
    } else if (rest[i] == '?' || rest[i] == '#') {
      break;
    } else {
      out += rest[i];
    }
  }
  return out;
}

std::string WithoutFragment(const std::string& url) {
  return url.substr(0, url.find('#'));
}

// A mapped path must stay inside its folder: "../" in a URL does not climb out.
bool StaysInside(const std::string& rest) {
  return rest.find("..") == std::string::npos;
}

}  // namespace

void DocumentLoader::Map(std::string url_prefix, std::string path) {
  map_.emplace_back(std::move(url_prefix), std::move(path));
}

Result<std::string> DocumentLoader::LocalPath(const std::string& full_url) const {
  const std::string url = WithoutFragment(full_url);
  // The longest matching prefix wins.
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& m : map_) {
    if (url.compare(0, m.first.size(), m.first) == 0 &&
        (best == nullptr || m.first.size() > best->first.size())) {
      best = &m;
    }
  }
  if (best != nullptr) {
    const std::string rest = url.substr(best->first.size());
    if (rest.empty()) return best->second;
    if (StaysInside(rest)) return (std::filesystem::path(best->second) / rest).string();
  }
  if (url.compare(0, 5, "file:") == 0) {
    if (!allow_files_) {
      return Status::InvalidArgument(url + " is a local file, which cannot be read here");
    }
    return FilePathOfUrl(url);
  }
  if (!cache_folder_.empty()) {
    const size_t scheme = url.find("://");
    if (scheme != std::string::npos) {
      std::string rest = url.substr(scheme + 3);
      rest = rest.substr(0, rest.find('?'));
      if (StaysInside(rest)) {
        std::filesystem::path p = std::filesystem::path(cache_folder_) / rest;
        std::error_code ec;
        if (rest.empty() || rest.back() == '/' || std::filesystem::is_directory(p, ec)) {
          p /= "index.jsonld";
        }
        if (std::filesystem::exists(p, ec)) return p.string();
      }
    }
  }
  return Status::NotFound(url +
                          " is not mapped to a local file (there is no network access: map the "
                          "URL to a file, or put the file in the context cache folder)");
}

Result<boost::json::value> DocumentLoader::Load(const std::string& url) const {
  SEXTANT_ASSIGN_OR_RETURN(const std::string path, LocalPath(url));
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path + " (for " + url + ")");
  std::ostringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text.str(), ec);
  if (ec) {
    return Status::InvalidArgument(path + " (for " + url + ") is not JSON: " + ec.message());
  }
  return v;
}

}  // namespace sextant::rdf::jsonld
