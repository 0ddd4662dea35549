"""IRIs that nothing describes: reported with the IRI that was probably meant.

A typo in an IRI (``<org/unodcc>`` for ``<org/unodc>``) makes a new, empty node: the
fact it appears in would point at nothing. So a tipgraph IRI (under ``ID``) that the
new data uses but neither types nor finds in the store (or, without a store, in the
reference registry) is a violation, and the report offers the closest known IRI of
the same kind (``org/``, ``state/`` ...) with its name. rapidfuzz scores the candidates.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from rdflib.term import Node

from .namespaces import ID
from .rqfile import internal_query
from .store.base import GraphStore
from .suggest import closest

#: The kind of a tipgraph IRI: the first path segment (org, state, meeting, document ...).
_KIND = re.compile(r"^([a-z][a-z0-9-]*)/")


def short_iri(iri: str) -> str:
    """``<org/un>`` for a tipgraph IRI (as tables print it), ``<iri>`` otherwise."""
    return f"<{iri[len(ID):]}>" if iri.startswith(str(ID)) else f"<{iri}>"


def is_tipgraph_iri(node: Node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(str(ID)) and len(str(node)) > len(str(ID))


def _kind(iri: str) -> str | None:
    m = _KIND.match(iri[len(ID):]) if iri.startswith(str(ID)) else None
    return m.group(1) if m else None


def candidates(store: GraphStore | None, kinds: Iterable[str], extra: Iterable[Graph] = ()) -> dict[str, str]:
    """Known IRIs of these kinds with a name: from the store (one query a kind) and ``extra`` graphs."""
    found: dict[str, str] = {}
    prefixes = [f"{ID}{k}/" for k in sorted(set(kinds))]
    for g in extra:
        for s, label in g.subject_objects(RDFS.label):
            if isinstance(s, URIRef) and any(str(s).startswith(p) for p in prefixes):
                found.setdefault(str(s), str(label))
    if store is not None:
        query = internal_query("labelled-iris-under")
        for prefix in prefixes:
            for row in store.select(query.text, query.bindings(prefix=Literal(prefix))):
                if isinstance(row["s"], URIRef) and isinstance(row["label"], Literal):
                    found.setdefault(str(row["s"]), str(row["label"]))
    return found


def unknown_message(iri: str, known: Mapping[str, str], *, subject: bool = False) -> str:
    """``unknown IRI <org/unodcc>: ...; did you mean <org/unodc> (United Nations ...)?``"""
    what = ("the data gives it no type (rdf:type) and the store does not hold it" if subject
            else "neither the new data nor the store describes it")
    kind = _kind(iri)
    same_kind = [k for k in known if _kind(k) == kind and k != iri] if kind else []
    best = closest(iri[len(ID):], [k[len(ID):] for k in same_kind])
    if best:
        meant = str(ID) + best[0]
        hint = f"; did you mean {short_iri(meant)} ({known[meant]})?"
    else:
        hint = "; check the spelling, or describe it (a type and an rdfs:label) in the data"
    return f"unknown IRI {short_iri(iri)}: {what}{hint}"


def kind_of(iri: str) -> str | None:
    """The kind segment of a tipgraph IRI (``org`` for ``.../id/org/iom``), if it has one."""
    return _kind(iri)
