"""Terms across the engine boundary: rdflib terms above it, Oxigraph's below.

Every conversion between the two lives here, with the parser that reads RDF files and
worker output into rdflib terms (Oxigraph's parser is several times faster than
rdflib's, resolves no XML entities and fetches no remote JSON-LD context). Modules
outside ``store/`` use :func:`parse_quads`, :func:`parse_triples` and :func:`n_triples`
and never see a pyoxigraph object.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import lru_cache
from typing import IO

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from .base import StoreError, Triple

_XSD_STRING = str(XSD.string)
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


# -- term conversion -----------------------------------------------------------
@lru_cache(maxsize=1 << 16)
@lru_cache(maxsize=65536)  # the same IRIs (predicates, classes, registry entities) in every graph
def _named_node(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError as exc:
        raise StoreError(f"not a valid IRI: <{iri}> ({exc})") from None


@lru_cache(maxsize=1 << 12)
def _uriref(iri: str) -> URIRef:
    return URIRef(iri)


def _blank_node(label: str) -> ox.BlankNode:
    try:
        return ox.BlankNode(label)
    except ValueError:
        # rdflib allows any string as a blank node id; Oxigraph wants a Turtle label.
        return ox.BlankNode("b" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:24])


def to_ox(term) -> OxTerm:
    """An rdflib term as a pyoxigraph term (pyoxigraph terms pass through)."""
    if isinstance(term, URIRef):
        return _named_node(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=_named_node(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return _blank_node(str(term))
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return term
    raise StoreError(f"cannot store {type(term).__name__} term {term!r}")


def from_ox(term: OxTerm) -> Identifier:
    """A pyoxigraph term as an rdflib term (xsd:string literals come back plain, as rdflib writes them)."""
    if isinstance(term, ox.NamedNode):
        return _uriref(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=_uriref(dt))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise StoreError(f"unsupported term from the store: {term!r}")


def to_ox_quad(s, p, o, g: ox.NamedNode) -> ox.Quad:
    """An Oxigraph quad in graph ``g`` from rdflib terms; a predicate that is not an IRI is a StoreError."""
    pp = to_ox(p)
    if not isinstance(pp, ox.NamedNode):
        raise StoreError(f"predicate must be an IRI, got {p!r}")
    return ox.Quad(to_ox(s), pp, to_ox(o), g)


#: RDF formats :func:`parse_quads` reads, by tipgraph's name for each.
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}


class LiteralTooLong(Exception):
    """A literal longer than the reader allows (raised before it becomes an rdflib term)."""

    def __init__(self, length: int, head: str) -> None:
        self.length = length
        self.head = head
        super().__init__(f"a literal of {length:,} characters")


def parse_quads(source: bytes | IO[bytes], fmt: str, *,
                max_literal_chars: int | None = None) -> Iterator[tuple[Identifier, URIRef, Identifier, URIRef | None]]:
    """``(subject, predicate, object, graph)`` of an RDF document as rdflib terms.

    ``graph`` is None for the default graph. Blank nodes keep the document's labels.
    Errors are the parser's: :class:`SyntaxError` (with ``lineno`` and ``offset``),
    :class:`ValueError` for an invalid term, :class:`MemoryError` for a token longer
    than the parser's buffer, :class:`UnicodeDecodeError`, :class:`OSError`; and
    :class:`LiteralTooLong` past ``max_literal_chars``.

    >>> [(str(s), str(o), g) for s, p, o, g in parse_quads(b'<urn:a> <urn:p> "x" .', "ntriples")]
    [('urn:a', 'x', None)]
    """
    for q in ox.parse(source, RDF_FORMATS[fmt]):
        o = q.object
        if max_literal_chars is not None and isinstance(o, ox.Literal) and len(o.value) > max_literal_chars:
            raise LiteralTooLong(len(o.value), o.value[:40])
        g = q.graph_name
        yield from_ox(q.subject), from_ox(q.predicate), from_ox(o), from_ox(g) if isinstance(g, ox.NamedNode) else None


def parse_triples(data: bytes, fmt: str = "ntriples") -> list[Triple]:
    """The triples of an RDF document (default and named graphs alike) as rdflib terms.

    >>> parse_triples(b'<urn:a> <urn:p> <urn:b> .')
    [(rdflib.term.URIRef('urn:a'), rdflib.term.URIRef('urn:p'), rdflib.term.URIRef('urn:b'))]
    """
    return [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
            for t in ox.parse(data, RDF_FORMATS[fmt])]


def serialize_triples(triples: list[Triple]) -> bytes:
    r"""rdflib triples as N-Triples written by Oxigraph (several times faster than rdflib's
    serializer; ingest's workers send each document's triples to the writer this way).

    >>> serialize_triples([(URIRef("urn:a"), URIRef("urn:p"), Literal("x"))])
    b'<urn:a> <urn:p> "x" .\n'
    """
    data = ox.serialize([ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples], None,
                        ox.RdfFormat.N_TRIPLES)
    assert data is not None  # no output given: the bytes are returned
    return data


def n_triples(term: Identifier) -> str:
    r"""The term as Oxigraph writes it in N-Triples (exact escaping), e.g. for TSV results.

    >>> print(n_triples(Literal("a\tb", lang="en")))
    "a\tb"@en
    """
    return str(to_ox(term))
