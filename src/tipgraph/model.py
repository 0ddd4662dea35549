"""The facts that extraction hands to RDF building, independent of RDF.

Extraction reads text and returns these plain objects; resolution has already turned
every name into an :class:`Entity` with its IRI; :mod:`tipgraph.rdfbuild` writes them
as one document's named graph. Keeping them RDF-free keeps the extractor testable on
its own and lets other builders (a JSON dump, a review UI) use the same output.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

EntityKind = Literal["Person", "Organization", "State", "Place", "LegalInstrument", "Programme"]


@dataclass(frozen=True)
class Entity:
    """A resolved entity: one node in the graph, whichever name the text used."""

    iri: str
    kind: EntityKind
    label: str
    #: Names seen in this document or known from the registry (acronyms included).
    alt_labels: frozenset[str] = frozenset()
    #: Extra ontology classes, as CURIEs ("tip:IntergovernmentalOrganization").
    types: tuple[str, ...] = ()
    #: IRI of the parent organization or state (tip:partOf).
    part_of: str | None = None
    #: ISO 3166-1 alpha-2 for states.
    iso_code: str | None = None
    #: True when the entity comes from the reference registry (its labels live there).
    in_registry: bool = False
    #: owl:sameAs targets (Wikidata).
    same_as: tuple[str, ...] = ()


@dataclass(frozen=True)
class DateValue:
    """A date at the precision the source gives: 'day' (2019-05-28), 'month' (2019-05) or 'year'."""

    value: str
    precision: Literal["day", "month", "year"]

    @classmethod
    def of_day(cls, d: date) -> "DateValue":
        return cls(d.isoformat(), "day")


@dataclass
class SourceDocument:
    """What reading produces: clean text plus the metadata found in the page."""

    path: str
    text: str
    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    dateline_place: str | None = None
    #: the year a breadcrumb gives ("Home / 2024 / 09 / ...") when the page states no full date
    year: int | None = None
    media_type: str = "text/plain"
    encoding: str = "utf-8"
    content_sha1: str = ""
    #: Contact blocks ("For more information contact ..."), one string each, with phone
    #: numbers, e-mail addresses and URLs already removed: names and organisations only.
    contacts: list[str] = field(default_factory=list)
    #: ISO 639-1 code of the text's language (reading/language.py)
    language: str = "en"


@dataclass
class PersonFact:
    person: Entity
    title: str | None
    affiliation: Entity | None
    evidence: str


@dataclass
class MeetingFact:
    #: Ontology class CURIE: "tip:Meeting" or a subclass ("tip:OfficialVisit", "tip:Conference", ...).
    meeting_type: str
    participants: list[Entity]
    organizers: list[Entity] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    locations: list[Entity] = field(default_factory=list)
    instruments: list[Entity] = field(default_factory=list)
    #: "held" meetings count as met; "planned" ones are kept apart (tip:PlannedMeeting).
    status: Literal["held", "planned"] = "held"
    label: str | None = None
    evidence: str = ""


@dataclass
class ProgrammeFact:
    label: str
    funders: list[Entity] = field(default_factory=list)
    implementers: list[Entity] = field(default_factory=list)
    budget_amount: Decimal | None = None
    budget_currency: str | None = None
    duration_months: int | None = None
    regions: list[Entity] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    evidence: str = ""


@dataclass
class RatificationFact:
    state: Entity
    instrument: Entity
    date: DateValue | None = None
    #: "ratified", "acceded", "signed" (signing is not ratification: only the first two become tip:ratified)
    act: str = "ratified"
    evidence: str = ""


@dataclass
class AdoptionFact:
    """A law, decree or action plan adopted or signed by an actor."""

    instrument: Entity
    adopted_by: Entity | None
    date: DateValue | None = None
    evidence: str = ""


@dataclass
class Extraction:
    """Everything extracted from one document."""

    document: SourceDocument
    #: Every entity mentioned as an actor, place or instrument (also those in no fact).
    entities: list[Entity] = field(default_factory=list)
    persons: list[PersonFact] = field(default_factory=list)
    meetings: list[MeetingFact] = field(default_factory=list)
    programmes: list[ProgrammeFact] = field(default_factory=list)
    ratifications: list[RatificationFact] = field(default_factory=list)
    adoptions: list[AdoptionFact] = field(default_factory=list)
    #: The publisher as an entity, when it could be resolved.
    publisher: Entity | None = None
    #: What the user should know about this document's extraction (text cut at a bound,
    #: a language not supported); "" when nothing.
    note: str = ""

    def fact_counts(self) -> dict[str, int]:
        return {
            "persons": len(self.persons),
            "meetings": sum(1 for m in self.meetings if m.status == "held"),
            "planned meetings": sum(1 for m in self.meetings if m.status == "planned"),
            "programmes": len(self.programmes),
            "ratifications": len(self.ratifications),
            "adoptions": len(self.adoptions),
        }
