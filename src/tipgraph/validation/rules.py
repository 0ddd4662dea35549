"""The checks SHACL cannot make on the delta alone, written by hand: one preferred label
per entity across all graphs, and tipgraph IRIs that nothing describes."""
from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from ..store.base import GraphStore
from .report import ValidationResult, _node_str, turtle_name


def label_conflicts(graph: Graph, stored_labels: dict[URIRef, set[tuple[Node, URIRef]]]) -> list[ValidationResult]:
    """A violation for each label the new data gives a node that the store names otherwise."""
    results: list[ValidationResult] = []
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
                            f'The store already names this node "{old}" (in graph {turtle_name(str(where))}); '
                            "an entity has exactly one preferred name (rdfs:label) across all graphs. "
                            "Use that name, or put this one in skos:altLabel."
                        ),
                        shape=None,
                        focus_term=node,
                        path_term=RDFS.label,
                        value_term=new,
                    )
                )
    return results


def _unknown_iri_results(graph: Graph, context: Graph, store: GraphStore | None, referenced: set[Node],
                         described: set[Node], label_of) -> list[ValidationResult]:
    """A violation for each tipgraph IRI that nothing describes, with the IRI probably meant."""
    from ..reference import registry_graph
    from ..unknown_iris import candidates, is_tipgraph_iri, kind_of, unknown_message

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
