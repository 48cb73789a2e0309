#include "server/capped_body.h"

namespace sextant::server {

Status CappedBody::TooLarge() const {
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
  if (exceeded_ || body_.size() + count > max_bytes_) {
    exceeded_ = true;
    stop_->store(true, std::memory_order_relaxed);
    return 0;  // the stream goes bad and writes nothing more
  }
  body_.append(s, static_cast<size_t>(n));
  return n;
}

}  // namespace sextant::server
