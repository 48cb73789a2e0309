// Runs requests off the connections' event loops, so that reading and writing never waits for
// a query, with fair turns for short requests. `regular` lanes take requests in arrival order
// and run them to the end: they bound the heavy work running at once (--max-concurrent). When
// every regular lane is busy, an `express` lane tries a waiting read-only request within a time
// slice; most requests are short and are answered there at once. One that outlives its slice is
// stopped (its stop flag, as for a client that left) and queued for a regular lane, ahead of
// requests that came after it; the express lane only spent the slice on it. So two long
// queries no longer hold up an `ASK {}` for seconds. Writes wait for a regular lane (the writer
// lock serialises them anyway).
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace sextant::server {

class RequestLanes {
 public:
  struct Job {
    // A read without effects: it may be stopped at the end of an express slice and run again.
    bool restartable = false;
    // Runs the request on a lane thread. With `express`, it is stopped at the slice's end; it
    // then returns false (not answered: run it again on a regular lane). Otherwise true.
    std::function<bool(bool express)> run;
  };

  RequestLanes(int regular, int express, std::chrono::milliseconds slice);
  ~RequestLanes() { Stop(); }
  RequestLanes(const RequestLanes&) = delete;
  RequestLanes& operator=(const RequestLanes&) = delete;

  void Submit(Job job);
  // Runs no more jobs (those waiting are dropped, which closes their connections) and joins
  // the lanes once their running jobs return. Safe to call twice.
  void Stop();
  std::chrono::milliseconds slice() const { return slice_; }

 private:
  void RegularLane();
  void ExpressLane();
  bool HasRestartable() const;

  std::chrono::milliseconds slice_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> fresh_;    // not tried yet, in arrival order
  std::deque<Job> retried_;  // outlived an express slice: before any fresh job
  int regular_;
  int busy_regular_ = 0;  // regular lanes running a request
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace sextant::server
