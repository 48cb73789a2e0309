// A RocksDB FileSystem wrapper for fault tests, modelled on RocksDB's own FaultInjectionTestFS
// (which Debian does not install). It counts mutating file operations and can
//  - "crash" at the N-th one: from then on every write, sync, rename and delete is silently
//    dropped, as if the machine had lost power at that instant; DropUnsyncedData() then cuts
//    every file back to what had been synced, which is what survives a power loss;
//  - fail at the N-th one with ENOSPC (sticky: the disk stays full) or a one-off I/O error.
// Directory metadata (creates, renames) is treated as durable once done; only file contents
// are modelled, which is where RocksDB's own recovery logic is exercised. Syncs go no further
// than the OS: the model, not the disk, decides what survives.
#pragma once

#include <rocksdb/env.h>
#include <rocksdb/file_system.h>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace sextant::reliability {

enum class FaultMode { kNone, kCrash, kNoSpace, kIoErrorOnce };

class FaultFs : public rocksdb::FileSystemWrapper {
 public:
  FaultFs();
  const char* Name() const override { return "SextantFaultFs"; }

  // Arms a fault at the n-th mutating operation from now (1 = the next one).
  void Arm(FaultMode mode, uint64_t n);
  void Disarm();
  bool crashed() const { return crashed_.load(); }
  bool failed() const { return failures_.load() > 0; }
  uint64_t operations() const { return ops_.load(); }
  // After a crash: truncates every file written through this wrapper to its synced length.
  void DropUnsyncedData();

  // An Env that sends file operations through this wrapper.
  rocksdb::Env* env() const { return env_.get(); }

  // --- FileSystem overrides ---
  rocksdb::IOStatus NewWritableFile(const std::string& fname, const rocksdb::FileOptions& opts,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReopenWritableFile(const std::string& fname, const rocksdb::FileOptions& opts,
                                       std::unique_ptr<rocksdb::FSWritableFile>* result,
                                       rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus NewDirectory(const std::string& name, const rocksdb::IOOptions& io_opts,
                                 std::unique_ptr<rocksdb::FSDirectory>* result,
                                 rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus RenameFile(const std::string& src, const std::string& target,
                               const rocksdb::IOOptions& opts,
                               rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus DeleteFile(const std::string& fname, const rocksdb::IOOptions& opts,
                               rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus LinkFile(const std::string& src, const std::string& target,
                             const rocksdb::IOOptions& opts, rocksdb::IODebugContext* dbg) override;

  // Called by the file wrappers.
  enum class Verdict { kProceed, kDrop, kFail };
  Verdict OnOperation(rocksdb::IOStatus* error);
  void OnAppended(const std::string& fname, uint64_t bytes);
  void OnSynced(const std::string& fname);
  void OnTruncated(const std::string& fname, uint64_t size);

 private:
  template <typename Op, typename Track>
  rocksdb::IOStatus Mutate(Op&& op, Track&& track);
  rocksdb::IOStatus OpenTracked(
      const std::string& fname, std::unique_ptr<rocksdb::FSWritableFile>* result, bool reopen,
      const std::function<rocksdb::IOStatus(std::unique_ptr<rocksdb::FSWritableFile>*)>& open);

  struct FileState {
    uint64_t written = 0;
    uint64_t synced = 0;
  };

  std::atomic<uint64_t> ops_{0};
  std::atomic<uint64_t> trigger_{0};
  std::atomic<FaultMode> mode_{FaultMode::kNone};
  std::atomic<bool> crashed_{false};
  std::atomic<uint64_t> failures_{0};
  std::mutex mu_;
  std::map<std::string, FileState> files_;
  std::unique_ptr<rocksdb::Env> env_;
};

}  // namespace sextant::reliability
