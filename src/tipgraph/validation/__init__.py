"""SHACL validation of new graphs in the context of the store (delta validation).

The package: :mod:`.report` (results and their forms), :mod:`.shapes` (shapes, ontology,
class hierarchy), :mod:`.context` (what the store holds of the nodes a graph names),
:mod:`.compiled` (the compiled engine: tipgraph's own SHACL evaluator, the default),
:mod:`.pyshacl_engine` (pyshacl, for shapes the compiled engine does not support) and
:mod:`.rules` (the hand-written checks). :func:`validate_graph` joins them.

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
from collections.abc import Collection, Iterable
from functools import lru_cache

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from ..namespaces import SH
from ..store.base import GraphStore
from .compiled import CompiledShapes, DataIndex, Unsupported
from .context import _as_graph, _fetch_context, _registry_context, _safe_iris
from .pyshacl_engine import _DataGraph, _run_shacl
from .report import (
    SEVERITIES,
    ValidationReport,
    ValidationResult,
    _distinct,
    _node_str,
    _path_str,
    _pick_message,
    _result_key,
    _shape_str,
    _value_str,
    turtle_name,
)
from .rules import _unknown_iri_results, label_conflicts
from .shapes import _class_hierarchy, ensure_ontology, ontology_graph, shapes_graph


@lru_cache(maxsize=1)
def _compiled_shapes() -> CompiledShapes | None:
    """The shapes compiled for :mod:`tipgraph.validation.compiled`, or None when they need pyshacl."""
    try:
        return CompiledShapes(shapes_graph())
    except Unsupported:
        return None


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
    data is checked on its own. ``engine``: ``"auto"`` runs :mod:`tipgraph.validation.compiled` when it supports the shapes
    (it does tipgraph's own), else pyshacl; ``"pyshacl"`` always runs pyshacl.

    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data=(
    ...     "<https://w3id.org/tipgraph/id/org/x> a <https://w3id.org/tipgraph/ontology#Organization> ."))
    >>> report = validate_graph(g)
    >>> report.conforms, sorted(turtle_name(r.path) for r in report.violations)
    (False, ['prov:wasDerivedFrom', 'rdfs:label'])
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
    fetched: Iterable[tuple[Node, Node, Node]]
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

    results.extend(label_conflicts(graph, stored_labels))

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


__all__ = [
    "SEVERITIES",
    "ValidationReport",
    "ValidationResult",
    "turtle_name",
    "ensure_ontology",
    "ontology_graph",
    "shapes_graph",
    "validate_graph",
]
