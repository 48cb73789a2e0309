// SERVICE (SPARQL 1.1 Federated Query) against real `sextant serve` processes on loopback: bind
// joins across two endpoints, SILENT on a dead endpoint, errors that name the endpoint and its
// HTTP status, timeouts, and the server's allow-list.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <set>
#include <thread>

#include "http_client.h"
#include "sextant/database.h"
#include "testutil/serve_process.h"
#include "testutil/test_util.h"

namespace sextant::testing {
namespace {

constexpr const char* kPeople = R"(
@prefix : <http://ex/> .
:alice :name "Alice" ; :worksFor :acme .
:bob :name "Bob" ; :worksFor :globex .
:carol :name "Carol" .
)";

constexpr const char* kCompanies = R"(
@prefix : <http://ex/> .
:acme :label "ACME" ; :city "Paris" .
:globex :label "Globex" ; :city "Oslo" .
)";

// A listening socket that accepts connections and never answers.
class SilentListener {
 public:
  SilentListener() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    listen(fd_, 8);
    socklen_t len = sizeof addr;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
  }
  ~SilentListener() { close(fd_); }
  std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(port_) + "/sparql"; }

 private:
  int fd_;
  uint16_t port_ = 0;
};

// A port nothing listens on.
std::string DeadEndpoint() {
  SilentListener l;
  return l.endpoint();  // closed when `l` goes away
}

class FederationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_.Sub("people.ttl"), kPeople);
    WriteFile(dir_.Sub("companies.ttl"), kCompanies);
    ASSERT_EQ(LoadWithCli(dir_.Sub("people.db"), {dir_.Sub("people.ttl")}), 0);
    ASSERT_EQ(LoadWithCli(dir_.Sub("companies.db"), {dir_.Sub("companies.ttl")}), 0);
    std::string printed;
    people_ = ServeProcess::Start(dir_.Sub("people.db"), {}, {}, {}, {}, &printed);
    ASSERT_NE(people_, nullptr) << printed;
    companies_ = ServeProcess::Start(dir_.Sub("companies.db"), {}, {}, {}, {}, &printed);
    ASSERT_NE(companies_, nullptr) << printed;
    auto db = Database::Open(dir_.Sub("local.db"));
    ASSERT_OK(db);
    local_ = std::move(*db);
  }

  // Rows of a SELECT as "a|b" strings (values of the terms, "-" for unbound).
  Result<std::multiset<std::string>> Rows(const std::string& query, const QueryOptions& o = {}) {
    SEXTANT_ASSIGN_OR_RETURN(auto cursor, local_->Query(query, o));
    std::multiset<std::string> out;
    while (cursor->Next()) {
      std::string row;
      for (const auto& t : cursor->row()) row += (row.empty() ? "" : "|") + (t ? t->value() : "-");
      out.insert(row);
    }
    SEXTANT_RETURN_IF_ERROR(cursor->status());
    return out;
  }

  TempDir dir_;
  std::unique_ptr<ServeProcess> people_, companies_;
  std::unique_ptr<Database> local_;
};

TEST_F(FederationTest, BindJoinAcrossTwoEndpoints) {
  const std::string q =
      "PREFIX ex: <http://ex/> SELECT ?name ?label ?city WHERE {"
      "  SERVICE <" +
      people_->endpoint() +
      "> { ?p ex:name ?name ; ex:worksFor ?c }"
      "  SERVICE <" +
      companies_->endpoint() +
      "> { ?c ex:label ?label ; ex:city ?city }"
      "}";
  auto rows = Rows(q);
  ASSERT_OK(rows);
  EXPECT_EQ(*rows, (std::multiset<std::string>{"Alice|ACME|Paris", "Bob|Globex|Oslo"}));
}

TEST_F(FederationTest, LocalDataJoinsRemoteAndExplainShowsTheBindJoin) {
  ASSERT_OK(
      local_->Update("INSERT DATA { <http://ex/acme> <http://ex/rating> 5 . "
                     "<http://ex/initech> <http://ex/rating> 3 }"));
  const std::string q =
      "PREFIX ex: <http://ex/> SELECT ?c ?r ?city WHERE { ?c ex:rating ?r "
      "SERVICE <" +
      companies_->endpoint() + "> { ?c ex:city ?city } }";
  auto rows = Rows(q);
  ASSERT_OK(rows);
  EXPECT_EQ(*rows, (std::multiset<std::string>{"http://ex/acme|5|Paris"}));
  auto explain = local_->Query(q);
  ASSERT_OK(explain);
  while ((*explain)->Next()) {
  }
  const std::string plan = (*explain)->Explain(true);
  EXPECT_NE(plan.find("Service <" + companies_->endpoint() + "> bind join on ?c"),
            std::string::npos)
      << plan;
  EXPECT_NE(plan.find("1 requests"), std::string::npos) << plan;
}

TEST_F(FederationTest, BindJoinSendsOuterSolutionsInBatches) {
  std::string data = "INSERT DATA {";
  for (int i = 0; i < 250; ++i) data += " <http://ex/n" + std::to_string(i) + "> a <http://ex/N> .";
  ASSERT_OK(local_->Update(data + " }"));
  QueryOptions o;
  o.service.bind_join_batch = 100;
  const std::string q =
      "PREFIX ex: <http://ex/> SELECT ?n ?name WHERE { ?n a ex:N "
      "OPTIONAL { SERVICE <" +
      people_->endpoint() + "> { ?n ex:name ?name } } }";
  auto explain = local_->Query(q, o);
  ASSERT_OK(explain);
  uint64_t rows = 0;
  while ((*explain)->Next()) ++rows;
  EXPECT_EQ(rows, 250u);
  const std::string plan = (*explain)->Explain(true);
  EXPECT_NE(plan.find("3 requests"), std::string::npos) << plan;
}

TEST_F(FederationTest, SilentDeadEndpointIsTheEmptySolution) {
  ASSERT_OK(local_->Update("INSERT DATA { <http://ex/a> <http://ex/p> 1 }"));
  const std::string dead = DeadEndpoint();
  auto rows = Rows("SELECT ?s ?x WHERE { ?s <http://ex/p> 1 SERVICE SILENT <" + dead +
                   "> { ?s <http://ex/q> ?x } }");
  ASSERT_OK(rows);
  EXPECT_EQ(*rows, (std::multiset<std::string>{"http://ex/a|-"}));
  auto loud = Rows("SELECT ?s ?x WHERE { ?s <http://ex/p> 1 SERVICE <" + dead +
                   "> { ?s <http://ex/q> ?x } }");
  ASSERT_FALSE(loud.ok());
  EXPECT_NE(loud.status().message().find(dead), std::string::npos) << loud.status().ToString();
}

TEST_F(FederationTest, HttpErrorNamesTheEndpointAndStatus) {
  // The people server answers 400 to a query that does not parse there.
  const std::string endpoint = people_->endpoint();
  auto rows = Rows("SELECT * WHERE { SERVICE <" + endpoint + "?x=1> { ?s ?p ?o } }");
  ASSERT_OK(rows);  // a query string on the endpoint is kept
  auto bad = Rows("SELECT * WHERE { SERVICE <http://127.0.0.1:" + std::to_string(people_->port()) +
                  "/no-such-path> { ?s ?p ?o } }");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("/no-such-path> answered HTTP 405"), std::string::npos)
      << bad.status().ToString();
}

TEST_F(FederationTest, TimeoutEndsAHangingRequest) {
  SilentListener hang;
  QueryOptions o;
  o.timeout = std::chrono::milliseconds(300);
  const auto start = std::chrono::steady_clock::now();
  auto rows = Rows("SELECT * WHERE { SERVICE <" + hang.endpoint() + "> { ?s ?p ?o } }", o);
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), StatusCode::kTimeout) << rows.status().ToString();
  EXPECT_LT(took, std::chrono::seconds(3));
  // SILENT does not hide the query's own timeout.
  auto silent = Rows("SELECT * WHERE { SERVICE SILENT <" + hang.endpoint() + "> { ?s ?p ?o } }", o);
  EXPECT_EQ(silent.status().code(), StatusCode::kTimeout) << silent.status().ToString();
}

TEST_F(FederationTest, InterruptEndsAHangingRequest) {
  SilentListener hang;
  std::atomic<bool> stop{false};
  QueryOptions o;
  o.interrupt = &stop;
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    stop = true;
  });
  auto rows = Rows("SELECT * WHERE { SERVICE <" + hang.endpoint() + "> { ?s ?p ?o } }", o);
  stopper.join();
  EXPECT_EQ(rows.status().code(), StatusCode::kInterrupted) << rows.status().ToString();
}

TEST_F(FederationTest, AllowListAndDisabledService) {
  QueryOptions o;
  o.service.allowed_prefixes = {companies_->endpoint()};
  auto refused = Rows("SELECT * WHERE { SERVICE <" + people_->endpoint() + "> { ?s ?p ?o } }", o);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("not allowed"), std::string::npos);
  auto allowed =
      Rows("SELECT * WHERE { SERVICE <" + companies_->endpoint() + "> { ?s ?p ?o } }", o);
  ASSERT_OK(allowed);
  EXPECT_EQ(allowed->size(), 4u);
  o.service.enabled = false;
  auto off = Rows("SELECT * WHERE { SERVICE <" + companies_->endpoint() + "> { ?s ?p ?o } }", o);
  EXPECT_EQ(off.status().code(), StatusCode::kUnsupported);
}

TEST_F(FederationTest, ServerRefusesServiceUnlessAllowed) {
  const std::string q = "SELECT ?city WHERE { SERVICE <" + companies_->endpoint() +
                        "> { <http://ex/acme> <http://ex/city> ?city } }";
  std::string printed;
  auto closed = ServeProcess::Start(dir_.Sub("local.db"), {"--read-only"}, {}, {}, {}, &printed);
  ASSERT_NE(closed, nullptr) << printed;
  auto refused = Get(closed->port(), "/sparql?query=" + UrlEncode(q), "text/csv");
  EXPECT_EQ(refused.status, 501) << refused.body;
  EXPECT_NE(refused.body.find("--service-allow"), std::string::npos) << refused.body;

  closed.reset();
  auto open = ServeProcess::Start(dir_.Sub("local.db"),
                                  {"--read-only", "--service-allow",
                                   "http://127.0.0.1:" + std::to_string(companies_->port()) + "/"},
                                  {}, {}, {}, &printed);
  ASSERT_NE(open, nullptr) << printed;
  auto answered = Get(open->port(), "/sparql?query=" + UrlEncode(q), "text/csv");
  EXPECT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(answered.body, "city\r\nParis\r\n");
  const std::string other = "SELECT * WHERE { SERVICE <" + people_->endpoint() + "> { ?s ?p ?o } }";
  auto elsewhere = Get(open->port(), "/sparql?query=" + UrlEncode(other), "text/csv");
  EXPECT_EQ(elsewhere.status, 400) << elsewhere.body;
}

// The worked example of docs/FEDERATION.md: the bundled datasets split across two servers (the
// article's graphs on one, the world reference graphs on the other) and queried through a
// third that holds nothing itself.
TEST(FederationExample, DatasetsSplitAcrossTwoServersQueriedThroughAThird) {
  TempDir dir;
  const std::string datasets = (SourceDir() / "datasets").string();
  ASSERT_EQ(
      LoadWithCli(dir.Sub("article.db"), {datasets + "/csto-kazakhstan/csto-kazakhstan.trig"}), 0);
  ASSERT_EQ(LoadWithCli(dir.Sub("world.db"), {datasets + "/world/world.trig"}), 0);
  std::string printed;
  auto article = ServeProcess::Start(dir.Sub("article.db"), {"--read-only"}, {}, {}, {}, &printed);
  ASSERT_NE(article, nullptr) << printed;
  auto world = ServeProcess::Start(dir.Sub("world.db"), {"--read-only"}, {}, {}, {}, &printed);
  ASSERT_NE(world, nullptr) << printed;
  auto front = ServeProcess::Start(dir.Sub("front.db"), {"--service-allow", "http://127.0.0.1:"},
                                   {}, {}, {}, &printed);
  ASSERT_NE(front, nullptr) << printed;

  const std::string query =
      "PREFIX src: <http://sextant.local/source/>\n"
      "SELECT ?name ?soldiers ?capital WHERE {\n"
      "  SERVICE <" +
      article->endpoint() +
      "> {\n"
      "    ?contingent a :MilitaryContingent ; :sentBy ?country ; :soldiers ?soldiers }\n"
      "  SERVICE <" +
      world->endpoint() +
      "> {\n"
      "    GRAPH src:csto-member-states { ?country :memberOf :CSTO }\n"
      "    GRAPH src:world-countries { ?country rdfs:label ?name ; :capital ?c . ?c rdfs:label "
      "?capital }\n"
      "  }\n"
      "} ORDER BY DESC(?soldiers)";
  auto answer = Get(front->port(), "/sparql?query=" + UrlEncode(query), "text/csv");
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.body,
            "name,soldiers,capital\r\n"
            "Russia,3000,Moscow\r\n"
            "Belarus,500,Minsk\r\n"
            "Tajikistan,200,Dushanbe\r\n"
            "Kyrgyzstan,150,Bishkek\r\n"
            "Armenia,100,Yerevan\r\n"
            "Armenia,70,Yerevan\r\n");
  auto plan = Get(front->port(), "/sparql?query=" + UrlEncode("EXPLAIN ANALYZE " + query));
  ASSERT_EQ(plan.status, 200) << plan.body;
  EXPECT_NE(plan.body.find("Service <" + article->endpoint() + "> (one request)"),
            std::string::npos)
      << plan.body;
  EXPECT_NE(plan.body.find("Service <" + world->endpoint() + "> bind join on ?country"),
            std::string::npos)
      << plan.body;
}

}  // namespace
}  // namespace sextant::testing
