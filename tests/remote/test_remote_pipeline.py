"""The whole pipeline against a remote store gives what it gives on the embedded one."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph
from rdflib.compare import isomorphic

from tipgraph.ingest import ingest_paths
from tipgraph.store import open_store

pytestmark = [pytest.mark.virtuoso, pytest.mark.xdist_group("virtuoso")]

DOCUMENTS = Path(__file__).resolve().parents[2] / "examples" / "documents"


def _nquads(store) -> list[str]:
    """Sorted quads without blank nodes (their labels are the store's own)."""
    out = io.BytesIO()
    store.export(out, "nquads")
    return sorted(line for line in out.getvalue().decode("utf-8").splitlines() if line.strip() and "_:" not in line)


def _blank_node_graphs(store) -> dict[str, Graph]:
    out = io.BytesIO()
    store.export(out, "nquads")
    ds = Dataset()
    ds.parse(data=out.getvalue(), format="nquads")
    return {str(g.identifier): g for g in ds.graphs() if any(isinstance(t, BNode) for q in g for t in q)}


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> list[Path]:
    files = sorted(DOCUMENTS.glob("*"))[:6]
    assert files, "examples/documents holds the sample corpus"
    return files


def test_ingest_into_virtuoso_equals_embedded(remote_store, sample, tmp_path):
    embedded = open_store(tmp_path / "store")
    local = ingest_paths(embedded, sample)
    remote = ingest_paths(remote_store, sample)
    assert remote.stored == local.stored == len(sample) - len(local.refused)
    assert _nquads(remote_store) == _nquads(embedded)
    remote_b, local_b = _blank_node_graphs(remote_store), _blank_node_graphs(embedded)
    assert remote_b.keys() == local_b.keys()
    for name, graph in local_b.items():
        assert isomorphic(graph, remote_b[name]), name
    embedded.close()


def test_reingest_into_virtuoso_changes_nothing(remote_store, sample):
    ingest_paths(remote_store, sample)
    before = _nquads(remote_store)
    again = ingest_paths(remote_store, sample)
    assert again.stored == 0 and again.unchanged == len(sample)
    assert _nquads(remote_store) == before
