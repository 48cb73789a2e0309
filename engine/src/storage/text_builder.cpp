#include "storage/text_builder.h"

#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <memory>

#include "storage/stats_keys.h"
#include "storage/text_keys.h"

namespace sextant::storage {

void TextIndexBuilder::Add(TermId literal, std::string_view encoded_term) {
  if (!seen_.insert(literal).second) return;
  if (!AnalyzeLiteral(&analyzer_, encoded_term, config_, &scratch_)) return;
  auto lang = std::find(languages_.begin(), languages_.end(), scratch_.language);
  if (lang == languages_.end()) lang = languages_.insert(languages_.end(), scratch_.language);
  const auto doc = static_cast<uint32_t>(docs_.size());
  docs_.push_back({literal, scratch_.length, static_cast<uint32_t>(lang - languages_.begin())});
  for (auto& [term, value] : scratch_.postings) {
    auto [it, fresh] = term_ids_.try_emplace(term, static_cast<uint32_t>(terms_.size()));
    if (fresh) terms_.push_back(term);
    postings_.push_back({it->second, doc, static_cast<uint32_t>(values_.size()),
                         static_cast<uint32_t>(value.size())});
    values_ += value;
  }
}

Status TextIndexBuilder::DropIndexed(const Store& store, uint64_t first_new_sequence) {
  std::vector<std::string> keys;
  std::vector<size_t> which;
  for (size_t i = 0; i < docs_.size(); ++i) {
    if (PayloadOf(docs_[i].id) < first_new_sequence) {
      keys.push_back(text_keys::Doc(docs_[i].id));
      which.push_back(i);
    }
  }
  if (keys.empty()) return Status::OK();
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<rocksdb::ColumnFamilyHandle*> cfs(keys.size(), store.text_docs());
  std::vector<std::string> values;
  const auto statuses = store.db()->MultiGet({}, cfs, slices, &values);
  for (size_t k = 0; k < statuses.size(); ++k) {
    if (statuses[k].ok()) {
      docs_[which[k]].dropped = true;
      ++dropped_;
    } else if (!statuses[k].IsNotFound()) {
      return FromRocks(statuses[k], "text index: reading documents");
    }
  }
  return Status::OK();
}

class TextIndexBuilder::Sink {
 public:
  virtual ~Sink() = default;
  virtual rocksdb::Status Put(rocksdb::ColumnFamilyHandle* cf, const rocksdb::Slice& key,
                              const rocksdb::Slice& value) = 0;
  virtual rocksdb::Status Merge(rocksdb::ColumnFamilyHandle* cf, const rocksdb::Slice& key,
                                const rocksdb::Slice& value) = 0;
};

// Entries go out column family by column family, each in key order (SST files need that).
Status TextIndexBuilder::Emit(const Store& store, Sink* sink) {
  // Terms in byte order, then postings by term and literal id.
  std::vector<uint32_t> by_term(terms_.size());
  for (uint32_t i = 0; i < by_term.size(); ++i) by_term[i] = i;
  std::sort(by_term.begin(), by_term.end(),
            [this](uint32_t a, uint32_t b) { return terms_[a] < terms_[b]; });
  std::vector<uint32_t> rank(terms_.size());
  for (uint32_t r = 0; r < by_term.size(); ++r) rank[by_term[r]] = r;
  std::sort(postings_.begin(), postings_.end(), [&](const Posting& a, const Posting& b) {
    if (a.term != b.term) return rank[a.term] < rank[b.term];
    return docs_[a.doc].id < docs_[b.doc].id;
  });
  std::vector<int64_t> frequency(terms_.size(), 0);
  std::string key;
  for (const Posting& p : postings_) {
    if (docs_[p.doc].dropped) continue;
    ++frequency[p.term];
    key = text_keys::Posting(terms_[p.term], docs_[p.doc].id);
    const auto s = sink->Put(store.text_postings(), key,
                             rocksdb::Slice(values_.data() + p.value_begin, p.value_size));
    if (!s.ok()) return FromRocks(s, "text index: postings");
  }
  std::vector<const Doc*> docs;
  for (const Doc& d : docs_) {
    if (!d.dropped) docs.push_back(&d);
  }
  std::sort(docs.begin(), docs.end(), [](const Doc* a, const Doc* b) { return a->id < b->id; });
  int64_t total_length = 0;
  std::vector<int64_t> per_language(languages_.size(), 0);
  std::string length;
  for (const Doc* d : docs) {
    length.clear();
    text_keys::PutVarint(&length, d->length);
    const auto s = sink->Put(store.text_docs(), text_keys::Doc(d->id), length);
    if (!s.ok()) return FromRocks(s, "text index: documents");
    total_length += d->length;
    ++per_language[d->language];
  }
  // Statistics in key order: "d" + term, "g" + language, "l", "n".
  auto merge = [&](const std::string& k, int64_t v) {
    return v == 0 ? rocksdb::Status::OK()
                  : sink->Merge(store.text_stats(), k, stats_keys::EncodeValue(v));
  };
  rocksdb::Status s;
  for (uint32_t t : by_term) {
    if (s.ok()) s = merge(text_keys::DocFrequency(terms_[t]), frequency[t]);
  }
  std::vector<uint32_t> by_language(languages_.size());
  for (uint32_t i = 0; i < by_language.size(); ++i) by_language[i] = i;
  std::sort(by_language.begin(), by_language.end(),
            [this](uint32_t a, uint32_t b) { return languages_[a] < languages_[b]; });
  for (uint32_t l : by_language) {
    if (s.ok()) s = merge(text_keys::Language(languages_[l]), per_language[l]);
  }
  if (s.ok()) s = merge(text_keys::TotalLength(), total_length);
  if (s.ok()) s = merge(text_keys::DocCount(), static_cast<int64_t>(docs.size()));
  return FromRocks(s, "text index: statistics");
}

Status TextIndexBuilder::WriteTo(const Store& store, rocksdb::WriteBatchBase* batch) {
  class BatchSink : public Sink {
   public:
    explicit BatchSink(rocksdb::WriteBatchBase* batch) : batch_(batch) {}
    rocksdb::Status Put(rocksdb::ColumnFamilyHandle* cf, const rocksdb::Slice& key,
                        const rocksdb::Slice& value) override {
      return batch_->Put(cf, key, value);
    }
    rocksdb::Status Merge(rocksdb::ColumnFamilyHandle* cf, const rocksdb::Slice& key,
                          const rocksdb::Slice& value) override {
      return batch_->Merge(cf, key, value);
    }

   private:
    rocksdb::WriteBatchBase* batch_;
  };
  if (empty()) return Status::OK();
  BatchSink sink(batch);
  return Emit(store, &sink);
}

Status TextIndexBuilder::WriteFiles(const Store& store, const std::string& dir,
                                    std::vector<rocksdb::IngestExternalFileArg>* args) {
  // One writer per column family, opened on its first entry.
  class FileSink : public Sink {
   public:
    FileSink(const Store& store, std::string dir) : store_(store), dir_(std::move(dir)) {}
    rocksdb::Status Put(rocksdb::ColumnFamilyHandle* cf, const rocksdb::Slice& key,
                        const rocksdb::Slice& value) override {
      auto* w = WriterFor(cf);
      return w == nullptr ? open_status_ : w->Put(key, value);
    }
    rocksdb::Status Merge(rocksdb::ColumnFamilyHandle* cf, const rocksdb::Slice& key,
                          const rocksdb::Slice& value) override {
      auto* w = WriterFor(cf);
      return w == nullptr ? open_status_ : w->Merge(key, value);
    }
    rocksdb::Status Finish(std::vector<rocksdb::IngestExternalFileArg>* args) {
      for (auto& [cf, writer, path] : files_) {
        rocksdb::Status s = writer->Finish();
        if (!s.ok()) return s;
        rocksdb::IngestExternalFileArg arg;
        arg.column_family = cf;
        arg.external_files = {path};
        arg.options.move_files = true;
        arg.options.snapshot_consistency = true;
        args->push_back(std::move(arg));
      }
      return rocksdb::Status::OK();
    }

   private:
    rocksdb::SstFileWriter* WriterFor(rocksdb::ColumnFamilyHandle* cf) {
      if (!files_.empty() && std::get<0>(files_.back()) == cf) {
        return std::get<1>(files_.back()).get();
      }
      rocksdb::Options options = store_.db()->GetOptions(cf);
      options.compression = options.bottommost_compression;
      auto writer = std::make_unique<rocksdb::SstFileWriter>(rocksdb::EnvOptions(), options, cf);
      std::string path = dir_ + "/" + cf->GetName() + ".sst";
      open_status_ = writer->Open(path);
      if (!open_status_.ok()) return nullptr;
      files_.emplace_back(cf, std::move(writer), std::move(path));
      return std::get<1>(files_.back()).get();
    }

    const Store& store_;
    std::string dir_;
    rocksdb::Status open_status_;
    std::vector<std::tuple<rocksdb::ColumnFamilyHandle*, std::unique_ptr<rocksdb::SstFileWriter>,
                           std::string>>
        files_;
  };
  if (empty()) return Status::OK();
  FileSink sink(store, dir);
  SEXTANT_RETURN_IF_ERROR(Emit(store, &sink));
  return FromRocks(sink.Finish(args), "text index: finishing files");
}

}  // namespace sextant::storage
