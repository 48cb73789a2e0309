#include "storage/quad_block_worker.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sextant::storage {
namespace {

std::vector<Quad> SampleQuads(int n) {
  std::vector<Quad> quads;
  for (int i = 0; i < n; ++i) {
    const std::string id = std::to_string(i);
    quads.push_back({Term::Iri("http://example.org/s" + id), Term::Iri("http://example.org/p"),
                     i % 3 == 0 ? Term::LangLiteral("text " + id, "en")
                     : i % 3 == 1
                         ? Term::TypedLiteral(id, "http://www.w3.org/2001/XMLSchema#integer")
                         : Term::Blank("b" + id),
                     i % 2 == 0 ? Term::DefaultGraph() : Term::Iri("http://example.org/g")});
  }
  return quads;
}

rdf::QuadView ViewOf(const Quad& q) {
  return {rdf::TermView::Of(q.subject), rdf::TermView::Of(q.predicate), rdf::TermView::Of(q.object),
          rdf::TermView::Of(q.graph)};
}

// Enough quads to fill several blocks, so blocks are handed over and recycled.
TEST(QuadBlockWorkerTest, ConsumesEveryQuadInOrderAcrossBlocks) {
  const std::vector<Quad> quads = SampleQuads(60000);
  std::vector<Quad> seen;
  QuadBlockWorker worker([&seen](const rdf::QuadView& q) {
    seen.push_back(q.ToQuad());
    return Status::OK();
  });
  for (const Quad& q : quads) ASSERT_TRUE(worker.Add(ViewOf(q)).ok());
  ASSERT_TRUE(worker.Drain().ok());
  EXPECT_EQ(seen, quads);
}

TEST(QuadBlockWorkerTest, ConsumerErrorReachesTheProducer) {
  const std::vector<Quad> quads = SampleQuads(60000);
  size_t consumed = 0;
  QuadBlockWorker worker([&consumed](const rdf::QuadView&) {
    return ++consumed == 10 ? Status::IOError("disk full") : Status::OK();
  });
  Status first_error;
  for (const Quad& q : quads) {
    first_error = worker.Add(ViewOf(q));
    if (!first_error.ok()) break;
  }
  const Status drained = worker.Drain();
  EXPECT_FALSE(drained.ok());
  EXPECT_NE(drained.ToString().find("disk full"), std::string::npos);
  EXPECT_EQ(consumed, 10u);  // nothing is consumed after the error
}

}  // namespace
}  // namespace sextant::storage
