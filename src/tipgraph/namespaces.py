"""Namespaces and deterministic IRIs.

The core vocabulary (``../shared/spec/core-vocabulary.md``) fixes ``tip:`` and the
instance base; every other module takes its IRIs from here, so that the same entity
or fact extracted twice gets the same IRI.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

TIP = Namespace("https://w3id.org/tipgraph/ontology#")
ID = Namespace("https://w3id.org/tipgraph/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")
WD = Namespace("http://www.wikidata.org/entity/")

ONTOLOGY_IRI = "https://w3id.org/tipgraph/ontology"
#: Named graphs that are not documents.
ONTOLOGY_GRAPH = ID["graph/ontology"]
REGISTRY_GRAPH = ID["graph/registry"]

PREFIXES: dict[str, str] = {
    "tip": str(TIP),
    "tipid": str(ID),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "foaf": str(FOAF),
    "org": str(ORG),
    "sem": str(SEM),
    "schema": str(SCHEMA),
    "sh": str(SH),
    "wd": str(WD),
}


def sparql_prefixes() -> str:
    """PREFIX lines for every namespace above, to prepend to ad-hoc queries."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def slug(text: str, max_length: int = 80) -> str:
    """A lowercase ASCII slug: stable across runs and platforms.

    >>> slug("Ministère de l'Intérieur, Côte d'Ivoire")
    'ministere-de-linterieur-cote-divoire'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = folded.replace("'", "").replace("\u2019", "")
    s = re.sub(r"[^a-zA-Z0-9]+", "-", folded).strip("-").lower()
    return (s[:max_length].rstrip("-")) or "x"


def short_hash(*parts: str, length: int = 12) -> str:
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:length]


#: Path segment under ID for each kind of entity.
KIND_SEGMENT = {
    "Person": "person",
    "Organization": "org",
    "State": "state",
    "Place": "place",
    "LegalInstrument": "instrument",
    "Programme": "programme",
    "Meeting": "meeting",
    "PlannedMeeting": "planned-meeting",
    "Ratification": "ratification",
    "Document": "document",
}


def entity_iri(kind: str, key: str):
    """IRI of an entity of ``kind`` whose identity is ``key`` (a name or registry id).

    >>> str(entity_iri("Organization", "IOM"))
    'https://w3id.org/tipgraph/id/org/iom'
    """
    return ID[f"{KIND_SEGMENT[kind]}/{slug(key)}"]


#: Where the instruments signed in one document live: one per signing, never shared.
SIGNED_INSTRUMENT_BASE = str(ID) + "instrument/signed/"


def signed_instrument_iri(label: str, *identity: str):
    """IRI of an instrument signed in one document ("a Memorandum of Understanding"):
    its name with a hash of what tells this signing apart (the document, the parties),
    so that two documents' memoranda of the same name never merge.

    >>> str(signed_instrument_iri("Memorandum of Understanding", "doc-1", "org/iom")).rsplit("-", 1)[0]
    'https://w3id.org/tipgraph/id/instrument/signed/memorandum-of-understanding'
    """
    return ID[f"instrument/signed/{slug(label, 40)}-{short_hash(label, *identity)}"]


def is_signed_instrument(iri: str) -> bool:
    """Whether ``iri`` names an instrument signed in one document (see :func:`signed_instrument_iri`)."""
    return iri.startswith(SIGNED_INSTRUMENT_BASE)


def fact_iri(kind: str, document_key: str, *identity: str):
    """IRI of a fact node (meeting, programme) that lives in one document's graph."""
    return ID[f"{KIND_SEGMENT[kind]}/{short_hash(document_key, *identity)}"]


def expand_short_iri(text: str) -> str | None:
    """The full IRI of a short one as tables print it (``org/un``, ``meeting/5e0b7a93c1d2``), else None.

    >>> expand_short_iri("org/iom")
    'https://w3id.org/tipgraph/id/org/iom'
    >>> expand_short_iri("IOM") is None
    True
    """
    segment, sep, rest = text.partition("/")
    if sep and rest and not any(c.isspace() for c in text) and segment in {*KIND_SEGMENT.values(), "graph"}:
        return str(ID) + text
    return None
