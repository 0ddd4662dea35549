"""The shapes and the ontology, parsed once per process, and the class hierarchy the
validators mix into each data graph (all that SHACL Core uses of the ontology)."""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from .. import resources
from ..store.base import GraphStore


def _parse_files(paths: Iterable[Path]) -> Graph:
    g = Graph()
    for p in paths:
        g.parse(p, format="turtle")
    return g


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """All of ``shapes/*.ttl`` in one graph (cached: validation runs per document)."""
    return _parse_files(resources.shapes_files())


def ontology_graph() -> Graph:
    """The ontology (``ontology/*.ttl``), parsed once per process (shared with :mod:`tipgraph.reference`)."""
    from ..reference import ontology_graph as reference_ontology

    return reference_ontology()


def ensure_ontology(store: GraphStore) -> bool:
    """Load the ontology into ``ONTOLOGY_GRAPH`` when absent or changed; True when it was (re)loaded.

    The check (a content hash kept in the graph) and the write are
    :func:`tipgraph.reference.ensure_reference_graphs`, so ingest and the steward
    commands agree on when the stored copy is current.
    """
    from ..reference import ensure_reference_graphs

    return bool(ensure_reference_graphs(store, registry=False))


@lru_cache(maxsize=1)
def _class_hierarchy() -> Graph:
    """The ontology's class and property hierarchy: all that SHACL Core uses of it.

    Mixing these few dozen axioms into each document's data graph instead of the
    whole ontology saves most of the per-document cost of pyshacl's ``ont_graph``.
    Read from the ontology as parsed: the canonical blank-node labels of the stored
    copy cost ~0.3 s a process and no axiom here has a blank node.
    """
    from ..reference import parsed_ontology

    onto = parsed_ontology()
    g = Graph()
    for p in (RDFS.subClassOf, RDFS.subPropertyOf):
        for s, o in onto.subject_objects(p):
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                g.add((s, p, o))
    return g
