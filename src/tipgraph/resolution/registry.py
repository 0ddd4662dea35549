"""The reference registry: well-known actors, instruments, states and places.

The data are YAML files in ``data/`` (hand-written) plus pycountry; this module turns
them into :class:`~tipgraph.model.Entity` objects with IRIs from their registry ids
(states: their ISO code), and into RDF for the registry's named graph. Loading is
cached per process: every Resolver shares one Registry.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import pycountry
import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from ..model import Entity
from ..namespaces import ID, TIP, entity_iri
from . import national_bodies as nb
from .places import build_places
from .states import StateRecord, build_states, short_name, with_article

DATA_DIR = Path(__file__).resolve().parent / "data"
DATA_FILES = ("registry.yaml", "states.yaml", "places.yaml")
REGISTRY_DOCUMENT = ID["document/registry"]

_SECTIONS = {"organizations": "Organization", "instruments": "LegalInstrument", "programmes": "Programme"}


@dataclass
class Registry:
    """All registry entities, with the indexes resolution needs besides names."""

    entities: tuple[Entity, ...]
    version: str
    content_hash: str
    states: dict[str, StateRecord]  #: by ISO code
    by_id: dict[str, Entity]
    by_iri: dict[str, Entity] = field(default_factory=dict)
    #: (national body key, ISO code) -> the registry entity that is that body
    body_overrides: dict[tuple[str, str], Entity] = field(default_factory=dict)
    #: treaty IRI -> the IRIs of the protocols that supplement it
    protocols: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_iri = {e.iri: e for e in self.entities}

    def __len__(self) -> int:
        return len(self.entities)

    def __hash__(self) -> int:  # identity: used as a cache key
        return id(self)

    def state_of(self, entity: Entity | None) -> Entity | None:
        """The state an entity belongs to, following tip:partOf (a state is its own)."""
        seen = 0
        while entity is not None and seen < 10:
            if entity.kind == "State":
                return entity
            entity = self.by_iri.get(entity.part_of) if entity.part_of else None
            seen += 1
        return None

    def protocols_of(self, treaty: Entity) -> list[Entity]:
        """The registry's protocols that supplement ``treaty`` ("the Protocol to the Forced
        Labour Convention" names the protocol through its treaty)."""
        return [self.by_iri[i] for i in self.protocols.get(treaty.iri, ())]

    def state_record(self, state: Entity) -> StateRecord | None:
        """The registry's record (demonyms, names) of ``state``, or None for a state it does not list."""
        return self.states.get(state.iso_code or "")

    def national_body(self, key: str, state: Entity) -> Entity | None:
        """The one entity of national body ``key`` in ``state`` (registry override or generated)."""
        body = nb.BODY_BY_KEY[key]
        if body.is_state:
            return state
        override = self.body_overrides.get((key, state.iso_code or ""))
        if override is not None:
            return override
        rec = self.state_record(state)
        owner = self.by_id.get(body.owner) if body.owner else None
        return nb.make_body(
            body,
            state,
            with_article(state.label),
            demonyms=rec.demonyms if rec else (),
            short=short_name(rec) if rec else None,
            owner_iri=owner.iri if owner else None,
        )

    def counts(self) -> dict[str, int]:
        """Registry entities by kind, for the registry's statistics and tests."""
        out: dict[str, int] = {}
        for e in self.entities:
            out[e.kind] = out.get(e.kind, 0) + 1
        return dict(sorted(out.items()))


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 30 ms instead of 300 ms


def _read(name: str) -> tuple[bytes, dict]:
    raw = (DATA_DIR / name).read_bytes()
    return raw, yaml.load(raw, Loader=_LOADER) or {}


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    """The registry from the package's data files (cached per process)."""
    digest = hashlib.sha1()
    docs: dict[str, dict] = {}
    versions = []
    for name in DATA_FILES:
        raw, data = _read(name)
        digest.update(name.encode() + b"\0" + raw + b"\0")
        docs[name] = data
        versions.append(str(data.get("version", 0)))
    # pycountry's data is part of the registry's content too
    digest.update(f"pycountry {getattr(pycountry, '__version__', '')}".encode())

    records = build_states(docs["states.yaml"])
    states = {r.entity.iso_code or "": r for r in records}
    state_iris = {code: r.entity.iri for code, r in states.items()}
    places = build_places(docs["places.yaml"], state_iris)

    items: list[tuple[str, str, dict]] = []
    for section, kind in _SECTIONS.items():
        for item in docs["registry.yaml"].get(section) or []:
            items.append((kind, str(item["id"]), item))
    ids = [i for _, i, _ in items] + [p.iri.rsplit("/", 1)[1] for p in places]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise ValueError(f"registry: duplicate ids {sorted(dupes)}")
    iris = {i: str(entity_iri(kind, i)) for kind, i, _ in items}

    base: dict[str, Entity] = {}
    for kind, rid, item in items:
        wd = item.get("wd")
        base[rid] = Entity(
            iri=iris[rid],
            kind=kind,  # type: ignore[arg-type]
            label=str(item["label"]),
            alt_labels=frozenset(str(a) for a in item.get("alt") or () if str(a) != item["label"]),
            types=tuple(item.get("types") or ()),
            in_registry=True,
            same_as=(f"http://www.wikidata.org/entity/{wd}",) if wd else (),
        )
    registry = Registry(
        entities=(),
        version=".".join(versions),
        content_hash=digest.hexdigest(),
        states=states,
        by_id={**base, **{p.iri.rsplit("/", 1)[1]: p for p in places}},
    )
    # national-body overrides first: "body:KEY:XX" parents may point to them
    generated: dict[str, Entity] = {}
    for kind, rid, item in items:
        parent = str(item.get("part_of") or "")
        if item.get("national_body"):
            if not parent.startswith("state:"):
                raise ValueError(f"registry: {rid} is a national body but not part_of a state")
            key = str(item["national_body"])
            if key not in nb.BODY_BY_KEY:
                raise ValueError(f"registry: {rid}: unknown national body {key!r}")
            registry.body_overrides[(key, parent[6:])] = base[rid]
    for kind, rid, item in items:
        parent = str(item.get("part_of") or "")
        if not parent:
            continue
        if parent.startswith("state:"):
            target = states[parent[6:]].entity.iri
        elif parent.startswith("body:"):
            _, key, code = parent.split(":")
            body = registry.national_body(key, states[code].entity)
            assert body is not None
            # a generated national body that registry entries hang from joins the
            # registry, so every tip:partOf points to a typed, labelled node
            body = replace(body, in_registry=True)
            generated[body.iri] = body
            registry.body_overrides.setdefault((key, code), body)
            target = body.iri
        elif parent in iris:
            target = iris[parent]
        else:
            raise ValueError(f"registry: {rid}: unknown part_of {parent!r}")
        base[rid] = replace(base[rid], part_of=target)
    for kind, rid, item in items:
        treaty = str(item.get("supplements") or "")
        if treaty:
            if treaty not in iris:
                raise ValueError(f"registry: {rid}: unknown supplements {treaty!r}")
            registry.protocols[iris[treaty]] = (*registry.protocols.get(iris[treaty], ()), iris[rid])
    by_iri = {e.iri: e for e in base.values()}
    for key_code, ent in list(registry.body_overrides.items()):
        registry.body_overrides[key_code] = by_iri.get(ent.iri, ent)

    entities = [r.entity for r in records] + places + [base[i] for _, i, _ in items] + list(generated.values())
    registry.entities = tuple(sorted(entities, key=lambda e: e.iri))
    registry.by_id = {**base, **{p.iri.rsplit("/", 1)[1]: p for p in places}}
    registry.__post_init__()
    return registry


_KIND_CLASS = {
    "Person": TIP.Person,
    "Organization": TIP.Organization,
    "State": TIP.State,
    "Place": TIP.Place,
    "LegalInstrument": TIP.LegalInstrument,
    "Programme": TIP.Programme,
}


def tip_type_iri(value: str) -> URIRef:
    """A registry entry's type, ``"tip:Convention"``, as its IRI: the registry names types
    only in the tip: namespace, so anything else is a typo in the registry file."""
    prefix, _, local = value.partition(":")
    if prefix != "tip" or not local:
        raise ValueError(f"unsupported type CURIE {value!r}")
    return TIP[local]


def entity_triples(graph: Graph, e: Entity) -> None:
    """Type, label, alt labels, ISO code, parent and sameAs of one entity."""
    node = URIRef(e.iri)
    graph.add((node, RDF.type, _KIND_CLASS[e.kind]))
    for t in e.types:
        graph.add((node, RDF.type, tip_type_iri(t)))
    graph.add((node, RDFS.label, Literal(e.label)))
    for alt in sorted(e.alt_labels):
        graph.add((node, SKOS.altLabel, Literal(alt)))
    if e.iso_code:
        graph.add((node, TIP.isoCode, Literal(e.iso_code)))
    if e.part_of:
        graph.add((node, TIP.partOf, URIRef(e.part_of)))
    for s in e.same_as:
        graph.add((node, OWL.sameAs, URIRef(s)))


def registry_graph(registry: Registry | None = None) -> Graph:
    """The registry as RDF for the named graph REGISTRY_GRAPH (deterministic)."""
    reg = registry or load_registry()
    g = Graph()
    doc = REGISTRY_DOCUMENT
    g.add((doc, RDF.type, TIP.Document))
    g.add((doc, DCTERMS.title, Literal("tipgraph reference registry")))
    g.add((doc, DCTERMS.source, Literal(f"tipgraph:registry/{reg.version}")))
    g.add((doc, TIP.contentHash, Literal(reg.content_hash)))
    for e in reg.entities:
        entity_triples(g, e)
        g.add((URIRef(e.iri), PROV.wasDerivedFrom, doc))
    return g
