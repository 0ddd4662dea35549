"""Metrics as node attributes and top-N tables."""
from __future__ import annotations

import networkx as nx
import pytest

from tipgraph.network import Selection, build_selection, compute_metrics, top_actors
from tipgraph.network import metrics_backends
from tipgraph.network.metrics import community_summary

ID = "https://w3id.org/tipgraph/id/"
IOM, GPO = ID + "org/iom", ID + "org/gpo-ru"


def test_metrics_on_fixture(rdflib_store):
    G = compute_metrics(build_selection(rdflib_store, Selection()))
    assert G.nodes[IOM]["degree"] == 4
    assert G.nodes[IOM]["weighted_degree"] == 6.0  # GPO twice, TM twice, UNODC, MFA TM
    assert sum(d["pagerank"] for _, d in G.nodes(data=True)) == pytest.approx(1.0)
    # The prosecutors bridge the Russian cluster and IOM: a broker.
    assert G.nodes[GPO]["betweenness"] > 0
    assert G.graph["betweenness"] == "exact"
    communities = {d["community"] for _, d in G.nodes(data=True)}
    assert communities == set(range(G.graph["communities"]))
    top = top_actors(G, "pagerank", 1)[0]
    assert top["iri"] == IOM and top["rank"] == 1
    summary = community_summary(G)
    assert sum(c["size"] for c in summary) == G.number_of_nodes()


def test_broker_and_communities_on_two_cliques():
    G = nx.Graph()
    left, right = [f"l{i}" for i in range(5)], [f"r{i}" for i in range(5)]
    for group in (left, right):
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                G.add_edge(a, b, weight=1.0)
    G.add_edge("l0", "broker", weight=1.0)
    G.add_edge("broker", "r0", weight=1.0)
    for v in G:
        G.nodes[v].update(label=v, kind="organization")
    compute_metrics(G)
    assert top_actors(G, "betweenness", 1)[0]["iri"] == "broker"
    assert G.nodes["l1"]["community"] == G.nodes["l4"]["community"]
    assert G.nodes["l1"]["community"] != G.nodes["r1"]["community"]


def test_sampled_betweenness_for_big_graphs(monkeypatch):
    monkeypatch.setattr(metrics_backends, "NX_EXACT_LIMIT", 10)
    monkeypatch.setattr(metrics_backends, "NX_SAMPLES", 5)
    monkeypatch.setattr(metrics_backends, "NX_MIN_SAMPLES", 5)
    G = nx.path_graph(30)
    for v in G:
        G.nodes[v].update(label=str(v), kind="organization")
    compute_metrics(G, backend="networkx")
    assert "estimated from 5 sampled sources" in G.graph["betweenness"]
    assert G.nodes[15]["betweenness"] > G.nodes[0]["betweenness"]


def test_empty_graph():
    G = compute_metrics(nx.Graph())
    assert G.graph["communities"] == 0
