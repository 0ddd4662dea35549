"""Everything the network views need, fetched from the store in a handful of SELECTs.

Why not let SPARQL build the co-operation edges? A self-join of participants over
the whole store is the slowest query on every engine (tens of seconds at 50k
documents, see ``../shared/notes/sparql-engines.md``); fetching the flat
(meeting, property, value) rows once and pairing actors in Python takes seconds.

Meetings are the nodes typed ``tip:Meeting`` or a subclass (``rdfs:subClassOf*``,
from the store's ontology graph and the packaged ontology, so a store loaded without
the ontology still counts its WorkingMeetings); ``tip:PlannedMeeting`` (not a
subclass, its actors are ``tip:plannedParticipant``) never counts.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath
from urllib.parse import unquote, urlparse

from rdflib import URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from ..classes import closure
from ..namespaces import TIP
from ..rqfile import internal_query
from ..store.base import GraphStore
from .periods import Period, parse_period

#: Kinds of actor, in the order used to pick one when a node has several types.
KINDS = ("state", "person", "organization")
_ROOTS = {
    "state": TIP.State, "person": TIP.Person, "organization": TIP.Organization,
    "meeting": TIP.Meeting, "instrument": TIP.LegalInstrument, "place": TIP.Place,
    "document": TIP.Document,
}

def _rows(store: GraphStore, query: str) -> list[tuple[str | None, ...]]:
    """SELECT rows as tuples of the terms' text (the queries keep only IRIs where an IRI is needed).

    Why: the network views need only text, and building an rdflib term per value
    was most of the fetch at 50k actors (docs/performance.md).
    """
    return store.select_text(query)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a network is fetched, built or written.

    Why: those phases allocate millions of dicts, tuples and strings that live on
    (no cycles among them), and each collection scans them all again: at 50k actors
    the collector was a large share of the build (docs/performance.md).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def class_kinds(store: GraphStore) -> dict[str, str]:
    """Class IRI -> root kind ("meeting", "person", ...), from the subclass axioms in
    the store and in the packaged ontology (a store loaded without the ontology graph
    still gets its WorkingMeetings counted as meetings)."""
    parents: dict[str, set[str]] = {}
    for row in store.select(internal_query("network-subclasses").text):
        parents.setdefault(str(row["c"]), set()).add(str(row["d"]))
    for c, d in _packaged_subclasses():
        parents.setdefault(c, set()).add(d)
    root_kind = {str(iri): kind for kind, iri in _ROOTS.items()}
    order = list(_ROOTS)
    result: dict[str, str] = {}
    for cls in set(parents) | set(root_kind):
        found = [root_kind[c] for c in closure(cls, lambda x: parents.get(x, ())) if c in root_kind]
        if found:
            result[cls] = min(found, key=order.index)
    return result


@lru_cache(maxsize=1)
def _packaged_subclasses() -> tuple[tuple[str, str], ...]:
    from rdflib import Graph

    from ..resources import ontology_files

    g = Graph()
    try:
        for f in ontology_files():
            g.parse(f, format="turtle")
    except (FileNotFoundError, ValueError, SyntaxError):  # pragma: no cover - broken install
        return ()
    return tuple(
        (str(c), str(d)) for c, d in g.subject_objects(RDFS.subClassOf)
        if isinstance(c, URIRef) and isinstance(d, URIRef)
    )


@dataclass
class Actor:
    """An actor node of the network views, with what the views filter and label by."""

    iri: str
    label: str
    kind: str
    iso_code: str | None = None
    #: IRI of the state the actor belongs to (itself for a state).
    country: str | None = None
    affiliations: tuple[str, ...] = ()
    part_of: tuple[str, ...] = ()


@dataclass
class Meeting:
    """A held meeting as the views need it: its types, actors, dates, instruments, places and documents."""

    iri: str
    types: set[str] = field(default_factory=set)
    participants: set[str] = field(default_factory=set)
    organizers: set[str] = field(default_factory=set)
    periods: list[Period] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    instruments: set[str] = field(default_factory=set)
    locations: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)

    @property
    def type_name(self) -> str:
        """The most specific local class name ("WorkingMeeting" over "Meeting")."""
        names = sorted(t.rsplit("#", 1)[-1] for t in self.types if t.startswith(str(TIP)))
        specific = [n for n in names if n != "Meeting"]
        return specific[0] if specific else "Meeting"


@dataclass
class NetworkData:
    """Everything the network views need, fetched once, so each view is built in Python without more queries."""

    actors: dict[str, Actor]
    meetings: dict[str, Meeting]
    #: Labels of instruments, places and documents (document: its file name or title).
    labels: dict[str, str]
    #: (state IRI, instrument IRI)
    ratified: set[tuple[str, str]]
    #: ``tip:partOf`` of the entities that are not actors (places: city -> region -> state).
    parents: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def label(self, iri: str) -> str:
        """The label to show for ``iri``: the actor's, else the known label, else the IRI's last segment."""
        actor = self.actors.get(iri)
        if actor is not None:
            return actor.label
        return self.labels.get(iri) or local_name(iri)


def local_name(iri: str) -> str:
    """Last segment of an IRI: a readable fallback label."""
    tail = iri.rstrip("/").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return unquote(tail) or iri


def _file_name(source: str) -> str:
    path = urlparse(source).path if "://" in source else source
    return PurePosixPath(path.replace("\\", "/")).name or source


_TYPE, _PARTICIPANT, _ORGANIZER = str(RDF.type), str(TIP.participant), str(TIP.organizer)
_LABEL, _PART_OF, _AFFILIATION, _ISO = str(RDFS.label), str(TIP.partOf), str(TIP.affiliation), str(TIP.isoCode)
_SOURCE, _TITLE = str(DCTERMS.source), str(DCTERMS.title)
_DATE, _INSTRUMENT, _LOCATION, _DOCUMENT = str(TIP.date), str(TIP.underInstrument), str(TIP.location), str(
    PROV.wasDerivedFrom)


def load_network_data(store: GraphStore) -> NetworkData:
    """Fetch actors, meetings, instrument/place/document labels and ratifications."""
    with paused_gc():
        return _load_network_data(store)


def _load_network_data(store: GraphStore) -> NetworkData:
    kind_of_class = class_kinds(store)

    facts: dict[str, dict[str, list[str]]] = {}
    for x, p, o in _rows(store, internal_query("network-entity-facts").text):
        facts.setdefault(str(x), {}).setdefault(str(p), []).append(str(o))

    actors: dict[str, Actor] = {}
    labels: dict[str, str] = {}
    parents: dict[str, tuple[str, ...]] = {}
    for iri, props in facts.items():
        kinds = {kind_of_class.get(str(t)) for t in props.get(_TYPE, [])}
        names = sorted(" ".join(str(x).split()) for x in props.get(_LABEL, []))
        actor_kind = next((k for k in KINDS if k in kinds), None)
        if actor_kind is None:
            up = tuple(sorted(props.get(_PART_OF, [])))
            if up:
                parents[iri] = up
            if names:
                labels[iri] = names[0]
            elif "document" in kinds:
                # A document's file name is short and recoverable; its title is the fallback.
                sources = sorted(_file_name(str(x)) for x in props.get(_SOURCE, []))
                titles = sorted(" ".join(str(x).split()) for x in props.get(_TITLE, []))
                if sources or titles:
                    labels[iri] = (sources or titles)[0]
            continue
        iso = sorted(str(x) for x in props.get(_ISO, []))
        actors[iri] = Actor(
            iri=iri,
            label=names[0] if names else local_name(iri),
            kind=actor_kind,
            iso_code=iso[0].upper() if iso else None,
            affiliations=tuple(sorted(props.get(_AFFILIATION, []))),
            part_of=tuple(sorted(props.get(_PART_OF, []))),
        )
    _assign_countries(actors)

    meetings = _meetings(_rows(store, internal_query("network-meeting-facts").text))
    planned = str(TIP.PlannedMeeting)
    for iri in list(meetings):
        m = meetings[iri]
        # Only instances of tip:Meeting or a subclass; a planned meeting never counts,
        # even if a graph wrongly gave it a tip:participant too.
        if planned in m.types or not any(kind_of_class.get(t) == "meeting" for t in m.types):
            del meetings[iri]
            continue
        # tip:organizer is always also tip:participant; tolerate graphs that forgot it.
        m.participants |= m.organizers
        m.periods.sort()
        m.dates.sort()

    ratified = {(str(r["s"]), str(r["i"])) for r in store.select(internal_query("network-ratifications").text)}
    return NetworkData(actors=actors, meetings=meetings, labels=labels, ratified=ratified, parents=parents)


def _meetings(rows: list[tuple[str | None, ...]]) -> dict[str, Meeting]:
    """Meetings from the flat (meeting, property, value) rows: 600k rows at 50k actors,
    so the property IRIs are compared as prepared strings."""
    meetings: dict[str, Meeting] = {}
    for m_iri, p, value in rows:
        iri, o = str(m_iri), str(value)
        m = meetings.get(iri)
        if m is None:
            m = meetings[iri] = Meeting(iri)
        if p == _PARTICIPANT:
            m.participants.add(o)
        elif p == _TYPE:
            m.types.add(o)
        elif p == _ORGANIZER:
            m.organizers.add(o)
        elif p == _DATE:
            period = parse_period(o)
            if period is not None and o not in m.dates:
                m.periods.append(period)
                m.dates.append(o)
        elif p == _INSTRUMENT:
            m.instruments.add(o)
        elif p == _LOCATION:
            m.locations.add(o)
        elif p == _DOCUMENT:
            m.documents.add(o)
    return meetings


def _assign_countries(actors: dict[str, Actor]) -> None:
    """A state is its own country; an organization takes the state its ``tip:partOf``
    chain reaches; a person takes the country of their affiliation."""

    def country_of(iri: str, seen: frozenset[str]) -> str | None:
        actor = actors.get(iri)
        if actor is None or iri in seen:
            return None
        if actor.kind == "state":
            return iri
        parents = actor.part_of if actor.kind == "organization" else actor.affiliations
        for parent in parents:
            found = country_of(parent, seen | {iri})
            if found:
                return found
        return None

    for iri, actor in actors.items():
        actor.country = country_of(iri, frozenset())
