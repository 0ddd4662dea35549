"""networkx graphs from :class:`~tipgraph.network.data.NetworkData`.

Three views of the same meetings:

* **co-operation** (``cooperation_graph``): actors joined when they took part in the
  same meeting; edge weight = number of meetings, with first and last date, the
  instruments and documents of those meetings. Persons are folded into their
  affiliation unless ``person`` is among the kinds kept ("IOM met the Prosecutor's
  Office" when IOM's chief of mission met them).
* **bipartite** (``bipartite_graph``): actors and meetings, an edge per participation,
  plus person -> affiliation edges when persons are kept.
* **instruments** (``instrument_graph``): actor - instrument links, from meetings held
  under the instrument and from ratifications.

Every node and edge carries ``periods`` (merged day intervals) for time spells.
"""
from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from .data import Meeting, NetworkData, paused_gc
from .periods import merge_periods

DEFAULT_KINDS = frozenset({"organization", "state"})
ALL_KINDS = frozenset({"organization", "state", "person"})


def actor_nodes(data: NetworkData, iri: str, kinds: frozenset[str]) -> list[str]:
    """The node(s) that stand for participant ``iri`` under the kinds kept."""
    actor = data.actors.get(iri)
    if actor is None:
        # Untyped participant (the shapes should prevent it): keep it as an organization.
        return [iri] if "organization" in kinds else []
    if actor.kind in kinds:
        return [iri]
    if actor.kind == "person":
        return [a for a in actor.affiliations if a in data.actors and data.actors[a].kind in kinds]
    return []


def _actor_attrs(data: NetworkData, iri: str) -> dict:
    actor = data.actors.get(iri)
    if actor is None:
        return {"label": data.label(iri), "kind": "organization", "iri": iri, "country": "", "iso_code": ""}
    country = data.actors.get(actor.country) if actor.country else None
    return {
        "label": actor.label,
        "kind": actor.kind,
        "iri": iri,
        "country": country.label if country else "",
        "iso_code": (country.iso_code or "") if country else "",
    }


class _Summaries:
    """Node and edge attributes from the meetings behind them.

    Most edges stand for one meeting, so a meeting's own summary is computed once and
    shared (its lists are never mutated afterwards); that keeps a 50k-actor build fast.
    """

    def __init__(self, data: NetworkData) -> None:
        self.data = data
        self._single: dict[str, dict] = {}
        self._labels: dict[str, tuple[set[str], set[str]]] = {}

    def __call__(self, meetings: list[Meeting]) -> dict:
        if len(meetings) == 1:
            m = meetings[0]
            cached = self._single.get(m.iri)
            if cached is None:
                cached = self._single[m.iri] = self._compute(meetings)
            return dict(cached)
        return self._compute(meetings)

    def _meeting_labels(self, m: Meeting) -> tuple[set[str], set[str]]:
        """Labels of a meeting's instruments and documents, once per meeting (an actor's
        summary reads every meeting of the actor)."""
        found = self._labels.get(m.iri)
        if found is None:
            label = self.data.label
            found = self._labels[m.iri] = ({label(i) for i in m.instruments}, {label(d) for d in m.documents})
        return found

    def _compute(self, meetings: list[Meeting]) -> dict:
        periods = merge_periods(p for m in meetings for p in m.periods)
        dated_all = all(m.periods for m in meetings)
        instruments: set[str] = set()
        documents: set[str] = set()
        for m in meetings:
            ins, docs = self._meeting_labels(m)
            instruments |= ins
            documents |= docs
        return {
            "meetings": len(meetings),
            "first_date": periods[0][0].isoformat() if periods else "",
            "last_date": periods[-1][1].isoformat() if periods else "",
            "instruments": sorted(instruments),
            "documents": sorted(documents),
            # Undated meetings mean the element is not bound to a time: no spells.
            "periods": periods if dated_all else [],
        }


def meeting_nodes(data: NetworkData, m: Meeting, kinds: frozenset[str]) -> set[str]:
    """The actor nodes of one meeting, persons folded as ``kinds`` asks."""
    nodes: set[str] = set()
    for participant in m.participants:
        nodes.update(actor_nodes(data, participant, kinds))
    return nodes


def ego_nodes(
    data: NetworkData, meetings: Iterable[Meeting], kinds: frozenset[str], ego: str, depth: int
) -> tuple[set[str], list[Meeting]]:
    """Actors within ``depth`` co-operation hops of ``ego``, and the meetings among them.

    A breadth-first search on the actor-meeting index, so an ego network of a big
    store is built from its own meetings instead of cut from the whole graph.
    """
    by_actor: dict[str, list[tuple[Meeting, set[str]]]] = {}
    for m in meetings:
        nodes = meeting_nodes(data, m, kinds)
        for a in nodes:
            by_actor.setdefault(a, []).append((m, nodes))
    reached, frontier = {ego}, {ego}
    for _ in range(depth):
        nxt: set[str] = set()
        for a in frontier:
            for _, nodes in by_actor.get(a, ()):
                nxt |= nodes
        frontier = nxt - reached
        reached |= frontier
        if not frontier:
            break
    seen: dict[str, Meeting] = {}
    for a in reached:
        for m, _ in by_actor.get(a, ()):
            seen[m.iri] = m
    return reached, list(seen.values())


def cooperation_graph(
    data: NetworkData, meetings: Iterable[Meeting], kinds: frozenset[str] = DEFAULT_KINDS,
    only: set[str] | None = None,
) -> nx.Graph:
    """Actors joined by shared meetings (clique per meeting); ``only`` keeps those actors."""
    with paused_gc():
        return _cooperation_graph(data, meetings, kinds, only)


def _cooperation_graph(
    data: NetworkData, meetings: Iterable[Meeting], kinds: frozenset[str], only: set[str] | None
) -> nx.Graph:
    node_meetings: dict[str, list[Meeting]] = {}
    edge_meetings: dict[tuple[str, str], list[Meeting]] = {}
    for m in meetings:
        nodes = meeting_nodes(data, m, kinds)
        if only is not None:
            nodes &= only
        ordered = sorted(nodes)
        for i, a in enumerate(ordered):
            node_meetings.setdefault(a, []).append(m)
            for b in ordered[i + 1:]:
                edge_meetings.setdefault((a, b), []).append(m)
    summary = _Summaries(data)
    G = nx.Graph(view="cooperation")
    # One add_*_from over prepared tuples: add_edge per edge with keyword
    # attributes cost seconds at 377k edges (docs/performance.md).
    G.add_nodes_from((iri, {**_actor_attrs(data, iri), **summary(node_meetings[iri])}) for iri in sorted(node_meetings))
    G.add_edges_from((a, b, _met(summary(edge_meetings[(a, b)]))) for (a, b) in sorted(edge_meetings))
    if "person" in kinds:
        _add_affiliations(data, G, kinds)
    _fix_node_periods(G)
    return G


def _met(attrs: dict) -> dict:
    """Attributes of a co-operation edge: weight and relation first, then the meetings' summary."""
    return {"weight": float(attrs["meetings"]), "relation": "met", **attrs}


def _add_affiliations(data: NetworkData, G: nx.Graph, kinds: frozenset[str]) -> None:
    """Tie each person kept as a node to their affiliation, so "IOM's chief of mission
    met the prosecutor" still connects IOM. The edge spans the person's spells."""
    for iri in sorted(G):
        actor = data.actors.get(iri)
        if actor is None or actor.kind != "person":
            continue
        for org in actor.affiliations:
            if org not in data.actors or data.actors[org].kind not in kinds:
                continue
            if G.has_edge(iri, org):
                G.edges[iri, org]["relation"] = "met+affiliation"
                continue
            if org not in G:
                G.add_node(org, **_actor_attrs(data, org), **_Summaries(data)([]))
                if G.graph.get("view") == "bipartite":
                    G.nodes[org]["bipartite"] = 0
            person = G.nodes[iri]
            always = person["meetings"] and not person["periods"]
            G.add_edge(iri, org, weight=1.0, relation="affiliation", meetings=0, first_date=person["first_date"],
                       last_date=person["last_date"], instruments=[], documents=[],
                       periods=[] if always else list(person["periods"]))


def bipartite_graph(
    data: NetworkData, meetings: Iterable[Meeting], kinds: frozenset[str] = ALL_KINDS
) -> nx.Graph:
    """Actors (``bipartite=0``) and meetings (``bipartite=1``)."""
    G = nx.Graph(view="bipartite")
    summary = _Summaries(data)
    actor_meetings: dict[str, list[Meeting]] = {}
    for m in sorted(meetings, key=lambda m: m.iri):
        attrs = summary([m])
        place = ", ".join(sorted(data.label(p) for p in m.locations))
        when = m.dates[0] if m.dates else "undated"
        G.add_node(
            m.iri, label=f"{m.type_name} {when}" + (f", {place}" if place else ""), kind="meeting",
            iri=m.iri, country="", iso_code="", bipartite=1, meeting_type=m.type_name, **attrs,
        )
        for participant in sorted(m.participants):
            for node in actor_nodes(data, participant, kinds):
                actor_meetings.setdefault(node, []).append(m)
                role = "organizer" if participant in m.organizers else "participant"
                G.add_edge(node, m.iri, weight=1.0, relation=role, **attrs)
    for iri in sorted(actor_meetings):
        G.add_node(iri, bipartite=0, **_actor_attrs(data, iri), **summary(actor_meetings[iri]))
    if "person" in kinds:
        _add_affiliations(data, G, kinds)
    _fix_node_periods(G)
    return G


def instrument_graph(
    data: NetworkData, meetings: Iterable[Meeting], kinds: frozenset[str] = DEFAULT_KINDS
) -> nx.Graph:
    """Actor - instrument links: meetings held under the instrument, and ratifications."""
    summary = _Summaries(data)
    edge_acc: dict[tuple[str, str], list[Meeting]] = {}
    for m in meetings:
        if not m.instruments:
            continue
        nodes: set[str] = set()
        for participant in m.participants:
            nodes.update(actor_nodes(data, participant, kinds))
        for a in nodes:
            for i in m.instruments:
                edge_acc.setdefault((a, i), []).append(m)
    ratified = {(s, i) for s, i in data.ratified if data.actors.get(s) and data.actors[s].kind in kinds}
    G = nx.Graph(view="instruments")
    pairs = sorted(set(edge_acc) | ratified)
    for a, i in pairs:
        if a not in G:
            G.add_node(a, bipartite=0, **_actor_attrs(data, a))
        if i not in G:
            G.add_node(i, bipartite=1, label=data.label(i), kind="instrument", iri=i, country="", iso_code="")
        attrs = summary(edge_acc.get((a, i), []))
        if (a, i) not in edge_acc:
            attrs["periods"] = []  # a ratification without a meeting: not bound to a meeting date
        did_ratify = (a, i) in ratified
        G.add_edge(a, i, weight=float(attrs["meetings"] + (1 if did_ratify else 0)), ratified=did_ratify, **attrs)
    for n, d in G.nodes(data=True):
        # Node summaries from the edges around it.
        periods = [p for _, _, ed in G.edges(n, data=True) for p in ed["periods"]]
        d["meetings"] = sum(ed["meetings"] for _, _, ed in G.edges(n, data=True))
        merged = merge_periods(periods)
        d["first_date"] = merged[0][0].isoformat() if merged else ""
        d["last_date"] = merged[-1][1].isoformat() if merged else ""
        d["instruments"], d["documents"] = [], []
        d["periods"] = merged
    _fix_node_periods(G)
    return G


def _fix_node_periods(G: nx.Graph) -> None:
    """Make every node exist whenever one of its edges does.

    An edge without spells is there all the time, so its ends must be too; a node's
    spells must also cover its edges' spells, or Gephi reports the edge as dangling.
    """
    adj = G.adj
    for n, d in G.nodes(data=True):
        own = d.get("periods") or []
        edge_periods = []
        always = not own and d.get("meetings", 0) > 0
        for ed in adj[n].values():
            if not ed.get("periods"):
                always = True
                break
            edge_periods.extend(ed["periods"])
        d["periods"] = [] if always else merge_periods(list(own) + edge_periods)
