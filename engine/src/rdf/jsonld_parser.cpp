#include "rdf/jsonld_parser.h"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/value_stack.hpp>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

#include "rdf/jsonld_context.h"
#include "rdf/jsonld_expand.h"
#include "rdf/jsonld_to_rdf.h"
#include "rdf/parse_sink.h"

namespace sextant::rdf {

namespace {

namespace json = boost::json;
using jsonld::ContextPtr;

constexpr size_t kJsonLdBlock = 1u << 16;
// Deeper JSON than this is refused: expansion recurses once per level.
constexpr size_t kJsonLdMaxDepth = 512;

// Line and column of byte offsets, advanced monotonically over the text as it streams by.
class TextCursor {
 public:
  // Moves to `target` (a global offset in [offset(), end of `chunk`)); `chunk` starts at
  // global offset `chunk_start`.
  void Advance(const char* chunk, uint64_t chunk_start, uint64_t target) {
    if (target <= offset_) return;
    const char* p = chunk + (offset_ - chunk_start);
    const char* end = chunk + (target - chunk_start);
    while (p < end) {
      const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
      if (nl == nullptr) break;
      ++line_;
      column_ = 1;
      p = static_cast<const char*>(nl) + 1;
    }
    for (; p < end; ++p) {
      if ((static_cast<unsigned char>(*p) & 0xC0) != 0x80) ++column_;
    }
    offset_ = target;
  }
  uint64_t offset() const { return offset_; }
  uint64_t line() const { return line_; }
  uint64_t column() const { return column_; }

 private:
  uint64_t offset_ = 0;
  uint64_t line_ = 1;
  uint64_t column_ = 1;
};

class JsonLdReader;

// Boost.JSON's SAX interface, forwarded to the reader.
struct JsonLdSaxHandler {
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);
  JsonLdReader* reader;

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_object_begin(json::error_code& ec);
  bool on_object_end(std::size_t n, json::error_code& ec);
  bool on_array_begin(json::error_code& ec);
  bool on_array_end(std::size_t n, json::error_code& ec);
  bool on_key_part(json::string_view s, std::size_t n, json::error_code& ec);
  bool on_key(json::string_view s, std::size_t n, json::error_code& ec);
  bool on_string_part(json::string_view s, std::size_t n, json::error_code& ec);
  bool on_string(json::string_view s, std::size_t n, json::error_code& ec);
  bool on_number_part(json::string_view s, json::error_code&);
  bool on_int64(std::int64_t i, json::string_view s, json::error_code& ec);
  bool on_uint64(std::uint64_t u, json::string_view s, json::error_code& ec);
  bool on_double(double d, json::string_view s, json::error_code& ec);
  bool on_bool(bool b, json::error_code& ec);
  bool on_null(json::error_code& ec);
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }
};

class JsonLdReader {
 public:
  JsonLdReader(ByteInput& input, const ParseOptions& options, const QuadHandler& on_quad,
               const DiagnosticHandler& on_error)
      : input_(input),
        options_(options),
        sink_(options, input, on_quad, on_error),
        emitter_(to_rdf_options_, options.blank_prefix,
                 [this](const QuadView& q) { return sink_.Emit(q); }) {}

  Result<ParseStats> Run();

  // --- SAX events (true: go on) ---
  bool BeginContainer(bool object);
  bool EndContainer(bool object, std::size_t n);
  bool Key(json::string_view s, bool complete);
  bool String(json::string_view s, bool complete);
  template <typename Push>
  bool Scalar(json::string_view text, bool complete, Push push);
  json::value_stack& stack() { return stack_; }
  std::string& number_text() { return number_text_; }

 private:
  enum class Mode { kStart, kTopArray, kTopObject, kTopScalar };

  void NoteToken(json::string_view s);
  // Starts building a value at the current depth (the container or scalar about to come).
  void StartValue();
  // A value that was being built is complete.
  bool ValueDone();
  bool HandleItem(json::value item, bool graph_item);
  bool HandleTopEntry(const std::string& key, json::value value);
  bool FlushHeld();
  bool ProcessWhole();
  // Runs `work` (expansion and conversion), turning JSON-LD errors into diagnostics at the
  // item's position; false when parsing must stop.
  template <typename Work>
  bool Guard(uint64_t line, uint64_t column, Work work);
  bool StopWith(Status status) {
    status_ = std::move(status);
    return false;
  }

  ByteInput& input_;
  const ParseOptions& options_;
  ParseSink sink_;
  jsonld::ToRdfOptions to_rdf_options_;
  jsonld::RdfEmitter emitter_;
  jsonld::DocumentLoader loader_;
  jsonld::ProcessorOptions processor_;
  ContextPtr initial_;
  ContextPtr graph_context_;  // the top-level object's context, once known
  Status status_;

  Mode mode_ = Mode::kStart;
  size_t depth_ = 0;
  // Building a value: the depth its container opened at (build_depth_ + 1 inside it).
  bool building_ = false;
  size_t build_depth_ = 0;
  json::value_stack stack_;
  std::string number_text_;  // a number split across input blocks
  json::storage_ptr storage_;
  uint64_t tokens_ = 0;
  // The top-level object: its entries other than @graph, whether @graph is being streamed,
  // and items held until the object's other keys are known.
  json::object top_entries_;
  std::string pending_key_;
  bool in_graph_ = false;
  bool saw_graph_ = false;
  bool committed_ = false;  // held items were released as default-graph items
  std::vector<json::value> held_;
  uint64_t held_tokens_ = 0;

  // Positions.
  const char* chunk_ = nullptr;
  size_t chunk_size_ = 0;
  uint64_t chunk_start_ = 0;
  TextCursor cursor_;
  bool item_positioned_ = false;
  uint64_t item_line_ = 1;
  uint64_t item_column_ = 1;
  struct HeldPosition {
    uint64_t line, column;
  };
  std::vector<HeldPosition> held_positions_;
};

void JsonLdReader::NoteToken(json::string_view s) {
  if (item_positioned_ || chunk_ == nullptr) return;
  // Escaped strings come from the parser's own buffer, not the input.
  if (s.data() < chunk_ || s.data() > chunk_ + chunk_size_) return;
  cursor_.Advance(chunk_, chunk_start_, chunk_start_ + static_cast<uint64_t>(s.data() - chunk_));
  item_line_ = cursor_.line();
  // Point at the opening quote of a key or string.
  item_column_ = cursor_.column() > 1 ? cursor_.column() - 1 : 1;
  item_positioned_ = true;
}

void JsonLdReader::StartValue() {
  building_ = true;
  build_depth_ = depth_;
  storage_ = json::make_shared_resource<json::monotonic_resource>();
  stack_.reset(storage_);
  tokens_ = 0;
  item_positioned_ = false;
}

bool JsonLdReader::BeginContainer(bool object) {
  if (building_) {
    ++depth_;
    ++tokens_;
    if (depth_ > kJsonLdMaxDepth) {
      return StopWith(Status::ResourceExhausted("JSON nested more than " +
                                                std::to_string(kJsonLdMaxDepth) + " deep"));
    }
    return true;
  }
  switch (mode_) {
    case Mode::kStart:
      mode_ = object ? Mode::kTopObject : Mode::kTopArray;
      ++depth_;
      return true;
    case Mode::kTopArray:
      StartValue();
      ++depth_;
      return true;
    case Mode::kTopObject:
      if (depth_ == 1 && pending_key_ == "@graph" && !object && !saw_graph_) {
        in_graph_ = saw_graph_ = true;
        ++depth_;
        return true;
      }
      StartValue();
      ++depth_;
      return true;
    case Mode::kTopScalar: return true;
  }
  return true;
}

bool JsonLdReader::EndContainer(bool object, std::size_t n) {
  --depth_;
  if (building_) {
    if (object) {
      stack_.push_object(n);
    } else {
      stack_.push_array(n);
    }
    if (depth_ == build_depth_) return ValueDone();
    return true;
  }
  if (in_graph_ && depth_ == 1) {
    in_graph_ = false;
    pending_key_.clear();
    return true;
  }
  if (depth_ == 0) {
    if (mode_ == Mode::kTopObject) return ProcessWhole();
  }
  return true;
}

bool JsonLdReader::Key(json::string_view s, bool complete) {
  NoteToken(s);
  if (building_) {
    ++tokens_;
    if (complete) {
      stack_.push_key(s);
    } else {
      stack_.push_chars(s);
    }
    return true;
  }
  // A key of the top-level object (its value comes next).
  pending_key_.append(s.data(), s.size());
  return true;
}

bool JsonLdReader::String(json::string_view s, bool complete) {
  return Scalar(s, complete, [&] {
    if (complete) {
      stack_.push_string(s);
    } else {
      stack_.push_chars(s);
    }
  });
}

template <typename Push>
bool JsonLdReader::Scalar(json::string_view text, bool complete, Push push) {
  if (!building_) {
    // A scalar at a structural level: the whole document, an element of the top-level array or
    // of @graph (free-floating, dropped), or the value of a top-level key (built).
    if (mode_ == Mode::kStart) {
      mode_ = Mode::kTopScalar;
      return true;
    }
    if (mode_ != Mode::kTopObject || depth_ != 1) return true;
    StartValue();
  }
  NoteToken(text);
  ++tokens_;
  push();
  if (complete && depth_ == build_depth_) return ValueDone();
  return true;
}

bool JsonLdReader::ValueDone() {
  building_ = false;
  json::value v = stack_.release();
  const bool item = mode_ == Mode::kTopArray || in_graph_;
  if (item) return HandleItem(std::move(v), in_graph_);
  std::string key = std::move(pending_key_);
  pending_key_.clear();
  return HandleTopEntry(key, std::move(v));
}

template <typename Work>
bool JsonLdReader::Guard(uint64_t line, uint64_t column, Work work) {
  try {
    work();
  } catch (const jsonld::JsonLdException& e) {
    std::string message = "JSON-LD: " + e.error.code;
    if (!e.error.detail.empty()) message += " (" + e.error.detail + ")";
    Status st = sink_.Report(line, column, message);
    if (!st.ok()) return StopWith(std::move(st));
  } catch (const std::exception& e) {
    return StopWith(Status::Internal(std::string("JSON-LD processing failed: ") + e.what()));
  }
  if (!emitter_.status().ok()) return StopWith(emitter_.status());
  return true;
}

bool JsonLdReader::HandleItem(json::value item, bool graph_item) {
  const uint64_t line = item_line_;
  const uint64_t column = item_column_;
  if (graph_item && !committed_) {
    held_.push_back(std::move(item));
    held_positions_.push_back({line, column});
    held_tokens_ += tokens_;
    if (held_tokens_ <= kMaxHeldJsonLdValues) return true;
    // Too much to hold: when the object has only @context so far, the items can go out as
    // the default graph's (and any other key turning up later is refused).
    for (const auto& e : top_entries_) {
      if (e.key() != "@context") {
        return StopWith(
            sink_.Report(line, column,
                         "JSON-LD document too large to hold: a top-level object with keys besides "
                         "@context and @graph is converted whole, and this one has more than " +
                             std::to_string(kMaxHeldJsonLdValues) + " values in @graph"));
      }
    }
    committed_ = true;
    return FlushHeld();
  }
  return Guard(line, column, [&] {
    const ContextPtr& ctx = graph_item ? graph_context_ : initial_;
    const std::optional<std::string> property =
        graph_item ? std::optional<std::string>("@graph") : std::nullopt;
    json::value expanded = jsonld::Expand(ctx, property, item, options_.base_iri);
    json::array items;
    if (expanded.is_array()) {
      items = std::move(expanded.as_array());
    } else if (!expanded.is_null()) {
      items.push_back(std::move(expanded));
    }
    emitter_.EmitAll(items);
  });
}

bool JsonLdReader::FlushHeld() {
  if (!graph_context_) {
    bool ok = Guard(held_positions_.empty() ? 1 : held_positions_[0].line,
                    held_positions_.empty() ? 1 : held_positions_[0].column, [&] {
                      const json::value* c = top_entries_.if_contains("@context");
                      graph_context_ =
                          c ? jsonld::ProcessContext(initial_, *c, options_.base_iri) : initial_;
                    });
    if (!ok || !graph_context_) return false;
  }
  std::vector<json::value> held = std::move(held_);
  std::vector<HeldPosition> positions = std::move(held_positions_);
  held_.clear();
  held_positions_.clear();
  for (size_t i = 0; i < held.size(); ++i) {
    item_line_ = positions[i].line;
    item_column_ = positions[i].column;
    if (!HandleItem(std::move(held[i]), true)) return false;
  }
  return true;
}

bool JsonLdReader::HandleTopEntry(const std::string& key, json::value value) {
  if (committed_) {
    return StopWith(sink_.Report(
        item_line_, item_column_,
        "JSON-LD document too large to hold: key '" + key +
            "' comes after a large @graph; put @context (and any other key) before @graph"));
  }
  top_entries_[key] = std::move(value);
  return true;
}

bool JsonLdReader::ProcessWhole() {
  if (committed_) return FlushHeld();
  const uint64_t line = held_positions_.empty() ? 1 : held_positions_[0].line;
  const uint64_t column = held_positions_.empty() ? 1 : held_positions_[0].column;
  json::object doc = std::move(top_entries_);
  if (saw_graph_) {
    json::array graph;
    for (auto& h : held_) graph.push_back(std::move(h));
    held_.clear();
    doc["@graph"] = std::move(graph);
  }
  return Guard(line, column, [&] {
    const json::array expanded = jsonld::ExpandDocument(initial_, doc, options_.base_iri);
    emitter_.EmitAll(expanded);
  });
}

Result<ParseStats> JsonLdReader::Run() {
  for (const auto& [prefix, path] : options_.jsonld.contexts.map) loader_.Map(prefix, path);
  loader_.SetCacheFolder(options_.jsonld.contexts.cache_folder);
  loader_.AllowFiles(options_.jsonld.contexts.allow_files);
  processor_.loader = &loader_;
  processor_.json_ld_10 = options_.jsonld.json_ld_10;
  to_rdf_options_.rdf_direction = options_.jsonld.rdf_direction;
  to_rdf_options_.keep_direction = options_.jsonld.keep_direction;
  initial_ = jsonld::InitialContext(options_.base_iri, &processor_);
  if (!options_.jsonld.expand_context.empty()) {
    const bool ok = Guard(1, 1, [&] {
      json::value ctx = json::string(options_.jsonld.expand_context);
      Result<json::value> doc = loader_.Load(options_.jsonld.expand_context);
      if (doc.ok() && doc->is_object() && doc->as_object().contains("@context")) {
        ctx = doc->as_object().at("@context");
      }
      initial_ = jsonld::ProcessContext(initial_, ctx, options_.jsonld.expand_context);
    });
    if (!ok) return status_;
  }
  json::parse_options po;
  po.max_depth = kJsonLdMaxDepth;
  json::basic_parser<JsonLdSaxHandler> parser(po, JsonLdSaxHandler{this});
  std::unique_ptr<char[]> buf(new char[kJsonLdBlock]);
  bool first = true;
  uint64_t skipped = 0;  // a byte order mark: not part of the text, not counted in columns
  for (;;) {
    size_t n = input_.Read(buf.get(), kJsonLdBlock);
    SEXTANT_RETURN_IF_ERROR(input_.error());
    const char* data = buf.get();
    if (first) {
      first = false;
      if (n >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        n -= 3;
        skipped = 3;
      }
    }
    chunk_ = data;
    chunk_size_ = n;
    json::error_code ec;
    const size_t used = parser.write_some(n != 0, data, n, ec);
    if (!status_.ok()) return status_;
    if (ec) {
      cursor_.Advance(data, chunk_start_, chunk_start_ + used);
      const std::string message =
          n == 0 ? "JSON: unexpected end of input" : "JSON: " + ec.message();
      SEXTANT_RETURN_IF_ERROR(sink_.Report(cursor_.line(), cursor_.column(), message));
      break;
    }
    cursor_.Advance(data, chunk_start_, chunk_start_ + n);
    chunk_start_ += n;
    sink_.set_bytes(chunk_start_ + skipped);
    if (n == 0) break;
  }
  chunk_ = nullptr;
  return sink_.Finish();
}

bool JsonLdSaxHandler::on_object_begin(json::error_code&) {
  return reader->BeginContainer(true);
}
bool JsonLdSaxHandler::on_object_end(std::size_t n, json::error_code&) {
  return reader->EndContainer(true, n);
}
bool JsonLdSaxHandler::on_array_begin(json::error_code&) {
  return reader->BeginContainer(false);
}
bool JsonLdSaxHandler::on_array_end(std::size_t n, json::error_code&) {
  return reader->EndContainer(false, n);
}
bool JsonLdSaxHandler::on_key_part(json::string_view s, std::size_t, json::error_code&) {
  return reader->Key(s, false);
}
bool JsonLdSaxHandler::on_key(json::string_view s, std::size_t, json::error_code&) {
  return reader->Key(s, true);
}
bool JsonLdSaxHandler::on_string_part(json::string_view s, std::size_t, json::error_code&) {
  return reader->String(s, false);
}
bool JsonLdSaxHandler::on_string(json::string_view s, std::size_t, json::error_code&) {
  return reader->String(s, true);
}
bool JsonLdSaxHandler::on_number_part(json::string_view s, json::error_code&) {
  reader->number_text().append(s.data(), s.size());
  return true;
}
bool JsonLdSaxHandler::on_int64(std::int64_t i, json::string_view s, json::error_code&) {
  reader->number_text().clear();
  return reader->Scalar(s, true, [&] { reader->stack().push_int64(i); });
}
bool JsonLdSaxHandler::on_uint64(std::uint64_t u, json::string_view s, json::error_code&) {
  reader->number_text().clear();
  return reader->Scalar(s, true, [&] { reader->stack().push_uint64(u); });
}
bool JsonLdSaxHandler::on_double(double, json::string_view s, json::error_code&) {
  // Boost.JSON 1.81 may round a long mantissa wrongly; strtod reads it exactly.
  std::string& text = reader->number_text();
  text.append(s.data(), s.size());
  const double d = std::strtod(text.c_str(), nullptr);
  text.clear();
  return reader->Scalar(s, true, [&] { reader->stack().push_double(d); });
}
bool JsonLdSaxHandler::on_bool(bool b, json::error_code&) {
  return reader->Scalar({}, true, [&] { reader->stack().push_bool(b); });
}
bool JsonLdSaxHandler::on_null(json::error_code&) {
  return reader->Scalar({}, true, [&] { reader->stack().push_null(); });
}

}  // namespace

Result<ParseStats> ParseJsonLd(ByteInput& input, const ParseOptions& options,
                               const QuadHandler& on_quad, const DiagnosticHandler& on_error) {
  JsonLdReader reader(input, options, on_quad, on_error);
  return reader.Run();
}

}  // namespace sextant::rdf
