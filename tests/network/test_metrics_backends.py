"""The metrics backends: networkit (the ``fast`` extra) against networkx, and the fallback.

networkit's numbers must be networkx's where the algorithm is the same (degrees, exact
betweenness, PageRank within networkx's convergence tolerance), a valid partition where
it is not (Louvain), and the same on every run.
"""
from __future__ import annotations

import random
import sys

import networkx as nx
import pytest

from tipgraph.network import Selection, build_selection, compute_metrics
from tipgraph.network import metrics_backends as mb
from tipgraph.network.gexf import write_gexf
from tipgraph.network.metrics import communities


def labelled(G: nx.Graph) -> nx.Graph:
    for v in G:
        G.nodes[v].update(label=str(v), kind="organization")
    return G


def two_cliques() -> nx.Graph:
    G = nx.Graph()
    for side in "lr":
        group = [f"{side}{i}" for i in range(6)]
        G.add_edges_from(((a, b) for i, a in enumerate(group) for b in group[i + 1:]), weight=2.0)
    G.add_edge("l0", "broker", weight=1.0)
    G.add_edge("broker", "r0", weight=1.0)
    return labelled(G)


def weighted_random(n: int = 300, m: int = 1200, seed: int = 3) -> nx.Graph:
    """A sparse graph with meeting-count weights, a person's affiliation tie, an isolated
    actor and a separate pair: the cases where PageRank and degrees could disagree."""
    rng = random.Random(seed)
    G = nx.gnm_random_graph(n, m, seed=seed)
    G = nx.relabel_nodes(G, {v: f"a{v:04d}" for v in G})
    for _, _, d in G.edges(data=True):
        d["weight"] = float(rng.choice((1, 1, 1, 2, 3, 7)))
    G.add_edge("person", "a0000", weight=1.0, relation="affiliation")
    G.add_edge("pair-a", "pair-b")  # no weight: counts 1, as networkx reads it
    G.add_node("alone")
    return labelled(G)


@pytest.fixture()
def nk():
    return pytest.importorskip("networkit")


def both(G: nx.Graph) -> tuple[nx.Graph, nx.Graph]:
    return compute_metrics(G.copy(), backend="networkx"), compute_metrics(G.copy(), backend="networkit")


@pytest.mark.parametrize("make", [two_cliques, weighted_random])
def test_same_degrees_pagerank_and_exact_betweenness(nk, make):
    X, K = both(make())
    assert X.graph["metrics_backend"] == "networkx" and K.graph["metrics_backend"] == "networkit"
    assert X.graph["betweenness"] == K.graph["betweenness"] == "exact"
    for v in X:
        x, k = X.nodes[v], K.nodes[v]
        assert (k["degree"], k["weighted_degree"]) == (x["degree"], x["weighted_degree"])
        assert k["betweenness"] == pytest.approx(x["betweenness"], abs=1e-12)
        assert k["pagerank"] == pytest.approx(x["pagerank"], abs=1e-9)
    assert sum(d["pagerank"] for _, d in K.nodes(data=True)) == pytest.approx(1.0)


def test_networkx_pagerank_is_converged():
    """networkx's default stops at an L1 step of n x 1e-6, too early on big graphs."""
    G = weighted_random(3000, 12_000)
    converged = nx.pagerank(G, weight="weight", tol=1e-15, max_iter=10_000)
    got = mb.NetworkxBackend(G).pagerank()
    assert all(got[v] == pytest.approx(converged[v], abs=1e-10) for v in G)


def test_same_numbers_on_the_fixture_network(nk, rdflib_store):
    X, K = both(build_selection(rdflib_store, Selection(kinds=frozenset({"organization", "state", "person"}))))
    for v in X:
        for metric in ("degree", "weighted_degree", "betweenness"):
            assert K.nodes[v][metric] == pytest.approx(X.nodes[v][metric], abs=1e-12)
        assert K.nodes[v]["pagerank"] == pytest.approx(X.nodes[v]["pagerank"], abs=1e-9)


@pytest.mark.parametrize("make", [two_cliques, weighted_random])
def test_networkit_communities_are_a_partition_numbered_by_size(nk, make):
    G = compute_metrics(make(), backend="networkit")
    community = {v: d["community"] for v, d in G.nodes(data=True)}
    assert set(community.values()) == set(range(G.graph["communities"]))
    sizes = [list(community.values()).count(c) for c in range(G.graph["communities"])]
    assert sizes == sorted(sizes, reverse=True)
    if "alone" in G:  # an isolated actor is a community of its own
        assert sizes[community["alone"]] == 1


def test_networkit_louvain_separates_the_cliques(nk):
    G = compute_metrics(two_cliques(), backend="networkit")
    c = {v: d["community"] for v, d in G.nodes(data=True)}
    assert len({c[f"l{i}"] for i in range(6)}) == 1 and len({c[f"r{i}"] for i in range(6)}) == 1
    assert c["l1"] != c["r1"]


def test_networkit_is_deterministic_and_leaves_threads_as_they_were(nk, tmp_path):
    nk.setNumberOfThreads(2)
    paths = []
    for name in ("a.gexf", "b.gexf"):
        G = compute_metrics(weighted_random(), backend="networkit")
        write_gexf(G, tmp_path / name)
        paths.append(tmp_path / name)
    assert paths[0].read_bytes() == paths[1].read_bytes()
    assert nk.getMaxNumberOfThreads() == 2


def test_networkit_samples_sources_above_its_budget(nk, monkeypatch):
    monkeypatch.setattr(mb, "NK_EXACT_BUDGET", 40 * (40 + 39) - 1)
    monkeypatch.setattr(mb, "NK_BUDGET", 10 * (40 + 39))  # 10 sources of a 40-node path
    G = labelled(nx.path_graph(40))
    first = compute_metrics(G.copy(), backend="networkit")
    again = compute_metrics(G.copy(), backend="networkit")
    assert first.graph["betweenness"] == "estimated from 10 sampled sources (seed 42)"
    assert first.nodes[20]["betweenness"] > first.nodes[0]["betweenness"]
    assert [first.nodes[v]["betweenness"] for v in G] == [again.nodes[v]["betweenness"] for v in G]


def test_exact_betweenness_reaches_larger_graphs_with_networkit(nk):
    """networkit's budget affords exact betweenness where networkx samples."""
    G = labelled(nx.gnm_random_graph(mb.NX_EXACT_LIMIT + 100, 6000, seed=1))
    assert mb.NetworkxBackend(G).betweenness_sources() is not None
    assert mb.NetworkitBackend(G, nk).betweenness_sources() is None


@pytest.mark.parametrize("G", [nx.Graph(), labelled(nx.empty_graph(3)), labelled(nx.path_graph(2))],
                         ids=["empty", "edgeless", "one-edge"])
def test_networkit_on_degenerate_graphs(nk, G):
    X, K = both(G)
    assert K.graph["communities"] == X.graph["communities"]
    for v in X:
        assert K.nodes[v]["pagerank"] == pytest.approx(X.nodes[v]["pagerank"])
        assert K.nodes[v]["betweenness"] == X.nodes[v]["betweenness"] == 0.0


def test_auto_takes_networkit_for_big_graphs_only(nk, monkeypatch):
    monkeypatch.delenv(mb.ENV, raising=False)
    big = nx.path_graph(mb.AUTO_MIN_NODES)
    assert mb.select(big).name == "networkit"
    assert mb.select(nx.path_graph(mb.AUTO_MIN_NODES - 1)).name == "networkx"
    assert mb.select(nx.path_graph(3), "networkit").name == "networkit"


def test_environment_forces_networkx(monkeypatch):
    monkeypatch.setenv(mb.ENV, "networkx")
    assert mb.select(nx.path_graph(mb.AUTO_MIN_NODES + 10)).name == "networkx"
    monkeypatch.setenv(mb.ENV, "NetworkX ")
    assert mb.backend_name() == "networkx"
    monkeypatch.setenv(mb.ENV, "igraph")
    with pytest.raises(ValueError, match="igraph"):
        mb.select(nx.path_graph(3))


def test_fallback_to_networkx_when_networkit_is_missing(monkeypatch):
    monkeypatch.setitem(sys.modules, "networkit", None)  # import networkit raises ImportError
    monkeypatch.delenv(mb.ENV, raising=False)
    assert mb.networkit_module() is None
    G = labelled(nx.path_graph(mb.AUTO_MIN_NODES + 10))
    compute_metrics(G)
    assert G.graph["metrics_backend"] == "networkx"
    c = communities(two_cliques(), backend="auto")
    assert c["l1"] == c["l2"] != c["r1"]
    with pytest.raises(RuntimeError, match="tipgraph\\[fast\\]"):
        compute_metrics(two_cliques(), backend="networkit")


def test_networkit_is_an_optional_extra_with_a_range_and_in_dev():
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text("utf-8"))["project"]
    assert not any(d.startswith("networkit") for d in project["dependencies"])  # networkx stays the fallback
    for extra in ("fast", "dev"):
        spec = next(d for d in project["optional-dependencies"][extra] if d.startswith("networkit"))
        assert ">=" in spec and "<" in spec.replace("<=", "")
