#include "server/request_watch.h"

#include <poll.h>

#include <vector>

namespace sextant::server {
namespace {

// How often the sockets are looked at while requests run: a departed client's query does at
// most this much more work; an idle server does not wake at all.
constexpr std::chrono::milliseconds kPollEvery{20};

}  // namespace

RequestWatch::RequestWatch() : thread_([this] { Loop(); }) {}

RequestWatch::~RequestWatch() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    exit_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

uint64_t RequestWatch::Watch(int fd, std::atomic<bool>* stop,
                             std::optional<Clock::time_point> slice_end) {
  std::lock_guard<std::mutex> lock(mu_);
  const uint64_t id = next_id_++;
  Entry& e = entries_.emplace(id, Entry{fd, stop, slice_end}).first->second;
  if (shutdown_) Raise(e, Stopped::kShutdown);
  cv_.notify_all();
  return id;
}

RequestWatch::Stopped RequestWatch::Unwatch(uint64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = entries_.find(id);
  if (it == entries_.end()) return Stopped::kNo;
  const Stopped why = it->second.stopped;
  entries_.erase(it);
  return why;
}

void RequestWatch::Shutdown() {
  std::lock_guard<std::mutex> lock(mu_);
  shutdown_ = true;
  for (auto& [id, e] : entries_) Raise(e, Stopped::kShutdown);
}

void RequestWatch::Raise(Entry& e, Stopped why) {
  if (e.stopped != Stopped::kNo) return;
  e.stopped = why;
  e.stop->store(true, std::memory_order_relaxed);
  if (why == Stopped::kClientLeft) clients_left_.fetch_add(1, std::memory_order_relaxed);
}

void RequestWatch::Loop() {
  std::vector<pollfd> fds;
  std::vector<uint64_t> ids;
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return exit_ || !entries_.empty(); });
    if (exit_) return;
    fds.clear();
    ids.clear();
    const auto now = Clock::now();
    for (auto& [id, e] : entries_) {
      if (e.slice_end && now >= *e.slice_end) Raise(e, Stopped::kSliceEnded);
      if (e.stopped != Stopped::kNo) continue;
      fds.push_back({e.fd, POLLRDHUP, 0});
      ids.push_back(id);
    }
    if (fds.empty()) {  // every request already stopped: nothing to poll until one ends
      cv_.wait_for(lock, kPollEvery);
      continue;
    }
    // A descriptor stays open while watched (Unwatch comes before the session closes it); one
    // unwatched during the poll is looked up by id and ignored.
    lock.unlock();
    const int ready = ::poll(fds.data(), fds.size(), static_cast<int>(kPollEvery.count()));
    lock.lock();
    if (ready > 0) {
      for (size_t i = 0; i < fds.size(); ++i) {
        if ((fds[i].revents & (POLLRDHUP | POLLHUP | POLLERR)) == 0) continue;
        if (auto it = entries_.find(ids[i]); it != entries_.end()) {
          Raise(it->second, Stopped::kClientLeft);
        }
      }
    }
  }
}

}  // namespace sextant::server
