"""GEXF 1.3 for Gephi, written as text in chunks (no tree, no per-element writer calls).

Why not ``networkx.write_gexf``? It writes 1.2draft (or 1.3 with a schema location
the RELAX NG grammar refuses), cannot write list values, and keeps overlapping
spells that Gephi rejects. This writer produces what the official RELAX NG schema
(``gexf.rng`` with ``viz.rng`` and ``dynamics.rng``) accepts and what Gephi opens
ready to look at:

* every node has a ``label``; static attributes are declared in
  ``<attributes class="node|edge" mode="static">``;
* ``viz:color`` by kind of actor (or by community), ``viz:size`` from a metric (PageRank
  by default) and ``viz:position`` from the seeded layout the pictures use;
* edge ``weight`` = number of meetings;
* ``mode="dynamic" timeformat="date"`` and ``<spells>`` from the meeting dates, so
  Gephi's timeline plays the co-operation over the years. ``timeline="meetings"``
  gives a spell per (merged) meeting period; ``timeline="cumulative"`` gives each
  element one open spell from its first meeting on, so the timeline shows the
  network growing. Elements with an undated meeting get no spell (always shown).

Lists (instruments, documents) are written as one string joined with `` | ``:
Gephi's list types differ between versions, a string filters everywhere.
Output is deterministic: nodes sorted by id, edges by (source, target).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import networkx as nx

from .. import __version__
from .data import paused_gc

NS = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
LIST_SEPARATOR = " | "
TIMELINES = ("meetings", "cumulative")

#: (attribute id = title, GEXF type), declared when some node (edge) has a value.
#: Titles equal ids so networkx's reader gives back the same keys.
NODE_ATTRIBUTES = [
    ("kind", "string"),
    ("country", "string"),
    ("iso_code", "string"),
    ("iri", "string"),
    ("meetings", "integer"),
    ("first_date", "string"),
    ("last_date", "string"),
    ("meeting_type", "string"),
    ("bipartite", "integer"),
    ("degree", "integer"),
    ("weighted_degree", "double"),
    ("betweenness", "double"),
    ("pagerank", "double"),
    ("community", "integer"),
    ("ego", "boolean"),
]
EDGE_ATTRIBUTES = [
    ("meetings", "integer"),
    ("first_date", "string"),
    ("last_date", "string"),
    ("instruments", "string"),
    ("documents", "string"),
    ("relation", "string"),
    ("relations", "string"),
    ("ratified", "boolean"),
]

#: RGB by kind; the same palette as the drawings (draw.py).
KIND_COLORS = {
    "organization": (31, 119, 180),
    "state": (214, 39, 40),
    "person": (44, 160, 44),
    "meeting": (148, 103, 189),
    "instrument": (255, 127, 14),
    "other": (127, 127, 127),
}
MIN_SIZE, MAX_SIZE = 4.0, 40.0
#: What the node colours show (``--colour``).
COLOURINGS = ("kind", "community")
#: RGB of communities 0, 1, ... (tab10, then its lighter half, greys left out); the
#: smaller communities beyond share SMALL_COMMUNITY.
COMMUNITY_COLORS = [
    (31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
    (140, 86, 75), (227, 119, 194), (188, 189, 34), (23, 190, 207),
    (174, 199, 232), (255, 187, 120), (152, 223, 138), (255, 152, 150), (197, 176, 213),
    (196, 156, 148), (247, 182, 210), (219, 219, 141), (158, 218, 229),
]
SMALL_COMMUNITY = (210, 210, 210)


def node_colors(G: nx.Graph, colour: str = "kind") -> dict:
    """Node -> RGB: by kind of actor, or by Louvain community (computed here when the
    metrics were not)."""
    if colour not in COLOURINGS:
        raise ValueError(f"colour must be one of {COLOURINGS}")
    if colour == "kind":
        return {v: KIND_COLORS.get(d.get("kind", "other"), KIND_COLORS["other"]) for v, d in G.nodes(data=True)}
    return {v: COMMUNITY_COLORS[c] if c < len(COMMUNITY_COLORS) else SMALL_COMMUNITY
            for v, c in community_of(G).items()}


def community_of(G: nx.Graph) -> dict:
    """Node -> community: the metrics' attribute, else Louvain computed now (same seed)."""
    if all("community" in d for _, d in G.nodes(data=True)):
        return {v: d["community"] for v, d in G.nodes(data=True)}
    from .metrics import communities

    return communities(G)

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    return _XML_BAD.sub("", str(value))


def _token(value: str) -> str:
    return " ".join(_text(value).split())


def node_sizes(G: nx.Graph, metric: str = "pagerank") -> dict:
    """Node sizes between MIN_SIZE and MAX_SIZE, scaled on ``metric`` (square root, so
    a hub does not dwarf everyone); falls back to weighted degree, then meetings."""
    for name in (metric, "weighted_degree", "meetings"):
        values = {v: float(d[name]) for v, d in G.nodes(data=True) if isinstance(d.get(name), (int, float))}
        if values:
            break
    else:
        return {v: (MIN_SIZE + MAX_SIZE) / 4 for v in G}
    lo, hi = min(values.values()), max(values.values())
    sizes = {}
    for v in G:
        x = values.get(v, lo)
        frac = ((x - lo) / (hi - lo)) ** 0.5 if hi > lo else 0.25
        sizes[v] = round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * frac, 3)
    return sizes


def _spells(periods: Iterable, timeline: str) -> list[dict[str, str]]:
    periods = list(periods or [])
    if not periods or timeline == "none":
        return []
    if timeline == "cumulative":
        return [{"start": periods[0][0].isoformat()}]
    return [{"start": s.isoformat(), "end": e.isoformat()} for s, e in periods]


def _declared(items: Iterable[dict], table) -> list[tuple[str, str]]:
    present: set[str] = set()
    for d in items:
        present.update(k for k, v in d.items() if v not in ("", None, [], ()))
    return [a for a in table if a[0] in present]


def write_gexf(
    G: nx.Graph,
    out: str | Path | IO[bytes],
    *,
    size_metric: str = "pagerank",
    timeline: str = "meetings",
    description: str | None = None,
    colour: str = "kind",
    positions: dict | None = None,
) -> None:
    """Write ``G`` (built by :mod:`tipgraph.network.build`) as GEXF 1.3.

    ``positions`` (node -> (x, y), :func:`tipgraph.network.layout.gexf_positions`)
    become ``viz:position``, so Gephi opens the graph laid out.
    """
    if timeline not in TIMELINES:
        raise ValueError(f"timeline must be one of {TIMELINES}")
    colors = node_colors(G, colour)
    node_attrs = _declared((d for _, d in G.nodes(data=True)), NODE_ATTRIBUTES)
    edge_attrs = _declared((d for _, _, d in G.edges(data=True)), EDGE_ATTRIBUTES)
    dynamic = timeline != "none" and (
        any(d.get("periods") for _, d in G.nodes(data=True))
        or any(d.get("periods") for _, _, d in G.edges(data=True))
    )
    sizes = node_sizes(G, size_metric)

    graph_attrs = {"defaultedgetype": "directed" if G.is_directed() else "undirected", "idtype": "string"}
    if dynamic:
        graph_attrs.update(mode="dynamic", timeformat="date", timerepresentation="interval")
    else:
        graph_attrs["mode"] = "static"

    parts: list[str] = ["<?xml version='1.0' encoding='UTF-8'?>\n",
                        f'<gexf xmlns="{NS}" xmlns:viz="{VIZ}" version="1.3">\n',
                        f"<meta><creator>{_esc_text(f'tipgraph {__version__}')}</creator><description>",
                        _esc_text(_text(description or G.graph.get("selection") or "tipgraph network")),
                        "</description></meta>\n", f"<graph{_attrs(graph_attrs)}>\n"]
    for cls, declared in (("node", node_attrs), ("edge", edge_attrs)):
        if declared:
            parts.append(f'<attributes class="{cls}" mode="static">')
            parts.extend(f'<attribute id="{aid}" title="{aid}" type="{atype}"></attribute>' for aid, atype in declared)
            parts.append("</attributes>\n")
    node_timeline = edge_timeline = timeline if dynamic else "none"
    with _binary(out) as fh, paused_gc():
        nodes = sorted(G.nodes(data=True), key=lambda item: str(item[0]))
        parts.append(f'<nodes count="{len(nodes)}">\n')
        for node, d in nodes:
            label = _token(d.get("label") or node) or str(node)
            parts.append(f'<node id="{_value(node)}" label="{_esc(label)}">')
            _attvalues(parts, d, node_attrs)
            _write_spells(parts, d.get("periods"), node_timeline)
            r, g, b = colors[node]
            parts.append(f'<viz:color r="{r}" g="{g}" b="{b}"></viz:color>')
            if positions and node in positions:
                x, y = positions[node]
                parts.append(f'<viz:position x="{float(x)!r}" y="{float(y)!r}" z="0.0"></viz:position>')
            parts.append(f'<viz:size value="{sizes[node]!r}"></viz:size></node>\n')
            if len(parts) > 20_000:
                _flush(fh, parts)
        edges = sorted(
            (tuple(sorted((str(a), str(b)))) if not G.is_directed() else (str(a), str(b)), d)
            for a, b, d in G.edges(data=True)
        )
        parts.append(f'</nodes><edges count="{len(edges)}">\n')
        for i, ((a, b), d) in enumerate(edges):
            weight = d.get("weight")
            w = f' weight="{float(weight)!r}"' if isinstance(weight, (int, float)) and weight >= 0 else ""
            parts.append(f'<edge id="{i}" source="{_value(a)}" target="{_value(b)}"{w}>')
            _attvalues(parts, d, edge_attrs)
            _write_spells(parts, d.get("periods"), edge_timeline)
            parts.append("</edge>\n")
            if len(parts) > 20_000:
                _flush(fh, parts)
        parts.append("</edges></graph>\n</gexf>")
        _flush(fh, parts)


_ATTR_ESCAPES = re.compile('[&<>"\n\r\t]')
_TEXT_ESCAPES = re.compile("[&<>\r]")


_ATTR_WORK = re.compile('[&<>"\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')


def _value(value) -> str:
    """``_esc(_text(value))`` with a fast path for the common case: 3M values at 50k actors."""
    kind = type(value)
    if kind is str:
        return value if _ATTR_WORK.search(value) is None else _esc(_text(value))
    if kind is int:
        return str(value)
    if kind is float:
        return repr(value)
    return _esc(_text(value))


def _esc(value: str) -> str:
    """An attribute value escaped as lxml (libxml2) escapes it, so the output stays byte-identical."""
    if _ATTR_ESCAPES.search(value) is None:
        return value
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;"))


def _esc_text(value: str) -> str:
    if _TEXT_ESCAPES.search(value) is None:
        return value
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attrs(attrs: dict[str, str]) -> str:
    return "".join(f' {k}="{_esc(v)}"' for k, v in attrs.items())


@contextmanager
def _binary(out: str | Path | IO[bytes]) -> Iterator[IO[bytes]]:
    """The file to write: opened (and closed) here for a path, else the caller's stream."""
    if isinstance(out, (str, Path)):
        with open(out, "wb") as fh:
            yield fh
    else:
        yield out


def _flush(fh: IO[bytes], parts: list[str]) -> None:
    fh.write("".join(parts).encode("utf-8"))
    parts.clear()


def _attvalues(parts: list[str], d: dict, declared) -> None:
    values = [(aid, d[aid]) for aid, _ in declared if d.get(aid) not in ("", None, [], ())]
    if not values:
        return
    parts.append("<attvalues>")
    parts.extend(f'<attvalue for="{aid}" value="{_value(value)}"></attvalue>' for aid, value in values)
    parts.append("</attvalues>")


def _write_spells(parts: list[str], periods, timeline: str) -> None:
    spells = _spells(periods, timeline)
    if not spells:
        return
    parts.append("<spells>")
    parts.extend(f"<spell{_attrs(spell)}></spell>" for spell in spells)
    parts.append("</spells>")
