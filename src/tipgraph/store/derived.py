"""The derived layout: one summary per shared entity, kept beside the document graphs.

Every document graph repeats the type, label and source of each entity it mentions,
so a busy actor has thousands of copies, and any question asked of the union of the
graphs ("what is this entity called", "which entities exist") pays for all of them.
The summary answers those questions with one row per entity. For each shared entity
(person, organization, state, place, legal instrument: the IRIs under the prefixes of
:data:`SHARED`) the graph :data:`DERIVED_GRAPH` holds, on a summary node of its own
(:func:`summary_node`, never the entity itself, so no pattern over the entity's own
triples sees it):

* ``tgd:type`` each class the entity has in some graph,
* ``tgd:label`` each ``rdfs:label`` it has in some graph (one, as the shapes ask),
* ``tgd:key`` the normalised name key of each label (what resolution compares),
* ``tgd:graph`` each graph that describes it (the documents that mention it),
* ``tgd:source`` one ``prov:wasDerivedFrom`` value (the least, as text: the same whatever
  the order the graphs were written in),
* ``tgd:entity`` the entity itself, on every summary node that has a label: the way in
  for a query that holds an entity (``?n tgd:entity ?x ; tgd:label ?l`` is two index
  lookups, where ``?x rdfs:label ?l`` reads every copy, a thousand for a busy actor,
  and computing the node's IRI with ``BIND(IRI(...))`` is slower still on Oxigraph).
  :data:`LINKS_MARK` says every node has it; a summary built before it existed is
  rebuilt once by ``ensure_derived_layout``.

The stores change it in the same transaction as the graphs it summarises (the
embedded store in the same Oxigraph update, the remote one in the same request), so a
crash leaves both or neither. :func:`plan` computes the change from the old and new
triples of the graphs being written, with reads bounded by the entities those graphs
touch: a removed type or label is deleted only when no other graph still has it (one
``ASK`` each, which stops at the first other graph). A store written before the layout
existed (or bulk-loaded) has no :data:`LAYOUT_MARK`; :func:`full_layout` builds the
whole summary once from the graphs. The keys are those of the name matching that wrote
them: :func:`key_mark` names its version, and a store whose keys another version wrote
is rebuilt once (``GraphStore.ensure_derived_layout``), since resolution looks stored
names up by key (``tipgraph.stored_names``).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from ..namespaces import ID, KIND_SEGMENT
from ..rqfile import internal_query

TGD = Namespace("https://w3id.org/tipgraph/derived#")
#: The named graph of the summaries (under the instance base, so remote stores count it as tipgraph's).
DERIVED_GRAPH = URIRef(f"{ID}graph/derived")
#: Summary nodes live here: the entity IRI with its ``ID`` prefix replaced.
SUMMARY_BASE = "https://w3id.org/tipgraph/derived/"
#: Present once the summary is complete (written with the first summary or by a full build).
LAYOUT_MARK = (DERIVED_GRAPH, TGD.layout, Literal("1"))
#: Present once every summary node with a label links to its entity (``tgd:entity``).
LINKS_MARK = (DERIVED_GRAPH, TGD.entityLinks, Literal("1"))
#: Entities shared between documents: they are summarised.
SHARED = tuple(f"{ID}{KIND_SEGMENT[k]}/" for k in ("Person", "Organization", "State", "Place", "LegalInstrument"))
#: Core classes, for the kind of an entity.
CORE_CLASSES = ("Person", "Organization", "State", "Place", "LegalInstrument")

_TYPE, _LABEL, _SOURCE, _GRAPH = "type", "label", "source", "graph"
_FROM = {RDF.type: _TYPE, RDFS.label: _LABEL, PROV.wasDerivedFrom: _SOURCE}
_SOURCE_PREDICATE = {_TYPE: RDF.type, _LABEL: RDFS.label, _SOURCE: PROV.wasDerivedFrom}

Triple = tuple
#: The summary graph as a bound variable: Virtuoso, given the ``default-graph-exclude``
#: lines of its prologue, finds nothing in ``GRAPH <constant>`` (but does with a variable).
_IN_SUMMARY = f"VALUES ?summaries {{ <{DERIVED_GRAPH}> }} GRAPH ?summaries"


@lru_cache(maxsize=1 << 16)
def summary_node(entity: str | URIRef) -> URIRef:
    """The summary node of a shared entity (cached: a write asks for the same few nodes many times)."""
    return URIRef(SUMMARY_BASE + str(entity)[len(str(ID)):])


def entity_of(node: str | URIRef) -> URIRef:
    """The entity a summary node summarises."""
    return URIRef(str(ID) + str(node)[len(SUMMARY_BASE):])


def is_shared(node) -> bool:
    """Whether ``node`` is a shared entity (person, organization, state, place, instrument), which gets a summary."""
    return isinstance(node, URIRef) and str(node).startswith(SHARED)


@lru_cache(maxsize=1)
def key_mark() -> Triple:
    """The summary's mark of the name matching its ``tgd:key`` values were computed with
    (a digest of ``resolution/matching.py``): keys of another version are rebuilt."""
    import hashlib
    from pathlib import Path

    source = Path(__file__).resolve().parent.parent / "resolution" / "matching.py"
    return (DERIVED_GRAPH, TGD.keyVersion, Literal(hashlib.sha1(source.read_bytes()).hexdigest()[:16]))


def keys_current(store) -> bool:
    """Were the stored keys computed by this version's name matching (cached once true)?"""
    if getattr(store, "_derived_keys_ready", False):
        return True
    s, p, o = key_mark()
    ready = store.ask(f"ASK {{ {_IN_SUMMARY} {{ {_nt(s)} {_nt(p)} {_nt(o)} }} }}")
    if ready:
        store._derived_keys_ready = True
    return ready


@lru_cache(maxsize=1 << 16)
def name_key(label: str) -> str:
    """The normalised key of a label (cached: the same labels recur in every document)."""
    from ..resolution.matching import normalize

    return normalize(label)


def contributions(graph: URIRef, triples: Iterable[Triple]) -> set[tuple]:
    """What one graph tells the summary: ``(entity, part, value)`` facts."""
    out: set[tuple] = set()
    for s, p, o in triples:
        part = _FROM.get(p)
        if part is None or not is_shared(s):
            continue
        if part == _LABEL:
            o = Literal(str(o), lang=getattr(o, "language", None))
        out.add((s, part, o))
        out.add((s, _GRAPH, graph))
    return out


@dataclass
class Change:
    """Triples of :data:`DERIVED_GRAPH` to delete and to insert."""

    deletes: list[Triple] = field(default_factory=list)
    inserts: list[Triple] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.deletes or self.inserts)


def _summary_triple(entity, part: str, value) -> Triple:
    return (summary_node(entity), TGD[part], value)


def _entity_triple(entity) -> Triple:
    return (summary_node(entity), TGD.entity, entity)


def _key_triple(entity, label) -> Triple:
    return (summary_node(entity), TGD.key, Literal(name_key(str(label))))


def _nt(term) -> str:
    from .binding import check_term

    return check_term(term)


def _current(store, entities: Iterable[URIRef]) -> dict[URIRef, dict[str, set]]:
    """The stored labels and source of these entities' summaries."""
    found: dict[URIRef, dict[str, set]] = defaultdict(lambda: {_LABEL: set(), _SOURCE: set()})
    for n, p, o in store.summary_facts((summary_node(e) for e in entities), (TGD.label, TGD.source)):
        found[entity_of(n)][_LABEL if p == TGD.label else _SOURCE].add(o)
    return found


def _elsewhere(store, entity, part: str, value, batch: Iterable[URIRef]) -> bool:
    """Does a graph outside ``batch`` (and the summary) still say this?"""
    return store.said_outside(entity, _SOURCE_PREDICATE[part], value, batch)


def _least_other_source(store, entity, batch: Iterable[URIRef]):
    """The least source that graphs outside ``batch`` name (reads every copy: only when the least one goes)."""
    not_in = ", ".join(_nt(g) for g in sorted({*batch, DERIVED_GRAPH}))
    rows = store.select(
        f"SELECT DISTINCT ?d WHERE {{ GRAPH ?g {{ {_nt(entity)} {_nt(PROV.wasDerivedFrom)} ?d }} "
        f"FILTER(?g NOT IN ({not_in})) }}"
    ).rows
    return min((r["d"] for r in rows), key=str) if rows else None


def plan(store, old: Mapping[URIRef, Iterable[Triple]], new: Mapping[URIRef, Iterable[Triple]]) -> Change:
    """The summary change that writing ``new`` over ``old`` makes (graphs by name).

    ``old`` holds the stored triples of the graphs being replaced or dropped (absent or
    empty for new graphs), ``new`` their new triples (empty for a drop). ``store`` is read
    (before the write) only about the entities these graphs touch.
    """
    batch = set(old) | set(new)
    before: set[tuple] = set()
    after: set[tuple] = set()
    for g, triples in old.items():
        before |= contributions(g, triples)
    for g, triples in new.items():
        after |= contributions(g, triples)
    added, removed = after - before, before - after
    change = Change()
    if not added and not removed:
        return change
    touched = {e for e, _, _ in added | removed}
    current = _current(store, touched)
    new_sources: dict[URIRef, list] = defaultdict(list)
    for e, part, v in after:
        if part == _SOURCE:
            new_sources[e].append(v)
    gone_labels: dict[URIRef, set] = defaultdict(set)
    for e, part, v in sorted(removed, key=lambda c: (str(c[0]), c[1], str(c[2]))):
        if part == _GRAPH:
            change.deletes.append(_summary_triple(e, part, v))
        elif part == _SOURCE:
            continue  # handled below: the summary keeps one source
        elif not _elsewhere(store, e, part, v, batch):
            change.deletes.append(_summary_triple(e, part, v))
            if part == _LABEL:
                gone_labels[e].add(v)
    added_labels: dict[URIRef, set] = defaultdict(set)
    for e, part, v in sorted(added, key=lambda c: (str(c[0]), c[1], str(c[2]))):
        if part == _SOURCE:
            continue
        change.inserts.append(_summary_triple(e, part, v))
        if part == _LABEL:
            added_labels[e].add(v)
            change.inserts.append(_key_triple(e, v))
    for e in added_labels:
        change.inserts.append(_entity_triple(e))
    for e, labels in gone_labels.items():
        remaining = (current[e][_LABEL] - labels) | added_labels[e]
        if not remaining:
            change.deletes.append(_entity_triple(e))
        kept_keys = {name_key(str(x)) for x in remaining}
        for label in labels:
            if name_key(str(label)) not in kept_keys:
                change.deletes.append(_key_triple(e, label))
    # One source per entity, the least (as text) of those the graphs name, as a full build has it.
    for e in sorted(touched, key=str):
        stored = sorted(current[e][_SOURCE], key=str)
        candidates = list(new_sources[e])
        for s in stored:
            fact = (e, _SOURCE, s)
            # still named by a new graph, by a graph outside the batch, or (asked) by another one
            if fact in after or fact not in before or _elsewhere(store, e, _SOURCE, s, batch):
                candidates.append(s)
            else:
                other = _least_other_source(store, e, batch)  # the least source was removed: rare
                if other is not None:
                    candidates.append(other)
        keep = min(candidates, key=str) if candidates else None
        for s in stored:
            if s != keep:
                change.deletes.append(_summary_triple(e, _SOURCE, s))
        if keep is not None and keep not in stored:
            change.inserts.append(_summary_triple(e, _SOURCE, keep))
    if not store_has_layout(store):
        change.inserts.append(LAYOUT_MARK)
        change.inserts.append(key_mark())
        change.inserts.append(LINKS_MARK)
    return change


def full_layout(graphs: Iterable[tuple[URIRef, Iterable[Triple]]]) -> list[Triple]:
    """The whole summary from every graph's triples (``(name, triples)`` pairs)."""
    facts: set[tuple] = set()
    for g, triples in graphs:
        if g == DERIVED_GRAPH:
            continue
        facts |= contributions(g, triples)
    out: list[Triple] = [LAYOUT_MARK, key_mark(), LINKS_MARK]
    sources: dict[URIRef, list] = defaultdict(list)
    for e, part, v in facts:
        if part == _SOURCE:
            sources[e].append(v)
            continue
        out.append(_summary_triple(e, part, v))
        if part == _LABEL:
            out.append(_key_triple(e, v))
            out.append(_entity_triple(e))
    for e, vs in sources.items():
        out.append(_summary_triple(e, _SOURCE, min(vs, key=str)))
    return list(dict.fromkeys(out))


def store_has_layout(store) -> bool:
    """Is the summary of ``store`` complete (cached once true: it is never removed)?"""
    return _has_mark(store, LAYOUT_MARK, "_derived_ready")


def store_has_entity_links(store) -> bool:
    """Does every summary node of ``store`` link to its entity (cached once true), so that
    queries may read labels from the summary (:data:`LINKS_MARK`)?"""
    return _has_mark(store, LINKS_MARK, "_links_ready")


def _has_mark(store, mark: Triple, cached: str) -> bool:
    """Whether the summary holds ``mark``; a mark is never removed, so a yes is kept on the
    store object under ``cached``."""
    if getattr(store, cached, False):
        return True
    s, p, o = mark
    ready = store.ask(f"ASK {{ {_IN_SUMMARY} {{ {_nt(s)} {_nt(p)} {_nt(o)} }} }}")
    if ready:
        setattr(store, cached, True)
    return ready


def store_is_empty(store) -> bool:
    """No graph holds a shared entity yet (a new store): the summary starts empty and complete."""
    return not store.ask(internal_query("store-has-graphs").text)


__all__ = ["CORE_CLASSES", "Change", "DERIVED_GRAPH", "LAYOUT_MARK", "LINKS_MARK", "SHARED", "SUMMARY_BASE", "TGD",
           "contributions", "entity_of", "full_layout", "key_mark", "keys_current", "plan", "store_has_entity_links",
           "store_has_layout",
           "summary_node"]
