"""Per-document state shared by the extraction rules.

One :class:`DocContext` holds the sentences, the resolver's registry mentions, the
organisation phrases found on top of them, the persons found so far and every entity
that a fact names, so that each rule module reads the same picture of the document.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Entity, SourceDocument
from .bounds import bounded_text
from .sentences import Sentence, split_sentences

ACTOR_KINDS = ("Organization", "State", "Person")

#: "Amman - 24 April 2018, ...", "Doha, Qatar: A training ...", "Kuwait City (14 May 2016) - ...":
#: a dateline that opens a body sentence, with a hyphen or colon that reading does not trust
_BODY_DATELINE = re.compile(r"^([A-Z][\w'’.-]*[\w.](?:\s[A-Z][\w'’.-]*[\w.]){0,2})(?:,\s*([A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2}))?"
                            r"(?:\s*\([^()]{3,40}\))?\s*(?:[-–—]|:)\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class ActorSpan:
    """A stretch of the document text that names an entity."""

    start: int
    end: int
    text: str
    entity: Entity
    #: registry | phrase | ministry | demonym | person | alias | title
    source: str


@dataclass
class DocContext:
    doc: SourceDocument
    resolver: Any
    sentences: list[Sentence] = field(default_factory=list)
    spans: list[ActorSpan] = field(default_factory=list)
    country: Entity | None = None
    entities: dict[str, Entity] = field(default_factory=dict)
    #: (start, end) of the persons' posts: a state inside one ("Representative for Peru and
    #: Ecuador") is part of the post, not a party to what the sentence tells
    title_ranges: list[tuple[int, int]] = field(default_factory=list)
    #: the body that issued the page, when reading found and the resolver knows it
    publisher: Entity | None = None
    #: The person who writes in the first person ("I met ..."), named by the headline
    author: Entity | None = None
    #: Instruments told of as signed (instruments.signed_instruments): not in ``spans``, as
    #: their names hold the parties ("Memorandum between the Police and ..."), who stay actors
    signed: list[ActorSpan] = field(default_factory=list)
    #: where the release was issued: reading's dateline, else one opening a body sentence
    dateline_place: str | None = field(default=None, init=False)
    #: (start, end) of a body sentence's dateline ("Amman - "), when the dateline came from one
    body_dateline: tuple[int, int] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        # the rules read a bounded copy (bounds.py); offsets into it are offsets into doc.text
        self.text, self.bounds_note = bounded_text(self.doc.text)
        self.sentences = split_sentences(self.text)
        self._starts: list[int] = []
        self._longest = 0
        self.dateline_place = self.doc.dateline_place if self._a_place(self.doc.dateline_place) else \
            self._body_dateline() or self.doc.dateline_place

    # -- the dateline -------------------------------------------------------------
    def _a_place(self, name: str | None) -> bool:
        if not name:
            return False
        name = name.title() if name.isupper() else name
        hit = self.resolver.resolve(name, "Place") or self.resolver.resolve(name)
        return hit is not None and hit.kind in ("Place", "State")

    def _body_dateline(self) -> str | None:
        """The place of a dateline that opens one of the first sentences, when reading found
        none (or a word that is no place): a known place, or a town before a known state."""
        for s in self.sentences[:8]:
            m = _BODY_DATELINE.match(s.text)
            if m is None:
                continue
            if self._a_place(m.group(1)) or (m.group(2) and self.resolver.state(m.group(2)) is not None):
                self.body_dateline = (s.start, s.start + m.end())
                return m.group(1)
        return None

    # -- spans --------------------------------------------------------------------
    def add_spans(self, spans: list[ActorSpan]) -> None:
        """Add spans that do not overlap the ones already known (earlier sources win)."""
        for sp in spans:
            if sp.source in ("embassy", "enclosing"):
                # "the Embassy of the United States of America": the embassy, not the state.
                # The spans inside are deleted where they sit: rebuilding the whole list for
                # each one made a long document with many such names quadratic.
                lo = bisect.bisect_right(self._starts, sp.start - self._longest)
                hi = bisect.bisect_left(self._starts, sp.end)
                over = [i for i in range(lo, hi) if sp.start < self.spans[i].end]
                if over and all(sp.start <= self.spans[i].start and self.spans[i].end <= sp.end for i in over):
                    for i in reversed(over):
                        del self.spans[i]
                        del self._starts[i]
            if not self.overlapping(sp.start, sp.end):
                at = bisect.bisect_right(self._starts, sp.start)
                self.spans.insert(at, sp)
                self._starts.insert(at, sp.start)
                self._longest = max(self._longest, sp.end - sp.start)
        self._index()

    def replace_span(self, old: ActorSpan, new: ActorSpan) -> None:
        self.spans = [new if s is old else s for s in self.spans]
        self._index()

    def _index(self) -> None:
        self.spans.sort(key=lambda s: (s.start, -s.end))
        self._starts = [s.start for s in self.spans]
        self._longest = max((s.end - s.start for s in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> list[ActorSpan]:
        # Bisect on the sorted starts: a linear scan made pages with thousands of names quadratic.
        lo = bisect.bisect_right(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [s for s in self.spans[lo:hi] if start < s.end]

    def spans_in(self, start: int, end: int, kinds: tuple[str, ...] | None = None) -> list[ActorSpan]:
        lo = bisect.bisect_left(self._starts, start)
        out = []
        for s in self.spans[lo:]:
            if s.start >= end:
                break
            if s.end <= end and (kinds is None or s.entity.kind in kinds):
                out.append(s)
        return out

    def span_at(self, start: int) -> ActorSpan | None:
        i = bisect.bisect_left(self._starts, start)
        if i < len(self.spans) and self.spans[i].start == start:
            return self.spans[i]
        return None

    # -- entities -------------------------------------------------------------------
    def note(self, entity: Entity | None) -> Entity | None:
        """Record an entity that a fact names, so rdfbuild can type and label it."""
        if entity is not None:
            self.entities.setdefault(entity.iri, entity)
        return entity

    def state_of(self, entity: Entity) -> Entity | None:
        """The state a national body belongs to (through tip:partOf), if known."""
        if entity.kind == "State":
            return entity
        registry = getattr(self.resolver, "registry", None)
        if registry is not None and hasattr(registry, "state_of"):
            st = registry.state_of(entity)
            if st is not None:
                return st
        return None

    def country_arg(self, state: Entity | None = None) -> Entity | None:
        """The ``country`` argument for the resolver: the given state, else the document's."""
        return state or self.country
