"""Running a query from the web within the row limit, keeping the engine's RDF terms.

``tipgraph sparql`` turns results into Python values for a terminal; the protocol must
give the terms back as they are (datatypes, languages, blank nodes), so this module
asks the store itself. On a store whose engine reads results lazily
(``capabilities.lazy_results``: the embedded store), rows are read one by one from
:meth:`GraphStore.stream`: reading stops at the row limit and at the deadline. Other
stores return the whole result, which is then checked against the limit.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph

from ..store.base import GraphStore, Row, StoreError, Streamed
from .limits import Deadline, TooManyRows

#: Rows read between two looks at the clock.
_CHECK_EVERY = 256


@dataclass
class Answer:
    """The result of a query: ``variables`` and ``rows`` (SELECT), ``boolean`` (ASK) or ``graph``."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None


def _read(items, limit: int, deadline: Deadline, what: str, convert) -> list:
    out = []
    try:
        for i, item in enumerate(items):
            if i >= limit:
                raise TooManyRows(limit, what)
            if i % _CHECK_EVERY == 0:
                deadline.check()
            out.append(convert(item))
    except OSError as exc:
        raise StoreError(str(exc)) from None
    deadline.check()
    return out


def run_limited(store: GraphStore, query: str, kind: str, *, row_limit: int, deadline: Deadline) -> Answer:
    """Run a checked query (``kind`` from :func:`tipgraph.queries.adhoc.check_adhoc`)."""
    if store.capabilities.lazy_results:
        return _run_lazily(store, query, kind, row_limit, deadline)
    if kind == "select":
        result = store.select(query)
        if len(result.rows) > row_limit:
            raise TooManyRows(row_limit)
        return Answer(kind, list(result.variables), result.rows)
    if kind == "ask":
        return Answer(kind, boolean=store.ask(query))
    graph = store.construct(query)
    if len(graph) > row_limit:
        raise TooManyRows(row_limit, "triples")
    return Answer(kind, graph=graph)


def _run_lazily(store: GraphStore, query: str, kind: str, row_limit: int, deadline: Deadline) -> Answer:
    result = store.stream(query, kind)
    try:
        return _answer(result, kind, row_limit, deadline)
    except Exception as exc:
        # Oxigraph's results must be freed on the thread that made them: drop the frames
        # (which hold them) from the traceback before the error goes to the event loop.
        raise exc.with_traceback(None)  # noqa: B904
    finally:
        del result


def _answer(result: Streamed, kind: str, row_limit: int, deadline: Deadline) -> Answer:
    if result.kind == "select":
        return Answer("select", result.variables, _read(result.rows, row_limit, deadline, "rows", _same))
    if result.kind == "ask":
        return Answer("ask", boolean=result.boolean)
    graph = Graph()
    for s, p, o in _read(result.triples, row_limit, deadline, "triples", _same):
        graph.add((s, p, o))
    return Answer(result.kind, graph=graph)


def _same(item):
    return item
