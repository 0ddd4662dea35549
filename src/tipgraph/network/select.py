"""Which part of the network to look at.

A :class:`Selection` narrows the meetings first (time window, instrument, country),
then builds the view with the kinds of actor asked for, then cuts the ego network.
Meeting filters come first because they change edge weights: an edge restricted
to 2019 counts only the 2019 meetings.

Alternatively a stored query (``queries/NAME.rq``) or a ``.rq`` file defines the
graph itself: a SELECT with ``?source ?target`` or ``?actorA ?actorB`` (and optional
``?weight``/``?meetings``, ``?date``/``?first``/``?last``) yields edges, one with only ``?node`` yields nodes, and a CONSTRUCT
yields an edge for every triple between two IRIs.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import networkx as nx
from rdflib import URIRef
from rdflib.term import Identifier

from ..store.base import GraphStore
from .build import ALL_KINDS, DEFAULT_KINDS, bipartite_graph, cooperation_graph, ego_nodes, instrument_graph
from .data import Meeting, NetworkData, class_kinds, load_network_data, local_name
from .periods import merge_periods, overlaps, parse_period
from .resolve import ResolutionError, selection_iri

VIEWS = ("cooperation", "bipartite", "instruments")


class SelectionError(ValueError):
    """The selection cannot be made (unknown actor, bad date, bad query)."""


@dataclass
class Selection:
    """Which part of the network to build: the view, an ego and depth, a date range, instruments and countries."""

    view: str = "cooperation"
    ego: str | None = None
    depth: int = 1
    date_from: str | None = None
    date_to: str | None = None
    instruments: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    kinds: frozenset[str] | None = None
    #: Stored query name or path of a .rq file that yields the graph.
    query: str | None = None
    #: Terms bound to variables of the query (Python API).
    query_bindings: Mapping[str, Identifier] = field(default_factory=dict)
    #: ``--param NAME=VALUE`` as given: typed and resolved by the stored query's header
    #: (actor names to IRIs, dates) for a stored query; IRI or literal for a .rq file.
    query_params: Mapping[str, str] = field(default_factory=dict)
    #: Run a query with a SERVICE clause (the engine fetches the URL it names); refused if False.
    allow_service: bool = False

    def describe(self) -> str:
        """One line for the export's metadata."""
        parts = [f"view={self.view}"]
        if self.query:
            parts.append(f"query={self.query}")
        if self.ego:
            parts.append(f"ego={self.ego} depth={self.depth}")
        if self.date_from or self.date_to:
            parts.append(f"time={self.date_from or ''}..{self.date_to or ''}")
        if self.instruments:
            parts.append("instrument=" + ",".join(self.instruments))
        if self.countries:
            parts.append("country=" + ",".join(self.countries))
        if self.kinds:
            parts.append("kind=" + ",".join(sorted(self.kinds)))
        return " ".join(parts)


def parse_kinds(text: str | None) -> frozenset[str] | None:
    """``organization,state,person`` (singular or plural, any case) -> kinds."""
    if not text:
        return None
    kinds = set()
    for part in text.split(","):
        word = part.strip().lower()
        if not word:
            continue
        word = {"organisation": "organization", "org": "organization", "people": "person",
                "persons": "person", "organizations": "organization", "organisations": "organization",
                "states": "state", "country": "state", "countries": "state"}.get(word, word)
        if word not in {"organization", "state", "person"}:
            raise SelectionError(f"unknown kind {part.strip()!r} (use organization, state, person)")
        kinds.add(word)
    if not kinds:
        raise SelectionError("--kind needs at least one of organization, state, person")
    return frozenset(kinds)


def _window(sel: Selection) -> tuple[date | None, date | None]:
    start = end = None
    if sel.date_from:
        period = parse_period(sel.date_from)
        if period is None:
            raise SelectionError(f"--from {sel.date_from!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        start = period[0]
    if sel.date_to:
        period = parse_period(sel.date_to)
        if period is None:
            raise SelectionError(f"--to {sel.date_to!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        end = period[1]
    if start and end and start > end:
        raise SelectionError(f"--from {sel.date_from} is after --to {sel.date_to}")
    return start, end


def filter_meetings(
    data: NetworkData,
    start: date | None = None,
    end: date | None = None,
    instruments: Iterable[str] = (),
    countries: Iterable[str] = (),
) -> list[Meeting]:
    """Meetings in the window (undated ones drop out once a window is set), held under
    one of the instruments, held in one of the countries (:func:`held_in_country`)."""
    instruments, countries = set(instruments), set(countries)
    kept = []
    for m in data.meetings.values():
        if (start or end) and not any(overlaps(p, start, end) for p in m.periods):
            continue
        if instruments and not (m.instruments & instruments):
            continue
        if countries and not held_in_country(data, m, countries):
            continue
        kept.append(m)
    return kept


#: ``tip:partOf`` steps followed from a meeting's place up to its state. The stored query
#: ``who-met-whom`` spells the same steps out as a property path (Virtuoso fails on
#: ``tip:partOf*`` there), so both select the same meetings for a country.
PART_OF_STEPS = 3


def _within(data: NetworkData, iri: str, steps: int = PART_OF_STEPS) -> set[str]:
    """``iri`` and what it is part of, up to ``steps`` ``tip:partOf`` steps up."""
    found, frontier = {iri}, {iri}
    for _ in range(steps):
        up: set[str] = set()
        for x in frontier:
            actor = data.actors.get(x)
            up.update(actor.part_of if actor is not None else data.parents.get(x, ()))
        frontier = up - found
        found |= frontier
        if not frontier:
            break
    return found


def held_in_country(data: NetworkData, m: Meeting, countries: set[str]) -> bool:
    """Whether ``m`` was held in one of ``countries``: a ``tip:location`` of it is the
    state or a place within it (a city, a region).

    The rule of the stored query ``who-met-whom --param country=``, so that the network
    and the query select the same meetings. Who attended does not count: a meeting in
    Minsk that Russia's ministry attended is a meeting in Belarus (``--ego`` follows an
    actor wherever it met).
    """
    return any(_within(data, place) & countries for place in m.locations)


def restrict_periods(G: nx.Graph, start: date | None, end: date | None) -> None:
    """Clip spells to the window, so the timeline starts and ends where asked."""
    if not (start or end):
        return
    lo, hi = start or date.min, end or date.max

    def clip(periods):
        return merge_periods((max(s, lo), min(e, hi)) for s, e in periods if overlaps((s, e), start, end))

    for _, d in G.nodes(data=True):
        d["periods"] = clip(d.get("periods") or [])
    for _, _, d in G.edges(data=True):
        d["periods"] = clip(d.get("periods") or [])


def build_selection(store: GraphStore, sel: Selection, data: NetworkData | None = None) -> nx.Graph:
    """The graph that ``sel`` asks for, with node and edge attributes (no metrics yet)."""
    if sel.view not in VIEWS:
        raise SelectionError(f"unknown view {sel.view!r} (use {', '.join(VIEWS)})")
    if sel.depth < 0:
        raise SelectionError("--depth must be 0 or more")
    if sel.query and (sel.date_from or sel.date_to or sel.instruments or sel.countries or sel.kinds):
        raise SelectionError("--query defines the graph itself; combine it only with --ego/--depth")
    start, end = _window(sel)
    ego = None
    if sel.ego or sel.instruments or sel.countries:
        classes = class_kinds(store)
        if sel.ego:
            ego = _resolve(store, sel.ego, {"person", "organization", "state"}, classes, "actor", "--ego")
        instruments = [_resolve(store, i, {"instrument"}, classes, "instrument", "--instrument")
                       for i in sel.instruments]
        countries = [_resolve(store, c, {"state"}, classes, "country", "--country") for c in sel.countries]
    else:
        instruments, countries = [], []

    if data is None:
        data = load_network_data(store)
    if sel.query:
        G = query_graph(store, sel.query, data, sel.query_bindings, sel.query_params,
                        allow_service=sel.allow_service)
    else:
        kinds = sel.kinds or (ALL_KINDS if sel.view == "bipartite" else DEFAULT_KINDS)
        if ego and ego in data.actors and data.actors[ego].kind not in kinds:
            # Asking for a person's (or state's) ego network means keeping that kind.
            kinds = kinds | {data.actors[ego].kind}
        meetings = filter_meetings(data, start, end, instruments, countries)
        builder = {"cooperation": cooperation_graph, "bipartite": bipartite_graph,
                   "instruments": instrument_graph}[sel.view]
        if ego and sel.view == "cooperation":
            # Build only the ego's part: the BFS runs on the actor-meeting index.
            reached, meetings = ego_nodes(data, meetings, kinds, ego, sel.depth)
            G = cooperation_graph(data, meetings, kinds, only=reached)
        else:
            G = builder(data, meetings, kinds)
        if sel.view == "instruments" and (instruments or countries):
            # Ratification links are not meetings: restrict them here.
            drop = [n for n, d in G.nodes(data=True) if d.get("kind") == "instrument"
                    and instruments and n not in instruments]
            drop += [a for a, d in G.nodes(data=True) if countries and d.get("kind") == "state"
                     and a not in countries and not any(ed.get("meetings") for _, _, ed in G.edges(a, data=True))]
            G.remove_nodes_from(drop)
            G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0])
        restrict_periods(G, start, end)
    if ego is not None:
        if ego not in G:
            G = G.subgraph([]).copy()
            G.graph["note"] = f"{data.label(ego)} has no meetings in this selection"
        else:
            G = nx.ego_graph(G, ego, radius=sel.depth).copy()
            G.nodes[ego]["ego"] = True
    G.graph["selection"] = sel.describe()
    G.graph["title"] = selection_title(sel, data, G, ego, instruments, countries)
    return G


_VIEW_TITLES = {"cooperation": "Co-operation network", "bipartite": "Actors and meetings",
                "instruments": "Actors and instruments", "query": "Network"}


def selection_title(sel: Selection, data: NetworkData, G: nx.Graph, ego: str | None = None,
                    instruments: Iterable[str] = (), countries: Iterable[str] = ()) -> str:
    """What a picture of ``G`` shows, in words and with names rather than IRIs:
    "Co-operation network of IOM (depth 1): meetings held in Belarus, 2018 to 2020;
    organizations and states; 12 actors, 30 links"."""
    head = _VIEW_TITLES.get(sel.view, "Network")
    if sel.query:
        head = f"Network of query {Path(sel.query).name}"
    if ego:
        head += f" of {data.label(ego)} (depth {sel.depth})"
    parts = []
    meetings = []
    if countries:
        meetings.append("held in " + ", ".join(data.label(c) for c in countries))
    if instruments:
        meetings.append("under " + ", ".join(data.label(i) for i in instruments))
    if sel.date_from or sel.date_to:
        meetings.append(f"{sel.date_from or 'start'} to {sel.date_to or 'end'}")
    if meetings:
        parts.append("meetings " + ", ".join(meetings))
    if not sel.query:
        kinds = sorted(sel.kinds or (ALL_KINDS if sel.view == "bipartite" else DEFAULT_KINDS))
        words = {"organization": "organizations", "state": "states", "person": "persons"}
        folded = "" if "person" in kinds else " (persons folded into their affiliation)"
        parts.append(" and ".join(words[k] for k in kinds) + folded)
    actors = sum(1 for _, d in G.nodes(data=True) if d.get("kind") not in ("meeting", "instrument"))
    parts.append(f"{actors} actors, {G.number_of_edges()} links")
    return head + ": " + "; ".join(parts)


def _resolve(store: GraphStore, name: str, kinds: set[str], classes: dict[str, str], what: str,
             option: str) -> str:
    try:
        return selection_iri(store, name, kinds, classes, what, option)
    except ResolutionError as exc:
        raise SelectionError(str(exc)) from exc


def _file_bindings(params: Mapping[str, str]) -> dict[str, Identifier]:
    """``--param`` values for a .rq file: ``<iri>`` or ``http...`` -> IRI, else a literal."""
    from rdflib import Literal

    bindings: dict[str, Identifier] = {}
    for name, value in params.items():
        value = value.strip()
        if value.startswith("<") and value.endswith(">"):
            bindings[name] = URIRef(value[1:-1])
        elif value.startswith(("http://", "https://")):
            bindings[name] = URIRef(value)
        else:
            bindings[name] = Literal(value)
    return bindings


def query_text_and_bindings(
    store: GraphStore, name_or_path: str, bindings: Mapping[str, Identifier] | None,
    params: Mapping[str, str] | None,
) -> tuple[str, dict[str, Identifier]]:
    """A stored query by name (parameters typed and resolved by its header) or a .rq file."""
    path = Path(name_or_path)
    if path.suffix == ".rq" and path.is_file():
        return path.read_text(encoding="utf-8"), {**_file_bindings(params or {}), **(bindings or {})}
    from ..queries.params import QueryError
    from ..queries.runner import bind_parameters, get_query

    try:
        stored = get_query(name_or_path)
    except (QueryError, LookupError) as exc:
        raise SelectionError(f"no stored query or .rq file {name_or_path!r} ({exc})") from exc
    try:
        typed, _ = bind_parameters(store, stored, dict(params or {}))
    except (QueryError, ValueError) as exc:
        raise SelectionError(str(exc)) from exc
    return stored.text, {**typed, **(bindings or {})}


#: Variable pairs read as the two ends of an edge, and the variables read as its weight.
EDGE_VARIABLES = (("source", "target"), ("actorA", "actorB"))
WEIGHT_VARIABLES = ("weight", "meetings")


def query_graph(
    store: GraphStore, name_or_path: str, data: NetworkData,
    bindings: Mapping[str, Identifier] | None = None, params: Mapping[str, str] | None = None,
    *, allow_service: bool = False,
) -> nx.Graph:
    """The graph a query yields; nodes that are actors get their usual attributes.

    SELECT ``?source ?target`` (or ``?actorA ?actorB``, as ``who-met-whom`` does) with
    optional ``?weight`` (or ``?meetings``) and ``?date`` (or ``?first``/``?last``);
    SELECT ``?node``; or CONSTRUCT.
    """
    from .build import _actor_attrs

    from ..queries.service import ServiceNotAllowedError, check_no_service

    text, bound = query_text_and_bindings(store, name_or_path, bindings, params)
    try:
        check_no_service(text, allow_service=allow_service, where=f"query {name_or_path!r}")
    except ServiceNotAllowedError as exc:
        raise SelectionError(str(exc)) from exc
    form = _query_form(text)
    edges: dict[tuple[str, str], dict] = {}
    nodes: set[str] = set()
    try:
        if form == "CONSTRUCT":
            g = store.construct(text, bindings=bound)
            for s, p, o in g:
                if isinstance(s, URIRef) and isinstance(o, URIRef) and s != o:
                    a, b = sorted((str(s), str(o)))
                    e = edges.setdefault((a, b), {"weight": 0.0, "relations": set(), "periods": []})
                    e["weight"] += 1.0
                    e["relations"].add(local_name(str(p)))
        else:
            result = store.select(text, bindings=bound)
            names = set(result.variables)
            pair = next((pv for pv in EDGE_VARIABLES if set(pv) <= names), None)
            weight_var = next((w for w in WEIGHT_VARIABLES if w in names), None)
            if pair:
                for row in result:
                    s, t = row.get(pair[0]), row.get(pair[1])
                    if not isinstance(s, URIRef) or not isinstance(t, URIRef) or s == t:
                        continue
                    a, b = sorted((str(s), str(t)))
                    e = edges.setdefault((a, b), {"weight": 0.0, "relations": set(), "periods": []})
                    w = row.get(weight_var) if weight_var else None
                    try:
                        e["weight"] += float(w.toPython()) if w is not None else 1.0
                    except (TypeError, ValueError, AttributeError):
                        e["weight"] += 1.0
                    for var in ("date", "first", "last"):
                        if row.get(var) is not None:
                            period = parse_period(str(row[var]))
                            if period:
                                e["periods"].append(period)
            elif "node" in names:
                nodes.update(str(row["node"]) for row in result if isinstance(row.get("node"), URIRef))
            else:
                raise SelectionError(
                    "a network query must SELECT ?source ?target (or ?actorA ?actorB; optional ?weight "
                    "?date), SELECT ?node, or be a CONSTRUCT")
    except SelectionError:
        raise
    except Exception as exc:  # the engine's parse or evaluation error
        raise SelectionError(f"query {name_or_path!r} failed: {exc}") from exc

    G = nx.Graph(view="query")
    for a, b in edges:
        nodes.update((a, b))
    for n in sorted(nodes):
        G.add_node(n, **_actor_attrs(data, n))
        if n not in data.actors:
            G.nodes[n]["kind"] = "other"
    for (a, b) in sorted(edges):
        e = edges[(a, b)]
        periods = merge_periods(e["periods"])
        G.add_edge(a, b, weight=e["weight"], meetings=int(e["weight"]),
                   relations=sorted(e["relations"]), periods=periods,
                   first_date=periods[0][0].isoformat() if periods else "",
                   last_date=periods[-1][1].isoformat() if periods else "",
                   instruments=[], documents=[])
    for n, d in G.nodes(data=True):
        ps = [p for _, _, ed in G.edges(n, data=True) for p in ed["periods"]]
        all_dated = all(ed["periods"] for _, _, ed in G.edges(n, data=True))
        d["periods"] = merge_periods(ps) if all_dated and ps else []
        d["meetings"] = G.degree(n)
    return G


def _query_form(text: str) -> str:
    import re

    body = re.sub(r"<[^<>\s\"]*>", "<>", text)  # IRIs first: they may hold '#'
    body = re.sub(r"#[^\n]*", "", body)
    body = re.sub(r"(?is)^\s*(PREFIX\s+\S*\s*<[^>]*>\s*|BASE\s*<[^>]*>\s*)*", "", body)
    word = body.strip().split(None, 1)[0].upper() if body.strip() else ""
    return "CONSTRUCT" if word == "CONSTRUCT" else "SELECT"
