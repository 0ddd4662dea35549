"""A picture of the selected network, for people who would rather look than read.

Matplotlib with the Agg backend (no display needed). Nodes are coloured by kind (or
by Louvain community, ``colour="community"``) and sized by PageRank; only the most
central actors get a label, their acronym where one is known (``acronym`` on the
node, :mod:`tipgraph.network.acronyms`), so the drawing stays legible. The layout is
seeded (:mod:`tipgraph.network.layout`) and the SVG has no date, so two runs on the
same store write the same bytes; its words are real ``<text>`` elements
(``svg.fonttype: none``), which a browser can search and a reader can copy. The title
says what is drawn (``G.graph["title"]``, set by :func:`~tipgraph.network.select.build_selection`).
A graph larger than ``MAX_NODES`` is drawn as its ``MAX_NODES`` most central nodes,
and the title says so. ``html`` wraps the SVG with a table of the top actors, one
self-contained file to mail around.
"""
from __future__ import annotations

import html as html_lib
import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from .acronyms import LABEL_STYLES  # noqa: E402
from .gexf import (  # noqa: E402
    COMMUNITY_COLORS,
    KIND_COLORS,
    SMALL_COMMUNITY,
    community_of,
    node_colors,
)
from .layout import packed_layout  # noqa: E402,F401  (re-exported: draw.packed_layout)
from .metrics import COUNTS, METRICS, top_actors  # noqa: E402

MAX_NODES = 300
LABELS = 15
FORMATS = ("svg", "png", "html")
#: Communities named in the legend of a picture coloured by community.
LEGEND_COMMUNITIES = 8


def _rgb(color: tuple[int, int, int]) -> tuple[float, float, float]:
    r, g, b = color
    return r / 255, g / 255, b / 255


def _central(G: nx.Graph, n: int) -> list:
    key = "pagerank" if any("pagerank" in d for _, d in G.nodes(data=True)) else "weighted_degree"
    return sorted(G, key=lambda v: (-float(G.nodes[v].get(key, G.degree(v))), str(v)))[:n]


def shown_nodes(G: nx.Graph) -> list:
    """The nodes a picture of ``G`` draws: all, or the ``MAX_NODES`` most central."""
    if G.number_of_nodes() > MAX_NODES:
        return _central(G, MAX_NODES)
    return sorted(G, key=str)


def figure(G: nx.Graph, title: str | None = None, labels: int = LABELS, colour: str = "kind",
           label_style: str = "acronym"):
    """The matplotlib figure of ``G`` (metrics should already be on the nodes)."""
    if label_style not in LABEL_STYLES:
        raise ValueError(f"label_style must be one of {LABEL_STYLES}")
    shown = G
    note = ""
    if G.number_of_nodes() > MAX_NODES:
        shown = G.subgraph(shown_nodes(G)).copy()
        note = f" ({MAX_NODES} most central of {G.number_of_nodes()} nodes)"
    fig, ax = plt.subplots(figsize=(12, 9), dpi=100)
    ax.set_axis_off()
    if shown.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no actors in this selection", ha="center", va="center", fontsize=14)
    else:
        nodes = sorted(shown, key=str)
        pos = packed_layout(shown)
        edges = sorted(shown.edges(data=True), key=lambda e: tuple(sorted((str(e[0]), str(e[1])))))
        weights = [float(d.get("weight", 1.0)) for _, _, d in edges]
        wmax = max(weights, default=1.0)
        nx.draw_networkx_edges(shown, pos, edgelist=[(a, b) for a, b, _ in edges], ax=ax, alpha=0.35,
                               edge_color="#888888", width=[0.5 + 3.0 * w / wmax for w in weights])
        pr = [float(shown.nodes[v].get("pagerank", 0.0)) for v in nodes]
        prmax = max(pr, default=0.0) or 1.0
        colors = node_colors(G if colour == "community" else shown, colour)
        nx.draw_networkx_nodes(
            shown, pos, nodelist=nodes, ax=ax, linewidths=0.5, edgecolors="white",
            node_color=[_rgb(colors[v]) for v in nodes],
            node_size=[40 + 900 * (p / prmax) ** 0.5 for p in pr],
        )
        top = _spread(_central(shown, labels * 3), pos, labels)
        nx.draw_networkx_labels(
            shown, pos, ax=ax, labels={v: _label(shown.nodes[v], v, label_style) for v in top},
            font_size=8, bbox={"facecolor": "white", "alpha": 0.7, "edgecolor": "none", "pad": 1},
        )
        ax.margins(0.12)
        ax.legend(handles=_legend(G, shown, colour, colors), loc="lower left", frameon=False)
    heading = (title or G.graph.get("title") or G.graph.get("selection") or "tipgraph network") + note
    size = "PageRank" if any("pagerank" in d for _, d in shown.nodes(data=True)) else "meetings"
    ax.set_title(f"{heading}\ncolour: {colour}; size: {size}; edge width: meetings", fontsize=11)
    fig.tight_layout()
    return fig


def _label(d: dict, v, style: str) -> str:
    if style == "acronym" and d.get("acronym"):
        return d["acronym"]
    return _short(d.get("label", str(v)))


def _legend(G: nx.Graph, shown: nx.Graph, colour: str, colors: dict) -> list:
    def handle(rgb, text):
        return Line2D([0], [0], marker="o", linestyle="", markersize=8, markerfacecolor=_rgb(rgb),
                      markeredgecolor="white", label=text)

    if colour == "kind":
        kinds = sorted({shown.nodes[v].get("kind", "other") for v in shown})
        return [handle(KIND_COLORS.get(k, KIND_COLORS["other"]), k) for k in kinds]
    community = community_of(G)
    sizes: dict = {}
    for v in shown:
        c = community.get(v)
        sizes[c] = sizes.get(c, 0) + 1
    named = sorted(c for c in sizes if isinstance(c, int) and c < len(COMMUNITY_COLORS))[:LEGEND_COMMUNITIES]
    handles = [handle(COMMUNITY_COLORS[c], f"community {c} ({sizes[c]} shown)") for c in named]
    if len(named) < len(sizes):
        handles.append(handle(SMALL_COMMUNITY, "other communities"))
    return handles


def _spread(candidates: list, pos: dict, n: int) -> list:
    """Up to ``n`` of the candidates (most central first) whose labels do not sit on
    top of one already chosen: a dense cluster gets one or two readable names, not ten
    unreadable ones."""
    if not candidates:
        return []
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    dx, dy = 0.18 * span, 0.035 * span  # a label is wide and short
    chosen: list = []
    for v in candidates:
        x, y = pos[v]
        if all(abs(x - pos[c][0]) > dx or abs(y - pos[c][1]) > dy for c in chosen):
            chosen.append(v)
            if len(chosen) == n:
                break
    return chosen


def _short(label: str, width: int = 40) -> str:
    return label if len(label) <= width else label[: width - 1] + "\u2026"


def draw(G: nx.Graph, out: str | Path, fmt: str, title: str | None = None, top: int = 10,
         colour: str = "kind", label_style: str = "acronym") -> None:
    """Write ``G`` as ``svg``, ``png`` or ``html`` (SVG plus top-actor tables)."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    # A fixed hash salt and no date: the same graph gives the same SVG bytes; text as
    # <text> elements rather than glyph outlines.
    with matplotlib.rc_context({"svg.hashsalt": "tipgraph", "svg.fonttype": "none"}):
        fig = figure(G, title, colour=colour, label_style=label_style)
        try:
            if fmt in ("svg", "png"):
                metadata = {"Date": None} if fmt == "svg" else {}
                fig.savefig(out, format=fmt, metadata=metadata)
                return
            buf = io.StringIO()
            fig.savefig(buf, format="svg", metadata={"Date": None})
        finally:
            plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    Path(out).write_text(_html_page(G, svg, title, top), encoding="utf-8")


def _html_page(G: nx.Graph, svg: str, title: str | None, top: int) -> str:
    esc = html_lib.escape
    heading = esc(title or G.graph.get("title") or G.graph.get("selection") or "tipgraph network")
    tables = []
    for metric in METRICS:
        rows = top_actors(G, metric, top)
        if not rows:
            continue
        body = "".join(
            f"<tr><td>{r['rank']}</td><td>{esc(r['label'])}</td><td>{esc(r['kind'])}</td>"
            f"<td>{esc(r['country'] or '')}</td><td>{r['value']:.4g}</td></tr>"
            for r in rows
        )
        tables.append(f"<section><h2>{esc(metric.replace('_', ' '))}</h2><p>{esc(COUNTS[metric])}</p>"
                      "<table><tr><th>#</th><th>actor</th>"
                      f"<th>kind</th><th>country</th><th>value</th></tr>{body}</table></section>")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{heading}</title><style>body{{font-family:sans-serif;margin:1em 2em}}"
        "svg{max-width:100%;height:auto}table{border-collapse:collapse;margin-right:2em}"
        "td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}"
        ".tables{display:flex;flex-wrap:wrap;gap:1em}</style></head><body>"
        f"<h1>{heading}</h1><p>{G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
        f"{G.graph.get('communities', '?')} communities.</p>{svg}"
        f"<div class=\"tables\">{''.join(tables)}</div></body></html>\n"
    )
