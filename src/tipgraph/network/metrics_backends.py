"""Where betweenness, PageRank and Louvain are computed: networkx, or networkit when installed.

networkx is always there and is the reference. networkit (MIT licence, C++ with OpenMP;
``pip install tipgraph[fast]``) computes the same three metrics in compiled code, which
the 30 s target for a 50,000-actor GEXF export needs (docs/performance.md). igraph and
leidenalg are GPL, so they are not used; rustworkx (Apache-2.0) has exact betweenness and
PageRank but neither Louvain nor a sampled betweenness, so it would leave the two
costs that matter in Python.

Which backend: ``TIPGRAPH_METRICS_BACKEND`` (``auto``, the default, ``networkx`` or
``networkit``) or the ``backend`` argument of :func:`select`. ``auto`` takes networkit
when it can be imported and the graph has at least ``AUTO_MIN_NODES`` nodes: importing
networkit takes a second or two (it imports matplotlib's pyplot), more than networkx
needs for a small graph. Asking for networkit when it is not installed is an error, not
a silent fallback.

What is equal and what differs (``tests/network/test_metrics_backends.py``):

* degree and weighted degree are computed by ``metrics.partner_degrees`` for both;
* exact betweenness (Brandes, unweighted, normalised like networkx) agrees to ~1e-15;
* PageRank (weighted, damping 0.85, iterated to the same L1 step, ``PAGERANK_TOL``)
  agrees to ~1e-11: networkit drops the rank of isolated nodes where networkx spreads it
  evenly, which only scales the vector, so it is rescaled to sum 1;
* sampled betweenness is an estimate in both, from different estimators (networkx:
  Brandes-Pich, sources drawn with Python's ``random``; networkit: Geisberger-Sanders-
  Schultes ``EstimateBetweenness`` seeded with ``networkit.setSeed``), and networkit,
  5-20 times faster per source, is given more sources and computes betweenness
  exactly on larger graphs (its own work budgets below): the numbers differ;
* Louvain: networkit's PLM with refinement (the Louvain method and a second move
  phase) and networkx's ``louvain_communities`` both maximise modularity from a seed,
  but visit nodes in different orders: the partitions differ (PLM's modularity was the
  higher on both graphs compared: Zachary's karate club 0.445 against 0.427, the
  50,000-actor benchmark 0.222 against 0.221).

Each is deterministic: networkit runs on one thread with seed 42, set before each
algorithm, so two runs write the same GEXF bytes. On two threads its PLM found 25, 27
and 27 communities in three runs of the 50,000-actor benchmark, and exact betweenness
changed in the last digits (the threads' partial sums are added in varying order).
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import Any, Protocol

import networkx as nx

ENV = "TIPGRAPH_METRICS_BACKEND"
NAMES = ("auto", "networkx", "networkit")
SEED = 42
#: ``auto`` uses networkit from this size on; below it networkx is quicker than the import.
AUTO_MIN_NODES = 500
#: PageRank iterates until one step changes the vector by less than this (L1), in both
#: backends. networkx's own default stops at n x 1e-6, which on 50,000 actors is 0.05:
#: there its values were up to 50 % off the converged ones for the least central actors.
PAGERANK_TOL = 1e-10
PAGERANK_MAX_ITER = 1000

#: networkx: exact betweenness up to this many nodes, else sampled sources under a work
#: budget (sources x (nodes + edges)): a source costs about one pure-Python BFS (0.9 s
#: CPU at 50,000 actors and 377,000 edges), so the budget keeps betweenness near 10 s
#: whatever the size. At that size that is 12 sources: enough to rank the brokers, not to
#: compare the long tail.
NX_EXACT_LIMIT = 2000
NX_SAMPLES = 500
NX_MIN_SAMPLES = 10
NX_BUDGET = 5_000_000
#: networkit: exact betweenness (Brandes in C++, one thread) costs 30-60 ns per source
#: and node-or-edge on graphs of a few thousand nodes, against networkx's ~600 ns: while
#: nodes x (nodes + edges) is within ``NK_EXACT_BUDGET`` (3-6 s of CPU at most: about
#: 3,400 actors at the benchmark's 7.5 edges a node, more on sparser graphs) it is exact.
#: Beyond, sampling is the better buy: at 5,000 actors exact took 12 s of CPU where 476
#: sources took 1.4 s and found the same top ten brokers. Sampled sources stay within
#: ``NK_BUDGET``; a source costs more on big graphs (~100-190 ns per node-or-edge at
#: 50,000 actors, cache misses), so there 46 sources take ~4 s, networkx's 11 ~12 s.
NK_EXACT_BUDGET = 100_000_000
NK_BUDGET = 20_000_000
NK_SAMPLES = 1000
NK_MIN_SAMPLES = 10

class Backend(Protocol):
    """The three metrics that need a graph library, computed on one graph."""

    name: str

    def betweenness_sources(self) -> int | None:
        """Sources to sample, or None for exact betweenness."""

    def betweenness(self, k: int | None) -> dict:
        """Node -> normalised betweenness (exact when ``k`` is None)."""

    def pagerank(self) -> dict:
        """Node -> weighted PageRank, summing to 1."""

    def louvain(self) -> list[set]:
        """Louvain communities (weighted), as sets of nodes."""


def samples(nodes: int, edges: int, budget: int, most: int, least: int) -> int:
    """Sources to sample within a work budget of sources x (nodes + edges)."""
    k = min(most, budget // max(1, nodes + edges))
    return min(nodes, max(least, k))


class NetworkxBackend:
    """The reference: networkx's own algorithms on the networkx graph."""

    name = "networkx"

    def __init__(self, G: nx.Graph) -> None:
        self.G = G

    def betweenness_sources(self) -> int | None:
        """Exact up to NX_EXACT_LIMIT nodes (pure-Python BFS per source), else sampled within NX_BUDGET."""
        n = self.G.number_of_nodes()
        if n <= NX_EXACT_LIMIT:
            return None
        return samples(n, self.G.number_of_edges(), NX_BUDGET, NX_SAMPLES, NX_MIN_SAMPLES)

    def betweenness(self, k: int | None) -> dict:
        """networkx betweenness, normalised; sampled sources drawn from seed 42."""
        if not self.G.number_of_nodes():
            return {}
        if k is None:
            return nx.betweenness_centrality(self.G, normalized=True)
        return nx.betweenness_centrality(self.G, k=k, seed=SEED, normalized=True)

    def pagerank(self) -> dict:
        """Weighted PageRank iterated to PAGERANK_TOL per node (networkx's default stops far short of it)."""
        n = self.G.number_of_nodes()
        if not self.G.number_of_edges():
            return {v: 1.0 / n for v in self.G}
        return nx.pagerank(self.G, weight="weight", tol=PAGERANK_TOL / n, max_iter=PAGERANK_MAX_ITER)

    def louvain(self) -> list[set]:
        """networkx Louvain, weighted, seed 42; one community per node on an edgeless graph."""
        if not self.G.number_of_edges():
            return [{v} for v in self.G]
        return nx.community.louvain_communities(self.G, weight="weight", seed=SEED)


class NetworkitBackend:
    """networkit's compiled algorithms on a copy of the graph as integer-indexed arrays."""

    name = "networkit"

    def __init__(self, G: nx.Graph, nk: Any | None = None) -> None:
        import numpy as np

        self.nk = nk or importlib.import_module("networkit")
        self.G = G
        self.nodes = list(G)
        index = {v: i for i, v in enumerate(self.nodes)}
        m = G.number_of_edges()
        us = np.empty(m, dtype=np.uint64)
        vs = np.empty(m, dtype=np.uint64)
        ws = np.empty(m, dtype=np.float64)
        # Weights as networkx reads them: a missing weight counts 1.
        for i, (a, b, w) in enumerate(G.edges(data="weight", default=1.0)):
            us[i], vs[i], ws[i] = index[a], index[b], w
        n = len(self.nodes)
        self.weighted = self.nk.Graph(n, weighted=True, directed=False)
        self.unweighted = self.nk.Graph(n, weighted=False, directed=False)
        if m:
            self.weighted.addEdges((ws, (us, vs)))
            self.unweighted.addEdges((us, vs))

    def _run(self, algorithm: Callable[[], Any]) -> Any:
        """Run on one thread from seed 42, so every run gives the same numbers."""
        threads = self.nk.getMaxNumberOfThreads()
        self.nk.setNumberOfThreads(1)
        try:
            self.nk.setSeed(SEED, False)
            return algorithm()
        finally:
            self.nk.setNumberOfThreads(threads)

    def _by_node(self, scores) -> dict:
        return {v: float(s) for v, s in zip(self.nodes, scores)}

    def betweenness_sources(self) -> int | None:
        """Exact while nodes x (nodes + edges) fits NK_EXACT_BUDGET (compiled BFS), else sampled within NK_BUDGET."""
        n, m = len(self.nodes), self.G.number_of_edges()
        if n * (n + m) <= NK_EXACT_BUDGET:
            return None
        return samples(n, m, NK_BUDGET, NK_SAMPLES, NK_MIN_SAMPLES)

    def betweenness(self, k: int | None) -> dict:
        """networkit Betweenness or EstimateBetweenness on the unweighted copy, as networkx counts paths."""
        if len(self.nodes) < 3:
            return {v: 0.0 for v in self.nodes}
        centrality = self.nk.centrality

        def run():
            algorithm = (centrality.Betweenness(self.unweighted, normalized=True) if k is None else
                         centrality.EstimateBetweenness(self.unweighted, k, normalized=True, parallel=False))
            algorithm.run()
            return algorithm.scores()

        return self._by_node(self._run(run))

    def pagerank(self) -> dict:
        """networkit PageRank with networkx's L1 step measure, rescaled to sum to 1 as networkx's does."""
        n = len(self.nodes)
        if not self.G.number_of_edges():
            return {v: 1.0 / n for v in self.nodes}

        def run():
            algorithm = self.nk.centrality.PageRank(self.weighted, damp=0.85, tol=PAGERANK_TOL)
            algorithm.norm = self.nk.centrality.Norm.L1_NORM  # networkx's measure of a step
            algorithm.maxIterations = PAGERANK_MAX_ITER
            algorithm.run()
            return algorithm.scores()

        scores = self._run(run)
        total = sum(scores)
        return {v: float(s) / total for v, s in zip(self.nodes, scores)}

    def louvain(self) -> list[set]:
        """networkit PLM (Louvain with refinement) on the weighted copy, on one thread from seed 42."""
        if not self.G.number_of_edges():
            return [{v} for v in self.nodes]

        def run():
            algorithm = self.nk.community.PLM(self.weighted, refine=True, gamma=1.0)
            algorithm.run()
            return algorithm.getPartition().getVector()

        groups: dict[int, set] = {}
        for v, c in zip(self.nodes, self._run(run)):
            groups.setdefault(int(c), set()).add(v)
        return list(groups.values())


def networkit_module() -> Any | None:
    """The networkit module, or None when it is not installed (or does not load)."""
    try:
        return importlib.import_module("networkit")
    except ImportError:
        return None


def backend_name(backend: str | None = None) -> str:
    """The backend asked for: the argument, else ``TIPGRAPH_METRICS_BACKEND``, else auto."""
    name = (backend or os.environ.get(ENV) or "auto").strip().lower()
    if name not in NAMES:
        raise ValueError(f"unknown metrics backend {name!r} ({ENV}): choose one of {', '.join(NAMES)}")
    return name


def select(G: nx.Graph, backend: str | None = None) -> Backend:
    """The backend that computes the metrics of ``G``."""
    name = backend_name(backend)
    if name == "networkx" or (name == "auto" and G.number_of_nodes() < AUTO_MIN_NODES):
        return NetworkxBackend(G)
    nk = networkit_module()
    if nk is None:
        if name == "networkit":
            raise RuntimeError("metrics backend 'networkit' asked for but networkit is not installed "
                               "(pip install 'tipgraph[fast]')")
        return NetworkxBackend(G)
    return NetworkitBackend(G, nk)
