"""Running a stored query: check and bind its parameters, ask the store, convert rows."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from ..store import derived
from ..store.base import GraphStore
from ..store.binding import bind_values
from .catalogue import StoredQuery, Variant, load_catalogue
from .lookup import iri_for_name
from .params import ParameterError, QueryError, to_term
from .service import SERVICE_FLAG, check_no_service


class UnknownQueryError(QueryError, LookupError):
    def __init__(self, name: str, known: list[str]):
        from ..suggest import closest

        best = closest(name, known)
        hint = f"did you mean {best[0]}? " if best else ""
        super().__init__(f"no stored query {name!r}; {hint}known: {', '.join(known)}")
        self.name = name
        self.suggestion = best[0] if best else None


def get_query(name: str, catalogue: Mapping[str, StoredQuery] | None = None) -> StoredQuery:
    """The stored query ``name``, or an error that suggests the closest known name."""
    queries = catalogue if catalogue is not None else load_catalogue()
    try:
        return queries[name]
    except KeyError:
        raise UnknownQueryError(name, sorted(queries)) from None


def python_value(term: Identifier | None) -> Any:
    """A plain Python value for a result cell.

    IRIs become ``str``; numbers ``int``/``Decimal``/``float`` (so that "26596000.00"
    and "26596000" are the same value, whatever the engine wrote); ``xsd:date`` a
    ``datetime.date``; dates of lower precision (gYear, gYearMonth) stay ISO strings
    rather than become a made-up first of January.
    """
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        if term.datatype in (XSD.gYear, XSD.gYearMonth):
            return str(term)
        if term.datatype == XSD.date:
            try:
                return dt.date.fromisoformat(str(term))
            except ValueError:
                return str(term)
        if term.datatype is None and term.language is None and str(term) == "":
            return None  # the queries' "nothing" for lists and dates, whichever engine ran them
        value = term.toPython()
        if isinstance(value, (int, float, Decimal, bool, str)) and not isinstance(value, Literal):
            return value
        return str(term)
    return str(term)


#: How the stored queries separate the items of a list cell.
LIST_SEPARATOR = " | "


def sorted_list(value: Any) -> Any:
    """A " | "-separated list cell with its items sorted: ``GROUP_CONCAT`` order is not
    defined by SPARQL and differs between engines (Oxigraph, Virtuoso)."""
    if not isinstance(value, str) or LIST_SEPARATOR not in value:
        return value
    return LIST_SEPARATOR.join(sorted(value.split(LIST_SEPARATOR)))


def bind_parameters(
    store: GraphStore, query: StoredQuery, values: Mapping[str, object]
) -> tuple[dict[str, Identifier], dict[str, Identifier]]:
    """``(bindings by variable, terms by parameter name)`` for the given values.

    Unknown parameter names and missing required ones are errors; optional ones that
    are not given stay unbound (the queries treat that as "no filter"); defaults from
    the header fill in first.
    """
    given = {k.rstrip("_"): v for k, v in values.items() if v is not None}
    unknown = sorted(set(given) - {p.name for p in query.parameters})
    if unknown:
        known = ", ".join(p.name for p in query.parameters) or "none"
        raise ParameterError(unknown[0], f"{query.name} has no such parameter (it takes: {known})")
    bindings: dict[str, Identifier] = {}
    terms: dict[str, Identifier] = {}
    for p in query.parameters:
        value = given.get(p.name, p.default)
        if value is None or (isinstance(value, str) and value == "" and p.type != "string"):
            if p.required:
                raise ParameterError(p.name, f"{query.name} needs it: {p.description}")
            continue
        term = to_term(p, value)
        if term is None:  # an IRI parameter given by name
            term = iri_for_name(store, p.name, str(value), p.kind or "Actor")
        bindings[p.variable] = term
        terms[p.name] = term
    return bindings, terms


@dataclass
class QueryResult:
    """Rows of a stored query as Python values, columns in SELECT order."""

    query: StoredQuery
    columns: list[str]
    rows: list[dict[str, Any]]
    parameters: dict[str, Identifier] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):
        return iter(self.rows)

    def to_dataframe(self):
        """A pandas DataFrame (pandas is an optional extra: ``pip install 'tipgraph[pandas]'``)."""
        return rows_to_dataframe(self.columns, self.rows, "QueryResult")


def rows_to_dataframe(columns: list[str], rows: list[dict[str, Any]], owner: str):
    """Rows as a pandas DataFrame with the columns in SELECT order; pandas is optional,
    so its absence is explained rather than raised as a bare ImportError."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError(
            f"{owner}.to_dataframe() needs pandas, which is not installed: "
            "pip install 'tipgraph[pandas]' (or use .rows, a list of dicts)"
        ) from None
    return pd.DataFrame(rows, columns=columns)


def is_parameter_column(name: str) -> bool:
    """Parameter variables (``?_x``, ``?__x``) that a query projects are not shown as columns."""
    return name.startswith("_")


def choose_variant(store: GraphStore, query: StoredQuery, given: Mapping[str, object]) -> Variant | None:
    """The variant of ``query`` for these given parameters, or None for the main body.

    Variants read labels from the entity summary through its ``tgd:entity`` links
    (store/derived.py), so a store whose summary lacks them (built by an older version
    and not yet rebuilt, or bulk-loaded) runs the main body, which gives the same rows.
    """
    variant = query.variant_for(given)
    if variant is None or not derived.store_has_entity_links(store):
        return None
    return variant


def run_query(store: GraphStore, name: str | StoredQuery, **params: object) -> QueryResult:
    """Run a stored query by name with keyword parameters (``from_`` for ``from``).

    Example: ``run_query(store, "who-met-whom", actor="IOM", from_="2018")``.
    """
    query = name if isinstance(name, StoredQuery) else get_query(name)
    # Stored queries hold no SERVICE clause; one given as a StoredQuery object may not either.
    check_no_service(query.text, where=f"stored query {query.name!r}",
                     advice=f"stored queries may not (use `tipgraph sparql {SERVICE_FLAG}` for one that must)")
    bindings, terms = bind_parameters(store, query, params)
    variant = choose_variant(store, query, terms)
    if variant is None:
        result = store.select(query.text, bindings)
    else:
        # The variant selects its rows by the parameters inside a sub-select: the values are
        # bound where it marks (the same VALUES block of checked terms the stores write).
        check_no_service(variant.text, where=f"stored query {query.name!r}", advice="stored queries may not")
        result = store.select(bind_values(variant.text, bindings, at_marks=True), None)
    columns = [v for v in result.variables if not is_parameter_column(v)]
    rows = [{c: python_value(row.get(c)) for c in columns} for row in result.rows]
    for column in query.lists:
        for row in rows:
            row[column] = sorted_list(row.get(column))
    return QueryResult(query=query, columns=columns, rows=rows, parameters=terms)
