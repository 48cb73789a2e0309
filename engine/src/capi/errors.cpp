// The per-thread last error: C callers read the message and position after a failed call
// without having to free anything.
#include <string>

#include "capi/capi_internal.h"

namespace sextant::capi {
namespace {

struct LastError {
  sextant_code code = SEXTANT_OK;
  std::string message;
  uint64_t line = 0;
  uint64_t column = 0;
};

thread_local LastError last_error;

}  // namespace

sextant_code Record(const Status& status) {
  LastError& e = last_error;
  e.code = static_cast<sextant_code>(status.code());
  e.message = status.message();
  e.line = status.line();
  e.column = status.column();
  return e.code;
}

}  // namespace sextant::capi

extern "C" {

sextant_code sextant_last_error_code(void) {
  return sextant::capi::last_error.code;
}
const char* sextant_last_error_message(void) {
  return sextant::capi::last_error.message.c_str();
}
uint64_t sextant_last_error_line(void) {
  return sextant::capi::last_error.line;
}
uint64_t sextant_last_error_column(void) {
  return sextant::capi::last_error.column;
}

const char* sextant_code_name(sextant_code code) {
  return sextant::StatusCodeName(static_cast<sextant::StatusCode>(code));
}

const char* sextant_version(void) {
  return SEXTANT_VERSION;
}

}  // extern "C"
