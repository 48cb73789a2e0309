// Hands parsed quads to another thread in blocks, so parsing (one core) and encoding them into
// ids (the other core) run side by side. Quads are copied into one flat byte block (no
// allocation per term); three blocks are recycled: one filling, one waiting, one being consumed.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "rdf/term_view.h"
#include "sextant/status.h"

namespace sextant::storage {

// Quads laid out as bytes; views into it stay valid until the block is cleared.
class QuadBlock {
 public:
  void Add(const rdf::QuadView& quad);
  size_t bytes() const { return bytes_.size(); }
  bool empty() const { return bytes_.empty(); }
  void Clear() { bytes_.clear(); }
  Status ForEach(const std::function<Status(const rdf::QuadView&)>& fn) const;

 private:
  void AddTerm(const rdf::TermView& term);
  std::string bytes_;
};

class QuadBlockWorker {
 public:
  using Consumer = std::function<Status(const rdf::QuadView&)>;
  // `consume` runs on the worker thread, one quad at a time, in the order added.
  explicit QuadBlockWorker(Consumer consume);
  ~QuadBlockWorker() { Stop(); }
  QuadBlockWorker(const QuadBlockWorker&) = delete;
  QuadBlockWorker& operator=(const QuadBlockWorker&) = delete;

  // Returns the consumer's first error (possibly from an earlier quad).
  Status Add(const rdf::QuadView& quad);
  // Waits until every added quad was consumed; returns the consumer's first error.
  Status Drain();
  // Ends the thread, dropping quads not consumed yet.
  void Stop();

 private:
  Status PassFilling();
  void Loop();

  Consumer consume_;
  QuadBlock filling_;
  std::mutex mu_;
  std::condition_variable cv_;
  QuadBlock waiting_;
  bool has_waiting_ = false;
  bool busy_ = false;
  bool stop_ = false;
  Status status_;
  QuadBlock consuming_;  // owned by the worker thread
  std::thread thread_;
};

}  // namespace sextant::storage
