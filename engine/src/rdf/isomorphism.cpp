#include "rdf/isomorphism.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <unordered_map>

namespace sextant::rdf {

namespace {

// A quad slot: a constant term id (>= 0) or a blank node -(index + 1).
using Slot = int64_t;
using EncQuad = std::array<Slot, 4>;

struct Graph {
  std::vector<EncQuad> ground;  // no blank nodes: compared directly
  std::vector<EncQuad> blanky;  // at least one blank node
  std::vector<std::string> blank_labels;
  // Per blank node: 0 for a blank node of the data, 1 for a triple term that holds blank nodes
  // (matched like a blank node whose three parts hang off it by marker predicates).
  std::vector<uint64_t> initial_colors;
};

uint64_t Mix(uint64_t h, uint64_t v) {
  // splitmix64-style mixing; deterministic so both graphs hash alike.
  h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 29;
  return h;
}

bool HoldsBlank(const Term& t) {
  if (t.is_blank()) return true;
  if (!t.is_triple()) return false;
  return HoldsBlank(t.subject()) || HoldsBlank(t.predicate()) || HoldsBlank(t.object());
}

class Encoder {
 public:
  Graph Encode(const std::vector<Quad>& quads) {
    Graph g;
    blanks_.clear();
    triples_.clear();
    for (const Quad& q : quads) {
      EncQuad e{};
      bool has_blank = false;
      const Term* terms[4] = {&q.subject, &q.predicate, &q.object, &q.graph};
      for (int i = 0; i < 4; ++i) {
        e[i] = Slot(*terms[i], g);
        has_blank = has_blank || e[i] < 0;
      }
      (has_blank ? g.blanky : g.ground).push_back(e);
    }
    for (auto* v : {&g.ground, &g.blanky}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    return g;
  }

 private:
  int64_t Slot(const Term& t, Graph& g) {
    if (t.is_blank()) return BlankSlot(blanks_, t.value(), 0, g);
    if (!HoldsBlank(t)) return Intern(t);
    const size_t before = triples_.size();
    const int64_t node = BlankSlot(triples_, t.ToNTriples(), 1, g);
    if (triples_.size() != before) {
      for (int i = 0; i < 3; ++i) {
        const Term marker = Term::Iri("urn:sextant:isomorphism:part" + std::to_string(i));
        g.blanky.push_back({node, Intern(marker), Slot(t.part(i), g), Intern(marker)});
      }
    }
    return node;
  }
  static int64_t BlankSlot(std::unordered_map<std::string, int64_t>& map, const std::string& key,
                           uint64_t color, Graph& g) {
    auto [it, inserted] = map.emplace(key, static_cast<int64_t>(g.blank_labels.size()));
    if (inserted) {
      g.blank_labels.push_back(key);
      g.initial_colors.push_back(color);
    }
    return -(it->second + 1);
  }
  int64_t Intern(const Term& t) {
    auto [it, inserted] = ids_.emplace(t, static_cast<int64_t>(ids_.size()));
    return it->second;
  }
  std::map<Term, int64_t> ids_;
  std::unordered_map<std::string, int64_t> blanks_;
  std::unordered_map<std::string, int64_t> triples_;
};

using Colors = std::vector<uint64_t>;

// One round of refinement: a node's new colour hashes its old colour with the sorted
// signatures of the quads it appears in.
Colors Refine(const Graph& g, const Colors& colors) {
  std::vector<std::vector<uint64_t>> sigs(colors.size());
  for (const EncQuad& q : g.blanky) {
    uint64_t sig = 0;
    for (int i = 0; i < 4; ++i) {
      sig = Mix(sig, q[i] < 0 ? Mix(1, colors[static_cast<size_t>(-q[i] - 1)])
                              : Mix(2, static_cast<uint64_t>(q[i])));
    }
    for (int i = 0; i < 4; ++i) {
      if (q[i] < 0) {
        sigs[static_cast<size_t>(-q[i] - 1)].push_back(Mix(sig, static_cast<uint64_t>(i)));
      }
    }
  }
  Colors out(colors.size());
  for (size_t n = 0; n < colors.size(); ++n) {
    std::sort(sigs[n].begin(), sigs[n].end());
    uint64_t h = Mix(7, colors[n]);
    for (const uint64_t s : sigs[n]) h = Mix(h, s);
    out[n] = h;
  }
  return out;
}

size_t Distinct(Colors c) {
  std::sort(c.begin(), c.end());
  return static_cast<size_t>(std::unique(c.begin(), c.end()) - c.begin());
}

bool SameMultiset(Colors a, Colors b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

class Matcher {
 public:
  Matcher(const Graph& a, const Graph& b) : a_(a), b_(b) {}

  bool Search(Colors ca, Colors cb) {
    // Refine both to a fixpoint; the class structure must agree at every step.
    for (;;) {
      const size_t before = Distinct(ca);
      ca = Refine(a_, ca);
      cb = Refine(b_, cb);
      if (!SameMultiset(ca, cb)) return false;
      if (Distinct(ca) == before) break;
    }
    // Smallest ambiguous class in A.
    std::unordered_map<uint64_t, size_t> counts;
    for (const uint64_t c : ca) ++counts[c];
    size_t pick = ca.size();
    size_t best = SIZE_MAX;
    for (size_t n = 0; n < ca.size(); ++n) {
      const size_t k = counts[ca[n]];
      if (k > 1 && k < best) {
        best = k;
        pick = n;
      }
    }
    if (pick == ca.size()) return Verify(ca, cb);
    const uint64_t fresh = Mix(ca[pick], 0xD15C1A1Bull + depth_);
    ++depth_;
    for (size_t m = 0; m < cb.size(); ++m) {
      if (cb[m] != ca[pick]) continue;
      Colors na = ca;
      Colors nb = cb;
      na[pick] = fresh;
      nb[m] = fresh;
      if (Search(std::move(na), std::move(nb))) return true;
    }
    --depth_;
    return false;
  }

 private:
  bool Verify(const Colors& ca, const Colors& cb) {
    std::unordered_map<uint64_t, int64_t> by_color;
    for (size_t m = 0; m < cb.size(); ++m) by_color[cb[m]] = static_cast<int64_t>(m);
    std::vector<EncQuad> mapped;
    mapped.reserve(a_.blanky.size());
    for (EncQuad q : a_.blanky) {
      for (Slot& s : q) {
        if (s < 0) s = -(by_color.at(ca[static_cast<size_t>(-s - 1)]) + 1);
      }
      mapped.push_back(q);
    }
    std::sort(mapped.begin(), mapped.end());
    return mapped == b_.blanky;
  }

  const Graph& a_;
  const Graph& b_;
  uint64_t depth_ = 0;
};

std::string Describe(const std::vector<Quad>& quads, size_t limit) {
  std::string out;
  for (size_t i = 0; i < quads.size() && i < limit; ++i) out += "\n    " + quads[i].ToNQuads();
  if (quads.size() > limit) out += "\n    ...";
  return out;
}

}  // namespace

bool Isomorphic(const std::vector<Quad>& a, const std::vector<Quad>& b, std::string* why) {
  Encoder enc;
  const Graph ga = enc.Encode(a);
  const Graph gb = enc.Encode(b);
  auto fail = [&](const std::string& reason) {
    if (why == nullptr) return false;
    *why = reason;
    std::vector<Quad> sa(a), sb(b);
    std::sort(sa.begin(), sa.end());
    sa.erase(std::unique(sa.begin(), sa.end()), sa.end());
    std::sort(sb.begin(), sb.end());
    sb.erase(std::unique(sb.begin(), sb.end()), sb.end());
    std::vector<Quad> only_a, only_b;
    std::set_difference(sa.begin(), sa.end(), sb.begin(), sb.end(), std::back_inserter(only_a));
    std::set_difference(sb.begin(), sb.end(), sa.begin(), sa.end(), std::back_inserter(only_b));
    *why += "; only in first (" + std::to_string(only_a.size()) + "):" + Describe(only_a, 5);
    *why += "\n  only in second (" + std::to_string(only_b.size()) + "):" + Describe(only_b, 5);
    return false;
  };
  if (ga.ground != gb.ground) return fail("quads without blank nodes differ");
  if (ga.blanky.size() != gb.blanky.size() || ga.blank_labels.size() != gb.blank_labels.size()) {
    return fail("different numbers of blank-node quads or blank nodes");
  }
  Matcher m(ga, gb);
  if (!m.Search(ga.initial_colors, gb.initial_colors)) {
    return fail("no blank node mapping makes the datasets equal");
  }
  return true;
}

}  // namespace sextant::rdf
