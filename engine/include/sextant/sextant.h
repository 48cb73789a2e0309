/* The C API: Sextant from C and from any language with a C FFI.
 *
 * Every fallible call returns a sextant_code; SEXTANT_OK is 0. The message (and, for syntax
 * errors, the line and column) of the most recent call on the calling thread is available from
 * sextant_last_error_*() until the next call on that thread. No C++ exception ever crosses this
 * boundary.
 *
 * Handles are opaque and freed explicitly. A cursor, prepared query or transaction keeps its
 * store open: sextant_close() may come before freeing them, and the store closes when the
 * last handle on it is freed. Strings returned by the API are owned by the handle they came
 * from (see each function); copy them to keep them. docs/EMBEDDING.md is the full guide. */
#ifndef SEXTANT_SEXTANT_H_
#define SEXTANT_SEXTANT_H_

#include <stddef.h>
#include <stdint.h>

#include "sextant/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Same values and meanings as sextant::StatusCode. */
typedef enum sextant_code {
  SEXTANT_OK = 0,
  SEXTANT_INVALID_ARGUMENT = 1,
  SEXTANT_NOT_FOUND = 2,
  SEXTANT_IO_ERROR = 3,
  SEXTANT_CORRUPTION = 4,
  SEXTANT_LOCKED = 5,
  SEXTANT_SYNTAX_ERROR = 6,
  SEXTANT_VERSION_MISMATCH = 7,
  SEXTANT_INTERRUPTED = 8,
  SEXTANT_TIMEOUT = 9,
  SEXTANT_RESOURCE_EXHAUSTED = 10,
  SEXTANT_UNSUPPORTED = 11,
  SEXTANT_BUSY = 12,
  SEXTANT_INTERNAL = 13,
  SEXTANT_CONSTRAINT_VIOLATION = 14,   /* the commit would break an enforced SHACL shape */
  SEXTANT_CODE_INT_RANGE_ = 0x7fffffff /* not a code; see sextant_term_kind */
} sextant_code;

typedef enum sextant_term_kind {
  SEXTANT_TERM_UNBOUND = 0, /* an unbound SELECT column, or the default graph */
  SEXTANT_TERM_IRI = 1,
  SEXTANT_TERM_BLANK = 2,
  SEXTANT_TERM_LITERAL = 3,
  SEXTANT_TERM_TRIPLE = 4, /* an RDF 1.2 triple term: its parts are in `triple` */
  /* Not a kind: makes every int value a valid enum value in C++, so that a bad kind from a C
   * caller is an error the library reports rather than undefined behaviour. */
  SEXTANT_TERM_KIND_INT_RANGE_ = 0x7fffffff
} sextant_term_kind;

typedef enum sextant_query_form {
  SEXTANT_FORM_SELECT = 0,
  SEXTANT_FORM_ASK = 1,
  SEXTANT_FORM_CONSTRUCT = 2,
  SEXTANT_FORM_DESCRIBE = 3
} sextant_query_form;

/* An RDF term. As output, the strings (and a triple term's parts) belong to the cursor and stay
 * valid until the next sextant_cursor_next() or sextant_cursor_free(); `value` may contain NUL
 * bytes, so use `value_len`. As input only the NUL-terminated strings are read (value_len is
 * ignored); a literal with NULL datatype and language is an xsd:string. A triple term as input
 * needs only `kind` and `triple`. `direction` and `triple` came in version 0.2 (the struct grew:
 * programs built against 0.1 must be rebuilt); zero-initialise the struct so they are NULL. */
typedef struct sextant_term {
  sextant_term_kind kind;
  /* IRI, blank node label without "_:", or literal lexical form; for a triple term as output,
   * its N-Triples form (<<( s p o )>>) */
  const char* value;
  size_t value_len;
  const char* datatype; /* literal datatype IRI; "" for IRIs and blank nodes */
  const char* language; /* language tag, "" when none */
  /* Base direction of a language-tagged literal: "ltr" or "rtl" (datatype rdf:dirLangString);
   * "" (or NULL as input) when it has none. */
  const char* direction;
  /* SEXTANT_TERM_TRIPLE: its subject, predicate and object, three terms in a row. NULL for the
   * other kinds. */
  const struct sextant_term* triple;
} sextant_term;

typedef struct sextant_db sextant_db;
typedef struct sextant_cursor sextant_cursor;
typedef struct sextant_prepared sextant_prepared;
typedef struct sextant_txn sextant_txn;

/* ---- errors ---- */
SEXTANT_API sextant_code sextant_last_error_code(void);
/* "" after a successful call; never NULL. */
SEXTANT_API const char* sextant_last_error_message(void);
/* 1-based position of the last syntax error, 0 when there is none. */
SEXTANT_API uint64_t sextant_last_error_line(void);
SEXTANT_API uint64_t sextant_last_error_column(void);
/* "Syntax error", "Locked", ... for any code; never NULL. */
SEXTANT_API const char* sextant_code_name(sextant_code code);
/* "0.2.0". */
SEXTANT_API const char* sextant_version(void);

/* ---- opening ---- */
enum {
  SEXTANT_OPEN_READ_ONLY = 1, /* no write lock; writes fail with SEXTANT_INVALID_ARGUMENT */
  SEXTANT_OPEN_NO_CREATE = 2, /* SEXTANT_NOT_FOUND instead of creating a missing store */
  SEXTANT_OPEN_SYNC = 4       /* sync the write-ahead log on every commit */
};
/* Opens or creates the store directory `path`. Errors: NOT_FOUND, LOCKED (open for writing
 * elsewhere), CORRUPTION (not a Sextant store), VERSION_MISMATCH, IO_ERROR. */
SEXTANT_API sextant_code sextant_open(const char* path, unsigned flags, sextant_db** out);
/* Releases the handle; NULL is fine. The store stays open while cursors, prepared queries or
 * transactions made from it are alive. Must not race with other calls on the same handle. */
SEXTANT_API void sextant_close(sextant_db* db);

/* Timeout in milliseconds for queries and updates started later through this handle
 * (0 = none, the default). Running ones stop with SEXTANT_TIMEOUT. */
SEXTANT_API sextant_code sextant_set_timeout(sextant_db* db, uint64_t milliseconds);
/* Stops every query and update running through this handle (and the cursors and prepared
 * queries made from it) at the time of the call: they end with SEXTANT_INTERRUPTED. Safe to
 * call from any thread, e.g. a signal-handling one. Later queries run normally. */
SEXTANT_API sextant_code sextant_interrupt(sextant_db* db);

/* ---- loading ---- */
/* Loads an RDF file (format from the extension unless `format` names one: "turtle", "trig",
 * "ntriples", "nquads"), all or nothing. `graph_iri` (NULL = default graph) receives the
 * statements that name no graph. `inserted` (nullable) receives the count of new quads. */
SEXTANT_API sextant_code sextant_load_file(sextant_db* db, const char* path, const char* format,
                                           const char* graph_iri, uint64_t* inserted);
/* The same for text in memory; `format` is required, `base_iri` may be NULL. */
SEXTANT_API sextant_code sextant_load_string(sextant_db* db, const char* text, size_t len,
                                             const char* format, const char* base_iri,
                                             const char* graph_iri, uint64_t* inserted);

/* ---- SPARQL ---- */
/* Runs a query on a fresh snapshot; rows are produced as sextant_cursor_next() asks. */
SEXTANT_API sextant_code sextant_query(sextant_db* db, const char* sparql, sextant_cursor** out);
/* Runs a SPARQL 1.1 Update as one transaction (SEXTANT_BUSY while a transaction is open).
 * `inserted` and `deleted` are nullable. */
SEXTANT_API sextant_code sextant_update(sextant_db* db, const char* sparql, uint64_t* inserted,
                                        uint64_t* deleted);

/* Parses once; bind parameters and execute many times. */
SEXTANT_API sextant_code sextant_prepare(sextant_db* db, const char* sparql,
                                         sextant_prepared** out);
/* Binds variable `name` (with or without a leading '?' or '$') for the next executions. Fails
 * with SEXTANT_INVALID_ARGUMENT when the query text mentions no such variable. */
SEXTANT_API sextant_code sextant_bind(sextant_prepared* prepared, const char* name,
                                      const sextant_term* value);
SEXTANT_API sextant_code sextant_bind_iri(sextant_prepared* prepared, const char* name,
                                          const char* iri);
SEXTANT_API sextant_code sextant_bind_string(sextant_prepared* prepared, const char* name,
                                             const char* text);
SEXTANT_API sextant_code sextant_bind_int(sextant_prepared* prepared, const char* name,
                                          int64_t value);
SEXTANT_API sextant_code sextant_bind_double(sextant_prepared* prepared, const char* name,
                                             double value);
SEXTANT_API sextant_code sextant_clear_bindings(sextant_prepared* prepared);
/* Runs on a fresh snapshot; the cursor is independent of later bindings. */
SEXTANT_API sextant_code sextant_execute(sextant_prepared* prepared, sextant_cursor** out);
SEXTANT_API void sextant_prepared_free(sextant_prepared* prepared);

/* ---- results ---- */
SEXTANT_API sextant_query_form sextant_cursor_form(const sextant_cursor* cursor);
/* SELECT: the projected variables (names without '?'); CONSTRUCT/DESCRIBE: "subject",
 * "predicate", "object"; ASK: none. Names live as long as the cursor; NULL when `column` is
 * out of range. */
SEXTANT_API size_t sextant_cursor_column_count(const sextant_cursor* cursor);
SEXTANT_API const char* sextant_cursor_column_name(const sextant_cursor* cursor, size_t column);
/* Advances to the next row; *has_row is 1 when there is one, 0 at the end. An error (timeout,
 * interrupt, ...) ends the rows and is returned. After the end it keeps returning 0 rows. */
SEXTANT_API sextant_code sextant_cursor_next(sextant_cursor* cursor, int* has_row);
/* A column of the current row (SEXTANT_TERM_UNBOUND when unbound). */
SEXTANT_API sextant_code sextant_cursor_term(sextant_cursor* cursor, size_t column,
                                             sextant_term* out);
/* The answer of an ASK query (SEXTANT_INVALID_ARGUMENT for other forms). */
SEXTANT_API sextant_code sextant_cursor_boolean(sextant_cursor* cursor, int* out);
SEXTANT_API void sextant_cursor_free(sextant_cursor* cursor);

/* ---- transactions ---- */
/* One write transaction per store at a time (SEXTANT_BUSY otherwise). */
SEXTANT_API sextant_code sextant_begin(sextant_db* db, sextant_txn** out);
/* `graph` NULL (or kind SEXTANT_TERM_UNBOUND) is the default graph. */
SEXTANT_API sextant_code sextant_txn_insert(sextant_txn* txn, const sextant_term* subject,
                                            const sextant_term* predicate,
                                            const sextant_term* object, const sextant_term* graph);
SEXTANT_API sextant_code sextant_txn_remove(sextant_txn* txn, const sextant_term* subject,
                                            const sextant_term* predicate,
                                            const sextant_term* object, const sextant_term* graph);
/* Sees the transaction's own pending changes. */
SEXTANT_API sextant_code sextant_txn_contains(sextant_txn* txn, const sextant_term* subject,
                                              const sextant_term* predicate,
                                              const sextant_term* object, const sextant_term* graph,
                                              int* out);
/* After commit or rollback the transaction is finished: further calls fail with
 * SEXTANT_INVALID_ARGUMENT, and the handle must still be freed. */
SEXTANT_API sextant_code sextant_txn_commit(sextant_txn* txn);
SEXTANT_API sextant_code sextant_txn_rollback(sextant_txn* txn);
/* Rolls back an unfinished transaction. */
SEXTANT_API void sextant_txn_free(sextant_txn* txn);

#ifdef __cplusplus
}
#endif

#endif /* SEXTANT_SEXTANT_H_ */
