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

// The bytes of every response body being built or sent at once, against
// --max-total-response-bytes: several large responses together cannot take more memory than
// that, whatever their number.
class ResponseBytes {
 public:
  void set_max(uint64_t max) { max_ = max; }
  uint64_t max() const { return max_; }
  // Takes `n` bytes if they fit under the cap; false (nothing taken) if not.
  bool TryTake(uint64_t n);
  // Takes `n` bytes whether they fit or not (a body already built, until it is sent).
  void Take(uint64_t n) { used_.fetch_add(n, std::memory_order_relaxed); }
  void Give(uint64_t n) { used_.fetch_sub(n, std::memory_order_relaxed); }
  uint64_t used() const { return used_.load(std::memory_order_relaxed); }

 private:
  std::atomic<uint64_t> used_{0};
  uint64_t max_ = UINT64_MAX;
};

class CappedBody : public std::streambuf {
 public:
  // `stop`: the request's stop flag (router.h), which others may raise too; without one the
  // body has a flag of its own.
  // `all`: the server's account of response bytes, charged as the body grows (and given back
  // when it goes); may be null.
  CappedBody(uint64_t max_bytes, ResponseBytes* all, std::atomic<bool>* stop = nullptr)
      : max_bytes_(max_bytes), all_(all), stop_(stop != nullptr ? stop : &own_stop_) {}
  ~CappedBody() override {
    if (all_ != nullptr) all_->Give(charged_);
  }
  CappedBody(const CappedBody&) = delete;
  CappedBody& operator=(const CappedBody&) = delete;
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
  ResponseBytes* all_;
  uint64_t charged_ = 0;
  std::string body_;
  bool exceeded_ = false;
  bool server_full_ = false;  // stopped by the server-wide cap, not this body's
  std::atomic<bool> own_stop_{false};
  std::atomic<bool>* stop_;
};

}  // namespace sextant::server
