// End-to-end query tests through the public API, on a real store.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "sextant/database.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

using sextant::testing::TempDir;

constexpr const char* kData = R"(
@prefix : <http://sextant.local/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
:Russia a :Country ; :memberOf :CSTO ; :label "Russia"@en .
:Belarus a :Country ; :memberOf :CSTO ; :label "Belarus"@en .
:Armenia a :Country ; :memberOf :CSTO .
:Kazakhstan a :Country ; :memberOf :CSTO ; :borders :Russia .
:Azerbaijan a :Country .
:Russia :borders :Kazakhstan , :Belarus .
:Belarus :borders :Russia .
:Belarus :exportedArmsTo :Azerbaijan .
:Azerbaijan :atWarWith :Armenia .
<http://sextant.local/source/article> {
  :c1 :sentBy :Russia ; :soldiers 3000 .
  :c2 :sentBy :Belarus ; :soldiers 500 .
  :c3 :sentBy :Armenia ; :soldiers 70 .
}
<http://sextant.local/source/other> { :c1 :sentBy :Russia . }
:a :next :b . :b :next :c . :c :next :a . :c :next :d .
)";

class QueryEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.Sub("db"));
    ASSERT_OK(db);
    db_ = std::move(*db);
    LoadOptions lo;
    lo.format = RdfFormat::kTriG;
    ASSERT_OK(db_->LoadString(kData, lo));
  }
  // Rows as sorted strings "a|b|..." with terms in N-Triples form (unbound: "-").
  std::vector<std::string> Rows(const std::string& q, bool keep_order = false) {
    std::vector<std::string> out;
    auto c = db_->Query(q);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    if (!c.ok()) return out;
    while ((*c)->Next()) {
      std::string r;
      for (const auto& v : (*c)->row())
        r += (r.empty() ? "" : "|") + (v ? v->ToNTriples() : std::string("-"));
      out.push_back(r);
    }
    EXPECT_OK((*c)->status());
    if (!keep_order) std::sort(out.begin(), out.end());
    return out;
  }
  static std::string S(const char* local) {
    return std::string("<http://sextant.local/") + local + ">";
  }
  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(QueryEngineTest, BasicGraphPatternJoin) {
  auto rows =
      Rows("SELECT ?a ?b WHERE { ?a :memberOf :CSTO . ?a :borders ?b . ?b :memberOf :CSTO }");
  EXPECT_EQ(rows, (std::vector<std::string>{
                      S("Belarus") + "|" + S("Russia"), S("Kazakhstan") + "|" + S("Russia"),
                      S("Russia") + "|" + S("Belarus"), S("Russia") + "|" + S("Kazakhstan")}));
}

TEST_F(QueryEngineTest, DefaultGraphIsTheUnionWithoutDuplicates) {
  // :c1 :sentBy :Russia is in two graphs; the default graph has it once.
  EXPECT_EQ(Rows("SELECT ?c WHERE { ?c :sentBy :Russia }"), std::vector<std::string>{S("c1")});
  EXPECT_EQ(Rows("SELECT ?g WHERE { GRAPH ?g { :c1 :sentBy :Russia } }"),
            (std::vector<std::string>{"<http://sextant.local/source/article>",
                                      "<http://sextant.local/source/other>"}));
}

TEST_F(QueryEngineTest, OptionalUnionMinus) {
  EXPECT_EQ(Rows("SELECT ?c ?l WHERE { ?c :memberOf :CSTO OPTIONAL { ?c :label ?l } }"),
            (std::vector<std::string>{S("Armenia") + "|-", S("Belarus") + "|\"Belarus\"@en",
                                      S("Kazakhstan") + "|-", S("Russia") + "|\"Russia\"@en"}));
  EXPECT_EQ(Rows("SELECT ?x WHERE { { ?x :exportedArmsTo ?y } UNION { ?x :atWarWith ?y } }"),
            (std::vector<std::string>{S("Azerbaijan"), S("Belarus")}));
  // CSTO members that sent no troops.
  EXPECT_EQ(Rows("SELECT ?m WHERE { ?m :memberOf :CSTO MINUS { ?c :sentBy ?m } }"),
            std::vector<std::string>{S("Kazakhstan")});
}

TEST_F(QueryEngineTest, RelationalQuestionFromTheBrief) {
  // Which CSTO members armed a country at war with another CSTO member?
  EXPECT_EQ(
      Rows("SELECT ?armer ?enemy ?victim WHERE { ?armer :memberOf :CSTO . ?armer :exportedArmsTo "
           "?enemy . "
           "?enemy :atWarWith ?victim . ?victim :memberOf :CSTO . FILTER(?armer != ?victim) }"),
      std::vector<std::string>{S("Belarus") + "|" + S("Azerbaijan") + "|" + S("Armenia")});
}

TEST_F(QueryEngineTest, PropertyPathsTerminateOnCycles) {
  EXPECT_EQ(Rows("SELECT ?x WHERE { :a :next+ ?x }"),
            (std::vector<std::string>{S("a"), S("b"), S("c"), S("d")}));
  EXPECT_EQ(Rows("SELECT ?x WHERE { ?x :next* :d }"),
            (std::vector<std::string>{S("a"), S("b"), S("c"), S("d")}));
  EXPECT_EQ(Rows("SELECT ?x WHERE { :a :next/:next ?x }"), std::vector<std::string>{S("c")});
  EXPECT_EQ(Rows("SELECT ?x WHERE { :d ^:next ?x }"), std::vector<std::string>{S("c")});
  auto zero = db_->Query("ASK { :a :next? :a }");
  ASSERT_OK(zero);
  EXPECT_TRUE((*zero)->boolean());  // zero-length path
  auto ask = db_->Query("ASK { :d :next* :a }");
  ASSERT_OK(ask);
  EXPECT_FALSE((*ask)->boolean());
}

TEST_F(QueryEngineTest, AggregatesOrderLimit) {
  EXPECT_EQ(
      Rows("SELECT (SUM(?n) AS ?total) (COUNT(?c) AS ?k) WHERE { ?c :soldiers ?n }"),
      std::vector<std::string>{"\"3570\"^^<http://www.w3.org/2001/XMLSchema#integer>|\"3\"^^<http:/"
                               "/www.w3.org/2001/XMLSchema#integer>"});
  EXPECT_EQ(
      Rows("SELECT ?who ?n WHERE { ?c :sentBy ?who ; :soldiers ?n } ORDER BY DESC(?n) LIMIT 2",
           true),
      (std::vector<std::string>{
          S("Russia") + "|\"3000\"^^<http://www.w3.org/2001/XMLSchema#integer>",
          S("Belarus") + "|\"500\"^^<http://www.w3.org/2001/XMLSchema#integer>"}));
  EXPECT_EQ(
      Rows("SELECT ?m (COUNT(?b) AS ?n) WHERE { ?m :borders ?b } GROUP BY ?m HAVING (COUNT(?b) > "
           "1)"),
      std::vector<std::string>{S("Russia") + "|\"2\"^^<http://www.w3.org/2001/XMLSchema#integer>"});
}

TEST_F(QueryEngineTest, BindValuesSubqueryExists) {
  EXPECT_EQ(Rows("SELECT ?c ?d WHERE { VALUES ?c { :Russia :Belarus } ?x :sentBy ?c ; :soldiers ?n "
                 "BIND(?n * 2 AS ?d) }"),
            (std::vector<std::string>{
                S("Belarus") + "|\"1000\"^^<http://www.w3.org/2001/XMLSchema#integer>",
                S("Russia") + "|\"6000\"^^<http://www.w3.org/2001/XMLSchema#integer>"}));
  EXPECT_EQ(Rows("SELECT ?m WHERE { ?m :memberOf :CSTO FILTER NOT EXISTS { ?c :sentBy ?m } }"),
            std::vector<std::string>{S("Kazakhstan")});
  EXPECT_EQ(Rows("SELECT ?m WHERE { { SELECT ?m (COUNT(*) AS ?n) WHERE { ?m :borders ?x } GROUP BY "
                 "?m } FILTER(?n = 1) }"),
            (std::vector<std::string>{S("Belarus"), S("Kazakhstan")}));
}

TEST_F(QueryEngineTest, ConstructAndDescribe) {
  auto c = db_->Query("CONSTRUCT { ?b :neighbourOf ?a } WHERE { ?a :borders ?b }");
  ASSERT_OK(c);
  std::set<std::string> triples;
  while ((*c)->Next()) triples.insert((*c)->triple().ToNQuads());
  EXPECT_EQ(triples.size(), 4u);
  EXPECT_TRUE(triples.count(S("Kazakhstan") + " " + S("neighbourOf") + " " + S("Russia") + " ."));
  auto d = db_->Query("DESCRIBE :Belarus");
  ASSERT_OK(d);
  int n = 0;
  while ((*d)->Next()) {
    EXPECT_EQ((*d)->triple().subject, Term::Iri("http://sextant.local/Belarus"));
    ++n;
  }
  EXPECT_EQ(n, 5);
}

TEST_F(QueryEngineTest, PreparedQueryParameters) {
  auto p = db_->Prepare("SELECT ?b WHERE { ?a :borders ?b }");
  ASSERT_OK(p);
  ASSERT_OK((*p)->Bind("a", Term::Iri("http://sextant.local/Belarus")));
  auto c = (*p)->Execute();
  ASSERT_OK(c);
  ASSERT_TRUE((*c)->Next());
  EXPECT_EQ(*(*c)->row()[0], Term::Iri("http://sextant.local/Russia"));
  EXPECT_FALSE((*c)->Next());
}

TEST_F(QueryEngineTest, PreparedQueryRejectsNamesItDoesNotMention) {
  auto p = db_->Prepare("SELECT ?b WHERE { ?a :borders ?b }");
  ASSERT_OK(p);
  EXPECT_OK((*p)->Bind("?a", Term::Iri("http://sextant.local/Belarus")));
  EXPECT_EQ((*p)->Bind("ab", Term::Iri("http://sextant.local/x")).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ((*p)->Bind("a-b", Term::Iri("http://sextant.local/x")).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ((*p)->Bind("", Term::Iri("http://sextant.local/x")).code(),
            StatusCode::kInvalidArgument);
}

TEST_F(QueryEngineTest, ErrorsAreValues) {
  auto bad = db_->Query("SELECT ?x WHERE { ?x :p }");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kSyntaxError);
  EXPECT_EQ(bad.status().line(), 1u);
  auto unknown = db_->Query("SELECT ?x WHERE { ?x foaf:name ?n }");
  EXPECT_EQ(unknown.status().code(), StatusCode::kSyntaxError);
  auto fn = db_->Query("SELECT ?x WHERE { ?x :p ?y FILTER(<http://example.org/nofn>(?y)) }");
  EXPECT_FALSE(fn.ok());
}

TEST_F(QueryEngineTest, TimeoutAndRowBudgetStopQueries) {
  // A cartesian product far larger than the budget.
  QueryOptions options;
  options.max_intermediate_rows = 100;
  auto c = db_->Query("SELECT * WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f } ORDER BY ?a", options);
  ASSERT_OK(c);
  while ((*c)->Next()) {
  }
  EXPECT_EQ((*c)->status().code(), StatusCode::kResourceExhausted);
  std::atomic<bool> stop{true};
  QueryOptions interrupted;
  interrupted.interrupt = &stop;
  // Planning already counts: a query interrupted before it starts never gets a cursor.
  auto i = db_->Query("SELECT * WHERE { ?a ?p ?b }", interrupted);
  EXPECT_EQ(i.status().code(), StatusCode::kInterrupted);
}

TEST_F(QueryEngineTest, ExplainShowsPlanWithEstimates) {
  auto c = db_->Query("EXPLAIN SELECT ?a WHERE { ?a :memberOf :CSTO . ?a :borders ?b }");
  ASSERT_OK(c);
  EXPECT_TRUE((*c)->explain_requested());
  const std::string plan = (*c)->Explain(false);
  EXPECT_NE(plan.find("IndexJoin"), std::string::npos) << plan;
  EXPECT_NE(plan.find("est."), std::string::npos) << plan;
  auto a = db_->Query("SELECT ?a WHERE { ?a :memberOf :CSTO }");
  ASSERT_OK(a);
  while ((*a)->Next()) {
  }
  EXPECT_NE((*a)->Explain(true).find("actual 4 rows"), std::string::npos) << (*a)->Explain(true);
}

// Many input rows against a pattern cheaper to scan once than to seek per row: the planner
// hashes the scanned pattern; few input rows keep the index join. Both give the same answer.
TEST_F(QueryEngineTest, PlannerHashesAScannedPatternWhenSeeksWouldCostMore) {
  std::string data = "@prefix : <http://sextant.local/> .\n";
  for (int i = 0; i < 2000; ++i)
    data += ":s" + std::to_string(i) + " :p :o" + std::to_string(i) + " .\n";
  for (int i = 0; i < 1000; ++i)
    data += ":s" + std::to_string(i * 2) + " :q :o" + std::to_string(i * 2 + i % 2) + " .\n";
  LoadOptions lo;
  lo.format = RdfFormat::kTurtle;
  ASSERT_OK(db_->LoadString(data, lo));
  const std::string many = "SELECT (COUNT(*) AS ?n) WHERE { ?s :q ?o . ?s :p ?o }";
  auto c = db_->Query(many);
  ASSERT_OK(c);
  EXPECT_NE((*c)->Explain(false).find("HashJoin"), std::string::npos) << (*c)->Explain(false);
  EXPECT_EQ(Rows(many),
            std::vector<std::string>{"\"500\"^^<http://www.w3.org/2001/XMLSchema#integer>"});
  const std::string few = "SELECT ?s WHERE { :s4 :q ?o . ?s :p ?o }";
  auto f = db_->Query(few);
  ASSERT_OK(f);
  EXPECT_EQ((*f)->Explain(false).find("HashJoin"), std::string::npos) << (*f)->Explain(false);
  EXPECT_EQ(Rows(few), std::vector<std::string>{"<http://sextant.local/s4>"});
}

// A pattern whose subject and object are both bound only checks each row, so the planner
// expects most rows to fail it rather than all of them to pass (which made joins after such a
// check plan for far too many rows).
TEST_F(QueryEngineTest, ACheckOnBothEndsShrinksTheEstimate) {
  std::string data = "@prefix : <http://sextant.local/> .\n";
  for (int i = 0; i < 2000; ++i)
    data += ":s" + std::to_string(i) + " :p :o" + std::to_string(i) + " .\n";
  for (int i = 0; i < 1000; ++i)
    data += ":s" + std::to_string(i) + " :q :o" + std::to_string(i + i % 2) + " .\n";
  LoadOptions lo;
  lo.format = RdfFormat::kTurtle;
  ASSERT_OK(db_->LoadString(data, lo));
  const std::string q = "SELECT ?a WHERE { ?a :p ?b . ?a :q ?b }";
  auto c = db_->Query("EXPLAIN " + q);
  ASSERT_OK(c);
  const std::string plan = (*c)->Explain(false);
  // The root of the plan carries the final estimate: 1,000 :q rows, 1% of which pass.
  const size_t at = plan.find("(est. ");
  ASSERT_NE(at, std::string::npos) << plan;
  const double estimate = std::stod(plan.substr(at + 6));
  EXPECT_LT(estimate, 100) << plan;
  EXPECT_GE(estimate, 1) << plan;
  EXPECT_EQ(Rows("SELECT (COUNT(*) AS ?n) WHERE { ?a :p ?b . ?a :q ?b }"),
            std::vector<std::string>{"\"500\"^^<http://www.w3.org/2001/XMLSchema#integer>"});
}

// Class sizes the planner counted are shared between queries until the store changes: a
// transaction and a bulk load (which RocksDB may ingest without a new sequence number) must
// both show in the next query's estimate.
TEST(PlannerEstimates, SharedCountsFollowEveryKindOfWrite) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto db, Database::Open(dir.Sub("db")));
  auto estimate = [&]() -> double {
    auto c = db->Query("EXPLAIN SELECT ?x WHERE { ?x :p :o }");
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    if (!c.ok()) return -1;
    const std::string plan = (*c)->Explain(false);
    const size_t at = plan.find("(est. ");
    EXPECT_NE(at, std::string::npos) << plan;
    return at == std::string::npos ? -1 : std::stod(plan.substr(at + 6));
  };
  auto triples = [](int from, int to) {
    std::string t;
    for (int i = from; i < to; ++i)
      t += "<http://sextant.local/x" + std::to_string(i) +
           "> <http://sextant.local/p> <http://sextant.local/o> .\n";
    return t;
  };
  LoadOptions lo;
  lo.format = RdfFormat::kNTriples;
  ASSERT_OK(db->LoadString(triples(0, 10), lo));
  EXPECT_EQ(estimate(), 10);
  EXPECT_EQ(estimate(), 10);  // from the shared cache now
  ASSERT_OK_AND_ASSIGN(auto txn, db->BeginTransaction());
  ASSERT_OK(
      txn->Insert(Quad{Term::Iri("http://sextant.local/x10"), Term::Iri("http://sextant.local/p"),
                       Term::Iri("http://sextant.local/o"), Term::DefaultGraph()}));
  ASSERT_OK(txn->Commit());
  EXPECT_EQ(estimate(), 11);
  lo.bulk_memory_bytes = 64 << 10;  // many small runs: the SST ingest path
  ASSERT_OK(db->LoadString(triples(11, 5000), lo));
  EXPECT_GT(estimate(), 1000);
}

// A range read in full serves the next query on the same data from memory; any write, a
// transaction or a bulk load, makes the next query read the store again, and a cursor opened
// before a write keeps its own version of the data whatever the cache holds by then.
TEST(RangeCacheQueries, CachedRangesNeverOutliveTheirVersion) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto db, Database::Open(dir.Sub("db")));
  auto triples = [](int from, int to) {
    std::string t;
    for (int i = from; i < to; ++i) {
      t += "<http://sextant.local/x" + std::to_string(i) +
           "> <http://sextant.local/p> <http://sextant.local/o" + std::to_string(i % 7) + "> .\n";
    }
    return t;
  };
  LoadOptions lo;
  lo.format = RdfFormat::kNTriples;
  ASSERT_OK(db->LoadString(triples(0, 3000), lo));
  const std::string count = "SELECT (COUNT(*) AS ?n) WHERE { ?s :p ?o }";
  // Runs the query under EXPLAIN ANALYZE: the count, and whether its scan came from the cache.
  auto run = [&](QueryCursor& c, bool* cached) -> long {
    long n = -1;
    while (c.Next()) n = std::stol(c.row()[0]->value());
    EXPECT_OK(c.status());
    *cached = c.Explain(true).find("1 of 1 scans from the range cache") != std::string::npos;
    return n;
  };
  auto analyze = [&](bool* cached) -> long {
    auto c = db->Query(count, QueryOptions{});
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? run(**c, cached) : -1;
  };
  bool cached = true;
  EXPECT_EQ(analyze(&cached), 3000);
  EXPECT_FALSE(cached);
  EXPECT_EQ(analyze(&cached), 3000);
  EXPECT_TRUE(cached);

  ASSERT_OK_AND_ASSIGN(auto before_write, db->Query(count));
  ASSERT_OK_AND_ASSIGN(auto txn, db->BeginTransaction());
  ASSERT_OK(
      txn->Insert(Quad{Term::Iri("http://sextant.local/new"), Term::Iri("http://sextant.local/p"),
                       Term::Iri("http://sextant.local/o1"), Term::DefaultGraph()}));
  ASSERT_OK(txn->Commit());
  EXPECT_EQ(analyze(&cached), 3001);
  EXPECT_FALSE(cached);
  EXPECT_EQ(analyze(&cached), 3001);
  EXPECT_TRUE(cached);
  EXPECT_EQ(run(*before_write, &cached), 3000);  // its snapshot predates the insert
  EXPECT_FALSE(cached);

  ASSERT_OK_AND_ASSIGN(txn, db->BeginTransaction());
  ASSERT_OK(
      txn->Remove(Quad{Term::Iri("http://sextant.local/x0"), Term::Iri("http://sextant.local/p"),
                       Term::Iri("http://sextant.local/o0"), Term::DefaultGraph()}));
  ASSERT_OK(txn->Commit());
  EXPECT_EQ(analyze(&cached), 3000);
  EXPECT_FALSE(cached);

  lo.bulk_memory_bytes = 64 << 10;  // many small runs: the SST ingest path
  ASSERT_OK(db->LoadString(triples(3000, 6000), lo));
  EXPECT_EQ(analyze(&cached), 6000);
  EXPECT_FALSE(cached);
  // The cached range also answers patterns that filter it, and a class's instances are a range.
  EXPECT_EQ(analyze(&cached), 6000);
  EXPECT_TRUE(cached);
  auto c = db->Query("SELECT (COUNT(*) AS ?n) WHERE { ?s :p ?o FILTER(?o = :o3) }");
  ASSERT_OK(c);
  EXPECT_EQ(run(**c, &cached), 6000 / 7 + (6000 % 7 > 3 ? 1 : 0));
}

// Paths step through a predicate's range in memory, and per-row checks against a class use
// the class's range; both give what RocksDB gives, before and after a write.
TEST(RangeCacheQueries, PathStepsAndChecksFromMemoryAgreeWithTheStore) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto db, Database::Open(dir.Sub("db")));
  std::string nt;
  auto iri = [](const std::string& local) { return "<http://sextant.local/" + local + ">"; };
  for (int k = 0; k < 2400; ++k) {
    nt += iri("n" + std::to_string(k)) + " " + iri("next") + " " +
          iri("n" + std::to_string(k + 1)) + " .\n";
    nt += iri("n" + std::to_string(k)) + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> " +
          iri(k % 2 == 0 ? "Node" : "Odd") + " .\n";
  }
  LoadOptions lo;
  lo.format = RdfFormat::kNTriples;
  ASSERT_OK(db->LoadString(nt, lo));
  auto count = [&](const std::string& q, std::string* plan = nullptr) -> long {
    auto c = db->Query(q);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    if (!c.ok()) return -1;
    long n = -1;
    while ((*c)->Next()) n = std::stol((*c)->row()[0]->value());
    EXPECT_OK((*c)->status());
    if (plan != nullptr) *plan = (*c)->Explain(true);
    return n;
  };
  const std::string ancestors = "SELECT (COUNT(*) AS ?c) WHERE { ?x :next+ :n100 }";
  EXPECT_EQ(count(ancestors), 100);
  EXPECT_EQ(count(ancestors), 100);
  // n6 .. n2398, the even ones: every row checks `?y a :Node` with ?y bound.
  const std::string typed = "SELECT (COUNT(*) AS ?c) WHERE { :n5 :next+ ?y . ?y a :Node }";
  std::string plan;
  EXPECT_EQ(count(typed, &plan), 1197);
  EXPECT_NE(plan.find("scans from the range cache"), std::string::npos) << plan;
  EXPECT_EQ(count(typed, &plan), 1197);
  EXPECT_NE(plan.find("2395 of 2395 scans from the range cache"), std::string::npos) << plan;
  // With both classes' ranges in memory, `VALUES ?t` goes before `?y a ?t` and every row
  // becomes two checks by binary search.
  EXPECT_EQ(count("SELECT (COUNT(*) AS ?c) WHERE { ?x a :Odd }"), 1200);
  const std::string either =
      "SELECT (COUNT(*) AS ?c) WHERE { :n5 :next+ ?y . VALUES ?t { :Node :Odd } ?y a ?t }";
  EXPECT_EQ(count(either, &plan), 2394);  // n6 .. n2399; n2400 has no type
  EXPECT_NE(plan.find("4790 of 4790 scans from the range cache"), std::string::npos) << plan;

  ASSERT_OK_AND_ASSIGN(auto txn, db->BeginTransaction());
  ASSERT_OK(
      txn->Insert(Quad{Term::Iri("http://sextant.local/z"), Term::Iri("http://sextant.local/next"),
                       Term::Iri("http://sextant.local/n0"), Term::DefaultGraph()}));
  ASSERT_OK(txn->Remove(Quad{Term::Iri("http://sextant.local/n6"),
                             Term::Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                             Term::Iri("http://sextant.local/Node"), Term::DefaultGraph()}));
  ASSERT_OK(txn->Commit());
  EXPECT_EQ(count(ancestors), 101);
  EXPECT_EQ(count(ancestors), 101);
  EXPECT_EQ(count(typed), 1196);
  EXPECT_EQ(count(typed), 1196);
}

// A query text sent again reuses its parse, but only under the same parse settings: the
// store's namespace and the caller's prefixes change what the same text means.
TEST_F(QueryEngineTest, RepeatedTextsReuseTheParseOnlyUnderTheSameSettings) {
  const std::string q = "SELECT ?x WHERE { ?x :memberOf ex:CSTO }";
  QueryOptions ours;
  ours.prefixes = {{"ex", "http://sextant.local/"}};
  QueryOptions other = ours;
  other.prefixes = {{"ex", "http://elsewhere.example/"}};
  QueryOptions moved = ours;
  moved.store_namespace = "http://elsewhere.example/";
  auto count = [&](const QueryOptions& o) {
    auto c = db_->Query(q, o);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    int n = 0;
    while (c.ok() && (*c)->Next()) ++n;
    return n;
  };
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(count(ours), 4) << round;
    EXPECT_EQ(count(other), 0) << round;
    EXPECT_EQ(count(moved), 0) << round;
  }
  // Errors are not kept: the same broken text fails the same way every time.
  for (int round = 0; round < 2; ++round) {
    auto c = db_->Query("SELECT ?x WHERE { ?x :p }");
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.status().ToString().find("1:25: unexpected '}'"), std::string::npos)
        << c.status().ToString();
  }
}

// An alternative of plain IRIs is an ordinary pattern over a VALUES-restricted predicate and
// keeps the union's multiset semantics (a pair linked by two of the predicates comes twice).
TEST_F(QueryEngineTest, AlternativeOfIrisPlansAsOnePattern) {
  const std::string q =
      "SELECT ?x ?y WHERE { ?x (:borders|:memberOf|:exportedArmsTo) ?y . FILTER(?x = :Belarus) }";
  auto c = db_->Query(q);
  ASSERT_OK(c);
  EXPECT_NE((*c)->Explain(false).find("VALUES ?p"), std::string::npos) << (*c)->Explain(false);
  EXPECT_EQ(Rows(q), (std::vector<std::string>{
                         "<http://sextant.local/Belarus>|<http://sextant.local/Azerbaijan>",
                         "<http://sextant.local/Belarus>|<http://sextant.local/CSTO>",
                         "<http://sextant.local/Belarus>|<http://sextant.local/Russia>"}));
  EXPECT_EQ(
      Rows("SELECT ?y WHERE { :Belarus (:borders|:borders) ?y }"),
      (std::vector<std::string>{"<http://sextant.local/Russia>", "<http://sextant.local/Russia>"}));
}

}  // namespace
}  // namespace sextant
