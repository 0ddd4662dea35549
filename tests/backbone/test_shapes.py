"""The SHACL shapes: the valid fixture conforms, and each constraint catches what it should.

Each case mutates the valid fixture with one SPARQL Update and names the exact
messages (with severities) that the report must then hold, and nothing else, so a
case fails both when a constraint stops firing and when it fires too widely.
Validation runs as tipgraph runs it: the ontology as ``ont_graph`` (its subclass
axioms make subclass instances targets), no inference.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SH = Namespace("http://www.w3.org/ns/shacl#")
VIOLATION, WARNING = SH.Violation, SH.Warning

PREFIXES = """
PREFIX tip: <https://w3id.org/tipgraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX doc: <https://w3id.org/tipgraph/id/document/>
PREFIX organization: <https://w3id.org/tipgraph/id/org/>
PREFIX state: <https://w3id.org/tipgraph/id/state/>
PREFIX place: <https://w3id.org/tipgraph/id/place/>
PREFIX person: <https://w3id.org/tipgraph/id/person/>
PREFIX instr: <https://w3id.org/tipgraph/id/instrument/>
PREFIX meeting: <https://w3id.org/tipgraph/id/meeting/>
PREFIX planned: <https://w3id.org/tipgraph/id/planned-meeting/>
PREFIX prog: <https://w3id.org/tipgraph/id/programme/>
PREFIX ratif: <https://w3id.org/tipgraph/id/ratification/>
"""

DOC = "doc:example-press-release-0123456789ab"
MEETING = "meeting:a1b2c3d4e5f6"
PLANNED = "planned:0f1e2d3c4b5a"
PROGRAMME = "prog:9a8b7c6d5e4f"
RATIFICATION = "ratif:1a2b3c4d5e6f"
PERSON = "person:jane-example"

# The messages, word for word: a steward reads them, so a change must be deliberate.
LABEL_REQUIRED = "Every entity and fact must have a preferred name (rdfs:label)."
LABEL_UNIQUE = "An entity must have only one preferred name (rdfs:label); put other names and acronyms in skos:altLabel."
LABEL_TEXT = "A preferred name (rdfs:label) must be non-empty plain text, not a number, date or link."
ALT_LABEL_TEXT = "Other names and acronyms (skos:altLabel) must be non-empty plain text."
DERIVED_REQUIRED = "Every extracted node must name the document it was read from (prov:wasDerivedFrom)."
DERIVED_DOCUMENT = "The source of a node (prov:wasDerivedFrom) must be a source document (tip:Document)."
EVIDENCE = "The evidence of a fact (tip:evidence) must be the non-empty text of the sentence(s) it was read from."
DATE = ("A date (tip:date) must be a valid day (xsd:date, 2019-05-28), month (xsd:gYearMonth, 2019-05) "
        "or year (xsd:gYear, 2019).")
LOCATION = "The location of a meeting (tip:location) must be a place (tip:Place) or a state (tip:State)."
UNDER = "The instrument of a meeting (tip:underInstrument) must be a legal instrument (tip:LegalInstrument)."
ADOPTED = "What an actor adopted, enacted or signed (tip:adopted) must be a legal instrument (tip:LegalInstrument)."
PUBLIC_ROLE = ("A person must have a public role: give their post (tip:title) or whom they represent "
               "(tip:affiliation). The graph holds people in public roles only.")
AFFILIATION = ("A person's affiliation (tip:affiliation) must be an organization (tip:Organization) "
               "or a state (tip:State).")
TITLE = "A person's title (tip:title) must be the non-empty text of their post."
PART_OF = ("The parent of an organization (tip:partOf) must be an organization (tip:Organization) "
           "or a state (tip:State).")
ISO_MISSING = "A state should carry its ISO 3166-1 alpha-2 code (tip:isoCode)."
ISO_ONE = "A state must have only one ISO code (tip:isoCode)."
ISO_FORM = "A state's ISO code (tip:isoCode) must be two capital letters (ISO 3166-1 alpha-2), such as DE."
ISO_LIST = ("A state's ISO code (tip:isoCode) must be an assigned ISO 3166-1 alpha-2 country code, "
            "such as DE or TM.")
RATIFIED = "What a state ratified (tip:ratified) must be a legal instrument (tip:LegalInstrument)."
PARTICIPANT_ONE = "A meeting must name at least one participant (tip:participant)."
PARTICIPANT_TWO = ("A meeting should name at least two participants (tip:participant); with one, nobody is "
                   "known to have met anyone.")
PARTICIPANT_ACTOR = ("A participant of a meeting (tip:participant) must be a person, an organization or a "
                     "state (tip:Actor).")
ORGANIZER_ACTOR = ("The organizer of a meeting (tip:organizer) must be a person, an organization or a "
                   "state (tip:Actor).")
ORGANIZER_PARTICIPANT = ("An organizer of a meeting (tip:organizer) must also be stated as a participant "
                         "(tip:participant).")
MEETING_NO_PLANNED = "A meeting that took place names its actors with tip:participant, not tip:plannedParticipant."
PLANNED_NOT_MEETING = ("A planned meeting has not taken place, so it cannot also be a meeting (tip:Meeting "
                       "or one of its kinds).")
PLANNED_NO_PARTICIPANT = ("A planned meeting has not taken place: name its actors with tip:plannedParticipant, "
                          "not tip:participant.")
PLANNED_NO_ORGANIZER = ("A planned meeting has not taken place: name its organizers with "
                        "tip:plannedParticipant, not tip:organizer.")
PLANNED_ACTOR = ("A planned participant (tip:plannedParticipant) must be a person, an organization or a "
                 "state (tip:Actor).")
FUNDER = "A funder of a programme (tip:fundedBy) must be a person, an organization or a state (tip:Actor)."
IMPLEMENTER = ("An implementer of a programme (tip:implementedBy) must be a person, an organization or a "
               "state (tip:Actor).")
BUDGET = ("A programme's budget (tip:budgetAmount) must be a plain decimal number of at least 0 "
          "(4.4 million is written 4400000).")
BUDGET_ONE = "A programme must have only one total budget (tip:budgetAmount)."
CURRENCY_FORM = ("A programme's budget currency (tip:budgetCurrency) must be three capital letters "
                 "(ISO 4217), such as EUR.")
CURRENCY_LIST = ("A programme's budget currency (tip:budgetCurrency) must be an ISO 4217 currency code, "
                 "such as EUR or USD.")
CURRENCY_ONE = "A programme must have only one budget currency (tip:budgetCurrency)."
CURRENCY_MISSING = "A programme with a budget (tip:budgetAmount) should also give its currency (tip:budgetCurrency)."
DURATION = "A programme's duration (tip:durationMonths) must be a whole number of months, at least 1."
DURATION_ONE = "A programme must have only one duration (tip:durationMonths)."
REGION = ("A programme's target region (tip:targetRegion) must be a place (tip:Place) or a state "
          "(tip:State).")
TARGET_GROUP = "A programme's target group (tip:targetGroup) must be non-empty text."
RAT_STATE = "A ratification must name exactly one ratifying state (tip:ratifyingState)."
RAT_STATE_CLASS = "The ratifying state (tip:ratifyingState) must be a state (tip:State)."
RAT_INSTRUMENT = "A ratification must name exactly one ratified instrument (tip:ratifiedInstrument)."
RAT_INSTRUMENT_CLASS = ("The ratified instrument (tip:ratifiedInstrument) must be a legal instrument "
                        "(tip:LegalInstrument).")
RAT_DATE_ONE = "A ratification must have only one date (tip:date)."
RAT_ACT = ('The act of a ratification (tip:act) must be "ratified" or "acceded" (signing alone is not '
           'ratification).')
SOURCE = "A document must give exactly one path or URL it was read from (dcterms:source)."
SOURCE_FORM = "A document's source (dcterms:source) must be a link or the text of a path or URL."
DOC_TITLE = "A document has at most one title (dcterms:title), as text."
DOC_ISSUED = ("A document has at most one publication date (dcterms:issued), as a valid xsd:date such as "
              "2019-05-28.")
PUBLISHER = ("A document's publisher (dcterms:publisher) must be a person, an organization or a state "
             "(tip:Actor).")
CONTENT_HASH = "A document has at most one content hash (tip:contentHash), as text."
EXTRACTOR = "A document has at most one extractor version (tip:extractorVersion), as text."
PRIVACY = ("Names, titles, target groups and evidence must not contain e-mail addresses or phone numbers; "
           "remove them (the graph holds no contact details).")


def _set(node: str, prop: str, value: str) -> str:
    """Replace every value of ``prop`` on ``node`` by ``value``."""
    return f"DELETE {{ {node} {prop} ?o }} WHERE {{ {node} {prop} ?o }} ; INSERT DATA {{ {node} {prop} {value} }}"


def _drop(node: str, prop: str) -> str:
    return f"DELETE WHERE {{ {node} {prop} ?o }}"


def _add(node: str, prop: str, value: str) -> str:
    return f"INSERT DATA {{ {node} {prop} {value} }}"


V, W = VIOLATION, WARNING

#: id -> (SPARQL Update on the valid fixture, expected (message, severity) pairs: all and only these)
CASES: dict[str, tuple[str, set[tuple[str, URIRef]]]] = {
    # labels, shared by every node shape
    "label-missing": (_drop(PERSON, "rdfs:label"), {(LABEL_REQUIRED, V)}),
    "label-missing-document": (_drop(DOC, "rdfs:label"), {(LABEL_REQUIRED, V)}),
    "label-twice-subclass-instance": (_add("organization:iom", "rdfs:label", '"IOM UN Migration"'),
                                      {(LABEL_UNIQUE, V)}),
    "label-number": (_set("place:ashgabat", "rdfs:label", "42"), {(LABEL_TEXT, V)}),
    "label-empty": (_set(MEETING, "rdfs:label", '""'), {(LABEL_TEXT, V)}),
    "label-language-tagged-ok": (_set("place:ashgabat", "rdfs:label", '"Ashgabat"@en'), set()),
    "alt-label-number": (_add("organization:iom", "skos:altLabel", "7"), {(ALT_LABEL_TEXT, V)}),
    # provenance
    "derived-from-missing": (_drop(MEETING, "prov:wasDerivedFrom"), {(DERIVED_REQUIRED, V)}),
    "derived-from-missing-ratification": (_drop(RATIFICATION, "prov:wasDerivedFrom"), {(DERIVED_REQUIRED, V)}),
    "derived-from-not-document": (_set("place:ashgabat", "prov:wasDerivedFrom", PERSON), {(DERIVED_DOCUMENT, V)}),
    # facts shared by meetings, planned meetings, ratifications
    "evidence-number": (_set(PROGRAMME, "tip:evidence", "12"), {(EVIDENCE, V)}),
    "date-plain-text": (_set(MEETING, "tip:date", '"28 May 2019"'), {(DATE, V)}),
    "date-datetime": (_set(MEETING, "tip:date", '"2019-05-28T10:00:00"^^xsd:dateTime'), {(DATE, V)}),
    "date-invalid-month": (_set(PLANNED, "tip:date", '"2019-13"^^xsd:gYearMonth'), {(DATE, V)}),
    "date-invalid-day": (_set(MEETING, "tip:date", '"2019-05-32"^^xsd:date'), {(DATE, V)}),
    "date-year-ok": (_set(MEETING, "tip:date", '"2019"^^xsd:gYear'), set()),
    "location-person": (_set(MEETING, "tip:location", PERSON), {(LOCATION, V)}),
    "location-state-ok": (_set(MEETING, "tip:location", "state:tm"), set()),
    "under-instrument-organization": (_set(MEETING, "tip:underInstrument", "organization:iom"), {(UNDER, V)}),
    # actors
    "adopted-place": (_add("state:tm", "tip:adopted", "place:ashgabat"), {(ADOPTED, V)}),
    "person-no-role": (_drop(PERSON, "tip:title") + " ; " + _drop(PERSON, "tip:affiliation"), {(PUBLIC_ROLE, V)}),
    "person-title-only-ok": (_drop(PERSON, "tip:affiliation"), set()),
    "person-affiliation-place": (_set(PERSON, "tip:affiliation", "place:ashgabat"), {(AFFILIATION, V)}),
    "person-affiliation-state-ok": (_set(PERSON, "tip:affiliation", "state:tm"), set()),
    "person-title-empty": (_set(PERSON, "tip:title", '""'), {(TITLE, V)}),
    "part-of-place": (_set("organization:iom-turkmenistan", "tip:partOf", "place:ashgabat"), {(PART_OF, V)}),
    "iso-code-missing": (_drop("state:de", "tip:isoCode"), {(ISO_MISSING, W)}),
    "iso-code-twice": (_add("state:tm", "tip:isoCode", '"XK"'), {(ISO_ONE, V)}),
    "iso-code-lowercase": (_set("state:tm", "tip:isoCode", '"tm"'), {(ISO_FORM, V), (ISO_LIST, V)}),
    "iso-code-unassigned": (_set("state:tm", "tip:isoCode", '"ZZ"'), {(ISO_LIST, V)}),
    "iso-code-typed-string-ok": (_set("state:tm", "tip:isoCode", '"TM"^^xsd:string'), set()),
    "ratified-place": (_add("state:tm", "tip:ratified", "place:ashgabat"), {(RATIFIED, V)}),
    # meetings
    "meeting-no-participant": (_drop(MEETING, "tip:participant") + " ; " + _drop(MEETING, "tip:organizer"),
                               {(PARTICIPANT_ONE, V), (PARTICIPANT_TWO, W)}),
    "meeting-one-participant": (_set(MEETING, "tip:participant", "organization:iom-turkmenistan"),
                                {(PARTICIPANT_TWO, W)}),
    "meeting-participant-place": (_add(MEETING, "tip:participant", "place:ashgabat"), {(PARTICIPANT_ACTOR, V)}),
    "meeting-participant-untyped": (_add(MEETING, "tip:participant", "organization:unknown-body"),
                                    {(PARTICIPANT_ACTOR, V)}),
    "meeting-organizer-place": (_add(MEETING, "tip:organizer", "place:ashgabat") + " ; "
                                + _add(MEETING, "tip:participant", "place:ashgabat"),
                                {(ORGANIZER_ACTOR, V), (PARTICIPANT_ACTOR, V)}),
    "meeting-organizer-not-participant": (_add(MEETING, "tip:organizer", "state:de"), {(ORGANIZER_PARTICIPANT, V)}),
    "meeting-planned-participant": (_add(MEETING, "tip:plannedParticipant", "state:de"), {(MEETING_NO_PLANNED, V)}),
    # planned meetings
    "planned-participant": (_add(PLANNED, "tip:participant", "state:tm"), {(PLANNED_NO_PARTICIPANT, V)}),
    "planned-organizer": (_add(PLANNED, "tip:organizer", "state:tm"), {(PLANNED_NO_ORGANIZER, V)}),
    "planned-participant-place": (_add(PLANNED, "tip:plannedParticipant", "place:ashgabat"), {(PLANNED_ACTOR, V)}),
    "planned-also-meeting": (_add(PLANNED, "rdf:type", "tip:Conference"),
                             {(PLANNED_NOT_MEETING, V), (PARTICIPANT_ONE, V), (PARTICIPANT_TWO, W),
                              (MEETING_NO_PLANNED, V)}),
    # programmes
    "funder-place": (_set(PROGRAMME, "tip:fundedBy", "place:ashgabat"), {(FUNDER, V)}),
    "implementer-place": (_set(PROGRAMME, "tip:implementedBy", "place:ashgabat"), {(IMPLEMENTER, V)}),
    "budget-negative": (_set(PROGRAMME, "tip:budgetAmount", '"-5.0"^^xsd:decimal'), {(BUDGET, V)}),
    "budget-text": (_set(PROGRAMME, "tip:budgetAmount", '"4.4 million"'), {(BUDGET, V)}),
    "budget-integer": (_set(PROGRAMME, "tip:budgetAmount", "4400000"), {(BUDGET, V)}),  # must be xsd:decimal
    "budget-twice": (_add(PROGRAMME, "tip:budgetAmount", "1000000.0"), {(BUDGET_ONE, V)}),
    "currency-lowercase": (_set(PROGRAMME, "tip:budgetCurrency", '"eur"'), {(CURRENCY_FORM, V), (CURRENCY_LIST, V)}),
    "currency-unassigned": (_set(PROGRAMME, "tip:budgetCurrency", '"ABC"'), {(CURRENCY_LIST, V)}),
    "currency-twice": (_add(PROGRAMME, "tip:budgetCurrency", '"USD"'), {(CURRENCY_ONE, V)}),
    "currency-missing": (_drop(PROGRAMME, "tip:budgetCurrency"), {(CURRENCY_MISSING, W)}),
    "currency-without-budget-ok": (_drop(PROGRAMME, "tip:budgetAmount"), set()),
    "duration-zero": (_set(PROGRAMME, "tip:durationMonths", "0"), {(DURATION, V)}),
    "duration-decimal": (_set(PROGRAMME, "tip:durationMonths", "2.5"), {(DURATION, V)}),
    "duration-twice": (_add(PROGRAMME, "tip:durationMonths", "24"), {(DURATION_ONE, V)}),
    "region-person": (_set(PROGRAMME, "tip:targetRegion", PERSON), {(REGION, V)}),
    "region-place-ok": (_set(PROGRAMME, "tip:targetRegion", "place:ashgabat"), set()),
    "target-group-empty": (_add(PROGRAMME, "tip:targetGroup", '""'), {(TARGET_GROUP, V)}),
    # ratifications
    "ratification-no-state": (_drop(RATIFICATION, "tip:ratifyingState"), {(RAT_STATE, V)}),
    "ratification-two-states": (_add(RATIFICATION, "tip:ratifyingState", "state:de"), {(RAT_STATE, V)}),
    "ratification-state-organization": (_set(RATIFICATION, "tip:ratifyingState", "organization:iom"),
                                        {(RAT_STATE_CLASS, V)}),
    "ratification-no-instrument": (_drop(RATIFICATION, "tip:ratifiedInstrument"), {(RAT_INSTRUMENT, V)}),
    "ratification-instrument-place": (_set(RATIFICATION, "tip:ratifiedInstrument", "place:ashgabat"),
                                      {(RAT_INSTRUMENT_CLASS, V)}),
    "ratification-two-dates": (_add(RATIFICATION, "tip:date", '"2005-03-28"^^xsd:date'), {(RAT_DATE_ONE, V)}),
    "ratification-signed": (_set(RATIFICATION, "tip:act", '"signed"'), {(RAT_ACT, V)}),
    # documents
    "document-no-source": (_drop(DOC, "dcterms:source"), {(SOURCE, V)}),
    "document-two-sources": (_add(DOC, "dcterms:source", '"/data/other.html"'), {(SOURCE, V)}),
    "document-source-number": (_set(DOC, "dcterms:source", "17"), {(SOURCE_FORM, V)}),
    "document-source-iri-ok": (_set(DOC, "dcterms:source", "<file:///data/press/example-press-release.html>"),
                               set()),
    "document-two-titles": (_add(DOC, "dcterms:title", '"Another title"'), {(DOC_TITLE, V)}),
    "document-issued-text": (_set(DOC, "dcterms:issued", '"29 May 2019"'), {(DOC_ISSUED, V)}),
    "document-publisher-place": (_set(DOC, "dcterms:publisher", "place:ashgabat"), {(PUBLISHER, V)}),
    "document-two-hashes": (_add(DOC, "tip:contentHash", '"abc"'), {(CONTENT_HASH, V)}),
    "document-extractor-number": (_set(DOC, "tip:extractorVersion", "1"), {(EXTRACTOR, V)}),
    # privacy
    "privacy-email-in-evidence": (_set(PERSON, "tip:evidence", '"Write to jane.example@iom.int for details."'),
                                  {(PRIVACY, V)}),
    "privacy-phone-in-title": (_set(PERSON, "tip:title", '"Chief of Mission, tel. +993 12 34 56 78"'),
                               {(PRIVACY, V)}),
    "privacy-budget-figure-ok": (_set(PROGRAMME, "tip:evidence", '"The project costs 4 400 000 euros."'), set()),
}


def _load_graph(paths) -> Graph:
    g = Graph()
    for p in paths:
        g.parse(p, format="turtle")
    return g


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return _load_graph(sorted((REPO / "ontology").glob("*.ttl")))


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return _load_graph(sorted((REPO / "shapes").glob("*.ttl")))


@pytest.fixture(scope="module")
def valid_text() -> str:
    return (FIXTURES / "valid.ttl").read_text(encoding="utf-8")


def validate(data: Graph, shapes: Graph, ontology: Graph) -> tuple[bool, set[tuple[str, URIRef]], Graph]:
    conforms, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True
    )
    found = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        found.add((str(report.value(result, SH.resultMessage)), report.value(result, SH.resultSeverity)))
    return conforms, found, report


def test_valid_fixture_conforms_without_warnings(valid_text, shapes, ontology):
    data = Graph().parse(data=valid_text, format="turtle")
    conforms, found, _ = validate(data, shapes, ontology)
    assert found == set()
    assert conforms


def test_subclass_instances_need_the_ontology(valid_text, shapes, ontology):
    """Why validation passes ont_graph: without the subclass axioms a tip:RoundTable is no target of MeetingShape."""
    data = Graph().parse(data=valid_text, format="turtle")
    data.update(PREFIXES + _drop(MEETING, "tip:participant") + " ; " + _drop(MEETING, "tip:organizer"))
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True)
    without = {str(m) for m in report.objects(None, SH.resultMessage)}
    _, with_ontology, _ = validate(data, shapes, ontology)
    assert PARTICIPANT_ONE not in without
    assert (PARTICIPANT_ONE, VIOLATION) in with_ontology


@pytest.mark.parametrize("case", sorted(CASES))
def test_constraint(case, valid_text, shapes, ontology):
    update, expected = CASES[case]
    data = Graph().parse(data=valid_text, format="turtle")
    before = set(data)
    data.update(PREFIXES + update)
    assert set(data) != before, "the mutation changed nothing: check its node and property names"
    conforms, found, report = validate(data, shapes, ontology)
    assert found == expected, report.serialize(format="turtle")
    assert conforms == (not expected)


def test_invalid_fixture_reports_every_problem(shapes, ontology):
    """A hand-written graph with several mistakes at once: each is reported, with the right severity."""
    data = Graph().parse(FIXTURES / "invalid-mixed.ttl", format="turtle")
    conforms, found, report = validate(data, shapes, ontology)
    assert not conforms
    assert found == {
        (PARTICIPANT_TWO, W),
        (ORGANIZER_PARTICIPANT, V),
        (DATE, V),
        (PUBLIC_ROLE, V),
        (PLANNED_NO_PARTICIPANT, V),
        (CURRENCY_LIST, V),
        (DURATION, V),
        (DERIVED_REQUIRED, V),
        (ISO_FORM, V),
        (ISO_LIST, V),
    }, report.serialize(format="turtle")


def _emittable_messages(shapes: Graph) -> set[str]:
    """Messages that a validation result can carry: property shapes, node-level constraints, SPARQL."""
    out = set()
    node_level = (SH["or"], SH["not"], SH["and"], SH.xone, SH["class"], SH.nodeKind)
    for shape in set(shapes.subjects(SH.message, None)):
        if (shape, SH.path, None) in shapes or (shape, SH.select, None) in shapes:
            out.add(str(shapes.value(shape, SH.message)))
        elif any((shape, p, None) in shapes for p in node_level):
            out.add(str(shapes.value(shape, SH.message)))
    return out


def test_every_message_is_tested(shapes):
    tested = {msg for _, expected in CASES.values() for msg, _ in expected}
    assert _emittable_messages(shapes) - tested == set()


def test_every_shape_has_a_message(shapes):
    """Every node and property shape (named or blank) speaks to a steward; inner sh:or/sh:not operands need not."""
    operands = set()
    for p in (SH["or"], SH["and"], SH.xone):
        for lst in shapes.objects(None, p):
            operands |= set(shapes.items(lst))
    operands |= set(shapes.objects(None, SH["not"]))
    shape_nodes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    shape_nodes |= set(shapes.objects(None, SH.property))
    shape_nodes |= set(shapes.objects(None, SH.sparql))
    missing = [s for s in shape_nodes - operands if shapes.value(s, SH.message) is None]
    assert missing == []
    for shape in shape_nodes - operands:
        assert isinstance(shapes.value(shape, SH.message), Literal)


@pytest.mark.parametrize(
    "cls", ["Person", "Organization", "State", "Place", "Meeting", "LegalInstrument", "Programme", "Document",
            "PlannedMeeting", "Ratification"]
)
def test_a_node_shape_per_class(cls, shapes):
    tip = Namespace("https://w3id.org/tipgraph/ontology#")
    targeting = [s for s in shapes.subjects(SH.targetClass, tip[cls]) if (s, RDF.type, SH.NodeShape) in shapes]
    assert targeting, f"no node shape targets tip:{cls}"
    labelled = {
        s for s in targeting
        for ps in shapes.objects(s, SH.property)
        if shapes.value(ps, SH.path) == URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    }
    assert labelled, f"no node shape of tip:{cls} checks its rdfs:label"


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_iso_code_lists_are_current():
    """shapes/iso-codes.ttl is what scripts/gen_code_lists.py makes from the installed pycountry."""
    gen = _load_script("gen_code_lists")
    assert (REPO / "shapes" / "iso-codes.ttl").read_text(encoding="utf-8") == gen.render(), (
        "shapes/iso-codes.ttl is stale: run python scripts/gen_code_lists.py"
    )
