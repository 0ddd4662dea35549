"""Labels and evidence holding quotes, backslashes, braces and SPARQL syntax go through
the whole pipeline (read, extract, build, validate, store) and come back exactly, from
the embedded store and from a remote SPARQL endpoint (see conftest.graph_store)."""
from __future__ import annotations

from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF

from tipgraph.extraction import extract
from tipgraph.ingest import ingest_paths
from tipgraph.namespaces import TIP
from tipgraph.rdfbuild import build_document_graph
from tipgraph.reading import read_document
from tipgraph.resolution import Resolver

HOSTILE = "\"} ; DROP ALL ; # { ?s ?p ?o } 'quoted' \\\\ back\\slash \"\"\" ''' <b>&amp;</b>"
TITLE = f"\"Partners\" meet: {HOSTILE}"
BODY = (
    f"{TITLE}\n\n"
    "VIENNA, 5 June 2020 - The Organization for Security and Co-operation in Europe (OSCE) held a working "
    f"meeting with the United Nations Office on Drugs and Crime (UNODC) in Vienna on hotlines {HOSTILE} and shelters.\n"
)


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "hostile-release.txt"
    path.write_text(BODY, encoding="utf-8")
    return path


def test_hostile_text_round_trips_exactly(graph_store, tmp_path):
    path = _write(tmp_path)
    expected_iri, expected = build_document_graph(extract(read_document(path), Resolver()))
    evidence = {o for o in expected.objects(None, TIP.evidence)}
    assert any(HOSTILE in str(e) for e in evidence), "the hostile text must be in the evidence"

    report = ingest_paths(graph_store, [path])
    assert report.stored == 1, [o.reason for o in report.refused]
    stored = graph_store.graph(URIRef(expected_iri))
    assert isomorphic(stored, expected)
    assert set(stored.objects(None, TIP.evidence)) == evidence
    doc = next(stored.subjects(RDF.type, TIP.Document))
    assert stored.value(doc, DCTERMS.title) == Literal(TITLE)

    # the same text bound as a query value finds exactly that node (the store's own escaping)
    rows = graph_store.select("SELECT ?d WHERE { ?d <http://purl.org/dc/terms/title> ?t }", {"t": Literal(TITLE)})
    assert [r["d"] for r in rows] == [doc]
    # and nothing was dropped: the reference graphs are still there
    assert len(graph_store.graph_names()) >= 3
