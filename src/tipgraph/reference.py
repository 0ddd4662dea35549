"""Reference graphs every store holds: the ontology and the registry.

They live in their own named graphs (``ONTOLOGY_GRAPH``, ``REGISTRY_GRAPH``) and are
replaced only when their content changed, detected by a hash kept in the graph itself,
so opening a store and ingesting costs one small query when nothing changed. The hash
is one of what each graph is built from (the ontology's Turtle files; the registry's
data files, the code that turns them into RDF and the pycountry version), so checking
it reads a few files instead of building the graph (the registry's took ~0.8 s of
every ingest); a graph is built only when it has to be written.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from .classes import closure
from .namespaces import ONTOLOGY_GRAPH, REGISTRY_GRAPH, TIP
from .resources import ontology_files
from .rqfile import internal_query
from .store import GraphStore

@lru_cache(maxsize=1)
def ontology_digest() -> str:
    """The hash of the ontology files' text (what the stored ontology graph records)."""
    digest = hashlib.sha1()
    for f in ontology_files():
        digest.update(f.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def parsed_ontology() -> Graph:
    """The ontology files as parsed, blank nodes as the parser named them.

    Enough for the class and property hierarchy (validation, :func:`subclasses`), and
    it skips the canonical relabelling that only the stored copy needs.
    """
    parsed = Graph()
    for f in ontology_files():
        parsed.parse(data=f.read_bytes(), format="turtle")
    return parsed


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The ontology files as one graph, with the hash of their text."""
    from rdflib.compare import to_canonical_graph

    # Canonical blank-node labels (OWL lists, restrictions): the parser's are random, and
    # every store must hold the same quads, so that exports of equal stores are equal.
    g = Graph()
    for triple in to_canonical_graph(parsed_ontology()):
        g.add(triple)
    g.add((ONTOLOGY_GRAPH, TIP.contentHash, Literal(ontology_digest())))
    return g


@lru_cache(maxsize=64)
def subclasses(cls: URIRef) -> frozenset[URIRef]:
    """``cls`` and every class below it in the ontology (rdfs:subClassOf*).

    Computed once from the packaged ontology, so queries can test ``?type IN (...)``
    instead of walking a property path through every graph of the store.
    """
    from rdflib.namespace import RDFS

    g = parsed_ontology()
    return frozenset(closure(cls, lambda c: (s for s in g.subjects(RDFS.subClassOf, c) if isinstance(s, URIRef))))


#: Besides the package's ``resolution/`` folder (code and data), what the registry graph is built from.
_REGISTRY_SOURCES = ("namespaces.py", "model.py", "reference.py")


@lru_cache(maxsize=4)
def registry_digest(package: Path | None = None) -> str:
    """The hash of what the registry graph is built from, without building it.

    Every input of :func:`registry_graph`: the files of ``resolution/`` (the YAML data
    and the code that turns it into entities and triples), the modules it takes IRIs and
    entities from, and pycountry's version (the states' names and codes). Files are
    read in a fixed order by their path inside the package, so the hash is the same in
    every process and every checkout of the same code. Any change of those files counts
    as a change of the registry, so the stored copy is rewritten once then.
    ``package``: the ``tipgraph`` folder to read (this one by default; tests use a copy).
    """
    import pycountry

    here = package or Path(__file__).resolve().parent
    parts = sorted(p for p in (here / "resolution").rglob("*") if p.is_file() and p.suffix in {".py", ".yaml"})
    parts += [here / name for name in _REGISTRY_SOURCES]
    digest = hashlib.sha1(b"tipgraph registry graph\0")
    for p in parts:
        digest.update(p.relative_to(here).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    digest.update(f"pycountry {getattr(pycountry, '__version__', '')}".encode())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def registry_graph() -> Graph:
    """The reference registry as RDF, with the hash of what it is built from (:func:`registry_digest`)."""
    from .resolution import registry_graph as build

    g = build()
    g.add((REGISTRY_GRAPH, TIP.contentHash, Literal(registry_digest())))
    return g


def _stored_hash(store: GraphStore, name: URIRef) -> str | None:
    query = internal_query("graph-content-hash")
    rows = store.select(query.text, query.bindings(graph=name))
    return str(rows.rows[0]["hash"]) if rows.rows else None


def ensure_reference_graphs(store: GraphStore, *, registry: bool = True) -> list[URIRef]:
    """Load or refresh the ontology (and registry) graphs; returns the graphs replaced.

    The stored hash is compared with the hash of the sources; a graph is built only
    when it is missing or stale.
    """
    wanted = {ONTOLOGY_GRAPH: (ontology_digest, ontology_graph)}
    if registry:
        wanted[REGISTRY_GRAPH] = (registry_digest, registry_graph)
    stale = {name: build() for name, (digest, build) in wanted.items() if _stored_hash(store, name) != digest()}
    if stale:
        store.replace_graphs(stale)
    return list(stale)
