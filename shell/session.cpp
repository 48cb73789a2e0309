#include "session.h"

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <sstream>

#include "cli_common.h"
#include "sextant/error_format.h"
#include "sextant/rdf_writer.h"
#include "sextant/result_writer.h"
#include "statement_buffer.h"

namespace sextant::shell {

std::atomic<bool> g_interrupted{false};

namespace {

void OnSigint(int /*sig*/) {
  g_interrupted.store(true);
}

constexpr const char* kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
constexpr const char* kOwl = "http://www.w3.org/2002/07/owl#";

// A streambuf that drops everything up to and including the first newline: csv/tsv without
// their header line.
class SkipFirstLine : public std::streambuf {
 public:
  explicit SkipFirstLine(std::ostream& target) : target_(target) {}

 protected:
  int overflow(int ch) override {
    if (ch == traits_type::eof()) return 0;
    if (skipping_) {
      if (ch == '\n') skipping_ = false;
      return ch;
    }
    target_.put(static_cast<char>(ch));
    return ch;
  }

 private:
  std::ostream& target_;
  bool skipping_ = true;
};

// True when the first keyword after the prologue (PREFIX/BASE declarations, comments) starts a
// SPARQL Update operation.
bool IsUpdateText(const std::string& text) {
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      ++i;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '<') {
      // The IRI of a PREFIX or BASE declaration.
      while (i < text.size() && text[i] != '>') ++i;
      ++i;
    } else {
      size_t j = i;
      while (j < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[j])) != 0 || text[j] == '_' ||
              text[j] == '-' || text[j] == ':' || text[j] == '.')) {
        ++j;
      }
      if (j == i) return false;
      std::string word = text.substr(i, j - i);
      for (char& ch : word) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      if (word == "PREFIX" || word == "BASE" || word.back() == ':') {
        i = j;
        continue;
      }
      static const char* kUpdate[] = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE",
                                      "ADD",    "MOVE",   "COPY", "WITH",  "RULE"};
      for (const char* k : kUpdate) {
        if (word == k) return true;
      }
      return false;
    }
  }
  return false;
}

std::string RowsFooter(uint64_t total, uint64_t shown) {
  std::string s = RowCountLine(total);
  if (shown < total) s += " (" + cli::WithThousands(shown) + " shown; .maxrows 0 shows all)";
  return s;
}

}  // namespace

void InstallSigintHandler(bool restart) {
  struct sigaction sa {};
  sa.sa_handler = OnSigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = restart ? SA_RESTART : 0;
  sigaction(SIGINT, &sa, nullptr);
}

Session::Session(bool interactive, Settings settings)
    : interactive_(interactive), settings_(settings) {}

Session::~Session() {
  output_.reset();
  db_.reset();
  if (!temp_dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(temp_dir_, ec);
  }
}

Status Session::Open(const std::string& path) {
  std::string target = path;
  std::string new_temp;
  if (target.empty()) {
    std::error_code ec;
    const auto base = std::filesystem::temp_directory_path(ec);
    if (ec) return Status::IOError("no temporary directory: " + ec.message());
    std::random_device rd;
    for (int attempt = 0; attempt < 100 && new_temp.empty(); ++attempt) {
      auto candidate =
          base / ("sextant-" + std::to_string(getpid()) + "-" + std::to_string(rd() % 1000000));
      if (std::filesystem::create_directory(candidate, ec)) new_temp = candidate.string();
    }
    if (new_temp.empty()) return Status::IOError("cannot create a temporary store directory");
    target = (std::filesystem::path(new_temp) / "store").string();
  }
  Options options = cli::StoreOptions();
  options.create_if_missing = true;
  auto db = Database::Open(target, options);
  bool read_only = false;
  if (!db.ok() && db.status().code() == StatusCode::kLocked) {
    options.read_only = true;
    options.create_if_missing = false;
    db = Database::Open(target, options);
    read_only = db.ok();
  }
  if (!db.ok()) {
    if (!new_temp.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(new_temp, ec);
    }
    return db.status();
  }
  // Close the old store only once the new one is open, so a failed .open keeps the session.
  db_ = std::move(db).value();
  if (!temp_dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(temp_dir_, ec);
  }
  temp_dir_ = new_temp;
  path_ = target;
  read_only_ = read_only;
  if (read_only) {
    std::cerr << "Note: " << target
              << " is open for writing by another process; opened read-only.\n";
  }
  InvalidateCaches();
  return Status::OK();
}

std::string Session::Banner() const {
  std::ostringstream s;
  s << "Sextant " << SEXTANT_VERSION << "\n";
  if (is_temporary()) {
    s << "Connected to a temporary store in " << temp_dir_ << " (deleted at exit).\n"
      << "Use \".open DB\" to open a persistent store.\n";
  } else if (db_ != nullptr) {
    auto stats = db_->GetSnapshot()->Stats();
    s << "Store " << path_;
    if (stats.ok()) {
      s << ": " << cli::WithThousands(stats->quads) << " quads in " << stats->graphs.size()
        << " graph" << (stats->graphs.size() == 1 ? "" : "s") << ", " << stats->predicates.size()
        << " predicate" << (stats->predicates.size() == 1 ? "" : "s");
    }
    s << (read_only_ ? " (read-only)" : "") << ".\n";
  }
  s << "Enter \".help\" for usage hints; statements end with ';'.\n";
  return s.str();
}

PrefixList Session::AllPrefixes() const {
  PrefixList all = {{"rdf", std::string(vocab::kRdf)},
                    {"rdfs", kRdfs},
                    {"xsd", std::string(vocab::kXsd)},
                    {"owl", kOwl},
                    {"", QueryOptions{}.store_namespace}};
  for (const auto& p : prefixes_) {
    bool replaced = false;
    for (auto& a : all) {
      if (a.first == p.first) {
        a.second = p.second;
        replaced = true;
      }
    }
    if (!replaced) all.push_back(p);
  }
  return all;
}

QueryOptions Session::MakeQueryOptions() const {
  QueryOptions o;
  for (const auto& p : prefixes_) {
    if (p.first.empty()) {
      o.store_namespace = p.second;
    } else {
      o.prefixes.push_back(p);
    }
  }
  o.timeout = settings_.timeout;
  o.max_intermediate_rows = settings_.row_budget;
  o.include_derived = settings_.include_derived;
  o.default_graph = settings_.default_graph;
  o.interrupt = &g_interrupted;
  return o;
}

std::ostream& Session::out() {
  return output_ ? static_cast<std::ostream&>(*output_) : std::cout;
}

void Session::EndStatement() {
  out().flush();
  if (once_pending_) {
    once_pending_ = false;
    once_ = true;
  } else if (once_) {
    output_.reset();
    once_ = false;
  }
}

void Session::InvalidateCaches() {
  predicate_cache_.reset();
  class_cache_.reset();
}

int Session::Error(const Status& status) {
  out().flush();
  const bool red = settings_.color && isatty(STDERR_FILENO) != 0;
  std::cerr << (red ? "\033[31mError:\033[0m " : "Error: ") << status.ToString() << "\n";
  return cli::ExitCodeFor(status);
}

int Session::QueryError(const Status& status, const std::string& text) {
  if (status.code() == StatusCode::kSyntaxError) {
    out().flush();
    std::cerr << FormatSyntaxError(text, status) << "\n";
    return cli::kExitError;
  }
  return Error(status);
}

int Session::Execute(const std::string& statement) {
  size_t i = 0;
  while (i < statement.size() && std::isspace(static_cast<unsigned char>(statement[i])) != 0) ++i;
  int rc;
  if (i < statement.size() && statement[i] == '.') {
    rc = RunDot(statement.substr(i));
  } else if (IsBlankSparql(statement)) {
    rc = cli::kExitOk;
  } else {
    // Blank lines left over from the previous statement's line would shift the line numbers of
    // syntax errors; columns stay right because only whole lines go.
    const size_t code = statement.find_first_not_of(" \t\r\n");
    const size_t line_start = statement.rfind('\n', code);
    rc = RunSparql(line_start == std::string::npos ? statement : statement.substr(line_start + 1),
                   false, false);
  }
  EndStatement();
  return rc;
}

int Session::RunScript(std::istream& in) {
  StatementBuffer buffer;
  int first_error = 0;
  std::string line;
  auto run = [&](const std::string& stmt) -> int {
    if (g_interrupted.load() && !interactive_) return cli::kExitInterrupted;
    const int rc = Execute(stmt);
    if (rc != 0 && first_error == 0) first_error = rc;
    if (rc == cli::kExitInterrupted && !interactive_) return rc;
    return (rc != 0 && !settings_.keep_going) ? rc : 0;
  };
  while (!quit_ && std::getline(in, line)) {
    if (!buffer.pending() && !line.empty() && line[0] == '.') {
      buffer.Clear();
      if (const int rc = run(line); rc != 0) return rc;
      continue;
    }
    for (const auto& stmt : buffer.AddLine(line)) {
      if (const int rc = run(stmt); rc != 0) return rc;
      if (quit_) break;
    }
  }
  if (!quit_ && buffer.pending()) {
    // A script's last statement may omit its ';'.
    if (const int rc = run(buffer.TakeRest()); rc != 0) return rc;
  }
  if (g_interrupted.load() && !interactive_) return cli::kExitInterrupted;
  return first_error;
}

int Session::PrintTable(const std::vector<std::string>& columns,
                        const std::vector<std::vector<std::optional<Term>>>& rows, uint64_t total) {
  if (IsTextMode(settings_.mode)) {
    const uint64_t shown =
        settings_.max_rows == 0 ? rows.size() : std::min<uint64_t>(rows.size(), settings_.max_rows);
    const TextTable t = MakeTextTable(columns, rows, AllPrefixes(), shown);
    const TableStyle style{FrameOf(settings_.mode), settings_.headers, settings_.max_width,
                           settings_.color && !output_};
    RenderTable(t, style, out());
    if (settings_.mode == OutputMode::kBox || settings_.mode == OutputMode::kTable) {
      out() << RowsFooter(std::max<uint64_t>(total, rows.size()), shown) << "\n";
    }
    return 0;
  }
  ResultFormat format = settings_.mode == OutputMode::kCsv    ? ResultFormat::kCsv
                        : settings_.mode == OutputMode::kJson ? ResultFormat::kJson
                                                              : ResultFormat::kTsv;
  SkipFirstLine skip(out());
  std::ostream headerless(&skip);
  const bool drop_header = !settings_.headers && format != ResultFormat::kJson;
  auto writer = MakeResultWriter(format, drop_header ? headerless : out());
  Status s = writer->Begin(columns);
  for (size_t r = 0; s.ok() && r < rows.size(); ++r) s = writer->Row(rows[r]);
  if (s.ok()) s = writer->End();
  headerless.flush();
  return s.ok() ? 0 : Error(s);
}

int Session::RunUpdate(const std::string& text, std::chrono::steady_clock::time_point start) {
  if (read_only_) {
    return Error(
        Status::Locked("the store is open for writing by another process; opened read-only"));
  }
  auto stats = db_->Update(text, MakeQueryOptions());
  InvalidateCaches();
  if (!stats.ok()) {
    const int rc = QueryError(stats.status(), text);
    if (stats.status().code() != StatusCode::kSyntaxError)
      std::cerr << "The update was not applied.\n";
    return rc;
  }
  // Scripts stay quiet about changes, like sqlite3; people at the prompt want to see them.
  if (interactive_) {
    out() << cli::WithThousands(stats->inserted) << (stats->inserted == 1 ? " quad" : " quads")
          << " inserted, " << cli::WithThousands(stats->deleted) << " deleted\n";
  }
  if (settings_.timer) {
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char buf[64];
    std::snprintf(buf, sizeof buf, "Run Time: %.3f s\n", secs);
    out() << buf;
  }
  return 0;
}

int Session::RunSparql(const std::string& text, bool explain, bool analyze) {
  if (db_ == nullptr) return Error(Status::InvalidArgument("no store is open (use .open DB)"));
  g_interrupted.store(false);
  const auto start = std::chrono::steady_clock::now();
  if (!explain && IsUpdateText(text)) return RunUpdate(text, start);
  auto cursor = db_->Query(text, MakeQueryOptions());
  if (!cursor.ok()) return QueryError(cursor.status(), text);
  QueryCursor& c = **cursor;
  explain = explain || c.explain_requested();
  analyze = analyze || c.analyze_requested();
  std::ostream& o = out();
  Status status;
  int rc = 0;
  if (explain && !analyze) {
    o << c.Explain(false);
  } else if (c.form() == QueryForm::kConstruct || c.form() == QueryForm::kDescribe) {
    // People get Turtle with the session's prefixes; machine modes get N-Triples.
    const bool text_mode = IsTextMode(settings_.mode);
    std::ostringstream sink;
    std::ostream& dest = analyze ? static_cast<std::ostream&>(sink) : o;
    auto writer = MakeQuadWriter(text_mode ? RdfFormat::kTurtle : RdfFormat::kNTriples, dest,
                                 text_mode ? AllPrefixes() : PrefixList{});
    while (status.ok() && c.Next()) status = writer->Write(c.triple());
    if (status.ok()) status = c.status();
    if (status.ok()) status = writer->Finish();
  } else if (c.form() == QueryForm::kAsk) {
    const bool b = c.boolean();
    status = c.status();
    if (status.ok() && !analyze) {
      if (IsTextMode(settings_.mode)) {
        o << (b ? "true" : "false") << "\n";
      } else {
        const auto format = settings_.mode == OutputMode::kCsv    ? ResultFormat::kCsv
                            : settings_.mode == OutputMode::kJson ? ResultFormat::kJson
                                                                  : ResultFormat::kTsv;
        status = MakeResultWriter(format, o)->Boolean(b);
      }
    }
  } else if (IsTextMode(settings_.mode) || analyze) {
    // Text modes need every shown row for the column widths; rows past .maxrows are counted, not
    // kept, so a large result costs no memory.
    std::vector<std::vector<std::optional<Term>>> rows;
    uint64_t total = 0;
    const uint64_t keep = analyze ? 0 : (settings_.max_rows == 0 ? UINT64_MAX : settings_.max_rows);
    while (c.Next()) {
      if (total < keep) rows.push_back(c.row());
      ++total;
    }
    status = c.status();
    if (status.ok() && !analyze) {
      PrintTable(c.variables(), rows, total);
    }
  } else {
    const auto format = settings_.mode == OutputMode::kCsv    ? ResultFormat::kCsv
                        : settings_.mode == OutputMode::kJson ? ResultFormat::kJson
                                                              : ResultFormat::kTsv;
    SkipFirstLine skip(o);
    std::ostream headerless(&skip);
    const bool drop_header = !settings_.headers && format != ResultFormat::kJson;
    auto writer = MakeResultWriter(format, drop_header ? headerless : o);
    status = WriteResults(c, *writer);
    headerless.flush();
  }
  if (status.ok() && analyze) o << c.Explain(true);
  if (!status.ok()) {
    if (status.code() == StatusCode::kInterrupted) {
      o.flush();
      std::cerr << "Interrupted.\n";
      rc = cli::kExitInterrupted;
    } else {
      rc = QueryError(status, text);
    }
  }
  if (settings_.timer) {
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char buf[64];
    std::snprintf(buf, sizeof buf, "Run Time: %.3f s\n", secs);
    o << buf;
  }
  return rc;
}

}  // namespace sextant::shell

namespace sextant::shell {

const std::vector<std::string>& Session::PredicateIris() {
  if (!predicate_cache_) {
    predicate_cache_.emplace();
    if (db_ != nullptr) {
      auto stats = db_->GetSnapshot()->Stats();
      if (stats.ok()) {
        for (const auto& p : stats->predicates) predicate_cache_->push_back(p.predicate.value());
      }
    }
  }
  return *predicate_cache_;
}

const std::vector<std::string>& Session::ClassIris() {
  if (!class_cache_) {
    class_cache_.emplace();
    if (db_ != nullptr) {
      QueryOptions o;
      // Completion must never hang the prompt on a huge store.
      o.timeout = std::chrono::milliseconds(2000);
      auto cursor = db_->Query("SELECT DISTINCT ?c WHERE { ?x a ?c } LIMIT 5000", o);
      if (cursor.ok()) {
        while ((*cursor)->Next()) {
          const auto& v = (*cursor)->row()[0];
          if (v && v->is_iri()) class_cache_->push_back(v->value());
        }
      }
    }
  }
  return *class_cache_;
}

}  // namespace sextant::shell
