// Where JSON-LD remote documents (contexts named by URL) come from: there is no network at run
// time, so each URL must map to a local file, through an explicit URL-prefix map or a cache
// folder laid out by URL.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <utility>
#include <vector>

#include "sextant/status.h"

namespace sextant::rdf::jsonld {

class DocumentLoader {
 public:
  // A URL starting with `url_prefix` is read from `path`: the file itself when the URL is the
  // prefix, otherwise `path` joined with the rest of the URL.
  void Map(std::string url_prefix, std::string path);
  // https://example.org/a/ctx.jsonld is read from FOLDER/example.org/a/ctx.jsonld; a URL
  // ending in '/' (or naming a folder) from index.jsonld in that folder.
  void SetCacheFolder(std::string folder) { cache_folder_ = std::move(folder); }
  // Whether file: URLs may be read (the command line: yes; the server: never).
  void AllowFiles(bool allow) { allow_files_ = allow; }

  // The local file for `url`, or an error naming the URL when none is mapped.
  Result<std::string> LocalPath(const std::string& url) const;
  // The parsed JSON document at `url`.
  Result<boost::json::value> Load(const std::string& url) const;

 private:
  std::vector<std::pair<std::string, std::string>> map_;
  std::string cache_folder_;
  bool allow_files_ = false;
};

}  // namespace sextant::rdf::jsonld
