"""Checking parameter values against their type and turning them into RDF terms.

Values arrive as text (from the command line) or Python objects (from the API).
They become rdflib terms here and are handed to the store as *bindings*: no value
is ever written into the query text, so quotes, braces or ``} ; DROP ALL ; #``
are just characters of a literal.
"""
from __future__ import annotations

import datetime as dt
import re

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from ..namespaces import PREFIXES, expand_short_iri
from ..store.binding import is_valid_iri
from .catalogue import Parameter


class QueryError(Exception):
    """A stored query cannot be run as asked (unknown query, bad parameter)."""


class ParameterError(QueryError, ValueError):
    """A parameter value is missing, unknown or not of its type."""

    def __init__(self, parameter: str, message: str):
        super().__init__(f"parameter {parameter!r}: {message}")
        self.parameter = parameter


#: An absolute IRI: a scheme, then no character that N-Triples forbids in an IRI.
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]+$")
_LOOKS_LIKE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
_CURIE = re.compile(r"^([A-Za-z][A-Za-z0-9\-]*):([^\s:/][^\s]*)$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_INTEGER = re.compile(r"^[+-]?\d{1,18}$")
MAX_STRING = 10_000


def parse_iri(param: Parameter, value: str) -> URIRef | None:
    """The IRI for a value written as an IRI or a known CURIE; None when it is a name."""
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    m = _CURIE.match(text)
    if m and m.group(1) in PREFIXES:
        text = PREFIXES[m.group(1)] + m.group(2)
    text = expand_short_iri(text) or text  # org/un, as tables print IRIs
    if _LOOKS_LIKE_IRI.match(text) or text != value.strip():
        if not _IRI.match(text) or not is_valid_iri(text):
            raise ParameterError(param.name, f"not a valid IRI (spaces or forbidden characters): {value[:80]!r}")
        return URIRef(text)
    return None


def date_literal(param: Parameter, value: object) -> Literal:
    """YYYY, YYYY-MM or YYYY-MM-DD as xsd:gYear, xsd:gYearMonth or xsd:date."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    text = str(value).strip()
    m = _DATE.match(text)
    if not m:
        raise ParameterError(param.name, f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {text[:40]!r}")
    year, month, day = m.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ParameterError(param.name, f"no such date: {text!r}") from None
    datatype = XSD.date if day else XSD.gYearMonth if month else XSD.gYear
    return Literal(text, datatype=datatype)


def integer_literal(param: Parameter, value: object) -> Literal:
    """An integer value as xsd:integer; booleans and text that is not a whole number are refused."""
    if isinstance(value, bool):
        raise ParameterError(param.name, "not an integer")
    if isinstance(value, int):
        number = value
    else:
        text = str(value).strip()
        if not _INTEGER.match(text):
            raise ParameterError(param.name, f"not an integer: {text[:40]!r}")
        number = int(text)
    return Literal(number, datatype=XSD.integer)


def string_literal(param: Parameter, value: object) -> Literal:
    """A string value as a plain literal, bounded in length so a request cannot send megabytes."""
    text = str(value)
    if len(text) > MAX_STRING:
        raise ParameterError(param.name, f"longer than {MAX_STRING} characters")
    return Literal(text)


def to_term(param: Parameter, value: object) -> Identifier | None:
    """The term for a non-IRI value; for IRIs, the IRI when given as one (else None: a name)."""
    if param.type == "iri":
        if isinstance(value, URIRef):
            return parse_iri(param, f"<{value}>")
        return parse_iri(param, str(value))
    if param.type == "date":
        return date_literal(param, value)
    if param.type == "integer":
        return integer_literal(param, value)
    return string_literal(param, value)
