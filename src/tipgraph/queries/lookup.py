"""Names to IRIs: an actor or instrument may be given by its label or acronym.

Analysts write "IOM" or "Palermo Protocol", not IRIs. A name is looked up in
``rdfs:label`` and ``skos:altLabel`` (and ``tip:isoCode`` for states) of entities of
the parameter's kind: an exact match first, then a case-insensitive one, then names
that contain it. One entity at the first level that finds any is the answer; more
than one is ambiguous and the candidates are shown. The name itself is a bound
literal in these lookups, like every other parameter.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef

from ..namespaces import TIP
from ..reference import subclasses
from ..rqfile import internal_query
from ..store.base import GraphStore
from .params import ParameterError

#: Core classes of each kind. Their subclasses come from the packaged ontology once
#: (an rdfs:subClassOf* walk inside the lookup made it take seconds on large stores).
KIND_CLASSES = {
    "Actor": ("Actor", "Person", "Organization", "State"),
    "Organization": ("Organization",),
    "State": ("State",),
    "Place": ("Place", "State"),
    "LegalInstrument": ("LegalInstrument",),
    "Programme": ("Programme",),
}

_PREFIXES = """PREFIX tip: <https://w3id.org/tipgraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

# ?_name is the bound name; the comparison differs per level.
# Entities are typed and labelled again in every graph that mentions them, so the
# type is an EXISTS test and labels are fetched per candidate afterwards: a union
# default graph may return every copy, and joins of copies multiply.
_LOOKUP = _PREFIXES + """SELECT DISTINCT ?entity ?_name WHERE {{
  {names}
  FILTER EXISTS {{ ?entity rdf:type ?type . FILTER(?type IN ({kinds})) }}
}}
ORDER BY ?entity
LIMIT 50
"""
_ANY_NAME = "{{ ?entity rdfs:label ?n }} UNION {{ ?entity skos:altLabel ?n }} UNION {{ ?entity tip:isoCode ?n }}"
_LEVELS = (
    # exact: the bound name in the triple patterns, so the store uses its indexes
    "{{ ?entity rdfs:label ?_name }} UNION {{ ?entity skos:altLabel ?_name }} UNION {{ ?entity tip:isoCode ?_name }}",
    _ANY_NAME + "\n  FILTER(LCASE(STR(?n)) = LCASE(STR(?_name)))",
    _ANY_NAME + "\n  FILTER(CONTAINS(LCASE(STR(?n)), LCASE(STR(?_name))))",
)


@dataclass(frozen=True)
class Candidate:
    """One entity a name may stand for, shown when the name is ambiguous."""

    iri: URIRef
    label: str

    def __str__(self) -> str:
        return f"{self.label} <{self.iri}>"


class UnknownEntityError(ParameterError):
    def __init__(self, parameter: str, name: str, kind: str):
        super().__init__(parameter, f"no {kind} is called {name[:80]!r} (label, acronym or IRI)")
        self.name = name


class AmbiguousEntityError(ParameterError):
    def __init__(self, parameter: str, name: str, candidates: list[Candidate]):
        listing = "\n".join(f"  {c}" for c in candidates)
        super().__init__(
            parameter, f"{name[:80]!r} names {len(candidates)} entities; give one of these (label or IRI):\n{listing}"
        )
        self.name = name
        self.candidates = candidates


def candidates(store: GraphStore, name: str, kind: str) -> list[Candidate]:
    """Entities of ``kind`` for ``name``, from the first match level that finds any."""
    kinds = ", ".join(f"<{c}>" for c in _kind_classes(kind))
    for names in _LEVELS:
        query = _LOOKUP.format(names=names.format(), kinds=kinds)
        result = store.select(query, {"_name": Literal(name)})
        iris = [row["entity"] for row in result.rows if isinstance(row.get("entity"), URIRef)]
        if iris:
            return sorted((Candidate(iri, _label(store, iri)) for iri in dict.fromkeys(iris)), key=lambda c: (c.label, c.iri))
    return []


def _kind_classes(kind: str) -> list[URIRef]:
    found: set[URIRef] = set()
    for core in KIND_CLASSES[kind]:
        found |= subclasses(TIP[core])
    return sorted(found)


def _label(store: GraphStore, iri: URIRef) -> str:
    query = internal_query("entity-label")
    rows = store.select(query.text, query.bindings(entity=iri)).rows
    return str(rows[0]["label"]) if rows else str(iri)


def iri_for_name(store: GraphStore, parameter: str, name: str, kind: str) -> URIRef:
    """The one IRI of ``kind`` that ``name`` stands for, else a clear error."""
    name = name.strip()
    if not name:
        raise ParameterError(parameter, "empty name")
    found = candidates(store, name, kind)
    if not found:
        raise UnknownEntityError(parameter, name, kind)
    if len(found) > 1:
        raise AmbiguousEntityError(parameter, name, found)
    return found[0].iri
