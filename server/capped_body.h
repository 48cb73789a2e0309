// A response body built in memory within a byte cap (--max-response-bytes). Past the cap the
// stream stops taking bytes and raises `stop()`, the query's interrupt flag, so a
// 5,000,000-row SELECT ends at the cap instead of building a 2 GB body.
#pragma once

#include <atomic>
#include <cstdint>
#include <streambuf>
#include <string>

#include "sextant/status.h"

namespace sextant::server {

class CappedBody : public std::streambuf {
 public:
  // `stop`: the request's stop flag (router.h), which others may raise too; without one the
  // body has a flag of its own.
  explicit CappedBody(uint64_t max_bytes, std::atomic<bool>* stop = nullptr)
      : max_bytes_(max_bytes), stop_(stop != nullptr ? stop : &own_stop_) {}
  bool exceeded() const { return exceeded_; }
  const std::atomic<bool>* stop() const { return stop_; }
  // ResourceExhausted naming the cap, for the error response.
  Status TooLarge() const;
  std::string Take() { return std::move(body_); }

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;

 private:
  uint64_t max_bytes_;
  std::string body_;
  bool exceeded_ = false;
  std::atomic<bool> own_stop_{false};
  std::atomic<bool>* stop_;
};

}  // namespace sextant::server
