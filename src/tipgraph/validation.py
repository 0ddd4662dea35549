"""SHACL validation of new graphs in the context of the store (delta validation).

A document graph references actors, places and instruments that other graphs
describe. Validating it alone would call those references untyped; validating it
against the whole store would cost seconds per document. So a graph is validated
together with exactly the context it needs: the ontology (pyshacl's ``ont_graph``,
for the subclass axioms behind ``sh:class`` and ``sh:targetClass``) and, fetched
from the store with one SELECT, the ``rdf:type``, ``rdfs:label`` and
``prov:wasDerivedFrom`` of every node it names (subjects too: a node the data uses
without restating its type is still checked as what it is), plus the types of those
nodes' documents. Graphs about to be replaced are left out of the context, so a
document is never checked against its own previous version. Without a store, the
reference registry can stand in (``reference=True``).

Only results about nodes the new data describes (subjects in it) are reported, and
for a subject the store already holds, only results about a value the new data
states: the context holds a sliver of each stored node, so shapes that look at its
other properties would fail for want of data, not because of the new graph. Those
results are counted in :attr:`ValidationReport.ignored`, never silently lost. A
tipgraph IRI that neither the data nor the context knows is a violation of its own
(:mod:`tipgraph.unknown_iris`), and each result is reported once.

One check SHACL cannot make on the delta alone is added here: a node the new data
labels must not already carry a *different* ``rdfs:label`` in another graph, since
every entity has exactly one preferred name in the union of all graphs.
"""
from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, ConjunctiveGraph
from rdflib.namespace import PROV, RDF, RDFS
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Node

from . import resources
from .namespaces import ONTOLOGY_GRAPH, PREFIXES, SH, sparql_prefixes
from .shacl_engine import CompiledShapes, DataIndex, Unsupported
from .store.base import GraphStore
from .store.binding import BindingError, check_term

SEVERITIES = ("Violation", "Warning", "Info")
#: Largest VALUES list sent in one context query (documents need one query; big
#: steward batches a few).
CONTEXT_CHUNK = 5000


# -- shapes and ontology, parsed once per process ------------------------------
def _parse_files(paths: Iterable[Path]) -> Graph:
    g = Graph()
    for p in paths:
        g.parse(p, format="turtle")
    return g


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """All of ``shapes/*.ttl`` in one graph (cached: validation runs per document)."""
    return _parse_files(resources.shapes_files())


def ontology_graph() -> Graph:
    """The ontology (``ontology/*.ttl``), parsed once per process (shared with :mod:`tipgraph.reference`)."""
    from .reference import ontology_graph as reference_ontology

    return reference_ontology()


def ensure_ontology(store: GraphStore) -> bool:
    """Load the ontology into ``ONTOLOGY_GRAPH`` when absent or changed; True when it was (re)loaded.

    The check (a content hash kept in the graph) and the write are
    :func:`tipgraph.reference.ensure_reference_graphs`, so ingest and the steward
    commands agree on when the stored copy is current.
    """
    from .reference import ensure_reference_graphs

    return bool(ensure_reference_graphs(store, registry=False))


# -- the report -----------------------------------------------------------------
@dataclass(frozen=True)
class ValidationResult:
    severity: str
    focus: str
    focus_label: str | None
    path: str | None
    value: str | None
    message: str
    shape: str | None
    #: The file and line (1-based) where the focus node is described, when it came from a file.
    file: str | None = None
    line: int | None = None
    # The rdflib terms behind the strings, for the Turtle report.
    focus_term: Node | None = field(default=None, repr=False, compare=False)
    path_term: Node | None = field(default=None, repr=False, compare=False)
    value_term: Node | None = field(default=None, repr=False, compare=False)
    shape_term: Node | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict:
        # Not dataclasses.asdict: it deep-copies the rdflib terms, and copying an
        # ill-typed literal makes rdflib log a traceback.
        terms = ("focus_term", "path_term", "value_term", "shape_term")
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in terms}


@dataclass
class ValidationReport:
    results: list[ValidationResult] = field(default_factory=list)
    #: Results about stored context nodes that were not reported (see module docs).
    ignored: int = 0
    #: Seconds spent fetching context and validating.
    seconds: float = 0.0
    #: Number of triples validated (new data) and taken from the store as context.
    data_triples: int = 0
    context_triples: int = 0
    _source: Graph | None = field(default=None, repr=False, compare=False)

    @property
    def conforms(self) -> bool:
        return not any(r.severity == "Violation" for r in self.results)

    def count(self, severity: str) -> int:
        return sum(1 for r in self.results if r.severity == severity)

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Warning"]

    def extend(self, other: "ValidationReport") -> None:
        self.results.extend(other.results)
        self.results.sort(key=_result_key)
        self.ignored += other.ignored

    def locate(self, where: "dict[Node, tuple[str, int | None]]") -> None:
        """Give each result the file and line of its focus node (``where``: by focus term)."""
        import dataclasses

        self.results = [
            dataclasses.replace(r, file=where[r.focus_term][0], line=where[r.focus_term][1])
            if r.focus_term in where else r
            for r in self.results
        ]

    def summary(self) -> str:
        v, w, i = (self.count(s) for s in SEVERITIES)
        head = "conforms" if self.conforms else "does not conform"
        return f"{head}: {v} violation(s), {w} warning(s), {i} info(s)"

    def to_text(self) -> str:
        """Grouped by focus node: its label, then one line per result (path, value, message)."""
        lines = [self.summary()]
        groups: dict[str, list[ValidationResult]] = defaultdict(list)
        for r in self.results:
            groups[r.focus].append(r)
        for focus, results in groups.items():
            label, file, line = results[0].focus_label, results[0].file, results[0].line
            lines.append("")
            where = f"  ({file}:{line})" if file and line else (f"  ({file})" if file else "")
            lines.append(f"{curie(focus)}" + (f'  "{label}"' if label else "") + where)
            for r in results:
                where = curie(r.path) if r.path else "(node)"
                shown = curie(r.value) if isinstance(r.value_term, URIRef) else r.value
                value = f" = {_short(shown)}" if r.value is not None else ""
                lines.append(f"  {r.severity:<9} {where}{value}")
                lines.append(f"            {r.message}")
        if self.ignored:
            lines.append("")
            lines.append(
                f"({self.ignored} result(s) about stored nodes outside the new data not shown: "
                "the context holds only their types, labels and sources)"
            )
        return "\n".join(lines) + "\n"

    def to_json(self) -> str:
        return json.dumps(
            {
                "conforms": self.conforms,
                "violations": self.count("Violation"),
                "warnings": self.count("Warning"),
                "infos": self.count("Info"),
                "ignored": self.ignored,
                "results": [r.to_dict() for r in self.results],
            },
            indent=2,
            ensure_ascii=False,
        )

    def to_graph(self) -> Graph:
        """The SHACL validation report (``sh:ValidationReport``) of the reported results."""
        g = Graph()
        for p, ns in PREFIXES.items():
            g.bind(p, ns)
        report = BNode()
        g.add((report, RDF.type, SH.ValidationReport))
        g.add((report, SH.conforms, Literal(self.conforms)))
        for r in self.results:
            node = BNode()
            g.add((report, SH.result, node))
            g.add((node, RDF.type, SH.ValidationResult))
            g.add((node, SH.resultSeverity, SH[r.severity]))
            g.add((node, SH.focusNode, r.focus_term if r.focus_term is not None else URIRef(r.focus)))
            g.add((node, SH.resultMessage, Literal(r.message)))
            for prop, term in ((SH.resultPath, r.path_term), (SH.value, r.value_term), (SH.sourceShape, r.shape_term)):
                if term is None:
                    continue
                g.add((node, prop, term))
                if isinstance(term, BNode) and self._source is not None:
                    for t in self._source.cbd(term):
                        g.add(t)
        return g

    def to_turtle(self) -> str:
        return self.to_graph().serialize(format="turtle")


def curie(iri: str | None) -> str:
    if iri is None:
        return ""
    for p, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{p}:{iri[len(ns):]}"
    return iri if iri.startswith("_:") or " " in iri else f"<{iri}>"


def _short(value: str, limit: int = 120) -> str:
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "\u2026"


_SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


def _result_key(r: ValidationResult):
    return (r.focus, _SEVERITY_ORDER.get(r.severity, 9), r.path or "", r.message, r.value or "")


# -- validation -----------------------------------------------------------------
@lru_cache(maxsize=1)
def _class_hierarchy() -> Graph:
    """The ontology's class and property hierarchy: all that SHACL Core uses of it.

    Mixing these few dozen axioms into each document's data graph instead of the
    whole ontology saves most of the per-document cost of pyshacl's ``ont_graph``.
    Read from the ontology as parsed: the canonical blank-node labels of the stored
    copy cost ~0.3 s a process and no axiom here has a blank node.
    """
    from .reference import parsed_ontology

    onto = parsed_ontology()
    g = Graph()
    for p in (RDFS.subClassOf, RDFS.subPropertyOf):
        for s, o in onto.subject_objects(p):
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                g.add((s, p, o))
    return g


@lru_cache(maxsize=1)
def _shapes_graph_harvested():
    """pyshacl's parsed shapes, harvested once per process instead of once per validation.

    Harvesting the shapes and mixing in an ontology are most of the fixed cost of a
    ``pyshacl.validate`` call, and a call per document paid them again every time
    (see docs/performance.md). The shapes do not change while the process runs.
    """
    from pyshacl.shapes_graph import ShapesGraph

    sg = ShapesGraph(shapes_graph())
    sg.shapes  # noqa: B018 - the property harvests and caches the shapes
    return sg


def _run_shacl(data_graph: Graph) -> Graph:
    """``pyshacl.validate(data_graph, shapes, advanced=True, inplace=True)`` with the cached shapes: the results graph."""
    from pyshacl.errors import ValidationFailure
    from pyshacl.graph_abstraction import DataGraph
    from pyshacl.monkey import apply_patches
    from pyshacl.validator import Validator, assign_baked_in

    apply_patches()
    assign_baked_in()
    options = {"inference": "none", "inplace": True, "advanced": True,  # SHACL-SPARQL constraints
               "allow_warnings": True, "allow_infos": True}
    validator = Validator(DataGraph.from_rdflib(data_graph), shacl_graph=shapes_graph(), options=options)
    validator.shacl_graph = _shapes_graph_harvested()
    try:
        _, results_graph, _ = validator.run()
    except ValidationFailure as exc:  # pyshacl's own failure (a broken shape), not a result
        raise RuntimeError(f"SHACL validation failed: {exc}") from exc
    return results_graph


@lru_cache(maxsize=1)
def _compiled_shapes() -> CompiledShapes | None:
    """The shapes compiled for :mod:`tipgraph.shacl_engine`, or None when they need pyshacl."""
    try:
        return CompiledShapes(shapes_graph())
    except Unsupported:
        return None


@lru_cache(maxsize=256)
def _prepared(query: str):
    return prepareQuery(query)


class _DataGraph(Graph):
    """A data graph that parses each SHACL-SPARQL query once per process, not once per focus node."""

    def query(self, query_object, *args, **kwargs):
        if isinstance(query_object, str):
            try:
                query_object = _prepared(query_object)
            except Exception:  # let rdflib report its own error on the text
                pass
        return super().query(query_object, *args, **kwargs)


def _as_graph(data: Graph | Dataset) -> tuple[Graph, set[URIRef]]:
    """The new triples as one graph, and the graph names they will replace."""
    if isinstance(data, (Dataset, ConjunctiveGraph)):
        g = Graph()
        names: set[URIRef] = set()
        for ctx in data.contexts():
            if isinstance(ctx.identifier, URIRef) and ctx.identifier != DATASET_DEFAULT_GRAPH_ID and len(ctx):
                names.add(ctx.identifier)
            for t in ctx:
                g.add(t)
        return g, names
    names = {data.identifier} if isinstance(data.identifier, URIRef) else set()
    return data, names


def _node_str(node: Node) -> str:
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def _path_str(graph: Graph, path: Node) -> str:
    """A property path as a string (simple paths as IRIs, the rest in SPARQL-like form)."""
    if isinstance(path, URIRef):
        return str(path)
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + curie(_path_str(graph, inverse))
    alts = graph.value(path, SH.alternativePath)
    if alts is not None:
        return "|".join(curie(_path_str(graph, p)) for p in graph.items(alts))
    items = list(graph.items(path))
    if items:
        return "/".join(curie(_path_str(graph, p)) for p in items)
    return _node_str(path)


def _value_str(value: Node) -> str:
    return _node_str(value) if not isinstance(value, Literal) else str(value)


def _pick_message(results_graph: Graph, result: Node, shape: Node | None) -> str:
    """The most specific message: the constraint's own, else one that is not the node shape's summary."""
    messages = sorted(str(m) for m in results_graph.objects(result, SH.resultMessage))
    if not messages:
        return "does not conform to the shape"
    constraint = results_graph.value(result, SH.sourceConstraint)
    if constraint is not None:
        own = sorted(str(m) for m in results_graph.objects(constraint, SH.message))
        if own:
            return own[0]
    if shape is not None and len(messages) > 1:
        summary = {str(m) for m in shapes_graph().objects(shape, SH.message)}
        specific = [m for m in messages if m not in summary]
        if specific:
            return specific[0]
    return messages[0]


def _shape_str(shape: Node | None) -> str | None:
    """The source shape's IRI; for an anonymous property shape, its node shape's IRI and name."""
    if shape is None:
        return None
    if isinstance(shape, URIRef):
        return str(shape)
    shapes = shapes_graph()
    parent = shapes.value(predicate=SH.property, object=shape)
    name = shapes.value(shape, SH.name)
    if isinstance(parent, URIRef):
        return f"{parent}" + (f" ({name})" if name is not None else "")
    return str(name) if name is not None else None


# Context queries are bounded by the number of nodes asked about, not by how many
# documents mention them: a well-known actor is typed and labelled in every document
# graph, so rows are DISTINCT, and one source document per node is enough. Predicates
# are fixed in each pattern (a VALUES list of predicates makes Oxigraph scan).
# The first query returns, for the referenced nodes, their types and labels and one
# prov:wasDerivedFrom; and for the nodes the new data labels, the labels stored for
# them with one graph holding each. The second asks for those documents' types.
_CONTEXT_QUERY = """
SELECT ?kind ?s ?p ?o ?where WHERE {{
  {{ {{ SELECT DISTINCT ?s ?p ?o WHERE {{
       VALUES ?s {{ {refs} }}
       {{ GRAPH ?g {{ ?s rdf:type ?o }} BIND(rdf:type AS ?p) }}
       UNION
       {{ GRAPH ?g {{ ?s rdfs:label ?o }} BIND(rdfs:label AS ?p) }}
       FILTER(?g NOT IN ({not_in})) }} }}
     BIND("context" AS ?kind) }}
  UNION
  {{ {{ SELECT ?s (SAMPLE(?d) AS ?o) WHERE {{
       VALUES ?s {{ {refs} }} GRAPH ?g {{ ?s prov:wasDerivedFrom ?d }} FILTER(?g NOT IN ({not_in})) }}
       GROUP BY ?s }}
     BIND(prov:wasDerivedFrom AS ?p) BIND("context" AS ?kind) }}
  UNION
  {{ SELECT ?s ?o (SAMPLE(?g) AS ?where) ("label" AS ?kind) WHERE {{
       VALUES ?s {{ {labelled} }} GRAPH ?g {{ ?s rdfs:label ?o }} FILTER(?g NOT IN ({not_in})) }}
     GROUP BY ?s ?o }}
}}"""
_DOCUMENT_TYPES_QUERY = """
SELECT DISTINCT ?s ?o WHERE {{
  VALUES ?s {{ {docs} }} GRAPH ?g {{ ?s rdf:type ?o }} FILTER(?g NOT IN ({not_in}))
}}"""


_LABEL_GRAPH_QUERY = """
SELECT ?where WHERE {{ GRAPH ?where {{ {s} rdfs:label {o} }} FILTER(?where NOT IN ({not_in})) }} LIMIT 1"""


def _summary_context(
    store: GraphStore, nodes: list[URIRef], excluded: Collection[URIRef]
) -> tuple[dict[URIRef, dict[URIRef, set[Node]]], set[URIRef]]:
    """Types, labels and one source of shared entities, from the entity summary
    (store/derived.py): rows in proportion to the nodes asked about. Also the nodes that a
    graph being replaced describes (their summary counts that graph: they take the exact query)."""
    from .store.derived import TGD, entity_of, summary_node

    found: dict[URIRef, dict[URIRef, set[Node]]] = defaultdict(lambda: defaultdict(set))
    for n, p, o in store.summary_facts((summary_node(x) for x in nodes), (TGD.type, TGD.label, TGD.source)):
        found[entity_of(n)][p].add(o)
    asked = set(nodes)
    stale = {entity_of(n) for n, _ in store.summary_subjects(TGD.graph, excluded)} & asked if excluded else set()
    return found, stale


def _fetch_context(
    store: GraphStore, referenced: list[URIRef], labelled: list[URIRef], excluded: Collection[URIRef],
    graph: Graph | None = None,
) -> tuple[Graph, dict[URIRef, set[tuple[Node, URIRef]]]]:
    """Context triples for referenced nodes, and stored labels (with a graph) of labelled nodes.

    Shared entities are read from the store's entity summary when it has one: rows in
    proportion to the nodes asked about, not to the documents that repeat them. Other
    nodes (and entities that a graph being replaced describes) take the exact query.
    """
    context = Graph()
    stored_labels: dict[URIRef, set[tuple[Node, URIRef]]] = defaultdict(set)
    docs: set[URIRef] = set()
    not_in = ", ".join(check_term(g) for g in sorted({*excluded, ONTOLOGY_GRAPH}))
    if store.has_derived_layout():
        from .store.derived import TGD, is_shared

        shared = sorted({n for n in (*referenced, *labelled) if is_shared(n)})
        summary, stale = _summary_context(store, shared, excluded)
        ref_set, lab_set = set(referenced), set(labelled)
        for node in shared:
            if node in stale:
                continue
            facts = summary.get(node, {})
            if node in ref_set:
                for t in facts.get(TGD.type, ()):
                    context.add((node, RDF.type, t))
                for label in facts.get(TGD.label, ()):
                    context.add((node, RDFS.label, label))
                for d in sorted(facts.get(TGD.source, ()), key=str)[:1]:
                    context.add((node, PROV.wasDerivedFrom, d))
                    if isinstance(d, URIRef):
                        docs.add(d)
            new_labels = set(graph.objects(node, RDFS.label)) if graph is not None else set()
            for label in facts.get(TGD.label, ()) if node in lab_set else ():
                if label in new_labels:
                    continue  # the same name: nothing to report, no graph to find
                rows = store.select(sparql_prefixes() + _LABEL_GRAPH_QUERY.format(
                    s=check_term(node), o=check_term(label), not_in=not_in)).rows
                if rows:
                    stored_labels[node].add((label, rows[0]["where"]))
        referenced = [n for n in referenced if not is_shared(n) or n in stale]
        labelled = [n for n in labelled if not is_shared(n) or n in stale]
    refs = [check_term(u) for u in referenced]
    labs = [check_term(u) for u in labelled]
    for start in range(0, max(len(refs), len(labs)), CONTEXT_CHUNK):
        query = sparql_prefixes() + _CONTEXT_QUERY.format(
            refs=" ".join(refs[start : start + CONTEXT_CHUNK]),
            labelled=" ".join(labs[start : start + CONTEXT_CHUNK]),
            not_in=not_in,
        )
        for row in store.select(query):
            if str(row["kind"]) == "context":
                context.add((row["s"], row["p"], row["o"]))
                if row["p"] == PROV.wasDerivedFrom and isinstance(row["o"], URIRef):
                    docs.add(row["o"])
            else:
                stored_labels[row["s"]].add((row["o"], row["where"]))
    doc_list = [check_term(d) for d in _safe_iris(docs)]
    for start in range(0, len(doc_list), CONTEXT_CHUNK):
        query = sparql_prefixes() + _DOCUMENT_TYPES_QUERY.format(
            docs=" ".join(doc_list[start : start + CONTEXT_CHUNK]), not_in=not_in
        )
        for row in store.select(query):
            context.add((row["s"], RDF.type, row["o"]))
    return context, stored_labels


def _safe_iris(nodes: Iterable[Node]) -> list[URIRef]:
    out = []
    for n in nodes:
        try:
            check_term(n)
        except BindingError:
            continue  # an IRI that cannot be written will be refused when stored anyway
        out.append(n)
    return sorted(out)


def _registry_context(nodes: Iterable[Node]) -> list[tuple[Node, Node, Node]]:
    """Without a store, what the reference registry says of ``nodes`` (type, label, source).

    Every store holds the registry (ingest loads it), so a file that names IOM or Kenya
    by their registry IRIs is not "wrong" just because no store was given.
    """
    from .reference import registry_graph

    reg = registry_graph()
    out: list[tuple[Node, Node, Node]] = []
    docs: set[Node] = set()
    for node in nodes:
        for p in (RDF.type, RDFS.label, PROV.wasDerivedFrom):
            for o in reg.objects(node, p):
                out.append((node, p, o))
                if p == PROV.wasDerivedFrom:
                    docs.add(o)
    for d in docs:
        out.extend((d, RDF.type, o) for o in reg.objects(d, RDF.type))
    return out


def _unknown_iri_results(graph: Graph, context: Graph, store: GraphStore | None, referenced: set[Node],
                         described: set[Node], label_of) -> list[ValidationResult]:
    """A violation for each tipgraph IRI that nothing describes, with the IRI probably meant."""
    from .reference import registry_graph
    from .unknown_iris import candidates, is_tipgraph_iri, kind_of, unknown_message

    known = set(context.subjects(RDF.type)) | set(context.subjects(RDFS.label)) | set(graph.subjects(RDF.type))
    objects = sorted(n for n in referenced if is_tipgraph_iri(n) and n not in known)
    untyped = sorted(n for n in described if is_tipgraph_iri(n) and n not in known)
    if not objects and not untyped:
        return []
    kinds = {k for n in (*objects, *untyped) if (k := kind_of(str(n)))}
    names = candidates(store, kinds, extra=(graph, registry_graph()))
    out = []
    for node in objects:
        message = unknown_message(str(node), names)
        for s, p in sorted(graph.subject_predicates(node)):
            out.append(ValidationResult(
                severity="Violation", focus=_node_str(s), focus_label=label_of(s), path=str(p),
                value=str(node), message=message, shape=None, focus_term=s, path_term=p, value_term=node))
    for node in untyped:
        out.append(ValidationResult(
            severity="Violation", focus=str(node), focus_label=label_of(node), path=str(RDF.type), value=None,
            message=unknown_message(str(node), names, subject=True), shape=None, focus_term=node,
            path_term=RDF.type))
    return out


def _distinct(results: list[ValidationResult]) -> list[ValidationResult]:
    """Each result once: shapes shared by several node shapes report the same value twice;
    and for an unknown IRI, only the unknown-IRI result (its sh:class failure says less)."""
    unknown = {(r.focus, r.path, r.value) for r in results if r.shape is None and r.message.startswith("unknown IRI")}
    seen: set[tuple] = set()
    out = []
    for r in results:
        key = (r.severity, r.focus, r.path, r.value, r.message)
        if key in seen or (r.shape is not None and (r.focus, r.path, r.value) in unknown):
            continue
        seen.add(key)
        out.append(r)
    return out


def validate_graph(
    data: Graph | Dataset,
    store: GraphStore | None = None,
    *,
    replacing: Collection[URIRef] = (),
    engine: str = "auto",
    reference: bool = False,
) -> ValidationReport:
    """Validate new data against the shapes, with targeted context from ``store``.

    ``replacing`` names the graphs this data will replace (left out of the context);
    a Graph whose identifier is an IRI, and every named graph of a Dataset, count too.
    ``reference``: without a store, take the context from the reference registry (as
    ``tipgraph validate`` does), and report IRIs that neither knows; with neither, the
    data is checked on its own. ``engine``: ``"auto"`` runs :mod:`tipgraph.shacl_engine` when it supports the shapes
    (it does tipgraph's own), else pyshacl; ``"pyshacl"`` always runs pyshacl.
    """
    import time

    t0 = time.perf_counter()
    graph, names = _as_graph(data)
    excluded = set(replacing) | names
    subjects = set(graph.subjects())
    rdf_type, rdfs_label = URIRef(str(RDF.type)), URIRef(str(RDFS.label))  # not the slow namespace lookup per triple
    referenced = {
        o for _, p, o in graph if isinstance(o, URIRef) and p != rdf_type and o not in subjects
    }
    described = {s for s in subjects if isinstance(s, URIRef)}
    labelled = {s for s in graph.subjects(rdfs_label) if isinstance(s, URIRef)}

    # Every IRI of the new data is validated with what the store holds for it (types,
    # labels, a source): a node the data uses without restating its type is still
    # checked as what it is. Nodes that state their own label keep only that one here;
    # a different stored label is the label check's business below.
    context = Graph()
    stored_labels: dict[URIRef, set[tuple[Node, URIRef]]] = {}
    if store is not None and (referenced or described):
        fetched, stored_labels = _fetch_context(
            store, _safe_iris(referenced | described), _safe_iris(labelled), excluded, graph
        )
    elif store is None and reference:
        fetched = _registry_context(referenced | described)
    else:
        fetched = []
    for t in fetched:
        if not (t[1] == rdfs_label and t[0] in labelled):
            context.add(t)
    #: Subjects of the new data that the store already holds: the data adds to them.
    stored = {s for s in context.subjects() if s in described}

    def data_triples():
        # The class hierarchy is what pyshacl's ont_graph would mix in, without its per-call cost.
        return itertools.chain(graph, context, _class_hierarchy())

    def build_data_graph() -> Graph:
        data_graph = _DataGraph()
        for t in data_triples():
            data_graph.add(t)
        return data_graph

    compiled = _compiled_shapes() if engine != "pyshacl" else None
    if compiled is not None:
        index = DataIndex(data_triples())
        results_graph = compiled.results_graph(compiled.validate(index))

        def label_of(node: Node) -> str | None:
            labels = index.objects(node, rdfs_label)
            return str(labels[0]) if labels else None
    else:
        data_graph = build_data_graph()
        results_graph = _run_shacl(data_graph)

        def label_of(node: Node) -> str | None:
            label = data_graph.value(node, RDFS.label)
            return str(label) if label is not None else None

    results: list[ValidationResult] = []
    ignored = 0
    for r in results_graph.subjects(RDF.type, SH.ValidationResult):
        focus = results_graph.value(r, SH.focusNode)
        if focus not in subjects:
            ignored += 1
            continue
        severity = results_graph.value(r, SH.resultSeverity)
        path = results_graph.value(r, SH.resultPath)
        value = results_graph.value(r, SH.value)
        if focus in stored and not (isinstance(path, URIRef) and value is not None and (focus, path, value) in graph):
            # A stored node the data adds to: the context holds a sliver of it, so only
            # what the new data states about it (a value of its own) can be judged.
            ignored += 1
            continue
        shape = results_graph.value(r, SH.sourceShape)
        message = _pick_message(results_graph, r, shape)
        results.append(
            ValidationResult(
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                focus=_node_str(focus),
                focus_label=label_of(focus),
                path=_path_str(results_graph, path) if path is not None else None,
                value=_value_str(value) if value is not None else None,
                message=message,
                shape=_shape_str(shape),
                focus_term=focus,
                path_term=path,
                value_term=value,
                shape_term=shape if isinstance(shape, URIRef) else None,
            )
        )

    for node, stored in stored_labels.items():
        new_labels = set(graph.objects(node, RDFS.label))
        for old, where in sorted(stored):
            if old in new_labels:
                continue
            for new in sorted(new_labels):
                results.append(
                    ValidationResult(
                        severity="Violation",
                        focus=str(node),
                        focus_label=str(new),
                        path=str(RDFS.label),
                        value=str(new),
                        message=(
                            f'The store already names this node "{old}" (in graph {curie(str(where))}); '
                            "an entity has exactly one preferred name (rdfs:label) across all graphs. "
                            "Use that name, or put this one in skos:altLabel."
                        ),
                        shape=None,
                        focus_term=node,
                        path_term=RDFS.label,
                        value_term=new,
                    )
                )

    if store is not None or reference:  # with nothing to look IRIs up in, none is "unknown"
        results.extend(_unknown_iri_results(graph, context, store, referenced, described, label_of))
    results = _distinct(results)
    results.sort(key=_result_key)
    return ValidationReport(
        results=results,
        ignored=ignored,
        seconds=time.perf_counter() - t0,
        data_triples=len(graph),
        context_triples=len(context),
        _source=results_graph,
    )
