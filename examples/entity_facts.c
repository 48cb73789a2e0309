/* entity_facts STORE FILE IRI: loads an RDF file into a store and prints every fact about
 * one entity (as subject or object), one per line with the graph it comes from. Uses the C
 * API and a prepared query with the entity bound as a parameter. */
#include <sextant/sextant.h>
#include <stdio.h>

static int fail(const char* what) {
  fprintf(stderr, "entity_facts: %s: %s (%s)\n", what, sextant_last_error_message(),
          sextant_code_name(sextant_last_error_code()));
  return 1;
}

static void print_term(const sextant_term* t) {
  switch (t->kind) {
    case SEXTANT_TERM_IRI: printf("<%.*s>", (int)t->value_len, t->value); break;
    case SEXTANT_TERM_BLANK: printf("_:%.*s", (int)t->value_len, t->value); break;
    case SEXTANT_TERM_LITERAL:
      printf("\"%.*s\"", (int)t->value_len, t->value);
      if (t->language[0]) printf("@%s", t->language);
      break;
    default: printf("-"); break; /* unbound */
  }
}

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: entity_facts STORE FILE IRI\n");
    return 2;
  }
  sextant_db* db = NULL;
  if (sextant_open(argv[1], 0, &db) != SEXTANT_OK) return fail("open");
  uint64_t inserted = 0;
  if (sextant_load_file(db, argv[2], NULL, NULL, &inserted) != SEXTANT_OK) {
    sextant_close(db);
    return fail("load");
  }
  printf("loaded %llu new quads\n", (unsigned long long)inserted);

  sextant_prepared* facts = NULL;
  if (sextant_prepare(
          db,
          "SELECT ?dir ?p ?value ?g WHERE { GRAPH ?g {"
          " { ?e ?p ?value BIND('->' AS ?dir) } UNION { ?value ?p ?e BIND('<-' AS ?dir) } } }"
          " ORDER BY ?dir ?p ?value",
          &facts) != SEXTANT_OK ||
      sextant_bind_iri(facts, "e", argv[3]) != SEXTANT_OK) {
    sextant_prepared_free(facts);
    sextant_close(db);
    return fail("prepare");
  }
  sextant_cursor* rows = NULL;
  int status = 0;
  if (sextant_execute(facts, &rows) != SEXTANT_OK) {
    status = fail("query");
  } else {
    int has_row = 0, count = 0;
    while (sextant_cursor_next(rows, &has_row) == SEXTANT_OK && has_row) {
      sextant_term t;
      for (size_t i = 0; i < 4; ++i) {
        sextant_cursor_term(rows, i, &t);
        if (i) printf(" ");
        if (i == 0)
          printf("%.*s", (int)t.value_len, t.value);
        else
          print_term(&t);
      }
      printf("\n");
      ++count;
    }
    if (sextant_last_error_code() != SEXTANT_OK) status = fail("query");
    printf("%d facts\n", count);
  }
  sextant_cursor_free(rows);
  sextant_prepared_free(facts);
  sextant_close(db);
  return status;
}
