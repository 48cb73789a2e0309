#include "fault_fs.h"

#include <rocksdb/system_clock.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <system_error>
#include <utility>

namespace sextant::reliability {
namespace {

using rocksdb::IODebugContext;
using rocksdb::IOOptions;
using rocksdb::IOStatus;
using rocksdb::Slice;

// Runs a mutating operation through the fault model: dropped after a crash (on_drop runs
// instead), failed when a fault is armed for it, else passed on.
template <typename Fn, typename OnDrop>
IOStatus Guarded(FaultFs* fs, Fn&& fn, OnDrop&& on_drop) {
  IOStatus error;
  switch (fs->OnOperation(&error)) {
    case FaultFs::Verdict::kDrop: on_drop(); return IOStatus::OK();
    case FaultFs::Verdict::kFail: return error;
    case FaultFs::Verdict::kProceed: break;
  }
  return fn();
}

void Nothing() {}

// A file created after the crash: it never reaches the disk.
class LostFile : public rocksdb::FSWritableFile {
 public:
  IOStatus Append(const Slice& data, const IOOptions&, IODebugContext*) override {
    size_ += data.size();
    return IOStatus::OK();
  }
  IOStatus Append(const Slice& data, const IOOptions& o, const rocksdb::DataVerificationInfo&,
                  IODebugContext* d) override {
    return Append(data, o, d);
  }
  IOStatus Close(const IOOptions&, IODebugContext*) override { return IOStatus::OK(); }
  IOStatus Flush(const IOOptions&, IODebugContext*) override { return IOStatus::OK(); }
  IOStatus Sync(const IOOptions&, IODebugContext*) override { return IOStatus::OK(); }
  uint64_t GetFileSize(const IOOptions&, IODebugContext*) override { return size_; }

 private:
  uint64_t size_ = 0;
};

// Directory metadata is durable once done in the model, so a directory fsync has nothing to
// add (and the real one only costs a disk round trip).
class ModelDirectory : public rocksdb::FSDirectoryWrapper {
 public:
  using FSDirectoryWrapper::FSDirectoryWrapper;
  IOStatus Fsync(const IOOptions&, IODebugContext*) override { return IOStatus::OK(); }
  IOStatus FsyncWithDirOptions(const IOOptions&, IODebugContext*,
                               const rocksdb::DirFsyncOptions&) override {
    return IOStatus::OK();
  }
};

class FaultyFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  FaultyFile(std::unique_ptr<rocksdb::FSWritableFile> target, FaultFs* fs, std::string name)
      : FSWritableFileOwnerWrapper(std::move(target)), fs_(fs), name_(std::move(name)) {}

  IOStatus Append(const Slice& data, const IOOptions& o, IODebugContext* d) override {
    return Write(data.size(), [&] { return target()->Append(data, o, d); });
  }
  IOStatus Append(const Slice& data, const IOOptions& o, const rocksdb::DataVerificationInfo& v,
                  IODebugContext* d) override {
    return Write(data.size(), [&] { return target()->Append(data, o, v, d); });
  }
  IOStatus PositionedAppend(const Slice& data, uint64_t offset, const IOOptions& o,
                            IODebugContext* d) override {
    return Write(data.size(), [&] { return target()->PositionedAppend(data, offset, o, d); });
  }
  IOStatus PositionedAppend(const Slice& data, uint64_t offset, const IOOptions& o,
                            const rocksdb::DataVerificationInfo& v, IODebugContext* d) override {
    return Write(data.size(), [&] { return target()->PositionedAppend(data, offset, o, v, d); });
  }
  IOStatus Truncate(uint64_t size, const IOOptions& o, IODebugContext* d) override {
    return Guarded(
        fs_,
        [&] {
          auto s = target()->Truncate(size, o, d);
          if (s.ok()) fs_->OnTruncated(name_, size);
          return s;
        },
        Nothing);
  }
  // What survives a crash is decided by the model (DropUnsyncedData), not by the kernel: the
  // process never really loses power, so a sync only has to hand the bytes to the OS. A real
  // fsync per sync made the power-loss sweep wait minutes on the disk.
  IOStatus Sync(const IOOptions& o, IODebugContext* d) override {
    return SyncLike([&] { return target()->Flush(o, d); });
  }
  IOStatus Fsync(const IOOptions& o, IODebugContext* d) override {
    return SyncLike([&] { return target()->Flush(o, d); });
  }
  // RangeSync is only a hint to start writeback; it promises nothing about durability.
  IOStatus RangeSync(uint64_t, uint64_t, const IOOptions&, IODebugContext*) override {
    return IOStatus::OK();
  }
  IOStatus Close(const IOOptions& o, IODebugContext* d) override {
    if (fs_->crashed()) return IOStatus::OK();
    return target()->Close(o, d);
  }

 private:
  template <typename Fn>
  IOStatus Write(size_t bytes, Fn&& fn) {
    return Guarded(
        fs_,
        [&] {
          auto s = fn();
          if (s.ok()) fs_->OnAppended(name_, bytes);
          return s;
        },
        Nothing);
  }
  template <typename Fn>
  IOStatus SyncLike(Fn&& fn) {
    return Guarded(
        fs_,
        [&] {
          auto s = fn();
          if (s.ok()) fs_->OnSynced(name_);
          return s;
        },
        Nothing);
  }

  FaultFs* fs_;
  std::string name_;
};

// Once a fault has fired nothing waits. RocksDB sleeps a second after each failed background
// flush before it retries; closing a crashed store always fails its flush (the SST went to a
// LostFile) and a full disk fails it too, so every crash or failure point of the sweeps cost a
// second of idle waiting. After a crash the process stands for a machine without power, and
// after a failure the retry meets the same injected fault: the wait tests nothing.
class FaultClock : public rocksdb::SystemClockWrapper {
 public:
  explicit FaultClock(const FaultFs* fs)
      : SystemClockWrapper(rocksdb::SystemClock::Default()), fs_(fs) {}
  const char* Name() const override { return "SextantFaultClock"; }
  void SleepForMicroseconds(int micros) override {
    if (!fs_->crashed() && !fs_->failed()) SystemClockWrapper::SleepForMicroseconds(micros);
  }

 private:
  const FaultFs* fs_;
};

// The default Env (threads, scheduling) with the fault file system and clock.
class FaultEnv : public rocksdb::EnvWrapper {
 public:
  FaultEnv(std::shared_ptr<rocksdb::FileSystem> fs, std::shared_ptr<rocksdb::SystemClock> clock)
      : EnvWrapper(rocksdb::Env::Default()) {
    file_system_ = std::move(fs);
    system_clock_ = std::move(clock);
  }
  const char* Name() const override { return "SextantFaultEnv"; }
};

}  // namespace

FaultFs::FaultFs() : FileSystemWrapper(rocksdb::FileSystem::Default()) {
  // The Env shares ownership of this wrapper through a non-owning shared_ptr: tests own it.
  env_ = std::make_unique<FaultEnv>(
      std::shared_ptr<rocksdb::FileSystem>(this, [](rocksdb::FileSystem*) {}),
      std::make_shared<FaultClock>(this));
}

void FaultFs::Arm(FaultMode mode, uint64_t n) {
  trigger_ = ops_.load() + n;
  mode_ = mode;
}

void FaultFs::Disarm() {
  mode_ = FaultMode::kNone;
  crashed_ = false;
}

FaultFs::Verdict FaultFs::OnOperation(IOStatus* error) {
  const uint64_t op = ++ops_;
  if (crashed_) return Verdict::kDrop;
  const FaultMode mode = mode_.load();
  if (mode == FaultMode::kNone || op < trigger_.load()) return Verdict::kProceed;
  switch (mode) {
    case FaultMode::kCrash: crashed_ = true; return Verdict::kDrop;
    case FaultMode::kNoSpace:
      ++failures_;
      *error = IOStatus::NoSpace("injected: no space left on device");
      return Verdict::kFail;
    case FaultMode::kIoErrorOnce:
      if (op != trigger_.load()) return Verdict::kProceed;
      ++failures_;
      *error = IOStatus::IOError("injected: I/O error");
      return Verdict::kFail;
    case FaultMode::kNone: break;
  }
  return Verdict::kProceed;
}

void FaultFs::OnAppended(const std::string& fname, uint64_t bytes) {
  std::lock_guard<std::mutex> l(mu_);
  files_[fname].written += bytes;
}

void FaultFs::OnSynced(const std::string& fname) {
  std::lock_guard<std::mutex> l(mu_);
  auto& f = files_[fname];
  f.synced = f.written;
}

void FaultFs::OnTruncated(const std::string& fname, uint64_t size) {
  std::lock_guard<std::mutex> l(mu_);
  auto& f = files_[fname];
  f.written = size;
  f.synced = std::min(f.synced, size);
}

void FaultFs::DropUnsyncedData() {
  std::lock_guard<std::mutex> l(mu_);
  for (const auto& [name, state] : files_) {
    std::error_code ec;
    if (!std::filesystem::exists(name, ec)) continue;
    if (std::filesystem::file_size(name, ec) > state.synced)
      std::filesystem::resize_file(name, state.synced, ec);
  }
  files_.clear();
}

// New files are tracked from empty; a reopened file's existing bytes were synced by whoever
// wrote them before this wrapper saw the file.
IOStatus FaultFs::OpenTracked(
    const std::string& fname, std::unique_ptr<rocksdb::FSWritableFile>* result, bool reopen,
    const std::function<IOStatus(std::unique_ptr<rocksdb::FSWritableFile>*)>& open) {
  return Guarded(
      this,
      [&] {
        std::unique_ptr<rocksdb::FSWritableFile> file;
        auto s = open(&file);
        if (!s.ok()) return s;
        std::error_code ec;
        const uint64_t size = reopen ? std::filesystem::file_size(fname, ec) : 0;
        {
          std::lock_guard<std::mutex> l(mu_);
          files_[fname] = FileState{size, size};
        }
        result->reset(new FaultyFile(std::move(file), this, fname));
        return s;
      },
      [&] { result->reset(new LostFile()); });
}

IOStatus FaultFs::NewWritableFile(const std::string& fname, const rocksdb::FileOptions& opts,
                                  std::unique_ptr<rocksdb::FSWritableFile>* result,
                                  IODebugContext* dbg) {
  return OpenTracked(fname, result, false,
                     [&](auto* file) { return target()->NewWritableFile(fname, opts, file, dbg); });
}

IOStatus FaultFs::NewDirectory(const std::string& name, const IOOptions& io_opts,
                               std::unique_ptr<rocksdb::FSDirectory>* result, IODebugContext* dbg) {
  std::unique_ptr<rocksdb::FSDirectory> dir;
  auto s = target()->NewDirectory(name, io_opts, &dir, dbg);
  if (s.ok()) result->reset(new ModelDirectory(std::move(dir)));
  return s;
}

IOStatus FaultFs::ReopenWritableFile(const std::string& fname, const rocksdb::FileOptions& opts,
                                     std::unique_ptr<rocksdb::FSWritableFile>* result,
                                     IODebugContext* dbg) {
  return OpenTracked(fname, result, true, [&](auto* file) {
    return target()->ReopenWritableFile(fname, opts, file, dbg);
  });
}

// A directory-level operation: dropped or failed like a write, and on success the tracking
// table is updated under the lock by `track`.
template <typename Op, typename Track>
IOStatus FaultFs::Mutate(Op&& op, Track&& track) {
  return Guarded(
      this,
      [&] {
        auto s = op();
        if (s.ok()) {
          std::lock_guard<std::mutex> l(mu_);
          track();
        }
        return s;
      },
      Nothing);
}

IOStatus FaultFs::RenameFile(const std::string& src, const std::string& target,
                             const IOOptions& opts, IODebugContext* dbg) {
  return Mutate([&] { return FileSystemWrapper::RenameFile(src, target, opts, dbg); },
                [&] {
                  auto it = files_.find(src);
                  if (it == files_.end()) {
                    files_.erase(target);
                    return;
                  }
                  files_[target] = it->second;
                  files_.erase(src);
                });
}

IOStatus FaultFs::DeleteFile(const std::string& fname, const IOOptions& opts, IODebugContext* dbg) {
  return Mutate([&] { return FileSystemWrapper::DeleteFile(fname, opts, dbg); },
                [&] { files_.erase(fname); });
}

IOStatus FaultFs::LinkFile(const std::string& src, const std::string& target, const IOOptions& opts,
                           IODebugContext* dbg) {
  return Mutate([&] { return FileSystemWrapper::LinkFile(src, target, opts, dbg); },
                [&] {
                  auto it = files_.find(src);
                  if (it != files_.end()) files_[target] = it->second;
                });
}

}  // namespace sextant::reliability
