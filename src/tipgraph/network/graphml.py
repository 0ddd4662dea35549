"""GraphML through networkx, after making every value one GraphML can hold.

GraphML has no lists and no time, so lists become `` | ``-joined strings (as in
GEXF), the merged periods become a ``spells`` string ("2019-05-28..2019-05-28; ..."),
and a node's viz colour and size become ``r``/``g``/``b``/``size`` attributes, which
yEd and Gephi both read.
"""
from __future__ import annotations

from pathlib import Path
from typing import IO

import networkx as nx

from .gexf import KIND_COLORS, LIST_SEPARATOR, node_sizes


def _plain(d: dict) -> dict:
    out = {}
    for key, value in d.items():
        if key == "periods":
            if value:
                out["spells"] = "; ".join(f"{s.isoformat()}..{e.isoformat()}" for s, e in value)
        elif isinstance(value, (list, tuple, set, frozenset)):
            if value:
                out[key] = LIST_SEPARATOR.join(str(v) for v in value)
        elif value is None:
            continue
        else:
            out[key] = value
    return out


def graphml_ready(G: nx.Graph, size_metric: str = "pagerank") -> nx.Graph:
    """A copy of ``G`` with only GraphML-typed values."""
    H = G.__class__()
    H.graph.update({k: v for k, v in _plain(G.graph).items() if isinstance(v, (str, int, float, bool))})
    sizes = node_sizes(G, size_metric)
    for v in sorted(G, key=str):
        d = _plain(G.nodes[v])
        d["r"], d["g"], d["b"] = KIND_COLORS.get(d.get("kind", "other"), KIND_COLORS["other"])
        d["size"] = sizes[v]
        H.add_node(v, **d)
    for a, b, d in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        H.add_edge(a, b, **_plain(d))
    return H


def write_graphml(G: nx.Graph, out: str | Path | IO[bytes], size_metric: str = "pagerank") -> None:
    """Write ``G`` as GraphML with plain attribute values (GraphML has no lists or None) and node sizes from ``size_metric``."""
    nx.write_graphml(graphml_ready(G, size_metric), out, encoding="utf-8", prettyprint=True)
