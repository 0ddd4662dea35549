"""The SPARQL 1.1 Protocol at /sparql: operations, formats, errors, and what is refused."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph

from .conftest import TOKEN, make_client

SELECT = "SELECT ?org ?label WHERE { ?org a tip:Organization ; rdfs:label ?label } ORDER BY ?org LIMIT 5"
ASK = "ASK { ?m a tip:Meeting }"
CONSTRUCT = "CONSTRUCT { ?org rdfs:label ?label } WHERE { ?org a tip:Organization ; rdfs:label ?label }"
RESULTS_NS = "{http://www.w3.org/2005/sparql-results#}"


def count_quads(client) -> int:
    r = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_select_json_by_default(client):
    r = client.get("/sparql", params={"query": SELECT})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    data = r.json()
    assert data["head"]["vars"] == ["org", "label"]
    rows = data["results"]["bindings"]
    assert len(rows) == 5
    assert all(row["org"]["type"] == "uri" and row["label"]["type"] == "literal" for row in rows)


@pytest.mark.parametrize("accept, media", [
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("application/xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/html;q=0.9, text/csv;q=0.5", "text/csv"),
    ("*/*", "application/sparql-results+json"),
])
def test_select_formats_by_accept(client, accept, media):
    json_rows = client.get("/sparql", params={"query": SELECT}).json()["results"]["bindings"]
    r = client.get("/sparql", params={"query": SELECT}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media
    expected = [(row["org"]["value"], row["label"]["value"]) for row in json_rows]
    if media == "application/sparql-results+xml":
        root = ET.fromstring(r.content)
        got = [tuple(b.findtext(f"{RESULTS_NS}uri") or b.findtext(f"{RESULTS_NS}literal")
                     for b in result.findall(f"{RESULTS_NS}binding"))
               for result in root.iter(f"{RESULTS_NS}result")]
    elif media == "text/csv":
        got = [tuple(row) for row in list(csv.reader(io.StringIO(r.text)))[1:]]
    elif media == "text/tab-separated-values":
        lines = r.text.splitlines()
        assert lines[0] == "?org\t?label"
        got = []
        for line in lines[1:]:
            iri, literal = line.split("\t")
            assert iri.startswith("<") and literal.startswith('"')
            got.append((iri[1:-1], json.loads(literal)))
    else:
        got = [(row["org"]["value"], row["label"]["value"]) for row in r.json()["results"]["bindings"]]
    assert got == expected


def test_tsv_escapes_tabs_and_newlines(client):
    r = client.get("/sparql", params={"query": 'SELECT ?x WHERE { BIND("a\\tb\\nc" AS ?x) }'},
                   headers={"Accept": "text/tab-separated-values"})
    assert r.status_code == 200
    assert r.text.splitlines() == ["?x", '"a\\tb\\nc"']


def test_ask_json_and_xml(client):
    assert client.get("/sparql", params={"query": ASK}).json() == {"head": {}, "boolean": True}
    r = client.get("/sparql", params={"query": ASK}, headers={"Accept": "application/sparql-results+xml"})
    assert ET.fromstring(r.content).findtext(f"{RESULTS_NS}boolean") == "true"


def test_ask_has_no_csv_form(client):
    r = client.get("/sparql", params={"query": ASK}, headers={"Accept": "text/csv"})
    assert r.status_code == 406
    assert "application/sparql-results+json" in r.text


@pytest.mark.parametrize("accept, media, rdflib_format", [
    (None, "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
])
def test_construct_formats(client, accept, media, rdflib_format):
    headers = {"Accept": accept} if accept else {}
    r = client.get("/sparql", params={"query": CONSTRUCT}, headers=headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media
    g = Graph().parse(data=r.content, format=rdflib_format)
    organisations = client.get("/sparql", params={
        "query": "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?o ?l WHERE { ?o a tip:Organization ; rdfs:label ?l } }"})
    assert len(g) == int(organisations.json()["results"]["bindings"][0]["n"]["value"]) > 0


def test_describe_as_turtle(client):
    r = client.get("/sparql", params={"query": "DESCRIBE <https://w3id.org/tipgraph/id/org/iom>"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=r.content, format="turtle")) > 0


def test_post_form_and_sparql_query_body(client):
    expected = client.get("/sparql", params={"query": SELECT}).json()
    form = client.post("/sparql", data={"query": SELECT})
    body = client.post("/sparql", content=SELECT.encode(), headers={"Content-Type": "application/sparql-query"})
    assert form.status_code == body.status_code == 200
    assert form.json() == body.json() == expected


@pytest.mark.parametrize("request_kwargs, status, words", [
    ({"method": "GET", "url": "/sparql"}, 400, "no query"),
    ({"method": "GET", "url": "/sparql?query=SELECT%20*%20WHERE%20%7B%7D&query=ASK%7B%7D"}, 400, "2 times"),
    ({"method": "GET", "url": "/sparql", "params": {"query": "SELECT WHERE nonsense"}}, 400, "not a SPARQL query"),
    ({"method": "GET", "url": "/sparql", "params": {"query": SELECT, "default-graph-uri": "http://x/"}}, 400,
     "not supported"),
    ({"method": "POST", "url": "/sparql", "content": b"query=x", "headers": {"Content-Type": "text/plain"}}, 415,
     "POST a form"),
    ({"method": "POST", "url": "/sparql", "content": b"\xff\xfe", "headers": {"Content-Type": "application/sparql-query"}},
     400, "not UTF-8"),
    ({"method": "GET", "url": "/sparql", "params": {"query": SELECT}, "headers": {"Accept": "image/png"}}, 406,
     "cannot answer"),
    ({"method": "PUT", "url": "/sparql", "content": b""}, 405, ""),
])
def test_bad_requests(client, request_kwargs, status, words):
    r = client.request(**request_kwargs)
    assert r.status_code == status, r.text
    assert words in r.text


def test_body_size_limit(sample_store):
    with make_client(sample_store, max_body=1000) as c:
        r = c.post("/sparql", content=("# " + "x" * 2000 + "\nASK {}").encode(),
                   headers={"Content-Type": "application/sparql-query"})
        assert r.status_code == 413
        assert c.post("/sparql", content=b"ASK {}", headers={"Content-Type": "application/sparql-query"}).status_code == 200


UPDATE = 'INSERT DATA { GRAPH <https://w3id.org/tipgraph/id/graph/web-test> { <https://w3id.org/tipgraph/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "x" } }'


@pytest.mark.parametrize("send", ["get-query", "post-query", "post-update", "update-body"])
def test_updates_refused_on_a_read_only_server(client, send):
    before = count_quads(client)
    if send == "get-query":
        r = client.get("/sparql", params={"query": "DROP ALL"})
    elif send == "post-query":
        r = client.post("/sparql", data={"query": UPDATE})
    elif send == "post-update":
        r = client.post("/sparql", data={"update": UPDATE}, headers={"Authorization": f"Bearer {TOKEN}"})
    else:
        r = client.post("/sparql", content=UPDATE.encode(), headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 403, r.text
    assert "read-only" in r.text and "--allow-update" in r.text
    assert count_quads(client) == before


def test_update_via_get_is_refused(client):
    r = client.get("/sparql", params={"update": UPDATE})
    assert r.status_code == 400 and "POST" in r.text


def test_updates_need_the_bearer_token(store_copy):
    with make_client(store_copy, allow_update=True, update_token=TOKEN) as c:
        before = count_quads(c)
        for headers in ({}, {"Authorization": "Bearer wrong-token-0123456789"}, {"Authorization": f"Basic {TOKEN}"},
                        {"Authorization": "Bearer"}):
            r = c.post("/sparql", data={"update": UPDATE}, headers=headers)
            assert r.status_code == 401, (headers, r.text)
            assert r.headers["www-authenticate"].startswith("Bearer")
            assert TOKEN not in r.text
        assert count_quads(c) == before
        # an update sent as a query is refused even with the token
        r = c.post("/sparql", data={"query": UPDATE}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 400 and "send it as 'update'" in r.text
        r = c.post("/sparql", data={"update": UPDATE}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 204, r.text
        assert count_quads(c) == before + 1
        r = c.post("/sparql", content=b"DROP GRAPH <https://w3id.org/tipgraph/id/graph/web-test>",
                   headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"})
        assert r.status_code == 204
        assert count_quads(c) == before


def test_allow_update_needs_a_long_token(store_copy):
    with pytest.raises(ValueError, match="TIPGRAPH_SERVE_TOKEN"):
        make_client(store_copy, allow_update=True, update_token="short")
    with pytest.raises(ValueError):
        make_client(store_copy, allow_update=True)


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
])
def test_service_refused(client, query):
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 400
    assert "SERVICE clause" in r.text and "--allow-service" in r.text


def test_service_word_elsewhere_is_no_service_clause(client):
    r = client.get("/sparql", params={"query": 'SELECT ?service WHERE { BIND("SERVICE <http://x/>" AS ?service) }'})
    assert r.status_code == 200


def test_service_allowed_when_asked(sample_store):
    with make_client(sample_store, allow_service=True) as c:
        r = c.get("/sparql", params={"query": "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"})
        assert r.status_code == 200, r.text


def test_row_limit(sample_store):
    with make_client(sample_store, row_limit=3) as c:
        r = c.get("/sparql", params={"query": "SELECT ?s WHERE { ?s a tip:Meeting }"})
        assert r.status_code == 400
        assert "limit of 3 rows" in r.text and "--row-limit" in r.text
        assert c.get("/sparql", params={"query": "SELECT ?s WHERE { ?s a tip:Meeting } LIMIT 3"}).status_code == 200
        r = c.get("/sparql", params={"query": CONSTRUCT})
        assert r.status_code == 400 and "limit of 3 triples" in r.text


def test_prefixes_are_predeclared_and_may_be_declared_again(client):
    r = client.get("/sparql", params={"query": "PREFIX tip: <https://w3id.org/tipgraph/ontology#>\n" + ASK})
    assert r.status_code == 200 and r.json()["boolean"] is True
