"""Fixtures for the server tests: a store of the sample documents, and clients on it.

The sample store is built once per session (read-only servers share it); tests that
write get their own copy.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from tipgraph.web import ServerConfig, create_app

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "documents"
TOKEN = "test-token-0123456789abcdef"


def ingest_into(folder: Path, paths: list[Path]) -> None:
    from tipgraph.ingest import ingest_paths
    from tipgraph.store import open_store

    with open_store(folder) as store:
        report = ingest_paths(store, [str(p) for p in paths])
    assert report.stored, "no sample document was stored"


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Path:
    """An embedded store holding examples/documents (do not write to it)."""
    folder = tmp_path_factory.mktemp("serve") / "store"
    ingest_into(folder, sorted(EXAMPLES.iterdir()))
    return folder


@pytest.fixture()
def store_copy(sample_store, tmp_path) -> Path:
    """A copy of the sample store that a test may change."""
    target = tmp_path / "store-copy"
    shutil.copytree(sample_store, target, ignore=shutil.ignore_patterns("LOCK"))
    return target


def make_client(store: Path | str, **options) -> TestClient:
    return TestClient(create_app(ServerConfig(store=str(store), **options)))


@pytest.fixture()
def client(sample_store):
    with make_client(sample_store) as c:
        yield c
