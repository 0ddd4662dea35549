"""Loading RDF files written or exported by data stewards.

Files are parsed by pyoxigraph (Turtle, TriG, N-Triples, N-Quads, JSON-LD): it is
fast, reports syntax errors with line and column, resolves no XML entities (RDF/XML
is not accepted) and refuses remote JSON-LD contexts instead of fetching them.
A triple file goes into its own graph, ``graph/file/{slug(name)}-{short_hash(path)}``,
so loading it again replaces exactly what it loaded before; quad files keep their
graph names (their default-graph triples go to the file graph).

A batch is validated as a whole in the context of the store and written with one
``replace_graphs`` call, so it is stored entirely or not at all.
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, BNode, Graph, URIRef

from .namespaces import ID, ONTOLOGY_GRAPH, TIP, short_hash, slug
from .reference import subclasses
from .store.base import GraphStore, Triple
from .store.embedded import from_ox
from .validation import ValidationReport, ensure_ontology, validate_graph

#: Formats by name, with pyoxigraph's parser for each.
FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
EXTENSIONS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".trig": "trig",
    ".nt": "ntriples",
    ".ntriples": "ntriples",
    ".nq": "nquads",
    ".nquads": "nquads",
    ".jsonld": "jsonld",
    ".json-ld": "jsonld",
    ".json": "jsonld",
}


class InputFileError(Exception):
    """A file that cannot be read as RDF (missing, undecodable, unknown format)."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        self.message = message
        super().__init__(f"{path}: {message}")


class RDFSyntaxError(InputFileError):
    """A syntax error, located by file, line and column (1-based)."""

    def __init__(self, path: Path | str, line: int | None, column: int | None, message: str) -> None:
        self.line, self.column = line, column
        super().__init__(path, message)
        where = f"{path}:{line}:{column}" if line is not None else f"{path}"
        self.args = (f"{where}: {message}",)

    def __str__(self) -> str:
        return self.args[0]


def file_graph_iri(path: Path | str) -> URIRef:
    """The graph of a steward's triple file: stable for the same absolute path."""
    p = Path(path).resolve()
    return ID[f"graph/file/{slug(p.name)}-{short_hash(str(p))}"]


def format_of(path: Path, fmt: str | None = None) -> str:
    if fmt is not None:
        if fmt not in FORMATS:
            raise InputFileError(path, f"unknown RDF format {fmt!r} (one of {', '.join(FORMATS)})")
        return fmt
    try:
        return EXTENSIONS[path.suffix.lower()]
    except KeyError:
        raise InputFileError(
            path, f"cannot tell the RDF format from the extension {path.suffix!r}; give --rdf-format"
        ) from None


_POSITION = re.compile(r"^Parser error (?:at|between) line \d+.*?: ")


#: No label, title or evidence sentence comes near this; a longer literal is an error or an attack.
MAX_LITERAL_CHARS = 100_000
#: tipgraph names its nodes with IRIs; a file with more blank nodes than this is a flood, not data.
MAX_BLANK_NODES = 10_000


def parse_file(path: Path | str, fmt: str | None = None) -> dict[URIRef, list[Triple]]:
    """The triples of one file, by graph name (rdflib terms; blank nodes scoped to the file)."""
    path = Path(path)
    name = format_of(path, fmt)
    file_graph = file_graph_iri(path)
    bnode_prefix = "f" + short_hash(str(path.resolve()), length=8) + "x"
    bnodes: dict[str, BNode] = {}

    def term(t):
        if isinstance(t, ox.BlankNode):
            b = bnodes.get(t.value)
            if b is None:
                if len(bnodes) >= MAX_BLANK_NODES:
                    raise InputFileError(path, f"more than {MAX_BLANK_NODES:,} blank nodes; give the nodes IRIs")
                b = bnodes[t.value] = BNode(bnode_prefix + t.value)
            return b
        if isinstance(t, ox.Literal) and len(t.value) > MAX_LITERAL_CHARS:
            raise InputFileError(path, f"a literal of {len(t.value):,} characters (limit {MAX_LITERAL_CHARS:,}): "
                                       f"{t.value[:40]!r}...")
        return from_ox(t)

    graphs: dict[URIRef, list[Triple]] = {}
    try:
        with path.open("rb") as f:
            for q in ox.parse(f, FORMATS[name]):
                g = q.graph_name
                key = from_ox(g) if isinstance(g, ox.NamedNode) else file_graph
                graphs.setdefault(key, []).append((term(q.subject), from_ox(q.predicate), term(q.object)))
    except SyntaxError as exc:
        message = _POSITION.sub("", exc.msg or str(exc))
        if "LoadDocumentCallback" in message:
            message = "remote JSON-LD contexts are not loaded; inline the @context"
        raise RDFSyntaxError(path, exc.lineno, exc.offset, message) from None
    except UnicodeDecodeError as exc:
        raise InputFileError(path, f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise InputFileError(path, exc.strerror or str(exc)) from None
    except MemoryError as exc:  # pyoxigraph's parser refuses a token longer than its buffer (16 MB)
        raise InputFileError(path, f"a term too long to parse ({exc})") from None
    except ValueError as exc:  # pyoxigraph reports some invalid terms this way
        raise RDFSyntaxError(path, None, None, str(exc)) from None
    return graphs


def parse_files(paths: Iterable[Path | str], fmt: str | None = None) -> dict[URIRef, list[Triple]]:
    """All files' triples by graph; files naming the same graph add up."""
    graphs: dict[URIRef, list[Triple]] = {}
    for p in paths:
        for name, triples in parse_file(p, fmt).items():
            graphs.setdefault(name, []).extend(triples)
    return graphs


#: The classes every node of a kind carries besides any subclass (see with_core_classes).
CORE_CLASSES = tuple(TIP[c] for c in ("Person", "Organization", "State", "Place", "Meeting", "LegalInstrument",
                                       "Programme", "Document", "Ratification"))


def with_core_classes(triples: list[Triple]) -> list[Triple]:
    """``triples`` plus the core class of every node typed only with a subclass of it.

    tipgraph's own graphs type each node with its core class (tip:Meeting beside
    tip:WorkingMeeting); loaded files get the same, so that stored queries can test
    ``a tip:Meeting`` instead of walking rdfs:subClassOf*, which is slow on every
    engine and loses rows on Virtuoso.
    """
    below = {sub: core for core in CORE_CLASSES for sub in subclasses(core) if sub != core}
    present = set(triples)
    added = []
    for s, p, o in triples:
        if p == RDF.type and o in below:
            t = (s, RDF.type, below[o])
            if t not in present:
                present.add(t)
                added.append(t)
    return triples + added if added else triples


def _parse_batch(paths: Sequence[Path | str], fmt: str | None) -> dict[URIRef, list[Triple]]:
    graphs = parse_files(paths, fmt)
    if ONTOLOGY_GRAPH in graphs:
        raise InputFileError(paths[0], f"graph <{ONTOLOGY_GRAPH}> is kept by tipgraph from ontology/; do not load it")
    return {name: with_core_classes(triples) for name, triples in graphs.items()}


def _union(graphs: dict[URIRef, list[Triple]]) -> Graph:
    g = Graph()
    for triples in graphs.values():
        for t in triples:
            g.add(t)
    return g


def validate_files(
    store: GraphStore | None, paths: Sequence[Path | str], fmt: str | None = None
) -> tuple[ValidationReport, dict[URIRef, list[Triple]]]:
    """Parse and validate a batch in the context of the store (none: no context)."""
    graphs = _parse_batch(paths, fmt)
    report = validate_graph(_union(graphs), store, replacing=list(graphs))
    return report, graphs


@dataclass
class LoadResult:
    report: ValidationReport
    graphs: list[URIRef] = field(default_factory=list)
    #: Quads written (0 when refused).
    quads: int = 0
    loaded: bool = False
    #: Wall time of parsing, validation and writing.
    seconds: float = 0.0
    #: Why the batch was refused, when it was.
    refused_because: str | None = None
    #: Seconds per step: parse, validate, write.
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def quads_per_second(self) -> float:
        return self.quads / self.seconds if self.seconds > 0 else 0.0


def load_files(
    store: GraphStore, paths: Sequence[Path | str], strict: bool = False, fmt: str | None = None
) -> LoadResult:
    """Validate the batch, then store it with one ``replace_graphs`` call, or refuse all of it.

    Refused on any violation, and with ``strict`` on any warning too; a refused batch
    leaves the store exactly as it was. Before an accepted batch is written, the
    ontology graph is loaded when it is missing or out of date.
    """
    t0 = time.perf_counter()
    graphs = _parse_batch(paths, fmt)
    t1 = time.perf_counter()
    report = validate_graph(_union(graphs), store, replacing=list(graphs))
    t2 = time.perf_counter()
    result = LoadResult(report=report, graphs=sorted(graphs))
    result.timings = {"parse": t1 - t0, "validate": t2 - t1}
    if not report.conforms:
        result.refused_because = f"{report.count('Violation')} violation(s)"
    elif strict and report.count("Warning"):
        result.refused_because = f"{report.count('Warning')} warning(s) (--strict)"
    if result.refused_because:
        result.seconds = time.perf_counter() - t0
        return result
    ensure_ontology(store)  # store set-up, as ingest does; a no-op once current
    store.replace_graphs(graphs)
    result.quads = sum(len(set(triples)) for triples in graphs.values())
    result.loaded = True
    result.seconds = time.perf_counter() - t0
    result.timings["write"] = time.perf_counter() - t2
    return result
