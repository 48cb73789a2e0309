// most_connected STORE FILE [N]: loads an RDF file into a store and prints the N named entities
// (IRIs with an rdfs:label; default 10) linked to the most other named entities, with their
// labels. Uses the C++ API.
#include <sextant/database.h>

#include <cstdlib>
#include <iostream>
#include <string>

namespace {

// Distinct neighbours in either direction, in any graph. Typing, reification and schema
// predicates are bookkeeping, not connections; unlabelled nodes (evidence records, say) are
// not entities.
const char* kQuery = R"(
SELECT ?entity ?label ?links WHERE {
  { SELECT ?entity (COUNT(DISTINCT ?other) AS ?links) WHERE {
      GRAPH ?g { { ?entity ?p ?other } UNION { ?other ?p ?entity } }
      FILTER(isIRI(?other) && ?p NOT IN (rdf:type, rdf:subject, rdf:predicate, rdf:object,
                                         rdfs:domain, rdfs:range, rdfs:subClassOf, rdfs:subPropertyOf))
      FILTER EXISTS { GRAPH ?g1 { ?entity rdfs:label ?l1 } }
      FILTER EXISTS { GRAPH ?g2 { ?other rdfs:label ?l2 } }
    } GROUP BY ?entity ORDER BY DESC(?links) ?entity LIMIT %N% }
  OPTIONAL { GRAPH ?lg { ?entity rdfs:label ?label } }
} ORDER BY DESC(?links) ?entity)";

int Fail(const sextant::Status& status) {
  std::cerr << "most_connected: " << status.ToString() << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: most_connected STORE FILE [N]\n";
    return 2;
  }
  int n = argc > 3 ? std::atoi(argv[3]) : 10;
  if (n <= 0) n = 10;

  auto db = sextant::Database::Open(argv[1]);
  if (!db.ok()) return Fail(db.status());
  auto loaded = (*db)->LoadFile(argv[2], sextant::LoadOptions{});
  if (!loaded.ok()) return Fail(loaded.status());
  std::cout << "loaded " << loaded->statements_read << " statements (" << loaded->quads_inserted
            << " new)\n";

  std::string query = kQuery;
  query.replace(query.find("%N%"), 3, std::to_string(n));
  auto cursor = (*db)->Query(query);
  if (!cursor.ok()) return Fail(cursor.status());
  // The same entity comes once per label; print it once.
  std::string last;
  while ((*cursor)->Next()) {
    const auto& row = (*cursor)->row();
    const std::string& entity = row[0]->value();
    if (entity == last) continue;
    last = entity;
    std::cout << row[2]->value() << "\t" << entity;
    if (row[1]) std::cout << "\t" << row[1]->value();
    std::cout << "\n";
  }
  if (!(*cursor)->status().ok()) return Fail((*cursor)->status());
  return 0;
}
