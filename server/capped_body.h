// A response body built in memory within a byte cap (--max-response-bytes). Past the cap the
// stream stops taking bytes and `stop()` turns true; a query takes that as its interrupt flag,
// so a 5,000,000-row SELECT ends at the cap instead of building a 2 GB body.
#pragma once

#include <atomic>
#include <cstdint>
#include <streambuf>
#include <string>

#include "sextant/status.h"

namespace sextant::server {

class CappedBody : public std::streambuf {
 public:
  explicit CappedBody(uint64_t max_bytes) : max_bytes_(max_bytes) {}
  bool exceeded() const { return stop_.load(std::memory_order_relaxed); }
  const std::atomic<bool>* stop() const { return &stop_; }
  // ResourceExhausted naming the cap, for the error response.
  Status TooLarge() const;
  std::string Take() { return std::move(body_); }

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;

 private:
  uint64_t max_bytes_;
  std::string body_;
  std::atomic<bool> stop_{false};
};

}  // namespace sextant::server
