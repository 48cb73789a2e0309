#include "server/capped_body.h"

#include <algorithm>

namespace sextant::server {

bool ResponseBytes::TryTake(uint64_t n) {
  uint64_t used = used_.load(std::memory_order_relaxed);
  do {
    if (used + n > max_) return false;
  } while (!used_.compare_exchange_weak(used, used + n, std::memory_order_relaxed));
  return true;
}

Status CappedBody::TooLarge() const {
  if (server_full_) {
    return Status::ResourceExhausted(
        "the server is building and sending other responses of " + std::to_string(all_->max()) +
        " bytes in all (--max-total-response-bytes); try again later or ask for less");
  }
  return Status::ResourceExhausted(
      "the response would be larger than the server's --max-response-bytes (" +
      std::to_string(max_bytes_) + " bytes); ask for less (LIMIT, fewer variables)");
}

CappedBody::int_type CappedBody::overflow(int_type ch) {
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  const char c = traits_type::to_char_type(ch);
  return xsputn(&c, 1) == 1 ? ch : traits_type::eof();
}

std::streamsize CappedBody::xsputn(const char* s, std::streamsize n) {
  const auto count = static_cast<uint64_t>(n);
  const bool fits = !exceeded_ && body_.size() + count <= max_bytes_;
  // Charged to the server-wide account ahead, 64 KiB at a time: writes come a token at a time.
  const uint64_t short_by = body_.size() + count > charged_ ? body_.size() + count - charged_ : 0;
  if (fits && all_ != nullptr && short_by > 0) {
    const uint64_t ahead = std::max<uint64_t>(short_by, 64 << 10);
    if (all_->TryTake(ahead)) {
      charged_ += ahead;
    } else {
      server_full_ = true;
    }
  }
  if (!fits || server_full_) {
    exceeded_ = true;
    stop_->store(true, std::memory_order_relaxed);
    return 0;  // the stream goes bad and writes nothing more
  }
  body_.append(s, static_cast<size_t>(n));
  return n;
}

}  // namespace sextant::server
