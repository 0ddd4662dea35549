"""A resolver that fetches stored entities by name (``use_source``) answers as one told them all.

Ingest no longer tells each resolver every stored entity (``add_known``); it gives it a
:class:`~tipgraph.resolution.known.KnownSource` and the resolver fetches the entities whose
names the document hits. These tests hold the two side by side: the same rows, told up
front or fetched, must give the same mentions, resolutions, fuzzy matches and created
entities, whatever order the fetches happen in.
"""
from __future__ import annotations

import pytest

from tipgraph.model import Entity
from tipgraph.resolution import Resolver
from tipgraph.resolution.known import TableSource

ID = "https://w3id.org/tipgraph/id/"


def told(registry, rows) -> Resolver:
    r = Resolver(registry)
    r.add_known([Entity(iri=i, kind=k, label=lab) for i, k, lab in sorted(set(rows))])  # type: ignore[arg-type]
    return r.fork()


def fetching(registry, rows) -> Resolver:
    r = Resolver(registry)
    r.use_source(TableSource(rows))
    return r.fork()


def stored_copies(registry, fuzzy_pairs) -> list[tuple[str, str, str]]:
    """Stored (non-registry) entities named like the registry entities the fuzzy pairs expect,
    plus two entities sharing one name (which one a name resolves to must not depend on order)."""
    rows = []
    for n, (_q, kind, expected) in enumerate(fuzzy_pairs):
        if expected in registry.by_id:
            e = registry.by_id[expected]
            rows.append((f"{ID}org/stored-{n:03d}", kind, e.label))
            rows.append((f"{ID}org/ruritanian-{n:03d}", kind, f"Ruritanian {e.label}"))
    rows += [(f"{ID}org/alpha-agency-2", "Organization", "Alpha Agency for Migration Affairs"),
             (f"{ID}org/alpha-agency-1", "Organization", "Alpha Agency for Migration Affairs"),
             (f"{ID}org/alpha-agency-1", "Organization", "Alpha Migration Agency"),
             (f"{ID}person/jane-roe", "Person", "Jane Roe")]
    return rows


def test_fuzzy_matches_against_stored_names_are_the_same(registry, fuzzy_pairs):
    rows = stored_copies(registry, fuzzy_pairs)
    assert len(rows) > 20
    queries = [q for q, _, _ in fuzzy_pairs] + [f"Ruritanian {q}" for q, _, _ in fuzzy_pairs] + \
        ["Alpha Agency for Migraton Affairs", "Alpha Migraton Agency"]
    hits = 0
    for q in queries:
        for kind in ("Organization", None):
            a, b = told(registry, rows), fetching(registry, rows)
            want, got = a._fuzzy(q, kind), b._fuzzy(q, kind)
            assert got == want, q
            hits += want is not None and not want.in_registry
            assert fetching(registry, rows).resolve(q, kind) == told(registry, rows).resolve(q, kind), q
    assert hits >= 10  # stored names do win fuzzy matches here, so the comparison means something


def test_the_first_entity_by_iri_keeps_a_shared_name_whatever_is_fetched_first(registry):
    rows = [(f"{ID}org/alpha-agency-2", "Organization", "Alpha Agency for Migration Affairs"),
            (f"{ID}org/alpha-agency-1", "Organization", "Alpha Agency for Migration Affairs")]
    b = fetching(registry, rows)
    assert b.entity(f"{ID}org/alpha-agency-2") is not None  # fetched by IRI before any name
    want = told(registry, rows)._fuzzy("Alpha Agency for Migraton Affairs", "Organization")
    assert want is not None and want.iri.endswith("alpha-agency-1")
    assert b._fuzzy("Alpha Agency for Migraton Affairs", "Organization") == want


def test_mentions_and_created_entities_are_the_same(registry):
    rows = [(f"{ID}org/stop-traffic-kazakhstan", "Organization", "Stop Traffic Kazakhstan"),
            (f"{ID}org/stop-traffic-kazakhstan", "Organization", "Stop Traffic KZ"),
            (f"{ID}org/ruritanian-migration-board", "Organization", "Ruritanian Migration Board"),
            (f"{ID}person/jane-roe", "Person", "Jane Roe")]
    text = ("Jane Roe of Stop Traffic KZ met IOM and the Ruritanian Migration Board in Astana. "
            "Stop Traffic Kazakhstan thanked the Kazakh Interior Ministry.")
    a, b = told(registry, rows), fetching(registry, rows)
    assert [(m.start, m.end, m.entity) for m in b.find_mentions(text)] == \
        [(m.start, m.end, m.entity) for m in a.find_mentions(text)]
    assert any(m.entity.iri.endswith("stop-traffic-kazakhstan") for m in b.find_mentions(text))
    for name, kind in (("Stop Traffic Kazakhstan", "Organization"), ("Ruritanian Migration Board", "Organization"),
                       ("New Body of Tests", "Organization"), ("Jane Roe", "Person")):
        assert b.resolve_or_create(name, kind, alt_labels=["Stop Traffic KZ"]) == \
            a.resolve_or_create(name, kind, alt_labels=["Stop Traffic KZ"])
    a_known, b_known = a.known_iris(), b.known_iris()
    for iri in (f"{ID}person/jane-roe", f"{ID}org/new-body-of-tests", f"{ID}person/nobody"):
        assert (iri in b_known) == (iri in a_known)


@pytest.mark.parametrize("held_out", [0, 3])
def test_a_seed_document_extracts_the_same_against_the_others(registry, shared_dir, repo_dir, held_out):
    """Entities created by the example documents and four seed documents, stored; the fifth
    extracted against them."""
    from tipgraph.extraction import extract
    from tipgraph.rdfbuild import document_triples
    from tipgraph.reading import read_document

    docs = [read_document(p) for p in sorted((shared_dir / "seeds").glob("*.txt"))]
    learner = Resolver(registry)
    for doc in [d for i, d in enumerate(docs) if i != held_out] + \
            [read_document(p) for p in sorted((repo_dir / "examples" / "documents").iterdir())]:
        extract(doc, learner)
    rows = [(e.iri, e.kind, lab) for e in learner._known_by_iri.values() for lab in (e.label, *e.alt_labels)]
    assert len(rows) > 100
    want = document_triples(extract(docs[held_out], told(registry, rows)))
    got = document_triples(extract(docs[held_out], fetching(registry, rows)))
    assert got == want
