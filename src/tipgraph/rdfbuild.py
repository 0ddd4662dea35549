"""Build one document's named graph from an :class:`~tipgraph.model.Extraction`.

The graph is self-describing: it types and labels every entity it mentions (with the
same canonical label everywhere, so the union keeps exactly one), links every node to
the document with ``prov:wasDerivedFrom``, and records the evidence sentences. No run
timestamps go in, so building the same document twice gives identical triples.
"""
from __future__ import annotations

import hashlib

from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from . import EXTRACTOR_VERSION
from .model import DateValue, Entity, Extraction, MeetingFact, ProgrammeFact
from .namespaces import ID, PREFIXES, TIP, fact_iri, short_hash, slug

_DATATYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def document_iri(path: str | Path, content_sha1: str | None = None) -> URIRef:
    """The document's IRI, which is also its named graph: its file name and the SHA-1 of
    its bytes (``content_sha1``, else read from the file).

    Not its folder: the same files copied elsewhere (another checkout, a colleague's
    disk, a mounted share) are the same documents, so ingesting the copy finds them
    unchanged instead of doubling every fact. A document whose text changed is a new
    document; ingest drops the version stored from the same path (docs/architecture.md).
    A path that cannot be read falls back to the hash of the absolute path.
    """
    p = Path(path)
    digest = content_sha1
    if not digest and not str(p).startswith("<"):
        try:
            digest = hashlib.sha1(p.read_bytes()).hexdigest()
        except OSError:
            digest = None
    if not digest:
        absolute = p if str(p).startswith("<") else p.resolve()
        digest = short_hash(absolute.as_posix())
    return ID[f"document/{slug(p.stem, 40)}-{digest[:12]}"]


def date_literal(value: DateValue) -> Literal:
    return Literal(value.value, datatype=_DATATYPES[value.precision])


def expand_curie(value: str) -> URIRef:
    """The IRI of ``"tip:Convention"`` (any prefix tipgraph knows), or a full IRI as given:
    extraction names classes the way the ontology file does."""
    if value.startswith(("http://", "https://")):
        return URIRef(value)
    prefix, _, local = value.partition(":")
    return URIRef(PREFIXES[prefix] + local)


class _TripleSet:
    """The triples of one graph in the order first added, each once: what the builder
    needs of an rdflib Graph (``add``) at a fraction of its cost per triple (a Memory
    graph indexes every triple three ways; ingest only serialises them)."""

    def __init__(self) -> None:
        self.triples: dict[tuple, None] = {}

    def add(self, triple: tuple) -> None:
        self.triples[triple] = None


#: An entity's own triples (all but prov:wasDerivedFrom), by the fields they are made of:
#: the same registry entities are described in document after document (with the names
#: each text used, which their triples leave out), and rdflib terms cost to make.
_ENTITY_TRIPLES: dict[tuple, tuple[tuple, ...]] = {}


def _entity_triples(e: Entity, node: URIRef) -> tuple[tuple, ...]:
    key = (e.iri, e.kind, e.label, e.types, e.iso_code, e.part_of, e.in_registry,
           None if e.in_registry else e.alt_labels, None if e.in_registry else e.same_as)
    hit = _ENTITY_TRIPLES.get(key)
    if hit is not None:
        return hit
    out = [(node, RDF.type, TIP[e.kind])]
    for t in e.types:
        out.append((node, RDF.type, expand_curie(t)))
    out.append((node, RDFS.label, Literal(e.label)))
    if not e.in_registry:
        # Registry entities carry their known names in the registry graph.
        for alt in sorted(e.alt_labels - {e.label}):
            out.append((node, SKOS.altLabel, Literal(alt)))
        for same in e.same_as:
            out.append((node, OWL.sameAs, URIRef(same)))
    if e.iso_code:
        out.append((node, TIP.isoCode, Literal(e.iso_code)))
    if e.part_of:
        out.append((node, TIP.partOf, URIRef(e.part_of)))
    if len(_ENTITY_TRIPLES) > 20_000:
        _ENTITY_TRIPLES.clear()
    _ENTITY_TRIPLES[key] = hit = tuple(out)
    return hit


class DocumentGraphBuilder:
    """Accumulates the triples of one document graph."""

    def __init__(self, extraction: Extraction):
        self.x = extraction
        self.doc = document_iri(extraction.document.path, extraction.document.content_sha1)
        self.key = str(self.doc)
        self.g = _TripleSet()
        self._described: set[str] = set()
        #: Persons whose public role this document states: only they are described here.
        self._with_role = {
            p.person.iri for p in extraction.persons if p.title or p.affiliation is not None
        }

    # -- entities -------------------------------------------------------------
    def entity(self, e: Entity) -> URIRef:
        node = URIRef(e.iri)
        if e.iri in self._described:
            return node
        if e.kind == "Person" and e.iri not in self._with_role:
            # Named again without a role: a reference to the person an earlier document
            # described (validation takes type and role from the store), never a new
            # node without a public role.
            return node
        self._described.add(e.iri)
        g = self.g
        for triple in _entity_triples(e, node):
            g.add(triple)
        g.add((node, PROV.wasDerivedFrom, self.doc))
        return node

    def entities(self, items) -> list[URIRef]:
        return [self.entity(e) for e in items]

    # -- document ---------------------------------------------------------------
    def document(self) -> None:
        d = self.x.document
        g, doc = self.g, self.doc
        g.add((doc, RDF.type, TIP.Document))
        g.add((doc, RDFS.label, Literal(d.title or Path(d.path).name)))
        g.add((doc, DCTERMS.source, Literal(d.path)))
        if d.title:
            g.add((doc, DCTERMS.title, Literal(d.title)))
        if d.published:
            g.add((doc, DCTERMS.issued, Literal(d.published.isoformat(), datatype=XSD.date)))
        if self.x.publisher is not None:
            g.add((doc, DCTERMS.publisher, self.entity(self.x.publisher)))
        g.add((doc, DCTERMS.format, Literal(d.media_type)))
        if d.language:
            g.add((doc, DCTERMS.language, Literal(d.language, datatype=XSD.language)))
        if d.content_sha1:
            g.add((doc, TIP.contentHash, Literal(d.content_sha1)))
        g.add((doc, TIP.extractorVersion, Literal(EXTRACTOR_VERSION)))

    # -- facts ------------------------------------------------------------------
    def persons(self) -> None:
        g = self.g
        for fact in self.x.persons:
            node = self.entity(fact.person)
            if fact.title:
                g.add((node, TIP.title, Literal(fact.title)))
            if fact.affiliation is not None:
                g.add((node, TIP.affiliation, self.entity(fact.affiliation)))
            if fact.evidence:
                g.add((node, TIP.evidence, Literal(fact.evidence)))

    def meeting(self, index: int, m: MeetingFact) -> None:
        g = self.g
        planned = m.status == "planned"
        kind = "PlannedMeeting" if planned else "Meeting"
        node = fact_iri(kind, self.key, str(index))
        g.add((node, RDF.type, TIP.PlannedMeeting if planned else expand_curie(m.meeting_type)))
        if not planned:
            # The core class too, as for every node: queries test `a tip:Meeting` directly
            # instead of walking rdfs:subClassOf* (slow, and Virtuoso loses rows on it).
            g.add((node, RDF.type, TIP.Meeting))
        g.add((node, RDFS.label, Literal(m.label or self._meeting_label(m))))
        actor_property = TIP.plannedParticipant if planned else TIP.participant
        for actor in self.entities(m.participants) + self.entities(m.organizers):
            g.add((node, actor_property, actor))
        if not planned:
            for actor in self.entities(m.organizers):
                g.add((node, TIP.organizer, actor))
        for value in m.dates:
            g.add((node, TIP.date, date_literal(value)))
        for place in self.entities(m.locations):
            g.add((node, TIP.location, place))
        for instrument in self.entities(m.instruments):
            g.add((node, TIP.underInstrument, instrument))
        if m.evidence:
            g.add((node, TIP.evidence, Literal(m.evidence)))
        g.add((node, PROV.wasDerivedFrom, self.doc))

    @staticmethod
    def _meeting_label(m: MeetingFact) -> str:
        names = [e.label for e in (m.organizers + m.participants)]
        unique = list(dict.fromkeys(names))
        head = ", ".join(unique[:3]) + (" and others" if len(unique) > 3 else "")
        when = f" ({m.dates[0].value})" if m.dates else ""
        kind = "Planned meeting" if m.status == "planned" else "Meeting"
        return f"{kind}: {head}{when}" if head else f"{kind}{when}"

    def programme(self, index: int, p: ProgrammeFact) -> None:
        g = self.g
        node = fact_iri("Programme", self.key, str(index), p.label)
        g.add((node, RDF.type, TIP.Programme))
        g.add((node, RDFS.label, Literal(p.label)))
        for funder in self.entities(p.funders):
            g.add((node, TIP.fundedBy, funder))
        for implementer in self.entities(p.implementers):
            g.add((node, TIP.implementedBy, implementer))
        if p.budget_amount is not None:
            g.add((node, TIP.budgetAmount, Literal(p.budget_amount, datatype=XSD.decimal)))
        if p.budget_currency:
            g.add((node, TIP.budgetCurrency, Literal(p.budget_currency)))
        if p.duration_months:
            g.add((node, TIP.durationMonths, Literal(p.duration_months, datatype=XSD.integer)))
        for region in self.entities(p.regions):
            g.add((node, TIP.targetRegion, region))
        for group in p.target_groups:
            g.add((node, TIP.targetGroup, Literal(group)))
        if p.evidence:
            g.add((node, TIP.evidence, Literal(p.evidence)))
        g.add((node, PROV.wasDerivedFrom, self.doc))

    def ratifications(self) -> None:
        g = self.g
        for r in self.x.ratifications:
            if r.act not in ("ratified", "acceded"):
                continue
            state, instrument = self.entity(r.state), self.entity(r.instrument)
            g.add((state, TIP.ratified, instrument))
            if r.date is None and not r.evidence:
                continue
            node = fact_iri("Ratification", self.key, r.state.iri, r.instrument.iri)
            g.add((node, RDF.type, TIP.Ratification))
            g.add((node, RDFS.label, Literal(f"{r.state.label} {r.act} {r.instrument.label}")))
            g.add((node, TIP.ratifyingState, state))
            g.add((node, TIP.ratifiedInstrument, instrument))
            g.add((node, TIP.act, Literal(r.act)))
            if r.date is not None:
                g.add((node, TIP.date, date_literal(r.date)))
            if r.evidence:
                g.add((node, TIP.evidence, Literal(r.evidence)))
            g.add((node, PROV.wasDerivedFrom, self.doc))

    def adoptions(self) -> None:
        for a in self.x.adoptions:
            instrument = self.entity(a.instrument)
            if a.adopted_by is not None:
                self.g.add((self.entity(a.adopted_by), TIP.adopted, instrument))

    def triples(self) -> list[tuple]:
        """Every triple of the document graph, each once."""
        self.document()
        self.entities(self.x.entities)
        self.persons()
        for i, m in enumerate(self.x.meetings):
            self.meeting(i, m)
        for i, p in enumerate(self.x.programmes):
            self.programme(i, p)
        self.ratifications()
        self.adoptions()
        return list(self.g.triples)

    def build(self) -> Graph:
        """The document graph as an rdflib Graph (prefixes bound)."""
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        for t in self.triples():
            g.add(t)
        return g


def build_document_graph(extraction: Extraction) -> tuple[URIRef, Graph]:
    """The document's IRI (its graph name) and its triples."""
    builder = DocumentGraphBuilder(extraction)
    return builder.doc, builder.build()


def document_triples(extraction: Extraction) -> tuple[URIRef, list[tuple]]:
    """The document's IRI and its triples as a list: what ingest sends on, without the
    cost of an rdflib Graph (the same triples as :func:`build_document_graph`)."""
    builder = DocumentGraphBuilder(extraction)
    return builder.doc, builder.triples()
