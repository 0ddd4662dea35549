"""The document graph built from extracted facts: layout, datatypes, determinism."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from tipgraph.model import (
    DateValue, Entity, Extraction, MeetingFact, PersonFact, ProgrammeFact, RatificationFact, SourceDocument,
)
from tipgraph.namespaces import TIP
from tipgraph.rdfbuild import build_document_graph, document_iri

IOM = Entity("https://w3id.org/tipgraph/id/org/iom", "Organization", "International Organization for Migration",
             frozenset({"IOM"}), ("tip:IntergovernmentalOrganization",), in_registry=True)
MD = Entity("https://w3id.org/tipgraph/id/state/md", "State", "Moldova", iso_code="MD", in_registry=True)
MOJ = Entity("https://w3id.org/tipgraph/id/org/ministry-of-justice-of-moldova", "Organization",
             "Ministry of Justice of Moldova", frozenset({"Justice Ministry"}), ("tip:GovernmentBody",),
             part_of=MD.iri)
CHISINAU = Entity("https://w3id.org/tipgraph/id/place/chisinau", "Place", "Chisinau", in_registry=True)
PALERMO = Entity("https://w3id.org/tipgraph/id/instrument/palermo-protocol", "LegalInstrument",
                 "Trafficking in Persons Protocol", types=("tip:Protocol",), in_registry=True)
ANA = Entity("https://w3id.org/tipgraph/id/person/ana-pop", "Person", "Ana Pop")


def _extraction(path: str = "/data/press/2021-md.txt") -> Extraction:
    doc = SourceDocument(path=path, text="...", title="IOM and Moldova meet", published=date(2021, 6, 3),
                         content_sha1="abc")
    return Extraction(
        document=doc,
        entities=[IOM, MD, MOJ, CHISINAU, PALERMO],
        persons=[PersonFact(ANA, "Head of the Legal Department", MOJ, "Ana Pop, Head of ... said.")],
        meetings=[
            MeetingFact("tip:WorkingMeeting", [MOJ, ANA], organizers=[IOM], dates=[DateValue("2021-06-03", "day")],
                        locations=[CHISINAU], instruments=[PALERMO], evidence="IOM met the Ministry."),
            MeetingFact("tip:Conference", [IOM, MD], dates=[DateValue("2022", "year")], status="planned"),
        ],
        programmes=[ProgrammeFact("Safe Migration", funders=[MD], implementers=[IOM],
                                  budget_amount=Decimal("4400000"), budget_currency="EUR", duration_months=30,
                                  regions=[CHISINAU], target_groups=["young women"])],
        ratifications=[RatificationFact(MD, PALERMO, DateValue("2005-09", "month"), evidence="Moldova ratified.")],
        publisher=IOM,
    )


def test_document_node_and_graph_name():
    name, g = build_document_graph(_extraction())
    assert name == document_iri("/data/press/2021-md.txt", "abc")
    assert (name, RDF.type, TIP.Document) in g
    assert (name, DCTERMS.source, Literal("/data/press/2021-md.txt")) in g
    assert (name, DCTERMS.issued, Literal("2021-06-03", datatype=XSD.date)) in g
    assert (name, DCTERMS.publisher, URIRef(IOM.iri)) in g
    assert g.value(name, TIP.contentHash) == Literal("abc")


def test_every_node_is_derived_from_the_document():
    name, g = build_document_graph(_extraction())
    typed = set(g.subjects(RDF.type, None)) - {name}
    assert typed, "the graph types its nodes"
    for node in typed:
        assert (node, PROV.wasDerivedFrom, name) in g, node
        assert len(list(g.objects(node, RDFS.label))) == 1, node


def test_registry_entities_keep_their_names_in_the_registry():
    _, g = build_document_graph(_extraction())
    assert not list(g.objects(URIRef(IOM.iri), SKOS.altLabel))
    assert (URIRef(MOJ.iri), SKOS.altLabel, Literal("Justice Ministry")) in g
    assert (URIRef(MOJ.iri), TIP.partOf, URIRef(MD.iri)) in g
    assert (URIRef(MD.iri), TIP.isoCode, Literal("MD")) in g


def test_meeting_organizer_is_also_participant_and_dates_keep_precision():
    _, g = build_document_graph(_extraction())
    (meeting,) = list(g.subjects(RDF.type, TIP.WorkingMeeting))
    assert (meeting, TIP.organizer, URIRef(IOM.iri)) in g
    assert (meeting, TIP.participant, URIRef(IOM.iri)) in g
    assert (meeting, TIP.participant, URIRef(ANA.iri)) in g
    assert (meeting, TIP.date, Literal("2021-06-03", datatype=XSD.date)) in g
    assert (meeting, TIP.underInstrument, URIRef(PALERMO.iri)) in g


def test_planned_meeting_is_kept_apart():
    _, g = build_document_graph(_extraction())
    (planned,) = list(g.subjects(RDF.type, TIP.PlannedMeeting))
    assert (planned, RDF.type, TIP.Conference) not in g
    assert not list(g.objects(planned, TIP.participant))
    assert set(g.objects(planned, TIP.plannedParticipant)) == {URIRef(IOM.iri), URIRef(MD.iri)}
    assert (planned, TIP.date, Literal("2022", datatype=XSD.gYear)) in g


def test_programme_and_ratification():
    _, g = build_document_graph(_extraction())
    (prog,) = list(g.subjects(RDF.type, TIP.Programme))
    assert g.value(prog, TIP.budgetAmount) == Literal(Decimal("4400000"), datatype=XSD.decimal)
    assert g.value(prog, TIP.budgetCurrency) == Literal("EUR")
    assert g.value(prog, TIP.durationMonths).toPython() == 30
    assert (URIRef(MD.iri), TIP.ratified, URIRef(PALERMO.iri)) in g
    (rat,) = list(g.subjects(RDF.type, TIP.Ratification))
    assert g.value(rat, TIP.date) == Literal("2005-09", datatype=XSD.gYearMonth)


def test_building_twice_gives_identical_triples():
    a = build_document_graph(_extraction())[1].serialize(format="nt")
    b = build_document_graph(_extraction())[1].serialize(format="nt")
    assert sorted(a.splitlines()) == sorted(b.splitlines())


def test_document_iri_depends_on_name_and_content_not_folder(tmp_path):
    assert document_iri("/a/x.txt", "abc") == document_iri("/b/x.txt", "abc")
    assert document_iri("/a/x.txt", "abc") != document_iri("/a/x.txt", "abd")
    for folder, text in (("a", "same"), ("b", "same"), ("c", "other")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(text, encoding="utf-8")
    assert document_iri(tmp_path / "a" / "x.txt") == document_iri(tmp_path / "b" / "x.txt")
    assert document_iri(tmp_path / "a" / "x.txt") != document_iri(tmp_path / "c" / "x.txt")


def test_person_without_role_in_this_document_is_only_referenced():
    x = _extraction()
    x.persons = []
    _, g = build_document_graph(x)
    assert (URIRef(ANA.iri), RDF.type, TIP.Person) not in g
    assert not list(g.objects(URIRef(ANA.iri), RDFS.label))
    (meeting,) = list(g.subjects(RDF.type, TIP.WorkingMeeting))
    assert (meeting, TIP.participant, URIRef(ANA.iri)) in g


def test_the_triples_ingest_sends_are_the_graphs_triples_each_once():
    from tipgraph.rdfbuild import document_triples

    x = _extraction()
    # the organizer named among the participants too: its tip:participant triple comes twice
    x.meetings[0] = MeetingFact("tip:WorkingMeeting", [MOJ, ANA, IOM], organizers=[IOM],
                                dates=[DateValue("2021-06-03", "day")], evidence="IOM met the Ministry.")
    name, g = build_document_graph(x)
    same_name, triples = document_triples(x)
    assert same_name == name
    assert len(triples) == len(set(triples)) == len(g)
    assert set(triples) == set(g)


def test_the_workers_ntriples_read_back_as_the_same_terms():
    """Written by Oxigraph in the worker, parsed by Oxigraph in the writer: nothing changes on the way."""
    from tipgraph.ingest import _parse_ntriples, _serialize_ntriples
    from tipgraph.rdfbuild import document_triples

    _, triples = document_triples(_extraction())
    node = URIRef("https://w3id.org/tipgraph/id/org/x")
    hostile = [(node, RDFS.label, Literal(v)) for v in ('say "hi"', "line one\nline two\r\n\ttab", "back\\slash",
                                                         "Ünïcödé – ✓ 東京", "")]
    hostile += [(node, SKOS.altLabel, Literal("Moldova", lang="ro")),
                (node, TIP.budgetAmount, Literal(Decimal("4400000.50"), datatype=XSD.decimal)),
                (node, TIP.date, Literal("2005-09", datatype=XSD.gYearMonth))]
    data = triples + hostile
    assert set(_parse_ntriples(_serialize_ntriples(data))) == set(data)
