"""One step from a row to its evidence: what the graph states about one node, and why.

``tipgraph show IRI|NAME`` answers "where does this come from?" for a fact (meeting,
programme, ratification) or an entity: its statements grouped by the graph that makes
them, each graph's document (title, source, date) and the evidence sentence(s) the
statements were read from, and how many facts name the node. Short IRIs, as tables
print them (``org/un``), are accepted, as are labels and acronyms.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from .namespaces import ID, ONTOLOGY_GRAPH, TIP, expand_short_iri, sparql_prefixes
from .rqfile import internal_query
from .store.base import GraphStore
from .store.binding import check_term

#: Statements shown in a source's heading rather than as rows.
_HEADING = (RDF.type, RDFS.label, PROV.wasDerivedFrom, TIP.evidence)
_FACT_CLASSES = ("Meeting", "PlannedMeeting", "Programme", "Ratification", "Person", "Organization")

_LABELS = """SELECT ?s (SAMPLE(?l) AS ?label) WHERE {{ VALUES ?s {{ {nodes} }} GRAPH ?g {{ ?s rdfs:label ?l }} }}
GROUP BY ?s"""
_DOCUMENTS = """SELECT ?d (SAMPLE(?t) AS ?title) (SAMPLE(?src) AS ?source) (SAMPLE(?date) AS ?issued) WHERE {{
  VALUES ?d {{ {docs} }}
  OPTIONAL {{ GRAPH ?g1 {{ ?d dcterms:title ?t }} }}
  OPTIONAL {{ GRAPH ?g2 {{ ?d dcterms:source ?src }} }}
  OPTIONAL {{ GRAPH ?g3 {{ ?d dcterms:issued ?date }} }}
}} GROUP BY ?d"""
_MENTIONS = """SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  GRAPH ?g {{ ?s ?p ?x FILTER(?p != prov:wasDerivedFrom) ?s a ?type }}
  FILTER(?type IN ({classes}))
}} GROUP BY ?type"""


class ShowError(LookupError):
    """Nothing to show: the IRI or name names no node of the store."""


@dataclass
class Statement:
    predicate: str
    value: str
    #: The value's rdfs:label when it is a node of the store.
    label: str | None = None
    is_iri: bool = False


@dataclass
class Source:
    """The statements one graph makes about the node, and the document behind them."""

    graph: str
    document: str | None = None
    title: str | None = None
    source: str | None = None
    date: str | None = None
    evidence: list[str] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


@dataclass
class Shown:
    iri: str
    label: str | None
    types: list[str]
    sources: list[Source]
    #: Facts and entities that name this node, by core class.
    mentioned_by: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        from dataclasses import asdict

        return asdict(self)


def expand_iri(text: str) -> URIRef | None:
    """The IRI ``text`` writes: ``<...>``, ``http(s)://...``, ``tipid:org/un`` or a short
    ``org/un`` as tables print it; None when it is a name."""
    from .namespaces import PREFIXES

    t = text.strip()
    if t.startswith("<") and t.endswith(">"):
        t = t[1:-1]
    if t.startswith(("http://", "https://", "urn:")):
        return URIRef(t)
    prefix, sep, local = t.partition(":")
    if sep and prefix in PREFIXES and local and " " not in local:
        return URIRef(PREFIXES[prefix] + local)
    short = expand_short_iri(t)
    return URIRef(short) if short else None


def resolve_node(store: GraphStore, text: str) -> URIRef:
    """The node ``text`` names: an IRI (any spelling of :func:`expand_iri`) or a label/acronym."""
    from .queries.lookup import candidates

    iri = expand_iri(text)
    if iri is not None:
        return iri
    found = []
    for kind in ("Actor", "Place", "LegalInstrument", "Programme"):
        found = candidates(store, text.strip(), kind)
        if found:
            break
    if not found:
        raise ShowError(f"no entity is called {text.strip()[:80]!r} (give a label, acronym or IRI such as org/un)")
    if len(found) > 1:
        listing = "\n".join(f"  {c.label} <{c.iri[len(ID):] if c.iri.startswith(ID) else c.iri}>" for c in found)
        raise ShowError(f"{text.strip()[:80]!r} names {len(found)} entities; give one of these:\n{listing}")
    return found[0].iri


def show(store: GraphStore, iri: URIRef) -> Shown:
    """Everything the store states about ``iri``, grouped by graph, with documents and evidence."""
    query = internal_query("node-statements")
    rows = [r for r in store.select(query.text, query.bindings(node=iri)).rows
            if r["g"] != ONTOLOGY_GRAPH]
    if not rows:
        from .suggest import closest
        from .unknown_iris import candidates as known, kind_of, short_iri

        kind = kind_of(str(iri))
        hint = ""
        if kind:
            names = known(store, [kind])
            best = closest(str(iri)[len(ID):], [k[len(ID):] for k in names])
            if best:
                hint = f"; did you mean {short_iri(str(ID) + best[0])} ({names[str(ID) + best[0]]})?"
        raise ShowError(f"nothing in the store is stated about <{iri}>{hint}")
    by_graph: dict[str, list] = defaultdict(list)
    for r in rows:
        by_graph[str(r["g"])].append((r["p"], r["o"]))
    nodes = {o for _, o in ((r["p"], r["o"]) for r in rows) if isinstance(o, URIRef)} | {iri}
    labels = _labels(store, nodes)
    docs = {o for r in rows if r["p"] == PROV.wasDerivedFrom and isinstance(o := r["o"], URIRef)}
    # a document's graph is named by the document: its statements come from it even
    # where a node carries no prov:wasDerivedFrom of its own
    documents = _documents(store, docs | {URIRef(g) for g in by_graph})
    types: set[str] = set()
    sources = []
    for graph, statements in by_graph.items():
        src = Source(graph=graph)
        for p, o in statements:
            if p == RDF.type:
                types.add(str(o))
            elif p == PROV.wasDerivedFrom and src.document is None:
                src.document = str(o)
                src.title, src.source, src.date = documents.get(str(o), (None, None, None))
            elif p == TIP.evidence:
                src.evidence.append(str(o))
            if p not in _HEADING or (p == PROV.wasDerivedFrom and str(o) != src.document):
                src.statements.append(Statement(str(p), str(o), labels.get(o), isinstance(o, URIRef)))
        if src.document is None and any(documents.get(graph, ())):
            src.document = graph
            src.title, src.source, src.date = documents[graph]
        sources.append(src)
    # documents with statements first, then the graphs that only name the node; each by date
    sources.sort(key=lambda s: (not s.statements, s.date or "", s.title or "", s.graph))
    return Shown(iri=str(iri), label=labels.get(iri), types=sorted(types), sources=sources,
                 mentioned_by=_mentions(store, iri))


def _labels(store: GraphStore, nodes: set) -> dict:
    out: dict = {}
    safe = sorted(nodes)
    for start in range(0, len(safe), 500):
        values = " ".join(check_term(n) for n in safe[start:start + 500])
        for r in store.select(sparql_prefixes() + _LABELS.format(nodes=values)).rows:
            if isinstance(r.get("label"), Literal):
                out[r["s"]] = str(r["label"])
    return out


def _documents(store: GraphStore, docs: set[URIRef]) -> dict[str, tuple]:
    if not docs:
        return {}
    values = " ".join(check_term(d) for d in sorted(docs))
    out = {}
    for r in store.select(sparql_prefixes() + _DOCUMENTS.format(docs=values)).rows:
        out[str(r["d"])] = tuple(str(r[k]) if r.get(k) is not None else None for k in ("title", "source", "issued"))
    return out


def _mentions(store: GraphStore, iri: URIRef) -> dict[str, int]:
    classes = ", ".join(check_term(TIP[c]) for c in _FACT_CLASSES)
    counts: Counter[str] = Counter()
    for r in store.select(sparql_prefixes() + _MENTIONS.format(classes=classes), {"x": iri}).rows:
        counts[str(r["type"])[len(TIP):]] += int(str(r["n"]))
    return dict(sorted(counts.items()))


def _short(iri: str) -> str:
    from .validation import turtle_name

    return f"<{iri[len(ID):]}>" if iri.startswith(str(ID)) else turtle_name(iri)


_PLURAL = {"Meeting": "meetings", "PlannedMeeting": "planned meetings", "Programme": "programmes",
           "Ratification": "ratifications", "Person": "persons", "Organization": "organizations"}


def to_text(shown: Shown, *, all_sources: bool = False) -> str:
    """Plain text for the terminal: the node, then each source with its statements and evidence.

    Graphs that only restate the node's type and name are summed up in one line unless
    ``all_sources``: a well-known actor is named in every document that mentions it.
    """
    lines = [f"{_short(shown.iri)}  {shown.label}" if shown.label else _short(shown.iri)]
    if shown.types:
        lines.append("  a " + ", ".join(_short(t) for t in shown.types))
    if shown.mentioned_by:
        lines.append("  named by " + ", ".join(f"{n} {_PLURAL.get(cls, cls)}" for cls, n in shown.mentioned_by.items()))
    naming_only = [s for s in shown.sources if not s.statements and not s.evidence]
    for src in shown.sources:
        if src in naming_only and not all_sources:
            continue
        lines.append("")
        lines.append(_source_heading(src))
        width = max((len(_short(st.predicate)) for st in src.statements), default=0)
        for st in src.statements:
            shown_value = (f"{st.label} {_short(st.value)}" if st.label else _short(st.value)) if st.is_iri else st.value
            lines.append(f"  {_short(st.predicate):<{width}}  {shown_value}")
        for ev in src.evidence:
            lines.append(f'  evidence: "{ev}"')
    if naming_only and not all_sources:
        lines.append("")
        titles = [s.title or _short(s.document or s.graph) for s in naming_only]
        more = f" and {len(titles) - 5} more" if len(titles) > 5 else ""
        lines.append(f"also named (type and name only) in {len(naming_only)} graph(s): "
                     + "; ".join(titles[:5]) + more + " (--all lists them)")
    return "\n".join(lines) + "\n"


def _source_heading(src: Source) -> str:
    if src.document is None:
        return f"graph {_short(src.graph)} (no source document)"
    parts = [f'"{src.title}"' if src.title else _short(src.document)]
    details = [d for d in (src.source, src.date) if d]
    if details:
        parts.append("(" + ", ".join(details) + ")")
    parts.append(_short(src.document))
    return "from " + " ".join(parts)
