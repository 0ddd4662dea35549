"""Federated queries: SERVICE clauses are refused unless ``--allow-service``.

pyoxigraph evaluates ``SERVICE <url> { ... }`` by fetching the URL, so an ad-hoc
query could reach internal addresses or carry data out. A local HTTP server records
every request: refused queries must cause none, and allowed ones do cause one (so
the server would notice a leak). The tokenizer that finds the keyword is checked
against pyoxigraph itself: whatever makes pyoxigraph fetch is flagged.
"""
from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from tipgraph.cli import cli
from tipgraph.network import Selection, SelectionError, build_selection
from tipgraph.queries import load_catalogue, run_query
from tipgraph.queries.adhoc import UpdateNotAllowedError, run_sparql
from tipgraph.queries.service import ServiceNotAllowedError, service_clauses
from tipgraph.store.embedded import EmbeddedStore

from .conftest import export_nquads

RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Answers every request with one SPARQL result row, and remembers it."""

    requests: list[str] = []

    def _answer(self):
        type(self).requests.append(self.path)
        body = b'{"head":{"vars":["s","p","o"]},"results":{"bindings":[]}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer  # noqa: N815 - http.server's naming

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def endpoint():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/sparql", _Recorder.requests
    server.shutdown()


@pytest.fixture()
def small_store(tmp_path) -> Path:
    path = tmp_path / "store"
    store = EmbeddedStore(path)
    store.replace_graphs({URIRef("https://w3id.org/tipgraph/id/graph/test"): [
        (URIRef("https://w3id.org/tipgraph/id/org/a"), RDFS_LABEL, Literal("SERVICE desk")),
        (URIRef("https://w3id.org/tipgraph/id/org/b"), RDFS_LABEL, Literal("B")),
    ]})
    store.close()
    return path



def federated(url: str) -> list[str]:
    """Queries and updates that each hold a SERVICE clause, written in different ways."""
    base = url.rsplit("/", 1)[0] + "/"
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ Service Silent <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?x rdfs:label \"B\" .SERVICE<{url}>{{?s ?p ?o}} }}",
        f"PREFIX remote: <{base}>\nSELECT * WHERE {{ SERVICE remote:sparql {{ ?s ?p ?o }} }}",
        f"# a comment\nSELECT * WHERE {{ ?x rdfs:label \"SERVICE\" OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",  # decoded before parsing by some engines
        f"INSERT {{ GRAPH <urn:g> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    ]


NOT_FEDERATED = [
    'SELECT ?l WHERE { ?x rdfs:label ?l FILTER(STRSTARTS(?l, "SERVICE")) }',
    "SELECT ?l WHERE { ?x rdfs:label ?l FILTER(CONTAINS(?l, 'SERVICE <http://127.0.0.1:9/> { }')) }",
    'SELECT ?l WHERE { ?x rdfs:label ?l FILTER(?l != """a "SERVICE" \n SERVICE <urn:x> {}""") }',
    "SELECT ?l WHERE { ?x rdfs:label ?l } # SERVICE <http://127.0.0.1:9/> { ?s ?p ?o }",
    "SELECT ?service WHERE { ?service rdfs:label ?l }",
    "SELECT $SERVICE WHERE { $SERVICE rdfs:label ?l }",
    "PREFIX service: <https://w3id.org/tipgraph/id/org/>\nSELECT ?l WHERE { service:a rdfs:label ?l }",
    "SELECT ?l WHERE { ?x rdfs:label ?l FILTER(?x != <http://127.0.0.1:9/SERVICE>) }",
    'SELECT ?l WHERE { ?x rdfs:label ?l FILTER(?l != "x"@service) }',
    'SELECT ?l WHERE { ?x rdfs:label ?l FILTER(?l != "a\\" SERVICE") }',
]


# -- tipgraph sparql -----------------------------------------------------------------------
def test_sparql_refuses_every_form_of_service_and_fetches_nothing(small_store, endpoint):
    url, requests = endpoint
    before, seen = export_nquads(small_store), len(requests)
    for query in federated(url):
        for extra in ([], ["--allow-update"]):
            result = CliRunner().invoke(cli, ["sparql", query, "--store", str(small_store), *extra])
            assert result.exit_code == 2, (query, result.output)
            assert "SERVICE" in result.output and "--allow-service" in result.output, result.output
    assert len(requests) == seen, "a refused query reached the server"
    assert export_nquads(small_store) == before


def test_sparql_refuses_service_from_a_file_and_stdin(small_store, endpoint, tmp_path):
    url, requests = endpoint
    seen = len(requests)
    rq = tmp_path / "federated.rq"
    rq.write_text(federated(url)[0], encoding="utf-8")
    assert CliRunner().invoke(cli, ["sparql", str(rq), "--store", str(small_store)]).exit_code == 2
    result = CliRunner().invoke(cli, ["sparql", "-", "--store", str(small_store)], input=federated(url)[1])
    assert result.exit_code == 2 and "--allow-service" in result.output
    assert len(requests) == seen


@pytest.mark.parametrize("query", NOT_FEDERATED)
def test_the_word_service_outside_a_clause_is_no_service(small_store, query):
    result = CliRunner().invoke(cli, ["sparql", query, "--store", str(small_store), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert not service_clauses(query)


def test_allow_service_runs_the_federated_query(small_store, endpoint):
    """The other way round: with the flag the engine does fetch, so the tests above would see a leak."""
    url, requests = endpoint
    seen = len(requests)
    result = CliRunner().invoke(cli, ["sparql", federated(url)[0], "--store", str(small_store),
                                      "--allow-service", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert len(requests) > seen


def test_updates_still_need_allow_update(small_store):
    before = export_nquads(small_store)
    result = CliRunner().invoke(cli, ["sparql", "DROP ALL", "--store", str(small_store), "--allow-service"])
    assert result.exit_code == 2 and "--allow-update" in result.output
    assert export_nquads(small_store) == before
    insert = 'INSERT DATA { GRAPH <urn:g> { <urn:a> rdfs:label "A" } }'
    assert CliRunner().invoke(cli, ["sparql", insert, "--store", str(small_store), "--allow-update"]).exit_code == 0
    assert any("<urn:a>" in line for line in export_nquads(small_store))


# -- tipgraph network --query ----------------------------------------------------------------
def test_network_query_with_service_is_refused(small_store, endpoint, tmp_path):
    url, requests = endpoint
    seen = len(requests)
    rq = tmp_path / "edges.rq"
    rq.write_text(f"SELECT ?source ?target WHERE {{ SERVICE <{url}> {{ ?source ?p ?target }} }}", encoding="utf-8")
    out = tmp_path / "net.graphml"
    for command in (["network", "-o", str(out)], ["analyze"]):
        result = CliRunner().invoke(cli, [*command, "--query", str(rq), "--store", str(small_store)])
        assert result.exit_code == 2, result.output
        assert "SERVICE" in result.output and "--allow-service" in result.output
    assert len(requests) == seen and not out.exists()
    result = CliRunner().invoke(cli, ["network", "-o", str(out), "--query", str(rq), "--allow-service",
                                      "--store", str(small_store)])
    assert result.exit_code == 0, result.output
    assert len(requests) > seen


# -- the Python API ------------------------------------------------------------------------
def test_python_api_refuses_service(small_store, endpoint, tmp_path):
    url, requests = endpoint
    seen = len(requests)
    store = EmbeddedStore(small_store, read_only=True)
    try:
        for query in federated(url):
            with pytest.raises(ServiceNotAllowedError, match="--allow-service"):
                run_sparql(store, query)
        with pytest.raises(UpdateNotAllowedError):
            run_sparql(store, "CLEAR ALL")
        assert run_sparql(store, NOT_FEDERATED[0]).rows == [{"l": "SERVICE desk"}]
        rq = tmp_path / "edges.rq"
        rq.write_text(f"SELECT ?source ?target WHERE {{ SERVICE <{url}> {{ ?source ?p ?target }} }}",
                      encoding="utf-8")
        with pytest.raises(SelectionError, match="SERVICE"):
            build_selection(store, Selection(query=str(rq)))
    finally:
        store.close()
    assert len(requests) == seen


def test_stored_queries_hold_no_service_and_run_query_refuses_one(small_store):
    catalogue = load_catalogue()
    assert catalogue
    for query in catalogue.values():
        assert not service_clauses(query.text), query.name
    from dataclasses import replace

    stored = next(iter(catalogue.values()))
    text = stored.text.replace("WHERE {", "WHERE { SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } ", 1)
    assert text != stored.text
    store = EmbeddedStore(small_store, read_only=True)
    try:
        with pytest.raises(ServiceNotAllowedError, match="stored query"):
            run_query(store, replace(stored, text=text), **{p.name: "x" for p in stored.parameters if p.required})
    finally:
        store.close()


# -- the tokenizer agrees with pyoxigraph --------------------------------------------------------
#: Pattern elements, each valid on its own: the word in every place it may stand, and clauses.
ELEMENTS = ['?s ?p "SERVICE" .', "?s ?p 'service' .", '?s ?p """SERVICE <{u}> {{ }}""" .',
            "# SERVICE <{u}> {{ ?s ?p ?o }}\n", "?s ?p <http://127.0.0.1:9/SERVICE> .", "?service ?p ?o .",
            "$SERVICE ?p ?o .", "?s ex:SERVICE ?o .", "?s ?p ex:a.SERVICE .", "?s ?p _:service .",
            '?s ?p "x"@service .', '?s ?p "a\\"SERVICE" .', 'FILTER(?o != "SERVICE")', "?s ?p ?o .",
            "SERVICE <{u}> {{ ?s ?p ?o }}", "service<{u}>{{?s ?p ?o}}", "Service SILENT <{u}> {{ ?s ?p ?o }}",
            "OPTIONAL {{ SERVICE <{u}> {{ ?s ?p ?o }} }}", "?s ?p ?o .SERVICE<{u}>{{?s ?p ?o}}",
            "\\u0053ERVICE <{u}> {{ ?s ?p ?o }}", "SERVICE ex:sparql {{ ?s ?p ?o }}"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(ELEMENTS), min_size=1, max_size=4))
def test_whatever_makes_pyoxigraph_fetch_is_flagged(endpoint, elements):
    url, requests = endpoint
    body = "\n".join(e.format(u=url) for e in elements)
    query = f"PREFIX ex: <{url.rsplit('/', 1)[0]}/>\nSELECT * WHERE {{ {body} }}"
    store = ox.Store()  # one triple that every pattern above can match, so joins are evaluated
    store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("SERVICE")))
    seen = len(requests)
    try:
        list(store.query(query))
    except (SyntaxError, OSError, ValueError):
        pass
    fetched = len(requests) > seen
    event(f"fetched={fetched}")
    if fetched:
        assert service_clauses(query), query
