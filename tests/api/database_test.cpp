#include "sextant/database.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "testutil/test_util.h"

namespace sextant {
namespace {

using sextant::testing::TempDir;

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.Sub("db"));
    ASSERT_OK(db);
    db_ = std::move(*db);
  }
  std::set<std::string> AllQuads(Database& db) {
    std::set<std::string> out;
    for (auto it = db.Match({}); it->Valid(); it->Next()) out.insert(it->quad().ToNQuads());
    return out;
  }
  TempDir dir_;
  std::unique_ptr<Database> db_;
};

constexpr const char* kTrig = R"(
@prefix : <http://sextant.local/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
:Russia :memberOf :CSTO .
<http://sextant.local/source/article> {
  :RussianContingent :sentBy :Russia ; :soldiers 3000 ; :note "sent in \"January\""@en .
  :Price :from "0.10"^^xsd:decimal ; :to 0.24 ; :count "01"^^xsd:integer .
  _:b1 :label "anonymous" .
}
)";

TEST_F(DatabaseTest, LoadMatchCountGraphs) {
  LoadOptions options;
  options.format = RdfFormat::kTriG;
  ASSERT_OK_AND_ASSIGN(LoadStats stats, db_->LoadString(kTrig, options));
  EXPECT_EQ(stats.statements_read, 8u);
  EXPECT_EQ(stats.quads_inserted, 8u);

  const Term member = Term::Iri("http://sextant.local/memberOf");
  ASSERT_OK_AND_ASSIGN(uint64_t n, db_->Count({std::nullopt, member, std::nullopt, std::nullopt}));
  EXPECT_EQ(n, 1u);
  auto it = db_->Match({std::nullopt, std::nullopt,
                        Term::TypedLiteral("3000", std::string(vocab::kXsdInteger)), std::nullopt});
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->quad().subject, Term::Iri("http://sextant.local/RussianContingent"));
  EXPECT_EQ(it->quad().graph, Term::Iri("http://sextant.local/source/article"));
  it->Next();
  EXPECT_FALSE(it->Valid());
  EXPECT_OK(it->status());

  // Non-canonical lexical forms come back exactly as loaded.
  auto count = db_->Match(
      {std::nullopt, Term::Iri("http://sextant.local/count"), std::nullopt, std::nullopt});
  ASSERT_TRUE(count->Valid());
  EXPECT_EQ(count->quad().object.value(), "01");
  auto from = db_->Match(
      {std::nullopt, Term::Iri("http://sextant.local/from"), std::nullopt, std::nullopt});
  ASSERT_TRUE(from->Valid());
  EXPECT_EQ(from->quad().object.value(), "0.10");

  // Default graph only vs. any graph.
  ASSERT_OK_AND_ASSIGN(
      n, db_->Count({std::nullopt, std::nullopt, std::nullopt, Term::DefaultGraph()}));
  EXPECT_EQ(n, 1u);
  ASSERT_OK_AND_ASSIGN(auto graphs, db_->GetSnapshot()->Graphs());
  ASSERT_EQ(graphs.size(), 2u);
  EXPECT_EQ(graphs[0].graph, Term::Iri("http://sextant.local/source/article"));
  EXPECT_EQ(graphs[0].quads, 7u);
  EXPECT_TRUE(graphs[1].graph.is_default_graph());
}

TEST_F(DatabaseTest, StrictLoadErrorCommitsNothing) {
  const std::string bad =
      "<http://x/a> <http://x/b> <http://x/c> .\n<http://x/a> <http://x/b> <http://x/d> "
      ".\n<http://x/a> <http://x/b> \"unterminated .\n";
  LoadOptions options;
  options.format = RdfFormat::kNTriples;
  auto r = db_->LoadString(bad, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kSyntaxError);
  EXPECT_EQ(r.status().line(), 3u);
  EXPECT_TRUE(AllQuads(*db_).empty());

  options.lenient = true;
  ASSERT_OK_AND_ASSIGN(LoadStats stats, db_->LoadString(bad, options));
  EXPECT_EQ(stats.quads_inserted, 2u);
  EXPECT_EQ(stats.statements_skipped, 1u);
  ASSERT_EQ(stats.diagnostics.size(), 1u);
  EXPECT_EQ(stats.diagnostics[0].line, 3u);
}

TEST_F(DatabaseTest, MissingFileNamesTheFile) {
  auto r = db_->LoadFile(dir_.Sub("nope.ttl"), {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().ToString().find("nope.ttl"), std::string::npos) << r.status().ToString();
  auto unknown = db_->LoadFile(dir_.Sub("data.xyz"), {});
  EXPECT_EQ(unknown.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(DatabaseTest, TargetGraphOption) {
  LoadOptions options;
  options.format = RdfFormat::kTurtle;
  options.graph = Term::Iri("http://example.org/g");
  ASSERT_OK(db_->LoadString("<http://x/a> <http://x/b> <http://x/c> .", options));
  auto it = db_->Match({});
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->quad().graph, Term::Iri("http://example.org/g"));
}

TEST_F(DatabaseTest, TransactionsInsertRemoveAndSnapshotIsolation) {
  const Quad q{Term::Iri("http://x/s"), Term::Iri("http://x/p"), Term::Literal("o"),
               Term::DefaultGraph()};
  auto before = db_->GetSnapshot();
  {
    ASSERT_OK_AND_ASSIGN(auto txn, db_->BeginTransaction());
    ASSERT_OK(txn->Insert(q));
    EXPECT_EQ(txn->inserted(), 1u);
    EXPECT_EQ(db_->BeginTransaction().status().code(), StatusCode::kBusy);
    ASSERT_OK(txn->Commit());
  }
  ASSERT_OK_AND_ASSIGN(bool in_old, before->Contains(q));
  EXPECT_FALSE(in_old);  // the old snapshot does not see the commit
  ASSERT_OK_AND_ASSIGN(bool in_new, db_->GetSnapshot()->Contains(q));
  EXPECT_TRUE(in_new);
  {
    ASSERT_OK_AND_ASSIGN(auto txn, db_->BeginTransaction());
    ASSERT_OK(txn->Remove(q));
    // Dropped without commit: rolled back.
  }
  ASSERT_OK_AND_ASSIGN(in_new, db_->GetSnapshot()->Contains(q));
  EXPECT_TRUE(in_new);
  ASSERT_OK_AND_ASSIGN(auto txn, db_->BeginTransaction());
  EXPECT_EQ(txn->Insert({Term::Literal("x"), q.predicate, q.object, {}}).code(),
            StatusCode::kInvalidArgument);
  // The transaction reads its own pending changes; others do not see them.
  const Quad fresh{Term::Iri("http://x/new"), q.predicate, Term::Literal("pending"),
                   Term::DefaultGraph()};
  ASSERT_OK(txn->Insert(fresh));
  ASSERT_OK(txn->Remove(q));
  ASSERT_OK_AND_ASSIGN(bool sees_fresh, txn->Contains(fresh));
  EXPECT_TRUE(sees_fresh);
  ASSERT_OK_AND_ASSIGN(bool sees_removed, txn->Contains(q));
  EXPECT_FALSE(sees_removed);
  std::vector<std::string> in_txn;
  for (auto it = txn->Match({std::nullopt, q.predicate, std::nullopt, std::nullopt}); it->Valid();
       it->Next()) {
    in_txn.push_back(it->quad().ToNQuads());
  }
  EXPECT_EQ(in_txn, std::vector<std::string>{fresh.ToNQuads()});
  ASSERT_OK_AND_ASSIGN(bool outside, db_->GetSnapshot()->Contains(fresh));
  EXPECT_FALSE(outside);
}

TEST_F(DatabaseTest, DumpRoundTripsInEveryFormat) {
  LoadOptions options;
  options.format = RdfFormat::kTriG;
  ASSERT_OK(db_->LoadString(kTrig, options));
  const auto original = AllQuads(*db_);
  for (RdfFormat format : {RdfFormat::kNQuads, RdfFormat::kTriG, RdfFormat::kJsonLd}) {
    std::ostringstream out;
    ASSERT_OK(db_->Dump(out, {format, std::nullopt, {}}));
    TempDir other;
    ASSERT_OK_AND_ASSIGN(auto copy, Database::Open(other.Sub("db")));
    LoadOptions lo;
    lo.format = format;
    ASSERT_OK(copy->LoadString(out.str(), lo));
    auto got = AllQuads(*copy);
    // Blank node labels are renamed per load; compare with blank nodes masked.
    auto mask = [](std::set<std::string> in) {
      std::multiset<std::string> out;
      for (auto s : in) {
        const auto pos = s.find("_:");
        if (pos != std::string::npos) s = s.substr(0, pos) + "_:B" + s.substr(s.find(' ', pos));
        out.insert(s);
      }
      return out;
    };
    EXPECT_EQ(mask(got), mask(original)) << RdfFormatName(format) << "\n" << out.str();
  }
  // One graph, as Turtle.
  std::ostringstream ttl;
  ASSERT_OK(
      db_->Dump(ttl, {RdfFormat::kTurtle, Term::Iri("http://sextant.local/source/article"), {}}));
  TempDir other;
  ASSERT_OK_AND_ASSIGN(auto copy, Database::Open(other.Sub("db")));
  LoadOptions lo;
  lo.format = RdfFormat::kTurtle;
  ASSERT_OK_AND_ASSIGN(LoadStats stats, copy->LoadString(ttl.str(), lo));
  EXPECT_EQ(stats.quads_inserted, 7u);
}

// Language tags compare case-insensitively: one stored form, found whatever the case asked.
TEST_F(DatabaseTest, LanguageTagsMatchWhateverTheirCase) {
  LoadOptions options;
  options.format = RdfFormat::kNTriples;
  ASSERT_OK(db_->LoadString("<http://x/s> <http://x/p> \"abc\"@en .\n", options));
  ASSERT_OK(db_->LoadString("<http://x/s> <http://x/p> \"abc\"@EN .\n", options));
  EXPECT_EQ(AllQuads(*db_).size(), 1u);
  ASSERT_OK_AND_ASSIGN(auto cursor, db_->Query("SELECT ?s WHERE { ?s ?p \"abc\"@EN }"));
  ASSERT_TRUE(cursor->Next());
  EXPECT_EQ(*cursor->row()[0], Term::Iri("http://x/s"));
  EXPECT_FALSE(cursor->Next());
  EXPECT_OK(cursor->status());
}

// RDF 1.2 data read from TriG (annotations, reifiers, nested triple terms, base directions),
// dumped in every Turtle-family format and loaded again: the same quads.
TEST_F(DatabaseTest, Rdf12DumpReloadsInEveryFormat) {
  constexpr const char* kRdf12 = R"(VERSION "1.2"
PREFIX : <http://sextant.local/>
:article {
  :Belarus :exported :Polonez ~ :f097 {| :quote "Полонез"@RU ; :since 2016 |} .
  :f098 :about <<( :f097 :claims <<( :Azerbaijan :bought "صاروخ"@ar--rtl )>> )>> .
}
:Kazakhstan :memberOf :CSTO ~ :f001 .
)";
  LoadOptions options;
  options.format = RdfFormat::kTriG;
  ASSERT_OK_AND_ASSIGN(LoadStats loaded, db_->LoadString(kRdf12, options));
  EXPECT_EQ(loaded.quads_inserted, 7u);
  const auto original = AllQuads(*db_);
  EXPECT_EQ(original.count("<http://sextant.local/f097> <http://sextant.local/quote> "
                           "\"Полонез\"@ru <http://sextant.local/article> ."),
            1u);
  for (RdfFormat format : {RdfFormat::kNQuads, RdfFormat::kTriG}) {
    std::ostringstream out;
    ASSERT_OK(db_->Dump(out, {format, std::nullopt, {}}));
    TempDir other;
    ASSERT_OK_AND_ASSIGN(auto copy, Database::Open(other.Sub("db")));
    LoadOptions lo;
    lo.format = format;
    ASSERT_OK(copy->LoadString(out.str(), lo));
    EXPECT_EQ(AllQuads(*copy), original) << RdfFormatName(format) << "\n" << out.str();
  }
  for (RdfFormat format : {RdfFormat::kNTriples, RdfFormat::kTurtle}) {
    std::ostringstream out;
    ASSERT_OK(db_->Dump(out, {format, Term::Iri("http://sextant.local/article"), {}}));
    TempDir other;
    ASSERT_OK_AND_ASSIGN(auto copy, Database::Open(other.Sub("db")));
    LoadOptions lo;
    lo.format = format;
    ASSERT_OK_AND_ASSIGN(LoadStats stats, copy->LoadString(out.str(), lo));
    EXPECT_EQ(stats.quads_inserted, 5u) << RdfFormatName(format) << "\n" << out.str();
  }
  // JSON-LD 1.1 has no triple terms: the dump says so instead of writing something else.
  std::ostringstream jsonld;
  const Status refused = db_->Dump(jsonld, {RdfFormat::kJsonLd, std::nullopt, {}});
  EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument) << refused.ToString();
}

// A JSON-LD dump writes base directions as @direction and a load reads them back.
TEST_F(DatabaseTest, JsonLdDumpKeepsBaseDirections) {
  LoadOptions options;
  options.format = RdfFormat::kNQuads;
  ASSERT_OK(
      db_->LoadString("<http://x/s> <http://x/p> \"\u0635\"@ar--rtl <http://x/g> .\n"
                      "<http://x/s> <http://x/p> \"a\"@en--ltr .\n",
                      options));
  std::ostringstream out;
  ASSERT_OK(db_->Dump(out, {RdfFormat::kJsonLd, std::nullopt, {}}));
  TempDir other;
  ASSERT_OK_AND_ASSIGN(auto copy, Database::Open(other.Sub("db")));
  LoadOptions lo;
  lo.format = RdfFormat::kJsonLd;
  ASSERT_OK(copy->LoadString(out.str(), lo));
  EXPECT_EQ(AllQuads(*copy), AllQuads(*db_)) << out.str();
}

// RDF 1.2 terms through the C++ API: a triple term as an object (nested, with a directional
// literal inside), found by Match and by a query, written by Dump, checked by Check.
TEST_F(DatabaseTest, TripleTermsAndDirectionsThroughTheApi) {
  const Term said = Term::Triple(Term::Iri("http://x/Belarus"), Term::Iri("http://x/exported"),
                                 Term::Iri("http://x/Polonez"));
  const Term quote = Term::LangLiteral("صاروخ", "ar", Direction::kRtl);
  const Term nested =
      Term::Triple(Term::Blank("src"), Term::Iri("http://x/quotes"),
                   Term::Triple(Term::Iri("http://x/a"), Term::Iri("http://x/b"), quote));
  const Quad reifies{Term::Iri("http://x/f097"), Term::Iri(std::string(vocab::kRdfReifies)), said,
                     Term::Iri("http://x/article")};
  const Quad deep{Term::Iri("http://x/f098"), Term::Iri("http://x/about"), nested, {}};
  {
    ASSERT_OK_AND_ASSIGN(auto txn, db_->BeginTransaction());
    ASSERT_OK(txn->Insert(reifies));
    ASSERT_OK(txn->Insert(deep));
    // RDF 1.2 keeps triple terms out of the subject, predicate and graph positions, and their
    // parts follow the same rules.
    EXPECT_EQ(txn->Insert({said, reifies.predicate, said, {}}).code(),
              StatusCode::kInvalidArgument);
    EXPECT_EQ(txn->Insert({reifies.subject, reifies.predicate, said, said}).code(),
              StatusCode::kInvalidArgument);
    const Term literal_subject =
        Term::Triple(Term::Literal("x"), Term::Iri("http://x/p"), Term::Iri("http://x/o"));
    EXPECT_EQ(txn->Insert({reifies.subject, reifies.predicate, literal_subject, {}}).code(),
              StatusCode::kInvalidArgument);
    Term tower = said;
    for (int i = 0; i < 200; ++i)
      tower = Term::Triple(Term::Iri("http://x/s"), Term::Iri("http://x/p"), tower);
    EXPECT_EQ(txn->Insert({reifies.subject, reifies.predicate, tower, {}}).code(),
              StatusCode::kInvalidArgument);
    ASSERT_OK(txn->Commit());
  }
  auto it = db_->Match({std::nullopt, std::nullopt, said, std::nullopt});
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->quad(), reifies);
  ASSERT_OK_AND_ASSIGN(bool has_deep, db_->GetSnapshot()->Contains(deep));
  EXPECT_TRUE(has_deep);

  ASSERT_OK_AND_ASSIGN(auto cursor, db_->Query("SELECT ?o WHERE { <http://x/f098> ?p ?o }"));
  ASSERT_TRUE(cursor->Next());
  ASSERT_TRUE(cursor->row()[0].has_value());
  EXPECT_EQ(*cursor->row()[0], nested);
  EXPECT_EQ(cursor->row()[0]->object().object(), quote);
  EXPECT_FALSE(cursor->Next());
  EXPECT_OK(cursor->status());

  std::ostringstream nq;
  ASSERT_OK(db_->Dump(nq, {RdfFormat::kNQuads, std::nullopt, {}}));
  EXPECT_NE(nq.str().find("<http://x/f097> <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> "
                          "<<( <http://x/Belarus> <http://x/exported> <http://x/Polonez> )>> "
                          "<http://x/article> ."),
            std::string::npos)
      << nq.str();
  EXPECT_NE(nq.str().find("\"صاروخ\"@ar--rtl )>> )>>"), std::string::npos) << nq.str();
  ASSERT_OK_AND_ASSIGN(CheckReport report, db_->Check());
  EXPECT_TRUE(report.ok()) << (report.problems.empty() ? "" : report.problems.front());
}

// Closing flushes the memtables: otherwise every later open replays the whole write-ahead log
// (a second per 100,000 quads), which each one-shot `sextant query` would pay.
TEST_F(DatabaseTest, CloseLeavesNothingToReplay) {
  ASSERT_OK_AND_ASSIGN(auto txn, db_->BeginTransaction());
  for (int i = 0; i < 20000; ++i) {
    ASSERT_OK(txn->Insert(Quad{Term::Iri("http://sextant.local/s" + std::to_string(i)),
                               Term::Iri("http://sextant.local/p"),
                               Term::Literal("value " + std::to_string(i)), Term::DefaultGraph()}));
  }
  ASSERT_OK(txn->Commit());
  txn.reset();
  db_.reset();
  uintmax_t wal_bytes = 0, sst_bytes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_.Sub("db"))) {
    if (entry.path().extension() == ".log") wal_bytes += entry.file_size();
    if (entry.path().extension() == ".sst") sst_bytes += entry.file_size();
  }
  EXPECT_EQ(wal_bytes, 0u);
  EXPECT_GT(sst_bytes, 0u);
  ASSERT_OK_AND_ASSIGN(auto reopened, Database::Open(dir_.Sub("db")));
  ASSERT_OK_AND_ASSIGN(uint64_t n, reopened->Count({}));
  EXPECT_EQ(n, 20000u);
}

// RocksDB 7 starts a new write-ahead log at each open and keeps the old empty ones; a store
// opened by many read-write sessions that write nothing must not collect them.
TEST_F(DatabaseTest, ReopeningDoesNotCollectLogFiles) {
  db_.reset();
  auto count_logs = [&] {
    int n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir_.Sub("db")))
      n += entry.path().extension() == ".log";
    return n;
  };
  for (int i = 0; i < 10; ++i) {
    ASSERT_OK_AND_ASSIGN(auto db, Database::Open(dir_.Sub("db")));
    ASSERT_OK_AND_ASSIGN(uint64_t n, db->Count({}));
    EXPECT_EQ(n, 0u);
  }
  EXPECT_LE(count_logs(), 2);
}

}  // namespace
}  // namespace sextant
