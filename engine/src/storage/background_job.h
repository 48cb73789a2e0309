// One job at a time on a thread of its own: the caller hands over work (a RocksDB write, say)
// and goes on with its own until it needs the result.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "sextant/status.h"

namespace sextant::storage {

class BackgroundJob {
 public:
  BackgroundJob() : thread_([this] { Loop(); }) {}
  ~BackgroundJob() { Stop(); }
  BackgroundJob(const BackgroundJob&) = delete;
  BackgroundJob& operator=(const BackgroundJob&) = delete;

  // Waits for the previous job, then starts `job` unless an earlier job failed (that error is
  // returned, and every later call returns it too).
  Status Start(std::function<Status()> job) {
    std::unique_lock<std::mutex> l(mu_);
    cv_.wait(l, [this] { return !job_ || stop_; });
    if (!status_.ok() || stop_) return status_;
    job_ = std::move(job);
    cv_.notify_all();
    return Status::OK();
  }

  // Waits until no job is running; the first error of any job.
  Status Wait() {
    std::unique_lock<std::mutex> l(mu_);
    cv_.wait(l, [this] { return !job_ || stop_; });
    return status_;
  }

  // Waits for a running job to end, then ends the thread.
  void Stop() {
    {
      std::lock_guard<std::mutex> l(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void Loop() {
    std::unique_lock<std::mutex> l(mu_);
    for (;;) {
      cv_.wait(l, [this] { return job_ || stop_; });
      if (!job_) return;
      l.unlock();
      Status s = job_();
      l.lock();
      if (status_.ok()) status_ = s;
      job_ = nullptr;
      cv_.notify_all();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::function<Status()> job_;
  bool stop_ = false;
  Status status_;
  std::thread thread_;
};

}  // namespace sextant::storage
