// The rule sets shipped with the engine, written in the rule language itself. RDFS: the
// entailment rules that carry information (rdfs2, 3, 5, 7, 9, 11 of RDF 1.1 Semantics); the
// axiomatic triples and "everything is an rdfs:Resource" (rdfs4, 8, ...) are left out: they
// add a triple per term and answer no real question. OWL 2 RL: the property axioms prp-trp,
// prp-symp, prp-inv1 and prp-inv2.
#include <map>

#include "rules/rule_program.h"

namespace sextant::rules {
namespace {

constexpr const char* kPrologue =
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n";

const std::map<std::string, std::vector<std::pair<const char*, const char*>>>& Sets() {
  static const auto* sets = new std::map<std::string,
                                         std::vector<std::pair<const char*, const char*>>>{
      {"rdfs",
       {
           {"rdfs2", "RULE \"rdfs2\" { ?x rdf:type ?c } WHERE { ?p rdfs:domain ?c . ?x ?p ?y }"},
           {"rdfs3",
            "RULE \"rdfs3\" { ?y rdf:type ?c } WHERE { ?p rdfs:range ?c . ?x ?p ?y "
            "FILTER(!isLiteral(?y)) }"},
           {"rdfs5",
            "RULE \"rdfs5\" { ?p rdfs:subPropertyOf ?r } WHERE { ?p rdfs:subPropertyOf ?q . ?q "
            "rdfs:subPropertyOf ?r }"},
           {"rdfs7", "RULE \"rdfs7\" { ?x ?q ?y } WHERE { ?p rdfs:subPropertyOf ?q . ?x ?p ?y }"},
           {"rdfs9",
            "RULE \"rdfs9\" { ?x rdf:type ?d } WHERE { ?c rdfs:subClassOf ?d . ?x rdf:type ?c }"},
           {"rdfs11",
            "RULE \"rdfs11\" { ?c rdfs:subClassOf ?e } WHERE { ?c rdfs:subClassOf ?d . ?d "
            "rdfs:subClassOf ?e }"},
       }},
      {"owl-rl-properties",
       {
           {"prp-trp",
            "RULE \"prp-trp\" { ?x ?p ?z } WHERE { ?p rdf:type owl:TransitiveProperty . ?x ?p ?y . "
            "?y ?p ?z }"},
           {"prp-symp",
            "RULE \"prp-symp\" { ?y ?p ?x } WHERE { ?p rdf:type owl:SymmetricProperty . ?x ?p ?y "
            "}"},
           {"prp-inv1",
            "RULE \"prp-inv1\" { ?y ?q ?x } WHERE { ?p owl:inverseOf ?q . ?x ?p ?y "
            "FILTER(!isLiteral(?y)) }"},
           {"prp-inv2",
            "RULE \"prp-inv2\" { ?y ?p ?x } WHERE { ?p owl:inverseOf ?q . ?x ?q ?y "
            "FILTER(!isLiteral(?y)) }"},
       }},
  };
  return *sets;
}

}  // namespace

const std::vector<std::string>& BuiltinSetNames() {
  static const auto* names = new std::vector<std::string>{"rdfs", "owl-rl-properties"};
  return *names;
}

std::vector<RuleSource> BuiltinSet(const std::string& name) {
  std::vector<RuleSource> out;
  auto it = Sets().find(name);
  if (it == Sets().end()) return out;
  for (const auto& [rule, text] : it->second) {
    out.push_back({rule, name, std::string(kPrologue) + text, true});
  }
  return out;
}

}  // namespace sextant::rules
