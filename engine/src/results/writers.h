// Internal: one factory per format (each in its own file), used by MakeResultWriter.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "sextant/result_writer.h"

namespace sextant::results {

std::unique_ptr<ResultWriter> MakeJsonWriter(std::ostream& out);
std::unique_ptr<ResultWriter> MakeXmlWriter(std::ostream& out);
std::unique_ptr<ResultWriter> MakeCsvWriter(std::ostream& out);
std::unique_ptr<ResultWriter> MakeTsvWriter(std::ostream& out);
std::unique_ptr<ResultWriter> MakeTableWriter(std::ostream& out);

// A term in Turtle form: N-Triples, except that xsd:integer/decimal/double literals whose
// lexical form is a Turtle number are written bare (as SPARQL TSV allows).
std::string TurtleTerm(const Term& t);

// OK, or an IOError once the stream has failed.
Status StreamStatus(const std::ostream& out);

}  // namespace sextant::results
