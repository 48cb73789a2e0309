"""RDF terms as small immutable values."""
from typing import NamedTuple, Optional

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_DIR_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"

# Kinds as the C API numbers them (sextant_term_kind).
_IRI, _BLANK, _LITERAL, _TRIPLE = 1, 2, 3, 4


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
    """A literal: lexical form, datatype IRI, language tag and base direction ("ltr", "rtl" or "" for
    none; only with a language tag), as stored, never normalised."""
    __slots__ = ("lexical", "datatype", "language", "direction")

    def __init__(self, lexical, datatype: Optional[str] = None, language: Optional[str] = None,
                 direction: Optional[str] = None):
        if not isinstance(lexical, str):
            raise TypeError(f"a literal's lexical form is a str, not {type(lexical).__name__}")
        if direction and direction not in ("ltr", "rtl"):
            raise ValueError("a base direction is 'ltr' or 'rtl'")
        if direction and not language:
            raise ValueError("only a literal with a language tag has a base direction")
        tagged = RDF_DIR_LANG_STRING if direction else RDF_LANG_STRING
        if language and datatype and datatype != tagged:
            raise ValueError(f"a literal with a language tag has datatype {tagged}")
        self.lexical = lexical
        self.language = language or ""
        self.direction = direction or ""
        self.datatype = tagged if self.language else (datatype or XSD + "string")

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
            return f"{text}@{self.language}" + (f"--{self.direction}" if self.direction else "")
        if self.datatype != XSD + "string":
            return f"{text}^^<{self.datatype}>"
        return text

    def __eq__(self, other):
        return (isinstance(other, Literal) and self.lexical == other.lexical and self.datatype == other.datatype
                and self.language == other.language and self.direction == other.direction)

    def __hash__(self):
        return hash((self.lexical, self.datatype, self.language, self.direction))

    def __str__(self):
        return self.lexical

    def __repr__(self):
        extra = f", language={self.language!r}" if self.language else (
            "" if self.datatype == XSD + "string" else f", datatype={self.datatype!r}")
        if self.direction:
            extra += f", direction={self.direction!r}"
        return f"Literal({self.lexical!r}{extra})"


class Triple(NamedTuple):
    """A CONSTRUCT or DESCRIBE result."""
    subject: object
    predicate: IRI
    object: object


class TripleTerm(NamedTuple):
    """An RDF 1.2 triple term, <<( subject predicate object )>>: a term that is a triple, usable as
    an object (for example of rdf:reifies)."""
    subject: object
    predicate: IRI
    object: object

    def n3(self):
        return f"<<( {_n3(self.subject)} {_n3(self.predicate)} {_n3(self.object)} )>>"


def _n3(term):
    return term.n3() if hasattr(term, "n3") else Literal.of(term).n3()


def from_native(t):
    """A term from the native module's (kind, value, datatype, language, direction, parts) tuple."""
    if t is None:
        return None
    kind, value, datatype, language, direction, parts = t
    if kind == _IRI:
        return IRI(value)
    if kind == _BLANK:
        return BlankNode(value)
    if kind == _TRIPLE:
        return TripleTerm(*(from_native(p) for p in parts))
    return Literal(value, datatype, language, direction)


def to_native(term):
    """The native tuple for a term; plain Python values become typed literals."""
    if isinstance(term, IRI):
        return (_IRI, str(term), "", "", "", None)
    if isinstance(term, BlankNode):
        return (_BLANK, str(term), "", "", "", None)
    if isinstance(term, TripleTerm):
        return (_TRIPLE, "", "", "", "", tuple(to_native(p) for p in term))
    if not isinstance(term, Literal):
        term = Literal.of(term)
    return (_LITERAL, term.lexical, term.datatype, term.language, term.direction, None)
