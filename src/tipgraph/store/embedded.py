"""The embedded store: a pyoxigraph (RocksDB) folder on disk.

Atomicity comes from Oxigraph itself: ``Store.extend`` writes all its quads in one
transaction, and one ``Store.update`` call runs all the operations of a SPARQL Update
request in one transaction (a failing last operation rolls back the earlier ones).
``replace_graphs`` therefore uses ``extend`` when none of its graphs exists yet (the
common first-ingest case, about 1.5x faster than an update) and otherwise a single
``DELETE DATA ...; INSERT DATA ...`` request holding only the difference. All input is converted before the store is touched, so a failing
triple iterator never leaves half a batch behind.

The entity summary (``store/derived.py``) changes in the same ``extend`` or update
request as the graphs it sums up; its reads are answered from the indexes
(``quads_for_pattern``), one lookup per node, never by a SPARQL join.

RocksDB takes an exclusive lock on the folder: a second writer gets
:class:`StoreInUseError`; ``read_only=True`` opens without the lock (it sees the data
as of opening time), so read commands can run beside a writer.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Identifier

from ..namespaces import PREFIXES, REGISTRY_GRAPH
from ..rqfile import internal_query
from . import derived
from .binding import bind_values
from .base import Capabilities, GraphStore, Row, SelectResult, StoreError, StoreInUseError, StoreStats, Streamed, Triple
from .terms import _named_node, from_ox, to_ox, to_ox_quad

def io_failure(path: Path, exc: BaseException, doing: str) -> StoreError:
    """A store error that names the store, says what went wrong in words and what to do.

    RocksDB's own text ("IO error: No space left on device: While appending to file:
    .../000008.log") is kept at the end for whoever needs it.
    """
    raw = " ".join(str(exc).split())
    low = raw.lower()
    if "no space left" in low or "disk quota" in low:
        what = (f"the disk holding store {path} is full; {doing} was not done and the store holds what it "
                "held before. Free some space, then run the same command again")
    elif "read-only file system" in low or "permission denied" in low or "operation not permitted" in low:
        what = (f"store {path} cannot be written (read-only folder or file system, or no permission): "
                f"{doing} failed, store unchanged. Make the folder writable or use another --store; "
                "read commands (query, sparql, stats, export) still work on an existing store")
    else:
        return StoreError(f"store {path}: {doing} failed, store unchanged: {raw}")
    return StoreError(f"{what} ({raw})")


class EmbeddedStore(GraphStore):
    """A :class:`GraphStore` on a pyoxigraph folder."""

    capabilities = Capabilities(lazy_results=True, snapshot_reads=True)

    @classmethod
    def open(cls, location: str, *, read_only: bool = False, **options) -> EmbeddedStore:
        """Open (or, for writing, create) the folder; remote-only options (``update_url``,
        ``timeout``) mean nothing to a folder and are left unused."""
        return cls(Path(location), read_only=read_only)

    @classmethod
    def exists(cls, location: str) -> bool:
        """A folder holds a store when RocksDB's ``CURRENT`` file is there."""
        return (Path(location) / "CURRENT").is_file()

    def __init__(self, path: Path | str, read_only: bool = False) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self.read_only = read_only
        # RocksDB's lock keeps other processes out; this keeps a replace's read-then-write
        # (it writes only the difference) whole against other threads of this process.
        self._write_lock = threading.Lock()
        self._store: ox.Store | None = None
        try:
            if read_only:
                if not self.exists(str(self.path)):
                    raise StoreError(f"no store at {self.path} (load or ingest something first)")
                self._store = ox.Store.read_only(str(self.path))
            else:
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            msg = str(exc)
            if "lock hold by current process" in msg:
                raise StoreInUseError(f"store {self.path} is already open in this process") from None
            if "LOCK" in msg or "lock" in msg:
                if "read-only" in msg.lower() or "permission denied" in msg.lower():
                    raise io_failure(self.path, exc, "opening it for writing") from None
                raise StoreInUseError(
                    f"store {self.path} is in use by another process (an ingest or load, or "
                    "`tipgraph serve --allow-update`): wait for it to finish, or stop it, then run this command "
                    "again; read commands and a `tipgraph serve` without --allow-update work beside it"
                ) from None
            raise io_failure(self.path, exc, "opening it for writing") from None

    @property
    def ox_store(self) -> ox.Store:
        """The underlying pyoxigraph store (for bulk work inside tipgraph only)."""
        if self._store is None:
            raise StoreError(f"store {self.path} is closed")
        return self._store

    # -- reading -----------------------------------------------------------
    def _query(self, query: str, bindings: Mapping[str, Identifier] | None):
        # Values are joined at the head of the WHERE group (a VALUES block), as the remote
        # store does, never through Oxigraph's ``substitutions``: with those, BOUND(?x)
        # of a substituted variable is false, and 0.5 accepts only projected variables.
        store = self.ox_store
        return self._run(store, bind_values(query, bindings) if bindings else query, None)

    @staticmethod
    def _run(store: ox.Store, query: str, substitutions):
        try:
            return store.query(query, use_default_graph_as_union=True, substitutions=substitutions)
        except SyntaxError as exc:
            raise StoreError(f"invalid SPARQL: {exc}") from None
        except OSError as exc:
            raise StoreError(str(exc)) from None

    def select(self, query: str, bindings: Mapping[str, Identifier] | None = None, *,
               limit: int | None = None) -> SelectResult:
        solutions = self._query(query, bindings)
        if not isinstance(solutions, ox.QuerySolutions):
            raise StoreError("select() needs a SELECT query")
        variables = [v.value for v in solutions.variables]
        rows: list[Row] = []
        for solution in solutions:
            if limit is not None and len(rows) >= limit:
                break  # solutions are read lazily: the rest are never made
            row = {}
            for name in variables:
                value = solution[name]
                if value is not None:
                    row[name] = from_ox(value)
            rows.append(row)
        return SelectResult(variables, rows)

    def select_plain(self, query: str) -> list[dict]:
        solutions = self._query(query, None)
        if not isinstance(solutions, ox.QuerySolutions):
            raise StoreError("select_plain() needs a SELECT query")
        names = [v.value for v in solutions.variables]
        rows = []
        for sol in solutions:
            row = {}
            for name in names:
                v = sol[name]
                if v is not None:
                    row[name] = v.value if isinstance(v, ox.Literal) else from_ox(v)
            rows.append(row)
        return rows

    def select_text(self, query: str) -> list[tuple[str | None, ...]]:
        solutions = self._query(query, None)
        if not isinstance(solutions, ox.QuerySolutions):
            raise StoreError("select_text() needs a SELECT query")
        indices = range(len(solutions.variables))
        # Each term's ``value`` is already a str: no rdflib term is built (docs/performance.md).
        return [tuple(None if (v := sol[i]) is None else v.value for i in indices) for sol in solutions]

    def stream(self, query: str, kind: str) -> Streamed:
        """Rows and triples are made from Oxigraph's iterator as they are read.

        Oxigraph's results must be freed on the thread that made them: a caller that
        reads them on a worker thread drops its references there.
        """
        result = self._query(query, None)
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            return Streamed("select", variables, rows=_rows_of(result, variables))
        if isinstance(result, ox.QueryBoolean):
            return Streamed("ask", boolean=bool(result))
        return Streamed("construct" if kind != "describe" else "describe",
                        triples=((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in result))

    def ask(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> bool:
        result = self._query(query, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise StoreError("ask() needs an ASK query")
        return bool(result)

    def construct(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> Graph:
        triples = self._query(query, bindings)
        if not isinstance(triples, ox.QueryTriples):
            raise StoreError("construct() needs a CONSTRUCT or DESCRIBE query")
        g = Graph()
        for t in triples:
            g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        return g

    def graph_names(self) -> list[URIRef]:
        return sorted(from_ox(g) for g in self.ox_store.named_graphs()
                      if isinstance(g, ox.NamedNode) and g != _DERIVED)

    def _quads(self, graph: URIRef | None) -> Iterator[ox.Quad]:
        """The quads of one graph, or of every graph but the derived layout (it is rebuilt, not exported)."""
        if graph is None:
            return (q for q in self.ox_store.quads_for_pattern(None, None, None, None) if q.graph_name != _DERIVED)
        return iter(self.ox_store.quads_for_pattern(None, None, None, _named_node(str(graph))))

    def graph(self, name: URIRef) -> Graph:
        g = Graph(identifier=name)
        for q in self._quads(name):
            g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
        return g

    def export(self, out: IO[bytes], fmt: str, graph: URIRef | None = None) -> int:
        """Sorted, so that the same content always gives the same bytes."""
        prefixes = dict(PREFIXES)
        if fmt == "nquads":
            lines = sorted(f"{q} .\n" for q in self._quads(graph))
            for line in lines:
                out.write(line.encode("utf-8"))
            return len(lines)
        if fmt == "trig":
            quads = sorted(self._quads(graph), key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
            out.write(_sorted_prefix_lines(ox.serialize(quads, None, ox.RdfFormat.TRIG, prefixes=prefixes)))
            return len(quads)
        if fmt == "turtle":
            triples = {q.triple for q in self._quads(graph)}
            ordered = sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
            out.write(_sorted_prefix_lines(ox.serialize(ordered, None, ox.RdfFormat.TURTLE, prefixes=prefixes)))
            return len(ordered)
        raise StoreError(f"unknown export format {fmt!r} (nquads, trig or turtle)")

    def stats(self) -> StoreStats:
        store = self.ox_store
        graphs = sum(1 for g in store.named_graphs() if g != _DERIVED)
        derived_quads = sum(1 for _ in store.quads_for_pattern(None, None, None, _DERIVED))
        query = internal_query("embedded-document-count")
        documents = self._query(query.text, query.bindings(registry=REGISTRY_GRAPH))
        assert isinstance(documents, ox.QuerySolutions)  # a SELECT
        n_docs = int(next(iter(documents))["n"].value)
        instances: dict[str, int] = {}
        counts = self._query(internal_query("embedded-class-counts").text, None)
        assert isinstance(counts, ox.QuerySolutions)  # a SELECT
        for row in counts:
            instances[row["c"].value] = int(row["n"].value)
        return StoreStats(quads=len(store) - derived_quads, graphs=graphs, document_graphs=n_docs, instances=instances)

    # -- writing -----------------------------------------------------------
    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only")
        return self.ox_store

    def replace_graphs(self, graphs: Mapping[URIRef, Iterable[Triple]]) -> int:
        store = self._writable()
        # Convert everything first: a failing iterator or term leaves the store untouched.
        new: dict[ox.NamedNode, dict[ox.Quad, None]] = {}
        given: dict[URIRef, list[Triple]] = {}
        for name, triples in graphs.items():
            if URIRef(str(name)) == derived.DERIVED_GRAPH:
                raise StoreError(f"graph {name} is the derived layout, kept by the store itself")
            g = _named_node(str(name))
            quads = new.setdefault(g, {})
            kept = given.setdefault(URIRef(str(name)), [])
            for t in triples:
                s, p, o = t
                quads[to_ox_quad(s, p, o, g)] = None
                kept.append(t)
        total = sum(len(q) for q in new.values())
        with self._write_lock:
            try:
                self._ensure_layout_locked()
                existing = [g for g in new if store.contains_named_graph(g)]
                change = derived.plan(self, self._summarised_triples(existing), given)
                if not existing and not change.deletes:
                    store.extend([*(q for quads in new.values() for q in quads), *_derived_quads(change.inserts)])
                else:
                    request = _replace_request(store, new)
                    request = " ;\n".join(x for x in (request, _derived_request(change)) if x)
                    if request:
                        store.update(request)
            except (OSError, RuntimeError, SyntaxError) as exc:
                raise io_failure(self.path, exc, "writing the batch") from None
        return total

    # -- the summary, read from the indexes (see GraphStore.summary_facts) ------
    def summary_facts(self, nodes, predicates):
        store = self.ox_store
        preds = [_named_node(str(p)) for p in sorted(set(predicates))]
        out = []
        for n in sorted(set(nodes)):
            subject = _named_node(str(n))
            for p in preds:
                for q in store.quads_for_pattern(subject, p, None, _DERIVED):
                    out.append((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
        return out

    def summary_subjects(self, predicate, values=None):
        p = _named_node(str(predicate))
        objects = [None] if values is None else [to_ox(v) for v in sorted(set(values), key=str)]
        return [(from_ox(q.subject), from_ox(q.object)) for o in objects
                for q in self.ox_store.quads_for_pattern(None, p, o, _DERIVED)]

    def said_outside(self, s, p, o, graphs) -> bool:
        skip = {_named_node(str(g)) for g in graphs} | {_DERIVED}
        return any(q.graph_name not in skip
                   for q in self.ox_store.quads_for_pattern(to_ox(s), _named_node(str(p)), to_ox(o), None))

    def _summarised_triples(self, names: Iterable[ox.NamedNode]) -> dict[URIRef, list[Triple]]:
        """The stored triples of these graphs that the derived layout summarises."""
        store = self.ox_store
        out: dict[URIRef, list[Triple]] = {}
        for g in names:
            out[URIRef(g.value)] = [(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
                               for p in _SUMMARISED for q in store.quads_for_pattern(None, p, None, g)]
        return out

    def _ensure_layout_locked(self) -> None:
        if not derived.store_has_layout(self) and not derived.store_is_empty(self):
            self._write_full_layout_locked()

    def _write_full_layout(self) -> None:
        with self._write_lock:
            self._write_full_layout_locked()

    def _write_full_layout_locked(self) -> None:
        """The whole summary from the stored graphs, written in one transaction."""
        store = self._writable()
        by_graph: dict[ox.NamedNode, list[Triple]] = {}
        for p in _SUMMARISED:
            for q in store.quads_for_pattern(None, p, None, None):
                if isinstance(q.graph_name, ox.NamedNode) and q.graph_name != _DERIVED and \
                        isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(derived.SHARED):
                    by_graph.setdefault(q.graph_name, []).append((from_ox(q.subject), from_ox(q.predicate),
                                                                  from_ox(q.object)))
        triples = derived.full_layout((from_ox(g), ts) for g, ts in by_graph.items())
        store.update(f"DROP SILENT GRAPH {_DERIVED}")  # nothing else reads it before the mark is back
        store.extend(_derived_quads(triples))
        self._derived_ready = True

    def drop_graphs(self, names: Iterable[URIRef]) -> None:
        store = self._writable()
        nodes = [_named_node(str(n)) for n in names]
        if any(g == _DERIVED for g in nodes):
            raise StoreError(f"graph {_DERIVED.value} is the derived layout, kept by the store itself")
        ops = [f"DROP SILENT GRAPH {g}" for g in nodes]
        if ops:
            try:
                with self._write_lock:
                    self._ensure_layout_locked()
                    existing = [g for g in nodes if store.contains_named_graph(g)]
                    change = derived.plan(self, self._summarised_triples(existing), {})
                    store.update(" ;\n".join(x for x in (" ;\n".join(ops), _derived_request(change)) if x))
            except (OSError, RuntimeError) as exc:
                raise io_failure(self.path, exc, "dropping graphs") from None

    def update(self, sparql_update: str) -> None:
        try:
            self._writable().update(sparql_update)
        except SyntaxError as exc:
            raise StoreError(f"invalid SPARQL update: {exc}") from None
        except (OSError, RuntimeError) as exc:
            raise StoreError(str(exc)) from None

    def optimize(self) -> None:
        """Compact after big loads (optional)."""
        self._writable().optimize()

    def close(self) -> None:
        store, self._store = getattr(self, "_store", None), None
        if store is not None and not self.read_only:
            try:
                store.flush()
            except OSError as exc:  # a full disk: what was committed is in RocksDB's log already
                del store
                raise io_failure(self.path, exc, "flushing on close") from None
        # Dropping the last reference closes RocksDB and releases the folder lock.
        del store

    def __repr__(self) -> str:
        return f"EmbeddedStore({self.location!r}, read_only={self.read_only})"


_DERIVED = ox.NamedNode(str(derived.DERIVED_GRAPH))
#: Predicates the derived layout summarises (see store/derived.py).
_SUMMARISED = [ox.NamedNode(str(p)) for p in derived._SOURCE_PREDICATE.values()]


def _rows_of(solutions: ox.QuerySolutions, variables: list[str]) -> Iterator[dict]:
    for solution in solutions:
        out = {}
        for name in variables:
            value = solution[name]
            if value is not None:
                out[name] = from_ox(value)
        yield out


def _derived_quads(triples: Iterable[Triple]) -> list[ox.Quad]:
    return [to_ox_quad(s, p, o, _DERIVED) for s, p, o in triples]


def _derived_request(change: derived.Change) -> str:
    """DELETE DATA / INSERT DATA operations of a summary change (for the same update request)."""
    parts = []
    if change.deletes:
        parts.append(f"DELETE DATA {{\n{_quad_block(_derived_quads(change.deletes))}\n}}")
    if change.inserts:
        parts.append(f"INSERT DATA {{\n{_quad_block(_derived_quads(change.inserts))}\n}}")
    return " ;\n".join(parts)


def _sorted_prefix_lines(data: bytes) -> bytes:
    """Oxigraph writes ``@prefix`` lines in hash order; sort them for stable output."""
    lines = data.split(b"\n")
    n = 0
    while n < len(lines) and lines[n].startswith(b"@prefix "):
        n += 1
    return b"\n".join(sorted(lines[:n]) + lines[n:])


def _replace_request(store: ox.Store, new: dict[ox.NamedNode, dict[ox.Quad, None]]) -> str:
    """One SPARQL Update request (one transaction) that turns the stored graphs into ``new``.

    Only the difference is written (DELETE DATA, INSERT DATA), so re-loading an
    unchanged or slightly changed graph costs little; graphs with blank nodes (which
    DELETE DATA cannot name) or left empty are dropped and written whole. Terms are
    written with Oxigraph's own N-Triples serialisation (exact escaping).
    """
    drops: list[ox.NamedNode] = []
    deletes: list[ox.Quad] = []
    inserts: list[ox.Quad] = []
    for g, quads in new.items():
        if not store.contains_named_graph(g):
            inserts.extend(quads)
            continue
        old = set(store.quads_for_pattern(None, None, None, g))
        if not quads or any(_has_bnode(q) for q in old) or any(_has_bnode(q) for q in quads):
            drops.append(g)
            inserts.extend(quads)
            continue
        deletes.extend(q for q in old if q not in quads)
        inserts.extend(q for q in quads if q not in old)
    parts = [f"DROP SILENT GRAPH {g}" for g in drops]
    if deletes:
        parts.append(f"DELETE DATA {{\n{_quad_block(deletes)}\n}}")
    if inserts:
        parts.append(f"INSERT DATA {{\n{_quad_block(inserts)}\n}}")
    return " ;\n".join(parts)


def _has_bnode(q: ox.Quad) -> bool:
    return isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)


def _quad_block(quads: list[ox.Quad]) -> str:
    return "\n".join(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads)
