"""Stored queries over HTTP: the catalogue, running one with bound typed parameters, OpenAPI."""
from __future__ import annotations

import csv
import io

import pytest

from tipgraph.queries import load_catalogue, run_query
from tipgraph.store import open_store

from .conftest import make_client
from .test_protocol import count_quads

IOM = "https://w3id.org/tipgraph/id/org/iom"


def test_catalogue_lists_every_stored_query(client):
    r = client.get("/api/queries")
    assert r.status_code == 200
    listed = {q["name"]: q for q in r.json()}
    catalogue = load_catalogue()
    assert set(listed) == set(catalogue)
    who = listed["who-met-whom"]
    assert who["url"] == "/api/queries/who-met-whom"
    assert {p["name"]: p["type"] for p in who["parameters"]} == {p.name: p.type for p in catalogue["who-met-whom"].parameters}


def test_run_gives_the_runners_rows(client, sample_store):
    r = client.get("/api/queries/who-met-whom", params={"actor": "IOM", "from": "2019"})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["parameters"]["actor"] == IOM
    with open_store(sample_store, read_only=True) as store:
        expected = run_query(store, "who-met-whom", actor="IOM", from_="2019")
    assert data["columns"] == expected.columns
    assert len(data["rows"]) == len(expected.rows) > 0
    assert all(IOM in (row["actorA"], row["actorB"]) for row in data["rows"])
    assert all(isinstance(row["meetings"], int) for row in data["rows"])


def test_csv_by_accept_or_format(client):
    as_json = client.get("/api/queries/who-met-whom", params={"actor": "IOM"}).json()
    for kwargs in ({"headers": {"Accept": "text/csv"}}, {"params": {"actor": "IOM", "_format": "csv"}}):
        kwargs.setdefault("params", {"actor": "IOM"})
        r = client.get("/api/queries/who-met-whom", **kwargs)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        table = list(csv.reader(io.StringIO(r.text)))
        assert table[0] == as_json["columns"]
        assert len(table) - 1 == len(as_json["rows"])


def test_integer_parameter(client):
    everyone = client.get("/api/queries/most-connected-actors").json()["rows"]
    few = client.get("/api/queries/most-connected-actors", params={"minimum": "20"}).json()["rows"]
    assert 0 < len(few) < len(everyone)
    assert all(row["partners"] >= 20 for row in few)
    r = client.get("/api/queries/most-connected-actors", params={"minimum": "five"})
    assert r.status_code == 400 and r.json()["parameter"] == "minimum"


@pytest.mark.parametrize("params, parameter, words", [
    ({"from": "2015-13"}, "from", "no such date"),
    ({"from": "2015) } ; DROP ALL ; #"}, "from", "not a date"),
    ({"actor": '" } ; DROP ALL ; #'}, "actor", "no Actor is called"),
    ({"actor": "<http://x y>"}, "actor", "not a valid IRI"),
    ({"colour": "red"}, "colour", "no such parameter"),
    ({"actor": "x" * 20_000}, "actor", "no Actor"),
])
def test_bad_parameters_are_refused_and_change_nothing(client, params, parameter, words):
    before = count_quads(client)
    r = client.get("/api/queries/who-met-whom", params=params)
    assert r.status_code == 400, r.text
    assert r.json()["parameter"] == parameter
    assert words in r.json()["error"]
    assert count_quads(client) == before


def test_parameter_given_twice(client):
    r = client.get("/api/queries/who-met-whom?actor=IOM&actor=UNODC")
    assert r.status_code == 400 and "more than once" in r.json()["error"]


def test_ambiguous_name_lists_candidates(client):
    r = client.get("/api/queries/who-met-whom", params={"actor": "Ministry"})
    assert r.status_code == 400
    data = r.json()
    assert data["parameter"] == "actor" and len(data["candidates"]) > 1
    assert all(c["iri"].startswith("https://w3id.org/tipgraph/id/") for c in data["candidates"])


def test_missing_required_parameter(client):
    r = client.get("/api/queries/actor-profile")
    assert r.status_code == 400 and r.json()["parameter"] == "actor"


def test_unknown_query(client):
    r = client.get("/api/queries/no-such-query")
    assert r.status_code == 404 and "who-met-whom" in r.json()["known"]
    assert client.get("/api/queries/..%2F..%2Fetc%2Fpasswd").status_code == 404


def test_row_limit_applies_to_stored_queries(sample_store):
    with make_client(sample_store, row_limit=2) as c:
        r = c.get("/api/queries/who-met-whom")
        assert r.status_code == 400 and "limit of 2 rows" in r.json()["error"]


def test_openapi_from_the_headers(client):
    r = client.get("/api/openapi.json")
    assert r.status_code == 200
    doc = r.json()
    assert doc["openapi"].startswith("3.")
    catalogue = load_catalogue()
    for name, query in catalogue.items():
        op = doc["paths"][f"/api/queries/{name}"]["get"]
        assert op["summary"] == query.title and op["description"] == query.description
        params = {p["name"]: p for p in op["parameters"] if p["name"] != "_format"}
        assert set(params) == {p.name for p in query.parameters}
        for p in query.parameters:
            assert params[p.name]["required"] == p.required
            assert params[p.name]["description"] == p.description
            schema = params[p.name]["schema"]
            assert schema["type"] == ("integer" if p.type == "integer" else "string")
            if p.type == "date":
                assert schema["pattern"].startswith("^\\d{4}")
    assert "/sparql" in doc["paths"]
