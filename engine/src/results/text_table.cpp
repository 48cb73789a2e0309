#include "sextant/text_table.h"

#include <algorithm>
#include <cctype>

#include "results/text_width.h"

namespace sextant {
namespace {

using results::DisplayWidth;
using results::EscapeControls;
using results::TruncateMiddle;
using results::TruncateToWidth;

bool IsPnChar(unsigned char c) {
  return std::isalnum(c) != 0 || c == '_' || c == '-' || c >= 0x80;
}

// A conservative PN_LOCAL check: what we print must read back as the same IRI.
bool IsSimpleLocal(const std::string& local) {
  if (local.empty()) return true;
  if (local.back() == '.') return false;
  for (size_t i = 0; i < local.size(); ++i) {
    const auto c = static_cast<unsigned char>(local[i]);
    if (IsPnChar(c)) continue;
    if (c == '.' && i > 0) continue;
    if (c == ':') continue;
    return false;
  }
  return local[0] != '-';
}

bool IsBareDatatype(const std::string& dt) {
  static const std::string kBare[] = {
      std::string(vocab::kXsdString),    std::string(vocab::kXsdInteger),
      std::string(vocab::kXsdDecimal),   std::string(vocab::kXsdDouble),
      std::string(vocab::kXsdBoolean),   std::string(vocab::kXsdDate),
      std::string(vocab::kXsdDateTime),  std::string(vocab::kXsd) + "float",
      std::string(vocab::kXsd) + "int",  std::string(vocab::kXsd) + "long",
      std::string(vocab::kXsd) + "gYear"};
  return std::find(std::begin(kBare), std::end(kBare), dt) != std::end(kBare);
}

bool IsNumeric(const Term& t) {
  if (!t.is_literal()) return false;
  const std::string& dt = t.datatype();
  return dt == vocab::kXsdInteger || dt == vocab::kXsdDecimal || dt == vocab::kXsdDouble ||
         dt == std::string(vocab::kXsd) + "float" || dt == std::string(vocab::kXsd) + "int" ||
         dt == std::string(vocab::kXsd) + "long";
}

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string Pad(const std::string& cell, size_t width, bool right) {
  const size_t w = DisplayWidth(cell);
  const std::string fill(width > w ? width - w : 0, ' ');
  return right ? fill + cell : cell + fill;
}

struct Frame {
  const char* h;  // horizontal line piece
  const char* v;  // vertical bar
  const char* tl;
  const char* tm;
  const char* tr;
  const char* ml;
  const char* mm;
  const char* mr;
  const char* bl;
  const char* bm;
  const char* br;
};

constexpr Frame kBox = {"─", "│", "┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘"};
constexpr Frame kAscii = {"-", "|", "+", "+", "+", "+", "+", "+", "+", "+", "+"};

}  // namespace

std::optional<std::string> ShortenIri(const std::string& iri, const PrefixList& prefixes) {
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& p : prefixes) {
    if (p.second.empty() || iri.size() < p.second.size()) continue;
    if (iri.compare(0, p.second.size(), p.second) != 0) continue;
    if (!IsSimpleLocal(iri.substr(p.second.size()))) continue;
    if (best == nullptr || p.second.size() > best->second.size()) best = &p;
  }
  if (best == nullptr) return std::nullopt;
  return best->first + ":" + iri.substr(best->second.size());
}

std::string DisplayTerm(const Term& term, const PrefixList& prefixes) {
  switch (term.kind()) {
    case TermKind::kDefaultGraph: return "(default graph)";
    case TermKind::kIri: {
      auto s = ShortenIri(term.value(), prefixes);
      return s ? *s : "<" + term.value() + ">";
    }
    case TermKind::kBlank: return "_:" + term.value();
    case TermKind::kLiteral: {
      if (!term.language().empty()) {
        std::string out = "\"" + term.value() + "\"@" + term.language();
        if (term.direction() != Direction::kNone) {
          out += "--";
          out += DirectionName(term.direction());
        }
        return out;
      }
      if (IsBareDatatype(term.datatype())) return term.value();
      auto dt = ShortenIri(term.datatype(), prefixes);
      return "\"" + term.value() + "\"^^" + (dt ? *dt : "<" + term.datatype() + ">");
    }
    case TermKind::kTriple:
      return "<< " + DisplayTerm(term.subject(), prefixes) + " " +
             DisplayTerm(term.predicate(), prefixes) + " " + DisplayTerm(term.object(), prefixes) +
             " >>";
  }
  return {};
}

TextTable MakeTextTable(const std::vector<std::string>& columns,
                        const std::vector<std::vector<std::optional<Term>>>& rows,
                        const PrefixList& prefixes, size_t max_rows) {
  TextTable t;
  t.columns = columns;
  t.numeric.assign(columns.size(), true);
  std::vector<bool> any(columns.size(), false);
  const size_t shown = std::min(rows.size(), max_rows);
  t.rows.reserve(shown);
  for (size_t r = 0; r < shown; ++r) {
    std::vector<std::string> cells;
    cells.reserve(columns.size());
    for (size_t i = 0; i < columns.size(); ++i) {
      const auto& v = i < rows[r].size() ? rows[r][i] : std::optional<Term>();
      cells.push_back(v ? DisplayTerm(*v, prefixes) : std::string());
      if (v) {
        any[i] = true;
        if (!IsNumeric(*v)) t.numeric[i] = false;
      }
    }
    t.rows.push_back(std::move(cells));
  }
  for (size_t i = 0; i < columns.size(); ++i) t.numeric[i] = t.numeric[i] && any[i];
  return t;
}

std::string WithThousands(uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

std::string RowCountLine(uint64_t rows) {
  return WithThousands(rows) + (rows == 1 ? " row" : " rows");
}

void RenderTable(const TextTable& table, const TableStyle& style, std::ostream& out) {
  const size_t n = table.columns.size();
  auto cell = [&](const std::string& s) {
    std::string v = EscapeControls(s);
    if (style.frame == TableFrame::kMarkdown) {
      std::string esc;
      for (char c : v) {
        if (c == '|') esc += '\\';
        esc += c;
      }
      v = std::move(esc);
    }
    // Line mode exists to read long values whole.
    if (style.frame == TableFrame::kLine) return v;
    if (v.size() > 2 && v.front() == '<' && v.back() == '>') {
      return TruncateMiddle(v, style.max_width);
    }
    return TruncateToWidth(v, style.max_width);
  };
  std::vector<std::string> header;
  for (const auto& c : table.columns) header.push_back(cell(c));
  std::vector<std::vector<std::string>> rows;
  rows.reserve(table.rows.size());
  for (const auto& r : table.rows) {
    std::vector<std::string> cells;
    for (size_t i = 0; i < n; ++i) cells.push_back(cell(i < r.size() ? r[i] : std::string()));
    rows.push_back(std::move(cells));
  }
  const bool bold = style.color && style.headers;
  auto head = [&](const std::string& s) { return bold ? "\033[1m" + s + "\033[0m" : s; };

  if (style.frame == TableFrame::kLine) {
    size_t name_width = 0;
    for (const auto& h : header) name_width = std::max(name_width, DisplayWidth(h));
    for (size_t r = 0; r < rows.size(); ++r) {
      if (r > 0) out << "\n";
      for (size_t i = 0; i < n; ++i) {
        out << head(Pad(header[i], name_width, true)) << " = " << rows[r][i] << "\n";
      }
    }
    return;
  }

  std::vector<size_t> width(n, 1);
  for (size_t i = 0; i < n; ++i) {
    if (style.headers) width[i] = std::max(width[i], DisplayWidth(header[i]));
    for (const auto& r : rows) width[i] = std::max(width[i], DisplayWidth(r[i]));
  }
  auto right = [&](size_t i) { return i < table.numeric.size() && table.numeric[i]; };

  if (style.frame == TableFrame::kMarkdown) {
    // A markdown table needs its header row to be a table at all, so .headers off keeps it.
    for (size_t i = 0; i < n; ++i) width[i] = std::max(width[i], DisplayWidth(header[i]));
    out << "|";
    for (size_t i = 0; i < n; ++i) out << " " << head(Pad(header[i], width[i], false)) << " |";
    out << "\n|";
    for (size_t i = 0; i < n; ++i) {
      out << (right(i) ? std::string(width[i] + 1, '-') + ":" : std::string(width[i] + 2, '-'))
          << "|";
    }
    out << "\n";
    for (const auto& r : rows) {
      out << "|";
      for (size_t i = 0; i < n; ++i) out << " " << Pad(r[i], width[i], right(i)) << " |";
      out << "\n";
    }
    return;
  }

  const Frame& f = style.frame == TableFrame::kBox ? kBox : kAscii;
  auto rule = [&](const char* l, const char* m, const char* r) {
    out << l;
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) out << m;
      out << Repeat(f.h, width[i] + 2);
    }
    out << r << "\n";
  };
  rule(f.tl, f.tm, f.tr);
  if (style.headers) {
    out << f.v;
    for (size_t i = 0; i < n; ++i) {
      out << " " << head(Pad(header[i], width[i], false)) << " " << f.v;
    }
    out << "\n";
    rule(f.ml, f.mm, f.mr);
  }
  for (const auto& r : rows) {
    out << f.v;
    for (size_t i = 0; i < n; ++i) out << " " << Pad(r[i], width[i], right(i)) << " " << f.v;
    out << "\n";
  }
  rule(f.bl, f.bm, f.br);
}

}  // namespace sextant
