"""Stored SPARQL queries with typed, bound parameters.

The questions analysts ask again and again live as ``queries/*.rq`` files with
grlc-style headers (see :mod:`.catalogue`). :func:`run_query` checks and binds the
parameters (names like "IOM" are resolved to IRIs), runs the query on any
:class:`~tipgraph.store.GraphStore` and returns a :class:`QueryResult`;
:func:`run_sparql` runs a query someone wrote, with bound values too.
"""
from __future__ import annotations

from .adhoc import SparqlResult, run_sparql
from .catalogue import CatalogueError, Parameter, StoredQuery, load_catalogue
from .lookup import AmbiguousEntityError, Candidate, UnknownEntityError, candidates, iri_for_name
from .params import ParameterError, QueryError
from .runner import QueryResult, UnknownQueryError, get_query, python_value, run_query

__all__ = [
    "AmbiguousEntityError",
    "Candidate",
    "CatalogueError",
    "Parameter",
    "ParameterError",
    "QueryError",
    "QueryResult",
    "SparqlResult",
    "StoredQuery",
    "UnknownEntityError",
    "UnknownQueryError",
    "candidates",
    "get_query",
    "iri_for_name",
    "load_catalogue",
    "python_value",
    "run_query",
    "run_sparql",
]
