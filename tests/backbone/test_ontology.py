"""The OWL ontology: it parses, declares every core and extension term, and its docs are current.

The core terms are checked twice: against a list written here (so the test runs
without ``../shared``) and against the table rows of the core vocabulary itself
when ``../shared`` is beside the checkout (so the list cannot silently fall behind).
"""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, Namespace

REPO = Path(__file__).resolve().parents[2]
TIP = Namespace("https://w3id.org/tipgraph/ontology#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's closed XSD warns under pytest collection
ONTOLOGY_IRI = URIRef("https://w3id.org/tipgraph/ontology")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
ORG = Namespace("http://www.w3.org/ns/org#")

CORE_CLASSES = ["Actor", "Person", "Organization", "State", "Place", "Meeting", "LegalInstrument", "Programme",
                "Document"]
CORE_OBJECT_PROPERTIES = ["participant", "organizer", "location", "underInstrument", "affiliation", "partOf",
                          "fundedBy", "implementedBy", "targetRegion", "ratified"]
CORE_DATATYPE_PROPERTIES = ["date", "title", "budgetAmount", "budgetCurrency", "durationMonths", "isoCode",
                            "evidence"]
#: Terms of other vocabularies that the core uses, with the OWL kind they are declared as.
CORE_EXTERNAL = {
    "http://www.w3.org/2004/02/skos/core#altLabel": OWL.AnnotationProperty,
    "http://www.w3.org/ns/prov#wasDerivedFrom": OWL.ObjectProperty,
    "http://purl.org/dc/terms/source": OWL.AnnotationProperty,
    "http://purl.org/dc/terms/title": OWL.DatatypeProperty,
    "http://purl.org/dc/terms/issued": OWL.DatatypeProperty,
    "http://purl.org/dc/terms/publisher": OWL.ObjectProperty,
}

EXTENSION_SUBCLASSES = {
    "Organization": ["IntergovernmentalOrganization", "GovernmentBody", "JudicialBody", "LegislativeBody",
                     "NonGovernmentalOrganization", "AcademicInstitution", "MediaOrganization", "DonorAgency",
                     "ProsecutionService", "LawEnforcementAgency", "HumanRightsInstitution"],
    "Meeting": ["WorkingMeeting", "OfficialVisit", "Conference", "RoundTable", "Training", "SigningCeremony",
                "RegionalDiscussion"],
    "LegalInstrument": ["Convention", "Protocol", "NationalLaw", "Decree", "ActionPlan", "ProgrammeOfAction",
                        "MemorandumOfUnderstanding", "Compact", "Declaration", "Commitment"],
}
EXTENSION_PROPERTIES = {
    # name: (kind, domain classes, range)
    "plannedParticipant": (OWL.ObjectProperty, {"PlannedMeeting"}, TIP.Actor),
    "ratifyingState": (OWL.ObjectProperty, {"Ratification"}, TIP.State),
    "ratifiedInstrument": (OWL.ObjectProperty, {"Ratification"}, TIP.LegalInstrument),
    "act": (OWL.DatatypeProperty, {"Ratification"}, XSD.string),
    "adopted": (OWL.ObjectProperty, {"Actor"}, TIP.LegalInstrument),
    "targetGroup": (OWL.DatatypeProperty, {"Programme"}, XSD.string),
    "contentHash": (OWL.DatatypeProperty, {"Document"}, XSD.string),
    "extractorVersion": (OWL.DatatypeProperty, {"Document"}, XSD.string),
}


@pytest.fixture(scope="module")
def onto() -> Graph:
    g = Graph()
    for path in sorted((REPO / "ontology").glob("*.ttl")):
        g.parse(path, format="turtle")
    return g


def superclasses(g: Graph, cls) -> set:
    seen, todo = set(), [cls]
    while todo:
        for sup in g.objects(todo.pop(), RDFS.subClassOf):
            if sup not in seen:
                seen.add(sup)
                todo.append(sup)
    return seen


def members(g: Graph, expr) -> set:
    """The named classes or datatypes of a domain/range: itself, or the members of its owl:unionOf."""
    if isinstance(expr, BNode):
        union = g.value(expr, OWL.unionOf)
        assert union is not None, "an anonymous domain or range must be an owl:unionOf"
        return set(Collection(g, union))
    return {expr}


def english(g: Graph, term, prop) -> str:
    values = [v for v in g.objects(term, prop) if isinstance(v, Literal) and v.language in (None, "en")]
    assert len(values) == 1, f"{term} needs exactly one English {prop}"
    assert str(values[0]).strip()
    return str(values[0])


def test_ontology_and_shapes_parse(onto):
    assert len(onto) > 100
    shapes = Graph()
    for path in sorted((REPO / "shapes").glob("*.ttl")):
        shapes.parse(path, format="turtle")
    assert len(shapes) > 100


def test_header(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert str(onto.value(ONTOLOGY_IRI, OWL.versionInfo)) == "0.1.0"
    assert str(onto.value(ONTOLOGY_IRI, DCTERMS.license)) in (
        "https://www.apache.org/licenses/LICENSE-2.0", "https://creativecommons.org/licenses/by/4.0/")
    for prop in (DCTERMS.title, DCTERMS.description):
        assert english(onto, ONTOLOGY_IRI, prop)
    assert onto.value(ONTOLOGY_IRI, DCTERMS.created).datatype == XSD.date


def test_only_tip_terms_are_defined_in_tip(onto):
    """Every tip: term used anywhere in the ontology is declared (catches typos like tip:Meting)."""
    used = {t for triple in onto for t in triple if isinstance(t, URIRef) and str(t).startswith(str(TIP))}
    declared = {t for t in used if (t, RDF.type, None) in onto}
    assert used - declared == set()


@pytest.mark.parametrize("name", CORE_CLASSES)
def test_core_class(onto, name):
    cls = TIP[name]
    assert (cls, RDF.type, OWL.Class) in onto
    english(onto, cls, RDFS.label)
    english(onto, cls, RDFS.comment)
    if name in ("Person", "Organization", "State"):
        assert (cls, RDFS.subClassOf, TIP.Actor) in onto


@pytest.mark.parametrize("name", CORE_OBJECT_PROPERTIES + CORE_DATATYPE_PROPERTIES)
def test_core_property(onto, name):
    prop = TIP[name]
    kind = OWL.ObjectProperty if name in CORE_OBJECT_PROPERTIES else OWL.DatatypeProperty
    assert (prop, RDF.type, kind) in onto
    english(onto, prop, RDFS.label)
    english(onto, prop, RDFS.comment)
    domain, range_ = onto.value(prop, RDFS.domain), onto.value(prop, RDFS.range)
    assert domain is not None and range_ is not None
    for cls in members(onto, domain):
        assert (cls, RDF.type, OWL.Class) in onto
    for value in members(onto, range_):
        if kind == OWL.ObjectProperty:
            assert (value, RDF.type, OWL.Class) in onto
        else:
            assert str(value).startswith(str(XSD)), f"a datatype property's range must be XSD: {value}"


@pytest.mark.parametrize(
    "name, domain, range_",
    [
        ("participant", {TIP.Meeting}, {TIP.Actor}),
        ("organizer", {TIP.Meeting}, {TIP.Actor}),
        ("date", {TIP.Meeting, TIP.PlannedMeeting, TIP.Ratification}, {XSD.date, XSD.gYearMonth, XSD.gYear}),
        ("location", {TIP.Meeting, TIP.PlannedMeeting}, {TIP.Place, TIP.State}),
        ("underInstrument", {TIP.Meeting, TIP.PlannedMeeting}, {TIP.LegalInstrument}),
        ("affiliation", {TIP.Person}, {TIP.Organization, TIP.State}),
        ("title", {TIP.Person}, {XSD.string}),
        ("partOf", {TIP.Organization}, {TIP.Organization, TIP.State}),
        ("fundedBy", {TIP.Programme}, {TIP.Actor}),
        ("implementedBy", {TIP.Programme}, {TIP.Actor}),
        ("budgetAmount", {TIP.Programme}, {XSD.decimal}),
        ("budgetCurrency", {TIP.Programme}, {XSD.string}),
        ("durationMonths", {TIP.Programme}, {XSD.integer}),
        ("targetRegion", {TIP.Programme}, {TIP.Place, TIP.State}),
        ("ratified", {TIP.State}, {TIP.LegalInstrument}),
        ("isoCode", {TIP.State}, {XSD.string}),
        ("evidence", {TIP.Meeting, TIP.Programme, TIP.Person, TIP.Ratification, TIP.PlannedMeeting},
         {XSD.string}),
    ],
)
def test_core_domain_and_range(onto, name, domain, range_):
    assert members(onto, onto.value(TIP[name], RDFS.domain)) == domain
    assert members(onto, onto.value(TIP[name], RDFS.range)) == range_


def test_date_range_is_a_datatype_union(onto):
    rng = onto.value(TIP.date, RDFS.range)
    assert (rng, RDF.type, RDFS.Datatype) in onto


def test_organizer_is_a_participant(onto):
    assert (TIP.organizer, RDFS.subPropertyOf, TIP.participant) in onto


@pytest.mark.parametrize("iri, kind", sorted(CORE_EXTERNAL.items()))
def test_core_external_term_declared(onto, iri, kind):
    assert (URIRef(iri), RDF.type, kind) in onto


def _vocabulary_terms(text: str) -> set[str]:
    """The first-column terms of the class and property tables of core-vocabulary.md."""
    terms = set()
    for line in text.splitlines():
        m = re.match(r"^\|\s*(.+?)\s*\|", line)
        if not m or set(m.group(1)) <= set("-: ") or m.group(1) in ("class", "property"):
            continue
        terms |= set(re.findall(r"`([a-z]+:[A-Za-z]+)`", m.group(1)))
    return terms


@pytest.mark.shared
def test_every_term_of_the_shared_vocabulary_is_declared(onto, shared_dir):
    path = shared_dir / "spec" / "core-vocabulary.md"
    if not path.exists():
        pytest.skip("no core-vocabulary.md in ../shared/spec")
    terms = _vocabulary_terms(path.read_text(encoding="utf-8"))
    assert {"tip:Meeting", "tip:participant", "prov:wasDerivedFrom"} <= terms  # the parser found the tables
    hard_coded = ({f"tip:{n}" for n in CORE_CLASSES + CORE_OBJECT_PROPERTIES + CORE_DATATYPE_PROPERTIES}
                  | {"rdfs:label"})
    prefixes = dict(onto.namespaces())
    for term in sorted(terms):
        prefix, local = term.split(":")
        iri = URIRef(prefixes[prefix] + local)
        if term == "rdfs:label":
            continue  # built in
        assert (iri, RDF.type, None) in onto, f"{term} of the core vocabulary is not declared"
        if prefix == "tip":
            english(onto, iri, RDFS.label)
            english(onto, iri, RDFS.comment)
            if (iri, RDF.type, OWL.Class) not in onto:
                assert onto.value(iri, RDFS.domain) is not None and onto.value(iri, RDFS.range) is not None
        else:
            assert str(iri) in CORE_EXTERNAL
    assert {t for t in terms if t.startswith("tip:")} <= hard_coded, "update the hard-coded lists of this test"


@pytest.mark.parametrize("parent, child", [(p, c) for p, cs in EXTENSION_SUBCLASSES.items() for c in cs])
def test_extension_class(onto, parent, child):
    cls = TIP[child]
    assert (cls, RDF.type, OWL.Class) in onto
    english(onto, cls, RDFS.label)
    english(onto, cls, RDFS.comment)
    assert TIP[parent] in superclasses(onto, cls)


@pytest.mark.parametrize("name", sorted(EXTENSION_PROPERTIES))
def test_extension_property(onto, name):
    kind, domain, range_ = EXTENSION_PROPERTIES[name]
    prop = TIP[name]
    assert (prop, RDF.type, kind) in onto
    english(onto, prop, RDFS.label)
    english(onto, prop, RDFS.comment)
    assert members(onto, onto.value(prop, RDFS.domain)) == {TIP[d] for d in domain}
    assert members(onto, onto.value(prop, RDFS.range)) == {range_}


def test_planned_meeting_is_not_a_meeting(onto):
    assert (TIP.PlannedMeeting, RDF.type, OWL.Class) in onto
    assert TIP.Meeting not in superclasses(onto, TIP.PlannedMeeting)
    assert SCHEMA.Event in superclasses(onto, TIP.PlannedMeeting)
    disjoint = set(onto.objects(TIP.Meeting, OWL.disjointWith)) | set(onto.subjects(OWL.disjointWith, TIP.Meeting))
    assert TIP.PlannedMeeting in disjoint
    # and no meeting subclass is a planned meeting either
    for sub in onto.subjects(RDFS.subClassOf, TIP.Meeting):
        assert TIP.PlannedMeeting not in superclasses(onto, sub)


def test_ratification_class(onto):
    assert (TIP.Ratification, RDF.type, OWL.Class) in onto
    assert TIP.Meeting not in superclasses(onto, TIP.Ratification)


@pytest.mark.parametrize(
    "sub, sup",
    [
        (TIP.Actor, PROV.Agent), (TIP.Actor, FOAF.Agent),
        (TIP.Person, FOAF.Person), (TIP.Person, SCHEMA.Person),
        (TIP.Organization, ORG.Organization), (TIP.Organization, FOAF.Organization),
        (TIP.Organization, SCHEMA.Organization),
        (TIP.State, SCHEMA.Country),
        (TIP.Place, SCHEMA.Place), (TIP.Place, SEM.Place),
        (TIP.Meeting, SEM.Event), (TIP.Meeting, SCHEMA.Event), (TIP.Meeting, PROV.Activity),
        (TIP.LegalInstrument, SCHEMA.CreativeWork),
        (TIP.Programme, SCHEMA.Project),
        (TIP.Document, PROV.Entity), (TIP.Document, FOAF.Document), (TIP.Document, SCHEMA.CreativeWork),
    ],
)
def test_class_alignment(onto, sub, sup):
    assert sup in superclasses(onto, sub)


@pytest.mark.parametrize(
    "sub, sup",
    [
        (TIP.participant, SEM.hasActor), (TIP.location, SEM.hasPlace), (TIP.affiliation, SCHEMA.affiliation),
        (TIP.partOf, ORG.subOrganizationOf), (TIP.fundedBy, SCHEMA.funder), (TIP.title, SCHEMA.jobTitle),
        (TIP.date, DCTERMS.date), (TIP.date, SEM.hasTimeStamp),
    ],
)
def test_property_alignment(onto, sub, sup):
    assert (sub, RDFS.subPropertyOf, sup) in onto


def test_sub_properties_keep_their_kind(onto):
    """OWL 2 DL: an object property is never a sub-property of a datatype property, nor the other way round."""
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    for sub, sup in onto.subject_objects(RDFS.subPropertyOf):
        sub_kinds = {k for k in kinds if (sub, RDF.type, k) in onto}
        sup_kinds = {k for k in kinds if (sup, RDF.type, k) in onto}
        assert len(sub_kinds) == 1 and sub_kinds == sup_kinds, f"{sub} ⊑ {sup}: {sub_kinds} vs {sup_kinds}"


def test_no_term_is_both_object_and_datatype_property(onto):
    both = set(onto.subjects(RDF.type, OWL.ObjectProperty)) & set(onto.subjects(RDF.type, OWL.DatatypeProperty))
    assert both == set()


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_are_current():
    """docs/ontology.md and docs/shapes.md are what the generator makes now (run it after editing the Turtle)."""
    gen = _load_script("gen_ontology_docs")
    for path, content in gen.outputs().items():
        assert path.read_text(encoding="utf-8") == content, (
            f"{path.relative_to(REPO)} is stale: run python scripts/gen_ontology_docs.py"
        )


def test_docs_are_deterministic(onto):
    gen = _load_script("gen_ontology_docs")
    reordered = Graph()
    for triple in sorted(onto, key=str, reverse=True):
        reordered.add(triple)
    assert gen.render_ontology(reordered) == gen.render_ontology(onto)
    text = gen.render_ontology(onto)
    for name in CORE_CLASSES + CORE_OBJECT_PROPERTIES + CORE_DATATYPE_PROPERTIES:
        assert f"### tip:{name}\n" in text
