#include "sextant/status.h"

namespace sextant {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "OK";
    case StatusCode::kInvalidArgument: return "Invalid argument";
    case StatusCode::kNotFound: return "Not found";
    case StatusCode::kIOError: return "I/O error";
    case StatusCode::kCorruption: return "Corruption";
    case StatusCode::kLocked: return "Locked";
    case StatusCode::kSyntaxError: return "Syntax error";
    case StatusCode::kVersionMismatch: return "Version mismatch";
    case StatusCode::kInterrupted: return "Interrupted";
    case StatusCode::kTimeout: return "Timeout";
    case StatusCode::kResourceExhausted: return "Resource exhausted";
    case StatusCode::kUnsupported: return "Unsupported";
    case StatusCode::kBusy: return "Busy";
    case StatusCode::kInternal: return "Internal error";
    case StatusCode::kConstraintViolation: return "Constraint violation";
  }
  return "Unknown";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  if (line_ > 0) {
    std::string out = source_.empty() ? std::string("<input>") : source_;
    out += ":" + std::to_string(line_) + ":" + std::to_string(column_) + ": ";
    if (code_ != StatusCode::kSyntaxError) out += std::string(StatusCodeName(code_)) + ": ";
    return out + message_;
  }
  return std::string(StatusCodeName(code_)) + ": " + message_;
}

Status Status::WithContext(const std::string& context) const {
  if (ok()) return *this;
  Status s = *this;
  s.message_ = context + ": " + message_;
  return s;
}

}  // namespace sextant
