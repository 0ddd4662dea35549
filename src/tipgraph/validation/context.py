"""The store-context query: what the store holds of the nodes a new graph names (types,
labels, one source, their documents' types), from the entity summary where it can, and
the reference registry's stand-in when there is no store."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, ConjunctiveGraph
from rdflib.namespace import PROV, RDF, RDFS
from rdflib.term import Node

from ..namespaces import ONTOLOGY_GRAPH, sparql_prefixes
from ..store.base import GraphStore
from ..store.binding import BindingError, check_term

#: Largest VALUES list sent in one context query (documents need one query; big
#: steward batches a few).
CONTEXT_CHUNK = 5000


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
    from ..store.derived import TGD, entity_of, summary_node

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
        from ..store.derived import TGD, is_shared

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
    from ..reference import registry_graph

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
