"""A third-party SPARQL client against a live `sextant serve`: rdflib's SPARQLUpdateStore.

Usage: rdflib_client.py PATH/TO/sextant
Starts the server on an ephemeral port over a fresh store, updates and queries it through
rdflib (SPARQL 1.1 Protocol, SPARQL JSON/XML results, N-Triples CONSTRUCT), then stops it.
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

EX = Namespace("http://example.org/")


def start_server(binary, store_dir):
    proc = subprocess.Popen([binary, "serve", store_dir, "--port", "0"], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        proc.kill()
        sys.exit("server did not report its port: %r" % line)
    return proc, "http://127.0.0.1:%s/sparql" % match.group(1)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def run(endpoint):
    store = SPARQLUpdateStore(query_endpoint=endpoint, update_endpoint=endpoint)
    graph = Graph(store, identifier=URIRef("http://example.org/people"))

    # Updates through rdflib: INSERT DATA into a named graph, then a DELETE/INSERT WHERE.
    graph.add((EX.alice, EX.name, Literal("Alice")))
    graph.add((EX.bob, EX.name, Literal("Bob")))
    graph.add((EX.alice, EX.knows, EX.bob))
    store.update("INSERT DATA { GRAPH <http://example.org/people> { <http://example.org/bob> <http://example.org/age> 42 } }")
    check(len(graph) == 4, "graph has %d triples, wanted 4" % len(graph))

    # SELECT through the protocol (rdflib asks for SPARQL XML results).
    rows = sorted(str(r[0]) for r in store.query(
        "SELECT ?n WHERE { GRAPH <http://example.org/people> { ?s <http://example.org/name> ?n } }"))
    check(rows == ["Alice", "Bob"], "names: %r" % rows)

    # Typed literals survive the round trip.
    ages = [r[0] for r in store.query("SELECT ?a WHERE { GRAPH ?g { ?s <http://example.org/age> ?a } }")]
    check(ages == [Literal(42)] and ages[0].toPython() == 42, "ages: %r" % ages)

    # ASK and CONSTRUCT.
    check(bool(store.query("ASK { GRAPH ?g { <http://example.org/alice> <http://example.org/knows> ?x } }")),
          "ASK was false")
    constructed = store.query(
        "CONSTRUCT { ?s <http://example.org/label> ?n } WHERE { GRAPH ?g { ?s <http://example.org/name> ?n } }")
    check(len(constructed.graph) == 2, "CONSTRUCT gave %d triples" % len(constructed.graph))

    # Triple-pattern reads go through rdflib's own query generation.
    check((EX.alice, EX.knows, EX.bob) in graph, "alice knows bob is missing")
    graph.remove((EX.alice, EX.knows, None))
    check((EX.alice, EX.knows, EX.bob) not in graph, "remove did not remove")

    # A syntax error comes back as HTTP 400, which rdflib turns into a ValueError.
    try:
        store.query("SELECT ?x WHERE { ?x ?y }")
        raise AssertionError("a bad query did not fail")
    except ValueError as error:
        cause = error.__context__
        check(getattr(cause, "code", None) == 400, "bad query: wanted HTTP 400, got %r" % cause)

def main():
    binary = sys.argv[1]
    work = tempfile.mkdtemp(prefix="sextant-rdflib-")
    proc = None
    try:
        proc, endpoint = start_server(binary, os.path.join(work, "db"))
        run(endpoint)
        print("rdflib client: all checks passed against", endpoint)
    finally:
        if proc is not None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
