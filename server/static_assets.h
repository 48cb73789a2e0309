// The workbench files: built into the binary at compile time, or read from --assets DIR.
#pragma once

#include <string_view>
#include <vector>

#include "server/service_context.h"
#include "server/url.h"

namespace sextant::server {

struct EmbeddedAsset {
  std::string_view path;  // "/index.html", "/assets/app.js"
  std::string_view content_type;
  std::string_view data;
};
// Generated at build time from the workbench bundle (or the fallback page).
const std::vector<EmbeddedAsset>& EmbeddedAssets();

// GET/HEAD of "/" (index.html) and of every other asset path; 404 when there is none.
Response HandleStatic(const ServiceContext& ctx, const Request& req, const Target& target);

}  // namespace sextant::server
