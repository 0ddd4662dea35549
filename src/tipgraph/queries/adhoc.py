"""Running a SPARQL query someone typed: what ``tipgraph sparql`` does, as an API.

An ad-hoc query is text from outside, so two things are refused unless asked for:
SPARQL Update (it changes the store: ``allow_update``) and SERVICE clauses (the
engine would fetch the URL they name: ``allow_service``, see :mod:`.service`).
Values for the query's variables come as ``bindings`` and are bound by the store (a
``VALUES`` block of escaped RDF terms, see :mod:`tipgraph.store.binding`), never
pasted into the text, as for the stored queries.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rdflib import Graph, Literal
from rdflib.namespace import XSD
from rdflib.term import Identifier

from ..namespaces import sparql_prefixes
from ..store.base import GraphStore
from .params import QueryError
from .runner import python_value, rows_to_dataframe
from .service import check_no_service


class UpdateNotAllowedError(QueryError, ValueError):
    """The text is a SPARQL Update and updates were not allowed."""

    def __init__(self) -> None:
        super().__init__("this is a SPARQL Update; the store is read-only unless --allow-update is given")


class NotSparqlError(QueryError, ValueError):
    """The text is neither a SPARQL query nor an update."""


def with_prefixes(text: str) -> str:
    """The text with tipgraph's usual PREFIX lines in front (tip:, rdfs:, skos: ...)."""
    return sparql_prefixes() + text


def query_kind(text: str) -> str:
    """'select', 'ask', 'construct', 'describe' or 'update' (rdflib's parser decides)."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parsed = parseQuery(text)
        return parsed[1].name.replace("Query", "").lower()
    except ParseException as query_error:
        try:
            parseUpdate(text)
        except ParseException:
            raise NotSparqlError(f"not a SPARQL query or update: {query_error}") from None
        return "update"


def check_adhoc(text: str, *, allow_update: bool = False, allow_service: bool = False) -> str:
    """The kind of ``text`` (see :func:`query_kind`) once it passed both guards.

    SERVICE is checked first: an update with a SERVICE clause names that problem too.
    """
    check_no_service(text, allow_service=allow_service)
    kind = query_kind(text)
    if kind == "update" and not allow_update:
        raise UpdateNotAllowedError()
    return kind


_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def binding_terms(bindings: Mapping[str, object] | None) -> dict[str, Identifier]:
    """RDF terms for ``bindings`` (variable name, with or without ``?``, to value).

    rdflib terms are kept as they are; ``str`` becomes a plain literal (an IRI must be a
    ``URIRef``: a text is never taken for an IRI by its looks), ``bool``, ``int``,
    ``float``, ``Decimal`` and ``datetime.date`` typed literals.
    """
    terms: dict[str, Identifier] = {}
    for name, value in (bindings or {}).items():
        var = name[1:] if name[:1] in "?$" else name
        if not _VARIABLE.match(var):
            raise QueryError(f"binding {name!r}: not a SPARQL variable name")
        if isinstance(value, Identifier):
            terms[var] = value
        elif isinstance(value, dt.datetime):
            terms[var] = Literal(value.isoformat(), datatype=XSD.dateTime)
        elif isinstance(value, dt.date):
            terms[var] = Literal(value.isoformat(), datatype=XSD.date)
        elif isinstance(value, (bool, int, float, Decimal, str)):
            terms[var] = Literal(value)
        else:
            raise QueryError(f"binding {name!r}: cannot bind a {type(value).__name__} (give an rdflib term)")
    return terms


@dataclass
class SparqlResult:
    """What an ad-hoc query gave: rows (SELECT), a boolean (ASK) or a graph (CONSTRUCT, DESCRIBE)."""

    kind: str
    columns: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    #: True when a SELECT had more rows than ``max_rows`` (the rows past it are not here)
    truncated: bool = False

    def to_dataframe(self):
        """A SELECT's rows as a pandas DataFrame, like :meth:`QueryResult.to_dataframe`."""
        if self.kind != "select":
            raise QueryError(f"an {self.kind.upper()} result has no rows for a DataFrame")
        return rows_to_dataframe(self.columns, self.rows, "SparqlResult")


def run_sparql(store: GraphStore, text: str, bindings: Mapping[str, object] | None = None, *,
               allow_update: bool = False, allow_service: bool = False, prefixes: bool = True,
               kind: str | None = None, max_rows: int | None = None) -> SparqlResult:
    """Run an ad-hoc query or (with ``allow_update``) update on ``store``.

    ``bindings`` give variables values (see :func:`binding_terms`), bound at the head of
    the WHERE group, so a value is data and never query text:
    ``run_sparql(store, "SELECT ?m WHERE { ?m tip:participant ?a }", {"a": URIRef(iom)})``.

    Raises :class:`~.service.ServiceNotAllowedError` for a SERVICE clause without
    ``allow_service``, :class:`UpdateNotAllowedError` for an update without
    ``allow_update``, :class:`NotSparqlError` for text that is neither; the store's
    own errors pass through as :class:`~tipgraph.store.StoreError`. ``kind``, when the
    caller already has it from :func:`check_adhoc`, saves parsing the text again.
    ``max_rows`` bounds a SELECT's rows (``truncated`` says whether there were more).
    """
    full = with_prefixes(text) if prefixes else text
    if kind is None:
        kind = check_adhoc(full, allow_update=allow_update, allow_service=allow_service)
    else:
        check_no_service(full, allow_service=allow_service)
        if kind == "update" and not allow_update:
            raise UpdateNotAllowedError()
    terms = binding_terms(bindings)
    if kind == "update":
        if terms:
            raise QueryError("bindings are for queries; an update takes none")
        store.update(full)
        return SparqlResult(kind)
    if kind == "select":
        result = store.select(full, terms) if max_rows is None else store.select(full, terms, limit=max_rows + 1)
        truncated = max_rows is not None and len(result.rows) > max_rows
        rows = [{v: python_value(r.get(v)) for v in result.variables} for r in result.rows[:max_rows]]
        return SparqlResult(kind, list(result.variables), rows, truncated=truncated)
    if kind == "ask":
        return SparqlResult(kind, boolean=store.ask(full, terms))
    return SparqlResult(kind, graph=store.construct(full, terms))
