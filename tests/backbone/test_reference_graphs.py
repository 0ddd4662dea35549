"""The reference graphs (ontology, registry): checked by the hash of their sources, built only when stale."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Literal

import tipgraph.reference as reference
from tipgraph.namespaces import ONTOLOGY_GRAPH, REGISTRY_GRAPH, TIP
from tipgraph.store.embedded import EmbeddedStore

PACKAGE = Path(reference.__file__).resolve().parent


def _forbid_building(monkeypatch) -> None:
    """Make building either graph fail, so a test sees whether a check built one."""
    def refuse():
        raise AssertionError("the graph was built although its stored copy is current")

    monkeypatch.setattr(reference, "ontology_graph", refuse)
    monkeypatch.setattr(reference, "registry_graph", refuse)


def test_current_reference_graphs_are_checked_without_building_them(tmp_path, monkeypatch):
    with EmbeddedStore(tmp_path / "store") as store:
        assert sorted(reference.ensure_reference_graphs(store)) == sorted([ONTOLOGY_GRAPH, REGISTRY_GRAPH])
        _forbid_building(monkeypatch)
        assert reference.ensure_reference_graphs(store) == []


def test_a_stale_registry_copy_is_rebuilt_and_rewritten(tmp_path):
    with EmbeddedStore(tmp_path / "store") as store:
        reference.ensure_reference_graphs(store)
        triples = [t for t in store.graph(REGISTRY_GRAPH) if t[1] != TIP.contentHash]
        store.replace_graphs({REGISTRY_GRAPH: [*triples, (REGISTRY_GRAPH, TIP.contentHash, Literal("old"))]})
        assert reference.ensure_reference_graphs(store) == [REGISTRY_GRAPH]
        stored = store.graph(REGISTRY_GRAPH)
        assert stored.value(REGISTRY_GRAPH, TIP.contentHash) == Literal(reference.registry_digest())
        assert len(stored) == len(reference.registry_graph())


def test_stored_hashes_are_the_source_digests(tmp_path):
    with EmbeddedStore(tmp_path / "store") as store:
        reference.ensure_reference_graphs(store)
        assert store.graph(REGISTRY_GRAPH).value(REGISTRY_GRAPH, TIP.contentHash) == Literal(reference.registry_digest())
        assert store.graph(ONTOLOGY_GRAPH).value(ONTOLOGY_GRAPH, TIP.contentHash) == Literal(reference.ontology_digest())


def _package_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "tipgraph"
    shutil.copytree(PACKAGE / "resolution", copy / "resolution", ignore=shutil.ignore_patterns("__pycache__"))
    for name in reference._REGISTRY_SOURCES:
        shutil.copy2(PACKAGE / name, copy / name)
    return copy


@pytest.mark.parametrize("changed", ["resolution/data/registry.yaml", "resolution/states.py", "namespaces.py"])
def test_the_registry_digest_follows_each_of_its_sources(tmp_path, changed):
    copy = _package_copy(tmp_path)
    before = reference.registry_digest(copy)
    assert before == reference.registry_digest.__wrapped__(PACKAGE)  # a copy of the same files: the same hash
    with (copy / changed).open("a", encoding="utf-8") as f:
        f.write("\n# changed\n")
    assert reference.registry_digest.__wrapped__(copy) != before


def test_the_registry_digest_follows_pycountry(tmp_path, monkeypatch):
    import pycountry

    copy = _package_copy(tmp_path)
    before = reference.registry_digest.__wrapped__(copy)
    monkeypatch.setattr(pycountry, "__version__", "0.0.0-test", raising=False)
    assert reference.registry_digest.__wrapped__(copy) != before
