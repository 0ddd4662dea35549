"""Reference graphs every store holds: the ontology and the registry.

They live in their own named graphs (``ONTOLOGY_GRAPH``, ``REGISTRY_GRAPH``) and are
replaced only when their content changed, detected by a hash kept in the graph itself,
so opening a store and ingesting costs one small query when nothing changed.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph

from .classes import closure
from .namespaces import ONTOLOGY_GRAPH, REGISTRY_GRAPH, TIP
from .resources import ontology_files
from .store import GraphStore

_HASH_QUERY = """
SELECT ?hash WHERE { GRAPH ?g { ?g <https://w3id.org/tipgraph/ontology#contentHash> ?hash } }
"""


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The ontology files as one graph, with the hash of their text."""
    parsed = Graph()
    digest = hashlib.sha1()
    for f in ontology_files():
        data = f.read_bytes()
        digest.update(data)
        parsed.parse(data=data, format="turtle")
    # Canonical blank-node labels (OWL lists, restrictions): the parser's are random, and
    # every store must hold the same quads, so that exports of equal stores are equal.
    g = Graph()
    for triple in to_canonical_graph(parsed):
        g.add(triple)
    g.add((ONTOLOGY_GRAPH, TIP.contentHash, Literal(digest.hexdigest())))
    return g


@lru_cache(maxsize=64)
def subclasses(cls: URIRef) -> frozenset[URIRef]:
    """``cls`` and every class below it in the ontology (rdfs:subClassOf*).

    Computed once from the packaged ontology, so queries can test ``?type IN (...)``
    instead of walking a property path through every graph of the store.
    """
    from rdflib.namespace import RDFS

    g = ontology_graph()
    return frozenset(closure(cls, lambda c: (s for s in g.subjects(RDFS.subClassOf, c) if isinstance(s, URIRef))))


@lru_cache(maxsize=1)
def registry_graph() -> Graph:
    """The reference registry as RDF, with the hash of its triples."""
    from .resolution import registry_graph as build

    g = build()
    # Sorted lines: rdflib writes N-Triples in set order, which changes with the hash seed
    # of each process, and an unstable hash made every ingest rewrite the registry graph.
    lines = sorted(g.serialize(format="nt", encoding="utf-8").splitlines())
    digest = hashlib.sha1(b"\n".join(lines)).hexdigest()
    g.add((REGISTRY_GRAPH, TIP.contentHash, Literal(digest)))
    return g


def _stored_hash(store: GraphStore, name: URIRef) -> str | None:
    rows = store.select(_HASH_QUERY, bindings={"g": name})
    return str(rows.rows[0]["hash"]) if rows.rows else None


def _current_hash(graph: Graph, name: URIRef) -> str:
    return str(graph.value(name, TIP.contentHash))


def ensure_reference_graphs(store: GraphStore, *, registry: bool = True) -> list[URIRef]:
    """Load or refresh the ontology (and registry) graphs; returns the graphs replaced."""
    wanted = {ONTOLOGY_GRAPH: ontology_graph()}
    if registry:
        wanted[REGISTRY_GRAPH] = registry_graph()
    stale = {
        name: graph for name, graph in wanted.items() if _stored_hash(store, name) != _current_hash(graph, name)
    }
    if stale:
        store.replace_graphs(stale)
    return list(stale)
