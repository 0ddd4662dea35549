"""The registry's data and its RDF graph."""
from __future__ import annotations

from collections import Counter

from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from tipgraph.namespaces import ID, TIP, entity_iri
from tipgraph.resolution import load_registry, registry_graph


def test_registry_is_cached(registry):
    assert load_registry() is registry


def test_sizes(registry):
    counts = registry.counts()
    assert counts["State"] >= 249
    assert counts["Organization"] >= 100
    assert counts["LegalInstrument"] >= 40
    assert counts["Place"] >= 300


def test_iris_are_unique_and_from_ids(registry):
    iris = [e.iri for e in registry.entities]
    assert len(iris) == len(set(iris))
    assert registry.by_id["iom"].iri == "https://w3id.org/tipgraph/id/org/iom"
    assert registry.by_id["untoc"].iri == str(entity_iri("LegalInstrument", "untoc"))
    assert registry.by_id["moscow"].iri == str(entity_iri("Place", "moscow"))


def test_names_with_commas_survive_yaml(registry):
    pal = registry.by_id["palermo-protocol"]
    assert pal.label == "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children"
    assert "Protocol to Prevent, Suppress and Punish Trafficking in Persons" in pal.alt_labels
    assert registry.by_id["washington-d-c"].label == "Washington, D.C."
    for e in registry.entities:
        for alt in e.alt_labels:
            assert alt.strip() == alt and alt, (e.label, alt)
            assert not alt[:1].islower() or alt.startswith(("former ", "the ")), (e.label, alt)


def test_part_of_points_to_registry_nodes(registry):
    for e in registry.entities:
        if e.part_of:
            assert e.part_of in registry.by_iri, (e.label, e.part_of)
    assert registry.by_id["inl"].part_of == registry.by_id["us-state-dept"].iri
    assert registry.by_id["odihr"].part_of == registry.by_id["osce"].iri
    assert registry.by_id["moscow"].part_of == str(entity_iri("State", "RU"))


def test_graph_one_label_per_node_and_iso_codes():
    g = registry_graph()
    subjects = set(g.subjects(RDF.type, None)) - {ID["document/registry"]}
    for s in subjects:
        assert len(list(g.objects(s, RDFS.label))) == 1, s
    for s in g.subjects(RDF.type, TIP.State):
        codes = list(g.objects(s, TIP.isoCode))
        assert len(codes) == 1 and len(str(codes[0])) == 2, s
    assert len(list(g.subjects(RDF.type, TIP.State))) >= 249


def test_graph_provenance_and_types():
    g = registry_graph()
    doc = ID["document/registry"]
    assert (doc, RDF.type, TIP.Document) in g
    assert str(g.value(doc, DCTERMS.title)) == "tipgraph reference registry"
    assert str(g.value(doc, DCTERMS.source)).startswith("tipgraph:registry/")
    assert len(str(g.value(doc, TIP.contentHash))) == 40
    iom = URIRef("https://w3id.org/tipgraph/id/org/iom")
    assert (iom, RDF.type, TIP.Organization) in g
    assert (iom, RDF.type, TIP.IntergovernmentalOrganization) in g
    assert (iom, PROV.wasDerivedFrom, doc) in g
    assert {str(o) for o in g.objects(iom, SKOS.altLabel)} >= {"IOM", "UN Migration Agency"}
    # every tip:partOf target is a typed, labelled node of the graph
    for o in g.objects(None, TIP.partOf):
        assert g.value(o, RDFS.label) is not None, o
    types = Counter(o for o in g.objects(None, RDF.type))
    assert types[TIP.Convention] >= 10


def test_graph_is_deterministic(registry):
    a = registry_graph(registry).serialize(format="nt")
    b = registry_graph(registry).serialize(format="nt")
    assert sorted(a.splitlines()) == sorted(b.splitlines())
