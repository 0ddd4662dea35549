"""Where a resolver finds the entities earlier documents created: a source it asks by name.

Telling a resolver every stored entity up front (``Resolver.add_known``) costs time in
proportion to the store's vocabulary, for every ingest process. A :class:`KnownSource`
instead answers the questions resolution asks, when it asks them:

* :meth:`~KnownSource.names` - every stored name key (``matching.normalize`` of each
  label): what the scan needs to know how long a name starting with a word can be, and
  the candidates of fuzzy matching (whose entities are then fetched and checked);
* :meth:`~KnownSource.rows_for_keys` / :meth:`~KnownSource.rows_for_iris` - the
  ``(iri, kind, label)`` rows of the entities that have a name with one of these keys
  (or these IRIs), all of each entity's rows, which the resolver replays in the order
  ``add_known`` would have seen them (see ``Resolver.use_source``).

Two sources: :class:`TableSource`, rows held in memory (the workers of a batch, which
are sent the rows once), and ``ingest.StoreSource``, which reads the store's entity
summary (``store/derived.py``: ``tgd:key``) for a one-document run.
"""
from __future__ import annotations

from collections.abc import Iterable

Row = tuple[str, str, str]  # (iri, kind, label)


class KnownSource:
    """The stored entities a resolver may resolve names to (registry ones excluded by it)."""

    def names(self) -> frozenset[str]:
        """Every name key of the source's entities (a superset is fine: the rows of a
        key are fetched and replayed before it is used)."""
        raise NotImplementedError

    def rows_for_keys(self, keys: Iterable[str]) -> list[Row]:
        """Every row of each entity that has a name with one of ``keys``."""
        raise NotImplementedError

    def rows_for_iris(self, iris: Iterable[str]) -> list[Row]:
        """Every row of these entities (none for an IRI the source does not hold)."""
        raise NotImplementedError


class TableSource(KnownSource):
    """Rows held in memory, indexed by name key and IRI once."""

    def __init__(self, rows: Iterable[Row]) -> None:
        from .matching import normalize

        self._by_iri: dict[str, list[Row]] = {}
        self._by_key: dict[str, set[str]] = {}
        for row in rows:
            iri, _kind, label = row
            self._by_iri.setdefault(iri, []).append(row)
            self._by_key.setdefault(normalize(label), set()).add(iri)
        self._names = frozenset(self._by_key)

    def names(self) -> frozenset[str]:
        return self._names

    def rows_for_keys(self, keys: Iterable[str]) -> list[Row]:
        iris = {i for k in keys for i in self._by_key.get(k, ())}
        return self.rows_for_iris(iris)

    def rows_for_iris(self, iris: Iterable[str]) -> list[Row]:
        return [row for i in set(iris) for row in self._by_iri.get(i, ())]


__all__ = ["KnownSource", "Row", "TableSource"]
