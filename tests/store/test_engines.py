"""The engine registry, GraphStore.exists(), declared capabilities and the engine-neutral reads."""
from __future__ import annotations

import pytest
from rdflib import BNode, Literal, URIRef

from tipgraph import store as store_pkg
from tipgraph.store import (
    ENGINES,
    GraphStore,
    engine_for,
    open_store,
    register_engine,
    store_exists,
)
from tipgraph.store.embedded import EmbeddedStore
from tipgraph.store.remote import RemoteStore
from tipgraph.store.terms import LiteralTooLong, n_triples, parse_quads, parse_triples

A, P, G = URIRef("https://w3id.org/tipgraph/id/org/a"), URIRef("urn:p"), URIRef("https://w3id.org/tipgraph/id/graph/x")


@pytest.mark.parametrize("location, engine", [
    ("./tipgraph-data", EmbeddedStore),
    ("/abs/folder", EmbeddedStore),
    ("folder:with:colons", EmbeddedStore),
    ("http://localhost:8890/sparql", RemoteStore),
    ("HTTPS://example.org/sparql", RemoteStore),
])
def test_the_engine_is_chosen_by_the_url_scheme(location, engine):
    assert engine_for(location) is engine


def test_a_registered_scheme_opens_its_engine(monkeypatch, tmp_path):
    monkeypatch.setitem(ENGINES, "x-test", "tipgraph.store.embedded:EmbeddedStore")
    register_engine("X-Other", "tipgraph.store.remote:RemoteStore")
    try:
        assert engine_for("x-test://anything") is EmbeddedStore
        assert engine_for("x-other://host/sparql") is RemoteStore
    finally:
        ENGINES.pop("x-other")


def test_exists_tells_an_empty_folder_from_a_store(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert not store_exists(empty)
    assert not store_exists(tmp_path / "missing")
    with open_store(tmp_path / "s") as s:
        s.replace_graphs({G: [(A, P, Literal("x"))]})
    assert store_exists(tmp_path / "s")
    assert EmbeddedStore.exists(str(tmp_path / "s"))
    # an endpoint is not probed: it answers or fails when used
    assert store_exists("http://localhost:1/sparql")


def test_capabilities_are_declared_by_each_engine():
    assert EmbeddedStore.capabilities.lazy_results and EmbeddedStore.capabilities.snapshot_reads
    assert not EmbeddedStore.capabilities.request_timeout
    assert RemoteStore.capabilities.request_timeout and RemoteStore.capabilities.update_endpoint
    assert not RemoteStore.capabilities.lazy_results
    assert not GraphStore.capabilities.lazy_results  # a store that declares nothing gets the safe default


def test_open_store_passes_read_only_to_the_engine(tmp_path):
    with open_store(tmp_path / "s") as s:
        s.replace_graphs({G: [(A, P, Literal("x"))]})
    with open_store(tmp_path / "s", read_only=True) as s:
        assert s.read_only
    remote = open_store("http://localhost:1/sparql", read_only=True, timeout=3)
    assert isinstance(remote, RemoteStore) and remote.read_only and remote.timeout == 3


def test_select_plain_gives_literal_text_and_rdflib_iris(tmp_path):
    with open_store(tmp_path / "s") as s:
        s.replace_graphs({G: [(A, P, Literal("5", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")))]})
        rows = s.select_plain("SELECT ?s ?o WHERE { ?s ?p ?o }")
        assert rows == [{"s": A, "o": "5"}]
        assert type(rows[0]["o"]) is str and isinstance(rows[0]["s"], URIRef)
        # the same rows as select(), literals aside
        assert [{k: str(v) for k, v in r.items()} for r in s.select("SELECT ?s ?o WHERE { ?s ?p ?o }")] == \
            [{k: str(v) for k, v in r.items()} for r in rows]


def test_select_text_gives_tuples_of_term_text_on_every_engine(tmp_path):
    with open_store(tmp_path / "s") as s:
        s.replace_graphs({G: [(A, P, Literal("5", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")))]})
        q = "SELECT ?o ?s ?none WHERE { ?s ?p ?o OPTIONAL { ?s ?p ?none FILTER(false) } }"
        rows = s.select_text(q)
        assert rows == [("5", str(A), None)]
        assert all(type(v) is str for v in rows[0][:2])
        # the engine's shortcut gives what the generic default (from select()) gives
        assert GraphStore.select_text(s, q) == rows


def test_stream_reads_rows_lazily_and_answers_ask_and_construct(tmp_path):
    with open_store(tmp_path / "s") as s:
        s.replace_graphs({G: [(A, P, Literal(str(i))) for i in range(50)]})
        streamed = s.stream("SELECT ?o WHERE { ?s ?p ?o }", "select")
        assert streamed.variables == ["o"]
        first = next(streamed.rows)
        assert isinstance(first["o"], Literal)
        assert len(list(streamed.rows)) == 49
        assert s.stream("ASK { ?s ?p ?o }", "ask").boolean is True
        described = s.stream(f"DESCRIBE <{A}>", "describe")
        assert described.kind == "describe" and len(list(described.triples)) == 50
        base = GraphStore.stream(s, "SELECT ?o WHERE { ?s ?p ?o }", "select")  # the default, whole result
        assert len(list(base.rows)) == 50


def test_terms_parse_into_rdflib_terms_and_refuse_long_literals():
    data = b'<urn:a> <urn:p> _:b1 <urn:g> .\n<urn:a> <urn:p> "hi"@en .\n'
    quads = list(parse_quads(data, "nquads"))
    assert quads[0] == (URIRef("urn:a"), URIRef("urn:p"), BNode("b1"), URIRef("urn:g"))
    assert quads[1] == (URIRef("urn:a"), URIRef("urn:p"), Literal("hi", lang="en"), None)
    assert parse_triples(b'<urn:a> <urn:p> "x" .') == [(URIRef("urn:a"), URIRef("urn:p"), Literal("x"))]
    with pytest.raises(LiteralTooLong) as caught:
        list(parse_quads(b'<urn:a> <urn:p> "' + b"x" * 50 + b'" .', "ntriples", max_literal_chars=10))
    assert caught.value.length == 50
    with pytest.raises(SyntaxError):
        list(parse_quads(b"<urn:a> <urn:p> .", "ntriples"))
    assert n_triples(URIRef("urn:a")) == "<urn:a>"


def test_the_store_package_exports_what_callers_need():
    for name in ("engine_for", "store_exists", "register_engine", "Capabilities", "Streamed"):
        assert name in store_pkg.__all__
