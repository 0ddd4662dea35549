"""Fixtures for the stored-query tests: one fixture graph in three engines.

* ``embedded``: tipgraph's pyoxigraph store (binds with Oxigraph substitutions).
* ``rdflib_engine``: rdflib's own SPARQL engine on a ``Dataset``, binding with
  ``initBindings`` (rdflib pushes them into every part of the query).
* ``values_engine``: rdflib again, but binding the way the remote store does (a
  ``VALUES`` block of serialised terms at the head of the WHERE group), which is
  what any SPARQL 1.1 endpoint sees.

Each also has the ontology graph and the entity summary (``store/derived.py``), as a
real store does (both stores keep the summary): the query variants read labels from it.
``without_summary`` gives the fixture as a store without the summary would hold it.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Identifier

from tipgraph.loading import with_core_classes
from tipgraph.namespaces import ONTOLOGY_GRAPH
from tipgraph.resources import ontology_files
from tipgraph.store.base import GraphStore, SelectResult, StoreStats
from tipgraph.store.binding import bind_values
from tipgraph.store.derived import DERIVED_GRAPH, full_layout

FIXTURE = Path(__file__).parent / "fixtures" / "cooperation.trig"


def fixture_dataset(summary: bool = True) -> Dataset:
    """The fixture as ``tipgraph load`` stores it: every node also typed with its core class,
    with the entity summary that the stores keep (unless ``summary`` is false)."""
    parsed = Dataset()
    parsed.parse(FIXTURE, format="trig")
    ds = Dataset(default_union=True)
    for g in parsed.graphs():
        if isinstance(g.identifier, URIRef) and len(g):
            target = ds.graph(g.identifier)
            for t in with_core_classes(list(g)):
                target.add(t)
    onto = ds.graph(ONTOLOGY_GRAPH)
    for path in ontology_files():
        onto.parse(path, format="turtle")
    if summary:
        layout = full_layout((g.identifier, list(g)) for g in ds.graphs() if isinstance(g.identifier, URIRef))
        target = ds.graph(DERIVED_GRAPH)
        for t in layout:
            target.add(t)
    return ds


class RdflibStore(GraphStore):
    """A read-mostly GraphStore on rdflib's engine, for cross-engine tests only."""

    def __init__(self, dataset: Dataset, *, values_block: bool = False):
        self.ds = dataset
        self.values_block = values_block
        self.location = "rdflib:memory"

    def _query(self, query: str, bindings):
        if self.values_block:
            return self.ds.query(bind_values(query, bindings))
        return self.ds.query(query, initBindings=dict(bindings or {}))

    def select(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> SelectResult:
        result = self._query(query, bindings)
        variables = [str(v) for v in result.vars]
        rows = [{v: row[i] for i, v in enumerate(variables) if row[i] is not None} for row in result]
        return SelectResult(variables, rows)

    def ask(self, query, bindings=None) -> bool:
        return bool(self._query(query, bindings).askAnswer)

    def construct(self, query, bindings=None) -> Graph:
        g = Graph()
        for t in self._query(query, bindings):
            g.add(t)
        return g

    def graph_names(self) -> list[URIRef]:
        return [g.identifier for g in self.ds.graphs() if isinstance(g.identifier, URIRef)]

    def graph(self, name: URIRef) -> Graph:
        g = Graph()
        for t in self.ds.graph(name):
            g.add(t)
        return g

    def export(self, out, fmt, graph=None) -> int:  # pragma: no cover - not needed here
        raise NotImplementedError

    def stats(self) -> StoreStats:  # pragma: no cover - not needed here
        raise NotImplementedError

    def replace_graphs(self, graphs: Mapping[URIRef, Iterable]) -> int:  # pragma: no cover
        raise NotImplementedError

    def drop_graphs(self, names) -> None:  # pragma: no cover
        raise NotImplementedError

    def update(self, sparql_update: str) -> None:
        self.ds.update(sparql_update)


def load_into(store: GraphStore, ds: Dataset) -> None:
    graphs = {}
    for g in ds.graphs():
        if isinstance(g.identifier, URIRef) and len(g) and g.identifier != DERIVED_GRAPH:
            graphs[g.identifier] = list(g)
    store.replace_graphs(graphs)


@pytest.fixture(scope="session")
def embedded_dir(tmp_path_factory) -> Path:
    from tipgraph.store.embedded import EmbeddedStore

    path = tmp_path_factory.mktemp("queries") / "store"
    store = EmbeddedStore(path)
    load_into(store, fixture_dataset())
    store.close()
    return path


@pytest.fixture(scope="session")
def embedded(embedded_dir):
    from tipgraph.store.embedded import EmbeddedStore

    store = EmbeddedStore(embedded_dir, read_only=True)
    yield store
    store.close()


@pytest.fixture(scope="session")
def rdflib_engine() -> RdflibStore:
    return RdflibStore(fixture_dataset())


@pytest.fixture(scope="session")
def values_engine() -> RdflibStore:
    return RdflibStore(fixture_dataset(), values_block=True)


@pytest.fixture(scope="session", params=["embedded", "rdflib_engine", "values_engine"])
def engine(request) -> GraphStore:
    """Each engine in turn."""
    return request.getfixturevalue(request.param)
