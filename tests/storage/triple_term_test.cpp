// Triple terms and directional literals in the store: dictionary entries, nesting, the bulk
// loader, the consistency check and the format version.
#include <gtest/gtest.h>

#include <array>
#include <filesystem>

#include "storage/dictionary.h"
#include "storage/id_scan.h"
#include "storage/quad_loader.h"
#include "storage/store.h"
#include "testutil/store_fixture.h"

namespace sextant::storage {
namespace {

using sextant::testing::TempDir;

Term Tt(const std::string& s, const std::string& p, Term o) {
  return Term::Triple(Term::Iri(s), Term::Iri(p), std::move(o));
}

class TripleTermTest : public sextant::testing::StoreFixture {
 protected:
  DictionaryReader Reader() const {
    return DictionaryReader(store_.get(), static_cast<const rocksdb::Snapshot*>(nullptr));
  }
  // Inserts q in its own transaction; returns its object's id.
  Result<TermId> Insert(const Quad& q) {
    SEXTANT_ASSIGN_OR_RETURN(
        IdQuad ids, WriteQuad({rdf::TermView::Of(q.subject), rdf::TermView::Of(q.predicate),
                               rdf::TermView::Of(q.object), rdf::TermView::Of(q.graph)}));
    return ids[kO];
  }
  void ExpectLoadedTerm(const Term& expected, const std::string& reifier_iri);
  void DeleteStore() {
    store_.reset();
    std::filesystem::remove_all(dir_.Sub("db"));
    Reopen();
  }
};

TEST_F(TripleTermTest, NestedTripleTermsRoundTripThroughTheDictionary) {
  const Term inner =
      Tt("http://s", "http://p", Term::TypedLiteral("7", std::string(vocab::kXsdInteger)));
  const Term outer = Term::Triple(Term::Blank("b"), Term::Iri("http://says"), inner);
  ASSERT_OK_AND_ASSIGN(
      TermId id, Insert({Term::Iri("http://r"), Term::Iri(std::string(vocab::kRdfReifies)), outer,
                         Term::DefaultGraph()}));
  EXPECT_EQ(TagOf(id), IdTag::kTriple);
  Reopen();
  DictionaryReader dict = Reader();
  ASSERT_OK_AND_ASSIGN(Term back, dict.Decode(id));
  EXPECT_EQ(back, outer);
  // The term for (s, p, o) is one lookup once the parts' ids are known, and back.
  ASSERT_OK_AND_ASSIGN(auto parts, dict.TripleParts(id));
  ASSERT_OK_AND_ASSIGN(Term object_part, dict.Decode(parts[2]));
  EXPECT_EQ(object_part, inner);
  EXPECT_EQ(TagOf(parts[2]), IdTag::kTriple);
  ASSERT_OK_AND_ASSIGN(auto inner_parts, dict.TripleParts(parts[2]));
  EXPECT_EQ(TagOf(inner_parts[2]), IdTag::kInteger);  // inline values stay inline inside
  ASSERT_OK_AND_ASSIGN(TermId again, dict.LookupTriple(parts));
  EXPECT_EQ(again, id);
  ASSERT_OK_AND_ASSIGN(TermId looked_up, dict.Lookup(rdf::TermView::Of(outer)));
  EXPECT_EQ(looked_up, id);
  // A triple term not in the store, and TripleParts of something else.
  ASSERT_OK_AND_ASSIGN(
      TermId missing,
      dict.Lookup(rdf::TermView::Of(Tt("http://s", "http://p", Term::Literal("no")))));
  EXPECT_EQ(missing, kNoId);
  EXPECT_EQ(dict.TripleParts(parts[0]).status().code(), StatusCode::kInvalidArgument);
  // Inserting the same triple term again finds it: one entry per (s, p, o).
  ASSERT_OK_AND_ASSIGN(TermId second, Insert({Term::Iri("http://r2"), Term::Iri("http://p"), outer,
                                              Term::DefaultGraph()}));
  EXPECT_EQ(second, id);
  ExpectCheckOk();
}

TEST_F(TripleTermTest, DirectionIsPartOfTheTerm) {
  const Term rtl = Term::LangLiteral("مرحبا", "ar", Direction::kRtl);
  const Term ltr = Term::LangLiteral("مرحبا", "ar", Direction::kLtr);
  const Term none = Term::LangLiteral("مرحبا", "ar");
  ASSERT_OK_AND_ASSIGN(TermId a, Insert({Term::Iri("http://s"), Term::Iri("http://p"), rtl, {}}));
  ASSERT_OK_AND_ASSIGN(TermId b, Insert({Term::Iri("http://s"), Term::Iri("http://p"), ltr, {}}));
  ASSERT_OK_AND_ASSIGN(TermId c, Insert({Term::Iri("http://s"), Term::Iri("http://p"), none, {}}));
  EXPECT_NE(a, b);
  EXPECT_NE(a, c);
  Reopen();
  DictionaryReader dict = Reader();
  ASSERT_OK_AND_ASSIGN(Term back, dict.Decode(a));
  EXPECT_EQ(back, rtl);
  EXPECT_EQ(back.datatype(), vocab::kRdfDirLangString);
  ASSERT_OK_AND_ASSIGN(back, dict.Decode(c));
  EXPECT_EQ(back, none);
  std::vector<Term> many;
  ASSERT_OK(dict.DecodeMany({a, b, c}, &many));
  EXPECT_EQ(many, (std::vector<Term>{rtl, ltr, none}));
  ExpectCheckOk();
}

TEST_F(TripleTermTest, BulkLoadEncodesTripleTermsOnBothCommitPaths) {
  // Views as a parser makes them: each triple term points at three part views.
  for (const int n : {100, 20000}) {  // one WriteBatch; spilled runs and SST files
    LoadOptions options;
    options.bulk_memory_bytes = 1 << 20;
    ASSERT_OK_AND_ASSIGN(auto loader, QuadLoader::Begin(store_.get(), options));
    for (int i = 0; i < n; ++i) {
      const std::string s = "http://s/" + std::to_string(i % 500);
      const std::string o = std::to_string(i);
      const std::string r = "r" + o;
      std::array<rdf::TermView, 3> inner{
          rdf::TermView{TermKind::kIri, s, {}, {}},
          rdf::TermView{TermKind::kIri, "http://p", {}, {}},
          rdf::TermView{TermKind::kLiteral, o, vocab::kRdfDirLangString, "en", Direction::kLtr}};
      std::array<rdf::TermView, 3> outer{rdf::TermView{TermKind::kBlank, r, {}, {}},
                                         rdf::TermView{TermKind::kIri, "http://q", {}, {}},
                                         rdf::TermView{}};
      outer[2].kind = TermKind::kTriple;
      outer[2].parts = inner.data();
      rdf::TermView object;
      object.kind = TermKind::kTriple;
      object.parts = outer.data();
      const std::string reifier = "http://r/" + o;
      ASSERT_OK(loader->Add({rdf::TermView{TermKind::kIri, reifier, {}, {}},
                             rdf::TermView{TermKind::kIri, vocab::kRdfReifies, {}, {}}, object,
                             rdf::TermView{}}));
    }
    ASSERT_OK_AND_ASSIGN(uint64_t inserted, loader->Finish());
    loader.reset();
    EXPECT_EQ(inserted, static_cast<uint64_t>(n));
    ExpectCheckOk();
    // The last quad's object decodes to the term it was loaded from.
    const std::string o = std::to_string(n - 1);
    const Term expected = Term::Triple(Term::Blank("r" + o), Term::Iri("http://q"),
                                       Tt("http://s/" + std::to_string((n - 1) % 500), "http://p",
                                          Term::LangLiteral(o, "en", Direction::kLtr)));
    ExpectLoadedTerm(expected, "http://r/" + o);
    DeleteStore();
  }
}

// The quad whose subject is `reifier_iri` has `expected` as its object (the scan ends here,
// before the store may go).
void TripleTermTest::ExpectLoadedTerm(const Term& expected, const std::string& reifier_iri) {
  DictionaryReader dict = Reader();
  ASSERT_OK_AND_ASSIGN(TermId id, dict.Lookup(rdf::TermView::Of(expected)));
  ASSERT_NE(id, kNoId);
  ASSERT_OK_AND_ASSIGN(TermId reifier, dict.Lookup(rdf::TermView::Of(Term::Iri(reifier_iri))));
  IdScan scan(store_.get(), nullptr, {reifier, kNoId, kNoId, kNoId},
              ChooseIndex({reifier, kNoId, kNoId, kNoId}));
  ASSERT_TRUE(scan.Valid());
  EXPECT_EQ(scan.quad()[kO], id);
  ASSERT_OK_AND_ASSIGN(Term back, dict.Decode(scan.quad()[kO]));
  EXPECT_EQ(back, expected);
}

TEST_F(TripleTermTest, CheckFindsATripleTermWithAMissingPart) {
  const Term t = Tt("http://s", "http://p", Term::Literal("o"));
  ASSERT_OK_AND_ASSIGN(TermId id, Insert({Term::Iri("http://r"), Term::Iri("http://q"), t, {}}));
  ExpectCheckOk();
  DictionaryReader dict = Reader();
  ASSERT_OK_AND_ASSIGN(auto parts, dict.TripleParts(id));
  // Point the entry's object at an id older than it that no entry has.
  char key[8];
  PutBigEndian(key, parts[2]);
  ASSERT_TRUE(store_->db()->Delete({}, store_->id2term(), rocksdb::Slice(key, 8)).ok());
  const auto problems = CheckProblems();
  ASSERT_FALSE(problems.empty());
  bool mentions_dictionary = false;
  for (const auto& p : problems)
    mentions_dictionary |= p.find("not in the dictionary") != std::string::npos;
  EXPECT_TRUE(mentions_dictionary) << problems.front();
  EXPECT_EQ(dict.Decode(id).status().code(), StatusCode::kCorruption);
}

TEST_F(TripleTermTest, ACyclicEntryIsCorruptionNotALoop) {
  const Term t = Tt("http://s", "http://p", Term::Literal("o"));
  ASSERT_OK_AND_ASSIGN(TermId id, Insert({Term::Iri("http://r"), Term::Iri("http://q"), t, {}}));
  // A damaged entry naming itself as its object would make decoding recurse for ever.
  DictionaryReader dict = Reader();
  ASSERT_OK_AND_ASSIGN(auto parts, dict.TripleParts(id));
  parts[2] = id;
  std::string value;
  EncodeTripleKeyInto(parts, &value);
  char key[8];
  PutBigEndian(key, id);
  ASSERT_TRUE(store_->db()->Put({}, store_->id2term(), rocksdb::Slice(key, 8), value).ok());
  const auto decoded = dict.Decode(id);
  EXPECT_EQ(decoded.status().code(), StatusCode::kCorruption) << decoded.status().ToString();
  EXPECT_FALSE(CheckProblems().empty());
}

// Version 3 keeps language tags in lower case: an older store's tags in other cases are
// rewritten in place (ids unchanged) when it is opened for writing, never misread.
TEST_F(TripleTermTest, OlderStoresLanguageTagsAreLoweredOnUpgrade) {
  const Term s = Term::Iri("http://s");
  const Term p = Term::Iri("http://p");
  ASSERT_OK_AND_ASSIGN(TermId id, Insert({s, p, Term::LangLiteral("x", "en-gb"), {}}));
  auto make_old = [&](const std::string& lexical, TermId literal_id) {
    char key[8];
    PutBigEndian(key, literal_id);
    const std::string upper = std::string("Len-GB") + '\0' + lexical;
    ASSERT_TRUE(
        store_->db()->Delete({}, store_->term2id(), std::string("Len-gb") + '\0' + lexical).ok());
    ASSERT_TRUE(store_->db()->Put({}, store_->term2id(), upper, rocksdb::Slice(key, 8)).ok());
    ASSERT_TRUE(store_->db()->Put({}, store_->id2term(), rocksdb::Slice(key, 8), upper).ok());
    ASSERT_TRUE(store_->db()->Put({}, store_->meta(), "format_version", "2").ok());
  };
  make_old("x", id);
  store_.reset();
  Options ro;
  ro.read_only = true;
  auto refused = Store::Open(dir_.Sub("db"), ro);
  ASSERT_EQ(refused.status().code(), StatusCode::kVersionMismatch) << refused.status().ToString();
  EXPECT_NE(refused.status().message().find("open it once for writing"), std::string::npos);
  Reopen();
  ASSERT_OK_AND_ASSIGN(Term back, Reader().Decode(id));
  EXPECT_EQ(back.language(), "en-gb");
  // "x"@EN-GB, "x"@en-GB and "x"@en-gb are one term, the one already stored.
  ASSERT_OK_AND_ASSIGN(TermId again, Insert({s, p, Term::LangLiteral("x", "EN-GB"), {}}));
  EXPECT_EQ(again, id);
  ExpectCheckOk();

  // Two ids for one term (both cases stored): no silent merge; the message says how to migrate.
  ASSERT_OK_AND_ASSIGN(TermId y, Insert({s, p, Term::LangLiteral("y", "en-gb"), {}}));
  make_old("y", y);
  char other[8];
  PutBigEndian(other, MakeId(IdTag::kLiteral, uint64_t{1} << 40));
  const std::string lower = std::string("Len-gb") + '\0' + "y";
  ASSERT_TRUE(store_->db()->Put({}, store_->term2id(), lower, rocksdb::Slice(other, 8)).ok());
  ASSERT_TRUE(store_->db()->Put({}, store_->id2term(), rocksdb::Slice(other, 8), lower).ok());
  store_.reset();
  auto twice = Store::Open(dir_.Sub("db"), Options());
  ASSERT_EQ(twice.status().code(), StatusCode::kVersionMismatch) << twice.status().ToString();
  EXPECT_NE(twice.status().message().find("sextant dump"), std::string::npos);
}

TEST(FormatVersionTest, VersionTwoIsUpgradedWhenOpenedForWriting) {
  TempDir dir;
  {
    ASSERT_OK_AND_ASSIGN(auto store, Store::Open(dir.Sub("db"), Options()));
    ASSERT_TRUE(store->db()->Put({}, store->meta(), "format_version", "2").ok());
  }
  auto version = [&](Store& store) {
    std::string v;
    EXPECT_TRUE(store.db()->Get({}, store.meta(), "format_version", &v).ok());
    return v;
  };
  Options ro;
  ro.read_only = true;
  {
    ASSERT_OK_AND_ASSIGN(auto store, Store::Open(dir.Sub("db"), ro));
    EXPECT_EQ(version(*store), "2");  // read as it is, not written
  }
  {
    ASSERT_OK_AND_ASSIGN(auto store, Store::Open(dir.Sub("db"), Options()));
    EXPECT_EQ(version(*store), std::to_string(kFormatVersion));
  }
  ASSERT_OK_AND_ASSIGN(auto store, Store::Open(dir.Sub("db"), ro));
  EXPECT_EQ(version(*store), std::to_string(kFormatVersion));
}

TEST(FormatVersionTest, UnknownVersionsSayWhatToDo) {
  TempDir dir;
  for (const std::string v : {"999", "0", "garbage"}) {
    const std::string path = dir.Sub("db-" + v);
    {
      ASSERT_OK_AND_ASSIGN(auto store, Store::Open(path, Options()));
      ASSERT_TRUE(store->db()->Put({}, store->meta(), "format_version", v).ok());
    }
    auto s = Store::Open(path, Options());
    EXPECT_EQ(s.status().code(), StatusCode::kVersionMismatch) << v;
    EXPECT_NE(s.status().message().find("version " + v), std::string::npos)
        << s.status().ToString();
    EXPECT_NE(s.status().message().find("sextant dump"), std::string::npos)
        << s.status().ToString();
  }
}

}  // namespace
}  // namespace sextant::storage
