"""Database, query results, prepared queries and transactions."""
from typing import NamedTuple, Optional

from . import _native
from ._terms import Triple, from_native, to_native

_SELECT, _ASK = 0, 1


class UpdateStats(NamedTuple):
    inserted: int
    deleted: int


class Row(tuple):
    """One SELECT solution: a tuple of terms (None when unbound), also indexable by variable."""
    __slots__ = ()
    _index = {}

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key.lstrip("?$")])
        return tuple.__getitem__(self, key)

    def asdict(self):
        return {name: tuple.__getitem__(self, i) for name, i in self._index.items()}


class Result:
    """The rows of a query, produced one at a time as you iterate; iterate once.

    SELECT yields Row objects, CONSTRUCT and DESCRIBE yield Triple objects. The result keeps the
    store open until it is exhausted, closed or garbage-collected.
    """

    def __init__(self, cursor):
        self._cursor = cursor
        self.variables = cursor.columns() if cursor.form() == _SELECT else []
        self._row_type = type("Row", (Row,), {"__slots__": (), "_index": {v: i for i, v in enumerate(self.variables)}})

    def __iter__(self):
        return self

    def __next__(self):
        if self._cursor is None:
            raise StopIteration
        row = self._cursor.next()
        if row is None:
            self.close()
            raise StopIteration
        terms = [from_native(t) for t in row]
        return self._row_type(terms) if self.variables else Triple(*terms)

    def close(self):
        """Frees the cursor now instead of at garbage collection."""
        self._cursor = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class PreparedQuery:
    """A query parsed once and run many times with different parameter values."""

    def __init__(self, prepared):
        self._prepared = prepared

    def bind(self, name, value):
        """Binds ?name (IRI, BlankNode, Literal, or a bool/int/float/str made a literal)."""
        self._prepared.bind(name, to_native(value))
        return self

    def clear(self):
        self._prepared.clear()

    def execute(self, **bindings):
        """Runs with the current bindings plus `bindings` (which stay bound afterwards)."""
        for name, value in bindings.items():
            self.bind(name, value)
        return _result_or_boolean(self._prepared.execute())


class Transaction:
    """A write transaction; as a context manager it commits on success and rolls back on error."""

    def __init__(self, txn):
        self._txn = txn

    def insert(self, subject, predicate, obj, graph=None):
        self._txn.insert(*_quad(subject, predicate, obj, graph))

    def remove(self, subject, predicate, obj, graph=None):
        self._txn.remove(*_quad(subject, predicate, obj, graph))

    def __contains__(self, quad):
        return self._txn.contains(*_quad(*quad))

    def commit(self):
        self._txn.commit()

    def rollback(self):
        self._txn.rollback()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.commit()
        else:
            self.rollback()
        return False


class Database:
    """A store directory, opened (and created when missing) for reading and writing.

    Use it as a context manager, or call close(). One Database may be shared by threads; each
    Result, PreparedQuery or Transaction belongs to one thread at a time.
    """

    def __init__(self, path, read_only=False, create=True, timeout: Optional[float] = None):
        flags = (_native.OPEN_READ_ONLY if read_only else 0) | (0 if create else _native.OPEN_NO_CREATE)
        self._db = _native.Db(str(path), flags)
        if timeout is not None:
            self.timeout = timeout

    @property
    def timeout(self):
        return self._timeout

    @timeout.setter
    def timeout(self, seconds):
        """Seconds a query or update may run (None = no limit); applies to later calls."""
        self._db.set_timeout(0 if seconds is None else max(1, int(seconds * 1000)))
        self._timeout = seconds

    _timeout = None

    def query(self, sparql):
        """SELECT/CONSTRUCT/DESCRIBE: a lazily iterated Result; ASK: a bool."""
        return _result_or_boolean(self._db.query(sparql))

    def prepare(self, sparql):
        return PreparedQuery(self._db.prepare(sparql))

    def update(self, sparql):
        """Runs a SPARQL 1.1 Update atomically; returns UpdateStats(inserted, deleted)."""
        return UpdateStats(*self._db.update(sparql))

    def load(self, path, format=None, graph=None):
        """Loads an RDF file, all or nothing; returns the number of new quads."""
        return self._db.load_file(str(path), format, graph)

    def load_string(self, text, format, graph=None, base=None):
        return self._db.load_string(text, format, base, graph)

    def transaction(self):
        return Transaction(self._db.begin())

    def interrupt(self):
        """Stops the queries and updates running now (from any thread): they raise Interrupted."""
        self._db.interrupt()

    def close(self):
        """Closes the handle; the store closes once its results and transactions are gone too."""
        self._db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _result_or_boolean(cursor):
    return cursor.boolean() if cursor.form() == _ASK else Result(cursor)


def _quad(subject, predicate, obj, graph=None):
    return (to_native(subject), to_native(predicate), to_native(obj),
            None if graph is None else to_native(graph))
