"""The time limit and the worker bound: a slow query is answered at the limit, and a
server whose workers are all busy says so at once instead of queueing."""
from __future__ import annotations

import threading
import time

import pytest

from tipgraph.store import open_store
from tipgraph.store.base import GraphStore, SelectResult
from tipgraph.web import ServerConfig, create_app
from tipgraph.web.app import Server
from tipgraph.web.execute import run_limited
from tipgraph.web.limits import Deadline, QueryTimeout
from starlette.testclient import TestClient


class BlockedStore(GraphStore):
    """A store whose queries wait until the test releases them (at most 10 s)."""

    location = "blocked:"

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = 0

    def select(self, query, bindings=None):
        self.started += 1
        self.release.wait(10)
        return SelectResult(["x"], [])

    def ask(self, query, bindings=None):
        return bool(self.select(query))

    construct = graph_names = graph = export = stats = replace_graphs = drop_graphs = None


class Holder:
    def __init__(self, store):
        self.store = store

    def call(self, work):
        return work(self.store)

    def close(self):
        pass


@pytest.fixture()
def blocked(sample_store):
    store = BlockedStore()
    server = Server(ServerConfig(store=str(sample_store), query_timeout=0.3, workers=1))
    server.holder = Holder(store)
    with TestClient(create_app(server.config, server)) as client:
        yield client, store
        store.release.set()


def test_slow_query_is_answered_at_the_time_limit(blocked):
    client, store = blocked
    start = time.monotonic()
    r = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?p ?o }"})
    elapsed = time.monotonic() - start
    assert r.status_code == 503
    assert "time limit of 0.3 s" in r.text and "--query-timeout" in r.text
    assert elapsed < 3, elapsed
    # the API obeys the same limit
    r = client.get("/api/queries/who-met-whom")
    assert r.status_code == 503


def test_busy_workers_answer_at_once(blocked):
    client, store = blocked
    assert client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?p ?o }"}).status_code == 503
    assert store.started == 1  # still running: the one worker is taken
    start = time.monotonic()
    r = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?p ?o }"})
    assert r.status_code == 503 and "busy" in r.text and r.headers["retry-after"] == "5"
    assert time.monotonic() - start < 0.3
    assert store.started == 1  # the refused query never reached the store
    store.release.set()
    for _ in range(50):  # the worker is free again once the slow query really ended
        r = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?p ?o }"})
        if r.status_code == 200:
            break
        time.sleep(0.1)
    assert r.status_code == 200


def test_embedded_reading_stops_at_the_deadline(sample_store):
    with open_store(sample_store, read_only=True) as store:
        expired = Deadline(0.001)
        time.sleep(0.01)
        with pytest.raises(QueryTimeout):
            run_limited(store, "SELECT * WHERE { ?s ?p ?o }", "select", row_limit=10**6, deadline=expired)
        answer = run_limited(store, "SELECT * WHERE { ?s ?p ?o } LIMIT 3", "select", row_limit=10, deadline=Deadline(30))
        assert len(answer.rows) == 3
