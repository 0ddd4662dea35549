"""Fixtures of the backbone tests: embedded stores, the example graph, small documents."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from tipgraph.namespaces import ID, TIP

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "graph" / "cooperation.ttl"


@pytest.fixture(scope="session")
def example_ttl() -> Path:
    """The hand-written example graph (examples/graph/cooperation.ttl)."""
    return EXAMPLE


@pytest.fixture()
def store(store_dir: Path):
    """A fresh, writable embedded store."""
    from tipgraph.store.embedded import EmbeddedStore

    s = EmbeddedStore(store_dir)
    yield s
    s.close()


def sorted_nquads(store) -> list[str]:
    """Every quad of the store as sorted N-Quads lines: the store's whole state, comparable."""
    out = io.BytesIO()
    store.export(out, "nquads")
    return sorted(out.getvalue().decode("utf-8").splitlines())


def document(doc: URIRef, label: str = "A press release") -> list[tuple]:
    """The tip:Document node of a small document graph."""
    return [
        (doc, RDF.type, TIP.Document),
        (doc, RDFS.label, Literal(label)),
        (doc, URIRef("http://purl.org/dc/terms/source"), Literal(f"/data/{label}.txt")),
    ]


def organisation(iri: URIRef, label: str, doc: URIRef) -> list[tuple]:
    return [
        (iri, RDF.type, TIP.Organization),
        (iri, RDFS.label, Literal(label)),
        (iri, PROV.wasDerivedFrom, doc),
    ]


def meeting(iri: URIRef, label: str, doc: URIRef, participants: list[URIRef]) -> list[tuple]:
    triples = [
        (iri, RDF.type, TIP.WorkingMeeting),
        (iri, RDFS.label, Literal(label)),
        (iri, PROV.wasDerivedFrom, doc),
    ]
    triples += [(iri, TIP.participant, p) for p in participants]
    return triples


def graph_of(*parts: list[tuple], identifier: URIRef | None = None) -> Graph:
    g = Graph(identifier=identifier) if identifier is not None else Graph()
    for part in parts:
        for t in part:
            g.add(t)
    return g


DOC_A, DOC_B = ID["document/registry-note-aaaaaaaaaaaa"], ID["document/meeting-note-bbbbbbbbbbbb"]
IOM, OSCE = ID["org/iom"], ID["org/osce"]
MEETING = ID["meeting/0123456789ab"]


@pytest.fixture(scope="session")
def kit():
    """The helpers above, for test modules (conftest cannot be imported under importlib mode)."""
    from types import SimpleNamespace

    return SimpleNamespace(
        sorted_nquads=sorted_nquads, document=document, organisation=organisation, meeting=meeting,
        graph_of=graph_of, DOC_A=DOC_A, DOC_B=DOC_B, IOM=IOM, OSCE=OSCE, MEETING=MEETING,
    )
