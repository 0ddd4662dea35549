"""One preferred name per entity across documents.

The shapes allow exactly one ``rdfs:label`` per entity in the whole store. A new
entity's IRI comes from a normalised slug of its name, so two press releases that
spell it differently ("Anti-trafficking Unit" and "Anti-Trafficking Unit") reach the
same IRI with different labels, and the second one would be refused. During ingest
the name already stored (or given by an earlier document of the run) stays the
preferred label, and the document's own spelling becomes a ``skos:altLabel``.
"""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import SKOS

from .namespaces import ID, KIND_SEGMENT

_ENTITY_PREFIX = str(ID)
#: Shared entities; facts and documents live in one graph each and keep their own labels.
_SHARED = tuple(f"{ID}{KIND_SEGMENT[k]}/" for k in ("Person", "Organization", "State", "Place", "LegalInstrument"))

def adopt_preferred_labels(triples: list[tuple], preferred: dict[URIRef, str]) -> list[tuple]:
    """``triples`` with each entity's label replaced by its preferred one, if it has one.

    The replaced spelling is kept as ``skos:altLabel``, so lookups by that name still
    find the entity. Documents and facts (their own nodes) are left alone.
    """
    out: list[tuple] = []
    alt: list[tuple] = []
    for t in triples:
        s, p, o = t
        if p == RDFS.label and isinstance(s, URIRef) and s in preferred and str(o) != preferred[s]:
            out.append((s, p, Literal(preferred[s])))
            alt.append((s, SKOS.altLabel, Literal(str(o))))
        else:
            out.append(t)
    if not alt:
        return triples
    present = set(out)
    out.extend(a for a in dict.fromkeys(alt) if a not in present)
    return out


def remember_labels(triples: Iterable[tuple], preferred: dict[URIRef, str]) -> None:
    """Record the labels of a stored document's entities as preferred for later ones."""
    for s, p, o in triples:
        if p == RDFS.label and isinstance(s, URIRef) and str(s).startswith(_SHARED):
            preferred.setdefault(s, str(o))


def typed_nodes(triples: Iterable[tuple]) -> set[URIRef]:
    """IRIs given a type in ``triples`` (what a graph describes, not only mentions)."""
    return {s for s, p, _ in triples if p == RDF.type and isinstance(s, URIRef)}


def mentioned_nodes(triples: Iterable[tuple], described: set[URIRef] | None = None) -> set[URIRef]:
    """Entity IRIs used as values without being described here (references to other graphs).

    ``described``: :func:`typed_nodes` of ``triples``, when the caller has it already.
    """
    if described is None:
        described = typed_nodes(triples)
    return {o for _, p, o in triples
            if isinstance(o, URIRef) and p != RDF.type and str(o).startswith(_ENTITY_PREFIX) and o not in described}
