"""The store boundary: one API for the embedded store and remote SPARQL endpoints.

Everything above this layer (ingest, steward commands, stored queries, network export)
talks to a :class:`GraphStore` and never to pyoxigraph or SPARQLWrapper directly. Terms
crossing the boundary are rdflib terms (URIRef, Literal, BNode), the lingua franca of
the Python RDF world.

Contract shared by every implementation:

* The default graph of a query is the union of all named graphs.
* ``bindings`` are values for query variables. They are substituted by the engine
  (SEP-0007 substitutions, or a VALUES block built from serialised terms), never by
  pasting text into the query, so no value can change the query's meaning.
* ``replace_graphs`` is all-or-nothing: after a failure the store holds exactly what it
  held before, and readers never see half a graph.
"""
from __future__ import annotations

import abc
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO

from rdflib import Graph
from rdflib.term import Identifier, Node, URIRef  # noqa: F401

Triple = tuple[Node, Node, Node]
Row = dict[str, Node]


class StoreError(Exception):
    """The store could not do what was asked (locked, unreachable, refused)."""


class StoreInUseError(StoreError):
    """Another process holds the embedded store open for writing."""


@dataclass
class SelectResult:
    """A SELECT's rows (dicts of rdflib terms) with the projected variables in order."""

    variables: list[str]
    rows: list[Row] = field(default_factory=list)

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class Capabilities:
    """What an engine can do, declared by its class (as rdflib stores declare
    ``context_aware`` and ``transaction_aware``), so callers ask the engine instead of
    guessing from the location's spelling.

    >>> Capabilities(lazy_results=True).snapshot_reads
    False
    """

    #: Results are read row by row: :meth:`GraphStore.stream` stops cheaply at a limit or a deadline.
    lazy_results: bool = False
    #: A read-only open sees the data as of opening; to see another process's writes, open again.
    snapshot_reads: bool = False
    #: Requests can be cut by a ``timeout`` option (seconds).
    request_timeout: bool = False
    #: Writes may go to another address than reads (the ``update_url`` option).
    update_endpoint: bool = False


@dataclass
class Streamed:
    """A query's result as :meth:`GraphStore.stream` hands it out: ``rows`` (SELECT,
    dicts of rdflib terms) or ``triples`` (CONSTRUCT, DESCRIBE) as iterators, or ``boolean`` (ASK)."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: Iterator[Row] = field(default_factory=lambda: iter(()))
    triples: Iterator[Triple] = field(default_factory=lambda: iter(()))
    boolean: bool | None = None


@dataclass
class StoreStats:
    """What ``tipgraph stats`` shows: quads, graphs, document graphs and instances per class."""

    quads: int
    graphs: int
    document_graphs: int
    #: class IRI -> number of distinct instances
    instances: dict[str, int]


class GraphStore(abc.ABC):
    """A quad store of named graphs, one per document or loaded file."""

    #: Human-readable location (folder or endpoint URL, never with credentials).
    location: str
    #: What this engine can do (see :class:`Capabilities`).
    capabilities: Capabilities = Capabilities()

    # -- opening -------------------------------------------------------------
    @classmethod
    def open(cls, location: str, *, read_only: bool = False, **options) -> GraphStore:
        """Open the store at ``location`` (the engine registry calls this; see ``store/__init__.py``)."""
        return cls(location, read_only=read_only, **options)  # type: ignore[call-arg]

    @classmethod
    def exists(cls, location: str) -> bool:
        """Does ``location`` hold a store already? (Opening one for writing may create it.)

        A read command asks first, so that a mistyped folder is an error, not a new empty store.
        """
        return True

    # -- reading -----------------------------------------------------------
    @abc.abstractmethod
    def select(self, query: str, bindings: Mapping[str, Identifier] | None = None, *,
               limit: int | None = None) -> SelectResult:
        """Run a SELECT query; variables in ``bindings`` are bound before evaluation.

        With ``limit``, at most that many rows are kept (the embedded store stops reading
        solutions there, so a huge result never sits in memory).
        """

    def select_plain(self, query: str) -> list[dict]:
        """SELECT rows whose literals may come back as plain ``str`` (their lexical form).

        For readers that need only the text of literals (the network views): an engine
        may then skip building an rdflib Literal per value (it doubled the network fetch
        at 50k actors, docs/performance.md). IRIs and blank nodes stay rdflib terms.
        """
        return self.select(query).rows

    def select_text(self, query: str) -> list[tuple[str | None, ...]]:
        """SELECT rows as tuples (in the order of the query's variables) of the terms' text.

        An IRI gives its IRI, a literal its lexical form, a blank node its label, an
        unbound variable None. For readers that need nothing else (the network fetch at
        50k actors): an engine may then build no rdflib term at all. A reader that must
        tell IRIs from literals asks for that in the query (``FILTER(isIRI(...))``).
        """
        result = self.select(query)
        names = list(result.variables)
        return [tuple(None if row.get(n) is None else str(row[n]) for n in names) for row in result.rows]

    def stream(self, query: str, kind: str) -> Streamed:
        """Run a query of ``kind`` (select, ask, construct, describe), results as iterators.

        Engines with ``capabilities.lazy_results`` make rows as the reader asks for them;
        this default runs the whole query first.
        """
        if kind == "select":
            result = self.select(query)
            return Streamed("select", list(result.variables), rows=iter(result.rows))
        if kind == "ask":
            return Streamed("ask", boolean=self.ask(query))
        return Streamed(kind, triples=iter(self.construct(query)))

    @abc.abstractmethod
    def ask(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> bool:
        """Run an ASK query; variables in ``bindings`` are bound before evaluation."""

    @abc.abstractmethod
    def construct(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> Graph:
        """Run a CONSTRUCT or DESCRIBE query."""

    @abc.abstractmethod
    def graph_names(self) -> list[URIRef]:
        """IRIs of all named graphs."""

    @abc.abstractmethod
    def graph(self, name: URIRef) -> Graph:
        """A copy of one named graph's triples."""

    @abc.abstractmethod
    def export(self, out: IO[bytes], fmt: str, graph: URIRef | None = None) -> int:
        """Write all quads (or one graph) as 'nquads', 'trig' or 'turtle'; returns the count."""

    @abc.abstractmethod
    def stats(self) -> StoreStats:
        """Counts of the store's quads, graphs and class instances (the derived layout not counted)."""

    # -- writing -----------------------------------------------------------
    @abc.abstractmethod
    def replace_graphs(self, graphs: Mapping[URIRef, Iterable[Triple]]) -> int:
        """Replace each named graph's content with the given triples, all in one transaction.

        Returns the number of quads written. On any failure nothing is changed.
        """

    @abc.abstractmethod
    def drop_graphs(self, names: Iterable[URIRef]) -> None:
        """Remove named graphs, all in one transaction."""

    def update(self, sparql_update: str) -> None:  # pragma: no cover - optional
        """Run a SPARQL Update (only for explicit, opted-in use)."""
        raise StoreError(f"{type(self).__name__} does not accept SPARQL updates")

    # -- the derived layout (store/derived.py) --------------------------------
    def has_derived_layout(self) -> bool:
        """Is the entity summary complete, so readers may use it instead of the copies?"""
        from . import derived

        return derived.store_has_layout(self)

    def ensure_derived_layout(self) -> bool:
        """Build the entity summary if the store has data but no summary (an older or
        bulk-loaded store); a new store starts it with its first write. True when built now.

        A summary whose name keys another version of the name matching wrote
        (:func:`derived.key_mark`) is rebuilt too: stored names are looked up by key."""
        from . import derived

        if derived.store_has_layout(self) and derived.keys_current(self) and derived.store_has_entity_links(self):
            return False
        if derived.store_is_empty(self):
            return False
        # No summary, or one built before its nodes linked to their entities: built whole once.
        self._write_full_layout()
        self._derived_keys_ready = True
        self._links_ready = True
        return True

    # Reads of the summary. These SPARQL versions work on any endpoint (Virtuoso included);
    # the embedded store answers them from its indexes directly, which Oxigraph's planner
    # would not do for a VALUES list joined with a GRAPH pattern.
    def summary_facts(self, nodes: Iterable[URIRef], predicates: Iterable[URIRef]) -> list[tuple[URIRef, URIRef, Node]]:
        """``(node, predicate, value)`` of these summary nodes, for these predicates only."""
        from . import derived
        from .binding import check_term

        nodes, preds = sorted(set(nodes)), sorted(set(predicates))
        out: list[tuple[URIRef, URIRef, Node]] = []
        if not preds:
            return out
        plist = ", ".join(check_term(p) for p in preds)
        for start in range(0, len(nodes), 1000):
            values = " ".join(check_term(n) for n in nodes[start:start + 1000])
            rows = self.select(
                f"SELECT ?n ?p ?o WHERE {{ VALUES ?n {{ {values} }} {derived._IN_SUMMARY} "
                f"{{ ?n ?p ?o FILTER(?p IN ({plist})) }} }}"
            )
            out.extend((r["n"], r["p"], r["o"]) for r in rows)
        return out

    def summary_subjects(self, predicate: URIRef, values: Iterable[Node] | None = None) -> list[tuple[URIRef, Node]]:
        """``(node, value)`` of the summary for one predicate (only these values, if given)."""
        from . import derived
        from .binding import check_term

        if values is None:
            rows = self.select(f"SELECT ?n ?o WHERE {{ {derived._IN_SUMMARY} {{ ?n {check_term(predicate)} ?o }} }}")
            return [(r["n"], r["o"]) for r in rows]
        wanted = sorted(set(values), key=str)
        out: list[tuple[URIRef, Node]] = []
        for start in range(0, len(wanted), 1000):
            bind = " ".join(check_term(v) for v in wanted[start:start + 1000])
            rows = self.select(f"SELECT ?n ?o WHERE {{ VALUES ?o {{ {bind} }} {derived._IN_SUMMARY} "
                               f"{{ ?n {check_term(predicate)} ?o }} }}")
            out.extend((r["n"], r["o"]) for r in rows)
        return out

    def said_outside(self, s: Node, p: URIRef, o: Node, graphs: Iterable[URIRef]) -> bool:
        """Does a graph other than ``graphs`` (and the summary) hold this triple?"""
        from . import derived
        from .binding import check_term

        not_in = ", ".join(check_term(g) for g in sorted({*graphs, derived.DERIVED_GRAPH}))
        return self.ask(f"ASK {{ GRAPH ?g {{ {check_term(s)} {check_term(p)} {check_term(o)} }} "
                        f"FILTER(?g NOT IN ({not_in})) }}")

    def _write_full_layout(self) -> None:  # pragma: no cover - each store has its own
        raise StoreError(f"{type(self).__name__} cannot build the derived layout")

    # -- life cycle --------------------------------------------------------
    def close(self) -> None:
        """Release files or connections."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self.close()
        except StoreError:
            if exc_type is None:  # else the first error is the one to report
                raise

