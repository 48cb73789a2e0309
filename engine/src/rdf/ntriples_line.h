// The N-Triples/N-Quads statement as bulk data writes it (absolute IRIs without escapes, plain
// blank node labels, literals with an optional tag or datatype, nothing else on the line), read
// straight from the reader's buffer: terms are views into the line, so a statement costs no
// allocation. Anything else, valid or not, is declined and left to the general reader, which
// then gives the same result or the positioned error; so this never has to report anything.
#pragma once

#include <string>
#include <string_view>

#include "rdf/term_view.h"

namespace sextant::rdf {

class NTriplesLine {
 public:
  NTriplesLine(std::string_view blank_prefix, bool quads);

  // Parses `line` (its '\n' not included). True with `*out` set when the line is one statement
  // of the common form; its views are valid until the next call or until the line's bytes
  // change.
  bool Parse(std::string_view line, QuadView* out);

 private:
  bool IriRef(TermView* out);
  bool BlankLabel(std::string& scratch, TermView* out);
  bool Literal(TermView* out);
  bool StringBody(std::string_view* out);
  bool LanguageTag(TermView* out);
  void SkipBlanks();

  const char* p_ = nullptr;
  const char* end_ = nullptr;
  const std::string blank_prefix_;
  const bool quads_;
  // Owned text for the terms that are not a plain slice of the line: blank labels with the
  // load's prefix, literals with escapes, language tags written in upper case.
  std::string subject_label_, object_label_, graph_label_, lexical_, language_;
};

}  // namespace sextant::rdf
