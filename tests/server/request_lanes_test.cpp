// The request lanes' turns: with every regular lane busy, a read runs on an express lane at
// once; a read that outlives its slice runs again on a regular lane; a write waits for one.
#include "server/request_lanes.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <vector>

namespace sextant::server {
namespace {

using std::chrono::milliseconds;

// Runs of one job: whether each was on an express lane.
struct Runs {
  std::mutex mu;
  std::vector<bool> express;
  void Add(bool e) {
    std::lock_guard<std::mutex> lock(mu);
    express.push_back(e);
  }
  std::vector<bool> Get() {
    std::lock_guard<std::mutex> lock(mu);
    return express;
  }
};

TEST(RequestLanesTest, ReadsDoNotWaitForABusyRegularLane) {
  RequestLanes lanes(/*regular=*/1, /*express=*/1, milliseconds(50));
  std::promise<void> release_long;
  std::shared_future<void> long_may_end = release_long.get_future().share();
  std::promise<void> long_started, read_done;
  Runs long_runs, read_runs;
  lanes.Submit({.restartable = false, .run = [&](bool express) {
                  long_runs.Add(express);
                  long_started.set_value();
                  long_may_end.wait();
                  return true;
                }});
  long_started.get_future().wait();
  lanes.Submit({.restartable = true, .run = [&](bool express) {
                  read_runs.Add(express);
                  read_done.set_value();
                  return true;
                }});
  // Answered while the long request still holds the only regular lane.
  EXPECT_EQ(read_done.get_future().wait_for(std::chrono::seconds(5)), std::future_status::ready);
  EXPECT_EQ(read_runs.Get(), std::vector<bool>{true});
  EXPECT_EQ(long_runs.Get(), std::vector<bool>{false});
  release_long.set_value();
  // The jobs hold the promises above by reference: join the lanes before they go.
  lanes.Stop();
}

TEST(RequestLanesTest, AReadThatOutlivesItsSliceRunsAgainOnARegularLane) {
  RequestLanes lanes(1, 1, milliseconds(50));
  std::promise<void> release_long, long_started, retried;
  std::shared_future<void> long_may_end = release_long.get_future().share();
  Runs runs;
  std::atomic<bool> write_ran{false};
  lanes.Submit({.restartable = false, .run = [&](bool) {
                  long_started.set_value();
                  long_may_end.wait();
                  return true;
                }});
  long_started.get_future().wait();
  // Stopped at the end of its express slice (it says so by returning false).
  lanes.Submit({.restartable = true, .run = [&](bool express) {
                  runs.Add(express);
                  if (express) return false;
                  retried.set_value();
                  return true;
                }});
  // A write never runs on an express lane.
  lanes.Submit({.restartable = false, .run = [&](bool express) {
                  EXPECT_FALSE(express);
                  write_ran = true;
                  return true;
                }});
  auto retried_future = retried.get_future();
  EXPECT_EQ(retried_future.wait_for(milliseconds(100)), std::future_status::timeout)
      << "no regular lane was free";
  EXPECT_FALSE(write_ran);
  release_long.set_value();
  EXPECT_EQ(retried_future.wait_for(std::chrono::seconds(5)), std::future_status::ready);
  EXPECT_EQ(runs.Get(), (std::vector<bool>{true, false}));
  lanes.Stop();
}

// Also right after the lanes start, before the regular lane's thread runs: a lane not started
// yet counts as free (counting idle lanes instead sent such requests to the express lane).
TEST(RequestLanesTest, WithAFreeRegularLaneNothingRunsOnAnExpressOne) {
  for (int i = 0; i < 20; ++i) {
    RequestLanes lanes(1, 1, milliseconds(50));
    std::promise<bool> ran;
    lanes.Submit({.restartable = true, .run = [&ran](bool express) {
                    ran.set_value(express);
                    return true;
                  }});
    auto express = ran.get_future();
    ASSERT_EQ(express.wait_for(std::chrono::seconds(5)), std::future_status::ready);
    EXPECT_FALSE(express.get()) << "run " << i;
    lanes.Stop();  // the job may still be inside set_value when get() returns
  }
}

}  // namespace
}  // namespace sextant::server
