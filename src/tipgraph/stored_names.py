"""The store's entities as a resolver's :class:`~tipgraph.resolution.known.KnownSource`.

A one-document ingest used to read every stored entity (one row per entity and label)
and index all their names before reading the document. :class:`StoreSource` reads the
entity summary (``store/derived.py``) instead, as resolution asks: the list of name keys
once (strings only: the scan needs how long a stored name starting with a word can be,
and fuzzy matching needs the candidates of a kind), then the types and labels of just the
entities whose keys the document's names hit (``tgd:key``) or whose IRIs it asks about.
"""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import Literal, URIRef

from .namespaces import TIP
from .resolution.known import KnownSource, Row
from .store import GraphStore
from .store.derived import _IN_SUMMARY, CORE_CLASSES, SHARED, TGD, entity_of, summary_node

_CORE = {str(TIP[k]): k for k in CORE_CLASSES}


class StoreSource(KnownSource):
    """Stored entities, read from the summary by key or IRI when resolution needs them.

    ``excluded``: entities that only the run's own documents describe (an interrupted
    earlier attempt), left out as ``ingest.known_entities`` leaves them out. Only valid
    while the store is not written to: ingest uses it for a run of one document, which
    is resolved before anything is written.
    """

    def __init__(self, store: GraphStore, excluded: Iterable[str] = ()) -> None:
        self.store = store
        self.excluded = frozenset(excluded)
        self._names: frozenset[str] | None = None
        self._rows: dict[URIRef, list[Row]] = {}
        #: rows fetched by this source, for the shape tests and the performance notes
        self.rows_read = 0

    def names(self) -> frozenset[str]:
        if self._names is None:
            self._names = _name_keys(self.store)
        return self._names

    def rows_for_keys(self, keys: Iterable[str]) -> list[Row]:
        values = [Literal(k) for k in sorted(set(keys))]
        if not values:
            return []
        nodes = {n for n, _ in self.store.summary_subjects(TGD.key, values)}
        return self._rows_of(nodes)

    def rows_for_iris(self, iris: Iterable[str]) -> list[Row]:
        nodes = {summary_node(i) for i in set(iris) if i.startswith(SHARED)}
        return self._rows_of(nodes)

    def _rows_of(self, nodes: set[URIRef]) -> list[Row]:
        todo = [n for n in nodes if n not in self._rows]
        if todo:
            kinds: dict[URIRef, set[str]] = {}
            labels: dict[URIRef, set[str]] = {}
            for n, p, o in self.store.summary_facts(todo, (TGD.type, TGD.label)):
                self.rows_read += 1
                if p == TGD.type:
                    if str(o) in _CORE:
                        kinds.setdefault(n, set()).add(_CORE[str(o)])
                else:
                    labels.setdefault(n, set()).add(str(o))
            for n in todo:
                iri = str(entity_of(n))
                self._rows[n] = [] if iri in self.excluded else [
                    (iri, kind, label) for kind in sorted(kinds.get(n, ())) for label in sorted(labels.get(n, ()))]
        return [row for n in nodes for row in self._rows[n]]


def _name_keys(store: GraphStore) -> frozenset[str]:
    """Every name key of the summary, as strings (one read of the ``tgd:key`` values)."""
    from .store.binding import check_term

    rows = store.select_plain(f"SELECT ?k WHERE {{ {_IN_SUMMARY} {{ ?n {check_term(TGD.key)} ?k }} }}")
    return frozenset(str(r["k"]) for r in rows if r.get("k"))


__all__ = ["StoreSource"]
