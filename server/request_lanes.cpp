#include "server/request_lanes.h"

#include <algorithm>

namespace sextant::server {

RequestLanes::RequestLanes(int regular, int express, std::chrono::milliseconds slice)
    : slice_(slice), regular_(regular) {
  for (int i = 0; i < regular; ++i) threads_.emplace_back([this] { RegularLane(); });
  for (int i = 0; i < express; ++i) threads_.emplace_back([this] { ExpressLane(); });
}

void RequestLanes::Submit(Job job) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return;
    fresh_.push_back(std::move(job));
  }
  cv_.notify_all();
}

void RequestLanes::Stop() {
  std::deque<Job> dropped;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return;
    stopping_ = true;
    dropped.swap(fresh_);
    for (auto& job : retried_) dropped.push_back(std::move(job));
    retried_.clear();
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
  dropped.clear();  // outside the lock: a job's captures may close connections
}

bool RequestLanes::HasRestartable() const {
  return std::any_of(fresh_.begin(), fresh_.end(), [](const Job& j) { return j.restartable; });
}

void RequestLanes::RegularLane() {
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !retried_.empty() || !fresh_.empty(); });
      if (stopping_) return;
      auto& queue = retried_.empty() ? fresh_ : retried_;
      job = std::move(queue.front());
      queue.pop_front();
      ++busy_regular_;
    }
    // This lane is busy now: an express lane may take what is left.
    cv_.notify_all();
    job.run(false);
    job = {};  // its captures go before the lane counts as free
    std::lock_guard<std::mutex> lock(mu_);
    --busy_regular_;
  }
}

void RequestLanes::ExpressLane() {
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      // Only while every regular lane is busy: a free one (or one not yet started) takes the
      // request whole.
      cv_.wait(lock,
               [this] { return stopping_ || (busy_regular_ >= regular_ && HasRestartable()); });
      if (stopping_) return;
      const auto it =
          std::find_if(fresh_.begin(), fresh_.end(), [](const Job& j) { return j.restartable; });
      job = std::move(*it);
      fresh_.erase(it);
    }
    if (job.run(true)) continue;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_) continue;  // dropped here, which closes its connection
      retried_.push_back(std::move(job));
    }
    cv_.notify_all();
  }
}

}  // namespace sextant::server
