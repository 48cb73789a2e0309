#include "sextant/result_writer.h"

#include "results/writers.h"

namespace sextant {

std::optional<ResultFormat> ResultFormatFromName(const std::string& name) {
  if (name == "json") return ResultFormat::kJson;
  if (name == "xml") return ResultFormat::kXml;
  if (name == "csv") return ResultFormat::kCsv;
  if (name == "tsv") return ResultFormat::kTsv;
  if (name == "table") return ResultFormat::kTable;
  return std::nullopt;
}

std::unique_ptr<ResultWriter> MakeResultWriter(ResultFormat format, std::ostream& out) {
  switch (format) {
    case ResultFormat::kJson: return results::MakeJsonWriter(out);
    case ResultFormat::kXml: return results::MakeXmlWriter(out);
    case ResultFormat::kCsv: return results::MakeCsvWriter(out);
    case ResultFormat::kTsv: return results::MakeTsvWriter(out);
    case ResultFormat::kTable: return results::MakeTableWriter(out);
  }
  return nullptr;
}

Status WriteResults(QueryCursor& cursor, ResultWriter& writer) {
  if (cursor.form() == QueryForm::kAsk) {
    const bool value = cursor.boolean();
    SEXTANT_RETURN_IF_ERROR(cursor.status());
    return writer.Boolean(value);
  }
  SEXTANT_RETURN_IF_ERROR(writer.Begin(cursor.variables()));
  while (cursor.Next()) SEXTANT_RETURN_IF_ERROR(writer.Row(cursor.row()));
  SEXTANT_RETURN_IF_ERROR(cursor.status());
  return writer.End();
}

}  // namespace sextant

namespace sextant::results {

Status StreamStatus(const std::ostream& out) {
  return out.good() ? Status::OK() : Status::IOError("writing query results failed");
}

namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string_view StripSign(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  return s;
}

// Turtle INTEGER, DECIMAL and DOUBLE productions.
bool IsTurtleInteger(std::string_view s) {
  return AllDigits(StripSign(s));
}

bool IsTurtleDecimal(std::string_view s) {
  s = StripSign(s);
  const size_t dot = s.find('.');
  if (dot == std::string_view::npos) return false;
  const std::string_view frac = s.substr(dot + 1);
  return (dot == 0 || AllDigits(s.substr(0, dot))) && AllDigits(frac);
}

bool IsTurtleDouble(std::string_view s) {
  s = StripSign(s);
  const size_t e = s.find_first_of("eE");
  if (e == std::string_view::npos) return false;
  const std::string_view mant = s.substr(0, e), exp = StripSign(s.substr(e + 1));
  if (!AllDigits(exp)) return false;
  if (AllDigits(mant)) return true;
  const size_t dot = mant.find('.');
  if (dot == std::string_view::npos) return false;
  const std::string_view ip = mant.substr(0, dot), fp = mant.substr(dot + 1);
  return (ip.empty() || AllDigits(ip)) && (fp.empty() || AllDigits(fp)) &&
         !(ip.empty() && fp.empty());
}

}  // namespace

std::string TurtleTerm(const Term& t) {
  if (t.is_literal() && t.language().empty()) {
    const std::string& v = t.value();
    if (t.datatype() == vocab::kXsdInteger && IsTurtleInteger(v)) return v;
    if (t.datatype() == vocab::kXsdDecimal && IsTurtleDecimal(v)) return v;
    if (t.datatype() == vocab::kXsdDouble && IsTurtleDouble(v)) {
      // The W3C TSV results write the exponent marker in lower case.
      std::string out = v;
      for (char& c : out) {
        if (c == 'E') c = 'e';
      }
      return out;
    }
  }
  return t.ToNTriples();
}

}  // namespace sextant::results
