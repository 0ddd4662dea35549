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


def _summary_rows(store) -> list[tuple[str, str, str]]:
    from tipgraph.store.derived import DERIVED_GRAPH

    rows = store.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": DERIVED_GRAPH}).rows
    return sorted((str(r["s"]), str(r["p"]), str(r["o"])) for r in rows)


def test_entity_summary_on_virtuoso_equals_embedded(remote_store, sample, tmp_path):
    """The derived layout is kept the same way by both stores, through writes and a drop,
    and ingest reads the same known entities from it."""
    from tipgraph.ingest import _stored_entities, known_entities
    from tipgraph.store.derived import DERIVED_GRAPH

    embedded = open_store(tmp_path / "store")
    for store in (embedded, remote_store):
        ingest_paths(store, sample[:3])
        ingest_paths(store, sample[3:])
    assert _summary_rows(remote_store) == _summary_rows(embedded)
    assert len(_summary_rows(embedded)) > 100
    assert _stored_entities(remote_store) == _stored_entities(embedded)
    assert known_entities(remote_store) == known_entities(embedded)
    dropped = [g for g in embedded.graph_names() if "/document/" in str(g)][:2]
    for store in (embedded, remote_store):
        store.drop_graphs(dropped)
    assert _summary_rows(remote_store) == _summary_rows(embedded)
    assert DERIVED_GRAPH not in remote_store.graph_names()
    embedded.close()
