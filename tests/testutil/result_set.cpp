#include "testutil/result_set.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <functional>
#include <limits>
#include <set>
#include <sstream>

#include "rdf/parser.h"
#include "sextant/utf8.h"

namespace sextant::w3c {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string DecodeEntities(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const size_t semi = s.find(';', i);
    if (semi == std::string_view::npos) {
      out += s[i];
      continue;
    }
    const std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "lt")
      out += '<';
    else if (ent == "gt")
      out += '>';
    else if (ent == "amp")
      out += '&';
    else if (ent == "quot")
      out += '"';
    else if (ent == "apos")
      out += '\'';
    else if (!ent.empty() && ent[0] == '#') {
      const unsigned long cp = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X')
                                   ? std::stoul(std::string(ent.substr(2)), nullptr, 16)
                                   : std::stoul(std::string(ent.substr(1)));
      AppendUtf8(out, static_cast<char32_t>(cp));
    } else {
      out += s.substr(i, semi - i + 1);
    }
    i = semi;
  }
  return out;
}

// A tiny reader for the SPARQL XML results format: enough structure for the test files.
class XmlScanner {
 public:
  explicit XmlScanner(std::string text) : t_(std::move(text)) {}
  // Next tag: name (with leading '/' for end tags), attributes; text before it in *text.
  bool NextTag(std::string* name, std::map<std::string, std::string>* attrs, std::string* text,
               bool* self_closing) {
    const size_t lt = t_.find('<', pos_);
    if (lt == std::string::npos) return false;
    *text = DecodeEntities(std::string_view(t_).substr(pos_, lt - pos_));
    if (t_.compare(lt, 4, "<!--") == 0) {
      pos_ = t_.find("-->", lt) + 3;
      return NextTag(name, attrs, text, self_closing);
    }
    if (t_.compare(lt, 2, "<?") == 0) {
      pos_ = t_.find("?>", lt) + 2;
      return NextTag(name, attrs, text, self_closing);
    }
    const size_t gt = t_.find('>', lt);
    std::string inner = t_.substr(lt + 1, gt - lt - 1);
    pos_ = gt + 1;
    *self_closing = !inner.empty() && inner.back() == '/';
    if (*self_closing) inner.pop_back();
    size_t i = 0;
    while (i < inner.size() && !isspace(static_cast<unsigned char>(inner[i]))) ++i;
    *name = inner.substr(0, i);
    attrs->clear();
    while (i < inner.size()) {
      while (i < inner.size() && isspace(static_cast<unsigned char>(inner[i]))) ++i;
      const size_t eq = inner.find('=', i);
      if (eq == std::string::npos) break;
      std::string key = inner.substr(i, eq - i);
      while (!key.empty() && isspace(static_cast<unsigned char>(key.back()))) key.pop_back();
      size_t q = eq + 1;
      while (q < inner.size() && isspace(static_cast<unsigned char>(inner[q]))) ++q;
      const char quote = inner[q];
      const size_t end = inner.find(quote, q + 1);
      (*attrs)[key] = DecodeEntities(std::string_view(inner).substr(q + 1, end - q - 1));
      i = end + 1;
    }
    return true;
  }

 private:
  std::string t_;
  size_t pos_ = 0;
};

// SPARQL XML results. A term is built when its element closes; a triple term (SPARQL 1.2,
// <triple><subject>..</subject><predicate>..</predicate><object>..</object></triple>) takes the
// three terms built inside it, so nesting is a stack.
Result<ResultSet> ReadSrx(const std::string& path) {
  XmlScanner xml(ReadAll(path));
  ResultSet rs;
  std::string name, text, binding;
  std::map<std::string, std::string> attrs, term_attrs;
  bool self;
  std::map<std::string, Term>* row = nullptr;
  std::vector<std::vector<Term>> triples;  // the parts built so far of each open <triple>
  auto done = [&](Term t) {
    if (!triples.empty()) {
      triples.back().push_back(std::move(t));
    } else if (row != nullptr) {
      (*row)[binding] = std::move(t);
    }
  };
  while (xml.NextTag(&name, &attrs, &text, &self)) {
    if (name == "variable") {
      rs.vars.push_back(attrs["name"]);
    } else if (name == "result") {
      rs.rows.emplace_back();
      row = &rs.rows.back();
      if (self) row = nullptr;
    } else if (name == "binding") {
      binding = attrs["name"];
    } else if (name == "triple") {
      triples.emplace_back();
    } else if (name == "/triple" && !triples.empty()) {
      auto parts = std::move(triples.back());
      triples.pop_back();
      if (parts.size() != 3) {
        return Status::InvalidArgument(path + ": a <triple> without exactly three terms");
      }
      done(Term::Triple(parts[0], parts[1], parts[2]));
    } else if (name == "uri" || name == "literal" || name == "bnode") {
      term_attrs = attrs;
      if (self && name == "literal") done(Term::Literal(""));
    } else if (name == "/uri") {
      done(Term::Iri(text));
    } else if (name == "/bnode") {
      done(Term::Blank(text));
    } else if (name == "/literal") {
      if (term_attrs.count("xml:lang")) {
        const auto dir =
            term_attrs.count("its:dir") ? DirectionFromName(term_attrs["its:dir"]) : std::nullopt;
        done(Term::LangLiteral(text, term_attrs["xml:lang"], dir.value_or(Direction::kNone)));
      } else if (term_attrs.count("datatype")) {
        done(Term::TypedLiteral(text, term_attrs["datatype"]));
      } else {
        done(Term::Literal(text));
      }
    } else if (name == "/boolean") {
      rs.is_boolean = true;
      rs.boolean = text.find("true") != std::string::npos;
    }
  }
  return rs;
}

// One RDF term of SPARQL JSON results; a triple term (SPARQL 1.2) nests three of them.
Term SrjTerm(const boost::json::object& t) {
  const std::string type(t.at("type").as_string());
  if (type == "triple") {
    const auto& parts = t.at("value").as_object();
    return Term::Triple(SrjTerm(parts.at("subject").as_object()),
                        SrjTerm(parts.at("predicate").as_object()),
                        SrjTerm(parts.at("object").as_object()));
  }
  const std::string value(t.at("value").as_string());
  if (type == "uri") return Term::Iri(value);
  if (type == "bnode") return Term::Blank(value);
  if (t.contains("xml:lang")) {
    Direction dir = Direction::kNone;
    if (t.contains("its:dir")) {
      dir = DirectionFromName(t.at("its:dir").as_string()).value_or(Direction::kNone);
    }
    return Term::LangLiteral(value, std::string(t.at("xml:lang").as_string()), dir);
  }
  if (t.contains("datatype")) {
    return Term::TypedLiteral(value, std::string(t.at("datatype").as_string()));
  }
  return Term::Literal(value);
}

Result<ResultSet> ReadSrj(const std::string& path) {
  boost::system::error_code ec;
  auto v = boost::json::parse(ReadAll(path), ec);
  if (ec) return Status::InvalidArgument("bad JSON results " + path + ": " + ec.message());
  ResultSet rs;
  try {
    const auto& o = v.as_object();
    if (o.contains("boolean")) {
      rs.is_boolean = true;
      rs.boolean = o.at("boolean").as_bool();
      return rs;
    }
    if (o.at("head").as_object().contains("vars")) {
      for (const auto& var : o.at("head").at("vars").as_array())
        rs.vars.emplace_back(var.as_string());
    }
    for (const auto& b : o.at("results").at("bindings").as_array()) {
      std::map<std::string, Term> row;
      for (const auto& [k, val] : b.as_object()) row[k] = SrjTerm(val.as_object());
      rs.rows.push_back(std::move(row));
    }
  } catch (const std::exception& e) {
    return Status::InvalidArgument("unexpected JSON results structure in " + path + ": " +
                                   e.what());
  }
  return rs;
}

// One term in TSV (Turtle/N-Triples syntax, or a bare number).
std::optional<Term> ParseTsvTerm(const std::string& s) {
  if (s.empty()) return std::nullopt;
  if (s[0] == '<') return Term::Iri(s.substr(1, s.size() - 2));
  if (s.rfind("_:", 0) == 0) return Term::Blank(s.substr(2));
  if (s[0] == '"') {
    const size_t end = s.rfind('"');
    std::string lex;
    for (size_t i = 1; i < end; ++i) {
      if (s[i] == '\\' && i + 1 < end) {
        const char c = s[++i];
        lex += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
      } else {
        lex += s[i];
      }
    }
    const std::string rest = s.substr(end + 1);
    if (rest.rfind("@", 0) == 0) {
      const size_t dir = rest.find("--");
      if (dir == std::string::npos) return Term::LangLiteral(lex, rest.substr(1));
      return Term::LangLiteral(lex, rest.substr(1, dir - 1),
                               DirectionFromName(rest.substr(dir + 2)).value_or(Direction::kNone));
    }
    if (rest.rfind("^^<", 0) == 0) return Term::TypedLiteral(lex, rest.substr(3, rest.size() - 4));
    return Term::Literal(lex);
  }
  const std::string xsd(vocab::kXsd);
  if (s.find_first_of("eE") != std::string::npos) return Term::TypedLiteral(s, xsd + "double");
  if (s.find('.') != std::string::npos) return Term::TypedLiteral(s, xsd + "decimal");
  if (s == "true" || s == "false") return Term::TypedLiteral(s, xsd + "boolean");
  return Term::TypedLiteral(s, xsd + "integer");
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

Result<ResultSet> ReadTsv(const std::string& path) {
  std::istringstream in(ReadAll(path));
  ResultSet rs;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto cells = SplitTabs(line);
    if (header) {
      for (auto& c : cells)
        rs.vars.push_back(!c.empty() && (c[0] == '?' || c[0] == '$') ? c.substr(1) : c);
      header = false;
      continue;
    }
    if (line.empty() && rs.vars.size() != 1) continue;
    std::map<std::string, Term> row;
    for (size_t i = 0; i < cells.size() && i < rs.vars.size(); ++i) {
      if (auto t = ParseTsvTerm(cells[i])) row[rs.vars[i]] = *t;
    }
    rs.rows.push_back(std::move(row));
  }
  return rs;
}

// Numeric literals compare by value within their datatype: the suites' expected files often
// spell a value differently from the canonical form an engine produces ("3" vs "3.0" for a
// decimal, "1.0e6" vs "1.0E6" for a double).
std::string ComparisonKey(const Term& t) {
  static const char* kNumeric[] = {"integer",
                                   "decimal",
                                   "double",
                                   "float",
                                   "int",
                                   "long",
                                   "short",
                                   "byte",
                                   "nonNegativeInteger",
                                   "positiveInteger",
                                   "negativeInteger",
                                   "nonPositiveInteger",
                                   "unsignedInt",
                                   "unsignedLong",
                                   "unsignedShort",
                                   "unsignedByte"};
  if (t.is_literal() && t.datatype().rfind(vocab::kXsd, 0) == 0) {
    const std::string local = t.datatype().substr(vocab::kXsd.size());
    for (const char* n : kNumeric) {
      if (local != n) continue;
      try {
        size_t used = 0;
        const long double v = std::stold(t.value(), &used);
        if (used == t.value().size()) {
          char buf[64];
          std::snprintf(buf, sizeof buf, "%.15Lg", v);
          return "\"" + std::string(buf) + "\"^^" + local;
        }
      } catch (const std::exception&) {
      }
    }
  }
  // Language tags are case-insensitive (RDF 1.1 Concepts 3.3): compare them lower-cased.
  if (t.is_literal() && !t.language().empty()) {
    std::string lang = t.language();
    for (char& c : lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return Term::LangLiteral(t.value(), lang, t.direction()).ToNTriples();
  }
  return t.ToNTriples();
}

// A term's comparison key with every blank node (also inside triple terms) written "_:".
std::string MaskedKey(const Term& t) {
  if (t.is_blank()) return "_:";
  if (!t.is_triple()) return ComparisonKey(t);
  return "<<( " + MaskedKey(t.subject()) + " " + MaskedKey(t.predicate()) + " " +
         MaskedKey(t.object()) + " )>>";
}

// The blank nodes of a term in order, also those inside triple terms.
void BlankLabels(const Term& t, std::vector<std::string>* out) {
  if (t.is_blank()) out->push_back(t.value());
  if (!t.is_triple()) return;
  BlankLabels(t.subject(), out);
  BlankLabels(t.predicate(), out);
  BlankLabels(t.object(), out);
}

std::string RowString(const std::map<std::string, Term>& row, bool mask_blanks) {
  std::string s;
  for (const auto& [k, v] : row)
    s += k + "=" + (mask_blanks ? MaskedKey(v) : ComparisonKey(v)) + " ";
  return s;
}

// Results given as an RDF graph in the DAWG result-set vocabulary (rs:ResultSet), in Turtle
// or RDF/XML. Solutions with rs:index come in index order (that of an ORDER BY).
Result<ResultSet> ReadRdfResultSet(const std::string& path, RdfFormat format) {
  rdf::ParseOptions po;
  po.base_iri = "file://" + path;
  po.format = format;
  auto quads = rdf::ParseFileToQuads(path, po);
  if (!quads.ok()) return quads.status();
  const std::string rs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";
  auto objects = [&](const Term& s, const std::string& p) {
    std::vector<Term> out;
    for (const auto& q : *quads) {
      if (q.subject == s && q.predicate.value() == p) out.push_back(q.object);
    }
    return out;
  };
  ResultSet out;
  for (const auto& q : *quads) {
    if (q.predicate.value() != std::string(vocab::kRdf) + "type" ||
        q.object.value() != rs + "ResultSet")
      continue;
    const Term set = q.subject;
    for (const auto& b : objects(set, rs + "boolean")) {
      out.is_boolean = true;
      out.boolean = b.value() == "true";
    }
    for (const auto& v : objects(set, rs + "resultVariable")) out.vars.push_back(v.value());
    // (rs:index, row); solutions without an index sort after those with one.
    std::vector<std::pair<long long, std::map<std::string, Term>>> solutions;
    for (const auto& sol : objects(set, rs + "solution")) {
      std::map<std::string, Term> row;
      for (const auto& binding : objects(sol, rs + "binding")) {
        const auto var = objects(binding, rs + "variable");
        const auto val = objects(binding, rs + "value");
        if (!var.empty() && !val.empty()) row[var[0].value()] = val[0];
      }
      long long index = std::numeric_limits<long long>::max();
      for (const auto& i : objects(sol, rs + "index")) {
        char* end = nullptr;
        const long long v = std::strtoll(i.value().c_str(), &end, 10);
        if (end == i.value().c_str() || *end != '\0') {
          return Status::InvalidArgument(path + ": rs:index \"" + i.value() + "\" is no integer");
        }
        index = v;
      }
      solutions.emplace_back(index, std::move(row));
    }
    std::stable_sort(solutions.begin(), solutions.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [index, row] : solutions) out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace

Result<ResultSet> ReadResultFile(const std::string& path) {
  auto ends = [&](const char* ext) {
    return path.size() > 4 && path.rfind(ext) == path.size() - std::string(ext).size();
  };
  if (ends(".srx")) return ReadSrx(path);
  if (ends(".srj")) return ReadSrj(path);
  if (ends(".tsv")) return ReadTsv(path);
  if (ends(".ttl")) return ReadRdfResultSet(path, RdfFormat::kTurtle);
  if (ends(".rdf")) return ReadRdfResultSet(path, RdfFormat::kRdfXml);
  return Status::Unsupported("result format of " + path);
}

std::string ToString(const ResultSet& r) {
  if (r.is_boolean) return r.boolean ? "true" : "false";
  std::string s;
  for (const auto& row : r.rows) s += "  " + RowString(row, false) + "\n";
  return s;
}

bool SameResults(const ResultSet& expected, const ResultSet& actual, bool ordered,
                 std::string* why) {
  if (expected.is_boolean) {
    if (actual.is_boolean && actual.boolean == expected.boolean) return true;
    *why = "expected boolean " + ToString(expected) + ", got " +
           (actual.is_boolean ? ToString(actual) : "rows");
    return false;
  }
  if (expected.rows.size() != actual.rows.size()) {
    *why = "expected " + std::to_string(expected.rows.size()) + " rows, got " +
           std::to_string(actual.rows.size()) + "\n expected:\n" + ToString(expected) + " got:\n" +
           ToString(actual);
    return false;
  }
  // Blank nodes match up to a consistent renaming: backtrack over row assignments.
  const size_t n = expected.rows.size();
  std::vector<bool> used(n, false);
  std::map<std::string, std::string> e2a, a2e;
  std::function<bool(size_t)> match = [&](size_t i) -> bool {
    if (i == n) return true;
    const auto& er = expected.rows[i];
    for (size_t j = ordered ? i : 0; j < (ordered ? i + 1 : n); ++j) {
      if (used[j]) continue;
      const auto& ar = actual.rows[j];
      if (er.size() != ar.size() || RowString(er, true) != RowString(ar, true)) continue;
      auto saved_e2a = e2a, saved_a2e = a2e;
      bool ok = true;
      for (const auto& [k, ev] : er) {
        std::vector<std::string> eb, ab;
        BlankLabels(ev, &eb);
        BlankLabels(ar.at(k), &ab);
        for (size_t b = 0; b < eb.size() && b < ab.size(); ++b) {
          auto [it, inserted] = e2a.emplace(eb[b], ab[b]);
          auto [it2, inserted2] = a2e.emplace(ab[b], eb[b]);
          if (it->second != ab[b] || it2->second != eb[b]) ok = false;
        }
      }
      if (ok) {
        used[j] = true;
        if (match(i + 1)) return true;
        used[j] = false;
      }
      e2a = saved_e2a;
      a2e = saved_a2e;
    }
    return false;
  };
  if (match(0)) return true;
  *why = std::string(ordered ? "rows differ (in order)" : "rows differ") + "\n expected:\n" +
         ToString(expected) + " got:\n" + ToString(actual);
  return false;
}

bool SameResultsLax(const ResultSet& expected, const ResultSet& actual, std::string* why) {
  if (expected.is_boolean) return SameResults(expected, actual, false, why);
  // Equal as sets, and no solution more often than in the full answer (blank nodes masked:
  // identical rows of one answer carry the same labels, which differ between the answers).
  auto distinct = [](const ResultSet& r) {
    ResultSet out = r;
    out.rows.clear();
    std::set<std::string> seen;
    for (const auto& row : r.rows) {
      if (seen.insert(RowString(row, false)).second) out.rows.push_back(row);
    }
    return out;
  };
  if (!SameResults(distinct(expected), distinct(actual), false, why)) {
    *why = "(REDUCED) distinct solutions differ: " + *why;
    return false;
  }
  std::map<std::string, long> allowance;
  for (const auto& row : expected.rows) ++allowance[RowString(row, true)];
  for (const auto& row : actual.rows) {
    if (--allowance[RowString(row, true)] < 0) {
      *why = "(REDUCED) a solution comes more often than in the full answer: " +
             RowString(row, false) + "\n expected:\n" + ToString(expected) + " got:\n" +
             ToString(actual);
      return false;
    }
  }
  return true;
}

Result<ResultSet> Collect(QueryCursor& cursor) {
  ResultSet out;
  if (cursor.form() == QueryForm::kAsk) {
    out.is_boolean = true;
    out.boolean = cursor.boolean();
  } else {
    out.vars = cursor.variables();
    while (cursor.Next()) {
      std::map<std::string, Term> row;
      for (size_t i = 0; i < out.vars.size(); ++i) {
        if (cursor.row()[i]) row[out.vars[i]] = *cursor.row()[i];
      }
      out.rows.push_back(std::move(row));
    }
  }
  if (!cursor.status().ok()) return cursor.status();
  return out;
}

bool QuerySorts(std::string_view query) {
  std::string upper(query);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char ch) { return std::toupper(ch); });
  return upper.find("ORDER BY") != std::string::npos;
}

}  // namespace sextant::w3c
