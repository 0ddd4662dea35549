"""One parametrised ``graph_store`` fixture: the same tests on the embedded store and on
a throwaway Virtuoso server (started once per test session, stopped by its process id).
Virtuoso tests are skipped, with the reason shown, where the server cannot be had."""
from __future__ import annotations


import pytest

from tipgraph.testing import virtuoso


@pytest.fixture(scope="session")
def virtuoso_server():
    reason = virtuoso.available()
    if reason:
        pytest.skip(f"Virtuoso unavailable: {reason}")
    server = virtuoso.VirtuosoServer()
    try:
        server.start()
    except RuntimeError as exc:
        pytest.skip(f"Virtuoso did not start: {exc}")
    yield server
    server.stop()


@pytest.fixture()
def remote_store(virtuoso_server, monkeypatch):
    from tipgraph.store.remote import RemoteStore

    monkeypatch.setenv("TIPGRAPH_USER", virtuoso.DBA_USER)
    monkeypatch.setenv("TIPGRAPH_PASSWORD", virtuoso.DBA_PASSWORD)
    store = RemoteStore(virtuoso_server.query_url, update_url=virtuoso_server.update_url)
    store.drop_graphs(store.graph_names())
    yield store
    store.drop_graphs(store.graph_names())


@pytest.fixture(params=["embedded", pytest.param("virtuoso", marks=[pytest.mark.virtuoso, pytest.mark.xdist_group("virtuoso")])])
def graph_store(request, tmp_path):
    if request.param == "embedded":
        from tipgraph.store import open_store

        store = open_store(tmp_path / "store")
        yield store
        store.close()
    else:
        yield request.getfixturevalue("remote_store")


