// RDF 1.2 triple term patterns <<( s p o )>> holding variables. The planner gives such a pattern
// a hidden slot that the enclosing triple pattern binds like a variable, and one of these
// operators ties that slot to the parts: unpacking reads the parts of the bound triple term
// (binding the part variables, checking constants and bound ones), packing looks up the stored
// triple term whose parts are already bound, so the enclosing pattern becomes an index lookup.
#pragma once

#include <array>
#include <string>

#include "query/operator.h"
#include "query/ops_scan.h"
#include "query/term_table.h"

namespace sextant::query {

class TripleTermOp : public Operator {
 public:
  enum class Mode { kUnpack, kPack };
  TripleTermOp(OperatorPtr child, Mode mode, int slot, const std::array<PatternTerm, 3>& parts,
               TermTable* terms, std::string text);
  std::string Describe() const override;
  std::vector<const Operator*> children() const override { return {child_.get()}; }

 protected:
  bool DoNext(RowBatch& out) override;

 private:
  // False when the row does not match (or reading the dictionary failed: status is set).
  bool Unpack(TermId* row);
  bool Pack(TermId* row);

  OperatorPtr child_;
  Mode mode_;
  int slot_;
  std::array<PatternTerm, 3> parts_;
  TermTable* terms_;
  std::string text_;
  RowBatch in_;
};

}  // namespace sextant::query
