#include "server/static_assets.h"

#include <fstream>
#include <sstream>

namespace sextant::server {
namespace {

std::string_view ContentTypeFor(std::string_view path) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".map", "application/json"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const auto& [ext, type] : kTypes) {
    if (path.ends_with(ext)) return type;
  }
  return "application/octet-stream";
}

// Only plain relative paths: no "..", so --assets never serves files outside its directory.
bool SafePath(std::string_view path) {
  return !path.empty() && path[0] == '/' && path.find("..") == std::string_view::npos &&
         path.find('\0') == std::string_view::npos && path.find('\\') == std::string_view::npos;
}

Response NotFound(const Request& req, const std::string& path) {
  return ErrorResponse(req, http::status::not_found,
                       "no such page: " + path + " (the SPARQL endpoint is /sparql)");
}

}  // namespace

Response HandleStatic(const ServiceContext& ctx, const Request& req, const Target& target) {
  if (req.method() != http::verb::get && req.method() != http::verb::head) {
    Response res = ErrorResponse(req, http::status::method_not_allowed, "pages are read with GET");
    res.set(http::field::allow, "GET, HEAD");
    return res;
  }
  const std::string path = target.path == "/" ? "/index.html" : target.path;
  if (!SafePath(path)) return NotFound(req, target.path);
  if (!ctx.config.assets_dir.empty()) {
    std::ifstream in(ctx.config.assets_dir + path, std::ios::binary);
    std::ostringstream data;
    if (!in || !(data << in.rdbuf())) return NotFound(req, target.path);
    Response res = MakeResponse(req, http::status::ok, ContentTypeFor(path), std::move(data).str());
    res.set(http::field::cache_control, "no-cache");
    return res;
  }
  for (const EmbeddedAsset& a : EmbeddedAssets()) {
    if (a.path == path) {
      Response res = MakeResponse(req, http::status::ok, a.content_type, std::string(a.data));
      res.set(http::field::cache_control, "no-cache");
      return res;
    }
  }
  return NotFound(req, target.path);
}

}  // namespace sextant::server
