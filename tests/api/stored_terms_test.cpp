// Whatever the store accepts it can dump and reload (hardening issue, item 2): every term is
// checked on its way in (IRIs absolute and free of forbidden characters, language tags
// well-formed, UTF-8 text), and IRI() makes no IRI the store could not keep.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "sextant/database.h"
#include "testutil/fresh_store.h"
#include "testutil/test_util.h"

namespace sextant {
namespace {

using sextant::testing::FreshStoreTest;
using sextant::testing::TempDir;

class StoredTermsTest : public FreshStoreTest {};

TEST_F(StoredTermsTest, TheTransactionApiRefusesTermsNoDumpCouldWriteBack) {
  const Term p = Term::Iri("urn:p");
  const Term o = Term::Literal("x");
  const Quad bad[] = {
      {Term::Iri("../../etc/passwd"), p, o, {}},
      {Term::Iri("urn:a b>c"), p, o, {}},
      {Term::Iri("urn:s"), Term::Iri("rel/ative"), o, {}},
      {Term::Iri("urn:s"), p, o, Term::Iri("urn:x> <urn:inj")},
      {Term::Iri("urn:s"), p, Term::TypedLiteral("1", "not a datatype"), {}},
      {Term::Iri("urn:s"), p, Term::LangLiteral("x", "en us"), {}},
      {Term::Iri("urn:s"), p, Term::Literal("\xff\xfe"), {}},
      {Term::Blank(""), p, o, {}},
      {Term::Iri("urn:s"), p, Term::Triple(Term::Iri("urn:a b"), p, o), {}},
  };
  for (const Quad& q : bad) {
    ASSERT_OK_AND_ASSIGN(auto txn, db_->BeginTransaction());
    const Status s = txn->Insert(q);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << q.ToNQuads();
    EXPECT_NE(s.message().find("cannot store"), std::string::npos) << s.ToString();
  }
  EXPECT_EQ(Count(), 0u);
  EXPECT_EQ(TermProblem(Term::Iri("urn:fine")), std::nullopt);
  EXPECT_NE(TermProblem(Term::Iri("urn:a b")), std::nullopt);
}

// The bulk loader checks each term new to the store (once, not per quad): a target graph or a
// relative IRI that no dump could write back stops the load, and nothing of it is kept.
TEST_F(StoredTermsTest, LoadsRefuseTermsNoDumpCouldWriteBack) {
  LoadOptions into_relative;
  into_relative.format = RdfFormat::kNTriples;
  into_relative.graph = Term::Iri("rel/ative");
  auto loaded = db_->LoadString("<urn:s> <urn:p> \"x\" .\n", into_relative);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kInvalidArgument) << loaded.status().ToString();
  EXPECT_NE(loaded.status().message().find("rel/ative"), std::string::npos)
      << loaded.status().ToString();
  // Text without a base keeps relative IRIs as written; the store does not take them.
  std::string data;
  for (int i = 0; i < 3000; ++i) data += "<urn:s> <urn:p> \"" + std::to_string(i) + "\" .\n";
  data += "<rel/ative> <urn:p> <urn:o> .\n";
  loaded = db_->LoadString(data, {});
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("cannot store the IRI 'rel/ative'"), std::string::npos)
      << loaded.status().ToString();
  EXPECT_EQ(Count(), 0u);
}

// BIND(IRI("urn:a b>c") AS ?s) and BIND(IRI("rel/ative") AS ?g) in an update made terms that a
// dump wrote and `load` refused.
TEST_F(StoredTermsTest, UpdatesCannotMakeBadIris) {
  ASSERT_OK_AND_ASSIGN(
      auto stats, db_->Update("INSERT { ?s <urn:p> 1 } WHERE { BIND(IRI(\"urn:a b>c\") AS ?s) }"));
  EXPECT_EQ(stats.inserted, 0u);
  ASSERT_OK_AND_ASSIGN(
      stats,
      db_->Update(
          "INSERT { GRAPH ?g { <urn:s> <urn:p> 1 } } WHERE { BIND(IRI(\"rel/ative\") AS ?g) }"));
  EXPECT_EQ(stats.inserted, 0u);
  auto lang = db_->Update(
      "INSERT { <urn:s> <urn:p> ?o } WHERE { BIND(STRLANG(\"x\", \"not a tag\") AS ?o) }");
  if (lang.ok()) {
    EXPECT_EQ(lang->inserted, 0u);
  } else {
    EXPECT_EQ(lang.status().code(), StatusCode::kInvalidArgument) << lang.status().ToString();
  }
  EXPECT_EQ(Count(), 0u);
}

// IRI() in an update's WHERE clause resolves a relative string against the base, the one of
// QueryOptions or the update's own BASE, as it does in a query.
TEST_F(StoredTermsTest, IriInAnUpdateResolvesAgainstTheBase) {
  QueryOptions with_base;
  with_base.base_iri = "http://example.org/dir/";
  ASSERT_OK_AND_ASSIGN(
      auto stats,
      db_->Update("INSERT { <urn:s> <urn:p> ?g } WHERE { BIND(IRI(\"rel/ative\") AS ?g) }",
                  with_base));
  EXPECT_EQ(stats.inserted, 1u);
  ASSERT_OK_AND_ASSIGN(stats, db_->Update("BASE <http://example.org/other/> INSERT { <urn:s> "
                                          "<urn:p> ?g } WHERE { BIND(IRI(\"x\") AS ?g) }"));
  EXPECT_EQ(stats.inserted, 1u);
  ASSERT_OK_AND_ASSIGN(auto rows, db_->Query("SELECT ?o { <urn:s> <urn:p> ?o } ORDER BY ?o", {}));
  std::vector<std::string> objects;
  while (rows->Next()) objects.push_back((*rows->row()[0]).value());
  ASSERT_OK(rows->status());
  EXPECT_EQ(objects, (std::vector<std::string>{"http://example.org/dir/rel/ative",
                                               "http://example.org/other/x"}));
}

// What got in through the API, updates and loads dumps and loads back whole.
TEST_F(StoredTermsTest, WhatTheStoreAcceptedReloads) {
  ASSERT_OK_AND_ASSIGN(auto txn, db_->BeginTransaction());
  ASSERT_OK(txn->Insert({Term::Iri("urn:s"), Term::Iri("urn:p"), Term::LangLiteral("x", "en-GB"),
                         Term::Iri("urn:g")}));
  ASSERT_OK(txn->Commit());
  ASSERT_OK(db_->Update(
      "INSERT { ?s <urn:p> ?o } WHERE { BIND(IRI(\"urn:x\") AS ?s) BIND(IRI(\"a b\") AS ?o) }"));
  ASSERT_OK(db_->Update("INSERT { <urn:t> <urn:p> ?o } WHERE { BIND(IRI(\"urn:ok\") AS ?o) }"));
  LoadOptions trig;
  trig.format = RdfFormat::kTriG;
  ASSERT_OK(db_->LoadString("<urn:g2> { <urn:a> <urn:b> \"c\"@fr , _:x } ", trig));
  std::ostringstream out;
  ASSERT_OK(db_->Dump(out, {}));
  TempDir other;
  ASSERT_OK_AND_ASSIGN(auto copy, Database::Open(other.Sub("db")));
  LoadOptions nquads;
  nquads.format = RdfFormat::kNQuads;
  const auto loaded = copy->LoadString(out.str(), nquads);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString() << "\n" << out.str();
  EXPECT_EQ(CountQuads(*copy), Count());
  EXPECT_EQ(Count(), 4u) << out.str();
}

}  // namespace
}  // namespace sextant
