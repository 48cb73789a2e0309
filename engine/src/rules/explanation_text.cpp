// FormatExplanation (sextant/rules.h): the text EXPLAIN WHY prints.
#include "sextant/rules.h"

namespace sextant {
namespace {

std::string TripleText(const Derivation& d) {
  return d.subject.ToNTriples() + " " + d.predicate.ToNTriples() + " " + d.object.ToNTriples();
}

void Render(const Derivation& d, int depth, std::string* out) {
  out->append(static_cast<size_t>(depth) * 2, ' ');
  out->append(TripleText(d));
  if (!d.asserted_in.empty()) {
    out->append("  <- asserted in ");
    for (size_t i = 0; i < d.asserted_in.size(); ++i) {
      if (i > 0) out->append(", ");
      out->append(d.asserted_in[i].is_default_graph() ? "the default graph"
                                                      : d.asserted_in[i].ToNTriples());
    }
  } else {
    out->append("  <- rule " + d.rule);
    if (!d.bindings.empty()) {
      out->append(" with");
      for (const auto& [name, value] : d.bindings) {
        out->append(" ?" + name + "=" + value.ToNTriples());
      }
    }
  }
  out->append("\n");
  for (const auto& p : d.premises) Render(p, depth + 1, out);
}

}  // namespace

std::string FormatExplanation(const Explanation& e) {
  if (!e.holds) return TripleText(e.root) + "  does not hold: it is neither asserted nor derived\n";
  if (e.root.asserted_in.empty() && e.root.rule.empty()) {
    return TripleText(e.root) +
           "  is in the derived graph but no derivation was found (rules changed?)\n";
  }
  std::string out;
  Render(e.root, 0, &out);
  return out;
}

}  // namespace sextant
