"""Extraction: a read document and a resolver in, the document's facts out.

    extract(doc, resolver) -> Extraction

The order matters: actor mentions first (registry, national bodies, organisation
phrases, instruments), then persons (which need the organisations in their titles),
then programmes (fact-sheet records first, then prose) and ratifications (which claim their sentences), then meetings (which
must not swallow a programme's funders or a ratification's state).
"""
from __future__ import annotations

import re

from ..model import Entity, Extraction, SourceDocument
from ..reading.metadata import readable_place
from .context import ActorSpan, DocContext
from .instruments import instrument_spans, protocol_spans, signed_instruments
from .meetings import MeetingExtractor
from .mentions import collect_spans
from .persons import alias_spans, contact_persons, find_persons, headline_author, person_facts
from .factsheets import extract_factsheet_programmes
from .programmes import extract_programmes, merge_sheet_and_prose, own_programme
from .ratifications import extract_ratifications

__all__ = ["extract"]


def extract(doc: SourceDocument, resolver) -> Extraction:
    """Every fact of one document (see the module docstring for the order of the rules)."""
    known_before = resolver.known_iris() if hasattr(resolver, "known_iris") else frozenset()
    ctx = DocContext(doc, resolver)
    ctx.publisher = publisher = _publisher(ctx)
    collect_spans(ctx)
    ctx.add_spans(instrument_spans(ctx))
    protocol_spans(ctx)
    ctx.signed = signed_instruments(ctx)
    persons = find_persons(ctx)
    author = headline_author(ctx)
    if author is not None and all(p.entity.iri != author.entity.iri for p in persons):
        persons.append(author)
    ctx.author = author.entity if author is not None else None
    ctx.title_ranges = [(p.title_start, p.title_end) for p in persons if p.title_start >= 0]
    ctx.add_spans([ActorSpan(*_span_of(ctx, p), p.entity, "person") for p in persons if _span_of(ctx, p)])
    ctx.add_spans(alias_spans(ctx, persons))
    contacts = own_contact_entries(contact_persons(ctx, publisher))
    known = {p.entity.iri for p in persons}
    persons += [c for c in contacts if c.entity.iri not in known]
    affiliation = {p.entity.iri: p.affiliation for p in persons}

    sheet_programmes, sheet_sents = extract_factsheet_programmes(ctx)
    programmes, prog_sents = extract_programmes(ctx, skip=sheet_sents)
    programmes = merge_sheet_and_prose(sheet_programmes, programmes)
    own_programme(ctx, programmes, publisher)
    prog_sents |= sheet_sents
    ratifications, adoptions, rat_sents = extract_ratifications(ctx)
    meetings = MeetingExtractor(ctx, affiliation, prog_sents | rat_sents).extract()

    # a person with no post or body in this document is a node only when the store knows them
    described = {p.entity.iri for p in persons if p.title or p.affiliation}
    for m in meetings:
        m.participants = [e for e in m.participants if e.kind != "Person" or e.iri in described or e.iri in known_before]
        m.organizers = [e for e in m.organizers if e.kind != "Person" or e.iri in described or e.iri in known_before]
    persons = [p for p in persons if p.entity.iri in described]

    x = Extraction(document=doc)
    x.persons = person_facts(persons)
    x.meetings = meetings
    x.programmes = programmes
    x.ratifications = ratifications
    x.adoptions = adoptions
    x.publisher = publisher
    x.note = ctx.bounds_note
    for p in x.persons:
        ctx.note(p.person)
        ctx.note(p.affiliation)
    for m in meetings:
        for e in (*m.participants, *m.organizers, *m.locations, *m.instruments):
            ctx.note(e)
    for pr in programmes:
        for e in (*pr.funders, *pr.implementers, *pr.regions):
            ctx.note(e)
    for a in adoptions:
        ctx.note(a.instrument)
        ctx.note(a.adopted_by)
    for sp in ctx.spans:
        if sp.source != "alias" and sp.source != "title":
            ctx.note(sp.entity)
    ctx.note(x.publisher)
    # the parents that entities name (tip:partOf) are described too: a graph never points at
    # a node that neither it nor the store describes
    lookup = getattr(ctx.resolver, "entity", None)
    todo = list(ctx.entities.values())
    while todo and lookup is not None:
        e = todo.pop()
        parent = lookup(e.part_of) if e.part_of else None
        if parent is not None and parent.iri not in ctx.entities:
            ctx.note(parent)
            todo.append(parent)
    x.entities = list(ctx.entities.values())
    return x


def own_contact_entries(contacts: list) -> list:
    """Each press contact's evidence narrowed to their own entry of a shared contact block.

    A fact's evidence is what it was read from: "IOM Guatemala: Jane Roe, UNODC: John Doe"
    gives John Doe "UNODC: John Doe", not the whole block with someone else in it. An entry
    runs from the part (``,``, ``;`` or line separated) that names the person to the part
    that names the next one; the first also keeps what comes before it. A block that
    names one person stays whole.
    """
    by_block: dict[str, list] = {}
    for c in contacts:
        by_block.setdefault(c.evidence, []).append(c)
    for block, people in by_block.items():
        starts = sorted({_entry_start(block, c.name) for c in people} - {-1})
        if len(starts) < 2:
            continue
        for c in people:
            start = _entry_start(block, c.name)
            if start < 0:
                continue
            end = next((s for s in starts if s > start), len(block))
            c.evidence = block[0 if start == starts[0] else start : end].strip(" ,;\n")
    return contacts


def _entry_start(block: str, name: str) -> int:
    """Where the part of ``block`` that names ``name`` begins (-1: not named in it)."""
    at = block.find(name)
    if at < 0:
        return -1
    return max(block.rfind(sep, 0, at) for sep in ",;\n") + 1


def _span_of(ctx: DocContext, p) -> tuple[int, int, str] | None:
    i = ctx.text.find(p.name)
    if i < 0:
        return None
    return i, i + len(p.name), p.name


def _publisher(ctx: DocContext) -> Entity | None:
    """The body that issued the page: its whole name, else one of the parts a page header
    joins with a dash or a bar ("UNODC - United Nations Office on Drugs and Crime")."""
    name = ctx.doc.publisher
    if not name:
        return None
    if name.isupper() and len(name.split()) > 1:
        name = readable_place(name)  # "MINISTRY OF INTERNAL AFFAIRS OF ..." -> title case
    parts = [p.strip() for p in re.split(r"\s+[-–—|·:]\s+", name) if p.strip()]
    states = [st for st in (ctx.resolver.state(p) for p in parts) if st is not None]
    for cand in dict.fromkeys([name, *sorted(parts, key=len, reverse=True)]):
        ent = ctx.resolver.resolve(cand, "Organization", country=states[0] if states else None) \
            or ctx.resolver.resolve(cand)
        if ent is not None and (ent.kind == "Organization" or (ent.kind == "State" and cand == name)):
            return ent  # "Authority X - Kingdom of Bahrain": the state is where X sits, not X
    return None
