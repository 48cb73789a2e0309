// A real server on an ephemeral loopback port over a fresh store, for one test.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "http_client.h"
#include "server/server.h"
#include "sextant/database.h"
#include "testutil/test_util.h"

namespace sextant::testing {

class ServerTest : public ::testing::Test {
 protected:
  // Call from a test (or SetUp) to change the configuration before the server starts.
  void StartServer(server::ServerConfig config = {}) {
    StopServer();
    if (!db_) {
      auto db = Database::Open(dir_.Sub("db"));
      ASSERT_TRUE(db.ok()) << db.status().ToString();
      db_ = std::move(*db);
    }
    config.port = 0;
    auto s = server::Server::Start(db_.get(), config);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    server_ = std::move(*s);
  }
  void StopServer() {
    if (server_) server_->Stop();
    server_.reset();
  }
  void TearDown() override { StopServer(); }

  uint16_t port() const { return server_->port(); }
  Database& db() { return *db_; }

  void Load(const std::string& trig) {
    LoadOptions o;
    o.format = RdfFormat::kTriG;
    ASSERT_OK(db_->LoadString(trig, o));
  }
  HttpReply Query(const std::string& sparql,
                  const std::string& accept = "application/sparql-results+json") {
    return Get(port(), "/sparql?query=" + UrlEncode(sparql), accept);
  }
  HttpReply Update(const std::string& sparql,
                   std::vector<std::pair<std::string, std::string>> headers = {}) {
    return Post(port(), "/sparql", "application/sparql-update", sparql, std::move(headers));
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<server::Server> server_;
};

}  // namespace sextant::testing
