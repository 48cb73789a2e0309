// Errors as values across the public API: every fallible call returns Status or Result<T>.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

#include "sextant/export.h"

namespace sextant {

enum class StatusCode : uint8_t {
  kOk = 0,
  kInvalidArgument,
  kNotFound,
  kIOError,
  kCorruption,
  kLocked,           // store already open for writing by another process
  kSyntaxError,      // text input (RDF or SPARQL) did not parse; see line()/column()
  kVersionMismatch,  // store written by an incompatible format version
  kInterrupted,
  kTimeout,
  kResourceExhausted,  // row or memory budget exceeded
  kUnsupported,
  kBusy,  // another write transaction is active
  kInternal,
  kConstraintViolation,  // the commit would break an enforced SHACL shape; the message is the
                         // report
};

SEXTANT_API const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status OK() { return {}; }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status IOError(std::string m) { return {StatusCode::kIOError, std::move(m)}; }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status Locked(std::string m) { return {StatusCode::kLocked, std::move(m)}; }
  static Status VersionMismatch(std::string m) {
    return {StatusCode::kVersionMismatch, std::move(m)};
  }
  static Status Interrupted(std::string m) { return {StatusCode::kInterrupted, std::move(m)}; }
  static Status Timeout(std::string m) { return {StatusCode::kTimeout, std::move(m)}; }
  static Status ResourceExhausted(std::string m) {
    return {StatusCode::kResourceExhausted, std::move(m)};
  }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status Busy(std::string m) { return {StatusCode::kBusy, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
  static Status ConstraintViolation(std::string m) {
    return {StatusCode::kConstraintViolation, std::move(m)};
  }
  // A syntax error at a 1-based line and column of `source` (a file name, or empty for a string).
  static Status SyntaxError(std::string message, std::string source, uint64_t line,
                            uint64_t column) {
    Status s(StatusCode::kSyntaxError, std::move(message));
    s.source_ = std::move(source);
    s.line_ = line;
    s.column_ = column;
    return s;
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // Position of a syntax error (0 when unknown).
  const std::string& source() const { return source_; }
  uint64_t line() const { return line_; }
  uint64_t column() const { return column_; }

  // "source:line:column: message" for positioned errors, "Code: message" otherwise.
  SEXTANT_API std::string ToString() const;

  // Adds context in front of the message, keeping code and position.
  SEXTANT_API Status WithContext(const std::string& context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string source_;
  uint64_t line_ = 0;
  uint64_t column_ = 0;
};

// A value or the Status explaining why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    if (std::get<Status>(v_).ok()) v_ = Status::Internal("Result constructed from OK status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  Status status() const { return ok() ? Status::OK() : std::get<Status>(v_); }

  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace sextant

#define SEXTANT_CONCAT_INNER_(a, b) a##b
#define SEXTANT_CONCAT_(a, b) SEXTANT_CONCAT_INNER_(a, b)

#define SEXTANT_RETURN_IF_ERROR(expr)        \
  do {                                       \
    ::sextant::Status _sx_status = (expr);   \
    if (!_sx_status.ok()) return _sx_status; \
  } while (0)

// NOLINTBEGIN(bugprone-macro-parentheses): lhs is a declaration, which parentheses would break.
#define SEXTANT_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)

#define SEXTANT_ASSIGN_OR_RETURN(lhs, expr) \
  SEXTANT_ASSIGN_OR_RETURN_IMPL_(SEXTANT_CONCAT_(_sx_result_, __LINE__), lhs, expr)
