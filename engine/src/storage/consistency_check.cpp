#include "storage/consistency_check.h"

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "storage/dictionary.h"
#include "storage/index_order.h"
#include "storage/stats_keys.h"
#include "storage/text_check.h"

namespace sextant::storage {
namespace {

constexpr size_t kMaxProblems = 100;

uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// Order-independent fingerprint of a set: indexes are compared by count and sum of per-quad
// hashes, so the check streams every index once in constant memory instead of joining them.
struct Fingerprint {
  uint64_t count = 0;
  uint64_t sum = 0;
  void Add(uint64_t h) {
    ++count;
    sum += h;
  }
  bool operator==(const Fingerprint&) const = default;
};

uint64_t QuadHash(const IdQuad& q) {
  return Mix(q[kS] ^ Mix(q[kP] ^ Mix(q[kO] ^ Mix(q[kG]))));
}

class Checker {
 public:
  explicit Checker(const Store& store) : store_(store) {
    snapshot_ = store.db()->GetSnapshot();
    ro_.snapshot = snapshot_;
    ro_.fill_cache = false;
  }
  ~Checker() { store_.db()->ReleaseSnapshot(snapshot_); }

  Result<CheckReport> Run() {
    // RocksDB's block checksums first: a flipped bit in any SST file is Corruption, whatever
    // the logical checks below would make of it.
    SEXTANT_RETURN_IF_ERROR(FromRocks(store_.db()->VerifyChecksum(ro_), "checksum verification"));
    SEXTANT_RETURN_IF_ERROR(ScanPrimary());
    for (int i = 1; i < kIndexCount; ++i) {
      SEXTANT_RETURN_IF_ERROR(ScanSecondary(static_cast<IndexOrder>(i)));
    }
    SEXTANT_RETURN_IF_ERROR(CheckStatistics());
    SEXTANT_RETURN_IF_ERROR(CheckDictionary());
    SEXTANT_RETURN_IF_ERROR(CheckReferencedIds());
    SEXTANT_RETURN_IF_ERROR(CheckTextIndex(
        store_, ro_, [this](std::string p) { Problem(std::move(p)); }, &report_));
    return std::move(report_);
  }

 private:
  void Problem(std::string text) {
    if (report_.problems.size() < kMaxProblems) {
      report_.problems.push_back(std::move(text));
    } else {
      ++report_.problems_omitted;
    }
  }

  // Calls fn(key, value) for every entry of a column family on the snapshot.
  Status Scan(rocksdb::ColumnFamilyHandle* cf,
              const std::function<void(std::string_view, std::string_view)>& fn) {
    std::unique_ptr<rocksdb::Iterator> it(store_.db()->NewIterator(ro_, cf));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      fn(it->key().ToStringView(), it->value().ToStringView());
    }
    return FromRocks(it->status(), "scanning " + cf->GetName());
  }

  bool ValidId(TermId id, QuadPos pos) const {
    if (pos == kG && id == kDefaultGraphId) return true;
    const auto tag = TagOf(id);
    if (tag == IdTag::kIri) return InSequence(id);
    if (pos == kP) return false;
    if (tag == IdTag::kBlank) return InSequence(id);
    if (pos != kO) return false;
    if (tag == IdTag::kLiteral || tag == IdTag::kTriple) return InSequence(id);
    return IsInline(id);
  }
  bool InSequence(TermId id) const {
    return PayloadOf(id) > 0 && PayloadOf(id) < store_.next_sequence();
  }

  // spog: the reference every other index is compared against; also recounts statistics.
  Status ScanPrimary() {
    IdQuad prev{kNoId, kNoId, kNoId, kNoId};
    return Scan(store_.index(IndexOrder::kSPOG), [&](std::string_view key, std::string_view) {
      ++report_.index_entries;
      if (key.size() != kKeySize) {
        Problem("spog has a key of " + std::to_string(key.size()) + " bytes (expected 32)");
        return;
      }
      const IdQuad q = DecodeKey(IndexOrder::kSPOG, key.data());
      static constexpr QuadPos kPositions[] = {kS, kP, kO, kG};
      for (auto pos : kPositions) {
        if (!ValidId(q[pos], pos)) {
          Problem("spog holds a quad with an invalid id in position " + std::to_string(pos));
        }
      }
      const uint64_t h = QuadHash(q);
      all_.Add(h);
      if (q[kG] != kDefaultGraphId) named_.Add(h);
      ++graphs_[q[kG]];
      auto& p = predicates_[q[kP]];
      ++p.triples;
      if (q[kS] != prev[kS] || q[kP] != prev[kP]) ++p.distinct_subjects;
      if (q[kS] != prev[kS]) Resolve(q[kS]);
      prev = q;
    });
  }

  Status ScanSecondary(IndexOrder order) {
    const bool graph_first = IsGraphFirst(order);
    const std::string name(kIndexNames[static_cast<int>(order)]);
    Fingerprint fp;
    IdQuad prev{kNoId, kNoId, kNoId, kNoId};
    bool bad_keys = false;
    SEXTANT_RETURN_IF_ERROR(Scan(store_.index(order), [&](std::string_view key, std::string_view) {
      ++report_.index_entries;
      if (key.size() != kKeySize) {
        bad_keys = true;
        return;
      }
      const IdQuad q = DecodeKey(order, key.data());
      if (graph_first && q[kG] == kDefaultGraphId)
        Problem(name + " holds a default-graph quad (it holds named graphs only)");
      fp.Add(QuadHash(q));
      if (order == IndexOrder::kPOSG && (q[kP] != prev[kP] || q[kO] != prev[kO]))
        ++distinct_objects_[q[kP]];
      if (order == IndexOrder::kOSPG && q[kO] != prev[kO]) Resolve(q[kO]);
      prev = q;
    }));
    if (bad_keys) Problem(name + " has keys that are not 32 bytes");
    const Fingerprint& expected = graph_first ? named_ : all_;
    if (!(fp == expected)) {
      Problem("index " + name + " disagrees with spog: " + std::to_string(fp.count) +
              " entries, expected " + std::to_string(expected.count) +
              (fp.count == expected.count ? " (same count, different quads)" : ""));
    }
    return Status::OK();
  }

  Status CheckStatistics() {
    std::map<std::string, int64_t> expected;
    expected[stats_keys::Total()] = static_cast<int64_t>(all_.count);
    for (const auto& [g, n] : graphs_) expected[stats_keys::Graph(g)] = n;
    for (const auto& [p, c] : predicates_) {
      expected[stats_keys::Predicate(p, 't')] = c.triples;
      expected[stats_keys::Predicate(p, 's')] = c.distinct_subjects;
      expected[stats_keys::Predicate(p, 'o')] = distinct_objects_[p];
    }
    std::map<std::string, int64_t> stored;
    SEXTANT_RETURN_IF_ERROR(Scan(store_.stats(), [&](std::string_view key, std::string_view value) {
      if (value.size() != 8) {
        Problem("statistics entry with a " + std::to_string(value.size()) + "-byte value");
        return;
      }
      stored[std::string(key)] = stats_keys::DecodeValue(value.data());
    }));
    // Counters that dropped to zero stay behind as zero entries; they agree with "absent".
    for (const auto& [key, value] : stored) {
      const auto it = expected.find(key);
      const int64_t want = it == expected.end() ? 0 : it->second;
      if (value != want) {
        Problem(DescribeStatKey(key) + " is " + std::to_string(value) + ", recount gives " +
                std::to_string(want));
      }
    }
    for (const auto& [key, value] : expected) {
      if (value != 0 && !stored.contains(key)) {
        Problem(DescribeStatKey(key) + " is missing (recount gives " + std::to_string(value) + ")");
      }
    }
    report_.quads = all_.count;
    return Status::OK();
  }

  static std::string DescribeStatKey(const std::string& key) {
    if (key == stats_keys::Total()) return "statistic 'quads'";
    if (key.size() == 9 && key[0] == 'g') {
      return "statistic 'quads in graph #" + std::to_string(GetBigEndian(key.data() + 1)) + "'";
    }
    if (key.size() == 10 && key[0] == 'p') {
      const char* what = key[9] == 't'   ? "triples"
                         : key[9] == 's' ? "distinct subjects"
                                         : "distinct objects";
      return std::string("statistic '") + what + " of predicate #" +
             std::to_string(GetBigEndian(key.data() + 1)) + "'";
    }
    return "unknown statistics key";
  }

  Status CheckDictionary() {
    Fingerprint forward, backward;
    SEXTANT_RETURN_IF_ERROR(Scan(store_.id2term(), [&](std::string_view key,
                                                       std::string_view value) {
      ++report_.dictionary_terms;
      if (key.size() != 8) {
        Problem("id2term has a key of " + std::to_string(key.size()) + " bytes");
        return;
      }
      const TermId id = GetBigEndian(key.data());
      if (!IsDictionary(id) || !InSequence(id)) {
        Problem("id2term holds id " + std::to_string(id) + " outside the dictionary's id range");
      }
      if (IsTripleKey(value) != (TagOf(id) == IdTag::kTriple)) {
        Problem("id2term entry " + std::to_string(id) +
                " and its id disagree on being a triple term");
      } else if (IsTripleKey(value)) {
        CheckTripleEntry(id, value);
      } else if (!DecodeTermKey(value).ok()) {
        Problem("id2term entry " + std::to_string(id) + " does not decode");
      }
      forward.Add(Mix(std::hash<std::string_view>{}(value) ^ Mix(id)));
    }));
    SEXTANT_RETURN_IF_ERROR(
        Scan(store_.term2id(), [&](std::string_view key, std::string_view value) {
          if (value.size() != 8) {
            Problem("term2id has a value of " + std::to_string(value.size()) + " bytes");
            return;
          }
          backward.Add(Mix(std::hash<std::string_view>{}(key) ^ Mix(GetBigEndian(value.data()))));
        }));
    if (!(forward == backward)) {
      Problem("the dictionary's directions disagree: id2term has " + std::to_string(forward.count) +
              " entries, term2id " + std::to_string(backward.count) +
              (forward.count == backward.count ? " (same count, different pairs)" : ""));
    }
    return Status::OK();
  }

  // A triple term's parts: older ids (so nesting is finite), of kinds RDF allows in their
  // positions, each in the dictionary (inline values always are).
  void CheckTripleEntry(TermId id, std::string_view value) {
    auto parts = DecodeTripleKey(value, id);
    if (!parts.ok()) {
      Problem("id2term entry " + std::to_string(id) + ": " + parts.status().message());
      return;
    }
    if (!ValidId((*parts)[0], kS) || !ValidId((*parts)[1], kP) || !ValidId((*parts)[2], kO)) {
      Problem("triple term " + std::to_string(id) + " has a part of a kind its position forbids");
    }
    for (const TermId part : *parts) Resolve(part);
  }

  // Every dictionary id an index refers to must resolve. Subjects and objects are looked up
  // once per run of equal values while scanning (sorted, so no set of ids is kept).
  void Resolve(TermId id) {
    if (IsInline(id) || id == kDefaultGraphId || !lookup_status_.ok()) return;
    char key[8];
    PutBigEndian(key, id);
    const auto s = store_.db()->Get(ro_, store_.id2term(), rocksdb::Slice(key, 8), &scratch_);
    if (s.IsNotFound()) {
      if (missing_++ == 0) missing_example_ = id;
    } else if (!s.ok()) {
      lookup_status_ = FromRocks(s, "dictionary lookup");
    }
  }

  Status CheckReferencedIds() {
    for (const auto& entry : predicates_) Resolve(entry.first);
    for (const auto& entry : graphs_) Resolve(entry.first);
    SEXTANT_RETURN_IF_ERROR(lookup_status_);
    if (missing_ > 0) {
      Problem(std::to_string(missing_) +
              " ids used by quads or triple terms are not in the dictionary (e.g. " +
              std::to_string(missing_example_) + ")");
    }
    return Status::OK();
  }

  const Store& store_;
  const rocksdb::Snapshot* snapshot_;
  rocksdb::ReadOptions ro_;
  CheckReport report_;
  Fingerprint all_, named_;
  std::map<TermId, int64_t> graphs_;
  struct Counts {
    int64_t triples = 0;
    int64_t distinct_subjects = 0;
  };
  std::map<TermId, Counts> predicates_;
  std::map<TermId, int64_t> distinct_objects_;
  Status lookup_status_;
  uint64_t missing_ = 0;
  TermId missing_example_ = 0;
  std::string scratch_;
};

}  // namespace

Result<CheckReport> CheckStore(const Store& store) {
  return Checker(store).Run();
}

}  // namespace sextant::storage
