"""Centrality and communities, stored as node attributes and listed as top-N tables.

* ``degree``: how many distinct partners an actor met (in the two-mode views: how
  many meetings or instruments it is linked to); a person's tie to their affiliation
  (``relation="affiliation"``, persons kept as nodes) is not a partner and is not
  counted, so with every kind kept the degree is the ``partners`` column of the stored
  query ``most-connected-actors``;
* ``weighted_degree``: how many meetings-with-a-partner (edge weights summed, the same
  edges as ``degree``);
* ``betweenness``: brokers, actors on many shortest paths between others. Exact
  betweenness is O(n·m); above a size that depends on the backend it is estimated
  from ``k`` sampled sources (seeded, so the numbers repeat), and the graph records it;
* ``pagerank`` (weighted);
* ``community``: Louvain communities (weighted, seed 42), numbered by size, largest first.

Betweenness, PageRank and Louvain come from networkx, or from networkit (compiled) where
it is installed: ``metrics_backends`` says which numbers differ between the two, and
``TIPGRAPH_METRICS_BACKEND=networkx`` forces networkx.
"""
from __future__ import annotations

import networkx as nx

from . import metrics_backends
from .metrics_backends import SEED

METRICS = ("degree", "weighted_degree", "betweenness", "pagerank")


def compute_metrics(G: nx.Graph, backend: str | None = None) -> nx.Graph:
    """Add the metrics to every node of ``G`` (in place) and return it.

    ``backend``: ``networkx``, ``networkit`` or ``auto`` (default: ``TIPGRAPH_METRICS_BACKEND``,
    else auto); the graph records the one used in ``G.graph["metrics_backend"]``.
    """
    engine = metrics_backends.select(G, backend)
    degree, weighted = partner_degrees(G)
    k = engine.betweenness_sources()
    betweenness = engine.betweenness(k)
    G.graph["betweenness"] = "exact" if k is None else f"estimated from {k} sampled sources (seed {SEED})"
    pagerank = engine.pagerank() if G.number_of_nodes() else {}
    community = numbered(engine.louvain())
    for v, d in G.nodes(data=True):
        d["degree"] = int(degree[v])
        d["weighted_degree"] = float(weighted[v])
        d["betweenness"] = float(betweenness.get(v, 0.0))
        d["pagerank"] = float(pagerank.get(v, 0.0))
        d["community"] = int(community[v])
    G.graph["communities"] = len(set(community.values()))
    G.graph["metrics_backend"] = engine.name
    return G


def communities(G: nx.Graph, backend: str | None = None) -> dict:
    """Node -> Louvain community (weighted, seed 42), numbered as :func:`numbered` does."""
    return numbered(metrics_backends.select(G, backend).louvain())


def numbered(found: list[set]) -> dict:
    """Node -> community number: by size, largest 0, ties by their smallest member, so
    the same partition gets the same numbers on every run."""
    ordered = sorted(found, key=lambda c: (-len(c), min(c)))
    return {v: i for i, members in enumerate(ordered) for v in members}


#: Descriptions of what each metric counts, for the tables of ``analyze`` and the HTML page.
COUNTS = {
    "degree": "distinct partners (actors met at a shared meeting; affiliation ties not counted)",
    "weighted_degree": "meetings with partners (one per partner and meeting)",
    "betweenness": "share of shortest paths between others through the actor (brokers)",
    "pagerank": "PageRank, weighted by meetings",
}


def partner_degrees(G: nx.Graph) -> tuple[dict, dict]:
    """Degree and weighted degree over the edges that join partners.

    Why not ``G.degree()``: with persons kept as nodes, each person is tied to their
    affiliation by an edge that is not a meeting; counting it would make a body's
    degree differ from the distinct co-participants that ``most-connected-actors``
    counts on the same store.
    """
    degree = {v: 0 for v in G}
    weighted = {v: 0.0 for v in G}
    for a, b, d in G.edges(data=True):
        if d.get("relation") == "affiliation":
            continue
        w = float(d.get("weight", 1.0))
        for v in {a, b}:
            degree[v] += 1
            weighted[v] += w
    return degree, weighted


def top_actors(G: nx.Graph, metric: str, n: int = 10, kinds: frozenset[str] | None = None) -> list[dict]:
    """The ``n`` nodes with the highest ``metric`` (ties by label), as table rows.

    Meeting and instrument nodes of the two-mode views are left out unless ``kinds``
    names them: the tables rank actors.
    """
    allowed = kinds or frozenset({"organization", "state", "person", "other"})
    rows = [
        (d.get(metric, 0), d.get("label", v), v, d)
        for v, d in G.nodes(data=True)
        if d.get("kind") in allowed
    ]
    rows.sort(key=lambda r: (-r[0], r[1], r[2]))
    return [
        {"metric": metric, "rank": i + 1, "label": label, "kind": d.get("kind", ""),
         "country": d.get("country", ""), "value": value, "iri": v, "community": d.get("community")}
        for i, (value, label, v, d) in enumerate(rows[:n])
    ]


def community_summary(G: nx.Graph, n: int = 10, members: int = 5) -> list[dict]:
    """The ``n`` largest communities with their most central members (by PageRank)."""
    groups: dict[int, list] = {}
    for v, d in G.nodes(data=True):
        if "community" in d:
            groups.setdefault(d["community"], []).append((-d.get("pagerank", 0.0), d.get("label", v)))
    rows = []
    for cid in sorted(groups)[:n]:
        ranked = sorted(groups[cid])
        rows.append({"community": cid, "size": len(ranked),
                     "central_members": [label for _, label in ranked[:members]]})
    return rows
