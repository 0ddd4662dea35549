"""Pictures: every node placed, labels only for the most central, big graphs cut down."""
from __future__ import annotations

import networkx as nx

from tipgraph.network import Selection, build_selection, compute_metrics
from tipgraph.network import draw as draw_mod


def test_svg_png_html(rdflib_store, tmp_path):
    G = compute_metrics(build_selection(rdflib_store, Selection()))
    for fmt in ("svg", "png", "html"):
        draw_mod.draw(G, tmp_path / f"n.{fmt}", fmt)
    svg = (tmp_path / "n.svg").read_text()
    assert "International Organization for Migration" in svg
    assert (tmp_path / "n.png").read_bytes()[:4] == b"\x89PNG"
    html = (tmp_path / "n.html").read_text()
    assert "<svg" in html and "pagerank" in html and "betweenness" in html
    # Same graph, same picture.
    draw_mod.draw(G, tmp_path / "again.svg", "svg")
    assert (tmp_path / "again.svg").read_text() == svg


def test_packed_layout_places_every_component():
    G = nx.Graph()
    nx.add_path(G, range(10))
    G.add_edge("a", "b")
    G.add_node("alone")
    pos = draw_mod.packed_layout(G)
    assert set(pos) == set(G)
    # Components do not overlap: the pair sits outside the big path's box.
    xs = [pos[v][0] for v in range(10)]
    assert pos["a"][0] > max(xs) or pos["a"][1] < min(pos[v][1] for v in range(10))


def test_big_graph_is_cut_to_the_most_central(monkeypatch, tmp_path):
    monkeypatch.setattr(draw_mod, "MAX_NODES", 20)
    G = nx.barabasi_albert_graph(60, 2, seed=1)
    for v in G:
        G.nodes[v].update(label=f"actor {v}", kind="organization")
    compute_metrics(G)
    fig = draw_mod.figure(G)
    assert "20 most central of 60 nodes" in fig.axes[0].get_title()
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert 0 < len(labels) <= draw_mod.LABELS


def test_empty_selection_draws_a_note(tmp_path):
    draw_mod.draw(nx.Graph(), tmp_path / "e.svg", "svg")
    assert "no actors in this selection" in (tmp_path / "e.svg").read_text()
