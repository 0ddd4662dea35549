"""The derived layout (store/derived.py): an entity summary kept with the graphs it sums up.

Two kinds of check: the summary kept change by change equals one built from scratch
(whatever was written, replaced or dropped, and a failed write changes neither), and
the shape of the work: what ingest and validation read from the store grows with the
entities of the new document, not with the number of documents that repeat them.
"""
from __future__ import annotations

import shutil

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from tipgraph.ingest import ingest_paths
from tipgraph.namespaces import ID, TIP
from tipgraph.store import StoreError
from tipgraph.store.derived import DERIVED_GRAPH, TGD, summary_node
from tipgraph.store.embedded import EmbeddedStore, _DERIVED, from_ox

ORG_A, ORG_B, PERSON = ID["org/alpha-agency"], ID["org/beta-bureau"], ID["person/jane-roe"]


def summary(store) -> set[tuple]:
    return {(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
            for q in store.ox_store.quads_for_pattern(None, None, None, _DERIVED)}


def rebuilt(store) -> set[tuple]:
    """The summary as a full build from the stored graphs makes it (the store is left rebuilt)."""
    store._write_full_layout()
    return summary(store)


def doc_graph(n: int, *entities: tuple[URIRef, URIRef, str]) -> tuple[URIRef, list[tuple]]:
    doc = ID[f"document/d{n}-{n:012d}"]
    triples = [(doc, RDF.type, TIP.Document), (doc, RDFS.label, Literal(f"Release {n}"))]
    for iri, kind, label in entities:
        triples += [(iri, RDF.type, kind), (iri, RDFS.label, Literal(label)), (iri, PROV.wasDerivedFrom, doc)]
    return doc, triples


def test_summary_kept_by_each_write_equals_a_full_build(store):
    d1, t1 = doc_graph(1, (ORG_A, TIP.Organization, "Alpha Agency"), (PERSON, TIP.Person, "Jane Roe"))
    d2, t2 = doc_graph(2, (ORG_A, TIP.Organization, "Alpha Agency"), (ORG_B, TIP.Organization, "Beta Bureau"))
    store.replace_graphs({d1: t1, d2: t2})
    kept = summary(store)
    assert (summary_node(ORG_A), TGD.graph, d1) in kept and (summary_node(ORG_A), TGD.graph, d2) in kept
    assert (summary_node(ORG_A), TGD.source, min(d1, d2, key=str)) in kept
    assert (summary_node(ORG_B), TGD.key, Literal("beta bureau")) in kept
    # each labelled node links to its entity (the way in for the stored queries' variants)
    assert (summary_node(ORG_A), TGD.entity, ORG_A) in kept and (summary_node(PERSON), TGD.entity, PERSON) in kept
    assert kept == rebuilt(store)

    # d1 replaced: Jane Roe and the least source of Alpha Agency go with it
    _, t1b = doc_graph(1, (ORG_B, TIP.Organization, "Beta Bureau"))
    store.replace_graphs({d1: t1b})
    kept = summary(store)
    assert not any(s == summary_node(PERSON) for s, _, _ in kept)
    assert (summary_node(ORG_A), TGD.source, d2) in kept
    assert kept == rebuilt(store)

    # d2 dropped: only what d1 still says remains
    store.drop_graphs([d2])
    kept = summary(store)
    assert not any(s == summary_node(ORG_A) for s, _, _ in kept)
    assert (summary_node(ORG_B), TGD.graph, d1) in kept
    assert kept == rebuilt(store)


def test_a_failed_write_changes_neither_graphs_nor_summary(store):
    d1, t1 = doc_graph(1, (ORG_A, TIP.Organization, "Alpha Agency"))
    store.replace_graphs({d1: t1})
    before = summary(store)
    d2, t2 = doc_graph(2, (ORG_B, TIP.Organization, "Beta Bureau"))
    with pytest.raises(StoreError):
        store.replace_graphs({d2: t2 + [(ORG_B, RDFS.label, URIRef("not a valid iri"))]})
    assert summary(store) == before
    with pytest.raises(StoreError):
        store.replace_graphs({DERIVED_GRAPH: []})  # the summary is the store's own
    assert DERIVED_GRAPH not in store.graph_names()


def test_a_store_without_the_layout_gets_it_built_once(store):
    d1, t1 = doc_graph(1, (ORG_A, TIP.Organization, "Alpha Agency"))
    store.replace_graphs({d1: t1})
    expected = summary(store)
    store.ox_store.update(f"DROP GRAPH <{DERIVED_GRAPH}>")  # as a bulk load or an older version leaves it
    store._derived_ready = False
    assert not store.has_derived_layout()
    assert store.ensure_derived_layout() is True
    assert summary(store) == expected
    assert store.ensure_derived_layout() is False


# -- the shape of the work: rows read from the store ------------------------------------

class RowCounter:
    """Counts the rows that a store's reads return: SELECTs, the summary reads (which the
    embedded store answers from its indexes) and ASKs (one each)."""

    def __init__(self, store) -> None:
        self.rows = 0
        for name in ("select", "summary_facts", "summary_subjects"):
            setattr(store, name, self._counting(getattr(store, name), rows=True))
        for name in ("ask", "said_outside"):
            setattr(store, name, self._counting(getattr(store, name), rows=False))

    def _counting(self, method, rows: bool):
        def counted(*args, **kwargs):
            result = method(*args, **kwargs)
            self.rows += len(result) if rows else 1
            return result

        return counted


@pytest.fixture(scope="module")
def seed_store(shared_dir, tmp_path_factory):
    """A store holding one seed document; its graph is copied to make bigger stores."""
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    folder = tmp_path_factory.mktemp("seed-store") / "store"
    with EmbeddedStore(folder) as store:
        report = ingest_paths(store, [seeds[0]])
        graph = URIRef(report.outcomes[0].graph)
        triples = list(store.graph(graph))
    return folder, graph, triples, seeds


def _store_with_copies(seed_store, tmp_path, copies: int) -> EmbeddedStore:
    """The seed store plus ``copies`` more documents that repeat its entities."""
    folder, graph, triples, _ = seed_store
    target = tmp_path / f"store-{copies}"
    shutil.copytree(folder, target)
    store = EmbeddedStore(target)
    batch = {}
    for i in range(copies):
        doc = URIRef(f"{graph}-copy{i}")
        batch[doc] = [tuple(doc if t == graph else t for t in triple) for triple in triples]
    store.replace_graphs(batch)
    return store


def _rows_read_by_ingest(store, path) -> tuple[int, int]:
    """Rows read by a whole ingest of ``path``, and by its validation context alone."""
    import tipgraph.validation as validation

    counter = RowCounter(store)
    context_rows = 0
    original = validation._fetch_context

    def counted(*args, **kwargs):
        nonlocal context_rows
        before = counter.rows
        out = original(*args, **kwargs)
        context_rows += counter.rows - before
        return out

    validation._fetch_context = counted
    try:
        report = ingest_paths(store, [path])
    finally:
        validation._fetch_context = original
    assert report.stored == 1, report.refused
    return counter.rows, context_rows


def test_rows_read_do_not_grow_with_the_stored_documents(seed_store, tmp_path):
    seeds = seed_store[3]
    reads = []
    for copies in (2, 40):
        store = _store_with_copies(seed_store, tmp_path, copies)
        try:
            reads.append(_rows_read_by_ingest(store, seeds[1]))
        finally:
            store.close()
    (total_small, context_small), (total_big, context_big) = reads
    # Twenty times the documents, the same entities: the same rows (none per copy).
    assert total_big == total_small
    assert context_big == context_small


def test_validation_context_rows_follow_the_new_documents_entities(seed_store, tmp_path):
    """A document that touches more stored entities reads more context rows; the same
    document reads as many rows from a store of 2 copies as from one of 40."""
    from tipgraph.validation import _fetch_context

    folder, graph, triples, _ = seed_store
    entities = sorted({s for s, p, o in triples if p == RDF.type and str(s).startswith(str(ID) + "org/")})
    assert len(entities) >= 2
    counts = {}
    for copies in (2, 40):
        store = _store_with_copies(seed_store, tmp_path, copies)
        try:
            for k in (1, len(entities)):
                counter = RowCounter(store)
                _fetch_context(store, entities[:k], [], {URIRef("urn:x-new:doc")})
                counts[(copies, k)] = counter.rows
        finally:
            store.close()
    assert counts[(2, 1)] == counts[(40, 1)]
    assert counts[(2, len(entities))] == counts[(40, len(entities))]
    assert counts[(2, len(entities))] > counts[(2, 1)]


def _store_with_unrelated(seed_store, tmp_path, entities: int) -> EmbeddedStore:
    """The seed store plus documents naming ``entities`` organizations the new document never names."""
    folder, _, _, _ = seed_store
    target = tmp_path / f"store-unrelated-{entities}"
    shutil.copytree(folder, target)
    store = EmbeddedStore(target)
    batch = dict(doc_graph(1000 + i, (ID[f"org/unrelated-body-{i:04d}"], TIP.Organization,
                                      f"Unrelated Body Number {i:04d} of Testland")) for i in range(entities))
    store.replace_graphs(batch)
    return store


def test_one_document_reads_the_entities_its_names_hit_not_every_stored_one(seed_store, tmp_path):
    """Resolution looks stored names up by key (stored_names.StoreSource): 20 times as many
    stored entities that the new document does not name, the same rows read, but for
    the one list of name keys (strings, one per stored name) that the scan and fuzzy
    matching use."""
    from tipgraph import stored_names

    seeds = seed_store[3]
    reads, keys = [], []
    original = stored_names._name_keys
    for entities in (20, 400):
        store = _store_with_unrelated(seed_store, tmp_path, entities)
        read_keys: list[int] = []

        def counted(s, _read=read_keys):
            out = original(s)
            _read.append(len(out))
            return out

        stored_names._name_keys = counted
        try:
            reads.append(_rows_read_by_ingest(store, seeds[1])[0])
        finally:
            stored_names._name_keys = original
            store.close()
        keys.append(sum(read_keys))
    assert reads[0] == reads[1]
    assert keys[1] - keys[0] == 380  # the key list is the one read that grows, by one string per name


def test_a_summary_without_entity_links_is_rebuilt_once(store):
    """A summary written before the tgd:entity links existed: the stored queries' variants
    would find no labels in it, so ensure_derived_layout builds it again, links and all."""
    from tipgraph.store import derived

    d1, t1 = doc_graph(1, (ORG_A, TIP.Organization, "Alpha Agency"))
    store.replace_graphs({d1: t1})
    expected = summary(store)
    store.ox_store.update(f"DELETE WHERE {{ GRAPH <{DERIVED_GRAPH}> {{ ?n <{TGD.entity}> ?e }} }} ; "
                          f"DELETE WHERE {{ GRAPH <{DERIVED_GRAPH}> {{ ?n <{TGD.entityLinks}> ?x }} }}")
    store._links_ready = False
    assert store.has_derived_layout() and not derived.store_has_entity_links(store)
    assert store.ensure_derived_layout() is True
    assert summary(store) == expected
    assert store.ensure_derived_layout() is False
