"""One exception class per status code of the C API, all under sextant.Error."""


class Error(Exception):
    """A failed Sextant call. `code` is the C API's status code name ("Locked", ...)."""

    code = "Internal error"

    def __init__(self, message, line=0, column=0):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class InvalidArgument(Error, ValueError):
    code = "Invalid argument"


class NotFound(Error):
    code = "Not found"


class StoreIOError(Error, OSError):
    code = "I/O error"


class Corruption(Error):
    code = "Corruption"


class Locked(Error):
    """The store is open for writing in another process."""
    code = "Locked"


class ParseError(Error):
    """A SPARQL query or RDF input did not parse; `line` and `column` are 1-based."""
    code = "Syntax error"

    def __str__(self):
        return f"{self.line}:{self.column}: {self.message}"


class VersionMismatch(Error):
    code = "Version mismatch"


class Interrupted(Error):
    code = "Interrupted"


class Timeout(Error, TimeoutError):
    code = "Timeout"


class ResourceExhausted(Error):
    code = "Resource exhausted"


class Unsupported(Error):
    code = "Unsupported"


class Busy(Error):
    """Another write transaction is open on the store."""
    code = "Busy"


class Internal(Error):
    code = "Internal error"


class ConstraintViolation(Error):
    """The change would break a SHACL shape the store enforces; the message is the report."""
    code = "Constraint violation"


# Indexed by the C API's sextant_code values (SEXTANT_INVALID_ARGUMENT = 1, ...).
_BY_CODE = [None, InvalidArgument, NotFound, StoreIOError, Corruption, Locked, ParseError, VersionMismatch,
            Interrupted, Timeout, ResourceExhausted, Unsupported, Busy, Internal, ConstraintViolation]


def make_error(code, message, line, column):
    """Called by the native module to build the exception it raises."""
    cls = _BY_CODE[code] if 0 < code < len(_BY_CODE) else Internal
    return cls(message, line, column)
