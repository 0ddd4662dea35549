"""Small helpers for tests of extraction rules: a text in, the facts out.

Shared by the rule tests of every round, so that each test file holds only its
sentences and what an analyst reads in them.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..extraction import extract
from ..model import Entity, Extraction, MeetingFact, PersonFact, SourceDocument
from ..resolution import Resolver


def extract_text(text: str, published: date, *, dateline: str | None = None,
                 path: str = "/tmp/rules.txt") -> Extraction:
    """Extract from ``text`` as from a document published on ``published``."""
    doc = SourceDocument(path=path, text=text, published=published, dateline_place=dateline)
    return extract(doc, Resolver())


def labels(entities: Iterable[Entity]) -> set[str]:
    return {e.label for e in entities}


def names(entities: Iterable[Entity]) -> set[str]:
    """Labels and alternative names."""
    return {n for e in entities for n in (e.label, *e.alt_labels)}


def held(x: Extraction) -> list[MeetingFact]:
    return [m for m in x.meetings if m.status == "held"]


def person(x: Extraction, name: str) -> PersonFact:
    return next(p for p in x.persons if p.person.label == name)
