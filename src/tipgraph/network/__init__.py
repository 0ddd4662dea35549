"""networkx graphs from the store, metrics, and GEXF / GraphML / picture export.

The pipeline a command runs: :func:`load_network_data` (a few SELECTs through the
GraphStore API) -> :func:`build_selection` (meeting filters, view, ego cut) ->
:func:`compute_metrics` -> :func:`export`.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from .build import bipartite_graph, cooperation_graph, instrument_graph
from .data import NetworkData, load_network_data
from .metrics import compute_metrics, top_actors
from .select import Selection, SelectionError, build_selection

EXPORT_FORMATS = ("gexf", "graphml", "svg", "png", "html")


def export(G: nx.Graph, out: str | Path, fmt: str, *, timeline: str = "meetings",
           size_metric: str = "pagerank", colour: str = "kind", label_style: str = "acronym") -> None:
    """Write ``G`` in ``fmt`` (one of :data:`EXPORT_FORMATS`).

    GEXF gets ``viz:position`` from the same seeded layout the pictures use (up to
    :data:`~tipgraph.network.layout.LAYOUT_MAX_NODES` nodes); ``colour`` (kind or
    community) colours GEXF nodes and pictures alike.
    """
    if fmt == "gexf":
        from .gexf import write_gexf
        from .layout import gexf_positions

        write_gexf(G, str(out), timeline=timeline, size_metric=size_metric, colour=colour,
                   positions=gexf_positions(G))
    elif fmt == "graphml":
        from .graphml import write_graphml

        write_graphml(G, str(out), size_metric=size_metric)
    elif fmt in ("svg", "png", "html"):
        from .draw import draw

        draw(G, out, fmt, colour=colour, label_style=label_style)
    else:
        raise ValueError(f"unknown format {fmt!r} (use {', '.join(EXPORT_FORMATS)})")


__all__ = [
    "EXPORT_FORMATS",
    "NetworkData",
    "Selection",
    "SelectionError",
    "bipartite_graph",
    "build_selection",
    "compute_metrics",
    "cooperation_graph",
    "export",
    "instrument_graph",
    "load_network_data",
    "top_actors",
]
