"""Sextant, an embedded RDF quad store with SPARQL 1.1, as a Python module.

    import sextant
    with sextant.Database("facts.db") as db:
        db.load("article.trig")
        for row in db.query("SELECT ?s ?label WHERE { ?s rdfs:label ?label }"):
            print(row["s"], row["label"].value)
"""
from ._errors import (Busy, ConstraintViolation, Corruption, Error, Internal, Interrupted, InvalidArgument, StoreIOError, Locked,
                      NotFound, ParseError, ResourceExhausted, Timeout, Unsupported, VersionMismatch)
from ._terms import IRI, BlankNode, Literal, Triple, TripleTerm
from ._database import Database, PreparedQuery, Result, Row, Transaction, UpdateStats
from ._native import version as __version__

__all__ = [
    "Database", "PreparedQuery", "Result", "Row", "Transaction", "UpdateStats",
    "IRI", "BlankNode", "Literal", "Triple", "TripleTerm",
    "Error", "InvalidArgument", "NotFound", "StoreIOError", "Corruption", "Locked", "ParseError",
    "VersionMismatch", "Interrupted", "Timeout", "ResourceExhausted", "Unsupported", "Busy", "Internal",
    "ConstraintViolation",
]
