"""Where each node sits: one seeded layout for the pictures and the GEXF file.

A spring layout per connected component with a fixed seed, components packed in rows
by size, so two runs on the same store place every node at the same spot, and Gephi
opens the GEXF file laid out as the SVG shows it. The spring layout is quadratic in
the nodes of a component (networkx switches to a much slower sparse solver from 500
nodes on), so graphs over :data:`LAYOUT_MAX_NODES` get no positions: Gephi's own
ForceAtlas 2 lays those out faster.
"""
from __future__ import annotations

import networkx as nx

SEED = 42
#: Most nodes laid out for a GEXF file (a picture draws at most draw.MAX_NODES).
LAYOUT_MAX_NODES = 499


def packed_layout(G: nx.Graph) -> dict:
    """Spring layout per connected component, components packed in rows by size.

    One spring layout of a disconnected graph pushes small components to the edges
    and squeezes the big one into the middle; packing keeps every part readable.
    Nodes are handed to the spring layout in sorted order, so the result depends on
    the graph only, not on the order it was built in.
    """
    components = sorted((sorted(c, key=str) for c in nx.connected_components(G)),
                        key=lambda c: (-len(c), str(c[0])))
    pos: dict = {}
    x = y = row_height = 0.0
    row_width = 2.0 * (len(components[0]) ** 0.5) if components else 1.0
    row_width = max(row_width, 4.0)
    for comp in components:
        radius = max(0.35, 0.5 * len(comp) ** 0.5)
        if len(comp) == 1:
            local = {comp[0]: (0.0, 0.0)}
        else:
            sub = nx.Graph()
            sub.add_nodes_from(comp)
            sub.add_edges_from(sorted(((a, b, {"weight": float(d.get("weight", 1.0))})
                                       for a, b, d in G.subgraph(comp).edges(data=True)),
                                      key=lambda e: (str(e[0]), str(e[1]))))
            local = nx.spring_layout(sub, seed=SEED, weight="weight", k=2.5 / len(comp) ** 0.5, iterations=150)
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y - row_height - 0.3, 0.0
        for v, (px, py) in local.items():
            pos[v] = (x + radius + radius * float(px), y - radius + radius * float(py))
        x += 2 * radius + 0.3
        row_height = max(row_height, 2 * radius)
    return pos


def gexf_positions(G: nx.Graph, scale: float = 100.0) -> dict | None:
    """``packed_layout`` scaled for Gephi's canvas, rounded so
    the file repeats byte for byte; None above :data:`LAYOUT_MAX_NODES` nodes."""
    if G.number_of_nodes() == 0 or G.number_of_nodes() > LAYOUT_MAX_NODES:
        return None
    return {v: (round(scale * x, 3), round(scale * y, 3)) for v, (x, y) in packed_layout(G).items()}
