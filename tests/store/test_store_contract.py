"""The GraphStore contract, run on every kind of store (see conftest.graph_store)."""
from __future__ import annotations

import io

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from tipgraph.namespaces import ID, TIP
from tipgraph.store import StoreError

G1, G2 = ID["document/one-1"], ID["document/two-2"]
IOM, OSCE = ID["org/iom"], ID["org/osce"]
HOSTILE = ['} ; DROP ALL ; #', 'quote " and \'', "new\nline", "brace { }", '"""', "\\", "x" * 5000, "Ünïcödé ✓"]


def _doc_graph(name, actor, label):
    return [
        (name, RDF.type, TIP.Document),
        (actor, RDF.type, TIP.Organization),
        (actor, RDFS.label, Literal(label)),
    ]


def _quads(store) -> list[str]:
    out = io.BytesIO()
    store.export(out, "nquads")
    return sorted(line for line in out.getvalue().decode("utf-8").splitlines() if line.strip())


def test_replace_and_union_default_graph(graph_store):
    assert graph_store.replace_graphs({G1: _doc_graph(G1, IOM, "IOM"), G2: _doc_graph(G2, OSCE, "OSCE")}) == 6
    rows = graph_store.select("SELECT ?a ?l WHERE { ?a a <%s> ; <%s> ?l } ORDER BY ?l" % (TIP.Organization, RDFS.label))
    assert [str(r["l"]) for r in rows] == ["IOM", "OSCE"]
    assert set(graph_store.graph_names()) >= {G1, G2}


def test_replacing_a_graph_replaces_exactly_it(graph_store):
    graph_store.replace_graphs({G1: _doc_graph(G1, IOM, "IOM"), G2: _doc_graph(G2, OSCE, "OSCE")})
    graph_store.replace_graphs({G1: _doc_graph(G1, IOM, "International Organization for Migration")})
    labels = {str(r["l"]) for r in graph_store.select("SELECT ?l WHERE { ?a <%s> ?l }" % RDFS.label)}
    assert labels == {"International Organization for Migration", "OSCE"}
    assert len(graph_store.graph(G1)) == 3


def test_drop_graphs(graph_store):
    graph_store.replace_graphs({G1: _doc_graph(G1, IOM, "IOM"), G2: _doc_graph(G2, OSCE, "OSCE")})
    graph_store.drop_graphs([G1])
    assert G1 not in graph_store.graph_names()
    assert G2 in graph_store.graph_names()


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_literals_round_trip_and_bind_exactly(graph_store, value):
    graph_store.replace_graphs({G1: [(IOM, RDFS.label, Literal(value))]})
    rows = graph_store.select("SELECT ?l WHERE { ?a <%s> ?l }" % RDFS.label)
    assert [str(r["l"]) for r in rows] == [value]
    bound = graph_store.select("SELECT ?a WHERE { ?a <%s> ?l }" % RDFS.label, {"l": Literal(value)})
    assert [r["a"] for r in bound] == [IOM]
    before = _quads(graph_store)
    graph_store.select("SELECT ?a WHERE { ?a <%s> ?l }" % RDFS.label, {"l": Literal(value + "} ; DROP ALL")})
    assert _quads(graph_store) == before


def test_bound_iri_with_space_is_refused(graph_store):
    with pytest.raises((StoreError, ValueError)):
        graph_store.select("SELECT ?l WHERE { ?a <%s> ?l }" % RDFS.label, {"a": URIRef("http://x/a b")})


def test_typed_literals_keep_their_values(graph_store):
    graph_store.replace_graphs({G1: [
        (IOM, TIP.budgetAmount, Literal("4400000.00", datatype=XSD.decimal)),
        (IOM, TIP.date, Literal("2019-05", datatype=XSD.gYearMonth)),
    ]})
    rows = graph_store.select("SELECT ?o WHERE { ?s ?p ?o } ORDER BY STR(?p)")
    values = {r["o"].datatype: r["o"] for r in rows}
    assert float(values[XSD.decimal]) == 4400000.0
    assert str(values[XSD.gYearMonth]) == "2019-05"


def test_ask_and_construct(graph_store):
    graph_store.replace_graphs({G1: _doc_graph(G1, IOM, "IOM")})
    assert graph_store.ask("ASK { ?a <%s> ?l }" % RDFS.label, {"l": Literal("IOM")})
    assert not graph_store.ask("ASK { ?a <%s> ?l }" % RDFS.label, {"l": Literal("nope")})
    g = graph_store.construct("CONSTRUCT { ?a <%s> ?l } WHERE { ?a <%s> ?l }" % (RDFS.label, RDFS.label))
    assert isinstance(g, Graph) and (IOM, RDFS.label, Literal("IOM")) in g


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_export_round_trips(graph_store, fmt):
    graph_store.replace_graphs({G1: _doc_graph(G1, IOM, "IOM"), G2: _doc_graph(G2, OSCE, "O\"SCE\n")})
    out = io.BytesIO()
    graph_store.export(out, fmt)
    ds = Dataset()
    ds.parse(data=out.getvalue(), format=fmt)
    assert len(ds.graph(G2)) == 3
    assert (OSCE, RDFS.label, Literal("O\"SCE\n")) in ds.graph(G2)


def test_stats_counts_own_graphs_only(graph_store):
    graph_store.replace_graphs({G1: _doc_graph(G1, IOM, "IOM"), G2: _doc_graph(G2, OSCE, "OSCE")})
    stats = graph_store.stats()
    assert stats.quads == 6
    assert stats.document_graphs == 2
    assert stats.instances[str(TIP.Organization)] == 2
