"""Short names for the labels of a picture: an actor's acronym where one is known.

"IOM" reads better on a drawing than "International Organization for Migration".
The acronyms are the entity's ``skos:altLabel`` values that look like one
(:func:`tipgraph.resolution.matching.is_acronym`): the registry's short forms and
those documents used. Only the nodes a picture shows are looked up (one SELECT).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import networkx as nx
from rdflib import URIRef

from ..store.base import GraphStore
from ..store.binding import BindingError, check_term

#: What the node labels of a picture show (``--labels``): the acronym where known, or the full name.
LABEL_STYLES = ("acronym", "name")

_ALT_LABELS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?x ?alt WHERE { ?x skos:altLabel ?alt }
"""


def _initials(label: str) -> str:
    return "".join(w[0].upper() for w in re.findall(r"[^\W\d_][\w'’]*", label))


def _follows_initials(acronym: str, label: str) -> bool:
    """Whether the acronym's letters are initials of the label's words, in order
    ("IOM" in International Organization for Migration; not the French "OIM")."""
    letters = iter(_initials(label))
    return all(c in letters for c in acronym.upper() if c.isalpha())


def pick_acronym(label: str, names: Iterable[str]) -> str | None:
    """The acronym among ``names`` to show for ``label``: one made of the label's
    initials first, then the shortest; None when no name is an acronym."""
    from ..resolution.matching import is_acronym

    candidates = sorted({n.strip() for n in names if is_acronym(n) and n.strip() != label.strip()})
    if not candidates:
        return None
    return min(candidates, key=lambda a: (not _follows_initials(a, label), len(a), a))


def _term(iri: str) -> str | None:
    """The IRI written safely for a VALUES block, or None for one that cannot be."""
    try:
        return check_term(URIRef(iri))
    except BindingError:
        return None


def add_acronyms(store: GraphStore, G: nx.Graph, nodes: Iterable[str]) -> None:
    """Set ``acronym`` on those of ``nodes`` that have one (in place)."""
    wanted = sorted({str(v) for v in nodes if str(v).startswith(("http://", "https://"))})
    if not wanted:
        return
    names: dict[str, set[str]] = {}
    for start in range(0, len(wanted), 200):
        chunk = wanted[start:start + 200]
        values = " ".join(t for t in (_term(iri) for iri in chunk) if t)
        if not values:
            continue
        query = _ALT_LABELS.replace("WHERE {", "WHERE { VALUES ?x { " + values + " }", 1)
        for row in store.select(query).rows:
            if isinstance(row.get("x"), URIRef) and row.get("alt") is not None:
                names.setdefault(str(row["x"]), set()).add(str(row["alt"]))
    for v in G:
        if str(v) in names:
            acronym = pick_acronym(str(G.nodes[v].get("label", v)), names[str(v)])
            if acronym:
                G.nodes[v]["acronym"] = acronym
