"""Fixtures shared by every test package.

Each area keeps its own fixtures in ``tests/<area>/conftest.py``; only what several
areas need lives here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (seeds, gold, scorer); tests that need it are skipped without it."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture()
def store_dir(tmp_path: Path) -> Path:
    """A folder for a fresh embedded store."""
    return tmp_path / "store"


@pytest.fixture(scope="session")
def virtuoso_server():
    """A throwaway Virtuoso on 127.0.0.1 (one per test session and xdist worker: mark its
    tests ``xdist_group("virtuoso")``), stopped by its process id; skipped with the reason
    where it cannot be had."""
    from tipgraph.testing import virtuoso

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
    """The remote store on that server, emptied before and after the test."""
    from tipgraph.store.remote import RemoteStore
    from tipgraph.testing import virtuoso

    monkeypatch.setenv("TIPGRAPH_USER", virtuoso.DBA_USER)
    monkeypatch.setenv("TIPGRAPH_PASSWORD", virtuoso.DBA_PASSWORD)
    store = RemoteStore(virtuoso_server.query_url, update_url=virtuoso_server.update_url)
    store.drop_graphs(store.graph_names())
    yield store
    store.drop_graphs(store.graph_names())

