"""The embedded store: the GraphStore API on a pyoxigraph folder."""
from __future__ import annotations

import io
import subprocess
import sys
import textwrap

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from tipgraph.namespaces import ID, TIP
from tipgraph.store import StoreError, StoreInUseError, open_store
from tipgraph.store import embedded
from tipgraph.store.derived import DERIVED_GRAPH
from tipgraph.store.embedded import EmbeddedStore

G1, G2, G3 = ID["document/one-111111111111"], ID["document/two-222222222222"], ID["graph/file/x-333"]
A, B = ID["org/a"], ID["org/b"]
HOSTILE = [
    'say "hi"',
    "it's",
    "} } ; DROP ALL ; {",
    "line one\nline two\r\n\ttabbed",
    '"""triple""" and \'\'\'single\'\'\'',
    "back\\slash \\u0041 \\n",
    "?v $v <http://evil/> # not a comment",
    "Ünïcödé – ✓ 東京",
    "",
]


def triples_of(store, graph=None):
    return sorted(store._quads(graph), key=str)


def test_open_store_on_a_folder_is_embedded(store_dir):
    with open_store(store_dir) as s:
        assert isinstance(s, EmbeddedStore)
        assert s.location == str(store_dir)


def test_replace_graph_names_graph_and_drop(store, kit):
    n = store.replace_graphs({G1: kit.organisation(A, "A", G1), G2: kit.organisation(B, "B", G2)})
    assert n == 6
    assert store.graph_names() == sorted([G1, G2])
    assert isomorphic(store.graph(G1), kit.graph_of(kit.organisation(A, "A", G1)))

    # Replacing G1 changes exactly G1.
    store.replace_graphs({G1: [(A, RDFS.label, Literal("A, renamed"))]})
    assert set(store.graph(G1)) == {(A, RDFS.label, Literal("A, renamed"))}
    assert len(store.graph(G2)) == 3

    store.drop_graphs([G1, ID["graph/never-there"]])
    assert store.graph_names() == [G2]
    store.replace_graphs({G2: []})  # replacing with nothing empties the graph
    assert store.graph_names() == [] and store.stats().quads == 0


def test_replacing_writes_the_difference_and_ends_equal(store, kit):
    """Re-replacing with overlapping content leaves exactly the new content, values included."""
    old = kit.organisation(A, "A", G1) + [(A, TIP.budgetAmount, Literal("1250000.00", datatype=XSD.decimal))]
    store.replace_graphs({G1: old, G2: kit.organisation(B, "B", G2)})
    assert store.replace_graphs({G1: old}) == 4  # unchanged: nothing to write
    new = kit.organisation(A, "A", G1)[:2] + [(A, TIP.budgetAmount, Literal("1250000", datatype=XSD.decimal)),
                                             (A, TIP.isoCode, Literal("AT"))]
    store.replace_graphs({G1: new})
    assert {(s, p, o.toPython() if isinstance(o, Literal) else o) for s, p, o in store.graph(G1)} == {
        (s, p, o.toPython() if isinstance(o, Literal) else o) for s, p, o in new}
    assert len(store.graph(G2)) == 3


def test_duplicate_triples_are_counted_once(store):
    t = (A, RDFS.label, Literal("A"))
    assert store.replace_graphs({G1: [t, t, t]}) == 1


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_literals_round_trip_and_bind_exactly(store, value):
    typed = Literal(value, lang="en") if value else Literal(value)
    store.replace_graphs({G1: [(A, RDFS.label, typed), (B, RDFS.label, Literal("other"))]})
    # stored and read back exactly
    assert store.graph(G1).value(A, RDFS.label) == typed
    # bound as a projected variable (substitution) ...
    rows = store.select(f"SELECT ?s ?l WHERE {{ ?s <{RDFS.label}> ?l }}", {"l": typed})
    assert [(r["s"], r["l"]) for r in rows] == [(A, typed)]
    # ... as an unprojected one (VALUES fallback), in an aggregate ...
    rows = store.select(f"SELECT (COUNT(?s) AS ?n) WHERE {{ ?s <{RDFS.label}> ?l }}", {"l": typed})
    assert int(rows.rows[0]["n"]) == 1
    # ... in ASK and CONSTRUCT.
    assert store.ask(f"ASK {{ ?s <{RDFS.label}> ?l }}", {"l": typed, "s": A})
    assert not store.ask(f"ASK {{ ?s <{RDFS.label}> ?l }}", {"l": typed, "s": B})
    g = store.construct(f"CONSTRUCT {{ ?s <{RDFS.label}> ?l }} WHERE {{ ?s <{RDFS.label}> ?l }}", {"l": typed})
    assert set(g) == {(A, RDFS.label, typed)}


def test_bindings_of_iris_and_typed_literals(store):
    year = Literal("2021", datatype=XSD.gYear)
    store.replace_graphs({G1: [(A, TIP.date, year), (B, TIP.date, Literal("2022", datatype=XSD.gYear))]})
    rows = store.select(f"SELECT ?d WHERE {{ ?s <{TIP.date}> ?d }}", {"s": A})
    assert [r["d"] for r in rows] == [year]
    assert isinstance(rows.rows[0]["d"], Literal) and rows.rows[0]["d"].datatype == XSD.gYear
    rows = store.select(f"SELECT ?s WHERE {{ ?s <{TIP.date}> ?d }}", {"d": year})
    assert [r["s"] for r in rows] == [A]


def test_a_binding_cannot_be_an_invalid_iri(store):
    with pytest.raises(StoreError):
        store.select("SELECT ?s WHERE { ?s ?p ?o }", {"s": URIRef("http://x/> } ; DROP ALL ; <http://y")})


def test_plain_strings_come_back_plain(store):
    """xsd:string literals come back without a datatype, as rdflib writes them, so graphs compare equal."""
    store.replace_graphs({G1: [(A, RDFS.label, Literal("A"))]})
    label = store.select(f"SELECT ?l WHERE {{ ?s <{RDFS.label}> ?l }}").rows[0]["l"]
    assert label == Literal("A") and label.datatype is None


def test_default_graph_is_the_union_of_named_graphs(store):
    store.replace_graphs({G1: [(A, RDF.type, TIP.Organization)], G2: [(A, RDF.type, TIP.Organization), (B, RDF.type, TIP.State)]})
    rows = store.select("SELECT DISTINCT ?s WHERE { ?s a ?c } ORDER BY ?s")
    assert [r["s"] for r in rows] == [A, B]
    # The store's own entity summary (store/derived.py) is a graph too, left out here.
    rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                        f"FILTER(?g != <{DERIVED_GRAPH}>) }} GROUP BY ?g ORDER BY ?g")
    assert [(r["g"], int(r["n"])) for r in rows] == [(G1, 1), (G2, 2)]


def test_blank_nodes_are_stored(store):
    b = BNode()
    store.replace_graphs({G1: [(A, TIP.evidence, b), (b, RDFS.label, Literal("anon"))]})
    rows = store.select(f"SELECT ?l WHERE {{ <{A}> <{TIP.evidence}> ?b . ?b <{RDFS.label}> ?l }}")
    assert [str(r["l"]) for r in rows] == ["anon"]
    # replacing a graph that holds blank nodes (the SPARQL Update path) keeps them joined
    store.replace_graphs({G1: [(A, TIP.evidence, b), (b, RDFS.label, Literal("anon 2"))]})
    rows = store.select(f"SELECT ?l WHERE {{ <{A}> <{TIP.evidence}> ?b . ?b <{RDFS.label}> ?l }}")
    assert [str(r["l"]) for r in rows] == ["anon 2"]


def _fill(store, kit):
    store.replace_graphs({
        G1: kit.document(G1, "one") + kit.organisation(A, 'A "quoted"\nname', G1),
        G2: kit.document(G2, "two") + kit.organisation(B, "B", G2) + [(B, TIP.partOf, A), (B, RDF.type, TIP.GovernmentBody)],
        G3: [(A, RDFS.label, Literal('A "quoted"\nname'))],
    })


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_export_quad_formats_round_trip(store, kit, fmt):
    _fill(store, kit)
    out = io.BytesIO()
    n = store.export(out, fmt)
    assert n == store.stats().quads == 15
    ds = Dataset()
    ds.parse(data=out.getvalue(), format=fmt)
    exported = {(s, p, o, getattr(g, "identifier", g)) for s, p, o, g in ds.quads((None, None, None, None))}
    stored = {(s, p, o, g) for g in store.graph_names() for s, p, o in store.graph(g)}
    assert exported == stored


def test_export_turtle_is_the_union_or_one_graph(store, kit):
    _fill(store, kit)
    out = io.BytesIO()
    n = store.export(out, "turtle")
    union = Graph().parse(data=out.getvalue(), format="turtle")
    assert n == len(union) == 14  # A's label is in two graphs: once in the union
    assert b"@prefix tip: <https://w3id.org/tipgraph/ontology#> ." in out.getvalue()
    out = io.BytesIO()
    store.export(out, "turtle", graph=G2)
    assert isomorphic(Graph().parse(data=out.getvalue(), format="turtle"), store.graph(G2))


def test_export_is_deterministic(tmp_path, kit):
    """The same content gives the same bytes, whatever order it was written in."""
    outputs = []
    for i, order in enumerate([(G1, G2), (G2, G1)]):
        with EmbeddedStore(tmp_path / f"s{i}") as s:
            for g in order:
                s.replace_graphs({g: kit.organisation(A if g == G1 else B, str(g), g)})
            outputs.append({fmt: _export(s, fmt) for fmt in ("nquads", "trig", "turtle")})
    assert outputs[0] == outputs[1]
    assert outputs[0]["nquads"].splitlines() == sorted(outputs[0]["nquads"].splitlines())


def _export(store, fmt, graph=None) -> bytes:
    out = io.BytesIO()
    store.export(out, fmt, graph)
    return out.getvalue()


def test_export_refuses_unknown_format(store):
    with pytest.raises(StoreError):
        store.export(io.BytesIO(), "rdfxml")


def test_stats(store, kit):
    _fill(store, kit)
    s = store.stats()
    assert (s.quads, s.graphs, s.document_graphs) == (15, 3, 2)
    assert s.instances == {str(TIP.Document): 2, str(TIP.Organization): 2, str(TIP.GovernmentBody): 1}


class Boom(RuntimeError):
    pass


def exploding(triples, after: int):
    for i, t in enumerate(triples):
        if i == after:
            raise Boom("injected failure")
        yield t


@pytest.mark.parametrize("existing", [False, True], ids=["new-graphs", "replacing-graphs"])
def test_replace_graphs_is_all_or_nothing(store, kit, existing):
    """A failure midway through a batch leaves every quad as it was (both write paths)."""
    if existing:
        _fill(store, kit)
    before = kit.sorted_nquads(store)
    batch = {
        G1: kit.organisation(A, "A new", G1),
        G3: exploding(kit.organisation(B, "B new", G3) * 3, after=5),
    }
    with pytest.raises(Boom):
        store.replace_graphs(batch)
    assert kit.sorted_nquads(store) == before


def test_a_failing_update_request_rolls_back_its_drops(store, kit, monkeypatch):
    """The replace request is one transaction: an error in its last operation undoes the DROPs."""
    _fill(store, kit)
    before = kit.sorted_nquads(store)
    real = embedded._replace_request
    # CREATE GRAPH of a graph that exists fails, after the DROP and INSERT DATA have run.
    monkeypatch.setattr(embedded, "_replace_request", lambda store, new: real(store, new) + f" ;\nCREATE GRAPH <{G2}>")
    with pytest.raises(StoreError, match="store unchanged"):
        store.replace_graphs({G1: kit.organisation(A, "A new", G1)})
    assert kit.sorted_nquads(store) == before


def test_drop_graphs_is_atomic(store, kit):
    _fill(store, kit)
    before = kit.sorted_nquads(store)
    with pytest.raises(StoreError):
        store.drop_graphs([G1, URIRef("not an iri")])
    assert kit.sorted_nquads(store) == before


HOLDER = textwrap.dedent(
    """
    import sys
    from tipgraph.store.embedded import EmbeddedStore
    s = EmbeddedStore(sys.argv[1])
    print("ready", flush=True)
    sys.stdin.readline()
    s.close()
    """
)


def test_a_store_held_by_another_process_is_in_use(store_dir, kit):
    with EmbeddedStore(store_dir) as s:
        s.replace_graphs({G1: kit.organisation(A, "A", G1)})
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store_dir)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreInUseError, match=f"store {store_dir} is in use by another process"):
            EmbeddedStore(store_dir)
        # Readers do not need the lock.
        with EmbeddedStore(store_dir, read_only=True) as reader:
            before = kit.sorted_nquads(reader)
            assert reader.graph_names() == [G1]
    finally:
        holder.communicate("\n", timeout=30)
    assert holder.returncode == 0
    with EmbeddedStore(store_dir) as s:  # released, and intact
        assert kit.sorted_nquads(s) == before


def test_the_same_folder_twice_in_one_process(store):
    with pytest.raises(StoreInUseError, match="already open in this process"):
        EmbeddedStore(store.path)


def test_read_only(store_dir, kit):
    with pytest.raises(StoreError, match="no store at"):
        EmbeddedStore(store_dir, read_only=True)
    assert not store_dir.exists()  # reading never creates a store
    with EmbeddedStore(store_dir) as s:
        s.replace_graphs({G1: kit.organisation(A, "A", G1)})
    with EmbeddedStore(store_dir, read_only=True) as reader:
        assert reader.stats().quads == 3
        with pytest.raises(StoreError, match="read-only"):
            reader.replace_graphs({G2: kit.organisation(B, "B", G2)})
        with pytest.raises(StoreError, match="read-only"):
            reader.drop_graphs([G1])


def test_closed_store_refuses_work_and_can_be_reopened(store_dir):
    s = EmbeddedStore(store_dir)
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.graph_names()
    EmbeddedStore(store_dir).close()


def test_invalid_queries_are_store_errors(store):
    with pytest.raises(StoreError, match="invalid SPARQL"):
        store.select("SELECT WHERE {")
    with pytest.raises(StoreError):
        store.ask("SELECT ?s WHERE { ?s ?p ?o }")
