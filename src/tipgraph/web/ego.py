"""The ego network of one actor, for the page's drawing and as a GEXF download.

Both come from the same :func:`tipgraph.network.build_selection` call as
``tipgraph network --ego ACTOR --depth N``, so the download is exactly what is drawn.
"""
from __future__ import annotations

import io

import networkx as nx

from ..network import Selection, build_selection, compute_metrics
from ..network.gexf import write_gexf
from ..store.base import GraphStore

#: Deeper ego networks of a well-connected actor are most of the graph: not a page.
MAX_DEPTH = 3
#: Nodes a browser drawing is asked to show at most.
MAX_NODES = 400


class EgoTooLarge(ValueError):
    pass


def ego_graph(store: GraphStore, actor: str, depth: int = 1) -> nx.Graph:
    """The cooperation network around ``actor`` (IRI, label or acronym), with metrics."""
    if not 0 <= depth <= MAX_DEPTH:
        raise ValueError(f"depth must be between 0 and {MAX_DEPTH}")
    G = build_selection(store, Selection(ego=actor, depth=depth))
    if G.number_of_nodes() > MAX_NODES:
        raise EgoTooLarge(f"the ego network has {G.number_of_nodes()} actors, more than {MAX_NODES} "
                          "a page can draw; choose a smaller depth or use `tipgraph network`")
    return compute_metrics(G)


def to_elements(G: nx.Graph, centre: str | None = None) -> dict:
    """Nodes and edges in the shape cytoscape.js takes (``{"data": {...}}`` each)."""
    nodes = [{"data": {"id": n, "label": d.get("label") or n, "kind": d.get("kind", ""),
                       "meetings": d.get("meetings", 0), "centre": n == centre}}
             for n, d in G.nodes(data=True)]
    edges = [{"data": {"id": f"e{i}", "source": u, "target": v, "weight": d.get("weight", 1)}}
             for i, (u, v, d) in enumerate(G.edges(data=True))]
    return {"nodes": nodes, "edges": edges}


def gexf_bytes(G: nx.Graph, description: str) -> bytes:
    out = io.BytesIO()
    write_gexf(G, out, description=description)
    return out.getvalue()
