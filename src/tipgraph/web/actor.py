"""What an actor page shows, read through the GraphStore API with the actor bound.

The profile (meetings, partners with their first and last dates, instruments,
programmes, posts and persons) is the stored query ``actor-profile``, so the page and
``tipgraph query actor-profile`` cannot disagree. Names and kinds, and every fact about
the actor with the document and the evidence sentence it was read from, are two
further queries here.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef

from ..namespaces import TIP
from ..queries.runner import python_value, run_query
from ..rqfile import internal_query
from ..store.base import GraphStore

#: actor-profile's aspects, in page order, with their headings.
SECTIONS = (
    ("partner", "Partners"),
    ("meeting", "Meetings"),
    ("instrument", "Instruments"),
    ("programme", "Programmes"),
    ("person", "Persons"),
    ("post", "Posts"),
)


@dataclass
class Fact:
    fact: str
    types: list[str]
    properties: list[str]
    document: str
    title: str
    evidence: list[str]


@dataclass
class ActorPage:
    iri: str
    label: str
    names: dict[str, list[str]] = field(default_factory=dict)
    sections: list[tuple[str, list[dict]]] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.names)


def local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def actor_page(store: GraphStore, iri: str) -> ActorPage:
    """Everything the page shows about ``iri`` (``found`` is False when the store has nothing)."""
    term = URIRef(iri)
    names: dict[str, list[str]] = defaultdict(list)
    for row in store.select((q := internal_query("actor-names")).text, q.bindings(actor=term)).rows:
        value = str(row["value"])
        if value not in names[str(row["what"])]:
            names[str(row["what"])].append(value)
    label = (names.get("label") or [local(iri)])[0]
    page = ActorPage(iri=iri, label=label, names=dict(names))
    if not names:
        return page
    profile = run_query(store, "actor-profile", actor=term)
    by_aspect: dict[str, list[dict]] = defaultdict(list)
    for row in profile.rows:
        by_aspect[str(row["aspect"])].append(row)
    page.sections = [(heading, by_aspect[aspect]) for aspect, heading in SECTIONS if by_aspect.get(aspect)]
    facts: dict[tuple[str, str], Fact] = {}
    for row in store.select((q := internal_query("actor-facts")).text, q.bindings(actor=term)).rows:
        key = (str(row["fact"]), str(row["document"]))
        fact = facts.get(key)
        if fact is None:
            fact = facts[key] = Fact(fact=key[0], types=[], properties=[], document=key[1],
                                     title=str(python_value(row.get("title")) or local(key[1])),
                                     evidence=[])
        if str(row["evidence"]) not in fact.evidence:
            fact.evidence.append(str(row["evidence"]))
        if row.get("type") is not None and local(str(row["type"])) not in fact.types:
            fact.types.append(local(str(row["type"])))
        if row["property"] != TIP.evidence and local(str(row["property"])) not in fact.properties:
            fact.properties.append(local(str(row["property"])))
    page.facts = list(facts.values())
    return page
