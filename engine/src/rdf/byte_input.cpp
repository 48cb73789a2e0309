#include "rdf/byte_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

namespace sextant::rdf {

namespace {

class StringInput final : public ByteInput {
 public:
  explicit StringInput(std::string_view text) : text_(text) {}
  size_t Read(char* buf, size_t n) override {
    const size_t k = std::min(n, text_.size() - pos_);
    std::memcpy(buf, text_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  uint64_t total_bytes() const override { return text_.size(); }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

// zlib reads plain files transparently, so one class covers both; gzdirect() tells which it was
// (decided from the magic bytes, not the file name).
class GzInput final : public ByteInput {
 public:
  GzInput(gzFile f, std::string name, uint64_t file_size)
      : f_(f), name_(std::move(name)), file_size_(file_size) {}
  ~GzInput() override { gzclose(f_); }

  size_t Read(char* buf, size_t n) override {
    if (!status_.ok()) return 0;
    const int k = gzread(f_, buf, static_cast<unsigned>(n));
    if (k < 0) {
      int errnum = 0;
      const char* msg = gzerror(f_, &errnum);
      status_ = Status::IOError("error reading '" + name_ +
                                "': " + (errnum == Z_ERRNO ? std::strerror(errno) : msg));
      return 0;
    }
    if (k == 0 && gzdirect(f_) == 0) {
      // zlib reports a truncated gzip stream only through gzerror.
      int errnum = 0;
      gzerror(f_, &errnum);
      if (errnum != Z_OK && errnum != Z_BUF_ERROR) {
        status_ = Status::IOError("error reading '" + name_ + "': corrupt gzip data");
      } else if (errnum == Z_BUF_ERROR) {
        status_ = Status::IOError("error reading '" + name_ + "': truncated gzip data");
      }
    }
    read_ += static_cast<uint64_t>(k);
    return static_cast<size_t>(k);
  }
  Status error() const override { return status_; }
  uint64_t total_bytes() const override {
    // Only a plain file's size says how far along we are; a compressed size does not.
    return read_ > 0 && gzdirect(f_) == 1 ? file_size_ : 0;
  }

 private:
  gzFile f_;
  std::string name_;
  uint64_t file_size_;
  uint64_t read_ = 0;
  Status status_;
};

}  // namespace

Result<std::unique_ptr<ByteInput>> ByteInput::OpenFile(const std::string& path) {
  int fd = -1;
  uint64_t size = 0;
  if (path == "-") {
    fd = dup(STDIN_FILENO);
  } else {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) {
      const int err = errno;
      if (err == ENOENT) return Status::NotFound("cannot open '" + path + "': file not found");
      return Status::IOError("cannot open '" + path + "': " + std::strerror(err));
    }
    if (S_ISDIR(st.st_mode)) return Status::IOError("cannot read '" + path + "': is a directory");
    if (S_ISREG(st.st_mode)) size = static_cast<uint64_t>(st.st_size);
    fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  }
  if (fd < 0) return Status::IOError("cannot open '" + path + "': " + std::strerror(errno));
  gzFile f = gzdopen(fd, "rb");
  if (f == nullptr) {
    close(fd);
    return Status::IOError("cannot open '" + path + "': out of memory");
  }
  gzbuffer(f, 1u << 17);
  return std::unique_ptr<ByteInput>(new GzInput(f, path == "-" ? "<stdin>" : path, size));
}

std::unique_ptr<ByteInput> ByteInput::OpenString(std::string_view text) {
  return std::make_unique<StringInput>(text);
}

}  // namespace sextant::rdf
