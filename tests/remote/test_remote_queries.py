"""Every stored query returns the same rows on Virtuoso as on the embedded store."""
from __future__ import annotations

import pytest

from tipgraph.ingest import ingest_paths
from tipgraph.queries import load_catalogue, run_query
from tipgraph.store import open_store

pytestmark = [pytest.mark.virtuoso, pytest.mark.xdist_group("virtuoso"), pytest.mark.shared]

#: Parameters that make each query select something in the seeds.
PARAMS = {
    "actor-profile": {"actor": "IOM"},
    "documents-about-actor": {"actor": "OSCE"},
    "instruments-of-actor": {"actor": "IOM"},
    "meetings-under-instrument": {"instrument": "Global Compact for Migration"},
    "people-of-organization": {"organization": "IOM"},
    "ratifications": {"instrument": "Palermo Protocol"},
    "programmes-in-region": {"region": "Turkmenistan"},
}


def _value(v) -> str:
    """Decimals compared as numbers (per the engines note); list cells exactly as they
    come, item order included (the runner sorts the items of every declared list)."""
    if isinstance(v, float) or type(v).__name__ == "Decimal":
        return str(float(v))
    return str(v)


def _normalised(result) -> list[tuple]:
    """Rows as sorted tuples of values."""
    return sorted(tuple(_value(v) for _, v in sorted(row.items())) for row in result.rows)


@pytest.fixture(scope="module")
def both_stores(virtuoso_server, shared_dir, tmp_path_factory):
    import os

    from tipgraph.store.remote import RemoteStore
    from tipgraph.testing import virtuoso

    os.environ.setdefault("TIPGRAPH_USER", virtuoso.DBA_USER)
    os.environ.setdefault("TIPGRAPH_PASSWORD", virtuoso.DBA_PASSWORD)
    remote = RemoteStore(virtuoso_server.query_url, update_url=virtuoso_server.update_url)
    remote.drop_graphs(remote.graph_names())
    embedded = open_store(tmp_path_factory.mktemp("seeds") / "store")
    for store in (embedded, remote):
        ingest_paths(store, [shared_dir / "seeds"])
    yield embedded, remote
    remote.drop_graphs(remote.graph_names())
    embedded.close()


@pytest.mark.parametrize("name", sorted(load_catalogue()))
def test_stored_query_same_rows_on_both_stores(both_stores, name):
    embedded, remote = both_stores
    query = load_catalogue()[name]
    params = {k: v for k, v in PARAMS.get(name, {}).items() if k in {p.name for p in query.parameters}}
    local = run_query(embedded, name, **params)
    far = run_query(remote, name, **params)
    assert _normalised(far) == _normalised(local)


def test_who_met_whom_lists_iom_partners(both_stores):
    embedded, _ = both_stores
    rows = run_query(embedded, "who-met-whom", actor="IOM").rows
    assert rows, "IOM met partners in the seeds"


#: Optional filters of the bigger queries, each on both stores (unbound ones must keep rows).
FILTERED = [
    ("who-met-whom", {"country": "Russian Federation"}),
    ("who-met-whom", {"instrument": "Global Compact for Migration", "from": "2019-01-01"}),
    ("who-met-whom", {"from": "2010", "to": "2019-12-31"}),
    ("most-connected-actors", {"to": "2015-12-31", "minimum": "2"}),
    ("cooperation-timeline", {"actor": "OSCE"}),
    ("funding-by-funder", {"currency": "EUR"}),
    ("programmes-in-region", {}),
    ("ratifications", {"state": "RU"}),
]


@pytest.mark.parametrize(("name", "params"), FILTERED, ids=[f"{n}-{'-'.join(p) or 'none'}" for n, p in FILTERED])
def test_filtered_query_same_rows_on_both_stores(both_stores, name, params):
    embedded, remote = both_stores
    local = run_query(embedded, name, **params)
    assert _normalised(run_query(remote, name, **params)) == _normalised(local)



def test_the_query_variants_run_on_both_stores(both_stores):
    """Both stores' summaries link their nodes to the entities, so the variants (which
    read labels through those links) are what the row comparisons above ran."""
    from tipgraph.queries import runner

    query = load_catalogue()["documents-about-actor"]
    for store in both_stores:
        assert runner.choose_variant(store, query, {"actor": "x"}) is not None
        # most-connected-actors with its default minimum only (no from/to) runs its variant
        assert runner.choose_variant(store, load_catalogue()["most-connected-actors"], {"minimum": 1}) is not None
