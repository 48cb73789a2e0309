"""RDF terms as small immutable values."""
from typing import NamedTuple, Optional

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# Kinds as the C API numbers them (sextant_term_kind).
_IRI, _BLANK, _LITERAL = 1, 2, 3


def _escape(text):
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r"))


class IRI(str):
    """An IRI; a str, so it compares and hashes like its text."""
    __slots__ = ()

    def n3(self):
        return f"<{self}>"

    def __repr__(self):
        return f"IRI({str.__repr__(self)})"


class BlankNode(str):
    """A blank node by its label (without "_:")."""
    __slots__ = ()

    def n3(self):
        return f"_:{self}"

    def __repr__(self):
        return f"BlankNode({str.__repr__(self)})"


class Literal:
    """A literal: lexical form, datatype IRI and language tag (as stored, never normalised)."""
    __slots__ = ("lexical", "datatype", "language")

    def __init__(self, lexical, datatype: Optional[str] = None, language: Optional[str] = None):
        if not isinstance(lexical, str):
            raise TypeError(f"a literal's lexical form is a str, not {type(lexical).__name__}")
        if language and datatype and datatype != RDF_LANG_STRING:
            raise ValueError("a literal with a language tag has datatype rdf:langString")
        self.lexical = lexical
        self.language = language or ""
        self.datatype = RDF_LANG_STRING if self.language else (datatype or XSD + "string")

    @classmethod
    def of(cls, value):
        """A typed literal for a Python bool, int, float or str."""
        if isinstance(value, bool):
            return cls("true" if value else "false", XSD + "boolean")
        if isinstance(value, int):
            return cls(str(value), XSD + "integer")
        if isinstance(value, float):
            return cls(repr(value).replace("inf", "INF").replace("nan", "NaN"), XSD + "double")
        if isinstance(value, str):
            return cls(value)
        raise TypeError(f"cannot make an RDF literal from {type(value).__name__}")

    @property
    def value(self):
        """The Python value of xsd:integer, decimal, double, float and boolean; else the text."""
        dt = self.datatype[len(XSD):] if self.datatype.startswith(XSD) else None
        try:
            if dt in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger"):
                return int(self.lexical)
            if dt in ("decimal", "double", "float"):
                return float(self.lexical)
            if dt == "boolean":
                return self.lexical.strip() in ("true", "1")
        except ValueError:
            pass
        return self.lexical

    def n3(self):
        text = f'"{_escape(self.lexical)}"'
        if self.language:
            return f"{text}@{self.language}"
        if self.datatype != XSD + "string":
            return f"{text}^^<{self.datatype}>"
        return text

    def __eq__(self, other):
        return (isinstance(other, Literal) and self.lexical == other.lexical and self.datatype == other.datatype
                and self.language == other.language)

    def __hash__(self):
        return hash((self.lexical, self.datatype, self.language))

    def __str__(self):
        return self.lexical

    def __repr__(self):
        extra = f", language={self.language!r}" if self.language else (
            "" if self.datatype == XSD + "string" else f", datatype={self.datatype!r}")
        return f"Literal({self.lexical!r}{extra})"


class Triple(NamedTuple):
    """A CONSTRUCT or DESCRIBE result."""
    subject: object
    predicate: IRI
    object: object


def from_native(t):
    """A term from the native module's (kind, value, datatype, language) tuple."""
    if t is None:
        return None
    kind, value, datatype, language = t
    if kind == _IRI:
        return IRI(value)
    if kind == _BLANK:
        return BlankNode(value)
    return Literal(value, datatype, language)


def to_native(term):
    """The native tuple for a term; plain Python values become typed literals."""
    if isinstance(term, IRI):
        return (_IRI, str(term), "", "")
    if isinstance(term, BlankNode):
        return (_BLANK, str(term), "", "")
    if not isinstance(term, Literal):
        term = Literal.of(term)
    return (_LITERAL, term.lexical, term.datatype, term.language)
