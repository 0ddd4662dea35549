"""A remote SPARQL 1.1 endpoint (Virtuoso, Fuseki, GraphDB) behind the GraphStore API.

Reads go to the query endpoint, writes to the update endpoint (``TIPGRAPH_UPDATE_URL``
or ``--update-url``; Virtuoso: ``/sparql-auth``). Credentials come from
``TIPGRAPH_USER`` / ``TIPGRAPH_PASSWORD`` or ``~/.netrc`` and never appear in messages.

Each document graph is replaced by one update request (``DROP SILENT GRAPH`` +
``INSERT DATA``) so readers never see half a document; a graph too large for one
request is written into a staging graph in chunks and then moved over the target in
one ``MOVE`` request. Transient failures (connection errors, 5xx) are retried with
exponential backoff.
"""
from __future__ import annotations

import netrc
import os
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from typing import IO
from urllib.parse import urlsplit, urlunsplit

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier, Node
from SPARQLWrapper import BASIC, DIGEST, JSON, POST, SPARQLWrapper, TURTLE
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, SPARQLWrapperException

from ..namespaces import ID, REGISTRY_GRAPH
from ..rqfile import internal_query
from . import derived
from .base import Capabilities, GraphStore, SelectResult, StoreError, StoreStats, Triple
from .binding import bind_values, check_term

#: Triples per INSERT DATA request; larger graphs go through a staging graph. (Virtuoso's
#: SPARQL compiler ran out of memory on a registry graph of ~20,000 triples in one request.)
CHUNK_TRIPLES = 4_000
#: Only graphs under this base belong to tipgraph (Virtuoso exposes system graphs too).
OWN_GRAPHS = str(ID)


def _redact(url: str) -> str:
    """The URL without any user:password part."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def _credentials(url: str) -> tuple[str, str] | None:
    user, password = os.environ.get("TIPGRAPH_USER"), os.environ.get("TIPGRAPH_PASSWORD")
    if user and password is not None:
        return user, password
    try:
        entry = netrc.netrc().authenticators(urlsplit(url).hostname or "")
    except (FileNotFoundError, netrc.NetrcParseError):
        entry = None
    if entry:
        return entry[0], entry[2] or ""
    return None


_BNODE_UNSAFE = re.compile(r"[^A-Za-z0-9_]")


def _term(binding: dict) -> Node:
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        # Virtuoso names them "nodeID://b123": keep the identity, make the label valid.
        return BNode(_BNODE_UNSAFE.sub("_", value))
    datatype = binding.get("datatype")
    return Literal(value, lang=binding.get("xml:lang"), datatype=URIRef(datatype) if datatype else None)


def _nt(node: Node) -> str:
    """N-Triples form; blank nodes keep their id (one request is one scope for them)."""
    if isinstance(node, BNode):
        return f"_:b{node}"
    return check_term(node)


class RemoteStore(GraphStore):
    """A SPARQL 1.1 query (and update) endpoint."""

    #: An endpoint always answers (exists() is True); its results come back whole.
    capabilities = Capabilities(request_timeout=True, update_endpoint=True)

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        auth: str | None = None,
        timeout: float = 120.0,
        retries: int = 4,
        backoff: float = 0.5,
        read_only: bool = False,
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url or os.environ.get("TIPGRAPH_UPDATE_URL") or query_url
        self.location = _redact(query_url)
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.read_only = read_only
        self._auth = (auth or os.environ.get("TIPGRAPH_AUTH") or "digest").lower()
        self._credentials = _credentials(self.update_url)
        self._prologue: str | None = None

    # -- dialects -------------------------------------------------------------------
    def prologue(self) -> str:
        """Engine-specific lines put before every query (found once per store object).

        Virtuoso's default graph is the union of ALL graphs, its own system graphs
        included; ``define input:default-graph-exclude`` keeps the union to
        tipgraph's graphs, as on the embedded store.
        """
        if self._prologue is None:
            self._prologue = ""
            if self._is_virtuoso():
                data = self._query_json_raw(internal_query("remote-all-graphs").text)
                foreign = sorted(
                    b["g"]["value"] for b in data["results"]["bindings"] if not b["g"]["value"].startswith(OWN_GRAPHS)
                )
                self._prologue = "".join(
                    f"define input:default-graph-exclude {check_term(URIRef(g))}\n" for g in foreign
                )
        return self._prologue

    def _is_virtuoso(self) -> bool:
        def probe():
            with urllib.request.urlopen(self.query_url + "?query=ASK%7B%7D", timeout=self.timeout) as r:
                return "virtuoso" in (r.headers.get("Server") or "").lower()

        try:
            return self._call("probe", probe)
        except StoreError:
            return False

    # -- HTTP ---------------------------------------------------------------------
    def _wrapper(self, url: str) -> SPARQLWrapper:
        w = SPARQLWrapper(url)
        w.setTimeout(int(self.timeout))
        if self._credentials:
            w.setHTTPAuth(DIGEST if self._auth == "digest" else BASIC)
            w.setCredentials(*self._credentials)
        return w

    def _call(self, what: str, fn):
        delay = self.backoff
        for attempt in range(self.retries + 1):
            try:
                return fn()
            except (urllib.error.URLError, EndPointInternalError, ConnectionError, TimeoutError) as exc:
                # Virtuoso answers 500 for query errors too: only gateway errors and
                # connection failures are worth another try.
                transient = isinstance(exc, (urllib.error.URLError, ConnectionError, TimeoutError)) and not (
                    isinstance(exc, urllib.error.HTTPError) and exc.code not in (502, 503, 504)
                )
                if not transient or attempt == self.retries:
                    raise StoreError(f"{what} failed at {self.location}: {self._reason(exc)}") from None
                time.sleep(delay)
                delay *= 2
            except SPARQLWrapperException as exc:
                raise StoreError(f"{what} refused by {self.location}: {self._reason(exc)}") from None
        raise AssertionError("unreachable")

    def _reason(self, exc: BaseException) -> str:
        text = str(exc)
        if self._credentials:
            text = text.replace(self._credentials[1], "***") if self._credentials[1] else text
        text = " ".join(text.split())
        return text[:600] if text else type(exc).__name__

    def _query_json(self, query: str) -> dict:
        return self._query_json_raw(self.prologue() + query)

    def _query_json_raw(self, query: str) -> dict:
        def run():
            w = self._wrapper(self.query_url)
            w.setQuery(query)
            w.setMethod(POST)
            w.setReturnFormat(JSON)
            result = w.query()
            state = result.response.info().get("X-SQL-State")
            if state:  # Virtuoso: partial result (row or time limit hit)
                raise StoreError(f"{self.location} returned a partial result (X-SQL-State {state})")
            return result.convert()

        return self._call("query", run)

    def _update(self, update: str, what: str = "update") -> None:
        if self.read_only:
            raise StoreError(f"{self.location} is opened read-only")

        def run():
            w = self._wrapper(self.update_url)
            w.setQuery(update)
            w.setMethod(POST)
            w.query()

        self._call(what, run)

    # -- reading --------------------------------------------------------------------
    def select(self, query: str, bindings: Mapping[str, Identifier] | None = None, *,
               limit: int | None = None) -> SelectResult:
        data = self._query_json(bind_values(query, bindings))
        variables = data.get("head", {}).get("vars", [])
        # the server bounds what it sends (Virtuoso: ResultSetMaxRows); rows past limit are not kept
        bindings_out = data.get("results", {}).get("bindings", [])[:limit]
        rows = [{k: _term(v) for k, v in b.items()} for b in bindings_out]
        return SelectResult(variables, rows)

    def ask(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> bool:
        return bool(self._query_json(bind_values(query, bindings)).get("boolean"))

    def construct(self, query: str, bindings: Mapping[str, Identifier] | None = None) -> Graph:
        text = self.prologue() + bind_values(query, bindings)

        def run():
            w = self._wrapper(self.query_url)
            w.setQuery(text)
            w.setMethod(POST)
            w.setReturnFormat(TURTLE)
            return w.query().convert()

        data = self._call("construct", run)
        g = Graph()
        g.parse(data=data, format="turtle")
        return g

    def graph_names(self) -> list[URIRef]:
        query = internal_query("remote-graph-names")
        rows = self.select(query.text, query.bindings(base=Literal(OWN_GRAPHS)))
        # The entity summary (store/derived.py) is the store's own: not listed, not exported.
        return sorted(URIRef(str(r["g"])) for r in rows if URIRef(str(r["g"])) != derived.DERIVED_GRAPH)

    def graph(self, name: URIRef) -> Graph:
        g = Graph()
        offset, page = 0, 10_000  # Virtuoso sorts at most MaxSortedTopRows (10,000 by default)
        while True:
            rows = self.select(
                f"SELECT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o LIMIT {page} OFFSET {offset}",
                {"g": name},
            )
            for r in rows:
                g.add((r["s"], r["p"], r["o"]))
            if len(rows) < page:
                return g
            offset += page

    def export(self, out: IO[bytes], fmt: str, graph: URIRef | None = None) -> int:
        from rdflib import Dataset

        names = [graph] if graph is not None else self.graph_names()
        if fmt == "turtle":
            union = Graph()
            for name in names:
                union += self.graph(name)
            out.write(union.serialize(format="turtle", encoding="utf-8"))
            return len(union)
        if fmt not in ("nquads", "trig"):
            raise StoreError(f"unknown export format {fmt!r}")
        ds = Dataset()
        count = 0
        for name in names:
            target = ds.graph(name)
            for t in self.graph(name):
                target.add(t)
                count += 1
        if fmt == "nquads":
            lines = ds.serialize(format="nquads", encoding="utf-8").decode("utf-8").splitlines()
            out.write(("\n".join(sorted(line for line in lines if line.strip())) + "\n").encode("utf-8"))
        else:
            out.write(ds.serialize(format="trig", encoding="utf-8"))
        return count

    def stats(self) -> StoreStats:
        base = Literal(OWN_GRAPHS)
        query = internal_query("remote-quad-count")
        quads = self.select(query.text, query.bindings(base=base, derived=derived.DERIVED_GRAPH)).rows[0]["n"]
        graphs = len(self.graph_names())
        query = internal_query("remote-document-count")
        docs = self.select(query.text, query.bindings(base=base, registry=REGISTRY_GRAPH)).rows[0]["n"]
        query = internal_query("remote-class-counts")
        rows = self.select(query.text, query.bindings(base=base))
        instances = {str(r["c"]): int(r["n"]) for r in rows}
        return StoreStats(int(quads), graphs, int(docs), dict(sorted(instances.items())))

    # -- writing --------------------------------------------------------------------
    def replace_graphs(self, graphs: Mapping[URIRef, Iterable[Triple]]) -> int:
        """Each graph in one update request, together with its change to the entity summary."""
        total = 0
        for name, triples in graphs.items():
            check_term(name)
            if URIRef(str(name)) == derived.DERIVED_GRAPH:
                raise StoreError(f"graph {name} is the derived layout, kept by the store itself")
            triples = list(triples)
            lines = [f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o in triples]
            has_bnodes = any(isinstance(t, BNode) for triple in triples for t in triple)
            total += len(lines)
            try:
                self.ensure_derived_layout()
                old = self._summarised_triples(name)
                change = derived.plan(self, {name: old} if old else {}, {name: triples})
                if len(change.deletes) + len(change.inserts) <= _ONE_REQUEST:
                    self._replace_one(name, lines, has_bnodes, _derived_ops(change))
                else:
                    # a very large graph (the registry): its summary change in one request
                    # exhausts Virtuoso's SPARQL compiler, so the rest follows in requests of its own
                    pieces = _derived_op_pieces(change)
                    self._replace_one(name, lines, has_bnodes, pieces[0])
                    for piece in pieces[1:]:
                        self._update(piece, "load")
            except StoreError as exc:
                raise StoreError(f"graph {name}: {exc}") from None
        return total

    def _summarised_triples(self, name: URIRef) -> list[Triple]:
        """The triples of one stored graph that the entity summary summarises."""
        out: list[Triple] = []
        offset, page = 0, 10_000
        while True:
            rows = self.select(
                "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } VALUES ?p { "
                + " ".join(f"<{p}>" for p in derived._SOURCE_PREDICATE.values())
                + f" }} FILTER(isIRI(?s)) }} ORDER BY ?s ?p ?o LIMIT {page} OFFSET {offset}",
                {"g": name},
            ).rows
            out.extend((r["s"], r["p"], r["o"]) for r in rows)
            if len(rows) < page:
                return out
            offset += page

    def _write_full_layout(self) -> None:
        """The whole summary from every graph (an endpoint filled before the layout existed)."""
        layout = derived.full_layout((g, self._summarised_triples(g)) for g in self.graph_names())
        self._replace_one(derived.DERIVED_GRAPH, [f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o in layout], False)
        self._derived_ready = True

    def _replace_one(self, name: URIRef, lines: list[str], has_bnodes: bool, extra: str = "") -> None:
        g = _nt(name)
        tail = f" ;\n{extra}" if extra else ""
        if has_bnodes:
            # Blank nodes are scoped to one request, and Virtuoso refuses them in
            # INSERT DATA: a template with an empty WHERE is standard and accepted.
            body = "\n".join(lines)
            self._update(f"DROP SILENT GRAPH {g} ;\nINSERT {{ GRAPH {g} {{\n{body}\n}} }} WHERE {{}}{tail}", "load")
            return
        if len(lines) <= CHUNK_TRIPLES:
            body = "\n".join(lines)
            self._update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}{tail}", "load")
            return
        staging = _nt(URIRef(f"{name}#staging"))
        self._update(f"DROP SILENT GRAPH {staging}", "load")
        for start in range(0, len(lines), CHUNK_TRIPLES):
            body = "\n".join(lines[start : start + CHUNK_TRIPLES])
            self._update(f"INSERT DATA {{ GRAPH {staging} {{\n{body}\n}} }}", "load")
        self._update(f"MOVE SILENT {staging} TO {g}{tail}", "load")

    def drop_graphs(self, names: Iterable[URIRef]) -> None:
        names = list(names)
        for n in names:
            check_term(n)
            if URIRef(str(n)) == derived.DERIVED_GRAPH:
                raise StoreError(f"graph {n} is the derived layout, kept by the store itself")
        if names:
            self.ensure_derived_layout()
            # a few graphs per request: the summary change of a whole store in one request
            # exhausts Virtuoso's SPARQL compiler; each graph still goes with its own change
            for start in range(0, len(names), _DROP_CHUNK):
                chunk = names[start : start + _DROP_CHUNK]
                old = {n: t for n in chunk if (t := self._summarised_triples(n))}
                pieces = _derived_op_pieces(derived.plan(self, old, {}))
                self._update(" ;\n".join([*(f"DROP SILENT GRAPH {_nt(n)}" for n in chunk), *pieces[:1]]), "drop")
                for piece in pieces[1:]:
                    # a very large graph (the registry): the rest of its summary change follows
                    # in requests of its own; a rerun of the drop repairs an interrupted one
                    self._update(piece, "drop")

    def update(self, sparql_update: str) -> None:
        self._update(sparql_update)


_DROP_CHUNK = 8
_PIECE = 800
#: Summary changes up to this many triples go in the same request as their graph.
_ONE_REQUEST = 3000


def _derived_op_pieces(change: derived.Change) -> list[str]:
    """The summary change as requests of at most ``_PIECE`` triples each."""
    g = _nt(derived.DERIVED_GRAPH)
    out = []
    for verb, triples in (("DELETE DATA", list(change.deletes)), ("INSERT DATA", list(change.inserts))):
        for start in range(0, len(triples), _PIECE):
            body = "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o in triples[start : start + _PIECE])
            out.append(f"{verb} {{ GRAPH {g} {{\n{body}\n}} }}")
    return out


def _derived_ops(change: derived.Change) -> str:
    """DELETE DATA / INSERT DATA of a summary change, for the same request as its graph."""
    g = _nt(derived.DERIVED_GRAPH)
    parts = []
    if change.deletes:
        body = "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o in change.deletes)
        parts.append(f"DELETE DATA {{ GRAPH {g} {{\n{body}\n}} }}")
    if change.inserts:
        body = "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o in change.inserts)
        parts.append(f"INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")
    return " ;\n".join(parts)
