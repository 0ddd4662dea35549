"""The server on a remote store (Virtuoso): the same endpoint, API and pages."""
from __future__ import annotations

import pytest

from .conftest import EXAMPLES, make_client

IOM = "https://w3id.org/tipgraph/id/org/iom"
pytestmark = [pytest.mark.virtuoso, pytest.mark.xdist_group("virtuoso")]


def test_server_on_virtuoso(remote_store, virtuoso_server):
    from tipgraph.ingest import ingest_paths

    report = ingest_paths(remote_store, [str(p) for p in sorted(EXAMPLES.iterdir())[:8]])
    assert report.stored
    with make_client(virtuoso_server.query_url, row_limit=5) as c:
        r = c.get("/sparql", params={"query": "SELECT ?m WHERE { ?m a tip:Meeting } LIMIT 3"},
                  headers={"Accept": "text/csv"})
        assert r.status_code == 200 and r.text.splitlines()[0] == "m" and len(r.text.splitlines()) == 4
        r = c.get("/sparql", params={"query": "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"})
        assert r.status_code == 400 and "limit of 5 rows" in r.text
        r = c.get("/sparql", params={"query": "DROP ALL"})
        assert r.status_code == 403
    with make_client(virtuoso_server.query_url) as c:
        r = c.get("/api/queries/who-met-whom", params={"actor": "IOM"})
        assert r.status_code == 200, r.text
        assert r.json()["rows"] and all(IOM in (row["actorA"], row["actorB"]) for row in r.json()["rows"])
        r = c.get("/actor", params={"iri": IOM})
        assert r.status_code == 200 and "International Organization for Migration" in r.text
