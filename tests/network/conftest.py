"""Fixtures for the network tests: the meetings dataset in an rdflib-backed GraphStore
and in the embedded pyoxigraph store, and the GEXF 1.3 RELAX NG validator."""
from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO

import pytest
from lxml import etree
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Identifier

from tipgraph.namespaces import ONTOLOGY_GRAPH
from tipgraph.resources import ontology_files
from tipgraph.store.base import GraphStore, SelectResult, StoreStats, Triple

FIXTURES = Path(__file__).parent / "fixtures"
MEETINGS = FIXTURES / "meetings.trig"
TIPID = "https://w3id.org/tipgraph/id/"


class RdflibStore(GraphStore):
    """The GraphStore API over an in-memory rdflib Dataset (default graph = union)."""

    def __init__(self) -> None:
        self.ds = Dataset(default_union=True)
        self.location = "memory"

    def _bind(self, bindings):
        return dict(bindings or {})

    def select(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> SelectResult:
        result = self.ds.query(query, initBindings=self._bind(bindings))
        variables = [str(v) for v in result.vars]
        rows = [{k: r[k] for k in variables if r[k] is not None} for r in result]
        return SelectResult(variables, rows)

    def ask(self, query: str, bindings=None) -> bool:
        return bool(self.ds.query(query, initBindings=self._bind(bindings)).askAnswer)

    def construct(self, query: str, bindings=None) -> Graph:
        g = Graph()
        for t in self.ds.query(query, initBindings=self._bind(bindings)):
            g.add(t)
        return g

    def graph_names(self) -> list[URIRef]:
        return sorted(c.identifier for c in self.ds.graphs() if isinstance(c.identifier, URIRef)
                      and str(c.identifier) != "urn:x-rdflib:default")

    def graph(self, name: URIRef) -> Graph:
        g = Graph()
        for t in self.ds.graph(name):
            g.add(t)
        return g

    def export(self, out: IO[bytes], fmt: str, graph: URIRef | None = None) -> int:
        data = self.ds.serialize(format=fmt).encode() if graph is None else self.graph(graph).serialize(format=fmt).encode()
        out.write(data)
        return len(self.ds)

    def stats(self) -> StoreStats:
        return StoreStats(quads=len(self.ds), graphs=len(self.graph_names()), document_graphs=0, instances={})

    def replace_graphs(self, graphs: Mapping[URIRef, Iterable[Triple]]) -> int:
        n = 0
        for name, triples in graphs.items():
            self.ds.remove_graph(self.ds.graph(name))
            g = self.ds.graph(name)
            for t in triples:
                g.add(t)
                n += 1
        return n

    def drop_graphs(self, names: Iterable[URIRef]) -> None:
        for name in names:
            self.ds.remove_graph(self.ds.graph(name))


def fixture_graphs(path: Path = MEETINGS, with_ontology: bool = True) -> dict[URIRef, list[Triple]]:
    """Named graphs of a TriG file as ``load`` stores them (core classes added), plus the
    packaged ontology in its graph."""
    from tipgraph.loading import with_core_classes

    ds = Dataset()
    ds.parse(path, format="trig")
    graphs = {
        c.identifier: with_core_classes(list(c)) for c in ds.graphs()
        if isinstance(c.identifier, URIRef) and str(c.identifier).startswith(TIPID)
    }
    if with_ontology:
        onto = Graph()
        for f in ontology_files():
            onto.parse(f, format="turtle")
        graphs[ONTOLOGY_GRAPH] = list(onto)
    return graphs


@pytest.fixture()
def rdflib_store() -> RdflibStore:
    store = RdflibStore()
    store.replace_graphs(fixture_graphs())
    return store


@pytest.fixture()
def embedded_store(tmp_path: Path):
    embedded = pytest.importorskip("tipgraph.store.embedded")
    store = embedded.EmbeddedStore(tmp_path / "store")
    store.replace_graphs(fixture_graphs())
    yield store
    store.close()


@pytest.fixture(params=["rdflib", "embedded"])
def store(request):
    """The fixture dataset through each GraphStore implementation."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture()
def embedded_dir(tmp_path: Path) -> Path:
    """A closed embedded store folder holding the fixture dataset (for CLI tests)."""
    embedded = pytest.importorskip("tipgraph.store.embedded")
    path = tmp_path / "clistore"
    store = embedded.EmbeddedStore(path)
    store.replace_graphs(fixture_graphs())
    store.close()
    return path


@pytest.fixture(scope="session")
def gexf_schema(shared_dir: Path) -> etree.RelaxNG:
    """The official GEXF 1.3 RELAX NG grammar (skips when ../shared is absent)."""
    rng = shared_dir / "gexf" / "1.3" / "gexf.rng"
    if not rng.is_file():
        pytest.skip("GEXF 1.3 schema not in ../shared/gexf")
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.RelaxNG(etree.parse(str(rng), parser))


def parse_xml(path_or_bytes) -> etree._ElementTree:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    if isinstance(path_or_bytes, (bytes, bytearray)):
        return etree.parse(io.BytesIO(path_or_bytes), parser)
    return etree.parse(str(path_or_bytes), parser)


@pytest.fixture()
def validate_gexf(request):
    """Validate a GEXF file against the RELAX NG schema when ../shared is there.

    Well-formedness is always checked; only the schema part is skipped without ../shared.
    """

    def check(path) -> etree._ElementTree:
        tree = parse_xml(path)
        try:
            schema = request.getfixturevalue("gexf_schema")
        except pytest.skip.Exception:
            return tree
        if not schema.validate(tree):
            raise AssertionError("GEXF does not validate:\n" + str(schema.error_log))
        return tree

    return check


@pytest.fixture(scope="session")
def sample_store_dir(tmp_path_factory) -> Path:
    """A closed embedded store holding examples/documents (ingested once; do not write to it)."""
    from tipgraph.ingest import ingest_paths
    from tipgraph.store import open_store

    documents = Path(__file__).resolve().parents[2] / "examples" / "documents"
    folder = tmp_path_factory.mktemp("sample") / "store"
    with open_store(folder) as store:
        report = ingest_paths(store, [str(p) for p in sorted(documents.iterdir())])
    assert report.stored, "no sample document was stored"
    return folder


@pytest.fixture()
def sample_store(sample_store_dir):
    """The sample store, opened read-only."""
    from tipgraph.store import open_store

    store = open_store(sample_store_dir, read_only=True)
    yield store
    store.close()
