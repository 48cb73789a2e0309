#include "storage/quad_block_worker.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <deque>

namespace sextant::storage {

namespace {

// Big enough that hand-offs are rare, small enough to stay in cache-friendly territory.
constexpr size_t kBlockBytes = 4u << 20;

void PutLength(std::string* out, size_t n) {
  const auto v = static_cast<uint32_t>(n);
  out->append(reinterpret_cast<const char*>(&v), sizeof v);
}

uint32_t GetLength(const char* p) {
  uint32_t v = 0;
  std::memcpy(&v, p, sizeof v);
  return v;
}

}  // namespace

void QuadBlock::AddTerm(const rdf::TermView& t) {
  bytes_.push_back(static_cast<char>(t.kind));
  if (t.kind == TermKind::kTriple) {
    for (int i = 0; i < 3; ++i) AddTerm(t.Part(i));
    return;
  }
  bytes_.push_back(static_cast<char>(t.direction));
  PutLength(&bytes_, t.value.size());
  PutLength(&bytes_, t.datatype.size());
  PutLength(&bytes_, t.language.size());
  bytes_.append(t.value);
  bytes_.append(t.datatype);
  bytes_.append(t.language);
}

void QuadBlock::Add(const rdf::QuadView& q) {
  AddTerm(q.subject);
  AddTerm(q.predicate);
  AddTerm(q.object);
  AddTerm(q.graph);
}

namespace {

// Reads back one term AddTerm wrote; a triple term's parts go into `parts`, whose elements
// never move (a deque), so the views pointing at them stay valid for the quad.
const char* ReadBlockTerm(const char* p, rdf::TermView* t,
                          std::deque<std::array<rdf::TermView, 3>>* parts) {
  *t = rdf::TermView();
  t->kind = static_cast<TermKind>(*p++);
  if (t->kind == TermKind::kTriple) {
    std::array<rdf::TermView, 3>& mine = parts->emplace_back();
    for (auto& part : mine) p = ReadBlockTerm(p, &part, parts);
    t->parts = mine.data();
    return p;
  }
  t->direction = static_cast<Direction>(*p++);
  const uint32_t nv = GetLength(p), nd = GetLength(p + 4), nl = GetLength(p + 8);
  p += 12;
  t->value = std::string_view(p, nv);
  t->datatype = std::string_view(p + nv, nd);
  t->language = std::string_view(p + nv + nd, nl);
  return p + nv + nd + nl;
}

}  // namespace

Status QuadBlock::ForEach(const std::function<Status(const rdf::QuadView&)>& fn) const {
  const char* p = bytes_.data();
  const char* const end = p + bytes_.size();
  std::deque<std::array<rdf::TermView, 3>> parts;
  while (p < end) {
    rdf::QuadView q;
    p = ReadBlockTerm(p, &q.subject, &parts);
    p = ReadBlockTerm(p, &q.predicate, &parts);
    p = ReadBlockTerm(p, &q.object, &parts);
    p = ReadBlockTerm(p, &q.graph, &parts);
    SEXTANT_RETURN_IF_ERROR(fn(q));
    parts.clear();
  }
  return Status::OK();
}

QuadBlockWorker::QuadBlockWorker(Consumer consume) : consume_(std::move(consume)) {
  thread_ = std::thread([this] { Loop(); });
}

Status QuadBlockWorker::Add(const rdf::QuadView& quad) {
  filling_.Add(quad);
  if (filling_.bytes() < kBlockBytes) return Status::OK();
  return PassFilling();
}

Status QuadBlockWorker::PassFilling() {
  std::unique_lock<std::mutex> l(mu_);
  cv_.wait(l, [this] { return !has_waiting_ || !status_.ok(); });
  if (!status_.ok()) return status_;
  // The waiting slot holds an emptied block by now: swapping recycles it.
  std::swap(waiting_, filling_);
  has_waiting_ = true;
  cv_.notify_all();
  return Status::OK();
}

Status QuadBlockWorker::Drain() {
  if (!filling_.empty()) SEXTANT_RETURN_IF_ERROR(PassFilling());
  std::unique_lock<std::mutex> l(mu_);
  cv_.wait(l, [this] { return (!has_waiting_ && !busy_) || !status_.ok(); });
  return status_;
}

void QuadBlockWorker::Stop() {
  {
    std::lock_guard<std::mutex> l(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void QuadBlockWorker::Loop() {
  for (;;) {
    {
      std::unique_lock<std::mutex> l(mu_);
      cv_.wait(l, [this] { return has_waiting_ || stop_; });
      if (stop_) return;
      std::swap(consuming_, waiting_);
      has_waiting_ = false;
      busy_ = true;
    }
    cv_.notify_all();
    Status s = consuming_.ForEach(consume_);
    consuming_.Clear();
    std::lock_guard<std::mutex> l(mu_);
    busy_ = false;
    if (!s.ok() && status_.ok()) status_ = s;
    cv_.notify_all();
    if (!status_.ok()) return;
  }
}

}  // namespace sextant::storage
