"""Documents that spell a new body differently, or refer to a person another document of
the same batch described, are all stored."""
from __future__ import annotations

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import SKOS

from tipgraph.ingest import ingest_paths
from tipgraph.labels import adopt_preferred_labels, mentioned_nodes
from tipgraph.store import open_store

TIP = "https://w3id.org/tipgraph/ontology#"
UNIT = URIRef("https://w3id.org/tipgraph/id/org/unit")


def test_the_first_spelling_stays_preferred_and_the_other_becomes_an_alternative():
    triples = [(UNIT, RDFS.label, Literal("Anti-trafficking Unit"))]
    out = adopt_preferred_labels(triples, {UNIT: "Anti-Trafficking Unit"})
    assert (UNIT, RDFS.label, Literal("Anti-Trafficking Unit")) in out
    assert (UNIT, SKOS.altLabel, Literal("Anti-trafficking Unit")) in out
    assert (UNIT, RDFS.label, Literal("Anti-trafficking Unit")) not in out
    assert adopt_preferred_labels(triples, {}) == triples


def test_only_values_without_a_description_are_references():
    person = URIRef("https://w3id.org/tipgraph/id/person/ana-ruiz")
    meeting = URIRef("https://w3id.org/tipgraph/id/meeting/abc")
    triples = [(meeting, URIRef(TIP + "participant"), person), (meeting, URIRef(TIP + "participant"), UNIT),
               (UNIT, RDF.type, URIRef(TIP + "Organization"))]
    assert mentioned_nodes(triples) == {person}


_RELEASE = """{title}

Vilnius, {day} March 2024 - The {unit} of Lithuania met representatives of the
International Organization for Migration (IOM) in Vilnius today to discuss the
protection of people exploited abroad. {person_line}
"""


def test_spelling_variants_and_references_within_one_batch_are_stored(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(_RELEASE.format(
        title="Lithuania and IOM meet", day="4", unit="National Anti-Trafficking Unit",
        person_line="Ona Petraite, Head of the National Anti-Trafficking Unit of Lithuania, opened the meeting."),
        encoding="utf-8")
    (corpus / "b.txt").write_text(_RELEASE.format(
        title="Second meeting on protection", day="11", unit="National Anti-trafficking Unit",
        person_line="Ona Petraite opened the meeting again."), encoding="utf-8")
    store = open_store(tmp_path / "store")
    try:
        report = ingest_paths(store, [corpus])
        assert report.stored == 2, [o.reason for o in report.refused]
        rows = store.select(
            "SELECT DISTINCT ?e ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l "
            "FILTER(CONTAINS(LCASE(STR(?l)), 'anti-trafficking unit')) }").rows
        by_entity: dict = {}
        for row in rows:
            by_entity.setdefault(row["e"], set()).add(str(row["l"]))
        assert by_entity and all(len(v) == 1 for v in by_entity.values()), by_entity
    finally:
        store.close()


def _doc_graph(doc: str, body: str) -> bytes:
    """N-Triples of a minimal document graph (a tip:Document and ``body``)."""
    d = f"<https://w3id.org/tipgraph/id/document/{doc}>"
    head = (f'{d} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{TIP}Document> .\n'
            f'{d} <http://www.w3.org/2000/01/rdf-schema#label> "{doc}" .\n'
            f'{d} <http://purl.org/dc/terms/source> "/tmp/{doc}.txt" .\n')
    return (head + body.replace("DOC", d)).encode()


def test_a_document_referring_to_a_person_described_in_the_same_batch_is_stored(tmp_path, monkeypatch):
    """Validated in the store's context, the reference needs the describing document
    written first, even when both fall into one write batch."""
    import tipgraph.ingest as ingest

    person = "<https://w3id.org/tipgraph/id/person/ona-petraite>"
    iom = "<https://w3id.org/tipgraph/id/org/iom>"
    a = _doc_graph("a", f'{person} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{TIP}Person> .\n'
                        f'{person} <http://www.w3.org/2000/01/rdf-schema#label> "Ona Petraite" .\n'
                        f'{person} <{TIP}title> "Head of Office" .\n'
                        f'{person} <{TIP}affiliation> {iom} .\n'
                        f'{person} <http://www.w3.org/ns/prov#wasDerivedFrom> DOC .\n')
    meeting = "<https://w3id.org/tipgraph/id/meeting/m1>"
    b = _doc_graph("b", f'{meeting} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{TIP}Meeting> .\n'
                        f'{meeting} <http://www.w3.org/2000/01/rdf-schema#label> "Meeting of IOM and Ona Petraite" .\n'
                        f'{meeting} <{TIP}participant> {person} .\n'
                        f'{meeting} <{TIP}participant> {iom} .\n'
                        f'{meeting} <http://www.w3.org/ns/prov#wasDerivedFrom> DOC .\n')
    items = [ingest._Processed(f"/tmp/{n}.txt", graph_iri=f"https://w3id.org/tipgraph/id/document/{n}", ntriples=g)
             for n, g in (("a", a), ("b", b))]
    monkeypatch.setattr(ingest, "_processed_stream", lambda *args, **kw: iter(items))
    monkeypatch.setattr(ingest, "discover", lambda paths: [])
    store = open_store(tmp_path / "store")
    try:
        report = ingest_paths(store, [])
        assert report.stored == 2, [o.reason for o in report.refused]
    finally:
        store.close()
