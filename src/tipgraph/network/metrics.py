"""Centrality and communities, stored as node attributes and listed as top-N tables.

* ``degree``: how many distinct partners an actor met (in the two-mode views: how
  many meetings or instruments it is linked to); a person's tie to their affiliation
  (``relation="affiliation"``, persons kept as nodes) is not a partner and is not
  counted, so with every kind kept the degree is the ``partners`` column of the stored
  query ``most-connected-actors``;
* ``weighted_degree``: how many meetings-with-a-partner (edge weights summed, the same
  edges as ``degree``);
* ``betweenness``: brokers, actors on many shortest paths between others. Exact
  betweenness is O(n·m); above ``BETWEENNESS_EXACT_LIMIT`` nodes it is estimated
  from ``k`` sampled sources (seeded, so the numbers repeat), and the graph records it;
* ``pagerank`` (weighted);
* ``community``: Louvain communities (``networkx.community.louvain_communities``,
  weighted, ``seed=42``), numbered by size, largest first.
"""
from __future__ import annotations

import networkx as nx

METRICS = ("degree", "weighted_degree", "betweenness", "pagerank")
BETWEENNESS_EXACT_LIMIT = 2000
#: Most sources sampled, and the work budget (sources x (nodes + edges)) that lowers it
#: on big graphs: a source costs about one pure-Python BFS (0.9 s CPU at 50,000 actors and
#: 377,000 edges), so the budget keeps betweenness near 10 s whatever the size, which the
#: 30 s target for a 50,000-actor GEXF export needs (docs/performance.md). At that size
#: that is 12 sources: enough to rank the brokers, not to compare the long tail.
BETWEENNESS_SAMPLES = 500
BETWEENNESS_MIN_SAMPLES = 10
BETWEENNESS_BUDGET = 5_000_000
SEED = 42


def compute_metrics(G: nx.Graph) -> nx.Graph:
    """Add the metrics to every node of ``G`` (in place) and return it."""
    n = G.number_of_nodes()
    degree, weighted = partner_degrees(G)
    if n > BETWEENNESS_EXACT_LIMIT:
        k = betweenness_samples(n, G.number_of_edges())
        betweenness = nx.betweenness_centrality(G, k=k, seed=SEED, normalized=True)
        G.graph["betweenness"] = f"estimated from {k} sampled sources (seed {SEED})"
    else:
        betweenness = nx.betweenness_centrality(G, normalized=True) if n else {}
        G.graph["betweenness"] = "exact"
    pagerank = nx.pagerank(G, weight="weight") if G.number_of_edges() else {v: 1.0 / n for v in G} if n else {}
    community = communities(G)
    for v, d in G.nodes(data=True):
        d["degree"] = int(degree[v])
        d["weighted_degree"] = float(weighted[v])
        d["betweenness"] = float(betweenness.get(v, 0.0))
        d["pagerank"] = float(pagerank.get(v, 0.0))
        d["community"] = int(community[v])
    G.graph["communities"] = len(set(community.values()))
    return G


def communities(G: nx.Graph) -> dict:
    """Node -> Louvain community (weighted, seed 42), numbered by size, largest 0, ties
    by their smallest member: the same numbers on every run."""
    found = (
        nx.community.louvain_communities(G, weight="weight", seed=SEED) if G.number_of_edges() else
        [{v} for v in G]
    )
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


def betweenness_samples(nodes: int, edges: int) -> int:
    """How many sources to sample for estimated betweenness."""
    k = min(BETWEENNESS_SAMPLES, BETWEENNESS_BUDGET // max(1, nodes + edges))
    return min(nodes, max(BETWEENNESS_MIN_SAMPLES, k))


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
