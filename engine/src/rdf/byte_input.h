// Where parser bytes come from: a file (gzip or plain, detected by its magic bytes), stdin, or
// a string. Reads in bounded blocks so memory never grows with the input size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "sextant/status.h"

namespace sextant::rdf {

class ByteInput {
 public:
  virtual ~ByteInput() = default;
  // Opens `path` ("-" is stdin). NotFound names the file when it does not exist.
  static Result<std::unique_ptr<ByteInput>> OpenFile(const std::string& path);
  // The text must outlive the input.
  static std::unique_ptr<ByteInput> OpenString(std::string_view text);

  // Up to `n` bytes into `buf`; 0 at the end of input or on error (then error() is set).
  virtual size_t Read(char* buf, size_t n) = 0;
  // Non-OK after a read failure (e.g. a truncated gzip stream).
  virtual Status error() const { return Status::OK(); }
  // Size of the input in bytes when known up front (plain files), 0 otherwise.
  virtual uint64_t total_bytes() const { return 0; }
};

}  // namespace sextant::rdf
