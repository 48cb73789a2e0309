// Stops requests whose answer nobody will read, and requests whose time slice ended. One thread
// polls the sockets of the running requests for POLLRDHUP (the client closed or reset its
// connection) and raises the request's stop flag, which the engine reads between batches, so a
// query whose client went away stops within milliseconds instead of running to its time limit.
// The same thread ends express-lane time slices (request_lanes.h). A client that half-closes
// its side after sending a request (shutdown(SHUT_WR)) looks like one that left.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace sextant::server {

class RequestWatch {
 public:
  using Clock = std::chrono::steady_clock;
  enum class Stopped : uint8_t { kNo, kClientLeft, kSliceEnded, kShutdown };

  RequestWatch();
  ~RequestWatch();
  RequestWatch(const RequestWatch&) = delete;
  RequestWatch& operator=(const RequestWatch&) = delete;

  // Watches connection `fd` until Unwatch: raises *stop when the client leaves, at `slice_end`
  // when given, or at once once Shutdown() was called.
  uint64_t Watch(int fd, std::atomic<bool>* stop, std::optional<Clock::time_point> slice_end);
  // Ends the watch; why it raised the flag, if it did.
  Stopped Unwatch(uint64_t id);
  // Raises the flag of every request watched now or later (the server is stopping).
  void Shutdown();
  // Requests stopped because their client left, since the start.
  uint64_t clients_left() const { return clients_left_.load(std::memory_order_relaxed); }

 private:
  struct Entry {
    int fd;
    std::atomic<bool>* stop;
    std::optional<Clock::time_point> slice_end;
    Stopped stopped = Stopped::kNo;
  };
  void Loop();
  void Raise(Entry& e, Stopped why);

  std::mutex mu_;
  std::condition_variable cv_;
  std::map<uint64_t, Entry> entries_;
  uint64_t next_id_ = 0;
  bool shutdown_ = false;
  bool exit_ = false;
  std::atomic<uint64_t> clients_left_{0};
  std::thread thread_;  // last: starts once the members it uses exist
};

}  // namespace sextant::server
