"""Names to IRIs for the network selection options (``--ego``, ``--instrument``, ``--country``).

Names are looked up with the stored-query resolver (:mod:`tipgraph.queries.lookup`:
label, acronym or ISO code; exact, then case-insensitive, then containing), so a
name means the same entity in ``tipgraph query`` and ``tipgraph network``. An IRI is
checked here to be of the kind asked. Several matches are an error listing the
candidates, so a selection never silently picks the wrong actor.
"""
from __future__ import annotations

from rdflib import URIRef

from ..namespaces import expand_short_iri
from ..rqfile import internal_query
from ..store.base import GraphStore


class ResolutionError(ValueError):
    """No or several entities carry the name."""

    def __init__(self, message: str, candidates: list[tuple[str, str]] | None = None):
        super().__init__(message)
        self.candidates = candidates or []


#: network kind -> the lookup's kind
_LOOKUP_KIND = {"actor": "Actor", "instrument": "LegalInstrument", "country": "State"}


def selection_iri(
    store: GraphStore, name: str, kinds: set[str], class_kinds: dict[str, str], what: str = "actor",
    option: str = "--ego",
) -> str:
    """The IRI of the one entity of one of ``kinds`` ("person", "state", "instrument",
    ...; see :func:`tipgraph.network.data.class_kinds`) named ``name``.

    ``name`` may be an IRI (``http...`` or ``<http...>``), checked to be of such a kind.
    """
    from ..queries.lookup import AmbiguousEntityError, iri_for_name
    from ..queries.params import ParameterError

    text = name.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    text = expand_short_iri(text) or text  # org/un, as tables print IRIs
    if text.startswith(("http://", "https://", "urn:")):
        query = internal_query("entity-types")
        rows = store.select(query.text, query.bindings(entity=URIRef(text)))
        if not any(class_kinds.get(str(r["type"])) in kinds for r in rows):
            raise ResolutionError(f"{option}: no {what} with IRI <{text}> in the store")
        return text
    try:
        return str(iri_for_name(store, option, text, _LOOKUP_KIND[what]))
    except AmbiguousEntityError as exc:
        raise ResolutionError(str(exc), [(str(c.iri), c.label) for c in exc.candidates]) from exc
    except ParameterError as exc:
        raise ResolutionError(str(exc)) from exc
